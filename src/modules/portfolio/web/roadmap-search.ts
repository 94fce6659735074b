import { idParam } from '../../../web/components/search-params';

// The search parameters of /portefolje/veikart (the roadmap's area filter): a bad value dropped.

export type RoadmapSearch = { area?: string };

export function validateRoadmapSearch(raw: Record<string, unknown>): RoadmapSearch {
  const area = idParam(raw.area);
  return area ? { area } : {};
}

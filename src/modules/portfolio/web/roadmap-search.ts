// The search parameters of /portefolje/veikart (the roadmap's area filter): a bad value dropped.

export type RoadmapSearch = { area?: string };

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function validateRoadmapSearch(raw: Record<string, unknown>): RoadmapSearch {
  return typeof raw.area === 'string' && uuid.test(raw.area) ? { area: raw.area } : {};
}

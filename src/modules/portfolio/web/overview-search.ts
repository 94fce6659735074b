import { idParam, oneOf, pageParam, textParam } from '../../../web/components/search-params';
import {
  initiativeCategories,
  initiativePhases,
  initiativeStates,
  type InitiativeCategory,
  type InitiativePhase,
  type InitiativeState,
} from '../initiatives.schemas';

// The search parameters of /portefolje (the overview's filters): every value checked, a bad one dropped.

export type PortfolioSearch = {
  area?: string;
  phase?: InitiativePhase;
  state?: InitiativeState;
  owner?: string;
  agent?: string;
  goal?: string;
  decision?: string;
  category?: InitiativeCategory;
  q?: string;
  page?: number;
};

export function validatePortfolioSearch(raw: Record<string, unknown>): PortfolioSearch {
  const search: PortfolioSearch = {
    area: idParam(raw.area),
    phase: oneOf(raw.phase, initiativePhases),
    state: oneOf(raw.state, initiativeStates),
    owner: idParam(raw.owner),
    agent: idParam(raw.agent),
    goal: idParam(raw.goal),
    decision: idParam(raw.decision),
    category: oneOf(raw.category, initiativeCategories),
    // The router reads «?q=2024» as a number: a search for a year is still a search.
    q: textParam(typeof raw.q === 'number' ? String(raw.q) : raw.q),
    page: pageParam(raw.page),
  };
  return Object.fromEntries(Object.entries(search).filter(([, v]) => v !== undefined)) as PortfolioSearch;
}

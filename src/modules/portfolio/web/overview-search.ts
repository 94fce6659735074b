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

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const oneOf = <T extends string>(values: readonly T[], value: unknown): T | undefined =>
  typeof value === 'string' && (values as readonly string[]).includes(value) ? (value as T) : undefined;
const id = (value: unknown) => (typeof value === 'string' && uuid.test(value) ? value : undefined);

export function validatePortfolioSearch(raw: Record<string, unknown>): PortfolioSearch {
  const page = Number(raw.page);
  const q = typeof raw.q === 'string' || typeof raw.q === 'number' ? String(raw.q).trim().slice(0, 200) : '';
  const search: PortfolioSearch = {
    area: id(raw.area),
    phase: oneOf(initiativePhases, raw.phase),
    state: oneOf(initiativeStates, raw.state),
    owner: id(raw.owner),
    agent: id(raw.agent),
    goal: id(raw.goal),
    decision: id(raw.decision),
    category: oneOf(initiativeCategories, raw.category),
    q: q || undefined,
    page: Number.isInteger(page) && page > 1 && page <= 100000 ? page : undefined,
  };
  return Object.fromEntries(Object.entries(search).filter(([, v]) => v !== undefined)) as PortfolioSearch;
}

import { benefitStatuses, benefitTypes, type BenefitStatus, type BenefitType } from '../benefits.schemas';

// The search parameters of /portefolje/gevinster (the benefits list's filters): every value checked, a bad one dropped.

export type BenefitsSearch = {
  area?: string;
  status?: BenefitStatus;
  type?: BenefitType;
  owner?: string;
  overdue?: boolean;
};

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const oneOf = <T extends string>(values: readonly T[], value: unknown): T | undefined =>
  typeof value === 'string' && (values as readonly string[]).includes(value) ? (value as T) : undefined;
const id = (value: unknown) => (typeof value === 'string' && uuid.test(value) ? value : undefined);

export function validateBenefitsSearch(raw: Record<string, unknown>): BenefitsSearch {
  const search: BenefitsSearch = {
    area: id(raw.area),
    status: oneOf(benefitStatuses, raw.status),
    type: oneOf(benefitTypes, raw.type),
    owner: id(raw.owner),
    overdue: raw.overdue === true || raw.overdue === 'true' ? true : undefined,
  };
  return Object.fromEntries(Object.entries(search).filter(([, v]) => v !== undefined)) as BenefitsSearch;
}

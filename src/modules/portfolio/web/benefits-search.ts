import { flagParam, idParam, oneOf } from '../../../web/components/search-params';
import { benefitStatuses, benefitTypes, type BenefitStatus, type BenefitType } from '../benefits.schemas';

// The search parameters of /portefolje/gevinster (the benefits list's filters): every value checked, a bad one dropped.

export type BenefitsSearch = {
  area?: string;
  status?: BenefitStatus;
  type?: BenefitType;
  owner?: string;
  overdue?: boolean;
};

export function validateBenefitsSearch(raw: Record<string, unknown>): BenefitsSearch {
  const search: BenefitsSearch = {
    area: idParam(raw.area),
    status: oneOf(raw.status, benefitStatuses),
    type: oneOf(raw.type, benefitTypes),
    owner: idParam(raw.owner),
    overdue: flagParam(raw.overdue),
  };
  return Object.fromEntries(Object.entries(search).filter(([, v]) => v !== undefined)) as BenefitsSearch;
}

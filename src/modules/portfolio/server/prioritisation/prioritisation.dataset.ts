import type { PortfolioDb } from '../portfolio.tables.js';

/**
 * Knutepunkt's default criteria, not the seeds': issue 6 names the six (strategic fit, benefit,
 * urgency, risk, feasibility, cost); equal weights until the board re-weights them. Risk and cost
 * are "higher is worse". Labelled as defaults on the prioritisation page (criteriaSource).
 */
export const criteriaSource = 'Knutepunkt-standard; issue 6';

export const defaultCriteria = [
  { key: 'strategic_fit', nb: 'Strategisk forankring', en: 'Strategic fit', higherIsBetter: true },
  { key: 'benefit', nb: 'Gevinst', en: 'Benefit', higherIsBetter: true },
  { key: 'urgency', nb: 'Hastegrad', en: 'Urgency', higherIsBetter: true },
  { key: 'risk', nb: 'Risiko', en: 'Risk', higherIsBetter: false },
  { key: 'feasibility', nb: 'Gjennomførbarhet', en: 'Feasibility', higherIsBetter: true },
  { key: 'cost', nb: 'Kostnad', en: 'Cost', higherIsBetter: false },
] as const;

/** The default criteria (once per database; the board's weights are kept). */
export async function loadCriteriaDefaults(trx: PortfolioDb): Promise<void> {
  await trx
    .insertInto('pf_criteria')
    .values(
      defaultCriteria.map((c, index) => ({
        key: c.key,
        label_nb: c.nb,
        label_en: c.en,
        weight: 1,
        higher_is_better: c.higherIsBetter,
        sort_order: (index + 1) * 10,
      })),
    )
    .onConflict((oc) => oc.column('key').doNothing())
    .execute();
}

import type { DecisionPoint } from '../portfolio.tables.js';
import type { PortfolioDb } from '../portfolio.tables.js';

/**
 * Knutepunkt's default checklist, not the seeds': the issue names the questions (strategic fit,
 * resources, risk, benefit owner involved, capacity in the line to realise benefits, privacy and
 * security) and Prosjektveiviseren the decision points. The board edits them on its page.
 */
export const checklistSource = 'Knutepunkt-standard etter Prosjektveiviseren (Digdir); issue 6';

type DefaultItem = { key: string; nb: string; en: string };

const commonQuestions = (stage: { nb: string; en: string }): DefaultItem[] => [
  {
    key: 'strategic_fit',
    nb: `Strategisk forankring: ${stage.nb} støtter kommunens mål`,
    en: `Strategic fit: ${stage.en} supports the municipality's goals`,
  },
  {
    key: 'resources',
    nb: 'Ressurser: folk og midler til neste fase er avklart',
    en: 'Resources: people and money for the next phase are settled',
  },
  { key: 'risk', nb: 'Risiko: vesentlige risikoer er vurdert og har tiltak', en: 'Risk: significant risks are assessed and have actions' },
  { key: 'benefit_owner', nb: 'Gevinsteier i linjen er involvert', en: 'The benefit owner in the line is involved' },
  {
    key: 'line_capacity',
    nb: 'Linjen har kapasitet til å ta ut gevinstene',
    en: 'The line has capacity to realise the benefits',
  },
  {
    key: 'privacy_security',
    nb: 'Personvern og informasjonssikkerhet er vurdert (DPIA ved behov)',
    en: 'Privacy and information security are assessed (DPIA where needed)',
  },
];

export const defaultChecklists: Record<DecisionPoint, DefaultItem[]> = {
  BP1: commonQuestions({ nb: 'idéen', en: 'the idea' }),
  BP2: commonQuestions({ nb: 'valgt konsept', en: 'the chosen concept' }),
  BP3: commonQuestions({ nb: 'prosjektplanen', en: 'the project plan' }),
  BP4: commonQuestions({ nb: 'leveransen', en: 'the delivery' }),
  BP5: commonQuestions({ nb: 'avslutningen', en: 'the closing' }),
};

/** The board's default checklist per decision point (once per database; the board's edits are kept). */
export async function loadChecklistDefaults(trx: PortfolioDb): Promise<void> {
  const rows = Object.entries(defaultChecklists).flatMap(([point, items]) =>
    items.map((item, index) => ({
      decision_point: point as DecisionPoint,
      key: item.key,
      label_nb: item.nb,
      label_en: item.en,
      sort_order: (index + 1) * 10,
      active: true,
      source: checklistSource,
    })),
  );
  await trx
    .insertInto('pf_checklist_items')
    .values(rows)
    .onConflict((oc) => oc.columns(['decision_point', 'key']).doNothing())
    .execute();
}

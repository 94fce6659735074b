import type { WriteContext } from '../../../../kernel/index.js';
import { computeFigures } from '../../../leader-support/index.js';
import type { SteeringDb } from '../steering.tables.js';
import { indicatorByKey, putValues } from './indicators.commands.js';
import { norwegianToday } from './periods.js';
import { invalid } from './shared.js';

// The first-line resolution rate (seed 002 s. 61: «ca. 70% av alle henvendelser skal kunne løses i
// 1.linjen») comes from the leader support module's figures (docs/support-metrics.md): per month,
// the share of resolved requests whose highest line was the first. Stored as percent, origin 'leader_support'.

export async function refreshFirstLineRate(trx: SteeringDb, context: WriteContext, key: string) {
  const head = await indicatorByKey(trx, key);
  if (head.data_source !== 'leader_support' || head.frequency !== 'month')
    throw invalid(
      'Indikatoren hentes ikke fra lederstøtten (månedlig), så det er ingenting å hente.',
      'The indicator is not fed by leader support (monthly), so there is nothing to fetch.',
    );
  const today = norwegianToday();
  const figures = await computeFigures(trx as unknown as Parameters<typeof computeFigures>[0], {});
  const values = figures.months
    .filter((month) => month.firstLineRate !== null && month.resolved > 0 && `${month.month}-01` <= today)
    .map((month) => ({ period: month.month, value: Math.round(month.firstLineRate! * 1000) / 10 }));
  if (values.length === 0) return { written: 0, removed: 0 };
  return putValues(trx, context, key, { values }, new Set(), 'leader_support');
}

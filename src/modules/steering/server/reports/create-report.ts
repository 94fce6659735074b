import { AppError, type WriteContext } from '../../../../kernel/index.js';
import type { CreateReportBody } from '../../reports.schemas.js';
import type { SteeringDb } from '../steering.tables.js';
import { audit } from './locked.js';
import { isReportPeriod, reportPeriod } from './report-periods.js';

/** Creates a report (one per kind + period) with a section for each active programme area. */
export async function createReport(trx: SteeringDb, context: WriteContext, input: CreateReportBody): Promise<string> {
  const parsed = reportPeriod(input.kind, input.period);
  if (!isReportPeriod(parsed)) throw new AppError('invalid', { message: parsed, details: { field: 'period' } });
  const existing = await trx
    .selectFrom('st_reports')
    .select(['id', 'title'])
    .where('kind', '=', parsed.kind)
    .where('period', '=', parsed.period)
    .executeTakeFirst();
  if (existing)
    throw new AppError('conflict', {
      message: { nb: `«${existing.title}» finnes allerede.`, en: `«${parsed.title.en}» already exists.` },
      details: { reportId: existing.id },
    });
  const report = await trx
    .insertInto('st_reports')
    .values({
      kind: parsed.kind,
      period: parsed.period,
      as_of: parsed.asOf,
      title: parsed.title.nb,
      created_by: context.actor?.userId ?? null,
    })
    // Two analysts creating the same report at once: the second is told it exists, never a 500.
    .onConflict((oc) => oc.columns(['kind', 'period']).doNothing())
    .returning('id')
    .executeTakeFirst();
  if (!report)
    throw new AppError('conflict', {
      message: { nb: `«${parsed.title.nb}» finnes allerede.`, en: `«${parsed.title.en}» already exists.` },
    });
  const areas = await trx.selectFrom('st_programme_areas').select('id').where('active', '=', true).execute();
  if (areas.length > 0)
    await trx
      .insertInto('st_report_sections')
      .values(areas.map((a) => ({ report_id: report.id, area_id: a.id })))
      .execute();
  await audit(trx, context, {
    action: 'create',
    entityType: 'steering_report',
    entityId: report.id,
    after: { kind: parsed.kind, period: parsed.period, asOf: parsed.asOf, title: parsed.title.nb, sections: areas.length },
  });
  return report.id;
}

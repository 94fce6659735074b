import { AppError, type WriteContext } from '../../../../kernel/index.js';
import type { ReportArea } from '../../reports.schemas.js';
import type { SteeringDb } from '../steering.tables.js';
import { audit, lockOpenReport, staleError } from './locked.js';
import { isReportPeriod, reportPeriod } from './report-periods.js';
import { assembleReport } from './reports.queries.js';

/** The frozen content of a published report: what GET returns from then on, whatever the data does. */
export interface ReportSnapshot {
  version: 1;
  areas: ReportArea[];
}

/** Publishes the report when every section is approved: freezes the assembled content and locks it. */
export async function publishReport(trx: SteeringDb, context: WriteContext, reportId: string, revision: number) {
  const report = await lockOpenReport(trx, reportId);
  if (report.revision !== revision) throw staleError({ nb: 'rapporten', en: 'the report' }, report.revision);
  const parsed = reportPeriod(report.kind, report.period);
  if (!isReportPeriod(parsed)) throw new AppError('conflict', { message: parsed });
  const areas = await assembleReport(trx, { id: report.id, asOf: parsed.asOf, year: parsed.year, asOfMonth: parsed.asOfMonth });
  const waiting = areas.filter((a) => a.section.state !== 'approved');
  if (waiting.length > 0) {
    const list = waiting.map((a) => `${a.code} ${a.name}`).join(', ');
    throw new AppError('conflict', {
      message: {
        nb: `Rapporten kan ikke publiseres før alle delene er godkjent. Ikke godkjent: ${list}.`,
        en: `The report cannot be published until every section is approved. Not approved: ${list}.`,
      },
      details: { notApproved: waiting.map((a) => ({ areaId: a.areaId, code: a.code, name: a.name, state: a.section.state })) },
    });
  }
  const snapshot: ReportSnapshot = { version: 1, areas: areas.map((a) => ({ ...a, canEdit: false })) };
  const publishedAt = new Date();
  await trx
    .updateTable('st_reports')
    .set({
      status: 'published',
      snapshot: JSON.stringify(snapshot),
      published_at: publishedAt,
      published_by: context.actor?.userId ?? null,
      revision: report.revision + 1,
    })
    .where('id', '=', report.id)
    .execute();
  await audit(trx, context, {
    action: 'publish',
    entityType: 'steering_report',
    entityId: report.id,
    before: { status: report.status },
    after: { status: 'published', publishedAt: publishedAt.toISOString(), sections: areas.length },
  });
}

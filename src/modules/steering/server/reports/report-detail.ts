import { AppError, can, type Actor } from '../../../../kernel/index.js';
import type { ReportArea, ReportDetail } from '../../reports.schemas.js';
import type { SteeringDb } from '../steering.tables.js';
import type { ReportSnapshot } from './publish-report.js';
import { isReportPeriod, reportPeriod } from './report-periods.js';
import { assembleReport, selectLedAreaIds, selectReportRow, toSummary } from './reports.queries.js';

/**
 * A report as the page shows it: assembled from the live data while it is being written, the
 * frozen snapshot once published. `canEdit` and `canReview` are for the signed-in user.
 */
export async function readReport(db: SteeringDb, id: string, actor: Actor | null): Promise<ReportDetail> {
  const row = await selectReportRow(db, id);
  if (!row) throw new AppError('not_found', { message: { nb: 'Fant ikke rapporten.', en: 'The report was not found.' } });
  const parsed = reportPeriod(row.kind, row.period);
  if (!isReportPeriod(parsed)) throw new AppError('conflict', { message: parsed });
  const published = row.status === 'published';
  let areas: ReportArea[];
  if (published && row.snapshot) {
    areas = (row.snapshot as ReportSnapshot).areas.map((a) => ({ ...a, canEdit: false }));
  } else {
    areas = await assembleReport(db, { id: row.id, asOf: parsed.asOf, year: parsed.year, asOfMonth: parsed.asOfMonth });
    const analyst = await can(actor, 'steering:write');
    const led = analyst || !actor ? new Set<string>() : await selectLedAreaIds(db, actor.userId);
    for (const area of areas) area.canEdit = !published && (analyst || (led.has(area.areaId) && area.section.state !== 'approved'));
  }
  const approved = areas.filter((a) => a.section.state === 'approved').length;
  return {
    ...toSummary(row, { sections: areas.length, approved }),
    titleEn: parsed.title.en,
    frozen: published,
    areas,
    notApproved: areas
      .filter((a) => a.section.state !== 'approved')
      .map((a) => ({ areaId: a.areaId, code: a.code, name: a.name, state: a.section.state })),
    canReview: !published && (await can(actor, 'steering:write')),
  };
}

import { AppError, can, type WriteContext } from '../../../../kernel/index.js';
import type { SaveSectionBody } from '../../reports.schemas.js';
import type { SteeringDb } from '../steering.tables.js';
import { audit, lockOpenReport, staleError } from './locked.js';
import { assertMayWriteArea, lockSection } from './section-access.js';

/** A unit leader (or an analyst) writes the area's status, assessment and conclusion. */
export async function saveSection(trx: SteeringDb, context: WriteContext, reportId: string, areaId: string, input: SaveSectionBody) {
  const report = await lockOpenReport(trx, reportId);
  const section = await lockSection(trx, report.id, areaId);
  await assertMayWriteArea(trx, context.actor, areaId);
  if (section.revision !== input.revision) throw staleError({ nb: 'denne delen', en: 'this section' }, section.revision);
  // An approved text stays as the analysts approved it: only they change it (or return it first).
  if (section.state === 'approved' && !(await can(context.actor, 'steering:write')))
    throw new AppError('conflict', {
      message: {
        nb: 'Delen er godkjent. Be analytikerne sende den tilbake hvis den skal endres.',
        en: 'The section is approved. Ask the analysts to return it if it needs changes.',
      },
    });
  const after = { statusText: input.statusText.trim(), assessment: input.assessment.trim(), conclusion: input.conclusion.trim() };
  await trx
    .updateTable('st_report_sections')
    .set({
      status_text: after.statusText,
      assessment: after.assessment,
      conclusion: after.conclusion,
      updated_by: context.actor?.userId ?? null,
      updated_at: new Date(),
      revision: section.revision + 1,
    })
    .where('id', '=', section.id)
    .execute();
  await trx
    .updateTable('st_reports')
    .set({ revision: report.revision + 1 })
    .where('id', '=', report.id)
    .execute();
  await audit(trx, context, {
    action: 'update',
    entityType: 'steering_report_section',
    entityId: section.id,
    before: { statusText: section.status_text, assessment: section.assessment, conclusion: section.conclusion },
    after: { ...after, reportId: report.id, areaId },
  });
}

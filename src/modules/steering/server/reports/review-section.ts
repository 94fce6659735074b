import { AppError, can, type WriteContext } from '../../../../kernel/index.js';
import type { SteeringDb } from '../steering.tables.js';
import { audit, lockOpenReport, staleError } from './locked.js';
import { assertMayWriteArea, lockSection, type LockedSection } from './section-access.js';

export type SectionAction = 'submit' | 'approve' | 'return';

// The workflow of a section: the unit submits (open/returned → submitted); the analysts approve
// (any state → approved) or return it with a comment (submitted/approved → returned).
const allowedFrom: Record<SectionAction, LockedSection['state'][]> = {
  submit: ['open', 'returned'],
  approve: ['open', 'submitted', 'returned'],
  return: ['submitted', 'approved'],
};
const targetState = { submit: 'submitted', approve: 'approved', return: 'returned' } as const;

const stateNames = {
  open: { nb: 'åpen', en: 'open' },
  submitted: { nb: 'sendt til gjennomgang', en: 'submitted for review' },
  approved: { nb: 'godkjent', en: 'approved' },
  returned: { nb: 'sendt tilbake', en: 'returned' },
};

export async function reviewSection(
  trx: SteeringDb,
  context: WriteContext,
  reportId: string,
  areaId: string,
  action: SectionAction,
  input: { revision: number; comment?: string },
) {
  const report = await lockOpenReport(trx, reportId);
  const section = await lockSection(trx, report.id, areaId);
  if (action === 'submit') await assertMayWriteArea(trx, context.actor, areaId);
  else if (!(await can(context.actor, 'steering:write')))
    throw new AppError('forbidden', {
      message: { nb: 'Bare analytikerne kan godkjenne eller sende tilbake.', en: 'Only the analysts can approve or return.' },
    });
  if (section.revision !== input.revision) throw staleError({ nb: 'denne delen', en: 'this section' }, section.revision);
  if (!allowedFrom[action].includes(section.state)) {
    const state = stateNames[section.state];
    throw new AppError('conflict', {
      message: {
        nb: `Delen er ${state.nb} og kan ikke ${action === 'submit' ? 'sendes inn' : action === 'approve' ? 'godkjennes' : 'sendes tilbake'} nå.`,
        en: `The section is ${state.en} and cannot be ${action === 'submit' ? 'submitted' : action === 'approve' ? 'approved' : 'returned'} now.`,
      },
      details: { state: section.state },
    });
  }
  const state = targetState[action];
  const reviewComment = action === 'return' ? input.comment!.trim() : action === 'approve' ? null : section.review_comment;
  await trx
    .updateTable('st_report_sections')
    .set({
      state,
      review_comment: reviewComment,
      updated_by: context.actor?.userId ?? null,
      updated_at: new Date(),
      revision: section.revision + 1,
    })
    .where('id', '=', section.id)
    .execute();
  // The report is in review from the first section sent in until it is published.
  await trx
    .updateTable('st_reports')
    .set({ revision: report.revision + 1, status: report.status === 'draft' && action !== 'return' ? 'in_review' : report.status })
    .where('id', '=', report.id)
    .execute();
  await audit(trx, context, {
    action,
    entityType: 'steering_report_section',
    entityId: section.id,
    before: { state: section.state, reviewComment: section.review_comment },
    after: { state, reviewComment, reportId: report.id, areaId },
  });
}

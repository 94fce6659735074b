import { AppError, conflict, forbidden, type WriteContext } from '../../../kernel/index.js';
import type { ScenarioAction, ScenarioStatus } from '../scenarios.schemas.js';
import { auditScenario, lockScenario, scenarioAuditView, scenarioEntityType, scenarioNotFound } from './edit-scenario.js';
import { comparePlan, planScenario, scenarioBlockers } from './plan-scenario.js';
import {
  insertComment,
  selectOrganisationBase,
  selectScenario,
  updateScenarioRow,
  type ScenarioDb,
  type ScenarioRow,
} from './scenarios.queries.js';

// Approval before apply: draft → submitted → approved → applied, back to draft (withdrawn by the
// editors, sent back by the approver with a comment) or rejected. Each transition runs in one
// transaction on the revision the caller read (a concurrent transition is refused as stale), writes
// its comment beside it and is audited.

type Transition = 'submit' | 'withdraw' | 'return' | 'approve' | 'reject';

const transitions: Record<Transition, { from: ScenarioStatus[]; to: ScenarioStatus; refused: { nb: string; en: string } }> = {
  submit: { from: ['draft'], to: 'submitted', refused: { nb: 'kan ikke sendes inn', en: 'cannot be submitted' } },
  withdraw: {
    from: ['submitted', 'approved'],
    to: 'draft',
    refused: { nb: 'kan ikke trekkes tilbake', en: 'cannot be withdrawn' },
  },
  return: { from: ['submitted', 'approved'], to: 'draft', refused: { nb: 'kan ikke sendes tilbake', en: 'cannot be sent back' } },
  approve: { from: ['submitted'], to: 'approved', refused: { nb: 'kan ikke godkjennes', en: 'cannot be approved' } },
  reject: { from: ['submitted', 'approved'], to: 'rejected', refused: { nb: 'kan ikke avvises', en: 'cannot be rejected' } },
};

/** Who is the caller to this scenario: its drafter, its submitter, or neither. */
export function rolesIn(scenario: Pick<ScenarioRow, 'createdBy' | 'submittedBy'>, userId: string | null | undefined) {
  return {
    drafter: !!userId && scenario.createdBy?.id === userId,
    submitter: !!userId && scenario.submittedBy?.id === userId,
  };
}

/** Approval and apply are by someone other than the one who drafted or submitted the scenario. */
export function assertNotOwn(scenario: ScenarioRow, context: WriteContext, what: 'approve' | 'apply'): void {
  const { drafter, submitter } = rolesIn(scenario, context.actor?.userId);
  if (what === 'approve' && (drafter || submitter)) {
    throw forbidden(
      'Du kan ikke godkjenne et scenario du har laget eller sendt inn selv; en annen med rett til å godkjenne må gjøre det.',
      'You cannot approve a scenario you drafted or submitted yourself; someone else with the right to approve must do it.',
    );
  }
  if (what === 'apply' && drafter) {
    throw forbidden(
      'Du kan ikke gjennomføre et scenario du har laget selv; den som godkjente det, eller en annen godkjenner, gjennomfører.',
      'You cannot apply a scenario you drafted yourself; the approver, or another approver, applies it.',
    );
  }
}

/** Refused when the organisation was edited after the scenario's base: the frozen comparison no longer holds. */
export async function assertBaseUnchanged(trx: ScenarioDb, scenario: ScenarioRow): Promise<void> {
  const base = await selectOrganisationBase(trx, true);
  if (base.revision === scenario.baseRevision) return;
  throw new AppError('conflict', {
    message: {
      nb: `Organisasjonen er endret etter at scenariet «${scenario.name}» ble sendt inn, så sammenligningen som ble sendt inn, stemmer ikke lenger. Send scenariet tilbake, ta dagens organisasjon som nytt utgangspunkt og send det inn på nytt.`,
      en: `The organisation has changed since the scenario "${scenario.name}" was submitted, so the submitted comparison no longer holds. Send it back, take today's organisation as the new base and submit it again.`,
    },
    details: { reason: 'base_changed', baseRevision: scenario.baseRevision, currentRevision: base.revision },
  });
}

export async function transitionScenario(
  db: ScenarioDb,
  context: WriteContext,
  id: string,
  transition: Transition,
  input: { revision: number; comment?: string },
): Promise<ScenarioRow> {
  const rule = transitions[transition];
  return db.transaction().execute(async (trx) => {
    const current = await lockScenario(trx, id, input.revision, rule.from, rule.refused);
    const userId = context.actor?.userId ?? null;
    let updated: ScenarioRow;
    switch (transition) {
      case 'submit': {
        // What is submitted is what the comparison accepts: the same blockers, then frozen.
        const base = await selectOrganisationBase(trx);
        const plan = await planScenario(trx, current);
        const baseChanged = base.revision !== current.baseRevision;
        const blockers = scenarioBlockers(current, plan, baseChanged);
        if (blockers.length > 0) {
          throw conflict(blockers[0]!.message.nb, blockers[0]!.message.en, { reason: blockers[0]!.reason, blockers });
        }
        const comparison = comparePlan({ ...current, status: 'submitted' }, plan, false);
        updated = await updateScenarioRow(trx, id, { status: rule.to, submitted: { by: userId, comparison } });
        break;
      }
      case 'approve':
        assertNotOwn(current, context, 'approve');
        await assertBaseUnchanged(trx, current);
        updated = await updateScenarioRow(trx, id, { status: rule.to, approvedBy: userId });
        break;
      case 'withdraw':
      case 'return':
        updated = await updateScenarioRow(trx, id, { status: rule.to, clearSubmission: true });
        break;
      case 'reject':
        updated = await updateScenarioRow(trx, id, { status: rule.to });
        break;
    }
    if (input.comment !== undefined) await addComment(trx, context, current, input.comment.trim(), transition);
    await auditScenario(trx, context, {
      action: transition,
      entityType: scenarioEntityType,
      entityId: id,
      before: scenarioAuditView(current),
      after: { ...scenarioAuditView(updated), ...(input.comment !== undefined ? { comment: input.comment.trim() } : {}) },
    });
    return updated;
  });
}

async function addComment(
  trx: ScenarioDb,
  context: WriteContext,
  scenario: ScenarioRow,
  text: string,
  action: Transition | 'apply' | null,
): Promise<void> {
  await insertComment(trx, {
    scenarioId: scenario.id,
    authorId: context.actor?.userId ?? null,
    authorName: context.actor?.displayName ?? context.actorName ?? '',
    text,
    action,
  });
}

/** A comment on a scenario in any state: who, when and what, audited. */
export async function commentOnScenario(db: ScenarioDb, context: WriteContext, id: string, text: string): Promise<ScenarioRow> {
  return db.transaction().execute(async (trx) => {
    const scenario = await selectScenario(trx, id, true);
    if (!scenario) throw scenarioNotFound(id);
    await addComment(trx, context, scenario, text.trim(), null);
    await auditScenario(trx, context, {
      action: 'comment',
      entityType: scenarioEntityType,
      entityId: id,
      after: { comment: text.trim() },
    });
    return scenario;
  });
}

/** What the caller may do with the scenario now, for the page's buttons (the server checks again). */
export function allowedActions(
  scenario: ScenarioRow,
  actor: { userId: string; permissions: ReadonlySet<string> } | null,
  baseChanged: boolean,
): ScenarioAction[] {
  if (!actor) return [];
  const write = actor.permissions.has('organisation:write');
  const approve = actor.permissions.has('organisation:approve');
  const { drafter, submitter } = rolesIn(scenario, actor.userId);
  const actions: ScenarioAction[] = ['comment'];
  switch (scenario.status) {
    case 'draft':
      if (write) actions.push('edit', 'submit');
      break;
    case 'submitted':
      if (write) actions.push('withdraw');
      if (approve) actions.push('return', 'reject');
      if (approve && !drafter && !submitter && !baseChanged) actions.push('approve');
      break;
    case 'approved':
      if (write) actions.push('withdraw');
      if (approve) actions.push('return', 'reject');
      if (approve && !drafter && !baseChanged) actions.push('apply');
      break;
  }
  return actions;
}

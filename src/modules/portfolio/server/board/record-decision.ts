import { sql } from 'kysely';
import { AppError, type WriteContext } from '../../../../kernel/index.js';
import type { DecisionBody, DecisionResult } from '../../board.schemas.js';
import type { InitiativeState, Phase, PortfolioDb } from '../portfolio.tables.js';
import { audit, findInitiative, positionOf, selectActiveChecklist, selectDecisions, todayInNorway } from './board.queries.js';
import { decide } from './phases.js';

const stateNames: Record<InitiativeState, { nb: string; en: string }> = {
  active: { nb: 'aktivt', en: 'active' },
  paused: { nb: 'satt på vent', en: 'paused' },
  stopped: { nb: 'stoppet', en: 'stopped' },
  merged: { nb: 'slått sammen med et annet', en: 'merged into another' },
  done: { nb: 'avsluttet', en: 'done' },
};

/** Is `text` a real calendar date written YYYY-MM-DD? */
export function isCalendarDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

export function invalidDate(path: string, text: string): AppError {
  return new AppError('invalid', {
    message: { nb: `«${text}» er ikke en gyldig dato (ÅÅÅÅ-MM-DD).`, en: `"${text}" is not a valid date (YYYY-MM-DD).` },
    details: [{ in: 'body', path, problem: 'not a date' }],
  });
}

export function assertRevision(current: number, sent: number, what: { nb: string; en: string }): void {
  if (current !== sent) {
    throw new AppError('stale', {
      message: {
        nb: `Noen andre har endret ${what.nb} i mellomtiden (du har versjon ${sent}, gjeldende er ${current}). Last inn på nytt og prøv igjen.`,
        en: `Someone else changed ${what.en} in the meantime (you have revision ${sent}, the current one is ${current}). Reload and try again.`,
      },
      details: { revision: current },
    });
  }
}

/**
 * Records the portfolio board's decision at a decision point and moves the initiative accordingly
 * (phases.ts holds the rules). Only the next decision point can be decided; approving needs the
 * point's whole checklist answered yes. One transaction: the initiative, the decision, an event, audit.
 */
export async function recordDecision(trx: PortfolioDb, context: WriteContext, ref: string, input: DecisionBody): Promise<DecisionResult> {
  const actor = context.actor;
  if (!actor) throw new AppError('unauthenticated');
  const initiative = await findInitiative(trx, ref, { lock: true });
  const label = { nb: `initiativ ${initiative.number}`, en: `initiative ${initiative.number}` };

  if (initiative.state !== 'active' && initiative.state !== 'paused') {
    throw new AppError('conflict', {
      message: {
        nb: `Initiativ ${initiative.number} er ${stateNames[initiative.state].nb} og kan ikke få flere beslutninger.`,
        en: `Initiative ${initiative.number} is ${stateNames[initiative.state].en} and cannot take more decisions.`,
      },
      details: { state: initiative.state },
    });
  }
  assertRevision(initiative.revision, input.revision, label);

  const rationale = input.rationale.trim();
  if (!isCalendarDate(input.decidedOn)) throw invalidDate('decidedOn', input.decidedOn);
  const today = todayInNorway();
  if (input.decidedOn > today) {
    throw new AppError('invalid', {
      message: {
        nb: `Beslutningsdatoen (${input.decidedOn}) kan ikke være fram i tid.`,
        en: `The decision date (${input.decidedOn}) cannot be in the future.`,
      },
      details: [{ in: 'body', path: 'decidedOn', problem: 'in the future' }],
    });
  }
  if (input.meetingId) {
    const meeting = await trx.selectFrom('pf_board_meetings').select('id').where('id', '=', input.meetingId).executeTakeFirst();
    if (!meeting) {
      throw new AppError('invalid', {
        message: { nb: 'Styremøtet beslutningen viser til finnes ikke.', en: 'The board meeting the decision refers to does not exist.' },
        details: [{ in: 'body', path: 'meetingId', problem: 'no such meeting' }],
      });
    }
  }

  const checklist = await selectActiveChecklist(trx, input.decisionPoint);
  const answers = input.checklist ?? {};
  const known = new Set(
    (await trx.selectFrom('pf_checklist_items').select('key').where('decision_point', '=', input.decisionPoint).execute()).map(
      (r) => r.key,
    ),
  );
  const unknown = Object.keys(answers).filter((key) => !known.has(key));
  if (unknown.length > 0) {
    throw new AppError('invalid', {
      message: {
        nb: `Sjekklisten for ${input.decisionPoint} har ikke punktene ${unknown.join(', ')}.`,
        en: `The checklist for ${input.decisionPoint} has no items ${unknown.join(', ')}.`,
      },
      details: [{ in: 'body', path: 'checklist', problem: 'unknown items', items: unknown }],
    });
  }

  const result = decide(
    initiative,
    input.decisionPoint,
    input.outcome,
    checklist.map((c) => c.key),
    answers,
  );
  if (!result.ok) {
    const refusal = result.refusal;
    if (refusal.kind === 'wrong_point') {
      throw new AppError('invalid', {
        message: {
          nb: `Initiativ ${initiative.number} står ved ${refusal.expected}; ${refusal.given} kan ikke besluttes nå. Beslutningspunkter kan ikke hoppes over.`,
          en: `Initiative ${initiative.number} is at ${refusal.expected}; ${refusal.given} cannot be decided now. Decision points cannot be skipped.`,
        },
        details: [{ in: 'body', path: 'decisionPoint', problem: 'not the next decision point', expected: refusal.expected }],
      });
    }
    if (refusal.kind === 'open_checklist') {
      const labels = refusal.openItems.map((key) => checklist.find((c) => c.key === key)!.label);
      throw new AppError('invalid', {
        message: {
          nb: `Godkjenning krever at hele sjekklisten er oppfylt. Åpne punkter: ${labels.map((l) => l.nb).join('; ')}.`,
          en: `Approval needs the whole checklist met. Open items: ${labels.map((l) => l.en).join('; ')}.`,
        },
        details: [{ in: 'body', path: 'checklist', problem: 'open items', items: refusal.openItems }],
      });
    }
    throw new AppError('conflict', {
      message: {
        nb: `Initiativ ${initiative.number} har ingen flere beslutningspunkter.`,
        en: `Initiative ${initiative.number} has no more decision points.`,
      },
      details: { phase: initiative.phase },
    });
  }

  const recordedChecklist = Object.fromEntries(checklist.map((c) => [c.key, answers[c.key] === true]));
  for (const [key, value] of Object.entries(answers)) if (!(key in recordedChecklist)) recordedChecklist[key] = value;
  const decision = await trx
    .insertInto('pf_decisions')
    .values({
      initiative_id: initiative.id,
      decision_point: input.decisionPoint,
      outcome: input.outcome,
      rationale,
      decided_on: input.decidedOn,
      decided_by: actor.userId,
      meeting_id: input.meetingId ?? null,
      checklist: JSON.stringify(recordedChecklist),
      phase_before: initiative.phase,
      phase_after: result.phase,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const updated = await trx
    .updateTable('pf_initiatives')
    .set({ phase: result.phase, state: result.state, revision: sql<number>`revision + 1`, updated_at: sql<Date>`now()` })
    .where('id', '=', initiative.id)
    .returning(['revision'])
    .executeTakeFirstOrThrow();
  const change = {
    decisionId: decision.id,
    decisionPoint: input.decisionPoint,
    outcome: input.outcome,
    phaseBefore: initiative.phase,
    phaseAfter: result.phase as Phase,
    stateBefore: initiative.state,
    stateAfter: result.state,
  };
  await trx
    .insertInto('pf_initiative_events')
    .values({ initiative_id: initiative.id, type: 'decision', data: JSON.stringify(change), actor_id: actor.userId })
    .execute();
  await audit(trx, context, {
    action: 'decide',
    entityType: 'pf_initiative',
    entityId: initiative.id,
    before: { phase: initiative.phase, state: initiative.state, revision: initiative.revision },
    after: {
      ...change,
      rationale,
      decidedOn: input.decidedOn,
      meetingId: input.meetingId ?? null,
      checklist: recordedChecklist,
      revision: updated.revision,
    },
  });
  const [saved] = await selectDecisions(trx, { ids: [decision.id] });
  return {
    decision: saved!,
    initiative: positionOf({ ...initiative, phase: result.phase, state: result.state, revision: updated.revision }),
  };
}

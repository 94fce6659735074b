// The phases and decision points of Digdir's project model (Prosjektveiviseren), as pure rules:
// idea → concept → planning → execution → closing → realisation, with BP1…BP5 between them.
//
// What a decision does:
// - approve: the initiative moves to the next phase; a paused initiative is resumed (active) and moves on.
// - return (with questions): it stays in its phase, active (a paused one is resumed where it stands).
// - pause: it stays in its phase, paused; the board takes it up again at the same decision point.
// - stop: it stays in its phase, stopped; final.
// Only the next decision point of the initiative's phase can be decided; stopped, merged and done
// initiatives (and those in realisation, after BP5) take no more decisions.
import type { DecisionOutcome, DecisionPoint, InitiativeState, Phase } from '../portfolio.tables.js';

export const phaseOrder: readonly Phase[] = ['idea', 'concept', 'planning', 'execution', 'closing', 'realisation'];
export const decisionPointOrder: readonly DecisionPoint[] = ['BP1', 'BP2', 'BP3', 'BP4', 'BP5'];

/** The decision point that ends a phase (BP1 ends idea …); null for realisation. */
export function decisionPointAfter(phase: Phase): DecisionPoint | null {
  return decisionPointOrder[phaseOrder.indexOf(phase)] ?? null;
}

/** The phase a decision point opens (BP1 → concept …). */
export function phaseOpenedBy(point: DecisionPoint): Phase {
  return phaseOrder[decisionPointOrder.indexOf(point) + 1]!;
}

/** Can the board decide on this initiative at all? */
export function takesDecisions(state: InitiativeState): boolean {
  return state === 'active' || state === 'paused';
}

/** The next decision point for an initiative, or null when it takes no more decisions. */
export function nextDecisionPoint(initiative: { phase: Phase; state: InitiativeState }): DecisionPoint | null {
  return takesDecisions(initiative.state) ? decisionPointAfter(initiative.phase) : null;
}

export type DecisionRefusal =
  | { kind: 'closed'; state: InitiativeState }
  | { kind: 'no_more_points'; phase: Phase }
  | { kind: 'wrong_point'; expected: DecisionPoint; given: DecisionPoint }
  | { kind: 'open_checklist'; openItems: string[] };

export type DecisionOutcomeResult = { ok: true; phase: Phase; state: InitiativeState } | { ok: false; refusal: DecisionRefusal };

/**
 * Applies a decision to an initiative's phase and state. `activeChecklist` is the keys of the point's
 * active checklist items; approving needs every one of them answered true in `answers`.
 */
export function decide(
  initiative: { phase: Phase; state: InitiativeState },
  point: DecisionPoint,
  outcome: DecisionOutcome,
  activeChecklist: readonly string[] = [],
  answers: Readonly<Record<string, boolean>> = {},
): DecisionOutcomeResult {
  if (!takesDecisions(initiative.state)) return { ok: false, refusal: { kind: 'closed', state: initiative.state } };
  const expected = decisionPointAfter(initiative.phase);
  if (!expected) return { ok: false, refusal: { kind: 'no_more_points', phase: initiative.phase } };
  if (point !== expected) return { ok: false, refusal: { kind: 'wrong_point', expected, given: point } };
  switch (outcome) {
    case 'approve': {
      const openItems = activeChecklist.filter((key) => answers[key] !== true);
      if (openItems.length > 0) return { ok: false, refusal: { kind: 'open_checklist', openItems } };
      return { ok: true, phase: phaseOpenedBy(point), state: 'active' };
    }
    case 'return':
      return { ok: true, phase: initiative.phase, state: 'active' };
    case 'pause':
      return { ok: true, phase: initiative.phase, state: 'paused' };
    case 'stop':
      return { ok: true, phase: initiative.phase, state: 'stopped' };
  }
}

/** The previous month of a date (YYYY-MM-DD → YYYY-MM): the period a report is due for. */
export function previousPeriod(today: string): string {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  return month === 1 ? `${year - 1}-12` : `${year}-${String(month - 1).padStart(2, '0')}`;
}

/** Phases in which monthly status reports are expected. */
export const reportingPhases: readonly Phase[] = ['planning', 'execution', 'closing'];

/** Is a report for the previous month due (and missing) today? */
export function reportDue(
  initiative: { phase: Phase; state: InitiativeState },
  today: string,
  dueDay: number,
  reportedPeriods: readonly string[],
): string | null {
  if (initiative.state !== 'active' || !reportingPhases.includes(initiative.phase)) return null;
  if (Number(today.slice(8, 10)) < dueDay) return null;
  const period = previousPeriod(today);
  return reportedPeriods.includes(period) ? null : period;
}

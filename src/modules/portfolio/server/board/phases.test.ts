import { describe, expect, it } from 'vitest';
import { decide, decisionPointAfter, nextDecisionPoint, phaseOpenedBy, previousPeriod, reportDue } from './phases.js';

describe('phases and decision points (Prosjektveiviseren)', () => {
  it('names the decision point that ends each phase and the phase it opens', () => {
    expect(decisionPointAfter('idea')).toBe('BP1');
    expect(decisionPointAfter('concept')).toBe('BP2');
    expect(decisionPointAfter('planning')).toBe('BP3');
    expect(decisionPointAfter('execution')).toBe('BP4');
    expect(decisionPointAfter('closing')).toBe('BP5');
    expect(decisionPointAfter('realisation')).toBeNull();
    expect(phaseOpenedBy('BP1')).toBe('concept');
    expect(phaseOpenedBy('BP5')).toBe('realisation');
  });

  it('approve moves to the next phase; return, pause and stop keep the phase and set the state', () => {
    const idea = { phase: 'idea', state: 'active' } as const;
    expect(decide(idea, 'BP1', 'approve')).toEqual({ ok: true, phase: 'concept', state: 'active' });
    expect(decide(idea, 'BP1', 'return')).toEqual({ ok: true, phase: 'idea', state: 'active' });
    expect(decide(idea, 'BP1', 'pause')).toEqual({ ok: true, phase: 'idea', state: 'paused' });
    expect(decide(idea, 'BP1', 'stop')).toEqual({ ok: true, phase: 'idea', state: 'stopped' });
  });

  it('refuses skipping a decision point and names the expected one', () => {
    expect(decide({ phase: 'idea', state: 'active' }, 'BP2', 'approve')).toEqual({
      ok: false,
      refusal: { kind: 'wrong_point', expected: 'BP1', given: 'BP2' },
    });
    expect(decide({ phase: 'concept', state: 'active' }, 'BP1', 'approve')).toMatchObject({ refusal: { expected: 'BP2' } });
  });

  it('resumes a paused initiative at the same decision point: approve resumes and advances, return resumes in place', () => {
    const paused = { phase: 'planning', state: 'paused' } as const;
    expect(nextDecisionPoint(paused)).toBe('BP3');
    expect(decide(paused, 'BP3', 'approve')).toEqual({ ok: true, phase: 'execution', state: 'active' });
    expect(decide(paused, 'BP3', 'return')).toEqual({ ok: true, phase: 'planning', state: 'active' });
  });

  it('takes no decisions on stopped, merged or done initiatives, nor after BP5', () => {
    for (const state of ['stopped', 'merged', 'done'] as const) {
      expect(decide({ phase: 'idea', state }, 'BP1', 'approve')).toEqual({ ok: false, refusal: { kind: 'closed', state } });
      expect(nextDecisionPoint({ phase: 'idea', state })).toBeNull();
    }
    expect(decide({ phase: 'realisation', state: 'active' }, 'BP5', 'approve')).toMatchObject({ refusal: { kind: 'no_more_points' } });
  });

  it('approving needs every active checklist item answered true; other outcomes do not', () => {
    const items = ['strategic_fit', 'resources', 'risk'];
    expect(decide({ phase: 'idea', state: 'active' }, 'BP1', 'approve', items, { strategic_fit: true, resources: false })).toEqual({
      ok: false,
      refusal: { kind: 'open_checklist', openItems: ['resources', 'risk'] },
    });
    expect(
      decide({ phase: 'idea', state: 'active' }, 'BP1', 'approve', items, { strategic_fit: true, resources: true, risk: true }),
    ).toMatchObject({
      ok: true,
      phase: 'concept',
    });
    expect(decide({ phase: 'idea', state: 'active' }, 'BP1', 'return', items, {})).toMatchObject({ ok: true });
  });

  it('a report for the previous month is due from the due day, only for active initiatives in planning, execution or closing', () => {
    expect(previousPeriod('2026-01-15')).toBe('2025-12');
    expect(previousPeriod('2026-11-26')).toBe('2026-10');
    const executing = { phase: 'execution', state: 'active' } as const;
    expect(reportDue(executing, '2026-11-09', 10, [])).toBeNull();
    expect(reportDue(executing, '2026-11-10', 10, [])).toBe('2026-10');
    expect(reportDue(executing, '2026-11-10', 10, ['2026-10'])).toBeNull();
    expect(reportDue({ phase: 'idea', state: 'active' }, '2026-11-10', 10, [])).toBeNull();
    expect(reportDue({ phase: 'execution', state: 'paused' }, '2026-11-10', 10, [])).toBeNull();
  });
});

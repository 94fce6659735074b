import { describe, expect, it } from 'vitest';
import { recipientsOf, type DispatchEvent, type DispatchRequest } from './notification-texts.js';

const request: DispatchRequest = { number: 12, requesterUserId: 'requester', assigneeUserId: 'agent', groupId: 'first' };
const members: Record<string, string[]> = { first: ['agent', 'colleague'], second: ['payroll-1', 'payroll-2'] };
const told = (event: DispatchEvent, on: DispatchRequest = request) =>
  Object.fromEntries(recipientsOf(event, on, (group) => members[group] ?? []).map((r) => [r.userId, r.text.nb]));

describe('who is told about a request event', () => {
  it('tells the requester «Henvendelse LS-12 er løst», not the agent who resolved it', () => {
    expect(told({ type: 'resolved', actorUserId: 'agent', data: {} })).toEqual({ requester: 'Henvendelse LS-12 er løst' });
  });

  it('never tells the requester about an internal note, priority, time or a service-level alarm', () => {
    for (const type of ['noted', 'priority', 'time_logged', 'sla_warning', 'sla_breach', 'linked']) {
      expect(Object.keys(told({ type, actorUserId: 'colleague', data: { from: 'low', to: 'normal', clock: 'resolution' } }))).not.toContain(
        'requester',
      );
    }
    expect(told({ type: 'noted', actorUserId: 'colleague', data: {} }, { ...request, assigneeUserId: 'requester' })).toEqual({});
  });

  it('tells the new group on an escalation, and the group on a breach', () => {
    expect(
      told({ type: 'escalated', actorUserId: 'agent', data: { toLine: 2, groupId: 'second', groupName: 'Lønn og personal' } }),
    ).toEqual({
      'payroll-1': 'Henvendelse LS-12 er eskalert til Lønn og personal',
      'payroll-2': 'Henvendelse LS-12 er eskalert til Lønn og personal',
      requester: 'Henvendelse LS-12 er sendt videre til 2. linje',
    });
    expect(Object.keys(told({ type: 'sla_breach', actorUserId: null, data: { clock: 'response' } })).sort()).toEqual([
      'agent',
      'colleague',
    ]);
    // A warning goes to the assignee, or to the group when nobody has it.
    expect(Object.keys(told({ type: 'sla_warning', actorUserId: null, data: {} }))).toEqual(['agent']);
    expect(Object.keys(told({ type: 'sla_warning', actorUserId: null, data: {} }, { ...request, assigneeUserId: null })).sort()).toEqual([
      'agent',
      'colleague',
    ]);
  });

  it('does not tell a status change to resolved twice (the resolved event tells it)', () => {
    expect(told({ type: 'status', actorUserId: 'agent', data: { from: 'in_progress', to: 'resolved' } })).toEqual({});
    expect(told({ type: 'status', actorUserId: 'agent', data: { from: 'in_progress', to: 'waiting' } })).toEqual({
      requester: 'Henvendelse LS-12 har fått status «Venter på innmelder»',
    });
  });
});

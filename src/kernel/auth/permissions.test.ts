import { describe, expect, it } from 'vitest';
import { can, permissionsOf, registerScopeResolver, type Actor, type ScopeExecutor } from './permissions.js';

function actor(roles: Actor['roles']): Actor {
  return { userId: 'u1', username: 'u', displayName: 'U', roles, permissions: new Set(permissionsOf(roles)) };
}

describe('permissions', () => {
  it('denies by default: no roles, no permissions', async () => {
    expect(permissionsOf([])).toEqual([]);
    expect(await can(null, 'organisation:read')).toBe(false);
    expect(await can(actor([]), 'organisation:read')).toBe(false);
  });

  it('gives the audit log to administrators only', async () => {
    expect(await can(actor(['administrator']), 'audit:read')).toBe(true);
    for (const role of ['organisation_editor', 'leader', 'employee', 'first_line_agent', 'analyst'] as const) {
      expect(await can(actor([role]), 'audit:read')).toBe(false);
    }
  });

  it('lets administrators and reorganisation approvers approve scenarios, not organisation editors', async () => {
    expect(await can(actor(['administrator']), 'organisation:approve')).toBe(true);
    expect(await can(actor(['reorganisation_approver']), 'organisation:approve')).toBe(true);
    expect(await can(actor(['reorganisation_approver']), 'organisation:write')).toBe(false);
    for (const role of ['organisation_editor', 'leader', 'employee', 'analyst', 'portfolio_board_member'] as const) {
      expect(await can(actor([role]), 'organisation:approve'), role).toBe(false);
    }
  });

  it('ignores unknown role names', () => {
    expect(permissionsOf(['superuser'])).toEqual([]);
  });

  it('asks the registered resolver for scoped checks and denies unknown scope kinds', async () => {
    const executor = { getExecutor: () => ({}) } as unknown as ScopeExecutor;
    const asked: ScopeExecutor[] = [];
    registerScopeResolver('test-unit', async (a, _p, scope, through) => {
      asked.push(through);
      return a.userId === 'u1' && scope.id === 'mine';
    });
    const editor = actor(['organisation_editor']);
    expect(await can(editor, 'organisation:write', { kind: 'test-unit', id: 'mine' }, executor)).toBe(true);
    expect(await can(editor, 'organisation:write', { kind: 'test-unit', id: 'theirs' }, executor)).toBe(false);
    expect(await can(editor, 'organisation:write', { kind: 'no-such-kind', id: 'mine' }, executor)).toBe(false);
    expect(await can(editor, 'steering:write', { kind: 'test-unit', id: 'mine' }, executor)).toBe(false);
    // The resolver queries through the caller's executor (inside a transaction: its handle), never its own.
    expect(asked).toEqual([executor, executor]);
  });
});

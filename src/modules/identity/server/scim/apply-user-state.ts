import { recordAudit, type WriteContext } from '../../../../kernel/index.js';
import type { IdentityDb } from '../identity.tables.js';
import { disableUser, enableUser } from '../users/lifecycle.js';
import { linkPersonByEmployeeNumber } from './link-person.js';
import { findScimUser, scimInactiveReason, updateScimUser, type UserColumns } from './scim.queries.js';
import type { ScimUserRow, ScimUserState } from './scim-user.js';

export function columnsOf(state: ScimUserState): UserColumns {
  return {
    username: state.userName,
    display_name: state.displayName ?? state.userName,
    email: state.email,
    external_id: state.externalId,
    employee_number: state.employeeNumber,
  };
}

function auditable(columns: UserColumns, active: boolean): Record<string, unknown> {
  return {
    userName: columns.username,
    displayName: columns.display_name,
    email: columns.email,
    externalId: columns.external_id,
    employeeNumber: columns.employee_number,
    active,
  };
}

/** Only what changed, so an audit entry of a PATCH shows the change and not the whole user. */
function changes(
  before: Record<string, unknown>,
  after: Record<string, unknown>,
): { before: Record<string, unknown>; after: Record<string, unknown> } {
  const keys = Object.keys(after).filter((key) => before[key] !== after[key]);
  return { before: Object.fromEntries(keys.map((k) => [k, before[k]])), after: Object.fromEntries(keys.map((k) => [k, after[k]])) };
}

/**
 * Writes a user's SCIM attributes over the stored ones (`current` null: the row was just inserted
 * with them), turns `active` into disableUser/enableUser (sessions end at once), links the person
 * when the employee number is new, and audits what changed. Returns the row as stored.
 */
export async function applyUserState(
  trx: IdentityDb,
  context: WriteContext,
  userId: string,
  current: ScimUserRow | null,
  next: ScimUserState,
  action: 'scim_create' | 'scim_update',
  inserted?: ScimUserRow,
): Promise<ScimUserRow> {
  const columns = columnsOf(next);
  const wasActive = current ? current.disabled_at === null : true;
  const before = current
    ? auditable(
        {
          username: current.username,
          display_name: current.display_name,
          email: current.email,
          external_id: current.external_id,
          employee_number: current.employee_number,
        },
        wasActive,
      )
    : null;
  const after = auditable(columns, next.active);
  const diff = before ? changes(before, after) : { before: {}, after };
  const columnsChanged = before !== null && Object.keys(diff.after).some((key) => key !== 'active');
  if (columnsChanged) await updateScimUser(trx, userId, columns);
  if (Object.keys(diff.after).length > 0) {
    await recordAudit(trx, context, {
      action,
      entityType: 'user',
      entityId: userId,
      before: before ? diff.before : undefined,
      after: diff.after,
    });
  }
  const deactivate = !next.active && wasActive;
  const activate = next.active && !wasActive;
  if (deactivate) await disableUser(trx, context, userId, scimInactiveReason);
  if (activate) await enableUser(trx, context, userId);
  if (next.employeeNumber && next.employeeNumber !== current?.employee_number) {
    await linkPersonByEmployeeNumber(trx, context, userId, next.employeeNumber);
  }
  // A fresh insert that stayed active is already what is stored: one round trip less per create.
  if (inserted && !deactivate) return inserted;
  const stored = await findScimUser(trx, userId);
  if (!stored) throw new Error(`SCIM user ${userId} vanished inside its own transaction`);
  return stored;
}

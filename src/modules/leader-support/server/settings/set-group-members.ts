import type { WriteContext } from '../../../../kernel/index.js';
import type { Group } from '../../leader-support.schemas.js';
import type { LeaderSupportDb } from '../leader-support.tables.js';
import { selectGroups } from './settings.queries.js';
import { assertRevision, audit, invalid, lockRow, todayInNorway } from './shared.js';

const noun = { nb: 'gruppen', en: 'the group' };
/** Who may work in a desk group: the agents, and administrators who step in. */
const agentRoles = ['first_line_agent', 'second_line_agent', 'administrator'];

/** Replaces a group's members with the users given (agents or administrators, not disabled). */
export async function setGroupMembers(
  trx: LeaderSupportDb,
  context: WriteContext,
  id: string,
  input: { revision: number; userIds: string[] },
): Promise<Group> {
  const today = todayInNorway();
  const locked = await lockRow(trx, 'ls_groups', id, noun);
  const active = await trx.selectFrom('ls_groups').select('active').where('id', '=', id).executeTakeFirstOrThrow();
  if (!active.active) {
    throw invalid('Gruppen er ikke aktiv.', 'The group is not active.', [{ in: 'params', path: 'id', problem: 'inactive' }]);
  }
  assertRevision(noun, locked.revision, input.revision);
  const wanted = [...new Set(input.userIds)];
  const users = wanted.length
    ? await trx.selectFrom('users').select(['id', 'display_name', 'roles', 'disabled_at']).where('id', 'in', wanted).execute()
    : [];
  wanted.forEach((userId, index) => {
    const user = users.find((u) => u.id === userId);
    if (!user) {
      throw invalid(`Brukeren finnes ikke (id ${userId}).`, `The user does not exist (id ${userId}).`, [
        { in: 'body', path: `/userIds/${index}`, problem: 'no such user' },
      ]);
    }
    if (user.disabled_at !== null) {
      throw invalid(
        `${user.display_name} er deaktivert og kan ikke være med i en gruppe.`,
        `${user.display_name} is disabled and cannot be in a group.`,
        [{ in: 'body', path: `/userIds/${index}`, problem: 'disabled' }],
      );
    }
    if (!user.roles.some((role) => agentRoles.includes(role))) {
      throw invalid(
        `${user.display_name} har ikke en saksbehandlerrolle (1. eller 2. linje) og kan ikke være med i en gruppe.`,
        `${user.display_name} has no agent role (first or second line) and cannot be in a group.`,
        [{ in: 'body', path: `/userIds/${index}`, problem: 'not an agent' }],
      );
    }
  });
  const [before] = await selectGroups(trx, today, id);
  await trx.deleteFrom('ls_group_members').where('group_id', '=', id).execute();
  if (wanted.length > 0) {
    await trx
      .insertInto('ls_group_members')
      .values(wanted.map((userId) => ({ group_id: id, user_id: userId })))
      .execute();
  }
  await trx
    .updateTable('ls_groups')
    .set({ revision: locked.revision + 1 })
    .where('id', '=', id)
    .execute();
  const [group] = await selectGroups(trx, today, id);
  await audit(trx, context, {
    action: 'change',
    entityType: 'ls_group_members',
    entityId: id,
    before: before!.members,
    after: group!.members,
  });
  return group!;
}

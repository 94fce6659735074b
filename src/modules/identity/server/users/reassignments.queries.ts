import { compareNorwegian, ownedItemsOf, todayInNorway, type Actor } from '../../../../kernel/index.js';
import { leadsUnit, selectMyOrganisation, type OrganisationDb } from '../../../organisation/index.js';
import type { Reassignment } from '../../users.schemas.js';
import type { UsersDb } from './users.queries.js';

/** The day before `at` in Norway: the last day the user was surely still at work in their position. */
function dayBefore(at: Date): string {
  const day = new Date(`${todayInNorway(at)}T12:00:00Z`);
  day.setUTCDate(day.getUTCDate() - 1);
  return day.toISOString().slice(0, 10);
}

/**
 * Disabled users who still own something, each with what they own. An administrator sees all; a
 * leader those whose person held a position, on the day before being disabled or today, in a unit
 * they lead (or under it); anyone else sees none.
 */
export async function selectReassignments(db: UsersDb, actor: Actor, date = todayInNorway()): Promise<Reassignment[]> {
  const administrator = actor.roles.includes('administrator');
  const disabled = await db
    .selectFrom('users')
    .select(['id', 'username', 'display_name', 'disabled_at', 'disabled_reason'])
    .where('disabled_at', 'is not', null)
    .execute();
  // What they own first, for all of them at once: most disabled users own nothing, and the
  // organisation's look-ups below are then made only for the few who do.
  const owned = await ownedItemsOf(
    db,
    disabled.map((u) => u.id),
  );
  const result: Reassignment[] = [];
  // One query after another: the list is for a few leaders now and then, and stays on one connection.
  for (const user of disabled) {
    const items = owned.get(user.id);
    if (!items) continue;
    const before = await selectMyOrganisation(db as unknown as OrganisationDb, user.id, dayBefore(user.disabled_at!));
    const now = await selectMyOrganisation(db as unknown as OrganisationDb, user.id, date);
    const units = new Map<string, string>();
    for (const position of [...before.positions, ...now.positions]) units.set(position.unit.id, position.unit.name);
    if (!administrator) {
      let leads = false;
      for (const unitId of units.keys()) if ((leads = await leadsUnit(db, actor, unitId, date))) break;
      if (!leads) continue;
    }
    result.push({
      userId: user.id,
      username: user.username,
      displayName: user.display_name,
      disabledAt: user.disabled_at!.toISOString(),
      disabledReason: user.disabled_reason,
      person: before.person ?? now.person,
      units: [...units].map(([id, name]) => ({ id, name })),
      items,
    });
  }
  return result.sort((a, b) => compareNorwegian(a.displayName, b.displayName));
}

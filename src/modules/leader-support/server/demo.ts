import { ensureDemoArticles } from './knowledge-base/demo-articles.js';
import type { LeaderSupportDb } from './leader-support.tables.js';

// The demo sign-ins' places in the desk: the first-line agent in the first line, the second-line
// payroll agent in the school-sector payroll group (seed 002 s. 61: second line specialised per sector).
const demoMembers: { username: string; groupKey: string }[] = [
  { username: 'forstelinje', groupKey: 'forstelinje' },
  { username: 'andrelinje', groupKey: 'lonn-og-personal-skole' },
];

/**
 * Demo mode only: group memberships for the demo agents, a reserved (.invalid) e-mail address for
 * each demo sign-in so the outbox shows what would be sent, and the demo knowledge-base articles.
 * Cheap once done; never fails the start.
 */
export async function prepareSupportDemo(db: LeaderSupportDb, log: (message: string) => void): Promise<void> {
  try {
    for (const member of demoMembers) {
      const user = await db
        .selectFrom('users')
        .select('id')
        .where('username', '=', member.username)
        .where('is_demo', '=', true)
        .executeTakeFirst();
      const group = await db.selectFrom('ls_groups').select('id').where('key', '=', member.groupKey).executeTakeFirst();
      if (!user || !group) continue;
      await db
        .insertInto('ls_group_members')
        .values({ group_id: group.id, user_id: user.id })
        .onConflict((oc) => oc.columns(['group_id', 'user_id']).doNothing())
        .execute();
    }
    const demoUsers = await db.selectFrom('users').select(['id', 'username']).where('is_demo', '=', true).execute();
    if (demoUsers.length > 0) {
      await db
        .insertInto('ls_user_preferences')
        .values(demoUsers.map((u) => ({ user_id: u.id, email: `${u.username}@demo.knutepunkt.invalid` })))
        .onConflict((oc) => oc.column('user_id').doNothing())
        .execute();
    }
  } catch (error) {
    log(`leader support: could not prepare the demo agents (${error instanceof Error ? error.message : String(error)})`);
  }
  await ensureDemoArticles(db, log);
}

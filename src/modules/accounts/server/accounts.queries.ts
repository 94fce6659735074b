import type { Kysely } from 'kysely';
import type { KernelTables, NewUser } from '../../../kernel/index.js';

export function findUserByUsername(db: Kysely<KernelTables>, username: string) {
  return db
    .selectFrom('users')
    .select(['id', 'username', 'display_name', 'password_hash', 'roles', 'disabled_at', 'source'])
    .where((eb) => eb(eb.fn('lower', ['username']), '=', username.trim().toLowerCase()))
    .executeTakeFirst();
}

export function insertUser(db: Kysely<KernelTables>, user: NewUser) {
  return db.insertInto('users').values(user).returning(['id', 'username', 'display_name', 'roles']).executeTakeFirstOrThrow();
}

export async function countActiveDemoUsers(db: Kysely<KernelTables>): Promise<number> {
  const row = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('is_demo', '=', true)
    .where('disabled_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function countAdministrators(db: Kysely<KernelTables>): Promise<number> {
  const row = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where((eb) => eb(eb.val('administrator'), '=', eb.fn.any('roles')))
    .where('disabled_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

import { sql } from 'kysely';
import type { IdentityDb } from '../identity.tables.js';

export interface LocalAccount {
  id: string;
  username: string;
  display_name: string;
  email: string | null;
  groups: string[];
  password_hash: string | null;
  /** The key of the organisation person the account is linked to: the demo's employee number. */
  person_key: string | null;
}

// The built-in provider's directory is the demo accounts. The person's key is read through the
// organisation's link table: a read-only join, the one place identity looks at organisation rows.
const accounts = (db: IdentityDb) =>
  db
    .selectFrom('users as u')
    .select([
      'u.id',
      'u.username',
      'u.display_name',
      'u.email',
      'u.groups',
      'u.password_hash',
      sql<string | null>`(select p.key from org_user_people up join org_people p on p.id = up.person_id where up.user_id = u.id)`.as(
        'person_key',
      ),
    ])
    .where('u.is_demo', '=', true)
    .where('u.disabled_at', 'is', null);

export async function findLocalAccountByUsername(db: IdentityDb, username: string): Promise<LocalAccount | undefined> {
  return accounts(db)
    .where(sql<string>`lower(u.username)`, '=', username.trim().toLowerCase())
    .executeTakeFirst();
}

export async function findLocalAccountById(db: IdentityDb, id: string): Promise<LocalAccount | undefined> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return undefined;
  return accounts(db).where('u.id', '=', id).executeTakeFirst();
}

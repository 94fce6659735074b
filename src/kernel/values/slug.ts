import { sql, type QueryExecutorProvider } from 'kysely';
import type { AppError } from '../errors/app-error.js';
import { conflict } from '../errors/refusals.js';

/** A readable key made from a name: lower case, Norwegian letters spelt out, hyphens between words. */
export function slugify(name: string): string {
  const slug = name
    .toLocaleLowerCase('nb')
    .replaceAll('æ', 'ae')
    .replaceAll('ø', 'o')
    .replaceAll('å', 'a')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '');
  return slug || 'ny';
}

/** The key an editor did not choose: made from the name, with -2, -3 … when `table` already has it. */
export async function freeKeyFrom(db: QueryExecutorProvider, table: string, name: string): Promise<string> {
  const base = slugify(name);
  const { rows } = await sql<{ key: string }>`select key from ${sql.table(table)} where key = ${base} or key like ${`${base}-%`}`.execute(
    db,
  );
  const taken = new Set(rows.map((r) => r.key));
  if (!taken.has(base)) return base;
  for (let n = 2; ; n += 1) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

/** Refuses a key another row of the same kind already has; `details` name the field for the client. */
export function keyInUse(key: string, details: unknown = { in: 'body', path: 'key' }): AppError {
  return conflict(
    `Nøkkelen «${key}» er allerede i bruk. Velg en annen nøkkel.`,
    `The key "${key}" is already in use. Choose another key.`,
    details,
  );
}

import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import type { Db } from './database.js';

/** A folder of numbered `.sql` files that belong to one owner (the kernel or a module). */
export interface MigrationSource {
  owner: string;
  dir: string;
}

export interface Migration {
  id: string;
  sql: string;
  checksum: string;
}

export const kernelMigrations: MigrationSource = {
  owner: 'kernel',
  dir: path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations'),
};

/** A migration that cannot run: the message says which file and what to do. */
export class MigrationError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'MigrationError';
  }
}

// Any constant works; it only has to be the same in every process that migrates this database.
const migrationLockKey = 7_301_220;

/** Reads the migrations in order: sources in the order given, files by their number. */
export function readMigrations(sources: MigrationSource[]): Migration[] {
  const migrations: Migration[] = [];
  for (const source of sources) {
    if (!fs.existsSync(source.dir)) continue;
    const files = fs
      .readdirSync(source.dir)
      .filter((file) => file.endsWith('.sql'))
      .sort();
    for (const file of files) {
      if (!/^\d{4}_[a-z0-9_]+\.sql$/.test(file)) {
        throw new MigrationError(`Migration ${source.owner}/${file} must be named NNNN_snake_case.sql.`);
      }
      const text = fs.readFileSync(path.join(source.dir, file), 'utf8');
      migrations.push({
        id: `${source.owner}/${file}`,
        sql: text,
        checksum: createHash('sha256').update(text).digest('hex'),
      });
    }
  }
  return migrations;
}

/**
 * Applies the migrations not yet recorded, each in its own transaction under an advisory lock,
 * so two processes starting at once apply each file once. A recorded file whose text changed
 * afterwards stops the run: migrations are append-only.
 */
export async function migrate(db: Db, sources: MigrationSource[], log: (message: string) => void = () => {}): Promise<string[]> {
  const migrations = readMigrations(sources);
  await sql`
    create table if not exists schema_migrations (
      id text primary key,
      checksum text not null,
      applied_at timestamptz not null default now()
    )`.execute(db);

  const applied: string[] = [];
  for (const migration of migrations) {
    const done = await db.transaction().execute(async (trx) => {
      await sql`select pg_advisory_xact_lock(${migrationLockKey})`.execute(trx);
      const existing = await trx.selectFrom('schema_migrations').select('checksum').where('id', '=', migration.id).executeTakeFirst();
      if (existing) {
        if (existing.checksum !== migration.checksum) {
          throw new MigrationError(
            `Migration ${migration.id} was changed after it was applied. Add a new migration instead of editing an old one.`,
          );
        }
        return false;
      }
      try {
        await sql.raw(migration.sql).execute(trx);
      } catch (error) {
        throw new MigrationError(`Migration ${migration.id} failed and was rolled back: ${(error as Error).message}`, { cause: error });
      }
      await trx.insertInto('schema_migrations').values({ id: migration.id, checksum: migration.checksum }).execute();
      return true;
    });
    if (done) {
      applied.push(migration.id);
      log(`applied migration ${migration.id}`);
    }
  }
  return applied;
}

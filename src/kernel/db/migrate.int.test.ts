import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrationSources } from '../../app.js';
import { createTestDatabase, type TestDatabase } from '../../../test/helpers/test-database.js';
import { migrate } from './migrate.js';

let database: TestDatabase;
let dir: string;

beforeAll(async () => {
  database = await createTestDatabase();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kp-migrations-'));
});
afterAll(async () => {
  await database.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

function source(files: Record<string, string>) {
  const folder = fs.mkdtempSync(path.join(dir, 'src-'));
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(folder, name), text);
  return { owner: `test-${path.basename(folder)}`, dir: folder };
}

async function tableExists(name: string): Promise<boolean> {
  const { rows } = await sql<{ exists: boolean }>`select to_regclass(${name}) is not null as exists`.execute(database.db);
  return rows[0]!.exists;
}

describe('migrations', () => {
  it('are all applied to the template and applying again does nothing', async () => {
    expect(await migrate(database.db, migrationSources)).toEqual([]);
    const recorded = await database.db.selectFrom('schema_migrations').select('id').execute();
    expect(recorded.map((r) => r.id)).toContain('kernel/0001_kernel.sql');
  });

  it('run in number order, each once', async () => {
    const s = source({
      '0002_second.sql': 'insert into mig_order values (2);',
      '0001_first.sql': 'create table mig_order (n int); insert into mig_order values (1);',
    });
    expect(await migrate(database.db, [s])).toEqual([`${s.owner}/0001_first.sql`, `${s.owner}/0002_second.sql`]);
    expect(await migrate(database.db, [s])).toEqual([]);
    const { rows } = await sql<{ n: number }>`select n from mig_order order by n`.execute(database.db);
    expect(rows.map((r) => r.n)).toEqual([1, 2]);
  });

  it('roll back a failing file whole: nothing half-written, nothing recorded', async () => {
    const s = source({ '0001_broken.sql': 'create table mig_half (n int);\ninsert into mig_half values (1);\nselect no_such_function();' });
    await expect(migrate(database.db, [s])).rejects.toThrow(/no_such_function/);
    expect(await tableExists('mig_half')).toBe(false);
    const recorded = await database.db.selectFrom('schema_migrations').select('id').where('id', 'like', `${s.owner}/%`).execute();
    expect(recorded).toEqual([]);
  });

  it('refuse a file that changed after it was applied', async () => {
    const s = source({ '0001_table.sql': 'create table mig_changed (n int);' });
    await migrate(database.db, [s]);
    fs.writeFileSync(path.join(s.dir, '0001_table.sql'), 'create table mig_changed (n bigint);');
    await expect(migrate(database.db, [s])).rejects.toThrow(/was changed after it was applied/);
  });

  it('refuse a badly named file before running anything', async () => {
    const s = source({ '0001_ok.sql': 'create table mig_named (n int);', 'add-stuff.sql': 'select 1;' });
    await expect(migrate(database.db, [s])).rejects.toThrow(/NNNN_snake_case/);
    expect(await tableExists('mig_named')).toBe(false);
  });

  it('apply each file once when two processes migrate at the same time', async () => {
    const s = source({ '0001_once.sql': 'create table mig_once (n int); insert into mig_once values (1);' });
    let other = database;
    if (database.url) {
      // A second, independent connection pool to the same PostgreSQL database.
      const { openPostgres } = await import('./database.js');
      other = await openPostgres(database.url, 2);
    }
    const results = await Promise.all([migrate(database.db, [s]), migrate(other.db, [s])]);
    if (other !== database) await other.close();
    expect(results.flat()).toEqual([`${s.owner}/0001_once.sql`]);
    const { rows } = await sql<{ n: string }>`select count(*) as n from mig_once`.execute(database.db);
    expect(Number(rows[0]!.n)).toBe(1);
  });
});

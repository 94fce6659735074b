import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prepareDatabase } from '../../app.js';
import { BackupError, backupPglite, restorePglite } from './backup.js';
import { DataFolderLockedError } from './data-folder-lock.js';
import { openPglite, pgliteDir } from './database.js';

let tmp: string;
let dataDir: string;
let backupFile: string;

async function usernames(): Promise<string[]> {
  return (await users()).map((user) => user.username);
}

/** Whole rows, ids and timestamps included: a restore must bring back these, not look-alikes. */
async function users() {
  const database = await openPglite(dataDir);
  try {
    return await database.db.selectFrom('users').selectAll().orderBy('username').execute();
  } finally {
    await database.close();
  }
}

async function tableCounts(): Promise<Record<string, number>> {
  const database = await openPglite(dataDir);
  try {
    const counts: Record<string, number> = {};
    for (const table of ['schema_migrations', 'dataset_loads', 'audit_log', 'users'] as const) {
      const row = await database.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      counts[table] = Number(row.n);
    }
    return counts;
  } finally {
    await database.close();
  }
}

async function addUser(username: string): Promise<void> {
  const database = await openPglite(dataDir);
  try {
    await database.db
      .insertInto('users')
      .values({ username, display_name: username, password_hash: null, roles: [], disabled_at: null })
      .execute();
  } finally {
    await database.close();
  }
}

function leftovers(): string[] {
  return fs.readdirSync(dataDir).filter((name) => name.startsWith('pgdata.before-restore-'));
}

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'knutepunkt-backup-'));
  dataDir = path.join(tmp, 'data');
  backupFile = path.join(tmp, 'backups', 'test.tar.gz');
  const database = await openPglite(dataDir);
  try {
    // The real thing, migrations and dataset, so the backup is of a database like a real one.
    await prepareDatabase(database, 'demo');
  } finally {
    await database.close();
  }
  await addUser('kari');
}, 120_000);

afterAll(() => {
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

describe('backup and restore of the embedded database', () => {
  it('restores the data exactly as it was at backup time', async () => {
    const atBackup = { users: await users(), counts: await tableCounts() };
    expect(atBackup.users.map((user) => user.username)).toEqual(['kari']);
    const { bytes } = await backupPglite(dataDir, backupFile);
    expect(bytes).toBeGreaterThan(0);
    expect(fs.existsSync(`${backupFile}.partial`)).toBe(false);

    const database = await openPglite(dataDir);
    await database.db.deleteFrom('users').where('username', '=', 'kari').execute();
    await database.close();
    await addUser('ola');
    expect(await usernames()).toEqual(['ola']);

    const { previous } = await restorePglite(backupFile, dataDir);
    expect({ users: await users(), counts: await tableCounts() }).toEqual(atBackup);
    expect(previous && path.basename(previous)).toMatch(/^pgdata\.before-restore-\d{8}-\d{6}/);
    expect(fs.existsSync(path.join(previous!, 'PG_VERSION'))).toBe(true);
    for (const name of leftovers()) fs.rmSync(path.join(dataDir, name), { recursive: true });
  }, 120_000);

  it('refuses a missing, damaged or foreign file and leaves the current data untouched', async () => {
    const before = await usernames();
    const good = fs.readFileSync(backupFile);
    const cases: [string, Buffer | undefined, RegExp][] = [
      ['missing.tar.gz', undefined, /does not exist/],
      ['garbage.tar.gz', Buffer.from('this is not a backup'), /not a tar archive/],
      ['cut-short.tar.gz', good.subarray(0, Math.floor(good.length / 2)), /damaged or incomplete gzip/],
      ['not-a-database.tar.gz', zlib.gzipSync(tarWithOneFile('notes/readme.txt', 'hello')), /no database folder/],
    ];
    for (const [name, content, message] of cases) {
      const file = path.join(tmp, name);
      if (content) fs.writeFileSync(file, content);
      const error = await restorePglite(file, dataDir).catch((e: unknown) => e);
      expect(error, name).toBeInstanceOf(BackupError);
      expect((error as Error).message, name).toMatch(message);
    }
    expect(await usernames()).toEqual(before);
    expect(leftovers()).toEqual([]);
  }, 120_000);

  it('refuses to run while another process has the data folder open', async () => {
    const database = await openPglite(dataDir);
    try {
      await expect(backupPglite(dataDir, path.join(tmp, 'while-running.tar.gz'))).rejects.toBeInstanceOf(DataFolderLockedError);
      await expect(restorePglite(backupFile, dataDir)).rejects.toBeInstanceOf(DataFolderLockedError);
    } finally {
      await database.close();
    }
    expect(fs.existsSync(path.join(tmp, 'while-running.tar.gz'))).toBe(false);
    expect(fs.existsSync(path.join(pgliteDir(dataDir), 'PG_VERSION'))).toBe(true);
  }, 60_000);
});

/** A minimal ustar archive with one file, to stand in for a tarball that is not a database. */
function tarWithOneFile(name: string, text: string): Buffer {
  const body = Buffer.from(text);
  const header = Buffer.alloc(512);
  header.write(name, 0);
  header.write('0000644\0', 100);
  header.write('0000000\0', 108);
  header.write('0000000\0', 116);
  header.write(`${body.length.toString(8).padStart(11, '0')}\0`, 124);
  header.write('00000000000\0', 136);
  header.write('        ', 148);
  header.write('0', 156);
  header.write('ustar\0' + '00', 257);
  const checksum = header.reduce((sum, byte) => sum + byte, 0);
  header.write(`${checksum.toString(8).padStart(6, '0')}\0 `, 148);
  const padded = Buffer.alloc(Math.ceil(body.length / 512) * 512);
  body.copy(padded);
  return Buffer.concat([header, padded, Buffer.alloc(1024)]);
}

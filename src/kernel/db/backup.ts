import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import { PGlite } from '@electric-sql/pglite';
import { lockDataFolder } from './data-folder-lock.js';
import { openPglite, pgliteDir } from './database.js';

/**
 * Backup and restore of the embedded database: a backup is PGlite's own dump of the data folder
 * (a gzipped tarball of pgdata/). Both take the data folder's lock, so they refuse to run while a
 * Knutepunkt server uses the folder: copying files under a running PostgreSQL gives a broken copy.
 */
export class BackupError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'BackupError';
  }
}

const gunzip = promisify(zlib.gunzip);

/** `DATA_DIR/backups/knutepunkt-YYYYMMDD-HHMMSS.tar.gz`, in local time because people read it. */
export function defaultBackupFile(dataDir: string, now = new Date()): string {
  return path.join(dataDir, 'backups', `knutepunkt-${timestamp(now)}.tar.gz`);
}

/** Writes a backup of the embedded database in `dataDir` to `file`. */
export async function backupPglite(dataDir: string, file: string): Promise<{ file: string; bytes: number }> {
  if (!fs.existsSync(path.join(pgliteDir(dataDir), 'PG_VERSION'))) {
    throw new BackupError(`There is no embedded database in ${dataDir} to back up.`);
  }
  const database = await openPglite(dataDir);
  try {
    const dump = await database.pglite!.dumpDataDir('gzip');
    const bytes = Buffer.from(await dump.arrayBuffer());
    fs.mkdirSync(path.dirname(file), { recursive: true });
    // Written under another name first, so a backup file that exists is always a whole one.
    const partial = `${file}.partial`;
    fs.writeFileSync(partial, bytes);
    fs.renameSync(partial, file);
    return { file, bytes: bytes.length };
  } finally {
    await database.close();
  }
}

/**
 * Replaces the embedded database in `dataDir` with the backup in `file`. The backup is checked
 * first (opened in memory), then the current pgdata/ is moved aside, never deleted, so a failed
 * restore puts it back and a successful one leaves it for the operator to delete.
 */
export async function restorePglite(file: string, dataDir: string): Promise<{ previous: string | undefined }> {
  const tarball = await readBackup(file);
  const lock = await lockDataFolder(dataDir);
  try {
    const migrations = await countMigrations(file, () => PGlite.create({ loadDataDir: tarball }));
    const target = pgliteDir(dataDir);
    const previous = fs.existsSync(target) ? freeName(`${target}.before-restore-${timestamp(new Date())}`) : undefined;
    if (previous) fs.renameSync(target, previous);
    try {
      const restored = await countMigrations(file, () => PGlite.create(target, { loadDataDir: tarball }));
      if (restored !== migrations) throw new BackupError(`The restored database in ${target} does not match ${file}.`);
    } catch (error) {
      fs.rmSync(target, { recursive: true, force: true });
      if (previous) fs.renameSync(previous, target);
      throw error;
    }
    return { previous };
  } finally {
    lock.release();
  }
}

/**
 * Reads and unpacks the file here rather than in PGlite: PGlite's decompression of a damaged file
 * throws outside any promise and kills the process, and a plain "not a backup" is clearer anyway.
 */
async function readBackup(file: string): Promise<Blob> {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new BackupError(
      code === 'ENOENT' ? `The backup file ${file} does not exist.` : `Could not read the backup file ${file}: ${(error as Error).message}`,
      {
        cause: error,
      },
    );
  }
  let tar = bytes;
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) {
    try {
      tar = await gunzip(bytes);
    } catch (error) {
      throw new BackupError(`${file} is not a Knutepunkt backup: it is a damaged or incomplete gzip file.`, { cause: error });
    }
  }
  const names = tarEntries(tar);
  if (!names) throw new BackupError(`${file} is not a Knutepunkt backup: it is not a tar archive.`);
  // PGlite stores the folder's files at the archive's root: /PG_VERSION, /base/…
  if (!names.some((name) => name.replace(/^\.?\//, '') === 'PG_VERSION')) {
    throw new BackupError(`${file} is not a Knutepunkt backup: it holds no database folder (no PG_VERSION).`);
  }
  return new Blob([new Uint8Array(tar)], { type: 'application/x-tar' });
}

/** The entry names of a ustar archive, or undefined when the bytes are not one (or are cut short). */
function tarEntries(tar: Buffer): string[] | undefined {
  const names: string[] = [];
  let offset = 0;
  while (offset + 512 <= tar.length) {
    const header = tar.subarray(offset, offset + 512);
    if (header.every((byte) => byte === 0)) return names;
    if (header.toString('latin1', 257, 262) !== 'ustar') return undefined;
    const size = parseInt(header.toString('latin1', 124, 136).replace(/\0.*$/, '').trim() || '0', 8);
    if (!Number.isFinite(size)) return undefined;
    const prefix = header.toString('utf8', 345, 500).replace(/\0.*$/s, '');
    const name = header.toString('utf8', 0, 100).replace(/\0.*$/s, '');
    names.push(prefix ? `${prefix}/${name}` : name);
    offset += 512 + Math.ceil(size / 512) * 512;
    if (offset > tar.length) return undefined;
  }
  return undefined;
}

/** Opens a database from the backup and counts its applied migrations: it must be a Knutepunkt database. */
async function countMigrations(file: string, open: () => Promise<PGlite>): Promise<number> {
  let pglite: PGlite | undefined;
  try {
    pglite = await open();
    const { rows } = await pglite.query<{ n: number }>('select count(*)::int as n from schema_migrations');
    return rows[0]?.n ?? 0;
  } catch (error) {
    if (error instanceof BackupError) throw error;
    throw new BackupError(`${file} could not be opened as a Knutepunkt database: ${(error as Error).message}`, { cause: error });
  } finally {
    await pglite?.close().catch(() => {});
  }
}

function timestamp(date: Date): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}${two(date.getMonth() + 1)}${two(date.getDate())}-${two(date.getHours())}${two(date.getMinutes())}${two(date.getSeconds())}`;
}

/** `base`, or `base-2`, `base-3`… when two restores run within the same second. */
function freeName(base: string): string {
  let name = base;
  for (let n = 2; fs.existsSync(name); n++) name = `${base}-${n}`;
  return name;
}

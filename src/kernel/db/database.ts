import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { createPgConfig } from '@electric-sql/pglite/node-postgres';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import type { Config } from '../config/config.js';
import { lockDataFolder, type DataFolderLock } from './data-folder-lock.js';
import type { KernelTables } from './schema.js';
import { guardedKysely } from './transaction-guard.js';

export type Db = Kysely<KernelTables>;

// A calendar date stays the text 'YYYY-MM-DD': turned into a JS Date it would shift with the
// server's time zone. Set once for both back ends, since PGlite is reached through pg too.
pg.types.setTypeParser(pg.types.builtins.DATE, (value: string) => value);

/** An open database, embedded or server, behind the same Kysely interface. */
export interface Database {
  db: Db;
  kind: 'pglite' | 'postgres';
  /** Throws when the database does not answer. */
  ping(): Promise<void>;
  close(): Promise<void>;
  /** The embedded engine, for backups. Undefined on PostgreSQL. */
  pglite?: PGlite;
}

export class DatabaseConnectError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'DatabaseConnectError';
  }
}

/** The folder inside DATA_DIR that holds the embedded PostgreSQL files. */
export function pgliteDir(dataDir: string): string {
  return path.join(dataDir, 'pgdata');
}

export async function openDatabase(database: Config['database']): Promise<Database> {
  return database.kind === 'pglite' ? openPglite(database.dataDir) : openPostgres(database.url, database.poolSize);
}

/** Opens the embedded database in `dataDir` (or in memory with `memory://`), taking the folder's lock. */
export async function openPglite(dataDir: string, options: { loadDataDir?: Blob } = {}): Promise<Database> {
  const inMemory = dataDir.startsWith('memory://');
  const lock: DataFolderLock | undefined = inMemory ? undefined : await lockDataFolder(dataDir);
  let pglite: PGlite;
  try {
    // pg_trgm (trigram similarity for the places search) must be loaded when the engine starts.
    pglite = await PGlite.create(inMemory ? undefined : pgliteDir(dataDir), {
      extensions: { pg_trgm },
      ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
    });
  } catch (error) {
    lock?.release();
    throw new DatabaseConnectError(`Could not open the embedded database in ${dataDir}: ${(error as Error).message}`, { cause: error });
  }
  return fromPglite(pglite, lock);
}

/** Wraps an open PGlite in the common interface (used by tests that clone a template). */
export function fromPglite(pglite: PGlite, lock?: DataFolderLock): Database {
  const pool = new PglitePool(pglite);
  // A query through the pool inside a transaction throws instead of waiting for ever (transaction-guard.ts).
  const db = guardedKysely<KernelTables>(new PostgresDialect({ pool }));
  return {
    db,
    kind: 'pglite',
    pglite,
    async ping() {
      await sql`select 1`.execute(db);
    },
    async close() {
      await db.destroy();
      await pglite.close();
      lock?.release();
    },
  };
}

/**
 * A pool over one PGlite. Once the engine is closed, its adapter fails with a TypeError (and a
 * stray rejection); refusing new connections first turns that into a clear "database closed".
 */
class PglitePool extends pg.Pool {
  constructor(private readonly pglite: PGlite) {
    super(createPgConfig(pglite) as unknown as pg.PoolConfig);
    this.on('error', () => {});
  }

  override connect(): Promise<pg.PoolClient>;
  override connect(callback: (err: Error | undefined, client: pg.PoolClient | undefined, done: (release?: unknown) => void) => void): void;
  override connect(
    callback?: (err: Error | undefined, client: pg.PoolClient | undefined, done: (release?: unknown) => void) => void,
  ): Promise<pg.PoolClient> | void {
    if (this.pglite.closed) {
      const error = Object.assign(new Error('PGlite is closed: the embedded database is not open.'), { code: '57P01' });
      if (callback) return callback(error, undefined, () => {});
      return Promise.reject(error);
    }
    return callback ? super.connect(callback) : super.connect();
  }
}

/** Connects to PostgreSQL and checks the server answers and is version 15 or newer. */
export async function openPostgres(url: string, poolSize = 10): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize, connectionTimeoutMillis: 5000 });
  // An idle client that loses its server emits 'error' on the pool; without a listener the process dies.
  pool.on('error', () => {});
  const db = guardedKysely<KernelTables>(new PostgresDialect({ pool }));
  try {
    const { rows } = await sql<{ server_version_num: string }>`show server_version_num`.execute(db);
    const version = Number(rows[0]?.server_version_num ?? 0);
    if (version < 150000) {
      throw new DatabaseConnectError(`PostgreSQL ${Math.floor(version / 10000)} is too old; Knutepunkt needs PostgreSQL 15 or newer.`);
    }
  } catch (error) {
    await db.destroy().catch(() => {});
    if (error instanceof DatabaseConnectError) throw error;
    throw new DatabaseConnectError(`Could not connect to PostgreSQL at ${redactUrl(url)}: ${describeError(error)}. Check DATABASE_URL.`, {
      cause: error,
    });
  }
  return {
    db,
    kind: 'postgres',
    async ping() {
      await sql`select 1`.execute(db);
    },
    async close() {
      await db.destroy();
    },
  };
}

/** The URL without its password, safe to print and log. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(unparseable URL)';
  }
}

function describeError(error: unknown): string {
  const e = error as { code?: string; message?: string; errors?: unknown[] };
  if (e.code && e.message) return `${e.message} (${e.code})`;
  if (e.code) return e.code;
  return e.message || String(error);
}

/** True for errors that mean the database is gone or not answering (not a bad query). */
export function isConnectionError(error: unknown): boolean {
  const e = error as { code?: unknown; message?: unknown } | null;
  if (!e || typeof e !== 'object') return false;
  const code = typeof e.code === 'string' ? e.code : '';
  if (['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EHOSTUNREACH'].includes(code)) return true;
  // SQLSTATE class 08 (connection exception), 57P01–57P03 (admin shutdown, crash shutdown, cannot connect now),
  // 3D000: the database itself was dropped.
  if (/^08/.test(code) || ['57P01', '57P02', '57P03', '3D000'].includes(code)) return true;
  const message = typeof e.message === 'string' ? e.message : '';
  return /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|PGlite is closed|Cannot use a pool after calling end/i.test(
    message,
  );
}

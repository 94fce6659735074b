// What the benchmark scripts share: the back ends to run on (an embedded database in a temp folder,
// a PostgreSQL server when one is installed), the local HTTP calls, and running as a script.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import pg from 'pg';
import type { Knutepunkt } from '../src/app.js';
import { findPostgresBin, startPostgres, type PostgresServer } from '../test/postgres-server.js';

export type BackEnd = 'embedded' | 'PostgreSQL';

export interface BenchRow {
  name: string;
  value: number | null;
  unit: string;
  target?: { max?: number; min?: number };
  note?: string;
}

export interface BenchBackEnds {
  /** The temp folder, removed afterwards. */
  tmp: string;
  /** The environment for an embedded database in `folder` of the temp folder. */
  embedded(folder?: string): Record<string, string>;
  /** The environment for a fresh PostgreSQL database `name` (the server starts on first use); null when PostgreSQL is not installed. */
  postgres(name: string): Promise<Record<string, string> | null>;
}

/**
 * Runs `run` with a temp folder and, on demand, a PostgreSQL server; both are gone afterwards, and
 * with `stopOnSignal` also after Ctrl-C.
 */
export async function withBackEnds<T>(
  prefix: string,
  run: (backEnds: BenchBackEnds) => Promise<T>,
  options: { stopOnSignal?: boolean } = {},
): Promise<T> {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  let server: PostgresServer | undefined;
  // Ctrl-C must not leave a PostgreSQL server or a temp folder behind.
  const stop = (signal: NodeJS.Signals) => {
    server?.stop();
    fs.rmSync(tmp, { recursive: true, force: true });
    process.stderr.write(`\n${signal}: stopped the benchmark and removed its temp folder.\n`);
    process.exit(130);
  };
  if (options.stopOnSignal) {
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  }
  try {
    return await run({
      tmp,
      embedded: (folder = 'data') => ({ DATA_DIR: path.join(tmp, folder) }),
      postgres: async (name) => {
        if (!server && !findPostgresBin()) return null;
        server ??= await startPostgres();
        const admin = new pg.Client({ connectionString: server.adminUrl });
        await admin.connect();
        await admin.query(`create database ${name}`);
        await admin.end();
        return { DATABASE_URL: server.urlFor(name) };
      },
    });
  } finally {
    if (options.stopOnSignal) {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
    }
    server?.stop();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

/**
 * `measure` on the embedded database, then on PostgreSQL in database `database` (or on the one
 * `only` names). `postgresMissing`: PostgreSQL was wanted but is not installed.
 */
export async function onBackEnds<R>(
  setup: { prefix: string; database: string; only?: 'embedded' | 'postgres'; stopOnSignal?: boolean },
  measure: (backEnd: BackEnd, env: Record<string, string>, tmp: string) => Promise<R>,
): Promise<{ results: R[]; postgresMissing: boolean }> {
  return withBackEnds(
    setup.prefix,
    async (backEnds) => {
      const results: R[] = [];
      let postgresMissing = false;
      if (setup.only !== 'postgres') results.push(await measure('embedded', backEnds.embedded(), backEnds.tmp));
      if (setup.only !== 'embedded') {
        const env = await backEnds.postgres(setup.database);
        if (env) results.push(await measure('PostgreSQL', env, backEnds.tmp));
        else postgresMissing = true;
      }
      return { results, postgresMissing };
    },
    { stopOnSignal: setup.stopOnSignal },
  );
}

/** The row that says PostgreSQL was wanted but is not installed. */
export function postgresSkipped(name: string, note = 'skipped: PostgreSQL is not installed (apt-get install -y postgresql)'): BenchRow {
  return { name, value: null, unit: '', note };
}

/** `--only embedded|postgres` from the command line. */
export function onlyArgument(value: string | undefined): 'embedded' | 'postgres' | undefined {
  return value === 'embedded' || value === 'postgres' ? value : undefined;
}

/** Starts the in-process Knutepunkt on a free port of 127.0.0.1; its base URL. */
export async function listenLocally(knutepunkt: Knutepunkt): Promise<string> {
  await knutepunkt.app.listen({ host: '127.0.0.1', port: 0 });
  const address = knutepunkt.app.server.address();
  return `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
}

export interface Session {
  base: string;
  headers: Record<string, string>;
}

export async function call(
  session: Session,
  method: 'GET' | 'POST',
  url: string,
  body?: unknown,
): Promise<{ status: number; text: string }> {
  const response = await fetch(`${session.base}${url}`, {
    method,
    headers: { ...session.headers, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(120_000),
  });
  return { status: response.status, text: await response.text() };
}

/** A POST that must answer one of `accepted`; returns the body's size for the note. */
export function poster(session: Session, url: string, body: () => unknown, accepted: number[] = [200]): () => Promise<number> {
  return async () => {
    const { status, text } = await call(session, 'POST', url, body());
    if (!accepted.includes(status)) throw new Error(`POST ${url} answered ${status}: ${text.slice(0, 300)}`);
    return Buffer.byteLength(text);
  };
}

/** Was this module the script node started with? */
export function isMainScript(url: string): boolean {
  return Boolean(process.argv[1]) && url === pathToFileURL(path.resolve(process.argv[1]!)).href;
}

/** One line a row, with OVER or UNDER where it misses its target. */
export function printRows(rows: BenchRow[], nameWidth: number, digits: number): void {
  for (const row of rows) {
    const over = row.value !== null && row.target?.max !== undefined && row.value > row.target.max;
    const under = row.value !== null && row.target?.min !== undefined && row.value < row.target.min;
    process.stdout.write(
      `${row.name.padEnd(nameWidth)} ${row.value?.toFixed(digits)} ${row.unit}${over ? '  OVER' : under ? '  UNDER' : ''}  ${row.note ?? ''}\n`,
    );
  }
}

/** Ends the script on an error, naming the benchmark. */
export function failed(what: string): (error: unknown) => never {
  return (error) => {
    process.stderr.write(`The ${what} benchmark failed: ${(error as Error).stack ?? String(error)}\n`);
    process.exit(1);
  };
}

// SCIM create throughput: how many users a second Entra ID's provisioning (or any SCIM client) can
// create over real HTTP, with a few clients at once, each POST as Entra ID sends it (enterprise
// extension and all). PostgreSQL by default (the target: ≥ 200 users/s), the embedded database on request.
//
// `npx tsx scripts/bench-scim.ts [--only embedded|postgres] [--users N] [--clients N]` prints the rows;
// scripts/bench.ts calls `benchScim()`. Not a test: it reports against the target and never fails on
// it. Requests go to 127.0.0.1 only.
import { randomBytes, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { createKnutepunkt } from '../src/app.js';
import { loadConfig, openDatabase } from '../src/kernel/index.js';
import { findPostgresBin, startPostgres, type PostgresServer } from '../test/postgres-server.js';
import type { BenchRow } from './bench-organisation.js';

const createsPerSecondTarget = 200;
const enterprise = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';

function entraUser(n: number): Record<string, unknown> {
  const userName = `bench.${n}.${randomBytes(3).toString('hex')}@drammen.kommune.no`;
  return {
    schemas: ['urn:ietf:params:scim:schemas:core:2.0:User', enterprise],
    externalId: randomUUID(),
    userName,
    active: true,
    displayName: `Bench Bruker ${n}`,
    emails: [{ primary: true, type: 'work', value: userName }],
    meta: { resourceType: 'User' },
    name: { formatted: `Bench Bruker ${n}`, familyName: 'Bruker', givenName: 'Bench' },
    [enterprise]: { employeeNumber: `B${n}` },
  };
}

async function measure(
  backEnd: string,
  env: Record<string, string>,
  settings: { users: number; clients: number },
  log: (line: string) => void,
): Promise<BenchRow> {
  const token = randomBytes(32).toString('hex');
  const config = loadConfig({ LOG_LEVEL: 'silent', KNUTEPUNKT_MODE: 'demo', SCIM_TOKEN: token, ...env });
  const database = await openDatabase(config.database);
  const knutepunkt = await createKnutepunkt(config, { database, logger: false, demoPeople: false });
  try {
    await knutepunkt.app.listen({ host: '127.0.0.1', port: 0 });
    const address = knutepunkt.app.server.address();
    const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/scim/v2`;
    const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/scim+json' };
    const post = async (n: number) => {
      const response = await fetch(`${base}/Users`, {
        method: 'POST',
        headers,
        body: JSON.stringify(entraUser(n)),
        signal: AbortSignal.timeout(60_000),
      });
      const body = await response.text();
      if (response.status !== 201) throw new Error(`POST /Users answered ${response.status}: ${body.slice(0, 300)}`);
    };
    for (let i = 0; i < 20; i++) await post(-1 - i); // warm-up: connections, compiled queries

    let next = 0;
    const t0 = performance.now();
    await Promise.all(
      Array.from({ length: settings.clients }, async () => {
        while (next < settings.users) await post(next++);
      }),
    );
    const seconds = (performance.now() - t0) / 1000;
    const rate = settings.users / seconds;
    log(`  ${backEnd}: ${settings.users} users by ${settings.clients} clients in ${seconds.toFixed(2)} s = ${rate.toFixed(0)} users/s`);
    return {
      name: `SCIM create throughput (${backEnd})`,
      value: rate,
      unit: 'users/s',
      ...(backEnd === 'PostgreSQL' ? { target: { min: createsPerSecondTarget } } : {}),
      note: `${settings.users} POST /Users over HTTP, ${settings.clients} clients, ${seconds.toFixed(2)} s`,
    };
  } finally {
    await knutepunkt.close();
  }
}

/** SCIM create throughput on PostgreSQL (and, when asked, the embedded database). */
export async function benchScim(
  options: { log?: (line: string) => void; only?: 'embedded' | 'postgres'; users?: number; clients?: number } = {},
): Promise<BenchRow[]> {
  const log = options.log ?? (() => {});
  const settings = { users: options.users ?? 2_000, clients: options.clients ?? 4 };
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'knutepunkt-bench-scim-'));
  let postgres: PostgresServer | undefined;
  try {
    const rows: BenchRow[] = [];
    if (options.only === 'embedded') rows.push(await measure('embedded', { DATA_DIR: path.join(tmp, 'data') }, settings, log));
    if (options.only !== 'embedded' && findPostgresBin()) {
      postgres = await startPostgres();
      const admin = new pg.Client({ connectionString: postgres.adminUrl });
      await admin.connect();
      await admin.query('create database kp_bench_scim');
      await admin.end();
      rows.push(await measure('PostgreSQL', { DATABASE_URL: postgres.urlFor('kp_bench_scim') }, settings, log));
    }
    return rows;
  } finally {
    postgres?.stop();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const { values } = parseArgs({ options: { only: { type: 'string' }, users: { type: 'string' }, clients: { type: 'string' } } });
  const only = values.only === 'embedded' || values.only === 'postgres' ? values.only : undefined;
  benchScim({
    log: (line) => process.stdout.write(`${line}\n`),
    only,
    users: values.users ? Number(values.users) : undefined,
    clients: values.clients ? Number(values.clients) : undefined,
  })
    .then((rows) => {
      for (const row of rows) {
        const under = row.value !== null && row.target?.min !== undefined && row.value < row.target.min;
        process.stdout.write(`${row.name.padEnd(48)} ${row.value?.toFixed(0)} ${row.unit}${under ? '  UNDER' : ''}  ${row.note ?? ''}\n`);
      }
    })
    .catch((error: unknown) => {
      process.stderr.write(`The SCIM benchmark failed: ${(error as Error).stack ?? String(error)}\n`);
      process.exit(1);
    });
}

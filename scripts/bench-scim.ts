// SCIM create throughput: how many users a second Entra ID's provisioning (or any SCIM client) can
// create over real HTTP, with a few clients at once, each POST as Entra ID sends it (enterprise
// extension and all). PostgreSQL by default (the target: ≥ 200 users/s), the embedded database on request.
//
// `npx tsx scripts/bench-scim.ts [--only embedded|postgres] [--users N] [--clients N]` prints the rows;
// scripts/bench.ts calls `benchScim()`. Not a test: it reports against the target and never fails on
// it. Requests go to 127.0.0.1 only.
import { randomBytes, randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { createKnutepunkt } from '../src/app.js';
import { loadConfig, openDatabase } from '../src/kernel/index.js';
import { failed, isMainScript, listenLocally, onlyArgument, printRows, withBackEnds } from './bench-common.js';
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
    const base = `${await listenLocally(knutepunkt)}/scim/v2`;
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
  return withBackEnds('knutepunkt-bench-scim-', async ({ embedded, postgres }) => {
    // The embedded database only when asked for by name.
    if (options.only === 'embedded') return [await measure('embedded', embedded(), settings, log)];
    const env = await postgres('kp_bench_scim');
    return env ? [await measure('PostgreSQL', env, settings, log)] : [];
  });
}

if (isMainScript(import.meta.url)) {
  const { values } = parseArgs({ options: { only: { type: 'string' }, users: { type: 'string' }, clients: { type: 'string' } } });
  benchScim({
    log: (line) => process.stdout.write(`${line}\n`),
    only: onlyArgument(values.only),
    users: values.users ? Number(values.users) : undefined,
    clients: values.clients ? Number(values.clients) : undefined,
  })
    .then((rows) => printRows(rows, 48, 0))
    .catch(failed('SCIM'));
}

// The organisation module's figures: p50/p95 of the org tree, the rules report, the roll-ups
// (analytics) and a scenario comparison, through the real HTTP API of an in-process Knutepunkt,
// on the built-in dataset and on the 10× synthetic organisation (≈ 8 000 units, ≈ 70 000
// positions; see scripts/demo-people.ts), on the embedded database and on PostgreSQL. For the
// tree and the roll-ups the same SQL is also timed straight through the same driver, and the
// ratio API ÷ direct shows what the HTTP layer, the computing and the JSON add.
//
// `npx tsx scripts/bench-organisation.ts [--only embedded|postgres] [--size dataset|10x]` prints a table and writes .tmp/bench-organisation.json;
// scripts/bench.ts calls `benchOrganisation()` for the same rows. Not a test: timings depend on the
// machine (and on what else runs on it: the load average is printed), so it reports against the
// targets and never fails on them. Requests go to 127.0.0.1 only; every loop is bounded.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { createKnutepunkt, type Knutepunkt } from '../src/app.js';
import { hashPassword, loadConfig, openDatabase, recordAudit, systemContext } from '../src/kernel/index.js';
import { insertUser } from '../src/modules/accounts/index.js';
import type { OrganisationDb } from '../src/modules/organisation/index.js';
import { readUnitTree, todayInNorway } from '../src/modules/organisation/server/organisation.queries.js';
import { loadSnapshot, readSnapshot } from '../src/modules/organisation/server/snapshot.js';
import { addSyntheticOrganisation } from '../src/modules/organisation/server/synthetic/fill-positions.js';
import {
  call,
  isMainScript,
  listenLocally,
  postgresSkipped,
  withBackEnds,
  type BackEnd,
  type BenchRow,
  type Session,
} from './bench-common.js';

const root = path.resolve(import.meta.dirname, '..');
// A slow endpoint stops early (at least `minRequests`), so a loaded machine cannot make a run endless.
export const organisationBenchSettings = {
  warmUps: 3,
  requests: 30,
  minRequests: 5,
  secondsPerMeasurement: 45,
  p95TargetMs: 100,
  ratioTarget: 1.5,
};
const { warmUps, requests, minRequests, secondsPerMeasurement, p95TargetMs, ratioTarget } = organisationBenchSettings;

export type { BenchRow, Session } from './bench-common.js';

export interface Timing {
  p50: number;
  p95: number;
  max: number;
  n: number;
  /** CPU time of this process, ms. */
  cpuP50?: number;
  cpuP95?: number;
  bytes?: number;
  error?: string;
}

export interface OrganisationBenchDetail {
  backEnd: string;
  size: string;
  units: number;
  positions: number;
  people: number;
  generateMs: number | null;
  loadAverage: { before: number; after: number };
  api: Record<string, Timing>;
  afterEdit: Timing;
  direct: Record<string, Timing>;
}

type Size = 'dataset' | '10×';

const percentile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? NaN;

export async function time(run: () => Promise<number | void>): Promise<Timing> {
  for (let i = 0; i < warmUps; i++) await run();
  const samples: number[] = [];
  // CPU time of this process (the embedded database runs in it too): on a busy machine the wall
  // clock measures the queue for the CPU as well, this does not.
  const cpu: number[] = [];
  let bytes: number | undefined;
  const deadline = performance.now() + secondsPerMeasurement * 1000;
  for (let i = 0; i < requests && (i < minRequests || performance.now() < deadline); i++) {
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    const size = await run();
    samples.push(performance.now() - t0);
    const used = process.cpuUsage(c0);
    cpu.push((used.user + used.system) / 1000);
    if (typeof size === 'number') bytes = size;
  }
  samples.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  return {
    p50: percentile(samples, 0.5),
    p95: percentile(samples, 0.95),
    max: samples.at(-1)!,
    n: samples.length,
    cpuP50: percentile(cpu, 0.5),
    cpuP95: percentile(cpu, 0.95),
    ...(bytes ? { bytes } : {}),
  };
}

/** A GET that must answer 200; returns the body's size for the note. */
export function getter(session: Session, url: string): () => Promise<number> {
  return async () => {
    const { status, text } = await call(session, 'GET', url);
    if (status !== 200) throw new Error(`GET ${url} answered ${status}: ${text.slice(0, 300)}`);
    return Buffer.byteLength(text);
  };
}

/** An administrator of its own (PostgreSQL has no demo accounts), signed in through the API. */
export async function signIn(knutepunkt: Knutepunkt, base: string): Promise<Session> {
  const username = `bench-${randomBytes(4).toString('hex')}`;
  const password = randomBytes(15).toString('base64url');
  const passwordHash = await hashPassword(password);
  await knutepunkt.database.db.transaction().execute(async (trx) => {
    const user = await insertUser(trx, {
      username,
      display_name: 'Benchmark',
      password_hash: passwordHash,
      roles: ['administrator'],
      disabled_at: null,
    });
    await recordAudit(trx, systemContext, {
      action: 'create',
      entityType: 'user',
      entityId: user.id,
      after: { username, purpose: 'benchmark' },
    });
  });
  const response = await fetch(`${base}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  const body = (await response.json()) as { csrfToken?: string };
  const cookie = response.headers.getSetCookie().find((c) => c.startsWith('kp_session='));
  if (response.status !== 200 || !cookie || !body.csrfToken) throw new Error(`Signing in failed (${response.status})`);
  return { base, headers: { cookie: cookie.split(';')[0]!, 'x-csrf-token': body.csrfToken } };
}

/** A school merger, a rename, a new position and a department moved: a scenario a planner would draft. */
async function draftScenario(session: Session, date: string): Promise<{ id: string; problems: number }> {
  const { status, text } = await call(session, 'POST', '/api/organisation/scenarios', {
    name: 'Ytelsestest: skolesammenslåing',
    effectiveDate: date,
    changes: [
      { type: 'merge_units', sourceUnitKeys: ['skole-danvik'], targetUnitKey: 'skole-fjell' },
      { type: 'rename_unit', unitKey: 'skole-fjell', name: 'Fjell og Danvik skole' },
      {
        type: 'create_position',
        key: 'ytelsestest-radgiver-skole',
        title: 'rådgiver',
        unitKey: 'omrade-skole',
        roleType: 'adviser',
        reportsToPositionKey: 'kommunalsjef-skole',
      },
      { type: 'move_unit', unitKey: 'skole-borresen-avd-nosted-skole', parentKey: 'skole-brandengen' },
    ],
  });
  if (status !== 201) throw new Error(`Drafting the scenario answered ${status}: ${text.slice(0, 300)}`);
  const scenario = JSON.parse(text) as { id: string; problems: unknown[] };
  return { id: scenario.id, problems: scenario.problems.length };
}

async function measure(
  backEnd: BackEnd,
  size: Size,
  env: Record<string, string>,
  log: (line: string) => void,
): Promise<{ rows: BenchRow[]; detail: OrganisationBenchDetail }> {
  const config = loadConfig({ LOG_LEVEL: 'silent', KNUTEPUNKT_MODE: 'demo', HOST: '127.0.0.1', PORT: '0', ...env });
  const database = await openDatabase(config.database);
  const knutepunkt = await createKnutepunkt(config, { database, logger: false });
  try {
    const db = database.db as unknown as OrganisationDb;
    let generateMs: number | null = null;
    if (size === '10×') {
      log(`  ${backEnd}: generating the 10× organisation…`);
      const t0 = performance.now();
      await addSyntheticOrganisation(db, { units: 10, scale: 1, seed: 1 });
      generateMs = performance.now() - t0;
      log(`  ${backEnd}: generated in ${(generateMs / 1000).toFixed(1)} s`);
    }
    const date = todayInNorway();
    const base = await listenLocally(knutepunkt);
    const session = await signIn(knutepunkt, base);
    const scenario = await draftScenario(session, date);

    const snapshot = await loadSnapshot(db, date);
    const loadBefore = os.loadavg()[0] ?? 0;
    log(
      `  ${backEnd}, ${size}: ${snapshot.units.length} units, ${snapshot.positions.length} positions; measuring (load ${loadBefore.toFixed(2)})…`,
    );
    // A failed or timed-out measurement is reported as such; the others still run.
    const step = async (name: string, run: () => Promise<number | void>): Promise<Timing> => {
      try {
        const timing = await time(run);
        log(
          `    ${name}: p50 ${timing.p50.toFixed(1)} ms, p95 ${timing.p95.toFixed(1)} ms, CPU p50 ${timing.cpuP50?.toFixed(1)} ms (n = ${timing.n})`,
        );
        return timing;
      } catch (error) {
        log(`    ${name}: failed: ${(error as Error).message}`);
        return { p50: NaN, p95: NaN, max: NaN, n: 0, error: (error as Error).message };
      }
    };
    const api = {
      tree: await step('GET tree', getter(session, `/api/organisation/tree?date=${date}`)),
      rules: await step('GET rules', getter(session, `/api/organisation/rules?date=${date}`)),
      analytics: await step('GET analytics', getter(session, `/api/organisation/analytics?date=${date}`)),
      compare: await step('GET scenario comparison', getter(session, `/api/organisation/scenarios/${scenario.id}/compare`)),
    };
    // The first read after an edit: whatever is kept from an earlier read no longer holds.
    const afterEdit = await step('GET analytics right after an edit', async () => {
      const edit = await call(session, 'POST', '/api/organisation/people', { name: 'Ytelsestest Endring', synthetic: true });
      if (edit.status !== 201) throw new Error(`The edit answered ${edit.status}: ${edit.text.slice(0, 300)}`);
      return getter(session, `/api/organisation/analytics?date=${date}`)();
    });
    const direct = {
      // The query itself: selectUnitTree, like loadSnapshot, answers from what it keeps.
      tree: await step('readUnitTree directly', async () => void (await readUnitTree(db, date))),
      snapshot: await step('readSnapshot directly', async () => void (await readSnapshot(db, date))),
    };
    const loadAfter = os.loadavg()[0] ?? 0;

    const label = `${size}, ${backEnd}`;
    // On PostgreSQL the database's own CPU is in another process and not counted here.
    const cpuOf = (timing: Timing) => (timing.cpuP50 === undefined ? '?' : `${timing.cpuP50.toFixed(1)} ms`);
    const kb = (bytes?: number) => (bytes ? `${(bytes / 1024).toFixed(0)} kB` : '');
    const target = { max: p95TargetMs };
    const rows: BenchRow[] = [
      {
        name: `org tree p95 (${label})`,
        value: api.tree.p95,
        unit: 'ms',
        target,
        note: `p50 ${api.tree.p50.toFixed(1)} ms, CPU p50 ${cpuOf(api.tree)}, ${kb(api.tree.bytes)}; SQL direct p50 ${direct.tree.p50.toFixed(1)} ms (CPU ${cpuOf(direct.tree)})`,
      },
      {
        name: `org tree API ÷ direct (${label})`,
        value: api.tree.p50 / direct.tree.p50,
        unit: '×',
        target: { max: ratioTarget },
        note: 'p50 ÷ p50',
      },
      {
        name: `roll-ups p95 (${label})`,
        value: api.analytics.p95,
        unit: 'ms',
        target,
        note: `p50 ${api.analytics.p50.toFixed(1)} ms, CPU p50 ${cpuOf(api.analytics)}, ${kb(api.analytics.bytes)}; snapshot SQL direct p50 ${direct.snapshot.p50.toFixed(1)} ms (CPU ${cpuOf(direct.snapshot)})`,
      },
      {
        name: `roll-ups API ÷ snapshot SQL (${label})`,
        value: api.analytics.p50 / direct.snapshot.p50,
        unit: '×',
        target: { max: ratioTarget },
        note: 'p50 ÷ p50; the API also computes the figures and sends them',
      },
      {
        name: `roll-ups right after an edit p95 (${label})`,
        value: afterEdit.p95,
        unit: 'ms',
        note: `p50 ${afterEdit.p50.toFixed(1)} ms, CPU p50 ${cpuOf(afterEdit)} (each timing includes the edit, a POST)`,
      },
      {
        name: `rules report p95 (${label})`,
        value: api.rules.p95,
        unit: 'ms',
        note: `p50 ${api.rules.p50.toFixed(1)} ms, CPU p50 ${cpuOf(api.rules)}, ${kb(api.rules.bytes)}`,
      },
      {
        name: `scenario comparison p95 (${label})`,
        value: api.compare.p95,
        unit: 'ms',
        note: `p50 ${api.compare.p50.toFixed(1)} ms, CPU p50 ${cpuOf(api.compare)}, ${kb(api.compare.bytes)}; 4 changes, ${scenario.problems} problems`,
      },
    ];
    for (const row of rows) {
      if (row.value !== null && !Number.isFinite(row.value)) Object.assign(row, { value: null, note: `failed: ${row.note ?? ''}` });
    }
    if (generateMs !== null) {
      rows.push({
        name: `generate the 10× organisation (${backEnd})`,
        value: generateMs,
        unit: 'ms',
        note: 'npm run demo:people -- --units 10',
      });
    }
    return {
      rows,
      detail: {
        backEnd,
        size,
        units: snapshot.units.length,
        positions: snapshot.positions.length,
        people: new Set(snapshot.assignments.map((a) => a.personId)).size,
        generateMs,
        loadAverage: { before: loadBefore, after: loadAfter },
        api,
        afterEdit,
        direct,
      },
    };
  } finally {
    await knutepunkt.close();
  }
}

/** Every measurement, on the back ends this machine has; `log` hears what is going on. */
export async function benchOrganisation(
  options: { log?: (line: string) => void; sizes?: Size[]; backEnds?: BackEnd[] } = {},
): Promise<{ rows: BenchRow[]; details: OrganisationBenchDetail[] }> {
  const log = options.log ?? (() => {});
  const sizes = options.sizes ?? ['dataset', '10×'];
  const backEnds = options.backEnds ?? ['embedded', 'PostgreSQL'];
  const rows: BenchRow[] = [];
  const details: OrganisationBenchDetail[] = [];
  await withBackEnds(
    'knutepunkt-bench-org-',
    async ({ embedded, postgres }) => {
      for (const size of backEnds.includes('embedded') ? sizes : []) {
        const result = await measure('embedded', size, embedded(`data-${size === '10×' ? '10x' : size}`), log);
        rows.push(...result.rows);
        details.push(result.detail);
      }
      if (!backEnds.includes('PostgreSQL')) return; // left out on purpose
      for (const size of sizes) {
        const env = await postgres(`kp_bench_${size === '10×' ? '10x' : size}`);
        if (!env) {
          rows.push(postgresSkipped('organisation, PostgreSQL'));
          return;
        }
        const result = await measure('PostgreSQL', size, env, log);
        rows.push(...result.rows);
        details.push(result.detail);
      }
    },
    { stopOnSignal: true },
  );
  return { rows, details };
}

// ── Run on its own ──────────────────────────────────────────────────────────────────────────────

function status(row: BenchRow): string {
  if (row.value === null) return row.note?.startsWith('failed') ? 'FAILED' : 'skipped';
  if (!row.target) return '';
  if (row.target.max !== undefined && row.value > row.target.max) return 'OVER';
  if (row.target.min !== undefined && row.value < row.target.min) return 'UNDER';
  return 'ok';
}

function format(value: number | null, unit: string): string {
  if (value === null) return '—';
  if (unit === 'ms') return value >= 1000 ? `${(value / 1000).toFixed(2)} s` : `${value.toFixed(1)} ms`;
  if (unit === '×') return `${value.toFixed(2)}×`;
  return `${value.toFixed(1)} ${unit}`;
}

async function main(): Promise<void> {
  const loadAtStart = os.loadavg();
  const started = performance.now();
  // `--only embedded|postgres` and `--size dataset|10x` narrow the run (the default is all four).
  const { values } = parseArgs({ options: { only: { type: 'string' }, size: { type: 'string' } } });
  const backEnds: BackEnd[] | undefined =
    values.only === 'embedded' ? ['embedded'] : values.only === 'postgres' ? ['PostgreSQL'] : undefined;
  const sizes: Size[] | undefined = values.size === 'dataset' ? ['dataset'] : values.size === '10x' ? ['10×'] : undefined;
  const { rows, details } = await benchOrganisation({ log: (line) => process.stdout.write(`${line}\n`), backEnds, sizes });
  const table = rows.map((row) => [
    row.name,
    format(row.value, row.unit),
    row.target?.max !== undefined ? `≤ ${format(row.target.max, row.unit)}` : '',
    status(row),
    row.note ?? '',
  ]);
  const widths = [0, 1, 2, 3].map((i) => Math.max(...table.map((cells) => cells[i]!.length)));
  process.stdout.write('\n');
  for (const cells of table)
    process.stdout.write(`${cells.map((c, i) => (i < 4 ? c.padEnd(widths[i]!) : c)).join('  ')}\n`.replace(/ +\n$/, '\n'));
  const machine = {
    node: process.version,
    cpus: os.cpus().length,
    cpu: os.cpus()[0]?.model,
    loadAverage: { start: loadAtStart, end: os.loadavg() },
  };
  process.stdout.write(
    `\nLoad average (1, 5, 15 min) at the start ${loadAtStart.map((l) => l.toFixed(2)).join(', ')}, at the end ${machine.loadAverage.end
      .map((l) => l.toFixed(2))
      .join(
        ', ',
      )}, on ${machine.cpus} CPUs; ${warmUps} warm-ups and up to ${requests} timed requests each (at least ${minRequests}, at most ${secondsPerMeasurement} s); ${((performance.now() - started) / 1000).toFixed(0)} s in all.\n`,
  );
  const file = path.join(root, '.tmp/bench-organisation.json');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const results = rows.map((row) => ({ ...row, status: status(row) || undefined }));
  fs.writeFileSync(
    file,
    `${JSON.stringify({ at: new Date().toISOString(), machine, settings: organisationBenchSettings, results, details }, null, 2)}\n`,
  );
  process.stdout.write(`Written to ${path.relative(root, file)}\n`);
}

if (isMainScript(import.meta.url)) {
  main().catch((error: unknown) => {
    process.stderr.write(`\nThe organisation benchmark failed: ${(error as Error).stack ?? String(error)}\n`);
    process.exit(1);
  });
}

// The leader-support module's figures (issue 5, «Measured»), through the real HTTP API of an
// in-process Knutepunkt on a synthetic history (scripts/demo-support.ts; every row marked synthetic):
// 1 000 000 requests on PostgreSQL, 100 000 on the embedded database.
//   (a) a leader creates a request: p95 (target ≤ 50 ms)
//   (b) the first-line queue, first page, filtered: p95 (target ≤ 100 ms)
//   (c) the dashboard for a year: p95 (target ≤ 500 ms), the first read (computed) and read again
//       while nothing changed (kept, server/figures/figures.ts)
//   (d) create throughput: N sequential creates through the API ÷ N plain single-row INSERTs of the
//       same rows through the same driver, in the same run (target ≥ 0.5)
//
// `npx tsx scripts/bench-support.ts [--only embedded|postgres] [--embedded N] [--postgres N]` prints
// the rows and writes .tmp/bench-support.json; scripts/bench.ts calls `benchSupport()` for the same
// rows. Not a test: it reports against the targets and never fails on them. 127.0.0.1 only.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { sql, type Kysely } from 'kysely';
import { createKnutepunkt, type Knutepunkt } from '../src/app.js';
import {
  hashPassword,
  loadConfig,
  permissionsOf,
  type Actor,
  openDatabase,
  recordAudit,
  systemContext,
  type KernelTables,
} from '../src/kernel/index.js';
import { insertUser } from '../src/modules/accounts/index.js';
import type { Catalogue, SubmitRequestBody } from '../src/modules/leader-support/leader-support.schemas.js';
import { submitRequest } from '../src/modules/leader-support/server/requests/submit-request.js';
import type { LeaderSupportDb } from '../src/modules/leader-support/index.js';
import { generateSupportHistory } from '../src/modules/leader-support/server/synthetic/support-history.js';
import { isMainScript, listenLocally, onBackEnds, onlyArgument, poster, postgresSkipped } from './bench-common.js';
import { getter, signIn, time, type BenchRow, type Session, type Timing } from './bench-organisation.js';

const root = path.resolve(import.meta.dirname, '..');
export const supportBenchSettings = {
  embeddedRequests: 100_000,
  postgresRequests: 1_000_000,
  createP95: 50,
  queueP95: 100,
  dashboardP95: 500,
  ratioTarget: 0.5,
  /** Creates (and plain inserts) for the throughput ratio. */
  throughputRows: 200,
};

type BackEnd = 'embedded' | 'PostgreSQL';

export interface SupportBenchDetail {
  backEnd: BackEnd;
  requests: number;
  generateMs: number;
  loadAverage: { before: number; after: number };
  create: Timing;
  queue: Timing;
  dashboard: Timing;
  dashboardKept: Timing;
  throughput: { rows: number; apiMs: number; plainMs: number; ratio: number } | { error: string };
  commandThroughput: { rows: number; commandMs: number; plainMs: number; ratio: number } | { error: string };
}

/** A leader in the school leader's position (Aronsløkka skole), signed in through the API. */
async function signInLeader(knutepunkt: Knutepunkt, base: string): Promise<Session & { userId: string }> {
  const username = `bench-leder-${randomBytes(4).toString('hex')}`;
  const password = randomBytes(15).toString('base64url');
  const passwordHash = await hashPassword(password);
  const db = knutepunkt.database.db as unknown as LeaderSupportDb;
  const userId = await db.transaction().execute(async (trx) => {
    const user = await insertUser(trx as unknown as Kysely<KernelTables>, {
      username,
      display_name: 'Ytelsestest Leder',
      password_hash: passwordHash,
      roles: ['leader'],
      disabled_at: null,
    });
    await recordAudit(trx as unknown as Kysely<KernelTables>, systemContext, {
      action: 'create',
      entityType: 'user',
      entityId: user.id,
      after: { username, purpose: 'benchmark' },
    });
    const position = await trx
      .selectFrom('org_positions')
      .select('id')
      .where('key', '=', 'leder-skole-aronslokka')
      .executeTakeFirstOrThrow();
    const person = await trx
      .insertInto('org_people')
      .values({ key: `syntetisk-bench-${username}`, name: 'Ytelsestest Leder', source: 'syntetisk (benchmark)', synthetic: true })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('org_assignments')
      .values({ person_id: person.id, position_id: position.id, fte: 1, valid_from: '2020-01-01' })
      .execute();
    await trx.insertInto('org_user_people').values({ user_id: user.id, person_id: person.id }).execute();
    return user.id;
  });
  const response = await fetch(`${base}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  const body = (await response.json()) as { csrfToken?: string };
  const cookie = response.headers.getSetCookie().find((c) => c.startsWith('kp_session='));
  if (response.status !== 200 || !cookie || !body.csrfToken) throw new Error(`Signing in the leader failed (${response.status})`);
  return { base, userId, headers: { cookie: cookie.split(';')[0]!, 'x-csrf-token': body.csrfToken } };
}

/** A request body that a category of the catalogue accepts: the one with fewest required fields, filled in. */
async function requestBody(session: Session): Promise<() => Record<string, unknown>> {
  const response = await fetch(`${session.base}/api/leader-support/catalogue`, { headers: session.headers });
  if (response.status !== 200) throw new Error(`GET /catalogue answered ${response.status}`);
  const catalogue = (await response.json()) as Catalogue;
  const simple = ['text', 'textarea', 'select', 'number', 'date'];
  const category = catalogue.categories
    .filter((c) => c.kind === 'general' && c.fields.every((f) => !f.required || simple.includes(f.type)))
    .sort((a, b) => a.fields.filter((f) => f.required).length - b.fields.filter((f) => f.required).length)[0];
  if (!category) throw new Error('no category in the catalogue takes a simple request');
  const today = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Oslo' }).format(new Date());
  const fields: Record<string, string> = {};
  for (const field of category.fields.filter((f) => f.required))
    fields[field.key] =
      field.type === 'select' ? field.options![0]!.value : field.type === 'number' ? '1' : field.type === 'date' ? today : 'Ytelsestest';
  let n = 0;
  return () => ({ categoryKey: category.key, subject: `Ytelsestest ${++n}`, description: 'Henvendelse fra npm run bench.', fields });
}

const columns = [
  'category_id',
  'subject',
  'description',
  'fields',
  'requester_user_id',
  'requester_person_id',
  'requester_name',
  'unit_id',
  'unit_name',
  'unit_level',
  'sector_unit_id',
  'sector_name',
  'registered_by_user_id',
  'channel',
  'priority',
  'status',
  'line',
  'group_id',
  'response_due_at',
  'resolution_due_at',
  'resolution_warn_at',
] as const;

/**
 * (d): `rows` creates one after another through `create`, then the same rows (copied from what was
 * stored) as plain single-row INSERTs through the same driver. The copies are marked synthetic.
 */
async function againstPlainInserts(db: LeaderSupportDb, rows: number, create: () => Promise<unknown>) {
  const before = await sql<{ n: string }>`select coalesce(max(number), 0) as n from ls_requests`.execute(db);
  const t0 = performance.now();
  for (let i = 0; i < rows; i++) await create();
  const createMs = performance.now() - t0;
  const created = await sql<Record<string, unknown>>`
    select ${sql.join(columns.map((c) => sql.ref(c)))} from ls_requests where number > ${before.rows[0]!.n} and not synthetic order by number`.execute(
    db,
  );
  const values = created.rows.map((row) => ({
    ...row,
    fields: JSON.stringify(row.fields),
    subject: `[Syntetisk] ${String(row.subject)}`,
    synthetic: true,
  }));
  const t1 = performance.now();
  for (const value of values)
    await db
      .insertInto('ls_requests')
      .values(value as never)
      .execute();
  const plainMs = performance.now() - t1;
  return { rows: values.length, createMs, plainMs, ratio: plainMs / createMs };
}

/** (d) through the API, as a leader's browser would. */
async function measureThroughput(db: LeaderSupportDb, leader: Session, body: () => Record<string, unknown>, rows: number) {
  const { createMs, ...rest } = await againstPlainInserts(db, rows, poster(leader, '/api/leader-support/requests', body));
  return { ...rest, apiMs: createMs };
}

/**
 * (d) without HTTP: the create command (checks, organisation lookup, service levels, the request,
 * its event and the audit entry, in one transaction).
 */
async function measureCommandThroughput(db: LeaderSupportDb, userId: string, body: () => Record<string, unknown>, rows: number) {
  const actor: Actor = {
    userId,
    username: 'bench',
    displayName: 'Ytelsestest Leder',
    roles: ['leader'],
    permissions: new Set(permissionsOf(['leader'])),
  };
  const { createMs, ...rest } = await againstPlainInserts(db, rows, () =>
    submitRequest(db, { actor, requestId: null }, body() as SubmitRequestBody),
  );
  return { ...rest, commandMs: createMs };
}

async function measure(backEnd: BackEnd, requests: number, env: Record<string, string>, log: (line: string) => void) {
  const config = loadConfig({ LOG_LEVEL: 'silent', KNUTEPUNKT_MODE: 'demo', HOST: '127.0.0.1', PORT: '0', ...env });
  const database = await openDatabase(config.database);
  const knutepunkt = await createKnutepunkt(config, { database, logger: false, demoPeople: false });
  try {
    const db = database.db as unknown as LeaderSupportDb;
    log(`  ${backEnd}: generating ${requests.toLocaleString('en')} synthetic requests over 24 months…`);
    const generated = await generateSupportHistory(db, { months: 24, total: requests, seed: 1 });
    log(`  ${backEnd}: ${generated.inserted.toLocaleString('en')} requests in ${(generated.ms / 1000).toFixed(1)} s`);
    const base = await listenLocally(knutepunkt);
    const admin = await signIn(knutepunkt, base);
    const leader = await signInLeader(knutepunkt, base);
    const body = await requestBody(leader);
    const today = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Oslo' }).format(new Date());
    const yearAgo = new Date(Date.parse(`${today}T12:00:00Z`) - 364 * 86_400_000).toISOString().slice(0, 10);

    const loadBefore = os.loadavg()[0] ?? 0;
    const step = async (name: string, run: () => Promise<number | void>): Promise<Timing> => {
      try {
        const timing = await time(run);
        log(`    ${name}: p50 ${timing.p50.toFixed(1)} ms, p95 ${timing.p95.toFixed(1)} ms (n = ${timing.n})`);
        return timing;
      } catch (error) {
        log(`    ${name}: failed: ${(error as Error).message}`);
        return { p50: NaN, p95: NaN, max: NaN, n: 0, error: (error as Error).message };
      }
    };
    const create = await step('create a request (leader)', poster(leader, '/api/leader-support/requests', body));
    const queue = await step(
      'first-line queue, first page',
      getter(admin, '/api/leader-support/requests?view=queue&line=1&status=new,in_progress&pageSize=25'),
    );
    // First reads: each a year ending a day earlier than the last, so none is kept from before.
    let shift = 0;
    const dayBefore = (date: string, days: number) =>
      new Date(Date.parse(`${date}T12:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);
    const dashboard = await step('dashboard, a year, first read', () => {
      const to = dayBefore(today, ++shift);
      return getter(admin, `/api/leader-support/figures?from=${dayBefore(to, 364)}&to=${to}`)();
    });
    const dashboardKept = await step(
      'dashboard, a year, kept while unchanged',
      getter(admin, `/api/leader-support/figures?from=${yearAgo}&to=${today}`),
    );
    let throughput: SupportBenchDetail['throughput'];
    try {
      throughput = await measureThroughput(db, leader, body, supportBenchSettings.throughputRows);
      log(
        `    throughput: ${throughput.rows} creates ${throughput.apiMs.toFixed(0)} ms, plain INSERTs ${throughput.plainMs.toFixed(0)} ms, ratio ${throughput.ratio.toFixed(2)}`,
      );
    } catch (error) {
      throughput = { error: (error as Error).message };
      log(`    throughput: failed: ${throughput.error}`);
    }
    let commandThroughput: SupportBenchDetail['commandThroughput'];
    try {
      commandThroughput = await measureCommandThroughput(db, leader.userId, body, supportBenchSettings.throughputRows);
      log(
        `    throughput without HTTP: ${commandThroughput.rows} creates ${commandThroughput.commandMs.toFixed(0)} ms, plain INSERTs ${commandThroughput.plainMs.toFixed(0)} ms, ratio ${commandThroughput.ratio.toFixed(2)}`,
      );
    } catch (error) {
      commandThroughput = { error: (error as Error).message };
      log(`    throughput without HTTP: failed: ${commandThroughput.error}`);
    }
    const detail: SupportBenchDetail = {
      backEnd,
      requests: generated.inserted,
      generateMs: generated.ms,
      loadAverage: { before: loadBefore, after: os.loadavg()[0] ?? 0 },
      create,
      queue,
      dashboard,
      dashboardKept,
      throughput,
      commandThroughput,
    };
    const size = `${(generated.inserted / 1000).toLocaleString('en')}k requests, ${backEnd}`;
    const p95Row = (name: string, timing: Timing, max: number): BenchRow => ({
      name: `leader support: ${name} p95 (${size})`,
      value: timing.error ? null : timing.p95,
      unit: 'ms',
      target: { max },
      note: timing.error ? `failed: ${timing.error.slice(0, 120)}` : `p50 ${timing.p50.toFixed(1)} ms, n = ${timing.n}`,
    });
    const rows: BenchRow[] = [
      p95Row('create a request', create, supportBenchSettings.createP95),
      p95Row('first-line queue, first page', queue, supportBenchSettings.queueP95),
      p95Row('dashboard for a year, first read', dashboard, supportBenchSettings.dashboardP95),
      p95Row('dashboard for a year, kept while unchanged', dashboardKept, supportBenchSettings.dashboardP95),
      'ratio' in throughput
        ? {
            name: `leader support: create throughput ÷ plain INSERT (${size})`,
            value: throughput.ratio,
            unit: '×',
            target: { min: supportBenchSettings.ratioTarget },
            note: `${throughput.rows} sequential creates ${throughput.apiMs.toFixed(0)} ms vs the same rows as single-row INSERTs ${throughput.plainMs.toFixed(0)} ms`,
          }
        : {
            name: `leader support: create throughput ÷ plain INSERT (${size})`,
            value: null,
            unit: '×',
            note: `failed: ${throughput.error.slice(0, 120)}`,
          },
      'ratio' in commandThroughput
        ? {
            name: `leader support: create command throughput ÷ plain INSERT, without HTTP (${size})`,
            value: commandThroughput.ratio,
            unit: '×',
            target: { min: supportBenchSettings.ratioTarget },
            note: `${commandThroughput.rows} sequential submitRequest ${commandThroughput.commandMs.toFixed(0)} ms vs the same rows as single-row INSERTs ${commandThroughput.plainMs.toFixed(0)} ms`,
          }
        : {
            name: `leader support: create command throughput ÷ plain INSERT (${size})`,
            value: null,
            unit: '×',
            note: `failed: ${commandThroughput.error.slice(0, 120)}`,
          },
      {
        name: `leader support: generate the synthetic history (${backEnd})`,
        value: generated.ms,
        unit: 'ms',
        note: `${generated.inserted.toLocaleString('en')} requests with events, time entries and surveys (npm run demo:support)`,
      },
    ];
    return { rows, detail };
  } finally {
    await knutepunkt.close();
  }
}

/** The leader-support figures on both back ends this machine has. */
export async function benchSupport(
  options: { log?: (line: string) => void; only?: 'embedded' | 'postgres'; embeddedRequests?: number; postgresRequests?: number } = {},
): Promise<{ rows: BenchRow[]; details: SupportBenchDetail[] }> {
  const log = options.log ?? (() => {});
  const requests = {
    embedded: options.embeddedRequests ?? supportBenchSettings.embeddedRequests,
    PostgreSQL: options.postgresRequests ?? supportBenchSettings.postgresRequests,
  };
  const setup = { prefix: 'knutepunkt-bench-support-', database: 'kp_bench_support', only: options.only };
  const { results, postgresMissing } = await onBackEnds(setup, (backEnd, env) => measure(backEnd, requests[backEnd], env, log));
  const rows = results.flatMap((r) => r.rows);
  if (postgresMissing) rows.push(postgresSkipped('leader support, PostgreSQL', 'skipped: PostgreSQL is not installed'));
  return { rows, details: results.map((r) => r.detail) };
}

if (isMainScript(import.meta.url)) {
  const { values } = parseArgs({
    options: { only: { type: 'string' }, embedded: { type: 'string' }, postgres: { type: 'string' } },
    strict: true,
  });
  benchSupport({
    log: (line) => process.stdout.write(`${line}\n`),
    only: onlyArgument(values.only),
    embeddedRequests: values.embedded ? Number(values.embedded) : undefined,
    postgresRequests: values.postgres ? Number(values.postgres) : undefined,
  })
    .then(({ rows, details }) => {
      for (const row of rows) {
        const over =
          row.value !== null &&
          ((row.target?.max !== undefined && row.value > row.target.max) || (row.target?.min !== undefined && row.value < row.target.min));
        process.stdout.write(
          `${row.name.padEnd(72)} ${row.value?.toFixed(2) ?? '—'} ${row.unit}${over ? '  MISSED' : ''}  ${row.note ?? ''}\n`,
        );
      }
      const file = path.join(root, '.tmp/bench-support.json');
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(
        file,
        `${JSON.stringify({ at: new Date().toISOString(), machine: { cpus: os.cpus().length, loadAverage: os.loadavg()[0] }, rows, details }, null, 2)}\n`,
      );
      process.stdout.write(`Written to ${path.relative(root, file)}\n`);
    })
    .catch((error: unknown) => {
      process.stderr.write(`The leader-support benchmark failed: ${(error as Error).stack ?? String(error)}\n`);
      process.exit(1);
    });
}

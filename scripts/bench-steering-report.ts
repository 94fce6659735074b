// The steering module's tertial report (issue 7, «Measured»: assembling a tertial report ≤ 2 s),
// through the real HTTP API of an in-process Knutepunkt on synthetic data (every row synthetic):
// 500 indicators × 10 years × 100 units of values (server/synthetic/steering-values.ts), plus a
// synthetic budget, monthly actuals and forecasts per programme area.
//   each sample: an analyst creates the tertial report (POST), then the first read of it
//   (GET /api/steering/reports/:id, assembled from the data); the report is deleted again after.
//
// `npx tsx scripts/bench-steering-report.ts [--only embedded|postgres]` prints the rows;
// scripts/bench.ts may call `benchSteeringReport()`. Not a test: it reports against the target and
// never fails on it. 127.0.0.1 only.
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { sql, type Kysely } from 'kysely';
import { createKnutepunkt } from '../src/app.js';
import { loadConfig, openDatabase, type Database } from '../src/kernel/index.js';
import { generateSteeringValues } from '../src/modules/steering/server/synthetic/steering-values.js';
import { call, failed, isMainScript, listenLocally, onBackEnds, onlyArgument, printRows } from './bench-common.js';
import { signIn, type BenchRow } from './bench-organisation.js';

export const steeringReportBenchSettings = { indicators: 500, years: 10, units: 100, assembleMax: 2000, samples: 8 };

/** A synthetic budget, actuals for every month and a forecast per month, for every active area. */
async function generateBudgets(db: Kysely<unknown>, year: number): Promise<void> {
  await sql`
    insert into st_budgets (area_id, year, kind, plan_year, amount, source, synthetic)
    select a.id, ${year}, 'budget', ${year}, 100000000 + (abs(hashtext(a.code)) % 50) * 1000000, 'syntetisk (benchmark)', true
    from st_programme_areas a where a.active
    on conflict do nothing`.execute(db);
  await sql`
    insert into st_actuals (area_id, year, month, amount, synthetic)
    select a.id, ${year}, m, 8000000 + (abs(hashtext(a.code || m)) % 2000000), true
    from st_programme_areas a cross join generate_series(1, 12) m where a.active
    on conflict do nothing`.execute(db);
  await sql`
    insert into st_forecasts (area_id, year, as_of_month, amount, comment, source, synthetic)
    select a.id, ${year}, m, 99000000 + (abs(hashtext(a.code || m)) % 4000000), '[Syntetisk] Prognose', 'syntetisk (benchmark)', true
    from st_programme_areas a cross join generate_series(1, 12) m where a.active
    on conflict do nothing`.execute(db);
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

async function measure(backEnd: string, env: Record<string, string>, log: (line: string) => void): Promise<BenchRow[]> {
  const config = loadConfig({ LOG_LEVEL: 'silent', KNUTEPUNKT_MODE: 'demo', HOST: '127.0.0.1', PORT: '0', ...env });
  const database: Database = await openDatabase(config.database);
  const knutepunkt = await createKnutepunkt(config, { database, logger: false, demoPeople: false });
  try {
    const db = database.db as unknown as Kysely<unknown>;
    const lastYear = new Date().getFullYear() - 1;
    // The report is for the first tertial of the year after the last year with values: it reads that
    // year's and the two before (the window), so it meets the synthetic values in full.
    const year = lastYear + 1;
    const t0 = performance.now();
    const generated = await generateSteeringValues(db, { ...steeringReportBenchSettings, lastYear });
    await generateBudgets(db, year);
    await sql`analyze st_indicators, st_indicator_values, st_indicator_targets, st_budgets, st_actuals, st_forecasts, st_adjustments, st_political_decisions`.execute(
      db,
    );
    const generateMs = performance.now() - t0;
    const base = await listenLocally(knutepunkt);
    const session = await signIn(knutepunkt, base);
    const period = `${year}-T1`;
    await sql`delete from st_reports where kind = 'tertial' and period = ${period}`.execute(db);

    const creates: number[] = [];
    const reads: number[] = [];
    let bytes = 0;
    let areas = 0;
    for (let i = 0; i < steeringReportBenchSettings.samples; i++) {
      let started = performance.now();
      const created = await call(session, 'POST', '/api/steering/reports', { kind: 'tertial', period });
      creates.push(performance.now() - started);
      if (created.status !== 201) throw new Error(`POST /api/steering/reports answered ${created.status}: ${created.text.slice(0, 300)}`);
      const id = (JSON.parse(created.text) as { id: string }).id;
      started = performance.now();
      const read = await call(session, 'GET', `/api/steering/reports/${id}`);
      reads.push(performance.now() - started);
      if (read.status !== 200) throw new Error(`GET /api/steering/reports/${id} answered ${read.status}: ${read.text.slice(0, 300)}`);
      bytes = Buffer.byteLength(read.text);
      areas = (JSON.parse(read.text) as { areas: unknown[] }).areas.length;
      await sql`delete from st_reports where id = ${id}`.execute(db);
    }
    const sortedReads = [...reads].sort((a, b) => a - b);
    const sortedCreates = [...creates].sort((a, b) => a - b);
    const p50 = percentile(sortedReads, 50);
    const p95 = percentile(sortedReads, 95);
    log(
      `  ${backEnd}: ${generated.values} synthetic values in ${(generateMs / 1000).toFixed(1)} s; tertial report first read p50 ${p50.toFixed(0)} ms, p95 ${p95.toFixed(0)} ms; create p50 ${percentile(sortedCreates, 50).toFixed(0)} ms (n=${reads.length}, ${areas} areas, ${(bytes / 1024).toFixed(0)} KiB)`,
    );
    return [
      {
        name: `steering tertial report assembled, first read p95 (${backEnd})`,
        value: p95,
        unit: 'ms',
        target: { max: steeringReportBenchSettings.assembleMax },
        note: `p50 ${p50.toFixed(0)} ms; create (POST, which also assembles it) p50 ${percentile(sortedCreates, 50).toFixed(0)} ms; ${generated.indicators} indicators × ${steeringReportBenchSettings.years} years × ${steeringReportBenchSettings.units} units = ${generated.values} values; ${areas} areas, ${(bytes / 1024).toFixed(0)} KiB; n=${reads.length}`,
      },
    ];
  } finally {
    await knutepunkt.close();
  }
}

/** The tertial report on both back ends this machine has (or one of them). */
export async function benchSteeringReport(
  options: { log?: (line: string) => void; only?: 'embedded' | 'postgres' } = {},
): Promise<BenchRow[]> {
  const log = options.log ?? (() => {});
  const setup = { prefix: 'knutepunkt-bench-steering-report-', database: 'kp_bench_steering_report', only: options.only };
  const { results } = await onBackEnds(setup, (backEnd, env) => measure(backEnd, env, log));
  return results.flat();
}

if (isMainScript(import.meta.url)) {
  const { values } = parseArgs({ options: { only: { type: 'string' } } });
  benchSteeringReport({ log: (line) => process.stdout.write(`${line}\n`), only: onlyArgument(values.only) })
    .then((rows) => printRows(rows, 60, 0))
    .catch(failed('steering report'));
}

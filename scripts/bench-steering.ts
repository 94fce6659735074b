// The steering module's indicator dashboard (issue 7, «Measured»), through the real HTTP API of an
// in-process Knutepunkt on synthetic values (server/synthetic/steering-values.ts; every row synthetic):
// 500 indicators × 10 years × 100 units (500 000 unit values + 5 000 municipality values).
//   the dashboard for a programme area: p95 (target ≤ 150 ms), the areas in turn.
//
// `npx tsx scripts/bench-steering.ts [--only embedded|postgres]` prints the rows; scripts/bench.ts
// calls `benchSteering()`. Not a test: it reports against the target and never fails on it. 127.0.0.1 only.
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { sql, type Kysely } from 'kysely';
import { createKnutepunkt } from '../src/app.js';
import { loadConfig, openDatabase, type Database } from '../src/kernel/index.js';
import { generateSteeringValues } from '../src/modules/steering/server/synthetic/steering-values.js';
import { failed, isMainScript, listenLocally, onBackEnds, onlyArgument, printRows } from './bench-common.js';
import { getter, signIn, time, type BenchRow } from './bench-organisation.js';

export const steeringBenchSettings = { indicators: 500, years: 10, units: 100, dashboardP95: 150 };

async function measure(backEnd: string, env: Record<string, string>, log: (line: string) => void): Promise<BenchRow[]> {
  const config = loadConfig({ LOG_LEVEL: 'silent', KNUTEPUNKT_MODE: 'demo', HOST: '127.0.0.1', PORT: '0', ...env });
  const database: Database = await openDatabase(config.database);
  const knutepunkt = await createKnutepunkt(config, { database, logger: false, demoPeople: false });
  try {
    const db = database.db as unknown as Kysely<unknown>;
    const t0 = performance.now();
    const generated = await generateSteeringValues(db, steeringBenchSettings);
    await sql`analyze st_indicators, st_indicator_values, st_indicator_owners, st_indicator_targets, st_indicator_comments`.execute(db);
    const generateMs = performance.now() - t0;
    const base = await listenLocally(knutepunkt);
    const session = await signIn(knutepunkt, base);
    const areas = generated.areas;
    let i = 0;
    const dashboard = await time(() => getter(session, `/api/steering/dashboard?area=${encodeURIComponent(areas[i++ % areas.length]!)}`)());
    const perArea = Math.round(generated.indicators / Math.max(1, areas.length));
    log(
      `  ${backEnd}: ${generated.values} synthetic values in ${(generateMs / 1000).toFixed(1)} s; dashboard p50 ${dashboard.p50.toFixed(1)} ms, p95 ${dashboard.p95.toFixed(1)} ms (n=${dashboard.n})`,
    );
    return [
      {
        name: `steering dashboard per area p95 (${backEnd})`,
        value: dashboard.p95,
        unit: 'ms',
        target: { max: steeringBenchSettings.dashboardP95 },
        note: `p50 ${dashboard.p50.toFixed(1)} ms, CPU p50 ${dashboard.cpuP50?.toFixed(1)} ms; ${generated.indicators} indicators × ${steeringBenchSettings.years} years × ${steeringBenchSettings.units} units = ${generated.values} values; ${areas.length} areas in turn (~${perArea} indicators each, 10-period sparklines)`,
      },
    ];
  } finally {
    await knutepunkt.close();
  }
}

/** The dashboard on both back ends this machine has (or one of them). */
export async function benchSteering(options: { log?: (line: string) => void; only?: 'embedded' | 'postgres' } = {}): Promise<BenchRow[]> {
  const log = options.log ?? (() => {});
  const setup = { prefix: 'knutepunkt-bench-steering-', database: 'kp_bench_steering', only: options.only };
  const { results } = await onBackEnds(setup, (backEnd, env) => measure(backEnd, env, log));
  return results.flat();
}

if (isMainScript(import.meta.url)) {
  const { values } = parseArgs({ options: { only: { type: 'string' } } });
  benchSteering({ log: (line) => process.stdout.write(`${line}\n`), only: onlyArgument(values.only) })
    .then((rows) => printRows(rows, 52, 2))
    .catch(failed('steering'));
}

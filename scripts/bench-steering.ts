// The steering module's indicator dashboard (issue 7, «Measured»), through the real HTTP API of an
// in-process Knutepunkt on synthetic values (server/synthetic/steering-values.ts; every row synthetic):
// 500 indicators × 10 years × 100 units (500 000 unit values + 5 000 municipality values).
//   the dashboard for a programme area: p95 (target ≤ 150 ms), the areas in turn.
//
// `npx tsx scripts/bench-steering.ts [--only embedded|postgres]` prints the rows; scripts/bench.ts
// calls `benchSteering()`. Not a test: it reports against the target and never fails on it. 127.0.0.1 only.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { sql, type Kysely } from 'kysely';
import pg from 'pg';
import { createKnutepunkt } from '../src/app.js';
import { loadConfig, openDatabase, type Database } from '../src/kernel/index.js';
import { generateSteeringValues } from '../src/modules/steering/server/synthetic/steering-values.js';
import { findPostgresBin, startPostgres, type PostgresServer } from '../test/postgres-server.js';
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
    await knutepunkt.app.listen({ host: '127.0.0.1', port: 0 });
    const address = knutepunkt.app.server.address();
    const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
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
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'knutepunkt-bench-steering-'));
  let postgres: PostgresServer | undefined;
  try {
    const rows: BenchRow[] = [];
    if (options.only !== 'postgres') rows.push(...(await measure('embedded', { DATA_DIR: path.join(tmp, 'data') }, log)));
    if (options.only !== 'embedded' && findPostgresBin()) {
      postgres = await startPostgres();
      const admin = new pg.Client({ connectionString: postgres.adminUrl });
      await admin.connect();
      await admin.query('create database kp_bench_steering');
      await admin.end();
      rows.push(...(await measure('PostgreSQL', { DATABASE_URL: postgres.urlFor('kp_bench_steering') }, log)));
    }
    return rows;
  } finally {
    postgres?.stop();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const { values } = parseArgs({ options: { only: { type: 'string' } } });
  const only = values.only === 'embedded' || values.only === 'postgres' ? values.only : undefined;
  benchSteering({ log: (line) => process.stdout.write(`${line}\n`), only })
    .then((rows) => {
      for (const row of rows) {
        const over = row.value !== null && row.target?.max !== undefined && row.value > row.target.max;
        process.stdout.write(`${row.name.padEnd(52)} ${row.value?.toFixed(2)} ${row.unit}${over ? '  OVER' : ''}  ${row.note ?? ''}\n`);
      }
    })
    .catch((error: unknown) => {
      process.stderr.write(`The steering benchmark failed: ${(error as Error).stack ?? String(error)}\n`);
      process.exit(1);
    });
}

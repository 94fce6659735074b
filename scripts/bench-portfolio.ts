// The portfolio module's figures (issue 6, «Measured»), through the real HTTP API of an in-process
// Knutepunkt on a synthetic portfolio (src/modules/portfolio/server/synthetic/portfolio-history.ts:
// 2 000 initiatives, 20 000 status reports, 200 pool members with allocations and scores; every
// row synthetic, titles «[Syntetisk]»):
//   (a) the overview, filtered: GET /api/portfolio/initiatives?phase=execution  p95 (target ≤ 100 ms)
//   (b) the prioritisation view: GET /api/portfolio/prioritisation               p95 (target ≤ 100 ms)
//   (c) what-if recomputation: POST /api/portfolio/prioritisation/what-if         p95 (target ≤ 200 ms)
//   (d) the capacity chart: GET /api/portfolio/pool/capacity (12 months)          p95 (no target; ≤ 100 ms kept as a yardstick)
//
// `npx tsx scripts/bench-portfolio.ts [--only embedded|postgres]` prints the rows and writes
// .tmp/bench-portfolio.json; scripts/bench.ts calls `benchPortfolio()`. Not a test: it reports against
// the targets and never fails on them. 127.0.0.1 only.
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { createKnutepunkt } from '../src/app.js';
import { loadConfig, openDatabase } from '../src/kernel/index.js';
import type { PortfolioDb } from '../src/modules/portfolio/index.js';
import { generatePortfolioHistory } from '../src/modules/portfolio/server/synthetic/portfolio-history.js';
import { isMainScript, listenLocally, onBackEnds, poster, postgresSkipped, type BackEnd } from './bench-common.js';
import { getter, signIn, time, type BenchRow, type Timing } from './bench-organisation.js';

const root = path.resolve(import.meta.dirname, '..');
export const portfolioBenchSettings = {
  initiatives: 2000,
  reportsPerInitiative: 10,
  members: 200,
  overviewP95: 100,
  prioritisationP95: 100,
  whatIfP95: 200,
};

async function measure(backEnd: BackEnd, env: Record<string, string>, log: (line: string) => void): Promise<BenchRow[]> {
  const config = loadConfig({ LOG_LEVEL: 'silent', KNUTEPUNKT_MODE: 'demo', HOST: '127.0.0.1', PORT: '0', ...env });
  const database = await openDatabase(config.database);
  const knutepunkt = await createKnutepunkt(config, { database, logger: false });
  const rows: BenchRow[] = [];
  try {
    const base = await listenLocally(knutepunkt);
    const session = await signIn(knutepunkt, base);
    const db = database.db as unknown as PortfolioDb;
    const user = await db.selectFrom('users').select('id').orderBy('created_at', 'desc').executeTakeFirstOrThrow();
    log(`  ${backEnd}: generating the synthetic portfolio…`);
    const t0 = performance.now();
    const generated = await generatePortfolioHistory(db, { ...portfolioBenchSettings, userId: user.id });
    const generateMs = performance.now() - t0;
    log(
      `  ${backEnd}: ${generated.initiatives} initiatives, ${generated.reports} reports, ${generated.members} members, ${generated.allocations} allocations, ${generated.scores} scores in ${(generateMs / 1000).toFixed(1)} s`,
    );
    const criteria = (await (await fetch(`${base}/api/portfolio/criteria`, { headers: session.headers })).json()) as {
      criteria: { key: string }[];
    };
    const settings = (await (await fetch(`${base}/api/portfolio/settings`, { headers: session.headers })).json()) as {
      capacityLine: number;
    };
    let turn = 0;
    const whatIfBody = () => {
      turn += 1;
      return {
        weights: Object.fromEntries(criteria.criteria.map((c, i) => [c.key, ((turn + i * 17) % 100) + 1])),
        capacityLine: Math.round(settings.capacityLine * (0.5 + (turn % 10) / 10)),
      };
    };
    const step = async (name: string, run: () => Promise<number | void>, max?: number, note = ''): Promise<void> => {
      try {
        const timing: Timing = await time(run);
        log(`    ${name}: p50 ${timing.p50.toFixed(1)} ms, p95 ${timing.p95.toFixed(1)} ms (n = ${timing.n})`);
        rows.push({ name: `${name} p50, ${backEnd}`, value: timing.p50, unit: 'ms', note });
        rows.push({
          name: `${name} p95, ${backEnd}`,
          value: timing.p95,
          unit: 'ms',
          ...(max ? { target: { max } } : {}),
          note: `${note}n = ${timing.n}${timing.bytes ? `, ${Math.round(timing.bytes / 1024)} kB` : ''}`,
        });
      } catch (error) {
        log(`    ${name}: failed: ${(error as Error).message}`);
        rows.push({ name: `${name} p95, ${backEnd}`, value: null, unit: 'ms', note: `failed: ${(error as Error).message.slice(0, 200)}` });
      }
    };
    rows.push({
      name: `portfolio synthetic generation, ${backEnd}`,
      value: generateMs,
      unit: 'ms',
      note: '2 000 initiatives, 20 000 reports, 200 members',
    });
    await step(
      'portfolio overview (filtered)',
      getter(session, '/api/portfolio/initiatives?phase=execution'),
      portfolioBenchSettings.overviewP95,
    );
    await step('portfolio prioritisation', getter(session, '/api/portfolio/prioritisation'), portfolioBenchSettings.prioritisationP95);
    await step('portfolio what-if', poster(session, '/api/portfolio/prioritisation/what-if', whatIfBody), portfolioBenchSettings.whatIfP95);
    await step('portfolio capacity (12 months)', getter(session, '/api/portfolio/pool/capacity?months=12'));
  } finally {
    await knutepunkt.app.close();
    await database.close();
  }
  return rows;
}

export async function benchPortfolio(options: { log?: (line: string) => void; backEnds?: BackEnd[] } = {}): Promise<BenchRow[]> {
  const log = options.log ?? (() => {});
  const backEnds = options.backEnds ?? ['embedded', 'PostgreSQL'];
  const only = !backEnds.includes('PostgreSQL')
    ? ('embedded' as const)
    : !backEnds.includes('embedded')
      ? ('postgres' as const)
      : undefined;
  const setup = { prefix: 'knutepunkt-bench-portfolio-', database: 'kp_bench_portfolio', only, stopOnSignal: true };
  const { results, postgresMissing } = await onBackEnds(setup, (backEnd, env) => measure(backEnd, env, log));
  return [...results.flat(), ...(postgresMissing ? [postgresSkipped('portfolio, PostgreSQL')] : [])];
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { only: { type: 'string' } } });
  const backEnds: BackEnd[] | undefined =
    values.only === 'embedded' ? ['embedded'] : values.only === 'postgres' ? ['PostgreSQL'] : undefined;
  const rows = await benchPortfolio({ log: (line) => process.stdout.write(`${line}\n`), backEnds });
  for (const row of rows) {
    const verdict =
      row.value === null ? 'skipped/failed' : row.target?.max !== undefined ? (row.value <= row.target.max ? 'ok' : 'OVER') : '';
    process.stdout.write(
      `${row.name.padEnd(52)} ${row.value === null ? '—' : `${row.value.toFixed(1)} ${row.unit}`.padStart(12)} ${row.target?.max ? `(≤ ${row.target.max})` : ''} ${verdict} ${row.note ?? ''}\n`,
    );
  }
  fs.mkdirSync(path.join(root, '.tmp'), { recursive: true });
  fs.writeFileSync(path.join(root, '.tmp', 'bench-portfolio.json'), JSON.stringify({ at: new Date().toISOString(), rows }, null, 2));
}

if (isMainScript(import.meta.url)) {
  main().catch((error) => {
    process.stderr.write(`${(error as Error).stack ?? error}\n`);
    process.exit(1);
  });
}

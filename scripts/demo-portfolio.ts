// `npm run demo:portfolio -- [--initiatives N] [--reports-per P] [--members M]`: fills the portfolio
// module with a synthetic portfolio for demos and benchmarks — initiatives across the units, monthly
// status reports, pool members with allocations for the coming year and scores on every criterion —
// on the embedded database (DATA_DIR) or on DATABASE_URL. Stop the server first: the data folder's
// lock refuses a second process.
//
// Everything it adds is fictitious and marked: synthetic = true, titles and names start «[Syntetisk]».
// If no capacity line is set, it sets one at 40 % of what the candidates ask for. One transaction:
// an interrupted run leaves nothing behind. Running it again adds another portfolio on top.
import type { PortfolioDb } from '../src/modules/portfolio/index.js';
import { generatePortfolioHistory } from '../src/modules/portfolio/server/synthetic/portfolio-history.js';
import { demoArguments, numberArgument, withDemoDatabase } from './demo-common.js';
import { fail, runScript } from './run-script.js';

const usage = `Usage: npm run demo:portfolio -- [--initiatives N] [--reports-per P] [--members M]
  --initiatives N  synthetic initiatives (1–20000, default 2000).
  --reports-per P  monthly status reports per initiative (0–60, default 10).
  --members M      pool members (0–5000, default 200).`;

const number = (name: string, value: string | undefined, fallback: number, min: number, max: number) =>
  numberArgument(usage, name, value, fallback, { min, max });

runScript(async () => {
  const args = demoArguments(usage, {
    initiatives: { type: 'string' },
    'reports-per': { type: 'string' },
    members: { type: 'string' },
  });
  if (!args) return;
  const initiatives = number('initiatives', args.initiatives, 2000, 1, 20_000);
  const reportsPerInitiative = number('reports-per', args['reports-per'], 10, 0, 60);
  const members = number('members', args.members, 200, 0, 5000);
  await withDemoDatabase('a synthetic portfolio is', async (database, where) => {
    const db = database.db as unknown as PortfolioDb;
    const user =
      (await db.selectFrom('users').select('id').where('username', '=', 'portefolje').executeTakeFirst()) ??
      (await db.selectFrom('users').select('id').orderBy('created_at').executeTakeFirst());
    if (!user) fail('There is no user to record as proposer and reporter: start the app once in demo mode, or create a user first.');
    process.stdout.write(
      `Adding a synthetic portfolio to ${where}: ${initiatives} initiatives, ${reportsPerInitiative} reports each, ${members} pool members…\n`,
    );
    const started = performance.now();
    const result = await generatePortfolioHistory(db, { initiatives, reportsPerInitiative, members, userId: user!.id });
    process.stdout.write(
      `Added ${result.initiatives} initiatives, ${result.reports} status reports, ${result.members} pool members, ${result.allocations} allocations and ${result.scores} scores in ${((performance.now() - started) / 1000).toFixed(1)} s.\n`,
    );
  });
});

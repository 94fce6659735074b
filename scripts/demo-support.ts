// `npm run demo:support -- [--months N] [--per-month P | --total T] [--seed S] [--remove]`: fills
// leader support with a synthetic history of requests for demos and benchmarks, on the embedded
// database (DATA_DIR) or on DATABASE_URL. Stop the server first: the data folder's lock refuses a
// second process.
//
//   --months N     how far back the history goes (default 24)
//   --per-month P  requests per month (default 1 500: a municipality of ~100 000 inhabitants with
//                  some 700 leaders); --total T gives the number outright (1000000 for the benchmark)
//   --seed S       the same seed gives the same history (default 1)
//   --remove       deletes every synthetic request with its events, time entries and surveys
//
// Everything it adds is fictitious and marked: ls_requests.synthetic = true, the subject and the
// requester's name start «[Syntetisk]», and the dashboard says «inneholder syntetiske data». The mix
// is described in src/modules/leader-support/server/synthetic/support-history.ts. One transaction:
// an interrupted run leaves nothing behind. Running it again adds another history on top.
import type { LeaderSupportDb } from '../src/modules/leader-support/index.js';
import { defaultRequestsPerMonth, generateSupportHistory } from '../src/modules/leader-support/server/synthetic/support-history.js';
import { demoArguments, numberArgument, withDemoDatabase } from './demo-common.js';
import { runScript } from './run-script.js';

const usage = `Usage: npm run demo:support -- [--months N] [--per-month P | --total T] [--seed S] [--remove]
  --months N     how many months back (1–120, default 24).
  --per-month P  requests per month (default ${defaultRequestsPerMonth.toLocaleString('en')}).
  --total T      the number of requests outright (instead of --per-month).
  --seed S       the same seed gives the same history (default 1).
  --remove       delete every synthetic request and what hangs off it.`;

const number = (name: string, value: string | undefined, fallback: number, min: number, max: number) =>
  numberArgument(usage, name, value, fallback, { min, max });

runScript(async () => {
  const args = demoArguments(usage, {
    months: { type: 'string' },
    'per-month': { type: 'string' },
    total: { type: 'string' },
    seed: { type: 'string' },
    remove: { type: 'boolean', default: false },
  });
  if (!args) return;
  const months = number('months', args.months, 24, 1, 120);
  const perMonth = number('per-month', args['per-month'], defaultRequestsPerMonth, 0, 1_000_000);
  const total = args.total === undefined ? undefined : number('total', args.total, 0, 0, 5_000_000);
  const seed = number('seed', args.seed, 1, 0, 2 ** 31);

  await withDemoDatabase('a synthetic support history is', async (database, where) => {
    const db = database.db as unknown as LeaderSupportDb;
    if (args.remove) {
      process.stdout.write(`Removing the synthetic support history from ${where}…\n`);
      const result = await generateSupportHistory(db, { months, remove: true });
      process.stdout.write(
        result.removed
          ? `Removed ${result.removed.toLocaleString('en')} synthetic requests with their events, time entries and surveys.\n`
          : 'Nothing to remove: there are no synthetic requests.\n',
      );
      process.stdout.write(`Done in ${(result.ms / 1000).toFixed(1)} s.\n`);
    } else {
      const count = total ?? months * perMonth;
      process.stdout.write(
        `Adding a synthetic support history to ${where}: ${count.toLocaleString('en')} requests over ${months} months (seed ${seed})…\n`,
      );
      const result = await generateSupportHistory(db, { months, perMonth, total, seed });
      process.stdout.write(`Added ${result.inserted.toLocaleString('en')} synthetic requests in ${(result.ms / 1000).toFixed(1)} s.\n`);
    }
  });
});

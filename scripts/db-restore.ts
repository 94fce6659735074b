// `npm run db:restore FILE`: replaces the embedded database with a backup made by db:backup.
// Knutepunkt must be stopped. The current database is moved aside, not deleted.
import path from 'node:path';
import { loadConfig, restorePglite } from '../src/kernel/index.js';
import { fail, runScript } from './run-script.js';

runScript(async () => {
  const config = loadConfig();
  if (config.database.kind === 'postgres') {
    fail('DATABASE_URL is set: db:restore restores the embedded database only. On PostgreSQL use pg_restore (see npm run db:backup).');
  }
  const arg = process.argv[2];
  if (!arg) fail('Usage: npm run db:restore FILE   (a backup made by npm run db:backup)');
  const file = path.resolve(arg);
  const { dataDir } = config.database;
  process.stdout.write(`Checking ${file}…\n`);
  const { previous } = await restorePglite(file, dataDir);
  process.stdout.write(`Restored the embedded database in ${dataDir} from ${file}.\n`);
  if (previous) process.stdout.write(`The database it replaced is in ${previous}; delete that folder once you are satisfied.\n`);
});

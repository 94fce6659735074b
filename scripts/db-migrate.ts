// `npm run db:migrate`: brings the database up to date without starting the server — the same
// migrations and first-time dataset as `npm start`, for deployments that migrate as a separate step.
import { prepareDatabase } from '../src/app.js';
import { loadConfig, openDatabase, redactUrl } from '../src/kernel/index.js';
import { runScript } from './run-script.js';

runScript(async () => {
  const config = loadConfig();
  const where =
    config.database.kind === 'pglite'
      ? `the embedded database in ${config.database.dataDir}`
      : `PostgreSQL at ${redactUrl(config.database.url)}`;
  const database = await openDatabase(config.database);
  let changes = 0;
  try {
    await prepareDatabase(database, config.mode, (message) => {
      changes++;
      process.stdout.write(`${message}\n`);
    });
  } finally {
    await database.close();
  }
  process.stdout.write(changes > 0 ? `Done: ${where} is up to date.\n` : `Nothing to do: ${where} was already up to date.\n`);
});

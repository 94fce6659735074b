// Starts Knutepunkt: `npm start`. Reads the environment, opens the database (embedded in ./data
// by default), applies migrations, loads the dataset the first time, and serves the API and web app.
// Only the config and database code is imported up front: the embedded database starts compiling
// its WebAssembly while the rest of the application (Fastify, the modules) is still loading.
import { ConfigError, demoPassword, loadConfig } from './kernel/config/config.js';
import { DataFolderLockedError } from './kernel/db/data-folder-lock.js';
import { DatabaseConnectError, openDatabase, redactUrl, type Database } from './kernel/db/database.js';

function fail(message: string): never {
  process.stderr.write(`\nKnutepunkt could not start.\n${message}\n\n`);
  process.exit(1);
}

// A stray rejection (a driver callback after its connection died) must not take the server down;
// it is logged, and the request it belonged to has already been answered with an error.
process.on('unhandledRejection', (reason) => {
  process.stderr.write(
    `${JSON.stringify({ level: 50, time: Date.now(), msg: 'unhandled rejection', err: String((reason as Error)?.message ?? reason) })}\n`,
  );
});

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) fail(error.message);
    throw error;
  }

  const log = (message: string) => process.stdout.write(`${message}\n`);
  const opening: Promise<Database> = openDatabase(config.database);
  opening.catch(() => {}); // Handled below, after the imports.
  const [{ createKnutepunkt }, { AppError, MigrationError, deleteExpiredSessions }, { demoAccounts }] = await Promise.all([
    import('./app.js'),
    import('./kernel/index.js'),
    import('./modules/accounts/index.js'),
  ]);
  let knutepunkt;
  try {
    const database = await opening;
    knutepunkt = await createKnutepunkt(config, { log, database }).catch(async (error: unknown) => {
      await database.close().catch(() => {});
      throw error;
    });
  } catch (error) {
    if (error instanceof DataFolderLockedError || error instanceof DatabaseConnectError) fail(error.message);
    if (error instanceof AppError) fail(error.messageFor('en'));
    if (error instanceof MigrationError) fail(error.message);
    throw error;
  }
  const { app, database } = knutepunkt;

  try {
    await app.listen({ host: config.host, port: config.port });
  } catch (error) {
    await knutepunkt.close();
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') fail(`Port ${config.port} on ${config.host} is in use. Set PORT to another port.`);
    throw error;
  }

  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const where =
    config.database.kind === 'pglite'
      ? `embedded database in ${config.database.dataDir}`
      : `PostgreSQL at ${redactUrl(config.database.url)}`;
  log(`\nKnutepunkt is running at http://${config.host}:${port}  (${where}, ${config.mode} mode)`);
  if (config.mode === 'demo' && database.kind === 'pglite') {
    log(`Demo sign-ins (password for all: ${demoPassword}):`);
    for (const account of demoAccounts) log(`  ${account.username.padEnd(14)} ${account.role}`);
  }

  const sweeper = setInterval(() => void deleteExpiredSessions(database.db).catch(() => {}), 3_600_000);
  sweeper.unref();

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log(`${signal}: finishing requests in flight, then closing the database.`);
    clearInterval(sweeper);
    const force = setTimeout(() => {
      process.stderr.write('Shutdown took more than 10 s; exiting anyway.\n');
      process.exit(1);
    }, 10_000);
    force.unref();
    knutepunkt
      .close()
      .then(() => process.exit(0))
      .catch((error: unknown) => {
        process.stderr.write(`Shutdown failed: ${(error as Error).message}\n`);
        process.exit(1);
      });
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

main().catch((error: unknown) => fail((error as Error).stack ?? String(error)));

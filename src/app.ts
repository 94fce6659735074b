// Assembles Knutepunkt: database, migrations, datasets, accounts and the HTTP app. Used by the
// server, the tests and the benchmarks alike, so all three run the same start-up.
import type { Kysely } from 'kysely';
import {
  buildApp,
  configurePasswordHashing,
  kernelMigrations,
  loadDatasets,
  migrate,
  openDatabase,
  type App,
  type Config,
  type Database,
  type RegisteredRoute,
} from './kernel/index.js';
import { ensureDemoAccounts, prepareProductionAccounts } from './modules/accounts/index.js';
import { modules } from './modules.js';

export interface Knutepunkt {
  app: App;
  database: Database;
  routes: RegisteredRoute[];
  close(): Promise<void>;
}

export const migrationSources = [kernelMigrations, ...modules.flatMap((m) => (m.migrations ? [m.migrations] : []))];

/** Brings the database up to date: migrations, then the built-in dataset the first time. */
export async function prepareDatabase(database: Database, mode: Config['mode'], log: (message: string) => void = () => {}): Promise<void> {
  await migrate(database.db, migrationSources, log);
  const loaded = await loadDatasets(database.db, modules, mode);
  if (loaded.length > 0) log(`loaded the built-in dataset: ${loaded.join(', ')}`);
}

export async function createKnutepunkt(
  config: Config,
  options: {
    database?: Database;
    logger?: boolean;
    log?: (message: string) => void;
    /** Place the demo sign-ins in the organisation (demo mode, embedded database). Default true; integration tests turn it off so both databases start alike. */
    demoPeople?: boolean;
  } = {},
): Promise<Knutepunkt> {
  await configurePasswordHashing(config.passwordHashing);
  const database = options.database ?? (await openDatabase(config.database));
  try {
    await prepareDatabase(database, config.mode, options.log);
    if (config.mode === 'production') await prepareProductionAccounts(database, config.adminPassword);
    else if (database.kind === 'pglite') {
      await ensureDemoAccounts(database);
      if (options.demoPeople !== false)
        for (const module of modules) await module.prepareDemo?.(database.db as unknown as Kysely<unknown>, options.log ?? (() => {}));
    }
    const { app, routes } = await buildApp({ config, database, modules, logger: options.logger ?? true });
    return {
      app,
      database,
      routes,
      async close() {
        await app.close();
        await database.close();
      },
    };
  } catch (error) {
    if (!options.database) await database.close().catch(() => {});
    throw error;
  }
}

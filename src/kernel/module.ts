import type { Kysely } from 'kysely';
import type { Config } from './config/config.js';
import type { Database } from './db/database.js';
import type { MigrationSource } from './db/migrate.js';
import type { App } from './http/types.js';

/** What a module gets when its routes are registered. */
export interface ModuleContext {
  database: Database;
  config: Pick<
    Config,
    | 'mode'
    | 'sessionHours'
    | 'secureCookies'
    | 'smtp'
    | 'outbound'
    | 'signInAttemptsPerIp'
    | 'publicUrl'
    | 'oidc'
    | 'passwordSignIn'
    | 'scimToken'
    | 'hrFeed'
  >;
}

/**
 * The shape every domain module exports from its index.ts. The composition root (src/modules.ts)
 * lists them in dependency order; the kernel only knows this interface, never a module.
 */
export interface KnutepunktModule {
  /** Folder name under src/modules, also the key the web app uses. */
  name: string;
  /** `planned` modules show an honest "not built yet" page. */
  status: 'planned' | 'available';
  migrations?: MigrationSource;
  registerRoutes?: (app: App, context: ModuleContext) => Promise<void> | void;
  /** Loads the module's part of the built-in dataset; runs once per database, inside a transaction. */
  loadDataset?: (trx: Kysely<unknown>, context: { mode: Config['mode'] }) => Promise<void>;
  /**
   * Demo mode on the embedded database only, after the demo accounts exist: puts in place what the
   * demo sign-ins need (their people and positions). Must be cheap once done, and must never fail
   * the start: report problems through `log`.
   */
  prepareDemo?: (db: Kysely<unknown>, log: (message: string) => void) => Promise<void>;
}

import { AsyncLocalStorage } from 'node:async_hooks';
import {
  DefaultQueryExecutor,
  Kysely,
  type ConnectionProvider,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  type QueryCompiler,
  type TransactionSettings,
} from 'kysely';

/**
 * Thrown when code that holds one of a database's connections (inside `db.transaction().execute`
 * or `db.connection().execute`) asks the same database's pool for another. On PGlite's single
 * connection that query would wait for ever and hang every request behind it; on PostgreSQL it
 * takes a second connection, reads around the transaction and drains the pool under load.
 */
export class PoolInsideTransactionError extends Error {
  constructor() {
    super('query through the pool inside a transaction: pass the transaction handle (trx) down instead of the module’s default db');
    this.name = 'PoolInsideTransactionError';
  }
}

/** A connection the current async context holds, with the ones held around it. */
interface HeldConnection {
  readonly database: GuardedConnectionProvider;
  released: boolean;
  readonly outer: HeldConnection | undefined;
}

const heldConnections = new AsyncLocalStorage<HeldConnection>();

/** The innermost connection still held, skipping those already given back. */
function stillHeld(held: HeldConnection | undefined): HeldConnection | undefined {
  while (held?.released) held = held.outer;
  return held;
}

/**
 * Kysely's own connection provider, plus a mark on the async context while a connection is held.
 * Work a transaction starts inherits the mark; once the transaction ends the mark is released,
 * so work that runs after the commit, and requests in other async contexts, use the pool freely.
 */
class GuardedConnectionProvider implements ConnectionProvider {
  constructor(private readonly driver: OnceInitialisedDriver) {}

  async provideConnection<T>(consumer: (connection: DatabaseConnection) => Promise<T>): Promise<T> {
    const outer = stillHeld(heldConnections.getStore());
    for (let held = outer; held; held = stillHeld(held.outer)) {
      if (held.database === this) throw new PoolInsideTransactionError();
    }
    const connection = await this.driver.acquireConnection();
    const held: HeldConnection = { database: this, released: false, outer };
    try {
      return await heldConnections.run(held, () => consumer(connection));
    } finally {
      held.released = true;
      await this.driver.releaseConnection(connection);
    }
  }
}

/** The dialect's driver, initialised on first use and refused once destroyed (as Kysely's own wrapper does). */
class OnceInitialisedDriver implements Driver {
  #initialising: Promise<void> | undefined;
  #destroyed = false;

  constructor(private readonly driver: Driver) {}

  async init(): Promise<void> {
    if (this.#destroyed) throw new Error('driver has already been destroyed');
    this.#initialising ??= this.driver.init().catch((error: unknown) => {
      this.#initialising = undefined;
      throw error;
    });
    await this.#initialising;
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    await this.init();
    return this.driver.acquireConnection();
  }

  releaseConnection(connection: DatabaseConnection): Promise<void> {
    return this.driver.releaseConnection(connection);
  }

  beginTransaction(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    return this.driver.beginTransaction(connection, settings);
  }

  commitTransaction(connection: DatabaseConnection): Promise<void> {
    return this.driver.commitTransaction(connection);
  }

  rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    return this.driver.rollbackTransaction(connection);
  }

  savepoint(connection: DatabaseConnection, name: string, compile: QueryCompiler['compileQuery']): Promise<void> {
    return this.driver.savepoint!(connection, name, compile);
  }

  rollbackToSavepoint(connection: DatabaseConnection, name: string, compile: QueryCompiler['compileQuery']): Promise<void> {
    return this.driver.rollbackToSavepoint!(connection, name, compile);
  }

  releaseSavepoint(connection: DatabaseConnection, name: string, compile: QueryCompiler['compileQuery']): Promise<void> {
    return this.driver.releaseSavepoint!(connection, name, compile);
  }

  async destroy(): Promise<void> {
    this.#destroyed = true;
    if (!this.#initialising) return;
    await this.#initialising.catch(() => {});
    await this.driver.destroy();
  }
}

/**
 * A Kysely over `dialect` whose pool refuses, with PoolInsideTransactionError, any query made
 * from inside one of its own transactions (or held connections) instead of through the handle.
 */
export function guardedKysely<DB>(dialect: Dialect): Kysely<DB> {
  const driver = new OnceInitialisedDriver(dialect.createDriver());
  const executor = new DefaultQueryExecutor(
    dialect.createQueryCompiler(),
    dialect.createAdapter(),
    new GuardedConnectionProvider(driver),
    [],
  );
  return new Kysely<DB>({ config: { dialect }, dialect, driver, executor });
}

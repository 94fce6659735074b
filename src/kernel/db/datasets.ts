import type { Kysely } from 'kysely';
import type { Config } from '../config/config.js';
import type { KnutepunktModule } from '../module.js';
import type { Db } from './database.js';

/**
 * Loads each module's built-in dataset the first time, all in one transaction: a start that
 * fails half-way leaves nothing behind and the next start tries again.
 */
export async function loadDatasets(db: Db, modules: KnutepunktModule[], mode: Config['mode']): Promise<string[]> {
  return db.transaction().execute(async (trx) => {
    const loaded = new Set((await trx.selectFrom('dataset_loads').select('name').execute()).map((row) => row.name));
    const now: string[] = [];
    for (const module of modules) {
      if (!module.loadDataset || loaded.has(module.name)) continue;
      await module.loadDataset(trx as unknown as Kysely<unknown>, { mode });
      await trx.insertInto('dataset_loads').values({ name: module.name }).execute();
      now.push(module.name);
    }
    return now;
  });
}

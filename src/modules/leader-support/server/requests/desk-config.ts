import type { Selectable } from 'kysely';
import type { LeaderSupportDb, LeaderSupportTables, Priority } from '../leader-support.tables.js';
import type { SettingsRow } from './shared.js';

type CategoryRow = Selectable<LeaderSupportTables['ls_categories']>;
type PolicyRow = Pick<
  Selectable<LeaderSupportTables['ls_sla_policies']>,
  'category_id' | 'priority' | 'response_minutes' | 'resolution_minutes'
>;

export interface DeskConfig {
  categories: Map<string, CategoryRow>;
  firstLineGroupId: string | null;
  settings: SettingsRow;
  policies: PolicyRow[];
}

/**
 * What every new request needs and that changes seldom (the categories, the first line, the settings
 * and the service levels), kept for a few seconds so a submission costs two round trips, not six.
 * A change through this process's settings routes forgets it at once; another process (several
 * servers on one PostgreSQL) sees the change within `keptMs`.
 */
const keptMs = 5_000;
const kept = new WeakMap<object, { at: number; generation: number; config: Promise<DeskConfig> }>();
let generation = 0;

export function deskConfig(db: LeaderSupportDb, now = Date.now()): Promise<DeskConfig> {
  const entry = kept.get(db);
  if (entry && entry.generation === generation && now - entry.at < keptMs) return entry.config;
  const config = readDeskConfig(db);
  kept.set(db, { at: now, generation, config });
  config.catch(() => kept.delete(db));
  return config;
}

/** Forget what was kept (after a change to the settings, service levels or categories). */
export function forgetDeskConfig(): void {
  generation += 1;
}

async function readDeskConfig(db: LeaderSupportDb): Promise<DeskConfig> {
  const [categories, firstLine, settings, policies] = await Promise.all([
    db.selectFrom('ls_categories').selectAll().where('active', '=', true).execute(),
    db.selectFrom('ls_groups').select('id').where('line', '=', 1).where('active', '=', true).orderBy('key').executeTakeFirst(),
    db.selectFrom('ls_settings').selectAll().executeTakeFirstOrThrow(),
    db.selectFrom('ls_sla_policies').select(['category_id', 'priority', 'response_minutes', 'resolution_minutes']).execute(),
  ]);
  return { categories: new Map(categories.map((c) => [c.key, c])), firstLineGroupId: firstLine?.id ?? null, settings, policies };
}

/** The policy for a category and priority: the category's own, else the one for every category. */
export function policyFor(config: DeskConfig, categoryId: string, priority: Priority): PolicyRow | null {
  return (
    config.policies.find((p) => p.category_id === categoryId && p.priority === priority) ??
    config.policies.find((p) => p.category_id === null && p.priority === priority) ??
    null
  );
}

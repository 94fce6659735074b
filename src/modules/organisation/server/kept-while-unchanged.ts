import { sql } from 'kysely';
import type { OrganisationDb } from './organisation.tables.js';

/**
 * Reading the whole organisation is what the tree, the rules, the analytics and the scenarios do
 * on every request, and at 70 000 positions it takes the embedded database seconds
 * (scripts/bench-organisation.ts), while the organisation itself changes a few times a day. So
 * what a read gave is kept, per database and date, and given again while nothing it was read
 * from has changed. Inside a transaction it is always read afresh: the transaction may have
 * changed something that others must not see.
 *
 * What is kept is frozen by the caller: every reader gets the same object.
 */
export function keptWhileUnchanged<T>(read: (db: OrganisationDb, date: string) => Promise<T>, keptDates = 4) {
  const kept = new WeakMap<OrganisationDb, Map<string, { stamp: string; value: Promise<T> }>>();
  return async (db: OrganisationDb, date: string): Promise<T> => {
    if (db.isTransaction) return read(db, date);
    // Read before the data: a write that lands in between leaves newer data under an older
    // stamp, read again next time; never older data under a newer stamp.
    const stamp = await changeStamp(db);
    if (stamp === null) return read(db, date);
    let byDate = kept.get(db);
    if (!byDate) kept.set(db, (byDate = new Map()));
    const known = byDate.get(date);
    if (known?.stamp === stamp) return known.value;
    const value = read(db, date);
    byDate.delete(date);
    byDate.set(date, { stamp, value });
    for (const oldest of byDate.keys()) {
      if (byDate.size <= keptDates) break;
      byDate.delete(oldest);
    }
    value.catch(() => {
      if (byDate.get(date)?.value === value) byDate.delete(date);
    });
    return value;
  };
}

/**
 * What changes whenever anything the organisation is read from changes: the change counter
 * (migrations/0004, moved by trigger on every write to the organisation tables), the transaction
 * that last moved it (xmin: the value a rolled-back write gave is never seen again), and the
 * span-of-control thresholds, which the counter does not cover.
 */
export async function changeStamp(db: OrganisationDb): Promise<string | null> {
  const { rows } = await sql<{ stamp: string }>`
    select c.revision::text || '/' || c.xmin::text || '/' ||
      coalesce((select string_agg(s.role_type || '=' || s.max_span, ',' order by s.role_type) from org_rule_settings s), '') as stamp
    from org_change_counter c where c.id = 1`.execute(db);
  // Without the counter row nothing would ever look changed: then nothing is kept.
  return rows[0]?.stamp ?? null;
}

import { sql } from 'kysely';
import { AppError, holdsOn, norwegianDate, overlaps, type Period } from '../../../kernel/index.js';
import type { OrganisationDb } from './organisation.tables.js';

// The mechanics of effective dating live in the kernel (values/period.ts); here what only the
// organisation's commands need on top: refusals, loops in dated edges, and its version tables.
export {
  addDays,
  asPeriod,
  changedColumns,
  coversPeriod,
  describePeriod,
  holdsOn,
  norwegianDate,
  overlaps,
  type Period,
} from '../../../kernel/index.js';

/** Refuses an end on or before the start: a period must hold at least one day. */
export function assertEndAfterStart(period: Period): void {
  if (period.validTo !== null && period.validTo <= period.validFrom) {
    throw new AppError('invalid', {
      message: {
        nb: `Sluttdatoen (${norwegianDate(period.validTo)}) må være etter startdatoen (${norwegianDate(period.validFrom)}).`,
        en: `The end date (${period.validTo}) must be after the start date (${period.validFrom}).`,
      },
      details: [{ in: 'body', path: 'validTo', problem: 'must be after validFrom' }],
    });
  }
}

/** A directed edge that holds for a period: a child unit under its parent, or a personnel line up to a leader. */
export interface DatedEdge extends Period {
  from: string;
  to: string;
}

/**
 * Would `added` close a loop with `edges` on any day of its period? The graph only changes where
 * an edge starts or ends, so it is enough to look on the first day and on each such boundary.
 * Returns the first day and the loop (from `added.from` back to it), or null.
 */
export function findCycle(edges: readonly DatedEdge[], added: DatedEdge): { date: string; path: string[] } | null {
  if (added.from === added.to) return { date: added.validFrom, path: [added.from, added.from] };
  const relevant = edges.filter((edge) => overlaps(edge, added));
  const dates = new Set([added.validFrom]);
  for (const edge of relevant) {
    for (const boundary of [edge.validFrom, edge.validTo]) {
      if (boundary !== null && holdsOn(added, boundary)) dates.add(boundary);
    }
  }
  for (const date of [...dates].sort()) {
    const up = new Map<string, string[]>();
    for (const edge of relevant) {
      if (!holdsOn(edge, date)) continue;
      const list = up.get(edge.from) ?? [];
      list.push(edge.to);
      up.set(edge.from, list);
    }
    // Walk upwards from where the new edge points; reaching its start again closes a loop.
    const cameFrom = new Map<string, string>([[added.to, added.from]]);
    const queue = [added.to];
    while (queue.length > 0) {
      const node = queue.shift()!;
      if (node === added.from) {
        const back: string[] = [];
        for (let step = added.from; step !== added.to;) {
          step = cameFrom.get(step)!;
          back.push(step);
        }
        return { date, path: [added.from, ...back.reverse(), added.from] };
      }
      for (const next of up.get(node) ?? []) {
        if (!cameFrom.has(next)) {
          cameFrom.set(next, node);
          queue.push(next);
        }
      }
    }
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Version tables: org_unit_versions (owned by unit_id) and org_position_versions (position_id).

export type VersionTable = 'org_unit_versions' | 'org_position_versions';
const ownerColumn: Record<VersionTable, string> = { org_unit_versions: 'unit_id', org_position_versions: 'position_id' };

/** A version row as stored, with the columns of its table. */
export type VersionRow = Record<string, unknown> & { id: string; valid_from: string; valid_to: string | null };

/** Every version of one unit or position, oldest first, locked for the rest of the transaction. */
export async function lockVersions(trx: OrganisationDb, table: VersionTable, ownerId: string): Promise<VersionRow[]> {
  const { rows } = await sql<VersionRow>`
    select * from ${sql.table(table)} where ${sql.ref(ownerColumn[table])} = ${ownerId} order by valid_from for update`.execute(trx);
  return rows;
}

/**
 * Opens a new version from `date` with `changes` applied to the version that holds on that day:
 * that version is closed the day before `date` and the new one runs until it would have ended,
 * so later versions stay as they are. A version that starts on `date` itself is replaced in place
 * (a second edit on the same day is one edit, not a version of zero days); if that leaves it equal
 * to the version before, the two become one again, so an edit and its reversal leave no trace.
 */
export async function openVersionFrom(
  trx: OrganisationDb,
  table: VersionTable,
  holding: VersionRow,
  date: string,
  changes: Record<string, unknown>,
): Promise<VersionRow> {
  if (holding.valid_from === date) {
    const sets = Object.entries(changes).map(([column, value]) => sql`${sql.ref(column)} = ${value}`);
    const { rows } = await sql<VersionRow>`
      update ${sql.table(table)} set ${sql.join(sets)} where id = ${holding.id} returning *`.execute(trx);
    return mergeWithPrevious(trx, table, rows[0]!);
  }
  await sql`update ${sql.table(table)} set valid_to = ${date}::date where id = ${holding.id}`.execute(trx);
  const { id: _id, ...carried } = holding;
  const values: Record<string, unknown> = { ...carried, ...changes, valid_from: date, valid_to: holding.valid_to };
  const columns = Object.keys(values);
  const { rows } = await sql<VersionRow>`
    insert into ${sql.table(table)} (${sql.join(columns.map((c) => sql.ref(c)))})
    values (${sql.join(columns.map((c) => values[c]))})
    returning *`.execute(trx);
  return rows[0]!;
}

/** Same content apart from id and period. */
export function sameContent(a: VersionRow, b: VersionRow): boolean {
  const skip = new Set(['id', 'valid_from', 'valid_to']);
  const keys = new Set([...Object.keys(a), ...Object.keys(b)].filter((k) => !skip.has(k)));
  return [...keys].every((k) => JSON.stringify(a[k] ?? null) === JSON.stringify(b[k] ?? null));
}

/** Joins `version` to the one ending the day it starts when they say the same; returns the survivor. */
async function mergeWithPrevious(trx: OrganisationDb, table: VersionTable, version: VersionRow): Promise<VersionRow> {
  const owner = ownerColumn[table];
  const { rows } = await sql<VersionRow>`
    select * from ${sql.table(table)} where ${sql.ref(owner)} = ${version[owner] as string} and valid_to = ${version.valid_from}::date`.execute(
    trx,
  );
  const previous = rows[0];
  if (!previous || !sameContent(previous, version)) return version;
  await sql`delete from ${sql.table(table)} where id = ${version.id}`.execute(trx);
  const merged = await sql<VersionRow>`
    update ${sql.table(table)} set valid_to = ${version.valid_to}::date where id = ${previous.id} returning *`.execute(trx);
  return merged.rows[0]!;
}

/** Ends the version that holds on the day before `validTo` at `validTo`. */
export async function endVersionAt(trx: OrganisationDb, table: VersionTable, version: VersionRow, validTo: string): Promise<VersionRow> {
  const { rows } = await sql<VersionRow>`
    update ${sql.table(table)} set valid_to = ${validTo}::date where id = ${version.id} returning *`.execute(trx);
  return rows[0]!;
}

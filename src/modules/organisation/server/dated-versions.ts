import { sql } from 'kysely';
import { AppError } from '../../../kernel/index.js';
import type { OrganisationDb } from './organisation.tables.js';

/**
 * The mechanics of effective dating, shared by every command. A period runs from `validFrom`
 * (first day) to `validTo` (first day it no longer holds; null: open-ended), as in the tables.
 */
export interface Period {
  validFrom: string;
  validTo: string | null;
}

/** Does `period` hold on `date`? */
export function holdsOn(period: Period, date: string): boolean {
  return period.validFrom <= date && (period.validTo === null || period.validTo > date);
}

/** Do two periods share at least one day? */
export function overlaps(a: Period, b: Period): boolean {
  return (b.validTo === null || a.validFrom < b.validTo) && (a.validTo === null || b.validFrom < a.validTo);
}

/** Is every day of `period` covered by one of `versions` (with no gap between them)? */
export function coversPeriod(versions: readonly Period[], period: Period): boolean {
  const sorted = [...versions].sort((a, b) => (a.validFrom < b.validFrom ? -1 : a.validFrom > b.validFrom ? 1 : 0));
  let day = period.validFrom;
  for (const version of sorted) {
    if (version.validFrom > day) break;
    if (version.validTo === null) return true;
    if (version.validTo > day) day = version.validTo;
    if (period.validTo !== null && day >= period.validTo) return true;
  }
  return false;
}

/** 'YYYY-MM-DD' plus `days` (negative to go back), in calendar days. */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The period as a person reads it: «fra 1.1.2020 til og med 31.12.2020» (the last day, not the exclusive end). */
export function describePeriod(period: Period): string {
  const from = norwegianDate(period.validFrom);
  return period.validTo === null ? `fra ${from}` : `fra ${from} til og med ${norwegianDate(addDays(period.validTo, -1))}`;
}

export function norwegianDate(date: string): string {
  const [y, m, d] = date.split('-');
  return `${Number(d)}.${Number(m)}.${y}`;
}

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

/** The columns whose wanted value differs from the version's (undefined: not asked to change). */
export function changedColumns(version: Record<string, unknown>, wanted: Record<string, unknown>): Record<string, unknown> {
  const changes: Record<string, unknown> = {};
  for (const [column, value] of Object.entries(wanted)) {
    if (value === undefined) continue;
    if (!sameValue(version[column], value)) changes[column] = value;
  }
  return changes;
}

function sameValue(current: unknown, wanted: unknown): boolean {
  if (Array.isArray(current) && Array.isArray(wanted))
    return current.length === wanted.length && current.every((v, i) => Number(v) === Number(wanted[i]));
  if (typeof wanted === 'number' && (typeof current === 'string' || typeof current === 'number')) return Number(current) === wanted;
  return current === wanted;
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
 * so later versions stay as they are. A version that starts on `date` itself is changed in place.
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
    return rows[0]!;
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

/** Ends the version that holds on the day before `validTo` at `validTo`. */
export async function endVersionAt(trx: OrganisationDb, table: VersionTable, version: VersionRow, validTo: string): Promise<VersionRow> {
  const { rows } = await sql<VersionRow>`
    update ${sql.table(table)} set valid_to = ${validTo}::date where id = ${version.id} returning *`.execute(trx);
  return rows[0]!;
}

export function asPeriod(row: { valid_from: string; valid_to: string | null }): Period {
  return { validFrom: row.valid_from, validTo: row.valid_to };
}

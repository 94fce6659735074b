import type { Kysely } from 'kysely';
import {
  recordAudit,
  sortByNorwegian,
  type AuditEntry,
  type KernelTables,
  type WriteContext,
  assertRevision as assertRevisionOf,
  capitalise,
  conflict,
  freeKeyFrom,
  invalid,
  keyInUse,
  notFound,
  slugify,
} from '../../../../kernel/index.js';
import {
  addDays,
  asPeriod,
  coversPeriod,
  describePeriod,
  holdsOn,
  lockVersions,
  norwegianDate,
  type Period,
  type VersionRow,
} from '../dated-versions.js';
import type { OrganisationDb } from '../organisation.tables.js';
import { isUuid } from '../records.queries.js';
export { capitalise, cleanText } from '../../../../kernel/index.js';
export { conflict, freeKeyFrom, invalid, notFound, slugify };

// What the record commands share: finding and locking identity rows, revisions, keys, messages.

/** Appends to the audit log in the command's transaction (the organisation's Kysely knows more tables, not fewer). */
export async function audit(trx: OrganisationDb, context: WriteContext, entry: AuditEntry): Promise<void> {
  await recordAudit(trx as unknown as Kysely<KernelTables>, context, entry);
}

export type IdentityTable = 'org_units' | 'org_positions' | 'org_people';

const nouns: Record<IdentityTable, { nb: string; en: string }> = {
  org_units: { nb: 'enheten', en: 'the unit' },
  org_positions: { nb: 'stillingen', en: 'the position' },
  org_people: { nb: 'personen', en: 'the person' },
};

/** The identity row, locked until the transaction ends, so two edits of one entity take turns. */
export async function lockIdentity(
  trx: OrganisationDb,
  table: IdentityTable,
  id: string,
): Promise<{ id: string; key: string; revision: number }> {
  const row = isUuid(id)
    ? await trx.selectFrom(table).select(['id', 'key', 'revision']).where('id', '=', id).forUpdate().executeTakeFirst()
    : undefined;
  if (!row) {
    const noun = nouns[table];
    throw notFound(`Fant ikke ${noun.nb} (id ${id}).`, `${capitalise(noun.en)} was not found (id ${id}).`);
  }
  return row;
}

/** Refuses an edit made on an older read: someone else changed the entity in the meantime. */
export function assertRevision(table: IdentityTable, current: number, sent: number): void {
  assertRevisionOf(nouns[table], current, sent);
}

export async function bumpRevision(trx: OrganisationDb, table: IdentityTable, id: string): Promise<number> {
  const row = await trx
    .updateTable(table)
    .set((eb) => ({ revision: eb('revision', '+', 1) }))
    .where('id', '=', id)
    .returning('revision')
    .executeTakeFirstOrThrow();
  return row.revision;
}

/** Refuses a key that another unit, position or person of the same kind already has. */
export async function assertKeyFree(trx: OrganisationDb, table: IdentityTable, key: string, exceptId?: string): Promise<void> {
  let query = trx.selectFrom(table).select('id').where('key', '=', key);
  if (exceptId) query = query.where('id', '<>', exceptId);
  if (await query.executeTakeFirst()) throw keyInUse(key, { in: 'body', path: 'key', key });
}

/** «A, B, C og 4 til»: a readable list that names the first few, in Norwegian order. */
export function listNames(names: readonly string[], max = 5): string {
  const shown = sortByNorwegian(names, (n) => n)
    .slice(0, max)
    .map((n) => `«${n}»`);
  const rest = names.length - shown.length;
  return rest > 0 ? `${shown.join(', ')} og ${rest} til` : shown.join(', ');
}

export function listNamesEn(names: readonly string[], max = 5): string {
  const shown = sortByNorwegian(names, (n) => n)
    .slice(0, max)
    .map((n) => `"${n}"`);
  const rest = names.length - shown.length;
  return rest > 0 ? `${shown.join(', ')} and ${rest} more` : shown.join(', ');
}

/** The version that holds on `date`, or a 404 that says the entity did not exist then. */
export function versionOn(versions: VersionRow[], date: string, table: 'org_units' | 'org_positions', id: string): VersionRow {
  const version = versions.find((v) => holdsOn(asPeriod(v), date));
  if (!version) {
    const noun = nouns[table];
    throw notFound(
      `${capitalise(noun.nb)} (id ${id}) finnes ikke ${norwegianDate(date)}.`,
      `${capitalise(noun.en)} (id ${id}) does not exist on ${date}.`,
    );
  }
  return version;
}

/** A label for messages: the name or title of the version nearest `date`. */
export function labelOf(versions: VersionRow[], date: string): string {
  const version = versions.find((v) => holdsOn(asPeriod(v), date)) ?? versions.at(-1);
  return String(version?.name ?? version?.title ?? '');
}

/**
 * A unit or position named in the body (a parent, a unit for a position, an end of a line): it must
 * exist on every day of `period`. Its versions are locked, so it cannot be closed under us.
 */
export async function referencedVersions(
  trx: OrganisationDb,
  table: 'org_units' | 'org_positions',
  id: string,
  period: Period,
  field: string,
): Promise<VersionRow[]> {
  const versions = isUuid(id) ? await lockVersions(trx, table === 'org_units' ? 'org_unit_versions' : 'org_position_versions', id) : [];
  const noun = nouns[table];
  if (versions.length === 0) {
    throw invalid(
      `Fant ikke ${noun.nb} det vises til (${field}: ${id}).`,
      `${capitalise(noun.en)} referred to was not found (${field}: ${id}).`,
      {
        in: 'body',
        path: field,
      },
    );
  }
  if (!coversPeriod(versions.map(asPeriod), period)) {
    const label = labelOf(versions, period.validFrom);
    const lifetime = describeLifetime(versions);
    throw invalid(
      `${capitalise(noun.nb)} «${label}» finnes ikke i hele perioden ${describePeriod(period)} (den finnes ${lifetime}).`,
      `${capitalise(noun.en)} "${label}" does not exist throughout the period from ${period.validFrom}${period.validTo ? ` to ${period.validTo}` : ''}.`,
      { in: 'body', path: field },
    );
  }
  return versions;
}

function describeLifetime(versions: VersionRow[]): string {
  const first = versions[0]!;
  const last = versions.at(-1)!;
  return describePeriod({ validFrom: first.valid_from, validTo: last.valid_to });
}

/** Versions that start on or after `date`: planned changes a close would cut off. */
export function laterVersions(versions: VersionRow[], date: string): VersionRow[] {
  return versions.filter((v) => v.valid_from >= date);
}

/** The version that holds on the last day before `validTo` (the one a close ends). */
export function versionBefore(versions: VersionRow[], validTo: string): VersionRow | undefined {
  const lastDay = addDays(validTo, -1);
  return versions.find((v) => holdsOn(asPeriod(v), lastDay));
}

/**
 * The version a close ends, after the refusals every close shares: changes planned from that day,
 * nothing to close the day before, or already closed then. `noun` starts «… kan ikke avsluttes før dem».
 */
export function versionToClose(versions: VersionRow[], validTo: string, name: string, noun: 'Enheten' | 'Stillingen'): VersionRow {
  const planned = laterVersions(versions, validTo);
  if (planned.length > 0) {
    throw conflict(
      `«${name}» har endringer planlagt fra ${norwegianDate(planned[0]!.valid_from)}. ${noun} kan ikke avsluttes før dem; velg en senere dato.`,
      `"${name}" has changes planned from ${planned[0]!.valid_from}. It cannot be closed before them; choose a later date.`,
      { in: 'body', path: 'validTo' },
    );
  }
  const holding = versionBefore(versions, validTo);
  if (!holding) {
    throw invalid(
      `«${name}» finnes ikke dagen før ${norwegianDate(validTo)}, så den kan ikke avsluttes da.`,
      `"${name}" does not exist on the day before ${validTo}, so it cannot be closed then.`,
      { in: 'body', path: 'validTo' },
    );
  }
  if (holding.valid_to === validTo) {
    throw invalid(`«${name}» er allerede avsluttet fra ${norwegianDate(validTo)}.`, `"${name}" is already closed from ${validTo}.`, {
      in: 'body',
      path: 'validTo',
    });
  }
  return holding;
}

/** How a unit version is written to the audit log: the fields a reader recognises from the page. */
export function unitAuditView(key: string, row: VersionRow | Record<string, unknown>) {
  return {
    key,
    validFrom: row.valid_from,
    validTo: row.valid_to,
    name: row.name,
    kind: row.kind,
    level: row.level,
    parentId: row.parent_id,
    classification: row.classification,
    nameKnown: row.name_known,
    hrUnitId: row.hr_unit_id,
    ansvarNumber: row.ansvar_number,
    organisationNumber: row.organisation_number,
    kostraFunction: row.kostra_function,
    districts: row.districts,
    source: row.source,
    note: row.note,
  };
}

export function positionAuditView(key: string, row: VersionRow | Record<string, unknown>) {
  return {
    key,
    validFrom: row.valid_from,
    validTo: row.valid_to,
    title: row.title,
    unitId: row.unit_id,
    roleType: row.role_type,
    personnelResponsibility: row.personnel_responsibility,
    professionallyIndependent: row.professionally_independent,
    fte: row.fte === null || row.fte === undefined ? null : Number(row.fte),
    costCentre: row.cost_centre ?? null,
    source: row.source,
    note: row.note,
  };
}

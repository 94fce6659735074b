import type { Kysely } from 'kysely';
import { AppError, recordAudit, sortByNorwegian, type AuditEntry, type KernelTables, type WriteContext } from '../../../../kernel/index.js';
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

export function notFound(nb: string, en: string): AppError {
  return new AppError('not_found', { message: { nb, en } });
}

export function invalid(nb: string, en: string, details?: unknown): AppError {
  return new AppError('invalid', { message: { nb, en }, details });
}

export function conflict(nb: string, en: string, details?: unknown): AppError {
  return new AppError('conflict', { message: { nb, en }, details });
}

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
  if (current !== sent) {
    const noun = nouns[table];
    throw new AppError('stale', {
      message: {
        nb: `Noen andre har endret ${noun.nb} i mellomtiden (du har versjon ${sent}, gjeldende er ${current}). Last inn på nytt og gjør endringen igjen.`,
        en: `Someone else changed ${noun.en} in the meantime (you have revision ${sent}, the current one is ${current}). Reload and make your change again.`,
      },
      details: { revision: current },
    });
  }
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
  if (await query.executeTakeFirst()) {
    throw conflict(
      `Nøkkelen «${key}» er allerede i bruk. Velg en annen nøkkel.`,
      `The key "${key}" is already in use. Choose another key.`,
      {
        in: 'body',
        path: 'key',
        key,
      },
    );
  }
}

/** A readable key made from a name: lower case, Norwegian letters spelt out, hyphens between words. */
export function slugify(name: string): string {
  const slug = name
    .toLocaleLowerCase('nb')
    .replaceAll('æ', 'ae')
    .replaceAll('ø', 'o')
    .replaceAll('å', 'a')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '');
  return slug || 'ny';
}

/** The key an editor did not choose: made from the name, with -2, -3 … when it is taken. */
export async function freeKeyFrom(trx: OrganisationDb, table: IdentityTable, name: string): Promise<string> {
  const base = slugify(name);
  const taken = new Set(
    (
      await trx
        .selectFrom(table)
        .select('key')
        .where((eb) => eb.or([eb('key', '=', base), eb('key', 'like', `${base}-%`)]))
        .execute()
    ).map((r) => r.key),
  );
  if (!taken.has(base)) return base;
  for (let n = 2; ; n += 1) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

/** Optional free text: trimmed, and empty means "not given". */
export function cleanText(value: string | null | undefined): string | null {
  const trimmed = value?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
}

export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
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
    source: row.source,
    note: row.note,
  };
}

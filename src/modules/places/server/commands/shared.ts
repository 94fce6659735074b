import { sql, type Kysely } from 'kysely';
import {
  AppError,
  recordAudit,
  type AuditEntry,
  type KernelTables,
  type WriteContext,
  isUuid,
  capitalise,
  conflict,
  freeKeyFrom,
  invalid,
  keyInUse,
  notFound,
  slugify,
} from '../../../../kernel/index.js';
import { asPeriod, coversPeriod, describePeriod, holdsOn, norwegianDate, overlaps, type Period } from '../dated.js';
import type { PlacesDb } from '../places.tables.js';
import { assertMayEditInArea, type AreaOwner, type OrganisationDb } from '../../../organisation/index.js';
export { assertRevision, capitalise, cleanText } from '../../../../kernel/index.js';
export { conflict, invalid, notFound, slugify };

export { isUuid };

// What the places commands share: identity rows, revisions, dated versions, references, messages.

export async function audit(trx: PlacesDb, context: WriteContext, entry: AuditEntry): Promise<void> {
  await recordAudit(trx as unknown as Kysely<KernelTables>, context, entry);
}

/** Refuses an end on or before the start: a period must hold at least one day. */
export function assertEndAfterStart(period: Period, path = 'validTo'): void {
  if (period.validTo !== null && period.validTo <= period.validFrom) {
    throw invalid(
      `Sluttdatoen (${norwegianDate(period.validTo)}) må være etter startdatoen (${norwegianDate(period.validFrom)}).`,
      `The end date (${period.validTo}) must be after the start date (${period.validFrom}).`,
      [{ in: 'body', path, problem: 'must be after validFrom' }],
    );
  }
}

// ---------------------------------------------------------------------------------------------
// Identity rows and versions

export type IdentityTable = 'places_districts' | 'places_hubs' | 'places_sites' | 'places_services';
export type VersionTable = 'places_district_versions' | 'places_hub_versions' | 'places_site_versions' | 'places_service_versions';

export const versionTableOf: Record<IdentityTable, VersionTable> = {
  places_districts: 'places_district_versions',
  places_hubs: 'places_hub_versions',
  places_sites: 'places_site_versions',
  places_services: 'places_service_versions',
};
const ownerColumn: Record<VersionTable, string> = {
  places_district_versions: 'district_id',
  places_hub_versions: 'hub_id',
  places_site_versions: 'site_id',
  places_service_versions: 'service_id',
};
export const nouns: Record<IdentityTable, { nb: string; en: string }> = {
  places_districts: { nb: 'kommunedelen', en: 'the district' },
  places_hubs: { nb: 'knutepunktet', en: 'the hub' },
  places_sites: { nb: 'bygget', en: 'the site' },
  places_services: { nb: 'tjenesten', en: 'the service' },
};

/** A version row as stored (generated search columns left out). */
export type VersionRow = Record<string, unknown> & { id: string; valid_from: string; valid_to: string | null };

/** The identity row, locked until the transaction ends, so two edits of one entity take turns. */
export async function lockIdentity(trx: PlacesDb, table: IdentityTable, id: string): Promise<{ id: string; revision: number }> {
  const row = isUuid(id)
    ? await sql<{ id: string; revision: number }>`select id, revision from ${sql.table(table)} where id = ${id} for update`
        .execute(trx)
        .then((r) => r.rows[0])
    : undefined;
  if (!row) throw notFound(`Fant ikke ${nouns[table].nb} (id ${id}).`, `${capitalise(nouns[table].en)} was not found (id ${id}).`);
  return row;
}

export async function bumpRevision(
  trx: PlacesDb,
  table: IdentityTable | 'places_coverage' | 'places_locations',
  id: string,
): Promise<number> {
  const { rows } = await sql<{ revision: number }>`
    update ${sql.table(table)} set revision = revision + 1 where id = ${id} returning revision`.execute(trx);
  return rows[0]!.revision;
}

const hiddenColumns = new Set(['search_vector', 'search_text']);

function withoutGenerated(row: Record<string, unknown>): VersionRow {
  return Object.fromEntries(Object.entries(row).filter(([column]) => !hiddenColumns.has(column))) as VersionRow;
}

/** Every version of one entity, oldest first, locked for the rest of the transaction. */
export async function lockVersions(trx: PlacesDb, table: VersionTable, ownerId: string): Promise<VersionRow[]> {
  const { rows } = await sql<VersionRow>`
    select * from ${sql.table(table)} where ${sql.ref(ownerColumn[table])} = ${ownerId} order by valid_from for update`.execute(trx);
  return rows.map(withoutGenerated);
}

/** The version that holds on `date`, or a 404 that says the entity did not exist then. */
export function versionOn(versions: VersionRow[], date: string, table: IdentityTable, id: string): VersionRow {
  const version = versions.find((v) => holdsOn(asPeriod(v), date));
  if (!version) {
    throw notFound(
      `${capitalise(nouns[table].nb)} (id ${id}) finnes ikke ${norwegianDate(date)}.`,
      `${capitalise(nouns[table].en)} (id ${id}) does not exist on ${date}.`,
    );
  }
  return version;
}

/** The columns whose wanted value differs from the version's (undefined: not asked to change). */
export function changedColumns(version: Record<string, unknown>, wanted: Record<string, unknown>): Record<string, unknown> {
  const changes: Record<string, unknown> = {};
  for (const [column, value] of Object.entries(wanted)) {
    if (value === undefined) continue;
    if (JSON.stringify(normalise(version[column])) !== JSON.stringify(normalise(value))) changes[column] = value;
  }
  return changes;
}

function normalise(value: unknown): unknown {
  if (typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value)) return Number(value);
  return value ?? null;
}

/** Columns stored as jsonb: sent as JSON text, always. */
const jsonColumns = new Set(['opening_hours', 'weekly_times']);

export function columnValue(column: string, value: unknown): unknown {
  if (jsonColumns.has(column)) return value === null || value === undefined ? null : JSON.stringify(value);
  return value;
}

/**
 * Opens a new version from `date` with `changes` applied to the version that holds on that day:
 * that version ends the day before `date` and the new one runs until it would have ended, so
 * later versions stay as they are. A version that starts on `date` itself is changed in place.
 */
export async function openVersionFrom(
  trx: PlacesDb,
  table: VersionTable,
  holding: VersionRow,
  date: string,
  changes: Record<string, unknown>,
): Promise<VersionRow> {
  if (holding.valid_from === date) {
    const sets = Object.entries(changes).map(([column, value]) => sql`${sql.ref(column)} = ${columnValue(column, value)}`);
    const { rows } = await sql<VersionRow>`update ${sql.table(table)} set ${sql.join(sets)} where id = ${holding.id} returning *`.execute(
      trx,
    );
    return withoutGenerated(rows[0]!);
  }
  await sql`update ${sql.table(table)} set valid_to = ${date}::date where id = ${holding.id}`.execute(trx);
  const { id: _id, ...carried } = holding;
  const values: Record<string, unknown> = { ...carried, ...changes, valid_from: date, valid_to: holding.valid_to };
  const columns = Object.keys(values);
  const { rows } = await sql<VersionRow>`
    insert into ${sql.table(table)} (${sql.join(columns.map((c) => sql.ref(c)))})
    values (${sql.join(columns.map((c) => columnValue(c, values[c])))})
    returning *`.execute(trx);
  return withoutGenerated(rows[0]!);
}

// ---------------------------------------------------------------------------------------------
// References to the organisation and to other places

const orgNouns = {
  org_unit_versions: { nb: 'enheten', en: 'the unit', owner: 'unit_id', label: 'name' },
  org_position_versions: { nb: 'stillingen', en: 'the position', owner: 'position_id', label: 'title' },
} as const;

/**
 * A unit or position named in the body must exist on every day of `period` (a service delivered by
 * a closed unit is refused). Its versions are locked for share, so it cannot be closed under us.
 */
export async function assertOrganisationCovers(
  trx: PlacesDb,
  table: keyof typeof orgNouns,
  id: string,
  period: Period,
  field: string,
): Promise<string> {
  const noun = orgNouns[table];
  const versions = isUuid(id)
    ? (
        await sql<{ valid_from: string; valid_to: string | null; label: string }>`
          select valid_from, valid_to, ${sql.ref(noun.label)} as label from ${sql.table(table)}
          where ${sql.ref(noun.owner)} = ${id} order by valid_from for share`.execute(trx)
      ).rows
    : [];
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
  const label = (versions.find((v) => holdsOn(asPeriod(v), period.validFrom)) ?? versions.at(-1)!).label;
  if (!coversPeriod(versions.map(asPeriod), period)) {
    const lifetime = describePeriod({ validFrom: versions[0]!.valid_from, validTo: versions.at(-1)!.valid_to });
    throw invalid(
      `${capitalise(noun.nb)} «${label}» finnes ikke i hele perioden ${describePeriod(period)} (den finnes ${lifetime}). En nedlagt enhet kan ikke levere tjenester.`,
      `${capitalise(noun.en)} "${label}" does not exist throughout the period from ${period.validFrom}${period.validTo ? ` to ${period.validTo}` : ''}.`,
      { in: 'body', path: field },
    );
  }
  return label;
}

/** A district by number that exists on every day of `period`; its id. */
export async function districtCovering(trx: PlacesDb, number: number, period: Period, field = 'districtNumber'): Promise<string> {
  const district = await trx.selectFrom('places_districts').select('id').where('number', '=', number).executeTakeFirst();
  const versions = district
    ? await trx
        .selectFrom('places_district_versions')
        .select(['valid_from', 'valid_to'])
        .where('district_id', '=', district.id)
        .forShare()
        .execute()
    : [];
  if (!district || versions.length === 0) {
    throw invalid(`Kommunedel ${number} finnes ikke.`, `District ${number} does not exist.`, { in: 'body', path: field });
  }
  if (!coversPeriod(versions.map(asPeriod), period)) {
    throw invalid(
      `Kommunedel ${number} finnes ikke i hele perioden ${describePeriod(period)}.`,
      `District ${number} does not exist throughout the period from ${period.validFrom}${period.validTo ? ` to ${period.validTo}` : ''}.`,
      { in: 'body', path: field },
    );
  }
  return district.id;
}

/** A hub, site or service named in the body must exist on every day of `period`. */
export async function assertPlaceCovers(
  trx: PlacesDb,
  table: IdentityTable,
  id: string,
  period: Period,
  field: string,
): Promise<VersionRow[]> {
  const versions = isUuid(id) ? await lockVersions(trx, versionTableOf[table], id) : [];
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
    throw invalid(
      `${capitalise(noun.nb)} «${String(versions.at(-1)!.name)}» finnes ikke i hele perioden ${describePeriod(period)}.`,
      `${capitalise(noun.en)} "${String(versions.at(-1)!.name)}" does not exist throughout the period from ${period.validFrom}.`,
      { in: 'body', path: field },
    );
  }
  return versions;
}

/** One hub per district at a time: refuses a hub period that overlaps another hub of the same district. */
export async function assertOnlyHubInDistrict(
  trx: PlacesDb,
  districtId: string,
  period: Period,
  number: number,
  exceptHubId?: string,
): Promise<void> {
  let query = trx
    .selectFrom('places_hub_versions')
    .select(['hub_id', 'name', 'valid_from', 'valid_to'])
    .where('district_id', '=', districtId);
  if (exceptHubId) query = query.where('hub_id', '<>', exceptHubId);
  const other = (await query.forUpdate().execute()).find((v) => overlaps(asPeriod(v), period));
  if (other) {
    throw conflict(
      `Kommunedel ${number} har allerede et lokalt knutepunkt («${other.name}», ${describePeriod(asPeriod(other))}). En kommunedel har ett knutepunkt om gangen.`,
      `District ${number} already has a local hub ("${other.name}") in an overlapping period. A district has one hub at a time.`,
      { in: 'body', path: 'validFrom', hubId: other.hub_id },
    );
  }
}

// ---------------------------------------------------------------------------------------------
// Keys

/** The given key, refused when taken; or one made from the name, with -2, -3 … when taken. */
export async function chooseKey(
  trx: PlacesDb,
  table: Exclude<IdentityTable, 'places_districts'>,
  key: string | undefined,
  name: string,
): Promise<string> {
  if (key === undefined) return freeKeyFrom(trx, table, name);
  if (await trx.selectFrom(table).select('id').where('key', '=', key).executeTakeFirst()) throw keyInUse(key);
  return key;
}

/** A change that changes nothing is refused, so the audit log holds only real changes. */
export function nothingChanged(): AppError {
  return invalid(
    'Endringen endrer ingenting: alle feltene har allerede disse verdiene.',
    'The change changes nothing: every field already has these values.',
  );
}

/** Weekly times and opening hours: each must end after it starts (a schedule that ends before it starts is refused). */
export function assertTimesInOrder(
  times: readonly { from?: string; to?: string; opens?: string; closes?: string }[] | null | undefined,
  path: string,
): void {
  for (const [index, time] of (times ?? []).entries()) {
    const start = time.from ?? time.opens ?? '';
    const end = time.to ?? time.closes ?? '';
    if (end <= start) {
      throw invalid(
        `Tidspunktet slutter før det begynner (${start}–${end}). Sluttiden må være etter starttiden.`,
        `The time ends before it starts (${start}–${end}). The end must be after the start.`,
        [{ in: 'body', path: `${path}/${index}`, problem: 'ends before it starts' }],
      );
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Editors limited to an area of the organisation

/**
 * Places' rule for an editor limited to an area of the organisation (the organisation's one check):
 * what belongs to units of their area (a unit's or position's location, coverage of a service their
 * area delivers) is theirs to edit; districts, hubs, sites, the service catalogue and imports
 * belong to the whole municipality and need an unlimited editor or an administrator.
 */
export function assertMayEditPlace(trx: PlacesDb, context: WriteContext, owner: AreaOwner, date: string): Promise<void> {
  return assertMayEditInArea(trx as unknown as OrganisationDb, context, owner, date);
}

/** A record of the whole municipality, named for the refusal. */
export const municipalityWide = (what: { nb: string; en: string }): AreaOwner => ({ municipality: what });

/**
 * Coverage belongs to the unit that delivers the service: every unit that delivers it during any
 * of `periods`, each checked from the first day it does (a service that changed hands is checked
 * for both). A service unknown is left to the command's own check.
 */
export async function assertMayEditCoverage(
  trx: PlacesDb,
  context: WriteContext,
  serviceId: string,
  periods: readonly Period[],
): Promise<void> {
  if (!isUuid(serviceId)) return;
  const versions = await trx
    .selectFrom('places_service_versions')
    .select(['delivering_unit_id', 'valid_from', 'valid_to'])
    .where('service_id', '=', serviceId)
    .execute();
  for (const period of periods) {
    for (const version of versions) {
      const span = asPeriod(version);
      if (!overlaps(span, period)) continue;
      const from = span.validFrom > period.validFrom ? span.validFrom : period.validFrom;
      await assertMayEditPlace(trx, context, { units: [version.delivering_unit_id] }, from);
    }
  }
}

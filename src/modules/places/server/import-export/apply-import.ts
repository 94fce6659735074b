import { AppError, type WriteContext } from '../../../../kernel/index.js';
import {
  placesEntities,
  type CoverageRecord,
  type DistrictRecord,
  type HubRecord,
  type ImportChange,
  type ImportCount,
  type ImportFieldChange,
  type ImportProblem,
  type ImportReport,
  type PlacesEntity,
  type PlacesRecords,
  type ServiceRecord,
  type SiteRecord,
} from '../../import-export.schemas.js';
import {
  addCoverage,
  changeCoverage,
  changeDistrict,
  changeHub,
  changeService,
  changeSite,
  createDistrict,
  createHub,
  createService,
  createSite,
} from '../commands/index.js';
import { assertMayEditPlace, municipalityWide } from '../commands/shared.js';
import type { PlacesDb } from '../places.tables.js';
import {
  districtByNumber,
  districtNumberOfId,
  findCoverage,
  idByKey,
  keyOfId,
  openingHours,
  placesFingerprint,
  savepoint,
  versionOnDate,
  weeklyTimes,
} from './import-export.queries.js';
import { message, problem, recordKey, type ParsedImport } from './places-format.js';

// Applying an import: every row goes through the same commands as an edit in the browser (so the
// same rules hold and every write is audited), all in one transaction. Each row runs in a savepoint,
// so a refused row is noted by row and column and the next one is still checked: the dry run lists
// every problem. A dry run, or an import with any problem, rolls the whole transaction back.
//
// Rows are matched by external key: a district by number, a hub, site or service by key, coverage
// by service, district and validFrom (or, without validFrom, the row that holds on the import date).
// A record that is new is created from its validFrom (default: the import date); one that exists
// and differs is changed from the import date; one that is the same is left alone, so importing an
// export again changes nothing. Only the columns a row gives are compared: a column not in the file,
// or an empty cell, leaves the stored value as it is; «(tøm)» clears it (kernel/import/empty-cells.ts).
//
// An upload only ever runs the dry run; it is stored (import-store.ts) and applied by its id. The
// apply runs the same rows again and is refused when places changed since the dry run (the
// fingerprint below) or when the rows would now do anything other than what the dry run showed.

type Outcome = { action: 'create' | 'change' | 'unchanged'; columns: string[]; fields: ImportFieldChange[]; left: string[] };

/** A row refused by the import itself (an unknown key), with the column it is about. */
class RowProblem extends Error {
  constructor(
    readonly column: string,
    readonly userMessage: { nb: string; en: string },
  ) {
    super(userMessage.en);
  }
}

class RollBack extends Error {}

/** The command's field names as the file's columns. */
const columnOfField: Record<string, string> = {
  deliveringUnitId: 'unitKey',
  pilotUnitId: 'pilotUnitKey',
  hubId: 'hubKey',
  siteId: 'siteKey',
  serviceId: 'serviceKey',
  localCoordinatorPositionId: 'localCoordinatorPositionKey',
};

function columnOf(error: AppError): string | null {
  const details = Array.isArray(error.details) ? (error.details[0] as unknown) : error.details;
  const path = (details as { path?: unknown } | null | undefined)?.path;
  if (typeof path !== 'string' || path === '') return null;
  const field = path.replace(/^\//, '').split('/')[0]!;
  return columnOfField[field] ?? field;
}

function unknownKey(column: string, what: { nb: string; en: string }, key: string): RowProblem {
  return new RowProblem(
    column,
    message(`Ukjent ${what.nb} «${key}» (${column}): finnes ikke.`, `Unknown ${what.en} "${key}" (${column}): it does not exist.`),
  );
}

// ---------------------------------------------------------------------------------------------
// Comparing a record with what is stored

function normalise(value: unknown, asSet: boolean): string {
  if (value === undefined || value === null || value === '') return 'null';
  if (typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value)) return JSON.stringify(Number(value));
  if (typeof value === 'string') return JSON.stringify(value.trim());
  if (Array.isArray(value)) {
    if (value.length === 0) return 'null';
    return asSet ? JSON.stringify([...value].map(String).sort()) : canonical(value);
  }
  return canonical(value);
}

interface Field {
  /** The column in the file. */
  column: string;
  /** The field of the command's body. */
  field: string;
  /** The value the command is given. */
  value: unknown;
  /** What is stored now. */
  current: unknown;
  set?: boolean;
  /** How the value and the stored one are shown when they are ids (the keys, not the ids). */
  shown?: { before: string | null; after: string | null };
}

/** A value as the dry run shows it: lists and times as the file writes them; nothing is null. */
export function shownValue(value: unknown): string | null {
  if (value === null || value === undefined || value === '') return null;
  if (Array.isArray(value)) {
    if (value.length === 0) return null;
    return value
      .map((item: unknown) => {
        if (typeof item !== 'object' || item === null) return String(item);
        const t = item as { weekday: number; from?: string; to?: string; opens?: string; closes?: string };
        return `${t.weekday} ${t.from ?? t.opens}-${t.to ?? t.closes}`;
      })
      .join(' | ');
  }
  return typeof value === 'object' ? JSON.stringify(value) : String(value as string | number | boolean);
}

/**
 * The fields the row gives (`given`, by column) whose value differs from the stored one: the body
 * of a change, each shown old → new; and the columns the row leaves as they are.
 */
function differences(
  fields: Field[],
  given: ReadonlySet<string>,
): { body: Record<string, unknown>; columns: string[]; fields: ImportFieldChange[]; left: string[] } {
  const body: Record<string, unknown> = {};
  const columns: string[] = [];
  const shown: ImportFieldChange[] = [];
  const left: string[] = [];
  for (const f of fields) {
    if (!given.has(f.column)) {
      left.push(f.column);
      continue;
    }
    if (normalise(f.value, f.set ?? false) !== normalise(f.current, f.set ?? false)) {
      body[f.field] = f.value;
      columns.push(f.column);
      shown.push({ column: f.column, ...(f.shown ?? { before: shownValue(f.current), after: shownValue(f.value) }) });
    }
  }
  return { body, columns, fields: shown, left };
}

/** A new record: the columns the row gives, shown as the file has them. */
function created(record: object, given: ReadonlySet<string>): Outcome {
  const values = record as Record<string, unknown>;
  const fields = [...given].map((column) => ({ column, before: null, after: shownValue(values[column]) })).filter((f) => f.after !== null);
  return { action: 'create', columns: fields.map((f) => f.column), fields, left: [] };
}

const unchanged = (left: string[]): Outcome => ({ action: 'unchanged', columns: [], fields: [], left });

/**
 * Each field of `values` against the version's column of the same name in snake_case, named in the
 * file as `columnOfField` says; `stored` gives what is stored where it must be read first, `sets`
 * the lists whose order does not matter.
 */
function againstVersion(
  values: Record<string, unknown>,
  version: object,
  options: { stored?: Record<string, unknown>; sets?: string[] } = {},
): Field[] {
  const columns = version as Record<string, unknown>;
  return Object.entries(values).map(([field, value]) => ({
    column: columnOfField[field] ?? field,
    field,
    value,
    current:
      options.stored && field in options.stored ? options.stored[field] : columns[field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)],
    set: options.sets?.includes(field),
  }));
}

const text = (value: string | null) => (value === null || value.trim() === '' ? null : value.trim());

// ---------------------------------------------------------------------------------------------
// One row of each entity

async function importDistrict(
  trx: PlacesDb,
  context: WriteContext,
  record: DistrictRecord,
  date: string,
  given: ReadonlySet<string>,
): Promise<Outcome> {
  const positionKey = record.localCoordinatorPositionKey;
  const position = positionKey ? await idByKey(trx, 'org_positions', positionKey) : null;
  if (positionKey && !position) {
    throw unknownKey('localCoordinatorPositionKey', { nb: 'stilling', en: 'position' }, positionKey);
  }
  const existing = await districtByNumber(trx, record.number);
  const version = existing ? await versionOnDate(trx, 'places_district_versions', 'district_id', existing.id, date) : undefined;
  const values = {
    name: record.name.trim(),
    shortName: text(record.shortName),
    population: record.population,
    populationYear: record.populationYear,
    populationSource: text(record.populationSource),
    localCommitteeName: text(record.localCommitteeName),
    localCoordinatorPositionId: position?.id ?? null,
    source: text(record.source),
    note: text(record.note),
  };
  if (!existing || !version) {
    await createDistrict(trx, context, { number: record.number, validFrom: record.validFrom ?? date, validTo: record.validTo, ...values });
    return created(record, given);
  }
  const fields = againstVersion(values, version);
  const coordinator = fields.find((f) => f.field === 'localCoordinatorPositionId')!;
  coordinator.shown = { before: await keyOfId(trx, 'org_positions', version.local_coordinator_position_id), after: positionKey };
  const change = differences(fields, given);
  if (change.columns.length === 0) return unchanged(change.left);
  await changeDistrict(trx, context, { number: record.number, revision: existing.revision, validFrom: date, ...change.body });
  return { action: 'change', ...change };
}

async function importHub(
  trx: PlacesDb,
  context: WriteContext,
  record: HubRecord,
  date: string,
  given: ReadonlySet<string>,
): Promise<Outcome> {
  const pilot = record.pilotUnitKey ? await idByKey(trx, 'org_units', record.pilotUnitKey) : null;
  if (record.pilotUnitKey && !pilot) throw unknownKey('pilotUnitKey', { nb: 'enhet', en: 'unit' }, record.pilotUnitKey);
  const existing = await idByKey(trx, 'places_hubs', record.key);
  const version = existing ? await versionOnDate(trx, 'places_hub_versions', 'hub_id', existing.id, date) : undefined;
  const values = {
    districtNumber: record.districtNumber,
    name: record.name.trim(),
    functions: record.functions,
    pilotUnitId: pilot?.id ?? null,
    successCriteria: text(record.successCriteria),
    evaluationNotes: text(record.evaluationNotes),
    source: text(record.source),
    note: text(record.note),
  };
  if (!existing) {
    await createHub(trx, context, { key: record.key, validFrom: record.validFrom ?? date, validTo: record.validTo, ...values });
    return created(record, given);
  }
  if (!version) throw notOnDate('key', { nb: 'Knutepunktet', en: 'The hub' }, record.key, date);
  const district = await districtByNumber(trx, record.districtNumber);
  // The district is compared by id: the number is what the command is given.
  const fields = againstVersion({ ...values, districtNumber: district?.id ?? `missing:${record.districtNumber}` }, version, {
    stored: { districtNumber: version.district_id },
    sets: ['functions'],
  });
  fields.find((f) => f.field === 'districtNumber')!.shown = {
    before: shownValue(await districtNumberOfId(trx, version.district_id)),
    after: String(record.districtNumber),
  };
  fields.find((f) => f.field === 'pilotUnitId')!.shown = {
    before: await keyOfId(trx, 'org_units', version.pilot_unit_id),
    after: record.pilotUnitKey,
  };
  const change = differences(fields, given);
  if (change.columns.length === 0) return unchanged(change.left);
  const body = change.body;
  if ('districtNumber' in body) body.districtNumber = record.districtNumber;
  await changeHub(trx, context, { id: existing.id, revision: existing.revision, validFrom: date, ...body });
  return { action: 'change', ...change };
}

function notOnDate(column: string, noun: { nb: string; en: string }, key: string, date: string): RowProblem {
  return new RowProblem(
    column,
    message(
      `${noun.nb} «${key}» finnes, men ikke på importdatoen ${date}. Velg en importdato (validFrom) da den finnes.`,
      `${noun.en} "${key}" exists, but not on the import date ${date}. Choose an import date (validFrom) when it exists.`,
    ),
  );
}

async function importSite(
  trx: PlacesDb,
  context: WriteContext,
  record: SiteRecord,
  date: string,
  given: ReadonlySet<string>,
): Promise<Outcome> {
  const hub = record.hubKey ? await idByKey(trx, 'places_hubs', record.hubKey) : null;
  if (record.hubKey && !hub) throw unknownKey('hubKey', { nb: 'knutepunkt', en: 'hub' }, record.hubKey);
  const existing = await idByKey(trx, 'places_sites', record.key);
  const values = {
    name: record.name.trim(),
    address: text(record.address),
    latitude: record.latitude,
    longitude: record.longitude,
    owner: text(record.owner),
    accessibilityNotes: text(record.accessibilityNotes),
    openingHoursText: text(record.openingHoursText),
    openingHours: record.openingHours && record.openingHours.length > 0 ? record.openingHours : null,
    hubId: hub?.id ?? null,
    source: text(record.source),
    note: text(record.note),
  };
  if (!existing) {
    await createSite(trx, context, { key: record.key, validFrom: record.validFrom ?? date, validTo: record.validTo, ...values });
    return created(record, given);
  }
  const version = await versionOnDate(trx, 'places_site_versions', 'site_id', existing.id, date);
  if (!version) throw notOnDate('key', { nb: 'Bygget', en: 'The site' }, record.key, date);
  const fields = againstVersion(values, version, { stored: { openingHours: openingHours(version.opening_hours) } });
  fields.find((f) => f.field === 'hubId')!.shown = { before: await keyOfId(trx, 'places_hubs', version.hub_id), after: record.hubKey };
  const change = differences(fields, given);
  if (change.columns.length === 0) return unchanged(change.left);
  await changeSite(trx, context, { id: existing.id, revision: existing.revision, validFrom: date, ...change.body });
  return { action: 'change', ...change };
}

async function importService(
  trx: PlacesDb,
  context: WriteContext,
  record: ServiceRecord,
  date: string,
  given: ReadonlySet<string>,
): Promise<Outcome> {
  const unit = await idByKey(trx, 'org_units', record.unitKey);
  if (!unit) throw unknownKey('unitKey', { nb: 'enhet', en: 'unit' }, record.unitKey);
  const existing = await idByKey(trx, 'places_services', record.key);
  const values = {
    name: record.name.trim(),
    description: text(record.description),
    targetGroups: record.targetGroups.map((g) => g.trim()),
    deliveringUnitId: unit.id,
    legalBasis: text(record.legalBasis),
    proximityClass: record.proximityClass,
    channels: record.channels,
    contact: text(record.contact),
    entryPoints: record.entryPoints,
    universalRole: record.universalRole,
    source: text(record.source),
    note: text(record.note),
  };
  if (!existing) {
    await createService(trx, context, { key: record.key, validFrom: record.validFrom ?? date, validTo: record.validTo, ...values });
    return created(record, given);
  }
  const version = await versionOnDate(trx, 'places_service_versions', 'service_id', existing.id, date);
  if (!version) throw notOnDate('key', { nb: 'Tjenesten', en: 'The service' }, record.key, date);
  const fields = againstVersion(values, version, { sets: ['channels', 'entryPoints'] });
  fields.find((f) => f.field === 'deliveringUnitId')!.shown = {
    before: await keyOfId(trx, 'org_units', version.delivering_unit_id),
    after: record.unitKey,
  };
  const change = differences(fields, given);
  if (change.columns.length === 0) return unchanged(change.left);
  const body = change.body;
  // Lists are sent whole: the command stores what it is given.
  for (const list of ['targetGroups', 'channels', 'entryPoints'] as const) if (list in body) body[list] = values[list];
  await changeService(trx, context, { id: existing.id, revision: existing.revision, validFrom: date, ...body });
  return { action: 'change', ...change };
}

async function importCoverage(
  trx: PlacesDb,
  context: WriteContext,
  record: CoverageRecord,
  date: string,
  given: ReadonlySet<string>,
): Promise<Outcome> {
  const service = await idByKey(trx, 'places_services', record.serviceKey);
  if (!service) throw unknownKey('serviceKey', { nb: 'tjeneste', en: 'service' }, record.serviceKey);
  const site = record.siteKey ? await idByKey(trx, 'places_sites', record.siteKey) : null;
  if (record.siteKey && !site) throw unknownKey('siteKey', { nb: 'bygg', en: 'site' }, record.siteKey);
  const district = await districtByNumber(trx, record.districtNumber);
  const existing = district ? await findCoverage(trx, service.id, district.id, record.validFrom, date) : undefined;
  const values = {
    siteId: site?.id ?? null,
    mode: record.mode,
    weeklyTimes: record.weeklyTimes && record.weeklyTimes.length > 0 ? record.weeklyTimes : null,
    scheduleNote: text(record.scheduleNote),
    source: text(record.source),
    note: text(record.note),
  };
  if (!existing) {
    await addCoverage(trx, context, {
      serviceId: service.id,
      districtNumber: record.districtNumber,
      validFrom: record.validFrom ?? date,
      validTo: record.validTo,
      ...values,
    });
    return created(record, given);
  }
  const change = differences(
    [
      {
        column: 'siteKey',
        field: 'siteId',
        value: values.siteId,
        current: existing.site_id,
        shown: { before: await keyOfId(trx, 'places_sites', existing.site_id), after: record.siteKey },
      },
      { column: 'mode', field: 'mode', value: values.mode, current: existing.mode },
      { column: 'weeklyTimes', field: 'weeklyTimes', value: values.weeklyTimes, current: weeklyTimes(existing.weekly_times) },
      { column: 'scheduleNote', field: 'scheduleNote', value: values.scheduleNote, current: existing.schedule_note },
      // The end is kept unless the row gives one (or clears it with «(tøm)»: open-ended).
      { column: 'validTo', field: 'validTo', value: record.validTo, current: existing.valid_to },
      { column: 'source', field: 'source', value: values.source, current: existing.source },
      { column: 'note', field: 'note', value: values.note, current: existing.note },
    ],
    given,
  );
  if (change.columns.length === 0) return unchanged(change.left);
  await changeCoverage(trx, context, { id: String(existing.id), revision: Number(existing.revision), ...change.body });
  return { action: 'change', ...change };
}

const importers: {
  [E in PlacesEntity]: (
    trx: PlacesDb,
    context: WriteContext,
    record: PlacesRecords[E],
    date: string,
    given: ReadonlySet<string>,
  ) => Promise<Outcome>;
} = {
  districts: importDistrict,
  hubs: importHub,
  sites: importSite,
  services: importService,
  coverage: importCoverage,
};

// ---------------------------------------------------------------------------------------------

/** What an apply checks against: the dry run it carries out, and places as they were then. */
export interface DryRunBase {
  fingerprint: string;
  changes: ImportChange[];
}

export interface ApplyHooks {
  /** First in the apply's transaction: locks the stored dry run and gives what it found. */
  before: (trx: PlacesDb) => Promise<DryRunBase>;
  /** Last in the same transaction, when every row is written as the dry run said: mark it applied, audit. */
  after: (trx: PlacesDb, report: ImportReport) => Promise<void>;
}

export interface ImportRun {
  report: ImportReport;
  /** The fingerprint of places when the rows were run. */
  fingerprint: string;
}

/** JSON with the keys of every object sorted: the stored dry run comes back from jsonb in another key order. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

export function staleImport(): AppError {
  return new AppError('stale', {
    message: {
      nb: 'Stedene er endret siden prøveimporten, så den viser ikke lenger hva importen vil gjøre. Ingenting er endret. Kjør prøveimporten på nytt og se over endringene før du importerer.',
      en: 'Places have changed since the dry run, so it no longer shows what the import will do. Nothing was changed. Run the dry run again and review the changes before importing.',
    },
    details: { reason: 'base_changed' },
  });
}

/**
 * Runs the rows in one transaction: every row through its command, every problem noted. Without
 * `apply` it is the dry run and is always rolled back. With `apply` it is committed only when places
 * are as the dry run found them, no row has a problem, and the rows change exactly what the dry run
 * showed; otherwise nothing is written (a stale dry run throws, problems come back in the report).
 */
export async function runImport(
  db: PlacesDb,
  context: WriteContext,
  parsed: ParsedImport,
  validFrom: string,
  apply: ApplyHooks | null,
): Promise<ImportRun> {
  const problems: ImportProblem[] = [...parsed.problems];
  const changes: ImportChange[] = [];
  const counts = Object.fromEntries(placesEntities.map((entity) => [entity, { rows: 0, created: 0, changed: 0, unchanged: 0 }])) as Record<
    PlacesEntity,
    ImportCount
  >;
  let applied = false;
  let fingerprint = '';
  const report = (): ImportReport => ({
    dryRun: apply === null,
    applied,
    format: parsed.format,
    fileName: parsed.fileName,
    validFrom,
    counts,
    changes,
    problems,
  });
  try {
    await db.transaction().execute(async (trx) => {
      // A file may touch any district, hub, site or service: the whole municipality's, dry run or not.
      await assertMayEditPlace(trx, context, municipalityWide({ nb: 'en import av steder', en: 'an import of places' }), validFrom);
      const base = apply ? await apply.before(trx) : null;
      fingerprint = await placesFingerprint(trx);
      if (base && base.fingerprint !== fingerprint) throw staleImport();
      for (const entity of placesEntities) {
        for (const row of parsed.sections[entity] ?? []) {
          counts[entity].rows += 1;
          if (!row.valid) continue;
          const importRow = importers[entity] as (
            t: PlacesDb,
            c: WriteContext,
            r: unknown,
            d: string,
            g: ReadonlySet<string>,
          ) => Promise<Outcome>;
          await savepoint(trx, 'savepoint');
          try {
            const outcome = await importRow(trx, context, row.record, validFrom, new Set(row.given));
            await savepoint(trx, 'release savepoint');
            if (outcome.action === 'unchanged') counts[entity].unchanged += 1;
            else {
              counts[entity][outcome.action === 'create' ? 'created' : 'changed'] += 1;
              const key = recordKey(entity, row.record as unknown as Record<string, unknown>);
              const { action, columns, fields, left } = outcome;
              changes.push({ entity, row: row.row, key, action, columns, fields, left });
            }
          } catch (error) {
            if (error instanceof RowProblem) {
              await savepoint(trx, 'rollback to savepoint');
              problems.push(problem(entity, row.row, error.column, error.userMessage));
            } else if (error instanceof AppError) {
              await savepoint(trx, 'rollback to savepoint');
              problems.push(
                problem(entity, row.row, columnOf(error), {
                  nb: error.messageFor('nb'),
                  en: error.messageFor('en'),
                }),
              );
            } else throw error;
          }
        }
      }
      if (!apply || !base || problems.length > 0) throw new RollBack();
      // Whatever else would now change than the dry run showed (the organisation moved a unit, say) is not applied.
      if (canonical(changes) !== canonical(base.changes)) throw staleImport();
      applied = true;
      await apply.after(trx, report());
    });
  } catch (error) {
    if (!(error instanceof RollBack)) throw error;
  }
  return { report: report(), fingerprint };
}

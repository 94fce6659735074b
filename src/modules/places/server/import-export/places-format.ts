import { Value } from 'typebox/value';
import { cellIntent, clearMarker, importedTextProblem } from '../../../../kernel/index.js';
import {
  placesEntities,
  recordSchemas,
  type ImportProblem,
  type LocalisedMessage,
  type PlacesEntity,
  type PlacesFileFormat,
  type PlacesRecords,
} from '../../import-export.schemas.js';

// The places format (docs/formats/places.md) as columns: how each record becomes a spreadsheet row
// and back, and how a file's rows become checked records with every problem by row and column.

export type Cell = string | number | boolean | Date | null;

type Kind = 'text' | 'integer' | 'number' | 'date' | 'list' | 'weeklyTimes' | 'openingHours';
export interface Column {
  name: string;
  kind: Kind;
  required?: boolean;
}

const c = (name: string, kind: Kind = 'text', required = false): Column => ({ name, kind, required });
const period = [c('validFrom', 'date'), c('validTo', 'date')];
const provenance = [c('source'), c('note')];

export const columns: Record<PlacesEntity, Column[]> = {
  districts: [
    c('number', 'integer', true),
    c('name', 'text', true),
    c('shortName'),
    c('population', 'integer'),
    c('populationYear', 'integer'),
    c('populationSource'),
    c('localCommitteeName'),
    c('localCoordinatorPositionKey'),
    ...period,
    ...provenance,
  ],
  hubs: [
    c('key', 'text', true),
    c('districtNumber', 'integer', true),
    c('name', 'text', true),
    c('functions', 'list'),
    c('pilotUnitKey'),
    c('successCriteria'),
    c('evaluationNotes'),
    ...period,
    ...provenance,
  ],
  sites: [
    c('key', 'text', true),
    c('name', 'text', true),
    c('address'),
    c('latitude', 'number'),
    c('longitude', 'number'),
    c('owner'),
    c('accessibilityNotes'),
    c('openingHoursText'),
    c('openingHours', 'openingHours'),
    c('hubKey'),
    ...period,
    ...provenance,
  ],
  services: [
    c('key', 'text', true),
    c('name', 'text', true),
    c('description'),
    c('targetGroups', 'list'),
    c('unitKey', 'text', true),
    c('legalBasis'),
    c('proximityClass', 'text', true),
    c('channels', 'list'),
    c('contact'),
    c('entryPoints', 'list'),
    c('universalRole'),
    ...period,
    ...provenance,
  ],
  coverage: [
    c('serviceKey', 'text', true),
    c('districtNumber', 'integer', true),
    c('siteKey'),
    c('mode'),
    c('weeklyTimes', 'weeklyTimes'),
    c('scheduleNote'),
    ...period,
    ...provenance,
  ],
};

/** Sheet (and CSV file) names: the format's English names, or the Norwegian ones a municipality may use. */
const sheetNames: Record<string, PlacesEntity> = {
  districts: 'districts',
  kommunedeler: 'districts',
  hubs: 'hubs',
  knutepunkter: 'hubs',
  sites: 'sites',
  bygg: 'sites',
  services: 'services',
  tjenester: 'services',
  coverage: 'coverage',
  dekning: 'coverage',
};

export function entityOfSheet(name: string): PlacesEntity | null {
  return sheetNames[name.trim().toLocaleLowerCase('nb')] ?? null;
}

export const entityNouns: Record<PlacesEntity, LocalisedMessage> = {
  districts: { nb: 'kommunedeler', en: 'districts' },
  hubs: { nb: 'knutepunkter', en: 'hubs' },
  sites: { nb: 'bygg', en: 'sites' },
  services: { nb: 'tjenester', en: 'services' },
  coverage: { nb: 'dekning', en: 'coverage' },
};

export function message(nb: string, en: string): LocalisedMessage {
  return { nb, en };
}

export function problem(entity: PlacesEntity | null, row: number | null, column: string | null, msg: LocalisedMessage): ImportProblem {
  return { entity, row, column, message: msg };
}

/** A record as read from a file, with the row it came from. */
export interface ParsedRow<E extends PlacesEntity = PlacesEntity> {
  row: number;
  record: PlacesRecords[E];
  /**
   * The columns the row gives: a value, or the clear marker «(tøm)». Every other column (not in the
   * file, or an empty cell) is left as it is (kernel/import/empty-cells.ts); in `record` it is null.
   */
  given: string[];
  /** false: the row has a problem of its own and is not applied (the import is refused anyway). */
  valid: boolean;
}

export interface ParsedImport {
  format: PlacesFileFormat;
  fileName: string;
  asOf: string | null;
  sections: { [E in PlacesEntity]?: ParsedRow<E>[] };
  problems: ImportProblem[];
}

export class ImportFileError extends Error {
  constructor(
    readonly userMessage: LocalisedMessage,
    readonly tooLarge = false,
    readonly row: number | null = null,
  ) {
    super(userMessage.en);
    this.name = 'ImportFileError';
  }
}

export function assertRowLimit(total: number, limit: number): void {
  if (total > limit) {
    throw new ImportFileError(
      message(
        `Filen har ${total} rader. En import tar høyst ${limit}; del den opp.`,
        `The file has ${total} rows. An import takes at most ${limit}; split it up.`,
      ),
      true,
    );
  }
}

// ---------------------------------------------------------------------------------------------
// Records to cells (export)

function formatTimes(times: unknown): string | null {
  if (!Array.isArray(times) || times.length === 0) return null;
  return times
    .map((t: { weekday: number; from?: string; to?: string; opens?: string; closes?: string }) => {
      return `${t.weekday} ${t.from ?? t.opens}-${t.to ?? t.closes}`;
    })
    .join(' | ');
}

/** One record as the cells of a spreadsheet row, in the order of `columns`. */
export function recordCells(entity: PlacesEntity, record: Record<string, unknown>): (string | number | null)[] {
  return columns[entity].map((column) => {
    const value = record[column.name];
    if (value === null || value === undefined) return null;
    if (column.kind === 'list') return (value as string[]).join(' | ') || null;
    if (column.kind === 'weeklyTimes' || column.kind === 'openingHours') return formatTimes(value);
    return value as string | number;
  });
}

// ---------------------------------------------------------------------------------------------
// Cells to records (import)

export function isRealDate(text: string): boolean {
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

const pad = (n: number) => String(n).padStart(2, '0');

type Converted = { value: unknown } | { problem: LocalisedMessage };

function cellText(cell: Cell): string {
  if (cell instanceof Date) return cell.toISOString().slice(0, 10);
  return cell === null ? '' : String(cell).trim();
}

/** One spreadsheet cell as the value the record has, or what is wrong with it. */
function convertCell(column: Column, cell: Cell): Converted {
  const text = cellText(cell);
  const isList = column.kind === 'list';
  if (text === '') return { value: isList ? [] : null };
  const wrong = (nb: string, en: string): Converted => ({
    problem: message(`«${column.name}»: ${nb} (fikk «${text.slice(0, 60)}»).`, `"${column.name}": ${en} (got "${text.slice(0, 60)}").`),
  });
  switch (column.kind) {
    case 'text': {
      const unsafe = importedTextProblem(text, column.name);
      return unsafe ? { problem: message(unsafe.nb, unsafe.en) } : { value: text };
    }
    case 'integer': {
      const n = typeof cell === 'number' ? cell : /^-?\d+$/.test(text) ? Number(text) : Number.NaN;
      return Number.isInteger(n) ? { value: n } : wrong('skal være et heltall', 'must be a whole number');
    }
    case 'number': {
      const n = typeof cell === 'number' ? cell : /^-?\d+([.,]\d+)?$/.test(text) ? Number(text.replace(',', '.')) : Number.NaN;
      return Number.isFinite(n) ? { value: n } : wrong('skal være et tall', 'must be a number');
    }
    case 'date': {
      if (cell instanceof Date) return { value: `${cell.getUTCFullYear()}-${pad(cell.getUTCMonth() + 1)}-${pad(cell.getUTCDate())}` };
      const norwegian = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(text);
      const iso = norwegian ? `${norwegian[3]}-${pad(Number(norwegian[2]))}-${pad(Number(norwegian[1]))}` : text;
      return /^\d{4}-\d{2}-\d{2}$/.test(iso) && isRealDate(iso)
        ? { value: iso }
        : wrong('skal være en dato ÅÅÅÅ-MM-DD eller DD.MM.ÅÅÅÅ', 'must be a date YYYY-MM-DD or DD.MM.YYYY');
    }
    case 'list':
      return {
        value: text
          .split('|')
          .map((part) => part.trim())
          .filter((part) => part !== ''),
      };
    case 'weeklyTimes':
    case 'openingHours': {
      const times = [];
      for (const part of text.split('|').map((p) => p.trim())) {
        if (part === '') continue;
        const match = /^([1-7])\s+(\d{1,2}[:.]\d{2})\s*[-–]\s*(\d{1,2}[:.]\d{2})$/.exec(part);
        if (!match) {
          return wrong(
            'skal være tider som «1 09:00-15:00 | 3 10:00-12:00» (ukedag 1–7, fra–til)',
            'must be times like "1 09:00-15:00 | 3 10:00-12:00" (weekday 1–7, from–to)',
          );
        }
        const time = (t: string) => t.replace('.', ':').padStart(5, '0');
        const [, weekday, start, end] = match;
        times.push(
          column.kind === 'weeklyTimes'
            ? { weekday: Number(weekday), from: time(start!), to: time(end!) }
            : { weekday: Number(weekday), opens: time(start!), closes: time(end!) },
        );
      }
      return { value: times.length === 0 ? null : times };
    }
  }
}

/** Checks a record against its schema: each column with a problem gets one, with the reason. */
function checkRecord(entity: PlacesEntity, row: number, record: Record<string, unknown>, problems: ImportProblem[]): boolean {
  const seen = new Set<string>();
  // A NUL character cannot be stored in PostgreSQL text: a problem here, not an error there.
  for (const [column, value] of Object.entries(record)) {
    if (JSON.stringify(value ?? null).includes('\\u0000')) {
      seen.add(column);
      problems.push(
        problem(entity, row, column, message(`«${column}» inneholder et NUL-tegn (\\0).`, `"${column}" contains a NUL character (\\0).`)),
      );
    }
  }
  for (const error of Value.Errors(recordSchemas[entity], record)) {
    const column = error.instancePath.split('/')[1] || null;
    const key = column ?? '';
    if (seen.has(key)) continue;
    seen.add(key);
    if (error.schemaPath.endsWith('/additionalProperties') || (column === null && error.keyword === 'additionalProperties')) {
      const names = column ? [column] : ((error.params as { additionalProperties?: string[] }).additionalProperties ?? []);
      for (const name of names.filter((n) => n === column || !seen.has(n))) {
        seen.add(name);
        problems.push(
          problem(
            entity,
            row,
            name,
            message(
              `Ukjent felt «${name}». Feltene for ${entityNouns[entity].nb} er: ${columns[entity].map((c) => c.name).join(', ')}.`,
              `Unknown field "${name}". The fields for ${entityNouns[entity].en} are: ${columns[entity].map((c) => c.name).join(', ')}.`,
            ),
          ),
        );
      }
      continue;
    }
    if (column === null && error.keyword === 'required') {
      const missing = (error.params as { requiredProperties?: string[] }).requiredProperties ?? [];
      for (const name of missing) {
        seen.add(name);
        problems.push(problem(entity, row, name, message(`«${name}» mangler.`, `"${name}" is missing.`)));
      }
      continue;
    }
    const value = column ? record[column] : record;
    problems.push(
      problem(
        entity,
        row,
        column,
        value === null || value === undefined || (Array.isArray(value) && value.length === 0 && error.keyword !== 'type')
          ? message(`«${column}» må fylles ut.`, `"${column}" must be filled in.`)
          : message(
              `Ugyldig verdi i «${column}»: ${JSON.stringify(value).slice(0, 80)} (${error.message}). Se docs/formats/places.md for lovlige verdier.`,
              `Invalid value in "${column}": ${JSON.stringify(value).slice(0, 80)} (${error.message}). See docs/formats/places.md for the allowed values.`,
            ),
      ),
    );
  }
  return seen.size === 0;
}

export interface Table {
  entity: PlacesEntity;
  header: Cell[];
  headerRow: number;
  rows: { row: number; cells: Cell[] }[];
}

/** The rows of one sheet or CSV file as records; problems by row and column. */
export function readTable<E extends PlacesEntity>(table: Table & { entity: E }, problems: ImportProblem[]): ParsedRow<E>[] {
  const { entity } = table;
  const known = new Map(columns[entity].map((column) => [column.name.toLowerCase(), column]));
  const at: { index: number; column: Column }[] = [];
  const found = new Set<string>();
  table.header.forEach((cell, index) => {
    const name = cellText(cell);
    if (name === '') return;
    const column = known.get(name.toLowerCase());
    if (!column) {
      problems.push(
        problem(
          entity,
          table.headerRow,
          name,
          message(
            `Ukjent kolonne «${name}». Kolonnene for ${entityNouns[entity].nb} er: ${columns[entity].map((c) => c.name).join(', ')}.`,
            `Unknown column "${name}". The columns for ${entityNouns[entity].en} are: ${columns[entity].map((c) => c.name).join(', ')}.`,
          ),
        ),
      );
      return;
    }
    if (found.has(column.name)) {
      problems.push(
        problem(entity, table.headerRow, column.name, message(`Kolonnen «${name}» står to ganger.`, `The column "${name}" appears twice.`)),
      );
      return;
    }
    found.add(column.name);
    at.push({ index, column });
  });
  for (const column of columns[entity]) {
    if (column.required && !found.has(column.name)) {
      problems.push(
        problem(
          entity,
          table.headerRow,
          column.name,
          message(`Kolonnen «${column.name}» mangler.`, `The column "${column.name}" is missing.`),
        ),
      );
    }
  }
  const parsed: ParsedRow<E>[] = [];
  for (const { row, cells } of table.rows) {
    if (cells.every((cell) => cellText(cell) === '')) continue;
    const record: Record<string, unknown> = {};
    let valid = true;
    for (const column of columns[entity]) record[column.name] = column.kind === 'list' ? [] : null;
    const given: string[] = [];
    for (const { index, column } of at) {
      const cell = cells[index] ?? null;
      const intent = cellIntent(cell);
      if (intent === 'leave') continue;
      if (intent === 'clear') {
        if (column.required) {
          problems.push(problem(entity, row, column.name, cannotClear(column.name)));
          valid = false;
          record[column.name] = undefined;
        } else given.push(column.name);
        continue;
      }
      given.push(column.name);
      const converted = convertCell(column, cell);
      if ('problem' in converted) {
        problems.push(problem(entity, row, column.name, converted.problem));
        valid = false;
        record[column.name] = undefined;
      } else record[column.name] = converted.value;
    }
    // Columns already reported are left out of the schema check (one problem per cell).
    const checked = Object.fromEntries(Object.entries(record).filter(([, v]) => v !== undefined));
    const reported = new Set(
      Object.entries(record)
        .filter(([, v]) => v === undefined)
        .map(([k]) => k),
    );
    const own: ImportProblem[] = [];
    checkRecord(entity, row, checked, own);
    const kept = own.filter((p) => !(p.column && reported.has(p.column)));
    problems.push(...kept);
    if (kept.length > 0) valid = false;
    parsed.push({ row, record: record as unknown as PlacesRecords[E], given, valid });
  }
  return parsed;
}

function cannotClear(column: string): LocalisedMessage {
  return message(
    `«${column}» kan ikke tømmes (${clearMarker}): den må ha en verdi.`,
    `"${column}" cannot be cleared (${clearMarker}): it must have a value.`,
  );
}

/**
 * The items of one JSON list as records. A field left out, null or "" is left as it is (null, or an
 * empty list, in the record); "(tøm)" clears it.
 */
export function readJsonRecords<E extends PlacesEntity>(entity: E, items: unknown[], problems: ImportProblem[]): ParsedRow<E>[] {
  return items.map((item, index) => {
    const row = index + 1;
    if (typeof item !== 'object' || item === null || Array.isArray(item)) {
      problems.push(problem(entity, row, null, message('Elementet skal være et objekt.', 'The item must be an object.')));
      return { row, record: {} as PlacesRecords[E], given: [], valid: false };
    }
    const record: Record<string, unknown> = {};
    const given: string[] = [];
    const own: ImportProblem[] = [];
    for (const column of columns[entity]) record[column.name] = column.kind === 'list' ? [] : null;
    for (const [name, value] of Object.entries(item)) {
      const intent = cellIntent(value);
      if (intent === 'leave') continue;
      const column = columns[entity].find((c) => c.name === name);
      if (intent === 'clear') {
        if (column?.required) own.push(problem(entity, row, name, cannotClear(name)));
        else if (column) given.push(name);
        else record[name] = value;
        continue;
      }
      given.push(name);
      record[name] = value;
    }
    const cleared = new Set(own.map((p) => p.column));
    const checked = Object.fromEntries(Object.entries(record).filter(([name]) => !cleared.has(name)));
    const found: ImportProblem[] = [];
    checkRecord(entity, row, checked, found);
    own.push(...found.filter((p) => !(p.column && cleared.has(p.column))));
    const valid = own.length === 0;
    problems.push(...own);
    return { row, record: record as unknown as PlacesRecords[E], given, valid };
  });
}

/** The key a row is known by, for duplicates and the plan. */
export function recordKey(entity: PlacesEntity, record: Record<string, unknown>): string {
  switch (entity) {
    case 'districts':
      return String(record.number);
    case 'coverage':
      return `${String(record.serviceKey)}/${String(record.districtNumber)}${record.validFrom ? `/${String(record.validFrom)}` : ''}`;
    default:
      return String(record.key);
  }
}

/** The same key twice in one file is refused: which row should win is not for us to guess. */
export function checkDuplicates(parsed: ParsedImport): void {
  for (const entity of placesEntities) {
    const seen = new Map<string, number>();
    for (const row of parsed.sections[entity] ?? []) {
      const key = recordKey(entity, row.record as unknown as Record<string, unknown>);
      const first = seen.get(key);
      if (first === undefined) {
        seen.set(key, row.row);
        continue;
      }
      row.valid = false;
      const column = entity === 'districts' ? 'number' : entity === 'coverage' ? 'serviceKey' : 'key';
      parsed.problems.push(
        problem(
          entity,
          row.row,
          column,
          message(
            `«${key}» står to ganger i filen (også på rad ${first}). Hver nøkkel kan bare stå én gang.`,
            `"${key}" appears twice in the file (also on row ${first}). Each key may appear only once.`,
          ),
        ),
      );
    }
  }
}

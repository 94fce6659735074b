import { Type, type Static, type TSchema } from 'typebox';
import { cellIntent, importedTextProblem } from '../../../../kernel/index.js';
import {
  importMaxRows,
  type ImportEntity,
  type ImportFormat,
  type ImportProblem,
  type LocalisedMessage,
} from '../../import-export.schemas.js';
import { classifications, IsoDate, lineTypes, roleTypes, unitKinds } from '../../organisation.schemas.js';

// The organisation's exchange format (docs/formats/organisation.md): one record type per entity,
// the same field names as JSON properties, CSV columns and XLSX columns. Units, positions and
// people are identified by their external `key`; assignments by person, position and start; lines
// by type, both positions and start. This file holds the format's TypeBox schema (what an export
// writes), the column definitions every reader uses, and the conversion of one cell to a value.

const nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
const Key = Type.String({ minLength: 1, maxLength: 100, pattern: '^[A-Za-z0-9][A-Za-z0-9._:-]*$' });
const Text = (maxLength: number) => Type.String({ minLength: 1, maxLength });

export const UnitRecord = Type.Object(
  {
    key: Key,
    name: Text(200),
    kind: Type.Enum(unitKinds),
    level: Type.Integer({ minimum: 1, maximum: 5 }),
    parentKey: nullable(Key),
    classification: Type.Enum(classifications),
    nameKnown: Type.Boolean(),
    hrUnitId: nullable(Text(100)),
    ansvarNumber: nullable(Text(100)),
    organisationNumber: nullable(Text(100)),
    kostraFunction: nullable(Text(100)),
    districts: Type.Array(Type.Integer({ minimum: 1, maximum: 99 })),
    source: nullable(Text(1000)),
    note: nullable(Text(4000)),
  },
  { additionalProperties: false },
);
export type UnitRecord = Static<typeof UnitRecord>;

export const PositionRecord = Type.Object(
  {
    key: Key,
    title: Text(200),
    unitKey: Key,
    roleType: Type.Enum(roleTypes),
    personnelResponsibility: Type.Boolean(),
    professionallyIndependent: Type.Boolean(),
    fte: nullable(Type.Number({ minimum: 0.01, maximum: 1000 })),
    // Optional: files written before cost centres existed still read (a missing column leaves it as is).
    costCentre: Type.Optional(nullable(Text(100))),
    source: nullable(Text(1000)),
    note: nullable(Text(4000)),
  },
  { additionalProperties: false },
);
export type PositionRecord = Static<typeof PositionRecord>;

export const PersonRecord = Type.Object(
  { key: Key, name: Text(200), synthetic: Type.Boolean(), source: nullable(Text(1000)) },
  { additionalProperties: false },
);
export type PersonRecord = Static<typeof PersonRecord>;

export const AssignmentRecord = Type.Object(
  {
    personKey: Key,
    positionKey: Key,
    fte: Type.Number({ minimum: 0.01, maximum: 1 }),
    validFrom: IsoDate,
    validTo: nullable(IsoDate),
    source: nullable(Text(1000)),
  },
  { additionalProperties: false },
);
export type AssignmentRecord = Static<typeof AssignmentRecord>;

export const LineRecord = Type.Object(
  {
    type: Type.Enum(lineTypes),
    fromPositionKey: Key,
    toPositionKey: Key,
    validFrom: IsoDate,
    validTo: nullable(IsoDate),
    source: nullable(Text(1000)),
    note: nullable(Text(4000)),
  },
  { additionalProperties: false },
);
export type LineRecord = Static<typeof LineRecord>;

export const formatName = 'knutepunkt-organisation';
export const formatVersion = 1;

/** What an export writes and an import reads (JSON). An import may leave out fields: see the docs. */
export const OrganisationFile = Type.Object(
  {
    format: Type.Literal(formatName),
    version: Type.Literal(formatVersion),
    asOf: IsoDate,
    municipality: Type.Optional(Type.Object({ name: Type.String(), number: Type.String() })),
    scenario: Type.Optional(
      nullable(Type.Object({ id: Type.String(), name: Type.String(), effectiveDate: IsoDate, status: Type.String() })),
    ),
    units: Type.Array(UnitRecord),
    positions: Type.Array(PositionRecord),
    people: Type.Array(PersonRecord),
    assignments: Type.Array(AssignmentRecord),
    lines: Type.Array(LineRecord),
  },
  { additionalProperties: false },
);
export type OrganisationFile = Static<typeof OrganisationFile>;

export interface EntityRecords {
  units: UnitRecord;
  positions: PositionRecord;
  people: PersonRecord;
  assignments: AssignmentRecord;
  lines: LineRecord;
}

// ---------------------------------------------------------------------------------------------
// Columns

export type ColumnType =
  | { type: 'key' }
  | { type: 'text'; max: number }
  | { type: 'enum'; values: readonly string[] }
  | { type: 'integer'; min: number; max: number }
  | { type: 'boolean' }
  | { type: 'decimal'; min: number; max: number }
  | { type: 'date' }
  | { type: 'districts' };

export interface Column {
  name: string;
  type: ColumnType;
  /** Identifies the row: must be there in every row. */
  identity?: boolean;
  /** Needed when the row creates a new unit, position or person. */
  toCreate?: boolean;
  /** May be emptied (null); otherwise an empty cell means "leave as it is" (or the default). */
  nullable?: boolean;
  description: LocalisedMessage;
}

const key = (name: string, nb: string, en: string, identity = true): Column => ({
  name,
  type: { type: 'key' },
  identity,
  description: { nb, en },
});
const text = (name: string, max: number, nb: string, en: string, extra: Partial<Column> = {}): Column => ({
  name,
  type: { type: 'text', max },
  nullable: true,
  description: { nb, en },
  ...extra,
});
const source = text('source', 1000, 'Kilde (dokument, side, system).', 'Source (document, page, system).');
const note = text('note', 4000, 'Merknad.', 'Note.');
const validFrom: Column = {
  name: 'validFrom',
  type: { type: 'date' },
  description: {
    nb: 'Første dag (ÅÅÅÅ-MM-DD eller DD.MM.ÅÅÅÅ). Tom: importdatoen, og raden gjelder det som holder den dagen.',
    en: 'First day (YYYY-MM-DD or DD.MM.YYYY). Empty: the import date, and the row means what holds that day.',
  },
};
const validTo: Column = {
  name: 'validTo',
  type: { type: 'date' },
  nullable: true,
  description: {
    nb: 'Første dag det ikke lenger gjelder (ikke siste dag). Tom: uten slutt.',
    en: 'First day it no longer holds (not the last day). Empty: open-ended.',
  },
};

export const columns: Record<ImportEntity, Column[]> = {
  units: [
    key(
      'key',
      'Enhetens eksterne nøkkel (for eksempel enhets-ID fra HR-systemet).',
      'The unit’s external key (e.g. the HR system’s unit id).',
    ),
    text('name', 200, 'Navn.', 'Name.', { nullable: false, toCreate: true }),
    { name: 'kind', type: { type: 'enum', values: unitKinds }, toCreate: true, description: { nb: 'Type enhet.', en: 'Kind of unit.' } },
    {
      name: 'level',
      type: { type: 'integer', min: 1, max: 5 },
      toCreate: true,
      description: { nb: 'Nivå 1–5 (oppgitt, ikke beregnet).', en: 'Declared level 1–5.' },
    },
    {
      ...key('parentKey', 'Nøkkelen til enheten den ligger under. Tom: øverst.', 'The key of the unit above. Empty: at the top.', false),
      nullable: true,
    },
    {
      name: 'classification',
      type: { type: 'enum', values: classifications },
      toCreate: true,
      description: { nb: 'Tjenesteyting, stab/støtte eller administrasjon.', en: 'Service, staff/support or administration.' },
    },
    {
      name: 'nameKnown',
      type: { type: 'boolean' },
      description: { nb: 'Er navnet kjent? Standard: true.', en: 'Is the name known? Default: true.' },
    },
    text('hrUnitId', 100, 'Enhetens ID i HR-systemet.', 'The unit’s id in the HR system.'),
    text('ansvarNumber', 100, 'Ansvarsnummer i økonomisystemet.', 'Responsibility (ansvar) number in the finance system.'),
    text('organisationNumber', 100, 'Organisasjonsnummer.', 'Organisation number.'),
    text('kostraFunction', 100, 'KOSTRA-funksjon.', 'KOSTRA function.'),
    {
      name: 'districts',
      type: { type: 'districts' },
      description: { nb: 'Kommunedeler (1–99), skilt med mellomrom eller komma.', en: 'Districts (1–99), separated by spaces or commas.' },
    },
    source,
    note,
  ],
  positions: [
    key('key', 'Stillingens eksterne nøkkel.', 'The position’s external key.'),
    text('title', 200, 'Stillingstittel.', 'Title.', { nullable: false, toCreate: true }),
    { ...key('unitKey', 'Nøkkelen til enheten stillingen ligger i.', 'The key of the unit the position is in.', false), toCreate: true },
    { name: 'roleType', type: { type: 'enum', values: roleTypes }, toCreate: true, description: { nb: 'Rolle.', en: 'Role type.' } },
    {
      name: 'personnelResponsibility',
      type: { type: 'boolean' },
      description: { nb: 'Personalansvar. Standard: false.', en: 'Personnel responsibility. Default: false.' },
    },
    {
      name: 'professionallyIndependent',
      type: { type: 'boolean' },
      description: { nb: 'Faglig selvstendig. Standard: false.', en: 'Professionally independent. Default: false.' },
    },
    {
      name: 'fte',
      type: { type: 'decimal', min: 0.01, max: 1000 },
      nullable: true,
      description: {
        nb: 'Stillingens størrelse i årsverk (komma eller punktum, høyst to desimaler).',
        en: 'The post’s size in FTE (comma or point, at most two decimals).',
      },
    },
    text('costCentre', 100, 'Ansvaret (koststedet) stillingen lønnes fra.', 'The cost centre (ansvar) the post is paid from.'),
    source,
    note,
  ],
  people: [
    key('key', 'Personens eksterne nøkkel (for eksempel ansattnummer).', 'The person’s external key (e.g. employee number).'),
    text('name', 200, 'Navn.', 'Name.', { nullable: false, toCreate: true }),
    {
      name: 'synthetic',
      type: { type: 'boolean' },
      description: { nb: 'Oppdiktet person (demo). Standard: false.', en: 'Fictitious person (demo). Default: false.' },
    },
    source,
  ],
  assignments: [
    key('personKey', 'Personens nøkkel.', 'The person’s key.'),
    key('positionKey', 'Stillingens nøkkel.', 'The position’s key.'),
    {
      name: 'fte',
      type: { type: 'decimal', min: 0.01, max: 1 },
      description: { nb: 'Stillingsandel 0,01–1. Standard: 1.', en: 'Share of a full-time post 0.01–1. Default: 1.' },
    },
    validFrom,
    validTo,
    source,
  ],
  lines: [
    { name: 'type', type: { type: 'enum', values: lineTypes }, identity: true, description: { nb: 'Linjetype.', en: 'Line type.' } },
    key('fromPositionKey', 'Stillingen som rapporterer.', 'The position that reports.'),
    key('toPositionKey', 'Stillingen det rapporteres til.', 'The position reported to.'),
    validFrom,
    validTo,
    source,
    note,
  ],
};

export const entityLabels: Record<ImportEntity, LocalisedMessage> = {
  units: { nb: 'enheter', en: 'units' },
  positions: { nb: 'stillinger', en: 'positions' },
  people: { nb: 'personer', en: 'people' },
  assignments: { nb: 'tilknytninger', en: 'assignments' },
  lines: { nb: 'linjer', en: 'lines' },
};

/** Worksheet names an XLSX import recognises, besides the entity names themselves. */
const sheetAliases: Record<string, ImportEntity> = {
  enheter: 'units',
  stillinger: 'positions',
  personer: 'people',
  tilknytninger: 'assignments',
  linjer: 'lines',
  rapporteringslinjer: 'lines',
};

export function entityOfSheet(name: string): ImportEntity | null {
  const normal = name.trim().toLocaleLowerCase('nb');
  if ((Object.keys(columns) as ImportEntity[]).includes(normal as ImportEntity)) return normal as ImportEntity;
  return sheetAliases[normal] ?? null;
}

// ---------------------------------------------------------------------------------------------
// A file read into rows

/** One row of the file: only the columns the file has are in `values`; an absent one means "leave as it is". */
export interface ParsedRow {
  row: number;
  sheet: string | null;
  values: Record<string, unknown>;
  /** A cell of this row could not be read; the row takes part in no comparison. */
  invalid: boolean;
}

export interface ParsedImport {
  format: ImportFormat;
  fileName: string;
  /** The date the file describes (JSON `asOf`), if it says. */
  asOf: string | null;
  sections: Partial<Record<ImportEntity, ParsedRow[]>>;
  problems: ImportProblem[];
  ignoredSheets: string[];
}

export type Cell = string | number | boolean | Date | null | undefined;

export const message = (nb: string, en: string): LocalisedMessage => ({ nb, en });

export function problemAt(
  file: string,
  entity: ImportEntity | null,
  sheet: string | null,
  row: number | null,
  column: string | null,
  msg: LocalisedMessage,
): ImportProblem {
  return { file, sheet, entity, row, column, message: msg };
}

/**
 * A sheet or CSV file (a header row and data rows of cells) as parsed rows. Header names match the
 * columns whatever their case; unknown, repeated and missing identity columns are problems.
 */
export function readTable(
  input: {
    file: string;
    entity: ImportEntity;
    sheet: string | null;
    header: Cell[];
    headerRow: number;
    rows: { row: number; cells: Cell[] }[];
  },
  problems: ImportProblem[],
): ParsedRow[] {
  const { file, entity, sheet } = input;
  const defs = columns[entity];
  const at = (row: number | null, column: string | null, msg: LocalisedMessage) =>
    problems.push(problemAt(file, entity, sheet, row, column, msg));
  const byIndex: (Column | null)[] = [];
  const seen = new Set<string>();
  input.header.forEach((raw, index) => {
    const name = cellText(raw).trim();
    if (name === '') {
      byIndex[index] = null;
      return;
    }
    const def = defs.find((d) => d.name.toLowerCase() === name.toLowerCase());
    if (!def) {
      at(
        input.headerRow,
        name,
        message(
          `Ukjent kolonne «${name}». Kolonnene for ${entityLabels[entity].nb} er: ${defs.map((d) => d.name).join(', ')}.`,
          `Unknown column "${name}". The columns for ${entityLabels[entity].en} are: ${defs.map((d) => d.name).join(', ')}.`,
        ),
      );
      byIndex[index] = null;
      return;
    }
    if (seen.has(def.name)) {
      at(input.headerRow, def.name, message(`Kolonnen «${def.name}» står to ganger.`, `The column "${def.name}" appears twice.`));
      byIndex[index] = null;
      return;
    }
    seen.add(def.name);
    byIndex[index] = def;
  });
  const missing = defs.filter((d) => d.identity && !seen.has(d.name));
  for (const def of missing) {
    at(
      input.headerRow,
      def.name,
      message(`Kolonnen «${def.name}» mangler. Den må være med.`, `The column "${def.name}" is missing. It is required.`),
    );
  }
  if (missing.length > 0) return [];

  const width = input.header.length;
  const parsed: ParsedRow[] = [];
  for (const { row, cells } of input.rows) {
    if (cells.every((c) => cellText(c).trim() === '')) continue;
    let invalid = false;
    if (cells.length > width && cells.slice(width).some((c) => cellText(c).trim() !== '')) {
      at(
        row,
        null,
        message(
          `Raden har flere verdier (${cells.length}) enn overskriftsraden har kolonner (${width}).`,
          `The row has more values (${cells.length}) than the header has columns (${width}).`,
        ),
      );
      invalid = true;
    }
    const values: Record<string, unknown> = {};
    byIndex.forEach((def, index) => {
      if (!def) return;
      const result = convertCell(def, cells[index], 'text');
      if ('problem' in result) {
        at(row, def.name, result.problem);
        invalid = true;
      } else if (result.value !== undefined) values[def.name] = result.value;
    });
    parsed.push({ row, sheet, values, invalid });
  }
  return parsed;
}

/** One JSON array of records as parsed rows (row = position in the array, from 1). */
export function readJsonRecords(file: string, entity: ImportEntity, items: unknown[], problems: ImportProblem[]): ParsedRow[] {
  const defs = columns[entity];
  const parsed: ParsedRow[] = [];
  items.forEach((item, index) => {
    const row = index + 1;
    const at = (column: string | null, msg: LocalisedMessage) => problems.push(problemAt(file, entity, entity, row, column, msg));
    if (typeof item !== 'object' || item === null || Array.isArray(item)) {
      at(null, message('Raden er ikke et JSON-objekt.', 'The row is not a JSON object.'));
      return;
    }
    let invalid = false;
    const values: Record<string, unknown> = {};
    for (const [name, raw] of Object.entries(item)) {
      const def = defs.find((d) => d.name === name);
      if (!def) {
        at(name, message(`Ukjent felt «${name}».`, `Unknown field "${name}".`));
        invalid = true;
        continue;
      }
      const result = convertCell(def, raw, 'json');
      if ('problem' in result) {
        at(name, result.problem);
        invalid = true;
      } else if (result.value !== undefined) values[name] = result.value;
    }
    for (const def of defs) {
      if (def.identity && !(def.name in values) && !(def.name in (item as object))) {
        at(def.name, message(`Feltet «${def.name}» mangler. Det må være med.`, `The field "${def.name}" is missing. It is required.`));
        invalid = true;
      }
    }
    parsed.push({ row, sheet: entity, values, invalid });
  });
  return parsed;
}

export function assertRowLimit(total: number, fail: (msg: LocalisedMessage) => never): void {
  if (total > importMaxRows) {
    fail(
      message(
        `Filen har ${total} rader. En import kan ha høyst ${importMaxRows}; del den opp.`,
        `The file has ${total} rows. An import takes at most ${importMaxRows}; split it up.`,
      ),
    );
  }
}

// ---------------------------------------------------------------------------------------------
// One cell

type Converted = { value: unknown } | { problem: LocalisedMessage };

export function cellText(cell: unknown): string {
  if (cell === null || cell === undefined) return '';
  if (cell instanceof Date) return isoOfDate(cell);
  return String(cell);
}

function isoOfDate(date: Date): string {
  return Number.isNaN(date.getTime()) ? '' : date.toISOString().slice(0, 10);
}

/**
 * A cell as the column's value. `text`: a CSV or spreadsheet cell, read as a person would write it
 * ("ja", "0,5", "01.02.2020"). `json`: the JSON types exactly. Returns `undefined` as the value for
 * an empty cell that means "leave as it is".
 */
export function convertCell(column: Column, raw: unknown, mode: 'text' | 'json'): Converted {
  const t = column.type;
  // One rule with places (kernel/import/empty-cells.ts): an empty cell leaves the value; «(tøm)» clears it.
  const intent = cellIntent(raw);
  if (intent !== 'value') {
    if (column.identity) return { problem: message(`«${column.name}» må fylles ut.`, `"${column.name}" must be filled in.`) };
    if (intent === 'clear') {
      if (t.type === 'districts') return { value: [] };
      if (column.nullable) return { value: null };
      return { problem: message(`«${column.name}» kan ikke tømmes.`, `"${column.name}" cannot be cleared.`) };
    }
    if (column.toCreate && t.type === 'text')
      return { problem: message(`«${column.name}» kan ikke være tom.`, `"${column.name}" cannot be empty.`) };
    return { value: undefined };
  }
  const wrongType = (expected: LocalisedMessage): Converted => ({
    problem: message(
      `«${column.name}» skal være ${expected.nb}, ikke ${describe(raw)}.`,
      `"${column.name}" must be ${expected.en}, not ${describe(raw)}.`,
    ),
  });

  switch (t.type) {
    case 'key': {
      if (mode === 'json' && typeof raw !== 'string') return wrongType(message('tekst', 'text'));
      const value = cellText(raw).trim();
      if (value.length > 100 || !/^[A-Za-z0-9][A-Za-z0-9._:-]*$/.test(value)) {
        return {
          problem: message(
            `«${value}» er ikke en gyldig nøkkel: høyst 100 tegn, bare A–Z, a–z, 0–9 og . _ : - (ikke æ, ø, å eller mellomrom), og første tegn er en bokstav eller et siffer.`,
            `"${value}" is not a valid key: at most 100 characters, only A–Z, a–z, 0–9 and . _ : - (no spaces), starting with a letter or digit.`,
          ),
        };
      }
      return { value };
    }
    case 'text': {
      if (mode === 'json' && typeof raw !== 'string') return wrongType(message('tekst', 'text'));
      const value = cellText(raw).trim();
      if (value.length > t.max)
        return {
          problem: message(
            `«${column.name}» er for lang (${value.length} tegn, høyst ${t.max}).`,
            `"${column.name}" is too long (${value.length} characters, at most ${t.max}).`,
          ),
        };
      const unsafe = importedTextProblem(value, column.name);
      return unsafe ? { problem: message(unsafe.nb, unsafe.en) } : { value };
    }
    case 'enum': {
      if (mode === 'json' && typeof raw !== 'string') return wrongType(message('tekst', 'text'));
      const value = cellText(raw).trim();
      const found =
        t.values.find((v) => v === value) ?? (mode === 'text' ? t.values.find((v) => v.toLowerCase() === value.toLowerCase()) : undefined);
      if (!found) {
        return {
          problem: message(
            `«${value}» er ikke en gyldig verdi for «${column.name}». Gyldige verdier: ${t.values.join(', ')}.`,
            `"${value}" is not a valid value for "${column.name}". Valid values: ${t.values.join(', ')}.`,
          ),
        };
      }
      return { value: found };
    }
    case 'integer': {
      const value =
        mode === 'json'
          ? typeof raw === 'number'
            ? raw
            : NaN
          : typeof raw === 'number'
            ? raw
            : /^-?\d+$/.test(cellText(raw).trim())
              ? Number(cellText(raw).trim())
              : NaN;
      if (!Number.isInteger(value)) return wrongType(message('et heltall', 'a whole number'));
      if (value < t.min || value > t.max)
        return {
          problem: message(
            `«${column.name}» skal være fra ${t.min} til ${t.max}, ikke ${value}.`,
            `"${column.name}" must be from ${t.min} to ${t.max}, not ${value}.`,
          ),
        };
      return { value };
    }
    case 'boolean': {
      if (typeof raw === 'boolean') return { value: raw };
      if (mode === 'json') return wrongType(message('true eller false', 'true or false'));
      const text = cellText(raw).trim().toLowerCase();
      if (['true', 'ja', 'yes', '1', 'sann'].includes(text)) return { value: true };
      if (['false', 'nei', 'no', '0', 'usann'].includes(text)) return { value: false };
      return wrongType(message('true/false eller ja/nei', 'true/false or yes/no'));
    }
    case 'decimal': {
      let value: number;
      if (typeof raw === 'number') value = raw;
      else if (mode === 'json') return wrongType(message('et tall', 'a number'));
      else {
        const text = cellText(raw).trim().replace(',', '.');
        value = /^\d+(\.\d+)?$/.test(text) ? Number(text) : NaN;
      }
      if (!Number.isFinite(value)) return wrongType(message('et tall', 'a number'));
      if (Math.abs(Math.round(value * 100) - value * 100) > 1e-6) {
        return {
          problem: message(
            `«${column.name}» kan ha høyst to desimaler (${value}).`,
            `"${column.name}" may have at most two decimals (${value}).`,
          ),
        };
      }
      if (value < t.min || value > t.max) {
        return {
          problem: message(
            `«${column.name}» skal være fra ${formatDecimal(t.min)} til ${formatDecimal(t.max)}, ikke ${formatDecimal(value)}.`,
            `"${column.name}" must be from ${t.min} to ${t.max}, not ${value}.`,
          ),
        };
      }
      return { value: Math.round(value * 100) / 100 };
    }
    case 'date': {
      const value = mode === 'json' ? (typeof raw === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(raw) ? raw : null) : readDate(raw);
      if (value === null || !isRealDate(value)) {
        return {
          problem: message(
            `«${cellText(raw)}» i «${column.name}» er ikke en gyldig dato. Skriv ÅÅÅÅ-MM-DD${mode === 'text' ? ' eller DD.MM.ÅÅÅÅ' : ''}.`,
            `"${cellText(raw)}" in "${column.name}" is not a valid date. Write YYYY-MM-DD${mode === 'text' ? ' or DD.MM.YYYY' : ''}.`,
          ),
        };
      }
      return { value };
    }
    case 'districts': {
      let list: unknown[];
      if (Array.isArray(raw)) list = raw;
      else if (mode === 'json') return wrongType(message('en liste med tall', 'a list of numbers'));
      else if (typeof raw === 'number') list = [raw];
      else
        list = cellText(raw)
          .trim()
          .split(/[\s,;|]+/)
          .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
      if (!list.every((d) => typeof d === 'number' && Number.isInteger(d) && d >= 1 && d <= 99)) {
        return {
          problem: message(
            `«${column.name}» skal være kommunedelsnumre fra 1 til 99.`,
            `"${column.name}" must be district numbers from 1 to 99.`,
          ),
        };
      }
      const numbers = list as number[];
      if (new Set(numbers).size !== numbers.length)
        return { problem: message(`«${column.name}» har samme kommunedel to ganger.`, `"${column.name}" lists a district twice.`) };
      return { value: [...numbers].sort((a, b) => a - b) };
    }
  }
}

function describe(raw: unknown): string {
  if (typeof raw === 'string') return `«${raw.length > 40 ? `${raw.slice(0, 40)}…` : raw}»`;
  if (Array.isArray(raw)) return 'en liste';
  if (raw instanceof Date) return isoOfDate(raw);
  if (typeof raw === 'object') return 'et objekt';
  return String(raw);
}

function formatDecimal(value: number): string {
  return String(value).replace('.', ',');
}

/** YYYY-MM-DD, D.M.YYYY, a spreadsheet date cell or a spreadsheet day number, as YYYY-MM-DD. */
function readDate(raw: unknown): string | null {
  if (raw instanceof Date) return isoOfDate(raw) || null;
  if (typeof raw === 'number') {
    // A date cell whose format was lost: days since 30 December 1899 (the spreadsheet epoch).
    if (!Number.isInteger(raw) || raw < 1 || raw > 2_958_465) return null;
    return new Date(Date.UTC(1899, 11, 30) + raw * 86_400_000).toISOString().slice(0, 10);
  }
  const text = cellText(raw).trim();
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return text;
  const norwegian = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(text);
  if (norwegian) return `${norwegian[3]}-${norwegian[2]!.padStart(2, '0')}-${norwegian[1]!.padStart(2, '0')}`;
  return null;
}

export function isRealDate(value: string): boolean {
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

// ---------------------------------------------------------------------------------------------
// Writing: a record's fields as cells

/** The cells of a record in column order, for CSV (`text`) or XLSX (`xlsx`: numbers and booleans stay typed). */
export function recordCells(
  entity: ImportEntity,
  record: Record<string, unknown>,
  mode: 'csv' | 'xlsx',
): (string | number | boolean | null)[] {
  return columns[entity].map((column) => {
    const value = record[column.name];
    if (value === null || value === undefined) return null;
    if (column.type.type === 'districts') return (value as number[]).join(' ') || null;
    if (column.type.type === 'decimal') return mode === 'csv' ? formatDecimal(value as number) : (value as number);
    if (mode === 'csv' && typeof value === 'boolean') return value ? 'true' : 'false';
    return value as string | number | boolean;
  });
}

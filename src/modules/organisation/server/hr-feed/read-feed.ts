import { CsvError, decodeUtf8, parseCsv } from '../../../../kernel/index.js';
import type { HrFeedFormat } from '../../hr-feed.schemas.js';
import { importMaxRows, type ImportProblem, type LocalisedMessage } from '../../import-export.schemas.js';
import { message } from '../import-export/organisation-format.js';
import { JsonFileError, readJsonFile } from '../import-export/parse-json.js';
import { mapVismaRow, vismaColumns, vismaHeader, type VismaField } from './visma-mapping.js';

// A file from the HR system as the feed's people and assignments, each with the row it came from.
// Two formats: the organisation's own import format as JSON (its people and assignments lists;
// docs/formats/organisation.md) and a Visma Enterprise HRM export as CSV (visma-mapping.ts).

export interface FeedPerson {
  row: number;
  sheet: string | null;
  key: string;
  name: string;
  /** The photo's file name in the photo folder; null: none; undefined: the file has no photo column. */
  photo?: string | null;
  /** Contact details (hr-feed-contacts.ts); null: none; undefined: the file has no such column. */
  email?: string | null;
  phone?: string | null;
}

export interface FeedAssignment {
  row: number;
  sheet: string | null;
  personKey: string;
  positionKey: string;
  /** The unit the HR system places the employment in (Visma's Organisasjonsenhet); null in the organisation format. */
  unitKey: string | null;
  fte: number;
  /** Null: from the feed date (the organisation format's «the one that holds on the import date»). */
  validFrom: string | null;
  validTo: string | null;
}

export interface HrFeed {
  format: HrFeedFormat;
  fileName: string;
  people: FeedPerson[];
  assignments: FeedAssignment[];
  /** The file has the photo column: the photos it names are the whole set (hr-feed-photos.ts). */
  photoColumn?: boolean;
  /** The file has the e-mail or phone column: those values are the whole set (hr-feed-contacts.ts). */
  contactColumns?: { email: boolean; phone: boolean };
  /** Cells and rows that could not be read; the feed is refused when there are any. */
  problems: ImportProblem[];
}

/** A file that cannot be read at all (not UTF-8, not JSON, no known columns): the run fails. */
export class FeedFileError extends Error {
  constructor(
    readonly userMessage: LocalisedMessage,
    readonly tooLarge = false,
  ) {
    super(userMessage.en);
    this.name = 'FeedFileError';
  }
}

/** Reads the file in whichever of the two formats it is: JSON when it starts with `{`, otherwise CSV. */
export function readFeed(bytes: Uint8Array, fileName: string): HrFeed {
  try {
    const text = decodeUtf8(bytes);
    if (text.trimStart().startsWith('{')) return readOrganisationJson(bytes, fileName);
    return readVismaCsv(text, fileName);
  } catch (error) {
    if (error instanceof CsvError || error instanceof JsonFileError) throw new FeedFileError(error.userMessage, error.tooLarge);
    throw error;
  }
}

function readOrganisationJson(bytes: Uint8Array, fileName: string): HrFeed {
  const parsed = readJsonFile(bytes, fileName);
  const problems = [...parsed.problems];
  for (const entity of ['people', 'assignments'] as const) {
    if (!parsed.sections[entity]) {
      problems.push({
        file: fileName,
        sheet: null,
        entity,
        row: null,
        column: entity,
        message: message(
          `HR-filen må ha listen «${entity}»: den er hele listen over ${entity === 'people' ? 'personer' : 'tilknytninger'} fra HR-systemet.`,
          `The HR file must have the list "${entity}": it is the HR system's whole list of ${entity}.`,
        ),
      });
    }
  }
  const people: FeedPerson[] = [];
  for (const row of parsed.sections.people ?? []) {
    if (row.invalid) continue;
    if (typeof row.values.name !== 'string') {
      problems.push({
        file: fileName,
        sheet: row.sheet,
        entity: 'people',
        row: row.row,
        column: 'name',
        message: message(
          '«name» må fylles ut: HR-filen gir hver persons navn.',
          '"name" must be filled in: the HR file gives every person’s name.',
        ),
      });
      continue;
    }
    people.push({ row: row.row, sheet: row.sheet, key: row.values.key as string, name: row.values.name });
  }
  const assignments: FeedAssignment[] = [];
  for (const row of parsed.sections.assignments ?? []) {
    if (row.invalid) continue;
    const v = row.values;
    assignments.push({
      row: row.row,
      sheet: row.sheet,
      personKey: v.personKey as string,
      positionKey: v.positionKey as string,
      unitKey: null,
      fte: (v.fte as number | undefined) ?? 1,
      validFrom: (v.validFrom as string | undefined) ?? null,
      validTo: (v.validTo as string | null | undefined) ?? null,
    });
  }
  return { format: 'organisation-json', fileName, people, assignments, photoColumn: false, problems };
}

function readVismaCsv(text: string, fileName: string): HrFeed {
  const records = parseCsv(text);
  const [header, ...rows] = records;
  if (!header || header.fields.every((f) => f.trim() === '')) {
    throw new FeedFileError(message('Filen er tom: den har ingen overskriftsrad.', 'The file is empty: it has no header row.'));
  }
  if (rows.length > importMaxRows) {
    throw new FeedFileError(
      message(
        `Filen har ${rows.length} rader; HR-innlesingen tar høyst ${importMaxRows}.`,
        `The file has ${rows.length} rows; the HR feed takes at most ${importMaxRows}.`,
      ),
      true,
    );
  }
  const { index, missing } = vismaHeader(header.fields);
  if (missing.length > 0) {
    throw new FeedFileError(
      message(
        `CSV-filen mangler kolonnene ${missing.map((c) => `«${c}»`).join(', ')}. HR-innlesingen venter kolonnene ${Object.values(vismaColumns).join(', ')} (docs/hr-feed.md); for organisasjonens eget format, send JSON.`,
        `The CSV file lacks the columns ${missing.map((c) => `"${c}"`).join(', ')}. The HR feed expects the columns ${Object.values(vismaColumns).join(', ')} (docs/hr-feed.md); for the organisation's own format, send JSON.`,
      ),
    );
  }
  const problems: ImportProblem[] = [];
  const people: FeedPerson[] = [];
  const assignments: FeedAssignment[] = [];
  for (const { row, fields } of rows) {
    if (fields.every((f) => f.trim() === '')) continue;
    const cells: Partial<Record<VismaField, string>> = {};
    for (const [field, at] of Object.entries(index) as [VismaField, number][]) cells[field] = fields[at] ?? '';
    const mapped = mapVismaRow(cells);
    if (Array.isArray(mapped)) {
      for (const p of mapped)
        problems.push({ file: fileName, sheet: null, entity: 'assignments', row, column: p.column, message: p.message });
      continue;
    }
    const optional = (field: 'photo' | 'email' | 'phone') =>
      index[field] === undefined ? {} : { [field]: (cells[field] ?? '').trim() || null };
    people.push({
      row,
      sheet: null,
      key: mapped.personKey,
      name: mapped.name,
      ...optional('photo'),
      ...optional('email'),
      ...optional('phone'),
    });
    assignments.push({
      row,
      sheet: null,
      personKey: mapped.personKey,
      positionKey: mapped.positionKey,
      unitKey: mapped.unitKey,
      fte: mapped.fte,
      validFrom: mapped.validFrom,
      validTo: mapped.validTo,
    });
  }
  return {
    format: 'visma-csv',
    fileName,
    people,
    assignments,
    photoColumn: index.photo !== undefined,
    contactColumns: { email: index.email !== undefined, phone: index.phone !== undefined },
    problems,
  };
}

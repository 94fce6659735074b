import type { LocalisedMessage } from '../../import-export.schemas.js';
import { addDays } from '../dated-versions.js';
import { convertCell, isRealDate, message, type Column } from '../import-export/organisation-format.js';

// A Visma Enterprise HRM export (CSV, semicolons, one row per employment) read as the HR feed's
// people and assignments. The column names are the ones we expect in such an export; they are not
// taken from Visma's documentation, so they live in one object (`vismaColumns`) that a
// municipality whose export names them otherwise changes in one place (docs/hr-feed.md).

/** The expected column of each field. Names are matched without regard to case or surrounding spaces. */
export const vismaColumns = {
  employeeNumber: 'Ansattnummer',
  name: 'Navn',
  positionKey: 'Stillingsnummer',
  unitKey: 'Organisasjonsenhet',
  percent: 'Stillingsprosent',
  from: 'Fra dato',
  to: 'Til dato',
  // Optional: a file name in the photo folder (docs/hr-feed.md «Bilder»); an empty cell: no photo.
  photo: 'Bilde',
  // Optional: contact details for the person card; an empty cell: none.
  email: 'E-post',
  phone: 'Telefon',
} as const;
export type VismaField = keyof typeof vismaColumns;
export type VismaColumns = Record<VismaField, string>;

/** Fields a row cannot do without. `Til dato` may be empty (open-ended); the rest must be there. */
const required: VismaField[] = ['employeeNumber', 'name', 'positionKey', 'unitKey', 'percent', 'from'];

/** One employment as the feed reads it: a person and the position they hold. */
export interface VismaEmployment {
  personKey: string;
  name: string;
  positionKey: string;
  unitKey: string;
  fte: number;
  validFrom: string;
  /** Exclusive (the first day no longer held): `Til dato` is the last day worked, so the day after. */
  validTo: string | null;
}

export interface VismaProblem {
  column: string;
  message: LocalisedMessage;
}

/** Which column index holds each field; the fields whose column is missing from the header. */
export function vismaHeader(
  header: string[],
  columns: VismaColumns = vismaColumns,
): { index: Partial<Record<VismaField, number>>; missing: string[] } {
  const normal = header.map((h) => h.trim().toLowerCase());
  const index: Partial<Record<VismaField, number>> = {};
  const missing: string[] = [];
  for (const field of Object.keys(columns) as VismaField[]) {
    const at = normal.indexOf(columns[field].toLowerCase());
    if (at >= 0) index[field] = at;
    else if (field === 'to' || required.includes(field)) missing.push(columns[field]);
  }
  return { index, missing };
}

const keyColumn = (name: string): Column => ({ name, type: { type: 'key' }, identity: true, description: { nb: '', en: '' } });
const nameColumn = (name: string): Column => ({ name, type: { type: 'text', max: 200 }, description: { nb: '', en: '' } });

/** D.M.YYYY or YYYY-MM-DD as YYYY-MM-DD; null when it is neither or no real day. */
function readDate(text: string): string | null {
  const iso = /^\d{4}-\d{2}-\d{2}$/.test(text) ? text : null;
  const norwegian = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(text);
  const value = iso ?? (norwegian ? `${norwegian[3]}-${norwegian[2]!.padStart(2, '0')}-${norwegian[1]!.padStart(2, '0')}` : null);
  return value !== null && isRealDate(value) ? value : null;
}

/**
 * One row of the export (cells by field) as an employment, or the problems of its cells. Pure.
 * `Stillingsprosent` 0–100 («100», «50,5») becomes the share 0.01–1; `Til dato` is read as the last
 * day of the employment, so the assignment ends (exclusively) the day after.
 */
export function mapVismaRow(
  cells: Partial<Record<VismaField, string>>,
  columns: VismaColumns = vismaColumns,
): VismaEmployment | VismaProblem[] {
  const problems: VismaProblem[] = [];
  const text = (field: VismaField) => (cells[field] ?? '').trim();
  for (const field of required) {
    if (text(field) === '')
      problems.push({
        column: columns[field],
        message: message(`«${columns[field]}» må fylles ut.`, `"${columns[field]}" must be filled in.`),
      });
  }
  const key = (field: 'employeeNumber' | 'positionKey' | 'unitKey') => {
    if (text(field) === '') return '';
    const result = convertCell(keyColumn(columns[field]), text(field), 'text');
    if ('problem' in result) problems.push({ column: columns[field], message: result.problem });
    return 'value' in result ? (result.value as string) : '';
  };
  const personKey = key('employeeNumber');
  const positionKey = key('positionKey');
  const unitKey = key('unitKey');
  let name = '';
  if (text('name') !== '') {
    const result = convertCell(nameColumn(columns.name), text('name'), 'text');
    if ('problem' in result) problems.push({ column: columns.name, message: result.problem });
    else name = result.value as string;
  }

  let fte = 0;
  if (text('percent') !== '') {
    const raw = text('percent').replace(/\s*%$/, '').replace(',', '.');
    const percent = /^\d+(\.\d+)?$/.test(raw) ? Number(raw) : NaN;
    if (!Number.isFinite(percent) || percent <= 0 || percent > 100) {
      problems.push({
        column: columns.percent,
        message: message(
          `«${text('percent')}» i «${columns.percent}» skal være et tall over 0 og høyst 100.`,
          `"${text('percent')}" in "${columns.percent}" must be a number above 0 and at most 100.`,
        ),
      });
    } else fte = Math.max(0.01, Math.round(percent) / 100);
  }

  const date = (field: 'from' | 'to') => {
    if (text(field) === '') return null;
    const value = readDate(text(field));
    if (value === null) {
      problems.push({
        column: columns[field],
        message: message(
          `«${text(field)}» i «${columns[field]}» er ikke en gyldig dato. Skriv DD.MM.ÅÅÅÅ eller ÅÅÅÅ-MM-DD.`,
          `"${text(field)}" in "${columns[field]}" is not a valid date. Write DD.MM.YYYY or YYYY-MM-DD.`,
        ),
      });
    }
    return value;
  };
  const validFrom = date('from');
  const lastDay = date('to');
  const validTo = lastDay === null ? null : addDays(lastDay, 1);
  if (validFrom !== null && lastDay !== null && lastDay < validFrom) {
    problems.push({
      column: columns.to,
      message: message(
        `«${columns.to}» (${lastDay}) er før «${columns.from}» (${validFrom}).`,
        `"${columns.to}" (${lastDay}) is before "${columns.from}" (${validFrom}).`,
      ),
    });
  }
  if (problems.length > 0) return problems;
  return { personKey, name, positionKey, unitKey, fte, validFrom: validFrom!, validTo };
}

// Importing an indicator's values from CSV: columns period;value and optionally unit (an
// organisation unit's key), district (kommunedel 1–10) or region (SSB's code). Every problem is
// reported by row and column at once; nothing is written unless the whole file is good.
import { AppError, CsvError, decodeUtf8, parseCsv, recordAudit, type WriteContext } from '../../../../kernel/index.js';
import type { ImportProblem, ImportSummary, Localised } from '../../imports.schemas.js';
import { norwegianToday, parsePeriod } from '../indicators/periods.js';
import { unknownIndicator } from './import-jsonstat.js';
import { isOwnCode } from './jsonstat-rows.js';
import {
  finishImport,
  findIndicator,
  importExists,
  insertImport,
  unitsByKey,
  upsertValues,
  type ImportsDb,
  type ValueToWrite,
} from './imports.queries.js';

const columnNames: Record<string, 'period' | 'value' | 'unit' | 'district' | 'region'> = {
  period: 'period',
  periode: 'period',
  value: 'value',
  verdi: 'value',
  unit: 'unit',
  enhet: 'unit',
  district: 'district',
  kommunedel: 'district',
  region: 'region',
};

const at = (row: number | null, column: string | null, nb: string, en: string): ImportProblem => ({ row, column, message: { nb, en } });

/** A number as Norwegians write it: '7,1', '1 200,5', '-3.25'. */
export function readNumber(text: string): number | null {
  const cleaned = text.replace(/[\s\u00a0\u202f]/g, '').replace(',', '.');
  if (!/^-?\d+(\.\d+)?$/.test(cleaned)) return null;
  const value = Number(cleaned);
  return Number.isFinite(value) ? value : null;
}

/** Checks the whole file; returns the values to write or every problem. */
export async function checkCsv(
  db: ImportsDb,
  bytes: Uint8Array,
  frequency: 'month' | 'tertial' | 'year',
): Promise<{ values: ValueToWrite[]; problems: ImportProblem[] }> {
  let records: { row: number; fields: string[] }[];
  try {
    records = parseCsv(decodeUtf8(bytes));
  } catch (error) {
    if (error instanceof CsvError) return { values: [], problems: [{ row: error.row, column: null, message: error.userMessage }] };
    throw error;
  }
  records = records.filter((r) => r.fields.some((f) => f.trim() !== ''));
  const header = records.shift();
  if (!header) return { values: [], problems: [at(null, null, 'Filen er tom.', 'The file is empty.')] };
  const problems: ImportProblem[] = [];
  const columns = header.fields.map((f) => columnNames[f.trim().toLowerCase()] ?? null);
  header.fields.forEach((f, k) => {
    if (!columns[k] && f.trim() !== '')
      problems.push(
        at(
          header.row,
          f,
          `Ukjent kolonne «${f}». Bruk period, value og eventuelt unit, district eller region.`,
          `Unknown column “${f}”. Use period, value and optionally unit, district or region.`,
        ),
      );
  });
  for (const required of ['period', 'value'] as const) {
    if (!columns.includes(required))
      problems.push(at(header.row, required, `Kolonnen «${required}» mangler.`, `The column “${required}” is missing.`));
  }
  if (problems.length > 0) return { values: [], problems };
  if (records.length === 0)
    return {
      values: [],
      problems: [at(null, null, 'Filen har ingen verdier under overskriftene.', 'The file has no values below the headings.')],
    };

  const field = (fields: string[], name: string) => {
    const k = columns.indexOf(name as never);
    return k >= 0 ? (fields[k] ?? '').trim() : '';
  };
  const unitKeys = [...new Set(records.map((r) => field(r.fields, 'unit')).filter(Boolean))];
  const units = await unitsByKey(db, unitKeys);
  const today = norwegianToday();
  const values: ValueToWrite[] = [];
  const seen = new Map<string, number>();
  for (const { row, fields } of records) {
    if (fields.length > header.fields.length)
      problems.push(
        at(
          row,
          null,
          `Raden har ${fields.length} felt, men overskriften har ${header.fields.length}.`,
          `The row has ${fields.length} fields, but the heading has ${header.fields.length}.`,
        ),
      );
    const periodText = field(fields, 'period');
    const period = parsePeriod(periodText, frequency, today);
    if (!period.ok) problems.push({ row, column: 'period', message: period.message });
    const valueText = field(fields, 'value');
    const value = readNumber(valueText);
    if (value === null) problems.push(at(row, 'value', `«${valueText}» er ikke et tall.`, `“${valueText}” is not a number.`));
    const unitKey = field(fields, 'unit');
    const unitId = unitKey ? units.get(unitKey) : null;
    if (unitKey && !unitId)
      problems.push(at(row, 'unit', `Fant ingen enhet med nøkkelen «${unitKey}».`, `There is no unit with the key “${unitKey}”.`));
    const districtText = field(fields, 'district');
    const district = districtText ? Number(districtText) : null;
    if (districtText && !(Number.isInteger(district) && district! >= 1 && district! <= 10))
      problems.push(
        at(row, 'district', `Kommunedel «${districtText}» finnes ikke; bruk 1–10.`, `District “${districtText}” does not exist; use 1–10.`),
      );
    let region: string | null = field(fields, 'region') || null;
    if (region && !/^[A-Za-z0-9_.-]{1,40}$/.test(region))
      problems.push(at(row, 'region', `«${region}» er ikke en regionkode.`, `“${region}” is not a region code.`));
    if (region && isOwnCode(region)) region = null; // Drammen's own number: the municipality's own value
    const targets = [unitKey, districtText, region].filter(Boolean).length;
    if (targets > 1)
      problems.push(at(row, null, 'Oppgi bare én av enhet, kommunedel og region.', 'Give only one of unit, district and region.'));
    if (period.ok && value !== null) {
      const key = `${period.period.text}|${unitId ?? ''}|${district ?? ''}|${region ?? ''}`;
      const earlier = seen.get(key);
      if (earlier !== undefined)
        problems.push(
          at(
            row,
            'period',
            `Samme periode og mottaker står allerede på rad ${earlier}.`,
            `The same period and target are already on row ${earlier}.`,
          ),
        );
      seen.set(key, row);
      values.push({ period: period.period.text, unitId: unitId ?? null, district: districtText ? district : null, region, value });
    }
  }
  return { values, problems };
}

export async function importCsv(
  db: ImportsDb,
  context: WriteContext,
  input: { indicatorKey: string; fileName: string; bytes: Uint8Array; id?: string | undefined },
): Promise<string> {
  const indicator = await findIndicator(db, input.indicatorKey);
  if (!indicator) throw unknownIndicator(input.indicatorKey);
  const userId = context.actor?.userId ?? null;
  if (!userId) throw new AppError('unauthenticated');
  if (input.id && (await importExists(db, input.id)))
    throw new AppError('conflict', { message: { nb: 'Importen finnes allerede.', en: 'The import already exists.' } });
  const importId = await insertImport(db, {
    id: input.id,
    kind: 'indicator_csv',
    fileName: input.fileName,
    bytesTotal: input.bytes.length,
    createdBy: userId,
    indicatorId: indicator.id,
  });
  const { values, problems } = await checkCsv(db, input.bytes, indicator.frequency);
  if (problems.length > 0) {
    await finishImport(db, importId, { status: 'failed', bytesDone: input.bytes.length, rowsWritten: 0, problems, summary: null });
    const first: Localised = problems[0]!.message;
    throw new AppError('invalid', {
      message: {
        nb: `Filen har ${problems.length} ${problems.length === 1 ? 'feil' : 'feil'}; ingenting er lagret. Første: ${first.nb}`,
        en: `The file has ${problems.length} ${problems.length === 1 ? 'problem' : 'problems'}; nothing was saved. First: ${first.en}`,
      },
      details: { importId, problems },
    });
  }
  const periods = [...new Set(values.map((v) => v.period))].sort();
  const regionCodes = [...new Set(values.map((v) => v.region).filter((r): r is string => r !== null))];
  const summary: ImportSummary = {
    regions: regionCodes.map((code) => ({ code, label: code })),
    periods,
    nullValues: 0,
    contentsCode: null,
  };
  await db.transaction().execute(async (trx) => {
    const t = trx as unknown as ImportsDb;
    const written = await upsertValues(t, indicator.id, 'csv', importId, userId, values);
    await finishImport(t, importId, { status: 'done', bytesDone: input.bytes.length, rowsWritten: written, problems: [], summary });
    await recordAudit(t as unknown as Parameters<typeof recordAudit>[0], context, {
      action: 'import',
      entityType: 'st_indicator',
      entityId: indicator.id,
      after: { importId, kind: 'indicator_csv', fileName: input.fileName, rows: written, periods },
    });
  });
  return importId;
}

// Importing a JSON-stat 2 file (from SSB's statistics API) into an indicator's values: the request
// body is read as a stream through the JSON-stat reader, progress is recorded as it goes, and the
// values are written all or nothing in one transaction.
import { AppError, recordAudit, type WriteContext } from '../../../../kernel/index.js';
import { jsonStatMaxBytes, type ImportProblem, type ImportSummary } from '../../imports.schemas.js';
import { norwegianToday } from '../indicators/periods.js';
import { JsonStatError, JsonStatReader, type Localised } from './jsonstat.js';
import { planImport, rowsOf, type Plan } from './jsonstat-rows.js';
import {
  finishImport,
  findIndicator,
  importExists,
  insertImport,
  updateProgress,
  upsertRegions,
  upsertValues,
  type ImportsDb,
} from './imports.queries.js';

export interface JsonStatImportInput {
  indicatorKey: string;
  contentsCode?: string | undefined;
  regions?: string[] | undefined;
  fileName: string;
  /** From the Content-Length header; 0 when unknown. */
  bytesTotal: number;
  body: AsyncIterable<Buffer | Uint8Array | string>;
  /** A client-chosen id, so the page can follow the progress while the upload runs. */
  id?: string | undefined;
  maxBytes?: number;
  /** How often progress is written (ms). */
  progressEvery?: number;
}

export function tooLarge(maxBytes: number): AppError {
  const mb = Math.round(maxBytes / 1024 / 1024);
  return new AppError('payload_too_large', {
    message: {
      nb: `Filen er større enn grensen på ${mb} MB. Last ned et mindre utvalg fra SSB (færre regioner, år eller statistikkvariabler).`,
      en: `The file is larger than the limit of ${mb} MB. Download a smaller selection from SSB (fewer regions, years or statistics variables).`,
    },
  });
}

export const unknownIndicator = (key: string) =>
  new AppError('not_found', {
    message: { nb: `Fant ingen indikator med nøkkelen «${key}».`, en: `There is no indicator with the key “${key}”.` },
  });

const problem = (message: Localised): ImportProblem => ({ row: null, column: null, message });

export async function importJsonStat(db: ImportsDb, context: WriteContext, input: JsonStatImportInput): Promise<string> {
  const maxBytes = input.maxBytes ?? jsonStatMaxBytes;
  const indicator = await findIndicator(db, input.indicatorKey);
  if (!indicator) throw unknownIndicator(input.indicatorKey);
  if (input.bytesTotal > maxBytes) throw tooLarge(maxBytes);
  if (input.id && (await importExists(db, input.id)))
    throw new AppError('conflict', { message: { nb: 'Importen finnes allerede.', en: 'The import already exists.' } });
  const userId = context.actor?.userId ?? null;
  if (!userId) throw new AppError('unauthenticated');
  const importId = await insertImport(db, {
    id: input.id,
    kind: 'jsonstat',
    fileName: input.fileName,
    bytesTotal: input.bytesTotal,
    createdBy: userId,
    indicatorId: indicator.id,
  });

  let bytesDone = 0;
  let progress: Promise<void> = Promise.resolve();
  try {
    let plan: Plan | undefined;
    const reader = new JsonStatReader({
      select: (meta) =>
        (plan = planImport(meta, {
          frequency: indicator.frequency,
          contentsCode: input.contentsCode ?? indicator.ssb_contents_code,
          ssbTable: indicator.ssb_table,
          regions: input.regions ?? null,
          today: norwegianToday(),
        })).selection,
    });
    const decoder = new TextDecoder('utf-8', { fatal: true });
    let lastWrite = Date.now();
    const every = input.progressEvery ?? 1000;
    try {
      for await (const chunk of input.body) {
        const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
        bytesDone += bytes.length;
        if (bytesDone > maxBytes) throw tooLarge(maxBytes);
        reader.write(decoder.decode(bytes, { stream: true }));
        if (Date.now() - lastWrite >= every) {
          lastWrite = Date.now();
          const done = bytesDone;
          // Progress goes outside the values' transaction, one write at a time, never failing the import.
          progress = progress.then(() => updateProgress(db, importId, done).catch(() => {}));
        }
      }
      reader.write(decoder.decode());
    } catch (error) {
      if (error instanceof TypeError && /decode|encoded|utf/i.test(error.message)) {
        throw new JsonStatError({
          nb: 'Filen er ikke lagret som UTF-8. Last ned filen på nytt fra SSB som JSON-stat 2.',
          en: 'The file is not saved as UTF-8. Download the file again from SSB as JSON-stat 2.',
        });
      }
      throw error;
    }
    if (bytesDone === 0) throw new JsonStatError({ nb: 'Filen er tom.', en: 'The file is empty.' });
    const result = reader.end();
    const { rows, regions, periods } = rowsOf(result, plan!);
    if (rows.length === 0) {
      throw new JsonStatError({
        nb: 'Filen har ingen verdier for indikatoren (alle er tomme eller utenfor utvalget).',
        en: 'The file has no values for the indicator (all are empty or outside the selection).',
      });
    }
    await progress;
    const summary: ImportSummary = {
      regions: regions.map((r) => ({ code: r.code, label: r.label })),
      periods,
      nullValues: result.nullCount,
      contentsCode: plan!.contentsCode,
    };
    await db.transaction().execute(async (trx) => {
      const t = trx as unknown as ImportsDb;
      await upsertRegions(t, regions);
      const written = await upsertValues(
        t,
        indicator.id,
        'jsonstat',
        importId,
        userId,
        rows.map((r) => ({ period: r.period, unitId: null, district: null, region: r.region, value: r.value })),
      );
      await finishImport(t, importId, { status: 'done', bytesDone, rowsWritten: written, problems: [], summary });
      await recordAudit(t as unknown as Parameters<typeof recordAudit>[0], context, {
        action: 'import',
        entityType: 'st_indicator',
        entityId: indicator.id,
        after: { importId, kind: 'jsonstat', fileName: input.fileName, rows: written, periods, regions: regions.map((r) => r.code) },
      });
    });
    return importId;
  } catch (error) {
    await progress;
    const message: Localised =
      error instanceof JsonStatError
        ? error.userMessage
        : error instanceof AppError
          ? { nb: error.messageFor('nb'), en: error.messageFor('en') }
          : { nb: 'Importen stoppet på grunn av en feil.', en: 'The import stopped because of an error.' };
    await finishImport(db, importId, { status: 'failed', bytesDone, rowsWritten: 0, problems: [problem(message)], summary: null }).catch(
      () => {},
    );
    if (error instanceof JsonStatError)
      throw new AppError('invalid', { message: error.userMessage, details: { importId, problems: [problem(error.userMessage)] } });
    throw error;
  }
}

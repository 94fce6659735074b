// Reading an uploaded XLSX workbook for every module's imports. An XLSX file is a zip: its unpacked
// size is checked first (a small upload can unpack to gigabytes), then it is unpacked and parsed in
// a worker thread (worker.ts) with a time and a memory limit, so the server keeps answering while
// exceljs works, and the memory it took is given back when the worker exits.
import type { LocalisedText } from './csv.js';
import { runInWorker, WorkerLimitError, type WorkerLimits } from './worker.js';
import { unpackedZipSize } from './zip.js';

/**
 * What a workbook may unpack to: 32 MiB. The built-in organisation exported as XLSX unpacks to
 * 0.22 MB for 583 rows (about 385 bytes a row), so a workbook at the organisation's limit of 50 000
 * rows is about 19 MB; 32 MiB leaves room for wider text (docs/formats/organisation.md, places.md).
 */
export const xlsxMaxUnpackedBytes = 32 * 1024 * 1024;

/** The worker's limits: a 28 MB workbook took 20 s in the worker on a busy 2-core machine, well within both. */
export const xlsxWorkerLimits: WorkerLimits = { timeoutMs: 60_000, maxMemoryMb: 768 };

export type XlsxCell = string | number | boolean | Date | null;

/** Each sheet in workbook order, with its non-empty rows by spreadsheet row number (1 = the first). */
export type XlsxWorkbookRows = { name: string; rows: { row: number; cells: XlsxCell[] }[] }[];

/** A workbook that cannot be read: the message for its user; `tooLarge` for a 413. */
export class XlsxUploadError extends Error {
  constructor(
    readonly userMessage: LocalisedText,
    readonly tooLarge = false,
  ) {
    super(userMessage.en);
    this.name = 'XlsxUploadError';
  }
}

const notXlsx: LocalisedText = {
  nb: 'Filen er ikke en gyldig Excel-arbeidsbok (XLSX). Lagre den som «Excel-arbeidsbok (*.xlsx)» og prøv igjen; eldre .xls-filer kan ikke leses.',
  en: 'The file is not a valid Excel workbook (XLSX). Save it as "Excel Workbook (*.xlsx)" and try again; older .xls files cannot be read.',
};

const mib = (bytes: number) => Math.round(bytes / 1024 / 1024);

// The compiled .js in production, the .ts source under tsx and Vitest.
const workerEntry = new URL(`./xlsx-worker${import.meta.url.endsWith('.ts') ? '.ts' : '.js'}`, import.meta.url);

/** The sheets of an uploaded workbook, read off the event loop; refused with XlsxUploadError. */
export async function readXlsxUpload(
  bytes: Uint8Array,
  options: { maxUnpackedBytes?: number; limits?: WorkerLimits } = {},
): Promise<XlsxWorkbookRows> {
  const maxUnpackedBytes = options.maxUnpackedBytes ?? xlsxMaxUnpackedBytes;
  const unpacked = unpackedZipSize(bytes);
  if (unpacked === null) throw new XlsxUploadError(notXlsx);
  if (unpacked > maxUnpackedBytes) {
    throw new XlsxUploadError(
      {
        nb: `Arbeidsboken er for stor når den pakkes ut (${mib(unpacked)} MiB, høyst ${mib(maxUnpackedBytes)} MiB). Del den i flere filer.`,
        en: `The workbook is too large when unpacked (${mib(unpacked)} MiB, at most ${mib(maxUnpackedBytes)} MiB). Split it into several files.`,
      },
      true,
    );
  }
  let sheets: XlsxWorkbookRows | null;
  try {
    // A copy: the upload's buffer may be a slice of a larger one that the worker should not get.
    sheets = await runInWorker<XlsxWorkbookRows | null>(workerEntry, { bytes: Uint8Array.from(bytes) }, options.limits ?? xlsxWorkerLimits);
  } catch (error) {
    if (!(error instanceof WorkerLimitError)) throw error;
    throw new XlsxUploadError(
      error.limit === 'time'
        ? {
            nb: 'Arbeidsboken tok for lang tid å lese, og lesingen ble stoppet. Del den i flere filer.',
            en: 'The workbook took too long to read, and reading was stopped. Split it into several files.',
          }
        : {
            nb: 'Arbeidsboken trenger for mye minne for å leses, og lesingen ble stoppet. Del den i flere filer.',
            en: 'The workbook needs too much memory to read, and reading was stopped. Split it into several files.',
          },
      true,
    );
  }
  if (sheets === null) throw new XlsxUploadError(notXlsx);
  return sheets;
}

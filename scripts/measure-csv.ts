// Measures the kernel's CSV writer and reader (src/kernel/export/table-export.ts, src/kernel/import/csv.ts)
// against csv-stringify and csv-parse, for docs/decisions/0016-csv.md: the same bytes out (BOM, `;`,
// CRLF, RFC 4180 quoting, decimal comma, formulas neutralised), the same records back, the edge cases
// where they differ, and time on 100 000 rows.
//
// `npx tsx scripts/measure-csv.ts [--rows 100000]`. The libraries are loaded by name at run time, so
// the script still type-checks once they are gone from package.json; to run it then, install them
// first without saving (`npm i --no-save csv-stringify csv-parse`).
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { cellsToCsv, type Cell } from '../src/kernel/export/table-export.js';
import { CsvError, parseCsv, restoreFormulaText } from '../src/kernel/import/csv.js';

type Stringify = (records: unknown[][], options: Record<string, unknown>) => string;
type Parse = (input: string, options: Record<string, unknown>) => unknown[];

const load = async (name: string): Promise<Record<string, unknown> | null> => {
  try {
    return (await import(name)) as Record<string, unknown>;
  } catch {
    return null;
  }
};

// A synthetic table shaped like the exports: codes, names with æøå, amounts, dates, free text
// (sometimes with `;`, quotes, line breaks or a leading formula character), empty cells.
function table(rows: number): Cell[][] {
  const out: Cell[][] = [['id', 'kode', 'navn', 'beløp', 'andel', 'dato', 'kommentar', 'aktiv']];
  const texts = [
    'Bygg og eiendom',
    'Skole; grunnskole',
    'Sa "nei" til forslaget',
    'To\r\nlinjer',
    '=HYPERLINK("x";"y")',
    '-tiltak',
    ' innrykk',
    '',
  ];
  for (let i = 0; i < rows; i += 1) {
    out.push([
      i + 1,
      `K${String(i % 9973).padStart(4, '0')}`,
      `Enhet ${i % 400} Øvre Årnes`,
      ((i * 7919) % 2_000_000) - 1_000_000,
      ((i * 31) % 1000) / 7,
      `2025-${String((i % 12) + 1).padStart(2, '0')}-15`,
      texts[i % texts.length]!,
      i % 3 === 0 ? null : i % 2 === 0,
    ]);
  }
  return out;
}

function time(runs: number, run: () => unknown): { ms: number; result: unknown } {
  let result = run(); // warm-up
  const samples: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const started = performance.now();
    result = run();
    samples.push(performance.now() - started);
  }
  samples.sort((a, b) => a - b);
  return { ms: samples[Math.floor(samples.length / 2)]!, result };
}

/** The kernel's neutralising of a text cell, done in csv-stringify's `cast` so that both write the same. */
const kernelNeutralise = (text: string) => (/^'*[=+\-@\t\r\0\uFF1D\uFF0B\uFF0D\uFF20]/.test(text) ? `'${text}` : text);

async function main() {
  const { values } = parseArgs({ options: { rows: { type: 'string', default: '100000' }, runs: { type: 'string', default: '5' } } });
  const rows = Number(values.rows);
  const runs = Number(values.runs);
  const stringifyModule = await load('csv-stringify/sync');
  const parseModule = await load('csv-parse/sync');
  if (!stringifyModule || !parseModule)
    throw new Error('csv-stringify and csv-parse are not installed: npm i --no-save csv-stringify csv-parse');
  const stringify = stringifyModule.stringify as Stringify;
  const parse = parseModule.parse as Parse;
  const data = table(rows);
  const say = (line: string) => process.stdout.write(`${line}\n`);
  say(`node ${process.version}, ${rows} rows × ${data[0]!.length} columns, median of ${runs} runs`);

  // ---- writing ----
  const kernel = time(runs, () => cellsToCsv(data));
  const kernelText = kernel.result as string;
  const libraryOptions = {
    delimiter: ';',
    bom: true,
    record_delimiter: '\r\n',
    eof: true,
    escape_formulas: true,
    // Some readers trim unquoted fields: quote one that starts or ends with white space, as the kernel does.
    quoted_match: /^\s|\s$/,
    cast: { number: (v: number) => String(v).replace('.', ','), boolean: (v: boolean) => String(v) },
  };
  const library = time(runs, () => stringify(data, libraryOptions));
  const libraryText = library.result as string;
  const sameAsKernel = { ...libraryOptions, escape_formulas: false, cast: { ...libraryOptions.cast, string: kernelNeutralise } };
  const libraryLikeKernel = time(runs, () => stringify(data, sameAsKernel));
  say(`write  kernel cellsToCsv           ${kernel.ms.toFixed(0).padStart(5)} ms  ${(kernelText.length / 1024 / 1024).toFixed(1)} MB`);
  say(
    `write  csv-stringify (own formulas) ${library.ms.toFixed(0).padStart(5)} ms  same bytes as the kernel: ${libraryText === kernelText}`,
  );
  say(
    `write  csv-stringify (kernel cast)  ${libraryLikeKernel.ms.toFixed(0).padStart(5)} ms  same bytes as the kernel: ${libraryLikeKernel.result === kernelText}`,
  );
  if (libraryText !== kernelText) {
    const a = kernelText.split('\r\n');
    const b = libraryText.split('\r\n');
    const at = a.findIndex((line, i) => line !== b[i]);
    say(`         first difference on line ${at + 1}: kernel ${JSON.stringify(a[at])} / csv-stringify ${JSON.stringify(b[at])}`);
  }

  // ---- reading ----
  const body = kernelText.slice(1);
  const kernelRead = time(runs, () => parseCsv(body, ';'));
  const parseOptions = { delimiter: ';', bom: true, relax_quotes: true, relax_column_count: true, info: true };
  const libraryRead = time(runs, () => parse(kernelText, parseOptions));
  const kernelRecords = (kernelRead.result as { row: number; fields: string[] }[]).map((r) => r.fields);
  const libraryRecords = (libraryRead.result as { record: string[] }[]).map((r) => r.record);
  const same = JSON.stringify(kernelRecords) === JSON.stringify(libraryRecords);
  say(`read   kernel parseCsv             ${kernelRead.ms.toFixed(0).padStart(5)} ms  ${kernelRecords.length} records`);
  say(
    `read   csv-parse (info: true)      ${libraryRead.ms.toFixed(0).padStart(5)} ms  ${libraryRecords.length} records, same fields: ${same}`,
  );
  const roundTrip = kernelRecords.every((fields, i) =>
    fields.every((field, k) => {
      const cell = data[i]![k];
      const expected = cell === null || cell === undefined ? '' : typeof cell === 'number' ? String(cell).replace('.', ',') : String(cell);
      return restoreFormulaText(field) === expected;
    }),
  );
  say(`round trip (kernel write → kernel read → restoreFormulaText) gives every cell back: ${roundTrip}`);

  // ---- edge cases ----
  say('\nedge cases (kernel | csv-parse with the options above):');
  const show = (run: () => unknown) => {
    try {
      return JSON.stringify(run());
    } catch (error) {
      return error instanceof CsvError
        ? `refused: ${error.userMessage.nb}`
        : `refused: ${(error as { code?: string }).code ?? ''} ${(error as Error).message}`;
    }
  };
  const cases = ['a;"b"c', 'a;b"c', 'a; "b" ;c', 'a;"b\r\nc"\r\nd;e', 'a;"open', 'a;b\n\nc;d', 'a;b\rc;d', '"a""b";c'];
  for (const text of cases) {
    const ours = show(() => parseCsv(text, ';').map((r) => `${r.row}:${r.fields.join('|')}`));
    const theirs = show(() =>
      (parse(text, parseOptions) as { info: { lines: number }; record: string[] }[]).map((r) => `${r.info.lines}:${r.record.join('|')}`),
    );
    say(`  ${JSON.stringify(text).padEnd(22)} ${ours} | ${theirs}`);
  }
  say('\nformula cells (kernel | csv-stringify escape_formulas):');
  for (const cell of ['=1+1', '-5', "'=1", '\u0000=1', '\uFF1D1+1', ' =1']) {
    say(
      `  ${JSON.stringify(cell).padEnd(12)} ${JSON.stringify(cellsToCsv([[cell]]).slice(1, -2))} | ${JSON.stringify(stringify([[cell]], { delimiter: ';', escape_formulas: true, eof: false }))}`,
    );
  }
  say(
    `  ${'-5 (number)'.padEnd(12)} ${JSON.stringify(cellsToCsv([[-5]]).slice(1, -2))} | ${JSON.stringify(stringify([[-5]], { delimiter: ';', escape_formulas: true, eof: false }))}`,
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});

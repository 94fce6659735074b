// The steering module's JSON-stat import (issue 7, «Measured»: importing a 50 MB JSON-stat file
// with a progress bar, in bounded memory), through the real HTTP API of an in-process Knutepunkt.
//
// The file is synthetic and generated here (every label marked «[Syntetisk]»): a JSON-stat 2
// dataset in SSB's layout (class, version, role, id, size, dimension, extension, value, status) with
// 400 regions (Drammen's 0602 and 3005 and 398 synthetic codes S0001…) × 1 100 content codes ×
// 20 years (2004–2023) = 8.8 million values, about 50 MB. The indicator reads one content code, so
// 8 000 values are written (Drammen's own number by year → the municipality's own values).
// It is streamed from disk over HTTP to POST /api/steering/imports/jsonstat; memory is sampled every
// 20 ms (heap + array buffers, and RSS) to show it stays bounded while 50 MB pass through.
//
// `npx tsx scripts/bench-steering-import.ts [--only embedded|postgres]`; scripts/bench.ts may call
// `benchSteeringImport()`. Not a test: reports against the targets and never fails on them.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { createKnutepunkt } from '../src/app.js';
import { loadConfig, openDatabase } from '../src/kernel/index.js';
import type { ImportsDb } from '../src/modules/steering/server/imports/imports.queries.js';
import { isMainScript, onBackEnds, onlyArgument, postgresSkipped } from './bench-common.js';
import { signIn, type BenchRow, type Session } from './bench-organisation.js';

export const steeringImportBenchSettings = {
  regions: 400,
  contents: 1100,
  years: 20,
  firstYear: 2004,
  /** Target: time for the whole import (s). */
  seconds: 60,
  /** Target: growth of heap + array buffers while importing (MB). */
  memoryMb: 64,
};

type Row = BenchRow;

/** Writes the synthetic dataset; returns its size in bytes. */
export async function writeSyntheticJsonStat(file: string, settings = steeringImportBenchSettings): Promise<number> {
  const regions = ['0602', '3005', ...Array.from({ length: settings.regions - 2 }, (_, i) => `S${String(i + 1).padStart(4, '0')}`)];
  const contents = Array.from({ length: settings.contents }, (_, i) => `SynKode${String(i + 1).padStart(4, '0')}`);
  const years = Array.from({ length: settings.years }, (_, i) => String(settings.firstYear + i));
  const index = (codes: string[]) => JSON.stringify(Object.fromEntries(codes.map((c, i) => [c, i])));
  const labels = (codes: string[], label: (c: string) => string) => JSON.stringify(Object.fromEntries(codes.map((c) => [c, label(c)])));
  const out = fs.createWriteStream(file);
  const write = (text: string) =>
    out.write(text) ? Promise.resolve() : new Promise<void>((resolve) => out.once('drain', () => resolve()));
  await write(
    `{"version":"2.0","class":"dataset","label":"[Syntetisk] Ytelsestest","source":"[Syntetisk] Knutepunkt bench","updated":"2025-01-01T00:00:00Z",` +
      `"role":{"time":["Tid"],"metric":["ContentsCode"],"geo":["Region"]},"id":["Region","ContentsCode","Tid"],"size":[${regions.length},${contents.length},${years.length}],` +
      `"dimension":{"Region":{"label":"region","category":{"index":${index(regions)},"label":${labels(regions, (c) => (c === '0602' || c === '3005' ? 'Drammen' : `[Syntetisk] Region ${c}`))}}},` +
      `"ContentsCode":{"label":"statistikkvariabel","category":{"index":${index(contents)},"label":${labels(contents, (c) => `[Syntetisk] ${c}`)}}},` +
      `"Tid":{"label":"år","category":{"index":${index(years)},"label":${labels(years, (c) => c)}}}},` +
      `"extension":{"px":{"tableid":"99999","language":"no"}},"value":[`,
  );
  const total = regions.length * contents.length * years.length;
  let chunk = '';
  for (let i = 0; i < total; i += 1) {
    const v = (i * 7919) % 10007;
    chunk += (i === 0 ? '' : ',') + (v % 97 === 0 ? 'null' : `${Math.floor(v / 10)}.${v % 10}`);
    if (chunk.length > 1 << 16) {
      await write(chunk);
      chunk = '';
    }
  }
  await write(`${chunk}],"status":{"0":".."}}`);
  await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
  return fs.statSync(file).size;
}

function upload(session: Session, url: string, file: string, size: number): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      `${session.base}${url}`,
      { method: 'POST', headers: { ...session.headers, 'content-type': 'application/json', 'content-length': String(size) } },
      (response) => {
        let body = '';
        response.setEncoding('utf8');
        response.on('data', (c: string) => (body += c));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
      },
    );
    request.on('error', reject);
    fs.createReadStream(file, { highWaterMark: 256 * 1024 }).pipe(request);
  });
}

async function measure(
  backEnd: string,
  env: Record<string, string>,
  file: string,
  size: number,
  log: (line: string) => void,
): Promise<Row[]> {
  const config = loadConfig({ LOG_LEVEL: 'silent', KNUTEPUNKT_MODE: 'demo', HOST: '127.0.0.1', PORT: '0', ...env });
  const database = await openDatabase(config.database);
  const knutepunkt = await createKnutepunkt(config, { database, logger: false, demoPeople: false });
  try {
    const db = database.db as unknown as ImportsDb;
    await db
      .insertInto('st_indicators')
      .values({
        key: 'syntetisk-bench-import',
        name: '[Syntetisk] Ytelsestest for import',
        direction: 'higher',
        frequency: 'year',
        data_source: 'kostra',
        ssb_contents_code: 'SynKode0550',
        synthetic: true,
        source: '[Syntetisk] scripts/bench-steering-import.ts',
      })
      .execute();
    await knutepunkt.app.listen({ host: '127.0.0.1', port: 0 });
    const address = knutepunkt.app.server.address();
    const session = await signIn(knutepunkt, `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`);

    global.gc?.();
    const baseline = process.memoryUsage();
    const baseMemory = baseline.heapUsed + baseline.arrayBuffers;
    const maxRssBefore = process.resourceUsage().maxRSS;
    let peakMemory = baseMemory;
    let peakRss = baseline.rss;
    const sampler = setInterval(() => {
      const m = process.memoryUsage();
      peakMemory = Math.max(peakMemory, m.heapUsed + m.arrayBuffers);
      peakRss = Math.max(peakRss, m.rss);
    }, 20);
    const started = performance.now();
    const id = crypto.randomUUID();
    const answer = await upload(
      session,
      `/api/steering/imports/jsonstat?indicator=syntetisk-bench-import&fileName=bench.json&id=${id}`,
      file,
      size,
    );
    const seconds = (performance.now() - started) / 1000;
    clearInterval(sampler);
    const maxRssAfter = process.resourceUsage().maxRSS;
    if (answer.status !== 201) throw new Error(`import answered ${answer.status}: ${answer.body.slice(0, 400)}`);
    const view = JSON.parse(answer.body) as { rowsWritten: number; bytesDone: number };
    const growthMb = (peakMemory - baseMemory) / 1024 / 1024;
    log(
      `  ${backEnd}: ${(size / 1024 / 1024).toFixed(1)} MB in ${seconds.toFixed(1)} s, ${view.rowsWritten} rows; heap+buffers +${growthMb.toFixed(1)} MB (peak), RSS peak ${(peakRss / 1024 / 1024).toFixed(0)} MB (baseline ${(baseline.rss / 1024 / 1024).toFixed(0)} MB), maxRSS ${Math.round(maxRssBefore / 1024)} → ${Math.round(maxRssAfter / 1024)} MB`,
    );
    return [
      {
        name: `steering: import a ${(size / 1024 / 1024).toFixed(0)} MB JSON-stat file, ${backEnd}`,
        value: Number(seconds.toFixed(2)),
        unit: 's',
        target: { max: steeringImportBenchSettings.seconds },
        note: `${view.rowsWritten} values written of 8.8 M in the file`,
      },
      {
        name: `steering: JSON-stat import, memory growth (heap + array buffers, peak), ${backEnd}`,
        value: Number(growthMb.toFixed(1)),
        unit: 'MB',
        target: { max: steeringImportBenchSettings.memoryMb },
      },
      {
        name: `steering: JSON-stat import, RSS growth (peak − before), ${backEnd}`,
        value: Number(((peakRss - baseline.rss) / 1024 / 1024).toFixed(1)),
        unit: 'MB',
        note: `the file is ${(size / 1024 / 1024).toFixed(1)} MB`,
      },
    ];
  } finally {
    await knutepunkt.app.close();
    await database.close?.();
  }
}

export async function benchSteeringImport(options: { only?: 'embedded' | 'postgres'; log?: (line: string) => void } = {}): Promise<Row[]> {
  const log = options.log ?? (() => {});
  // The file is written once, into the temp folder, before the first back end.
  let written: Promise<{ file: string; size: number }> | undefined;
  const writeFile = async (tmp: string) => {
    const file = path.join(tmp, 'syntetisk-jsonstat.json');
    const started = performance.now();
    const size = await writeSyntheticJsonStat(file);
    log(
      `  generated ${(size / 1024 / 1024).toFixed(1)} MB of synthetic JSON-stat in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
    return { file, size };
  };
  const setup = { prefix: 'kp-bench-st-import-', database: 'kp_bench_st_import', only: options.only };
  const { results, postgresMissing } = await onBackEnds(setup, async (backEnd, env, tmp) => {
    const { file, size } = await (written ??= writeFile(tmp));
    return measure(backEnd, env, file, size, log);
  });
  const rows: Row[] = results.flat();
  if (postgresMissing) rows.push(postgresSkipped('steering: JSON-stat import, PostgreSQL', 'skipped: PostgreSQL is not installed'));
  return rows;
}

if (isMainScript(import.meta.url)) {
  const { values } = parseArgs({ options: { only: { type: 'string' } }, strict: true });
  benchSteeringImport({ only: onlyArgument(values.only), log: (line) => process.stdout.write(`${line}\n`) })
    .then((rows) => {
      for (const row of rows) {
        const limit = row.target?.max !== undefined ? ` (target ≤ ${row.target.max} ${row.unit})` : '';
        process.stdout.write(`${row.name}: ${row.value ?? '–'} ${row.unit}${limit}${row.note ? ` — ${row.note}` : ''}\n`);
      }
    })
    .catch((error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    });
}

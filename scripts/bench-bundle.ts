// The web bundle's figures: the shell's JavaScript (the entry chunk and what index.html loads
// eagerly, gzipped, target ≤ 250 kB) and, gzipped, the chunks each module's pages load beyond it.
// Builds the web app into a temporary folder (dist/web is left alone) and reads rolldown's chunk
// graph: a lazy chunk belongs to a module when only that module's pages load it (statically, from
// their own chunks), to «shared» when pages of several owners do; the shell's own lazy pages (home,
// sign-in, audit log, accessibility) are «shell pages».
//
// `npx tsx scripts/bench-bundle.ts` prints the rows; scripts/bench.ts calls `benchBundle()` for
// `npm run bench -- --only bundle`. Not a test: it reports against the target and never fails on it.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import zlib from 'node:zlib';
import { build } from 'vite';
import type { BenchRow } from './bench-common.js';

const root = path.resolve(import.meta.dirname, '..');
const shellTargetKb = 250;

type Chunk = {
  fileName: string;
  code: string;
  isDynamicEntry: boolean;
  facadeModuleId: string | null;
  imports: string[];
  dynamicImports: string[];
};

/** The shell's initial JavaScript in a built web folder: index.html's module scripts and module preloads. */
export function initialJavaScript(webDir: string): { files: string[]; rawKb: number; gzipKb: number } {
  const html = fs.readFileSync(path.join(webDir, 'index.html'), 'utf8');
  const attribute = (tag: string, name: string) => new RegExp(`\\b${name}=["']([^"']+)["']`).exec(tag)?.[1];
  const urls = new Set<string>();
  for (const [tag] of html.matchAll(/<script\b[^>]*>/g)) {
    const src = attribute(tag, 'src');
    if (attribute(tag, 'type') === 'module' && src) urls.add(src);
  }
  for (const [tag] of html.matchAll(/<link\b[^>]*>/g)) {
    const href = attribute(tag, 'href');
    if (attribute(tag, 'rel') === 'modulepreload' && href) urls.add(href);
  }
  if (urls.size === 0) throw new Error(`${webDir}/index.html has no <script type="module" src>: is the build complete?`);
  let raw = 0;
  let gzip = 0;
  const files: string[] = [];
  for (const url of urls) {
    if (/^[a-z]+:/i.test(url)) throw new Error(`${webDir}/index.html loads ${url} from elsewhere; only local files can be measured.`);
    const file = url.replace(/^\.?\//, '');
    const bytes = fs.readFileSync(path.join(webDir, file));
    files.push(file);
    raw += bytes.length;
    gzip += zlib.gzipSync(bytes).length;
  }
  return { files, rawKb: raw / 1000, gzipKb: gzip / 1000 };
}

/** Whose lazy entry this is: a module's name, «shell pages» for src/web's own, none for a library's. */
function ownerOf(facadeModuleId: string | null): string | undefined {
  const id = (facadeModuleId ?? '').replaceAll('\\', '/');
  if (id.includes('/node_modules/') || !id.includes('/src/')) return undefined;
  return /\/src\/modules\/([^/]+)\//.exec(id)?.[1] ?? 'shell pages';
}

export async function benchBundle(options: { log?: (line: string) => void } = {}): Promise<BenchRow[]> {
  const log = options.log ?? (() => {});
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'knutepunkt-bundle-'));
  try {
    log('Bundle: building the web app into a temporary folder…');
    const result = await build({
      configFile: path.join(root, 'vite.config.ts'),
      logLevel: 'warn',
      build: { outDir, emptyOutDir: true },
    });
    const outputs = (Array.isArray(result) ? result : [result]).flatMap((r) => ('output' in r ? r.output : []));
    const chunks = new Map<string, Chunk>();
    for (const item of outputs) if (item.type === 'chunk') chunks.set(item.fileName, item);

    const shell = initialJavaScript(outDir);
    const eager = new Set(shell.files);

    // From each lazy page (or other lazy entry in our source), walk what it loads, outside the
    // shell's eager files: first what loads with the page (static imports), then also what loads
    // later on demand (a library imported lazily, such as the PDF writer). Note who reaches what.
    const reach = (followLazy: boolean) => {
      const reachedBy = new Map<string, Set<string>>();
      for (const chunk of chunks.values()) {
        const owner = ownerOf(chunk.facadeModuleId);
        if (!chunk.isDynamicEntry || eager.has(chunk.fileName) || !owner) continue;
        const stack = [chunk.fileName];
        while (stack.length > 0) {
          const file = stack.pop()!;
          const owners = reachedBy.get(file) ?? new Set();
          if (eager.has(file) || owners.has(owner)) continue;
          reachedBy.set(file, owners.add(owner));
          const next = chunks.get(file);
          for (const imported of [...(next?.imports ?? []), ...(followLazy ? (next?.dynamicImports ?? []) : [])]) {
            // Another owner's lazy entry is its own cost, not this one's.
            const target = chunks.get(imported);
            const targetOwner = target?.isDynamicEntry ? ownerOf(target.facadeModuleId) : undefined;
            if (!targetOwner || targetOwner === owner) stack.push(imported);
          }
        }
      }
      return reachedBy;
    };
    const withPage = reach(false);

    type Group = { files: number; gzip: number; raw: number; onDemandGzip: number; largest: { file: string; gzip: number } };
    const groups = new Map<string, Group>();
    for (const [file, owners] of reach(true)) {
      const name = owners.size === 1 ? [...owners][0]! : 'shared';
      const code = Buffer.from(chunks.get(file)!.code);
      const gzip = zlib.gzipSync(code).length;
      const group = groups.get(name) ?? { files: 0, gzip: 0, raw: 0, onDemandGzip: 0, largest: { file, gzip: 0 } };
      group.files += 1;
      group.gzip += gzip;
      group.raw += code.length;
      if (!withPage.has(file)) group.onDemandGzip += gzip;
      if (gzip > group.largest.gzip) group.largest = { file, gzip };
      groups.set(name, group);
    }

    const rows: BenchRow[] = [
      {
        name: 'web shell initial JS (gzip)',
        value: round(shell.gzipKb),
        unit: 'kB',
        target: { max: shellTargetKb },
        note: `${shell.files.length} files, ${shell.rawKb.toFixed(1)} kB raw`,
      },
    ];
    const order = (name: string) => (name === 'shell pages' ? 1 : name === 'shared' ? 2 : 0);
    for (const [name, group] of [...groups].sort(([a], [b]) => order(a) - order(b) || a.localeCompare(b))) {
      const what =
        name === 'shared'
          ? 'chunks loaded by pages of several owners'
          : name === 'shell pages'
            ? "chunks of the shell's lazy pages"
            : 'chunks';
      rows.push({
        name: `web ${name === 'shared' || name === 'shell pages' ? name : `module ${name}`}, lazy JS (gzip)`,
        value: round(group.gzip / 1000),
        unit: 'kB',
        note:
          `${group.files} ${what}, ${(group.raw / 1000).toFixed(1)} kB raw` +
          (group.onDemandGzip ? `; ${(group.onDemandGzip / 1000).toFixed(1)} kB of it only on demand` : '') +
          `; largest ${path.basename(group.largest.file)} ${(group.largest.gzip / 1000).toFixed(1)} kB`,
      });
    }
    return rows;
  } finally {
    fs.rmSync(outDir, { recursive: true, force: true });
  }
}

const round = (kb: number) => Math.round(kb * 10) / 10;

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const rows = await benchBundle({ log: (line) => process.stdout.write(`${line}\n`) });
  for (const row of rows) {
    const target = row.target?.max !== undefined ? ` (target ≤ ${row.target.max} ${row.unit})` : '';
    process.stdout.write(`${row.name}: ${row.value} ${row.unit}${target}${row.note ? `  — ${row.note}` : ''}\n`);
  }
}

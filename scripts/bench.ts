// `npm run bench`: the figures Knutepunkt promises, measured on this machine. Not a test: timings
// depend on the machine, so it reports against the targets and never fails on them.
//   - start-up to the first 200 from /api/ready, on a new and on an existing data folder
//   - requests per second and latency of an authenticated GET, embedded and on PostgreSQL
//   - the web bundle: the shell's initial JavaScript and each module's lazy chunks, gzipped, from a
//     build into a temporary folder (scripts/bench-bundle.ts)
//   - the org chart's layout: d3-hierarchy and elkjs on 500 units and the dataset (scripts/bench-org-chart.ts)
//   - the HR feed: a delta of 7 000 people with 300 changes applied on PostgreSQL (scripts/bench-hr-feed.ts)
//   - the organisation: tree, rules, roll-ups and a scenario comparison on the dataset and on a
//     synthetic organisation ten times its size, on both databases (scripts/bench-organisation.ts)
//   - a signed-in reader's p95 while anonymous sign-in attempts with random usernames flood in, from
//     one address and from many, on both databases (scripts/bench-sign-in.ts)
//   - the OpenID Connect sign-in round trip through the built-in provider, p95 (scripts/bench-oidc.ts)
//   - SCIM provisioning: users created a second over HTTP by a few clients, on PostgreSQL (scripts/bench-scim.ts)
//   - the places search on a catalogue ten times the dataset, on both databases (scripts/bench-places.ts),
//     and a district's public page: largest contentful paint in Chromium
//   - leader support: create, the first-line queue, the dashboard and create throughput on 100 000
//     (embedded) and 1 000 000 (PostgreSQL) synthetic requests (scripts/bench-support.ts)
//   - portfolio: the overview, prioritisation and what-if on 2 000 synthetic initiatives (scripts/bench-portfolio.ts)
//   - steering: the indicator dashboard (scripts/bench-steering.ts), a tertial report's assembly
//     (scripts/bench-steering-report.ts) and a 50 MB JSON-stat import (scripts/bench-steering-import.ts)
// Prints a table and writes .tmp/bench.json. Everything runs against 127.0.0.1 only.
import { execSync, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { findPostgresBin, freePort, startPostgres } from '../test/postgres-server.js';
import { benchBundle } from './bench-bundle.js';
import { benchHrFeed } from './bench-hr-feed.js';
import { benchOidc } from './bench-oidc.js';
import { benchOrgChart } from './bench-org-chart.js';
import { benchOrganisation } from './bench-organisation.js';
import { benchPlaces } from './bench-places.js';
import { benchPortfolio } from './bench-portfolio.js';
import { benchScim } from './bench-scim.js';
import { benchSignIn } from './bench-sign-in.js';
import { benchSteering } from './bench-steering.js';
import { benchSteeringImport } from './bench-steering-import.js';
import { benchSteeringReport } from './bench-steering-report.js';
import { benchSupport } from './bench-support.js';

const root = path.resolve(import.meta.dirname, '..');
const webDir = path.join(root, 'dist/web');
const load = { clients: 10, seconds: 5, maxRequests: 500_000, warmUpRequests: 200 };
const demo = { username: 'admin', password: 'knutepunkt-demo' };

interface Row {
  name: string;
  value: number | null;
  unit: string;
  target?: { max?: number; min?: number };
  note?: string;
}

// `npm run bench -- --only start,oidc` runs only the parts named (all by default).
const sections = [
  'start',
  'bundle',
  'organisation',
  'org-chart',
  'hr-feed',
  'sign-in',
  'oidc',
  'scim',
  'places',
  'support',
  'portfolio',
  'steering',
] as const;
const only = readOnly(process.argv.slice(2));
const wanted = (section: (typeof sections)[number]) => only === null || only.has(section);

function readOnly(args: string[]): Set<string> | null {
  const at = args.indexOf('--only');
  if (at === -1) return null;
  const names = (args[at + 1] ?? '').split(',').filter(Boolean);
  const unknown = names.filter((n) => !(sections as readonly string[]).includes(n));
  if (names.length === 0 || unknown.length > 0) {
    process.stderr.write(
      `--only takes a comma-separated list of: ${sections.join(', ')}${unknown.length ? ` (unknown: ${unknown.join(', ')})` : ''}\n`,
    );
    process.exit(2);
  }
  return new Set(names);
}

const rows: Row[] = [];
const cleanups: (() => void | Promise<void>)[] = [];

async function main(): Promise<void> {
  // Only the start-up part serves dist/web; the bundle part builds its own.
  if (wanted('start')) ensureWebBuilt();
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'knutepunkt-bench-'));
  cleanups.push(() => fs.rmSync(tmp, { recursive: true, force: true }));

  if (wanted('start')) await benchStart(tmp);
  if (wanted('bundle')) rows.push(...(await benchBundle({ log: (line) => process.stdout.write(`${line}\n`) })));

  if (wanted('organisation')) {
    process.stdout.write('Organisation (dataset and 10×, embedded and PostgreSQL); this takes a few minutes…\n');
    const organisation = await benchOrganisation({ log: (line) => process.stdout.write(`${line}\n`) });
    rows.push(...organisation.rows);
  }

  if (wanted('org-chart')) {
    process.stdout.write('Org chart layout: d3-hierarchy and elkjs on 500 units and on the dataset…\n');
    rows.push(...(await benchOrgChart({ log: (line) => process.stdout.write(`${line}\n`) })));
  }

  if (wanted('hr-feed')) {
    process.stdout.write('HR feed: a delta of 7 000 people with 300 changes on PostgreSQL…\n');
    rows.push(...(await benchHrFeed({ log: (line) => process.stdout.write(`${line}\n`) })));
  }

  if (wanted('sign-in')) {
    process.stdout.write('Sign-in flood: a reader while 10 anonymous attempts a second come in…\n');
    rows.push(...(await benchSignIn({ log: (line) => process.stdout.write(`${line}\n`) })));
  }
  if (wanted('oidc')) rows.push(...(await benchOidc({ log: (line) => process.stdout.write(`${line}\n`) })));
  if (wanted('scim')) {
    process.stdout.write('SCIM: creating 2 000 users as Entra ID sends them, 4 clients, on PostgreSQL…\n');
    rows.push(...(await benchScim({ log: (line) => process.stdout.write(`${line}\n`) })));
  }

  if (wanted('places')) {
    process.stdout.write('Places: the public search on a catalogue ten times the dataset…\n');
    rows.push(...(await benchPlaces({ log: (line) => process.stdout.write(`${line}\n`) })));
  }

  if (wanted('support')) {
    process.stdout.write('Leader support: 100 000 synthetic requests embedded, 1 000 000 on PostgreSQL; this takes a few minutes…\n');
    rows.push(...(await benchSupport({ log: (line) => process.stdout.write(`${line}\n`) })).rows);
  }

  const log = (line: string) => process.stdout.write(`${line}\n`);
  if (wanted('portfolio')) {
    process.stdout.write('Portfolio: 2 000 initiatives, 20 000 status reports, 200 pool members (synthetic)…\n');
    rows.push(...(await benchPortfolio({ log })));
  }
  if (wanted('steering')) {
    process.stdout.write('Steering: 500 indicators × 10 years × 100 units of values (synthetic)…\n');
    rows.push(...(await benchSteering({ log })));
    process.stdout.write('Steering: a tertial report assembled on the same volume…\n');
    rows.push(...(await benchSteeringReport({ log })));
    process.stdout.write('Steering: importing a 50 MB JSON-stat file…\n');
    rows.push(...(await benchSteeringImport({ log })));
  }
}

async function benchStart(tmp: string): Promise<void> {
  // Embedded: a new folder (migrations + dataset), then the same folder again.
  let dataDir = '';
  let attempt = 0;
  const first = await startWithoutBuild(() => {
    dataDir = path.join(tmp, `data-${++attempt}`);
    return { DATA_DIR: dataDir };
  });
  rows.push({ name: 'start, new data folder', value: first.startMs, unit: 'ms', target: { max: 20_000 }, note: first.note });
  await first.stop();
  const embedded = await startWithoutBuild(() => ({ DATA_DIR: dataDir }));
  rows.push({ name: 'start, existing data folder', value: embedded.startMs, unit: 'ms', target: { max: 3_000 }, note: embedded.note });
  const embeddedCookie = await signIn(embedded.base, demo.username, demo.password);
  addLoadRows('embedded', await measureLoad(`${embedded.base}/api/session`, embeddedCookie));
  rows.push(await measureOrgChart(embedded.base));
  rows.push(await measureDistrictPage(embedded.base));
  await embedded.stop();

  // PostgreSQL: a throwaway server; production mode creates `admin` from ADMIN_PASSWORD.
  if (findPostgresBin()) {
    const postgres = await startPostgres();
    cleanups.push(() => postgres.stop());
    const adminPassword = randomBytes(15).toString('base64url');
    const server = await startWithoutBuild(() => ({
      DATA_DIR: path.join(tmp, 'unused'),
      DATABASE_URL: postgres.urlFor('postgres'),
      KNUTEPUNKT_MODE: 'production',
      ADMIN_PASSWORD: adminPassword,
    }));
    rows.push({ name: 'start, PostgreSQL (new database)', value: server.startMs, unit: 'ms', note: server.note });
    const cookie = await signIn(server.base, 'admin', adminPassword);
    addLoadRows('PostgreSQL', await measureLoad(`${server.base}/api/session`, cookie));
    await server.stop();
  } else {
    rows.push({
      name: 'GET /api/session, PostgreSQL',
      value: null,
      unit: '',
      note: 'skipped: PostgreSQL is not installed (apt-get install -y postgresql)',
    });
  }
}

function addLoadRows(backEnd: string, result: LoadResult): void {
  const note = `${load.clients} clients, ${result.requests} requests in ${result.seconds.toFixed(1)} s${result.errors ? `, ${result.errors} errors` : ''}`;
  rows.push({ name: `GET /api/session, ${backEnd}: throughput`, value: result.perSecond, unit: 'req/s', note });
  rows.push({ name: `GET /api/session, ${backEnd}: p50`, value: result.p50, unit: 'ms' });
  rows.push({ name: `GET /api/session, ${backEnd}: p99`, value: result.p99, unit: 'ms' });
}

// ── The web build ──────────────────────────────────────────────────────────────────────────────

/** Builds the web app first if `npm start` would, so no start-up measured here includes a build. */
function ensureWebBuilt(): void {
  const index = path.join(webDir, 'index.html');
  const builtAt = fs.existsSync(index) ? fs.statSync(index).mtimeMs : 0;
  if (builtAt >= newestSource(path.join(root, 'src'))) return;
  process.stdout.write('Building the web app first…\n');
  execSync('npx vite build --logLevel warn', { cwd: root, stdio: 'inherit' });
}

// The same rule as scripts/start.mjs, which decides whether `npm start` rebuilds.
function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name === 'server' || entry.name === 'migrations' || entry.name === 'kernel') continue;
      newest = Math.max(newest, newestSource(full));
    } else if (/\.(tsx?|css|html|svg|json)$/.test(entry.name) && !/\.test\.ts$/.test(entry.name)) {
      newest = Math.max(newest, fs.statSync(full).mtimeMs);
    }
  }
  return newest;
}

// ── Servers ────────────────────────────────────────────────────────────────────────────────────

interface RunningServer {
  base: string;
  startMs: number;
  note: string | undefined;
  stop(): Promise<void>;
}

/** Starts `npm start` (node scripts/start.mjs) and times it until /api/ready first answers 200. */
async function startServer(env: Record<string, string>): Promise<RunningServer> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const inherited = { ...process.env };
  delete inherited.DATABASE_URL;
  const started = performance.now();
  const child = spawn(process.execPath, ['scripts/start.mjs'], {
    cwd: root,
    env: { ...inherited, HOST: '127.0.0.1', PORT: String(port), LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const stop = () => stopProcess(child);
  cleanups.push(stop);

  const deadline = started + 120_000;
  while (performance.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`The server exited (${child.exitCode ?? child.signalCode}) before it was ready:\n${lastLines(output)}`);
    }
    const response = await fetch(`${base}/api/ready`, { signal: AbortSignal.timeout(2_000) }).catch(() => undefined);
    await response?.arrayBuffer();
    if (response?.status === 200) {
      const startMs = performance.now() - started;
      const note = output.includes('Building the web app') ? 'includes a web build: sources changed during the run' : undefined;
      return { base, startMs, note, stop };
    }
    await sleep(25);
  }
  await stop();
  throw new Error(`The server was not ready within 120 s:\n${lastLines(output)}`);
}

/**
 * A start that had to rebuild the web app (someone edited its sources meanwhile) measures the
 * build, not the start: build now, and start again (`env` gives a new data folder if it needs one).
 */
async function startWithoutBuild(env: () => Record<string, string>): Promise<RunningServer> {
  for (let attempt = 1; ; attempt++) {
    const server = await startServer(env());
    if (!server.note || attempt === 3) return server;
    await server.stop();
    ensureWebBuilt();
  }
}

/** SIGTERM (the server finishes in-flight requests and closes the database), then SIGKILL after 15 s. */
async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
  await exited;
  clearTimeout(timer);
}

async function signIn(base: string, username: string, password: string): Promise<string> {
  const response = await fetch(`${base}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
    signal: AbortSignal.timeout(10_000),
  });
  const body = await response.text();
  const cookie = response.headers.getSetCookie().find((c) => c.startsWith('kp_session='));
  if (response.status !== 200 || !cookie) throw new Error(`Signing in as ${username} failed (${response.status}): ${body}`);
  return cookie.split(';')[0]!;
}

// ── Load ───────────────────────────────────────────────────────────────────────────────────────

interface LoadResult {
  requests: number;
  errors: number;
  seconds: number;
  perSecond: number;
  p50: number;
  p99: number;
}

/** `clients` loops, each one request at a time, for `seconds` or `maxRequests`, whichever comes first. */
async function measureLoad(url: string, cookie: string): Promise<LoadResult> {
  const first = await fetch(url, { headers: { cookie } });
  const session = (await first.json()) as { user: { username: string } | null };
  if (!session.user)
    throw new Error(`GET ${url} with the session cookie is not signed in; the measurement would be of the anonymous path.`);

  const latencies: number[] = [];
  let errors = 0;
  let issued = 0;
  const run = async (end: number, record: boolean, max: number) => {
    while (performance.now() < end && issued < max) {
      issued++;
      const t0 = performance.now();
      try {
        const response = await fetch(url, { headers: { cookie }, signal: AbortSignal.timeout(10_000) });
        await response.arrayBuffer();
        if (response.status !== 200) errors++;
      } catch {
        errors++;
      }
      if (record) latencies.push(performance.now() - t0);
    }
  };
  const clients = (end: number, record: boolean, max: number) =>
    Promise.all(Array.from({ length: load.clients }, () => run(end, record, max)));

  await clients(performance.now() + 5_000, false, load.warmUpRequests);
  issued = 0;
  errors = 0;
  const started = performance.now();
  await clients(started + load.seconds * 1000, true, load.maxRequests);
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? NaN;
  return { requests: latencies.length, errors, seconds, perSecond: latencies.length / seconds, p50: at(0.5), p99: at(0.99) };
}

// ── Helpers ────────────────────────────────────────────────────────────────────────────────────

/**
 * The org chart in Debian's Chromium: time from the tree's arrival to the painted chart with 500
 * units (median of five after a warm-up; see test/browser/measure-chart.ts).
 */
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

async function launchChromium() {
  const { chromium } = await import('playwright-core');
  return chromium.launch({
    executablePath: chromiumPath,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/**
 * A district's public page on the built app, as a citizen opens it the first time: the largest
 * contentful paint in a fresh browser context (nothing cached), median of five after a warm-up.
 */
async function measureDistrictPage(base: string): Promise<Row> {
  const name = 'district page, largest contentful paint (Chromium, cold, median of 5)';
  if (!fs.existsSync(chromiumPath)) return { name, value: null, unit: '', note: 'skipped: Chromium is not installed' };
  const browser = await launchChromium();
  try {
    const runs: number[] = [];
    for (let i = 0; i < 6; i++) {
      const context = await browser.newContext({ baseURL: base, locale: 'nb-NO', viewport: { width: 412, height: 915 } });
      const page = await context.newPage();
      await page.goto('/steder-og-tjenester/kommunedeler/1', { waitUntil: 'networkidle' });
      await page.getByRole('heading', { level: 1 }).waitFor();
      const lcp = await page.evaluate(
        () =>
          new Promise<number | null>((resolve) => {
            new PerformanceObserver((list) => resolve(list.getEntries().at(-1)?.startTime ?? null)).observe({
              type: 'largest-contentful-paint',
              buffered: true,
            });
            setTimeout(() => resolve(null), 5_000);
          }),
      );
      await context.close();
      if (i > 0 && lcp !== null) runs.push(lcp);
    }
    runs.sort((a, b) => a - b);
    const median = runs[Math.floor(runs.length / 2)] ?? null;
    return {
      name,
      value: median,
      unit: 'ms',
      target: { max: 1_500 },
      note: `runs ${runs.map((r) => r.toFixed(0)).join(', ')} ms; phone-sized window, local server, no throttling`,
    };
  } finally {
    await browser.close();
  }
}

async function measureOrgChart(base: string): Promise<Row> {
  const name = 'org chart, 500 units shown (Chromium, median of 5)';
  if (!fs.existsSync(chromiumPath)) return { name, value: null, unit: '', note: 'skipped: Chromium is not installed' };
  const { measureChart } = await import('../test/browser/measure-chart.js');
  const browser = await launchChromium();
  try {
    const page = await (await browser.newContext({ baseURL: base, locale: 'nb-NO', viewport: { width: 1280, height: 900 } })).newPage();
    await page.goto('/logg-inn');
    await page.getByLabel('Brukernavn').fill('ansatt');
    await page.getByLabel('Passord').fill(demo.password);
    await page.getByRole('button', { name: 'Logg inn' }).click();
    await page.getByText('Demo Medarbeider').first().waitFor();
    await measureChart(page, 500);
    const runs: number[] = [];
    for (let i = 0; i < 5; i++) runs.push(await measureChart(page, 500));
    runs.sort((a, b) => a - b);
    return { name, value: runs[2]!, unit: 'ms', target: { max: 1_000 }, note: `runs ${runs.join(', ')} ms` };
  } finally {
    await browser.close();
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function lastLines(text: string, count = 30): string {
  return text.trimEnd().split('\n').slice(-count).join('\n');
}

function status(row: Row): string {
  if (row.value === null) return 'skipped';
  if (!row.target) return '';
  if (row.target.max !== undefined && row.value > row.target.max) return 'OVER';
  if (row.target.min !== undefined && row.value < row.target.min) return 'UNDER';
  return 'ok';
}

function format(value: number | null, unit: string): string {
  if (value === null) return '—';
  if (unit === 'ms' && value >= 1000) return `${(value / 1000).toFixed(2)} s`;
  if (unit === 'ms') return `${value.toFixed(1)} ms`;
  if (unit === 'req/s') return `${Math.round(value)} req/s`;
  return `${value.toFixed(1)} ${unit}`;
}

function formatTarget(row: Row): string {
  if (!row.target) return '';
  if (row.target.max !== undefined) return `≤ ${format(row.target.max, row.unit)}`;
  return `≥ ${format(row.target.min ?? 0, row.unit)}`;
}

function report(error?: unknown): void {
  const table = rows.map((row) => [row.name, format(row.value, row.unit), formatTarget(row), status(row), row.note ?? '']);
  const widths = [0, 1, 2, 3].map((i) => Math.max(...table.map((cells) => cells[i]!.length), 0));
  process.stdout.write('\n');
  for (const cells of table) {
    process.stdout.write(`${cells.map((cell, i) => (i < 4 ? cell.padEnd(widths[i]!) : cell)).join('  ')}\n`.replace(/ +\n$/, '\n'));
  }
  const file = path.join(root, '.tmp/bench.json');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const machine = {
    node: process.version,
    platform: `${os.platform()} ${os.arch()}`,
    cpus: os.cpus().length,
    cpu: os.cpus()[0]?.model,
    loadAverage: os.loadavg()[0] ?? 0,
  };
  if (machine.loadAverage > machine.cpus) {
    process.stdout.write(
      `\nThe machine was busy (load ${machine.loadAverage.toFixed(1)} on ${machine.cpus} CPUs): these figures are pessimistic.\n`,
    );
  }
  const results = rows.map((row) => ({ ...row, status: status(row) || undefined }));
  fs.writeFileSync(
    file,
    `${JSON.stringify({ at: new Date().toISOString(), machine, load, results, error: error ? String(error) : undefined }, null, 2)}\n`,
  );
  process.stdout.write(`\nWritten to ${path.relative(root, file)}\n`);
}

async function cleanUp(): Promise<void> {
  for (const cleanup of cleanups.reverse()) {
    try {
      await cleanup();
    } catch (error) {
      process.stderr.write(`Cleaning up failed: ${(error as Error).message}\n`);
    }
  }
  cleanups.length = 0;
}

// Ctrl-C must not leave servers or temp folders behind either.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    process.stderr.write(`\n${signal}: stopping the servers and removing temp folders…\n`);
    void cleanUp().then(() => process.exit(130));
  });
}

try {
  await main();
  report();
  await cleanUp();
} catch (error) {
  await cleanUp();
  report(error);
  process.stderr.write(`\nThe benchmark failed: ${(error as Error).message}\n`);
  process.exit(1);
}

// The sign-in round trip through demo mode's built-in OpenID provider: /api/auth/oidc/start → the
// provider's login form → the callback → a session, as a browser does it (cookies kept), driven
// in-process with app.inject so the number is the server's work, not the network's. Target: p95 ≤ 150 ms.
//
// `npx tsx scripts/bench-oidc.ts [--rounds N]` prints the row; scripts/bench.ts calls `benchOidc()`.
// Not a test: it reports against the target and never fails on it.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { createKnutepunkt } from '../src/app.js';
import { demoPassword, loadConfig } from '../src/kernel/index.js';
import { CookieJar, signInThroughLocalProvider } from '../test/helpers/oidc-flow.js';
import type { BenchRow } from './bench-organisation.js';

export async function benchOidc(options: { rounds?: number; log?: (line: string) => void } = {}): Promise<BenchRow[]> {
  const rounds = options.rounds ?? 60;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'knutepunkt-bench-oidc-'));
  const config = loadConfig({ LOG_LEVEL: 'silent', KNUTEPUNKT_MODE: 'demo', DATA_DIR: dataDir, SIGN_IN_ATTEMPTS_PER_IP: '100000' });
  const knutepunkt = await createKnutepunkt(config, { logger: false });
  try {
    const timings: number[] = [];
    for (let round = 0; round < rounds + 5; round++) {
      const started = performance.now();
      const { callback } = await signInThroughLocalProvider(knutepunkt.app, new CookieJar(), {
        username: 'ansatt',
        password: demoPassword,
      });
      const elapsed = performance.now() - started;
      if (callback.status !== 302 || callback.location !== '/') throw new Error(`sign-in failed: ${callback.status} ${callback.location}`);
      if (round >= 5) timings.push(elapsed); // the first rounds warm up discovery and the JIT
    }
    timings.sort((a, b) => a - b);
    const p95 = timings[Math.min(timings.length - 1, Math.ceil(timings.length * 0.95) - 1)]!;
    const median = timings[Math.floor(timings.length / 2)]!;
    options.log?.(`OIDC sign-in round trip (built-in provider): p95 ${p95.toFixed(1)} ms, median ${median.toFixed(1)} ms over ${rounds}`);
    return [
      {
        name: 'OIDC sign-in round trip, built-in provider, p95',
        value: Math.round(p95 * 10) / 10,
        unit: 'ms',
        target: { max: 150 },
        note: `embedded; median ${median.toFixed(1)} ms; ${rounds} sign-ins, one argon2 check each`,
      },
    ];
  } finally {
    await knutepunkt.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { values } = parseArgs({ options: { rounds: { type: 'string' } } });
  const rows = await benchOidc({ rounds: values.rounds ? Number(values.rounds) : undefined, log: (line) => console.log(line) });
  console.table(rows);
}

// The server as a real process: what an operator sees when starting, misconfiguring and stopping it.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { freePort } from './postgres-server.js';

// Starting PGlite in a new folder takes seconds (more on a busy two-core machine): generous limits.
const slow = { timeout: 180_000 };

const root = path.resolve(import.meta.dirname, '..');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'kp-process-'));
const running: ChildProcess[] = [];

afterEach(() => {
  for (const child of running.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

interface Started {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

function startServer(env: Record<string, string>): Started {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
    cwd: root,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.push(child);
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  // 'close', not 'exit': 'exit' can come before the last output has been read.
  const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

async function waitUntilReady(port: number, started: Started, timeoutMs = 150_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (started.child.exitCode !== null) throw new Error(`server exited early:\n${started.output()}`);
    try {
      const response = await fetch(`http://127.0.0.1:${port}/api/ready`);
      if (response.status === 200) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`server not ready in time:\n${started.output()}`);
}

describe('the server process', () => {
  it(
    'starts on a new data folder, lists the demo sign-ins, refuses a second process on the same folder, and stops cleanly on SIGTERM',
    slow,
    async () => {
      const dataDir = path.join(tmp, 'data-1');
      const port = await freePort();
      const first = startServer({ DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1' });
      await waitUntilReady(port, first);
      expect(first.output()).toMatch(/Knutepunkt is running at http:\/\/127\.0\.0\.1:\d+/);
      expect(first.output()).toMatch(/admin\s+administrator/);
      expect(fs.existsSync(path.join(dataDir, 'knutepunkt.lock'))).toBe(true);

      const second = startServer({ DATA_DIR: dataDir, PORT: String(await freePort()) });
      expect(await second.exited).toBe(1);
      expect(second.output()).toMatch(/in use by another Knutepunkt process \(pid \d+\)/);
      expect(second.output()).not.toMatch(/\n\s+at /); // no stack trace

      // The first still serves, untouched.
      expect((await fetch(`http://127.0.0.1:${port}/api/ready`)).status).toBe(200);

      first.child.kill('SIGTERM');
      expect(await first.exited).toBe(0);
      expect(first.output()).toMatch(/SIGTERM: finishing requests in flight/);
      expect(fs.existsSync(path.join(dataDir, 'knutepunkt.lock'))).toBe(false);

      // The data survives a restart, and the dataset is not loaded twice.
      const again = startServer({ DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1' });
      await waitUntilReady(port, again);
      expect(again.output()).not.toMatch(/loaded the built-in dataset/);
      again.child.kill('SIGINT');
      expect(await again.exited).toBe(0);
    },
  );

  it('takes over the lock a crashed process left behind', slow, async () => {
    const dataDir = path.join(tmp, 'data-2');
    fs.mkdirSync(dataDir, { recursive: true });
    // A pid that cannot be alive (above the kernel's pid_max).
    fs.writeFileSync(path.join(dataDir, 'knutepunkt.lock'), JSON.stringify({ pid: 99_999_999 }));
    const port = await freePort();
    const started = startServer({ DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1' });
    await waitUntilReady(port, started);
    started.child.kill('SIGTERM');
    expect(await started.exited).toBe(0);
  });

  it('explains a wrong DATABASE_URL in one message and exits', slow, async () => {
    const closedPort = await freePort();
    const started = startServer({ DATABASE_URL: `postgres://knutepunkt:secret-pw@127.0.0.1:${closedPort}/knutepunkt` });
    expect(await started.exited).toBe(1);
    expect(started.output()).toMatch(/Could not connect to PostgreSQL at postgres:\/\/knutepunkt:\*\*\*@127\.0\.0\.1/);
    expect(started.output()).toMatch(/Check DATABASE_URL/);
    expect(started.output()).not.toContain('secret-pw');
  });

  it('explains each configuration mistake on its own line and exits', slow, async () => {
    const started = startServer({ PORT: 'eighty', KNUTEPUNKT_MODE: 'staging', DATA_DIR: path.join(tmp, 'never') });
    expect(await started.exited).toBe(1);
    expect(started.output()).toMatch(/- PORT must be a whole number from 0 to 65535 \(got "eighty"\)\./);
    expect(started.output()).toMatch(/- KNUTEPUNKT_MODE must be "demo" or "production"/);
    expect(fs.existsSync(path.join(tmp, 'never'))).toBe(false);
  });

  it('refuses a production start without an administrator password, and never creates demo accounts there', slow, async () => {
    const dataDir = path.join(tmp, 'data-prod');
    const refused = startServer({ DATA_DIR: dataDir, KNUTEPUNKT_MODE: 'production', PORT: String(await freePort()) });
    expect(await refused.exited).toBe(1);
    expect(refused.output()).toMatch(/Set ADMIN_PASSWORD/);

    const port = await freePort();
    const started = startServer({
      DATA_DIR: dataDir,
      KNUTEPUNKT_MODE: 'production',
      ADMIN_PASSWORD: 'a-long-admin-password',
      PORT: String(port),
      HOST: '127.0.0.1',
    });
    await waitUntilReady(port, started);
    const meta = await (await fetch(`http://127.0.0.1:${port}/api/meta`)).json();
    expect(meta).toMatchObject({ demoMode: false, demoPassword: null, demoAccounts: [] });
    const demo = await fetch(`http://127.0.0.1:${port}/api/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'leder', password: 'knutepunkt-demo' }),
    });
    expect(demo.status).toBe(401);
    const admin = await fetch(`http://127.0.0.1:${port}/api/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: 'a-long-admin-password' }),
    });
    expect(admin.status).toBe(200);
    started.child.kill('SIGTERM');
    expect(await started.exited).toBe(0);
  });
});

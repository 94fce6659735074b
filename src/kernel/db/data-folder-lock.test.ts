import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { afterEach, describe, expect, it } from 'vitest';
import { DataFolderLockedError, lockDataFolder } from './data-folder-lock.js';

const starterScript = path.resolve('test/fixtures/lock-starter.ts');
const folders: string[] = [];

function freshFolder(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'knutepunkt-lock-'));
  folders.push(dir);
  return dir;
}

/** A lock file left behind by a process that has exited, as after kill -9. */
function leaveDeadLock(dataDir: string): void {
  const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  const pid = Number(dead.stdout);
  fs.writeFileSync(path.join(dataDir, 'knutepunkt.lock'), JSON.stringify({ pid, host: os.hostname(), since: new Date().toISOString() }));
}

interface Starter {
  child: ChildProcessWithoutNullStreams;
  next(): Promise<string>;
}

function startStarter(dataDir: string): Starter {
  const child = spawn(process.execPath, ['--import', 'tsx', starterScript, dataDir], { stdio: 'pipe' });
  const lines = readline.createInterface({ input: child.stdout });
  const queue: string[] = [];
  const waiting: Array<(line: string) => void> = [];
  lines.on('line', (line) => (waiting.length > 0 ? waiting.shift()!(line) : queue.push(line)));
  // The end of its output, not the child's 'exit': that can come before its last lines are read.
  let ended = false;
  lines.on('close', () => {
    ended = true;
    for (const resolve of waiting.splice(0)) resolve('ended');
  });
  return {
    child,
    next: () =>
      queue.length > 0
        ? Promise.resolve(queue.shift()!)
        : ended
          ? Promise.resolve('ended')
          : new Promise((resolve) => waiting.push(resolve)),
  };
}

afterEach(() => {
  for (const dir of folders.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

describe('the data-folder lock', () => {
  it('refuses a second holder in the same process and lets it in after release', async () => {
    const dataDir = freshFolder();
    const first = await lockDataFolder(dataDir);
    await expect(lockDataFolder(dataDir)).rejects.toBeInstanceOf(DataFolderLockedError);
    first.release();
    const second = await lockDataFolder(dataDir);
    second.release();
  });

  it('takes over a lock left by a dead process', async () => {
    const dataDir = freshFolder();
    leaveDeadLock(dataDir);
    const lock = await lockDataFolder(dataDir);
    expect(JSON.parse(fs.readFileSync(path.join(dataDir, 'knutepunkt.lock'), 'utf8')).pid).toBe(process.pid);
    lock.release();
  });

  // Many processes released at once on a folder with a dead process's lock: exactly one may win,
  // in every round. Each starter is started first and waits for "go", so they race for real.
  it('gives the lock to exactly one of many processes started together', async () => {
    const rounds = 3;
    const starters = 10;
    for (let round = 0; round < rounds; round += 1) {
      const dataDir = freshFolder();
      leaveDeadLock(dataDir);
      const group = Array.from({ length: starters }, () => startStarter(dataDir));
      try {
        expect(await Promise.all(group.map((s) => s.next()))).toEqual(group.map(() => 'ready'));
        for (const s of group) s.child.stdin.write('go\n');
        const answers = await Promise.all(group.map((s) => s.next()));
        expect(
          answers.filter((answer) => answer === 'got'),
          `round ${round}: ${answers.join(', ')}`,
        ).toHaveLength(1);
        expect(
          answers.filter((answer) => answer === 'locked DataFolderLockedError'),
          `round ${round}: ${answers.join(', ')}`,
        ).toHaveLength(starters - 1);
      } finally {
        for (const s of group) s.child.stdin.end();
        await Promise.all(
          group.map((s) => (s.child.exitCode !== null ? undefined : new Promise((resolve) => s.child.once('exit', resolve)))),
        );
      }
    }
  }, 180_000);
});

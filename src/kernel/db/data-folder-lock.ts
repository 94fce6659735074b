import { createHash } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

/**
 * PGlite takes no lock on its data folder, and two processes writing to it corrupt it. So the
 * process that opens the folder holds an operating-system lock on it, which the kernel gives to one
 * process only and takes back when that process dies, however it dies: on Linux a socket in the
 * abstract namespace, on Windows a named pipe, both named after the folder's real path. Binding
 * either is atomic, so two starters can never both win, and a crash leaves nothing to clean up.
 * The lock file beside it only says who holds the folder (pid, host, since), for people and for
 * the error message. Elsewhere (macOS, development only) the lock file itself is the lock, taken
 * by exclusive create, with a stale one (its process dead) taken over. See docs/decisions/0008-data-folder-lock.md.
 */
export class DataFolderLockedError extends Error {
  constructor(
    readonly lockFile: string,
    readonly ownerPid: number | undefined,
  ) {
    super(
      `The data folder is in use by another Knutepunkt process${ownerPid ? ` (pid ${ownerPid})` : ''}. ` +
        `Stop that process first, or set DATA_DIR to another folder.` +
        (process.platform === 'linux' || process.platform === 'win32' ? '' : ` If no Knutepunkt is running, delete ${lockFile}.`),
    );
    this.name = 'DataFolderLockedError';
  }
}

export interface DataFolderLock {
  release(): void;
}

/** The name of the operating-system lock for a folder, or undefined where the platform has none. */
export function systemLockName(dataDir: string): string | undefined {
  const key = createHash('sha256').update(fs.realpathSync(dataDir)).digest('hex').slice(0, 40);
  if (process.platform === 'linux') return `\0knutepunkt-data-folder-${key}`;
  if (process.platform === 'win32') return `\\\\?\\pipe\\knutepunkt-data-folder-${key}`;
  return undefined;
}

/** Takes the data folder for this process, or throws DataFolderLockedError naming the holder. */
export async function lockDataFolder(dataDir: string): Promise<DataFolderLock> {
  fs.mkdirSync(dataDir, { recursive: true });
  const lockFile = path.join(dataDir, 'knutepunkt.lock');
  const content = JSON.stringify({ pid: process.pid, host: os.hostname(), since: new Date().toISOString() });
  const name = systemLockName(dataDir);
  if (!name) return lockWithFileOnly(lockFile, content);

  const server = net.createServer();
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(name, () => resolve());
    });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') throw new DataFolderLockedError(lockFile, readOwnerPid(lockFile));
    throw error;
  }
  // The lock must not keep the process alive, and nobody is meant to connect to it.
  server.unref();
  server.on('connection', (socket) => socket.destroy());

  // We hold the folder, so any lock file left here is stale: say who holds it now.
  fs.writeFileSync(lockFile, content);
  return releasedOnce(() => {
    removeIfOurs(lockFile, content);
    server.close();
  });
}

function lockWithFileOnly(lockFile: string, content: string): DataFolderLock {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(lockFile, content, { flag: 'wx' });
      return releasedOnce(() => removeIfOurs(lockFile, content));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const ownerPid = readOwnerPid(lockFile);
      if (ownerPid !== undefined && isAlive(ownerPid)) throw new DataFolderLockedError(lockFile, ownerPid);
      fs.rmSync(lockFile, { force: true });
    }
  }
  throw new DataFolderLockedError(lockFile, readOwnerPid(lockFile));
}

function releasedOnce(release: () => void): DataFolderLock {
  let released = false;
  return {
    release() {
      if (released) return;
      released = true;
      release();
    },
  };
}

function removeIfOurs(lockFile: string, content: string): void {
  try {
    if (fs.readFileSync(lockFile, 'utf8') === content) fs.unlinkSync(lockFile);
  } catch {
    // Already gone: nothing to release.
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readOwnerPid(lockFile: string): number | undefined {
  try {
    const pid = Number((JSON.parse(fs.readFileSync(lockFile, 'utf8')) as { pid?: unknown }).pid);
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

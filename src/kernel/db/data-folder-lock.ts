import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AppError } from '../errors/app-error.js';

/**
 * PGlite takes no lock on its data folder, and two processes writing to it corrupt it. So the
 * process that opens the folder writes a lock file with its pid; a second process finds it and
 * stops, touching nothing. A lock left by a dead process (after a crash) is taken over.
 */
export class DataFolderLockedError extends Error {
  constructor(
    readonly lockFile: string,
    readonly ownerPid: number,
  ) {
    super(
      `The data folder is in use by another Knutepunkt process (pid ${ownerPid}). ` +
        `Stop that process first, or set DATA_DIR to another folder. ` +
        `If no Knutepunkt is running, delete ${lockFile}.`,
    );
    this.name = 'DataFolderLockedError';
  }
}

export interface DataFolderLock {
  release(): void;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function lockDataFolder(dataDir: string): DataFolderLock {
  fs.mkdirSync(dataDir, { recursive: true });
  const lockFile = path.join(dataDir, 'knutepunkt.lock');
  const content = JSON.stringify({ pid: process.pid, host: os.hostname(), since: new Date().toISOString() });

  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(lockFile, content, { flag: 'wx' });
      let released = false;
      return {
        release() {
          if (released) return;
          released = true;
          try {
            if (fs.readFileSync(lockFile, 'utf8') === content) fs.unlinkSync(lockFile);
          } catch {
            // Already gone: nothing to release.
          }
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const ownerPid = readOwnerPid(lockFile);
      if (ownerPid !== undefined && isAlive(ownerPid)) throw new DataFolderLockedError(lockFile, ownerPid);
      fs.rmSync(lockFile, { force: true });
    }
  }
  throw new AppError('conflict', { message: { en: `Could not take the lock ${lockFile}.` } });
}

function readOwnerPid(lockFile: string): number | undefined {
  try {
    const pid = Number((JSON.parse(fs.readFileSync(lockFile, 'utf8')) as { pid?: unknown }).pid);
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

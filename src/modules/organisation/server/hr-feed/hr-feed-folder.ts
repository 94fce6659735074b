import fs from 'node:fs/promises';
import path from 'node:path';
import { startRepeating, type RepeatingHandle } from '../../../../kernel/index.js';
import type { HrFeedRunDetail } from '../../hr-feed.schemas.js';
import type { OrganisationDb } from '../organisation.tables.js';
import { runHrFeed, type HrFeedRunOptions } from './run-hr-feed.js';

// The folder way in: the HR system drops a file in HR_FEED_DIR; each file is one run, and then
// moves to done/ (applied) or failed/ (refused or unreadable) with the time in front of its name,
// so the folder shows at a glance what is waiting and nothing is read twice. A file still being
// written must not be read half: the HR system writes it under a name starting with «.» or ending
// in «.tmp» or «.part» and renames it when complete (docs/hr-feed.md).

export const doneFolder = 'done';
export const failedFolder = 'failed';

const waiting = (name: string) => !name.startsWith('.') && !/\.(tmp|part)$/i.test(name);

/** The files waiting in `dir`, oldest name first. */
export async function waitingFiles(dir: string): Promise<string[]> {
  const entries = await fs.readdir(dir, { withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && waiting(e.name))
    .map((e) => e.name)
    .sort();
}

const stamp = (now: Date) => now.toISOString().replace(/[:.]/g, '-');

export interface FolderRunOptions extends HrFeedRunOptions {
  dir: string;
  startedBy: string | null;
  requestId: string | null;
  log: (message: string) => void;
}

/**
 * One file at a time for the whole process: the timer and «Les inn nå» on the status page share
 * this, so the same file is never read by two runs.
 */
export class HrFeedFolder {
  private turn: Promise<unknown> = Promise.resolve();

  constructor(private readonly db: OrganisationDb) {}

  /** Reads every waiting file in name order; resolves with the runs made. */
  run(options: FolderRunOptions): Promise<HrFeedRunDetail[]> {
    const next = this.turn.then(() => this.readAll(options));
    this.turn = next.catch(() => undefined);
    return next;
  }

  private async readAll(options: FolderRunOptions): Promise<HrFeedRunDetail[]> {
    const { dir } = options;
    await fs.mkdir(path.join(dir, doneFolder), { recursive: true });
    await fs.mkdir(path.join(dir, failedFolder), { recursive: true });
    const runs: HrFeedRunDetail[] = [];
    for (const name of await waitingFiles(dir)) {
      const from = path.join(dir, name);
      let run: HrFeedRunDetail | undefined;
      try {
        const bytes = await fs.readFile(from);
        run = await runHrFeed(
          this.db,
          { bytes, fileName: name, source: 'folder', startedBy: options.startedBy, requestId: options.requestId, photoDir: dir },
          options,
        );
        runs.push(run);
      } catch (error) {
        // Recorded as failed by runHrFeed; the file must not be read again and again.
        options.log(`HR feed: ${name} failed: ${error instanceof Error ? error.message : String(error)}`);
      }
      const folder = run?.outcome === 'applied' ? doneFolder : failedFolder;
      await fs.rename(from, path.join(dir, folder, `${stamp(new Date())}-${name}`));
      options.log(`HR feed: ${name} ${run?.outcome ?? 'failed'}, moved to ${folder}/`);
    }
    return runs;
  }
}

export type HrFeedWorkerHandle = RepeatingHandle;

/** Reads the folder every `intervalMs`, one round at a time; a failing round is logged and tried again next time. */
export function startHrFeedWorker(folder: HrFeedFolder, options: FolderRunOptions & { intervalMs: number }): HrFeedWorkerHandle {
  return startRepeating(() => folder.run(options).then(() => undefined), {
    intervalMs: options.intervalMs,
    onError: (error) =>
      options.log(
        `HR feed: reading ${options.dir} failed and will be tried again: ${error instanceof Error ? error.message : String(error)}`,
      ),
  });
}

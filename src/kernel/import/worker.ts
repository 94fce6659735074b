// Work that could hold the event loop for seconds (unpacking and parsing an uploaded workbook) runs
// in a worker thread: the server keeps answering, a time and a memory limit stop a file that is
// too heavy, and the worker's memory is given back when it exits. In production the entry is the
// compiled .js beside this file (scripts/build-server.mjs); in development and tests it is the
// .ts source, so the worker first registers tsx's loader, as the process itself was started.
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { parentPort, Worker, workerData } from 'node:worker_threads';
import { Gate } from '../values/gate.js';

export interface WorkerLimits {
  /** The worker is stopped after this long. */
  timeoutMs: number;
  /** Its JavaScript heap (V8's old generation); past it the worker is stopped. */
  maxMemoryMb: number;
}

/** A worker stopped by a limit: it took too long or needed too much memory. */
export class WorkerLimitError extends Error {
  constructor(readonly limit: 'time' | 'memory') {
    super(limit === 'time' ? 'The worker took too long and was stopped.' : 'The worker ran out of memory and was stopped.');
    this.name = 'WorkerLimitError';
  }
}

// At most two at a time, each with its own heap limit: ten uploads at once wait for a turn
// rather than taking ten heaps.
const turns = new Gate({ concurrency: 2, queue: Number.POSITIVE_INFINITY });

const sourceBootstrap = `const { workerData } = require('node:worker_threads');
import(workerData.tsxApi).then(({ register }) => { register(); return import(workerData.entry); });`;

let tsxApi: string | undefined;

function startWorker(entry: URL, input: unknown, limits: WorkerLimits): Worker {
  const resourceLimits = { maxOldGenerationSizeMb: limits.maxMemoryMb };
  if (!entry.pathname.endsWith('.ts')) return new Worker(entry, { workerData: { input }, resourceLimits });
  // tsx's ESM API (the CommonJS one cannot register from a worker); resolved from here, so the
  // working directory does not matter.
  tsxApi ??= pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm/api')).href.replace(/\.cjs$/, '.mjs');
  return new Worker(sourceBootstrap, { eval: true, workerData: { input, entry: entry.href, tsxApi }, resourceLimits });
}

/**
 * Runs the worker module `entry` (see `answerFromWorker`) on `input` and gives its answer, once the
 * worker has exited. Rejects with WorkerLimitError when a limit stops it, or with its error.
 */
export function runInWorker<Output>(entry: URL, input: unknown, limits: WorkerLimits): Promise<Output> {
  const run = () =>
    new Promise<Output>((resolve, reject) => {
      const worker = startWorker(entry, input, limits);
      let outcome: { answer: Output } | { error: unknown } | undefined;
      const timer = setTimeout(() => {
        outcome ??= { error: new WorkerLimitError('time') };
        void worker.terminate();
      }, limits.timeoutMs);
      worker.once('message', (answer: Output) => {
        outcome ??= { answer };
      });
      worker.once('error', (error: Error & { code?: string }) => {
        outcome ??= { error: error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? new WorkerLimitError('memory') : error };
      });
      worker.once('exit', (code) => {
        clearTimeout(timer);
        if (outcome && 'answer' in outcome) resolve(outcome.answer);
        else reject(outcome?.error ?? new Error(`The worker exited (code ${code}) without an answer.`));
      });
    });
  // The queue has no bound (uploads are already limited in size and by who may send them).
  return turns.run(run, () => new Error('unreachable: the worker queue has no bound'));
}

/** In a worker module run by `runInWorker`: computes the answer from its input and sends it back. */
export async function answerFromWorker<Input, Output>(compute: (input: Input) => Promise<Output>): Promise<void> {
  if (!parentPort) throw new Error('answerFromWorker runs only in a worker thread.');
  parentPort.postMessage(await compute((workerData as { input: Input }).input));
}

/**
 * At most `concurrency` runs at once, at most `queue` waiting in turn; `run` refuses the rest at
 * once (the caller says with what). Used where a few heavy jobs must not take the whole machine:
 * password hashing (auth/passwords.ts) and upload parsing in worker threads (import/worker.ts).
 */
export class Gate {
  private active = 0;
  private peakActive = 0;
  private runs = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(private limits: { concurrency: number; queue: number }) {}

  /** New limits; runs already going keep their slots, and waiting ones are let in if there is room now. */
  setLimits(limits: { concurrency: number; queue: number }): void {
    this.limits = { ...limits };
    this.peakActive = this.active;
    this.admitWaiting();
  }

  /** What it holds now, the most it ran at once (since the last reset) and how many it has let through. */
  stats(options: { resetPeak?: boolean } = {}): { active: number; waiting: number; peak: number; runs: number } {
    const stats = { active: this.active, waiting: this.waiting.length, peak: this.peakActive, runs: this.runs };
    if (options.resetPeak) this.peakActive = this.active;
    return stats;
  }

  /** Runs `work` when a slot is free; throws `refuse()` at once when the queue is full too. */
  async run<T>(work: () => Promise<T>, refuse: () => Error): Promise<T> {
    if (this.active < this.limits.concurrency) this.active++;
    else if (this.waiting.length < this.limits.queue) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else throw refuse();
    this.peakActive = Math.max(this.peakActive, this.active);
    this.runs++;
    try {
      return await work();
    } finally {
      // Freed and handed on in the same tick, so a newcomer cannot jump the queue.
      this.active--;
      this.admitWaiting();
    }
  }

  private admitWaiting(): void {
    while (this.waiting.length > 0 && this.active < this.limits.concurrency) {
      this.active++;
      this.waiting.shift()!();
    }
  }
}

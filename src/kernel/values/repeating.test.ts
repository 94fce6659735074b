import { afterEach, describe, expect, it, vi } from 'vitest';
import { startRepeating } from './repeating.js';

afterEach(() => vi.useRealTimers());

describe('startRepeating', () => {
  it('runs one round at a time, goes on after a failing round, and stop waits for the round in progress', async () => {
    vi.useFakeTimers();
    const errors: unknown[] = [];
    let rounds = 0;
    let release: (() => void) | undefined;
    const job = startRepeating(
      async () => {
        rounds += 1;
        if (rounds === 1) throw new Error('first round fails');
        await new Promise<void>((resolve) => (release = resolve));
      },
      { intervalMs: 1_000, onError: (error) => errors.push(error) },
    );
    await vi.advanceTimersByTimeAsync(1_000);
    expect(rounds).toBe(1);
    expect(errors).toEqual([new Error('first round fails')]);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(rounds).toBe(2);
    // The second round has not finished: no third one starts, however long it takes.
    await vi.advanceTimersByTimeAsync(10_000);
    expect(rounds).toBe(2);
    let stopped = false;
    const stopping = job.stop().then(() => (stopped = true));
    await vi.advanceTimersByTimeAsync(0);
    expect(stopped).toBe(false);
    release!();
    await stopping;
    await vi.advanceTimersByTimeAsync(10_000);
    expect(rounds).toBe(2);
  });
});

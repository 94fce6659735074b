import { describe, expect, it } from 'vitest';
import type { LeaderSupportDb } from '../leader-support.tables.js';
import { startDispatcher } from './worker.js';

describe('startDispatcher', () => {
  it('logs a failing round instead of throwing, keeps trying, and stops cleanly', async () => {
    let rounds = 0;
    const failing = {
      transaction: () => {
        rounds += 1;
        throw new Error('database is down');
      },
    } as unknown as LeaderSupportDb;
    const logged: string[] = [];
    const handle = startDispatcher(failing, { intervalMs: 5, mailer: { send: async () => {} }, log: (m) => logged.push(m) });
    await expect.poll(() => rounds, { timeout: 2000 }).toBeGreaterThanOrEqual(2);
    await handle.stop();
    const after = rounds;
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(rounds).toBe(after);
    expect(logged[0]).toMatch(/failed and will be tried again: database is down/);
  });
});

import type { LeaderSupportDb } from '../leader-support.tables.js';
import { runDispatcher, type DispatchResult } from './dispatcher.js';
import type { Mailer } from './mailer.js';
import type { DeliveryOptions } from './webhook-delivery.js';

export interface DispatcherHandle {
  /** Stops the timer and waits for a round in progress to finish. */
  stop(): Promise<void>;
}

/**
 * Runs the dispatcher every `intervalMs`, one round at a time (a slow round delays the next one,
 * never overlaps it). A failing round is logged and the next one tries again: it never throws out.
 */
export function startDispatcher(
  db: LeaderSupportDb,
  options: { intervalMs: number; mailer: Mailer; log: (message: string) => void; outbound?: DeliveryOptions['outbound'] },
): DispatcherHandle {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;

  const round = async () => {
    try {
      const result = await runDispatcher(db, new Date(), { mailer: options.mailer, outbound: options.outbound });
      if (hasWork(result)) options.log(`leader-support dispatcher: ${describe(result)}`);
    } catch (error) {
      options.log(
        `leader-support dispatcher: the round failed and will be tried again: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  };

  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(() => {
      running = round().finally(() => {
        running = undefined;
        schedule();
      });
    }, options.intervalMs);
    // The dispatcher alone never keeps the process alive.
    timer.unref();
  };
  schedule();

  return {
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}

const hasWork = (result: DispatchResult) => Object.values(result).some((n) => n > 0);
const describe = (result: DispatchResult) =>
  `${result.events} events, ${result.notifications} notifications, ${result.emails} e-mails sent, ${result.deliveries} webhook attempts, ${result.sweeps} service-level events`;

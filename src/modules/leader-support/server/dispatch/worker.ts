import { startRepeating, type RepeatingHandle } from '../../../../kernel/index.js';
import type { LeaderSupportDb } from '../leader-support.tables.js';
import { runDispatcher, type DispatchResult } from './dispatcher.js';
import type { Mailer } from './mailer.js';
import type { DeliveryOptions } from './webhook-delivery.js';

export type DispatcherHandle = RepeatingHandle;

/** Runs the dispatcher every `intervalMs`, one round at a time; a failing round is logged and tried again. */
export function startDispatcher(
  db: LeaderSupportDb,
  options: { intervalMs: number; mailer: Mailer; log: (message: string) => void; outbound?: DeliveryOptions['outbound'] },
): DispatcherHandle {
  return startRepeating(
    async () => {
      const result = await runDispatcher(db, new Date(), { mailer: options.mailer, outbound: options.outbound });
      if (hasWork(result)) options.log(`leader-support dispatcher: ${describe(result)}`);
    },
    {
      intervalMs: options.intervalMs,
      onError: (error) =>
        options.log(
          `leader-support dispatcher: the round failed and will be tried again: ${error instanceof Error ? error.message : String(error)}`,
        ),
    },
  );
}

const hasWork = (result: DispatchResult) => Object.values(result).some((n) => n > 0);
const describe = (result: DispatchResult) =>
  `${result.events} events, ${result.notifications} notifications, ${result.emails} e-mails sent, ${result.deliveries} webhook attempts, ${result.sweeps} service-level events`;

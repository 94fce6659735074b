/** A background job that stops cleanly. */
export interface RepeatingHandle {
  /** Stops the timer and waits for a round in progress to finish. */
  stop(): Promise<void>;
}

/**
 * Runs `round` every `intervalMs`, one round at a time: a slow round delays the next one, never
 * overlaps it. A failing round goes to `onError` and the next one tries again; nothing throws out.
 * The timer alone never keeps the process alive.
 */
export function startRepeating(
  round: () => Promise<void>,
  options: { intervalMs: number; onError: (error: unknown) => void },
): RepeatingHandle {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  const safeRound = async () => {
    try {
      await round();
    } catch (error) {
      options.onError(error);
    }
  };
  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(() => {
      running = safeRound().finally(() => {
        running = undefined;
        schedule();
      });
    }, options.intervalMs);
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

import { availableParallelism } from 'node:os';
import { hash, verify } from '@node-rs/argon2';
import { AppError } from '../errors/app-error.js';
import { Gate } from '../values/gate.js';

// argon2id with OWASP's recommended minimum (19 MiB, 2 iterations, 1 lane).
const options = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

/** How many hashes may run at once and how many may wait; the rest are refused at once. */
export interface PasswordHashingLimits {
  concurrency: number;
  queue: number;
}

// One gate for the whole process: the cores it protects are the process's, whichever app asks.
// Without it every anonymous sign-in attempt starts an argon2 run, and a flood of them (random
// usernames slip past the per-username limit) starves every other request of CPU. Until the
// configuration sets the limits (scripts that hash without an app): config.ts's defaults.
const gate = new Gate({
  concurrency: Math.max(1, availableParallelism() - 1),
  queue: 8 * Math.max(1, availableParallelism() - 1),
});

/**
 * Sets the limits (from the configuration, at start-up) and makes the dummy hash now, so the first
 * unknown username costs no more than a wrong password. Work already running keeps its slot.
 */
export async function configurePasswordHashing(limits: PasswordHashingLimits): Promise<void> {
  gate.setLimits(limits);
  await dummyHash();
}

/**
 * What the gate holds now, the most it ran at once since the last reset and how many runs it let
 * through since the process started (tests, diagnostics).
 */
export function passwordHashingStats(options: { resetPeak?: boolean } = {}): ReturnType<Gate['stats']> {
  return gate.stats(options);
}

/**
 * Runs `work` when a slot is free. When the queue is full as well it throws `rate_limited` with
 * Retry-After at once, the same answer whoever asked, so a flood is refused cheaply instead of piling up.
 */
export function withPasswordSlot<T>(work: () => Promise<T>): Promise<T> {
  return gate.run(work, () => new AppError('rate_limited', { retryAfterSeconds: 1 }));
}

export function hashPassword(password: string): Promise<string> {
  return withPasswordSlot(() => hash(password, options));
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  return withPasswordSlot(async () => {
    try {
      return await verify(passwordHash, password);
    } catch {
      return false;
    }
  });
}

// Verifying against this when the user does not exist takes as long as a real check, so response
// times do not tell which usernames exist.
let dummy: Promise<string> | undefined;
function dummyHash(): Promise<string> {
  dummy ??= hashPassword('dummy password for timing').catch((error: unknown) => {
    dummy = undefined; // refused by a full queue: try again next time
    throw error;
  });
  return dummy;
}

export async function verifyAgainstDummy(password: string): Promise<false> {
  await verifyPassword(await dummyHash(), password);
  return false;
}

import { createHmac, timingSafeEqual } from 'node:crypto';

// Webhook deliveries: signed with the webhook's shared secret and retried with exponential backoff.

/** The signature header's value: `sha256=<hex HMAC-SHA256 of the raw body with the secret>`. */
export function signWebhookBody(secret: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(body, 'utf8').digest('hex')}`;
}

/** What a receiver does: recompute the signature over the raw body and compare in constant time. */
export function verifyWebhookSignature(secret: string, body: string, header: string | null | undefined): boolean {
  if (!header) return false;
  const expected = Buffer.from(signWebhookBody(secret, body));
  const given = Buffer.from(header);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

/** A delivery is given up on after this many failed attempts. */
export const maxWebhookAttempts = 8;
const firstDelayMs = 60_000;
const maxDelayMs = 6 * 60 * 60_000;

/** The wait after the `attempts`-th failed attempt: 1 min × 2^(attempts − 1), at most 6 hours. */
export function webhookRetryDelayMs(attempts: number): number {
  const exponent = Math.max(0, attempts - 1);
  // 2^9 minutes already exceeds the cap; stop doubling before the number grows silly.
  return exponent >= 9 ? maxDelayMs : Math.min(maxDelayMs, firstDelayMs * 2 ** exponent);
}

/** After a failed attempt: the next try, or that it was the last. */
export function afterFailedAttempt(previousAttempts: number, now: Date): { attempts: number; nextAttemptAt: Date; failed: boolean } {
  const attempts = previousAttempts + 1;
  return { attempts, nextAttemptAt: new Date(now.getTime() + webhookRetryDelayMs(attempts)), failed: attempts >= maxWebhookAttempts };
}

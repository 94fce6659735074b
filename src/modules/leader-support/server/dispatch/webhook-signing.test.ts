import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { afterFailedAttempt, maxWebhookAttempts, signWebhookBody, verifyWebhookSignature, webhookRetryDelayMs } from './webhook-signing.js';

describe('webhook signatures', () => {
  const secret = 'a-shared-secret-of-some-length';
  const body = '{"id":1,"type":"resolved","text":"Løst – æøå"}';

  it('is the hex HMAC-SHA256 of the raw UTF-8 body, prefixed sha256=', () => {
    expect(signWebhookBody(secret, body)).toBe(`sha256=${createHmac('sha256', secret).update(Buffer.from(body, 'utf8')).digest('hex')}`);
  });

  it('verifies only the same body with the same secret', () => {
    const signature = signWebhookBody(secret, body);
    expect(verifyWebhookSignature(secret, body, signature)).toBe(true);
    expect(verifyWebhookSignature(secret, body.replace('1', '2'), signature)).toBe(false);
    expect(verifyWebhookSignature('another-secret-of-some-length', body, signature)).toBe(false);
    expect(verifyWebhookSignature(secret, body, undefined)).toBe(false);
    expect(verifyWebhookSignature(secret, body, 'sha256=00')).toBe(false);
  });
});

describe('webhook backoff', () => {
  it('waits 1, 2, 4 … minutes after each failure, at most six hours', () => {
    expect([1, 2, 3, 4, 7].map(webhookRetryDelayMs)).toEqual([1, 2, 4, 8, 64].map((m) => m * 60_000));
    expect(webhookRetryDelayMs(10)).toBe(6 * 60 * 60_000);
    expect(webhookRetryDelayMs(1000)).toBe(6 * 60 * 60_000);
  });

  it('gives up after the eighth failed attempt', () => {
    const now = new Date('2026-01-05T10:00:00Z');
    expect(afterFailedAttempt(0, now)).toEqual({ attempts: 1, nextAttemptAt: new Date('2026-01-05T10:01:00Z'), failed: false });
    expect(afterFailedAttempt(maxWebhookAttempts - 2, now).failed).toBe(false);
    expect(afterFailedAttempt(maxWebhookAttempts - 1, now)).toMatchObject({ attempts: 8, failed: true });
  });
});

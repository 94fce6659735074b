import { promisify } from 'node:util';
import zlib from 'node:zlib';

const gzip = promisify(zlib.gzip);

/** Below this a response goes out as it is: compressing would cost more than it saves. */
const compressFrom = 32 * 1024;

/**
 * A response body serialised once, and compressed once when a client asks for gzip. Made for the
 * large answers kept between requests (the org tree and the roll-ups at 10× are megabytes):
 * serialising and sending those took longer than everything else in the request.
 */
export class SerialisedJson {
  #gzipped: Promise<Buffer> | undefined;
  constructor(readonly json: string) {}

  /** Compressed in the thread pool, so the event loop serves other requests meanwhile. */
  gzipped(): Promise<Buffer> {
    this.#gzipped ??= gzip(this.json, { level: 6 });
    return this.#gzipped;
  }
}

const kept = new WeakMap<object, { variant: string; value: SerialisedJson }>();

/**
 * The serialised response for a value kept between requests: made the first time, given again
 * while `keptValue` is the same object (so it lives exactly as long as that does). `variant` names
 * what else went into the body (a small part that may change on its own); a new one makes it anew.
 */
export function serialisedOnce(keptValue: object, body: () => unknown, variant = ''): SerialisedJson {
  const known = kept.get(keptValue);
  if (known && known.variant === variant) return known.value;
  const value = new SerialisedJson(JSON.stringify(body()));
  kept.set(keptValue, { variant, value });
  return value;
}

interface Reply {
  header(name: string, value: string): unknown;
  type(contentType: string): unknown;
}

/**
 * Sends a body serialised beforehand, gzipped when the client accepts it and it is large. It goes
 * out as it is: the route's response schema is not applied, so the caller builds it from the same
 * typed value the schema describes. Returns the reply, which a handler returns to say it has sent.
 */
export async function sendSerialised<R extends Reply>(
  request: { headers: Record<string, unknown> },
  reply: R,
  body: SerialisedJson,
): Promise<R> {
  reply.type('application/json; charset=utf-8');
  reply.header('vary', 'accept-encoding');
  const accepts = String(request.headers['accept-encoding'] ?? '');
  const send = (payload: string | Buffer) => (reply as unknown as { send(payload: string | Buffer): unknown }).send(payload);
  if (body.json.length >= compressFrom && /\bgzip\b/.test(accepts)) {
    const compressed = await body.gzipped();
    reply.header('content-encoding', 'gzip');
    send(compressed);
  } else {
    send(body.json);
  }
  return reply;
}

import Fastify from 'fastify';
import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { sendSerialised, serialisedOnce } from './serialised.js';

describe('[API][SERIALISED_ONCE]', () => {
  const big = { units: Array.from({ length: 2000 }, (_, i) => ({ id: `unit-${i}`, name: `Enhet ${i} – Bragernes` })) };
  const small = { units: [{ id: 'a', name: 'Å' }] };

  async function app() {
    const fastify = Fastify();
    fastify.get('/big', (request, reply) =>
      sendSerialised(
        request,
        reply,
        serialisedOnce(big, () => big),
      ),
    );
    fastify.get('/small', (request, reply) =>
      sendSerialised(
        request,
        reply,
        serialisedOnce(small, () => small),
      ),
    );
    await fastify.ready();
    return fastify;
  }

  it('sends a large body gzipped to a client that accepts it, and the same JSON to one that does not', async () => {
    const fastify = await app();
    const zipped = await fastify.inject({ url: '/big', headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(zipped.headers['content-type']).toMatch(/^application\/json/);
    expect(zipped.headers.vary).toMatch(/accept-encoding/i);
    expect(JSON.parse(zlib.gunzipSync(zipped.rawPayload).toString('utf8'))).toEqual(big);
    expect(zipped.rawPayload.length).toBeLessThan(JSON.stringify(big).length / 4);

    const plain = await fastify.inject({ url: '/big' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.json()).toEqual(big);
    // A small body is not worth compressing.
    const tiny = await fastify.inject({ url: '/small', headers: { 'accept-encoding': 'gzip' } });
    expect(tiny.headers['content-encoding']).toBeUndefined();
    expect(tiny.json()).toEqual(small);
    await fastify.close();
  });

  it('serialises a kept value once, and anew when its variant changes', () => {
    const value = { n: 1 };
    let built = 0;
    const body = () => {
      built += 1;
      return value;
    };
    const first = serialisedOnce(value, body, 'a');
    expect(serialisedOnce(value, body, 'a')).toBe(first);
    expect(built).toBe(1);
    expect(serialisedOnce(value, body, 'b')).not.toBe(first);
    expect(built).toBe(2);
  });
});

import type { FastifyRequest } from 'fastify';
import { describe, expect, it } from 'vitest';
import { AppError } from '../errors/app-error.js';
import { assertSafeName, hasBidiControl, hasLoneSurrogate, isInvalidUtf8, refuseUnsafeText } from './unicode.js';

const request = (parts: { url?: string; params?: unknown; query?: unknown; body?: unknown }) =>
  ({ url: '/api/x', params: {}, query: {}, body: undefined, ...parts }) as unknown as FastifyRequest;

async function refusal(parts: Parameters<typeof request>[0]): Promise<AppError | null> {
  try {
    await refuseUnsafeText(request(parts));
    return null;
  } catch (error) {
    return error as AppError;
  }
}

describe('ill-formed text and direction controls', () => {
  it('tells a lone surrogate from a pair', () => {
    expect(hasLoneSurrogate('a\ud800b')).toBe(true);
    expect(hasLoneSurrogate('\udc00')).toBe(true);
    expect(hasLoneSurrogate('Bjørn 😀')).toBe(false);
  });

  it('finds every bidirectional control the issue names, and nothing in plain Norwegian', () => {
    for (const control of [
      '\u202A',
      '\u202B',
      '\u202C',
      '\u202D',
      '\u202E',
      '\u2066',
      '\u2067',
      '\u2068',
      '\u2069',
      '\u200E',
      '\u200F',
      '\u061C',
    ])
      expect(hasBidiControl(`a${control}b`)).toBe(true);
    expect(hasBidiControl('Årsrapport for Øvre Eiker – «ny»')).toBe(false);
  });

  it('reads invalid UTF-8 and encoded surrogates as invalid', () => {
    expect(isInvalidUtf8(Buffer.from([0xff]))).toBe(true);
    expect(isInvalidUtf8(Buffer.from([0xed, 0xa0, 0x80]))).toBe(true);
    expect(isInvalidUtf8(Buffer.from('æøå 😀'))).toBe(false);
  });

  it('refuses with the place named, and lets clean requests through', async () => {
    expect(await refusal({ body: { items: [{ note: 'x\ud800' }] } })).toMatchObject({
      code: 'invalid',
      details: [{ in: 'body', path: 'items.0.note' }],
    });
    expect(await refusal({ query: { q: '\udfff' } })).toMatchObject({ details: [{ in: 'querystring', path: 'q' }] });
    expect(await refusal({ url: '/api/x/%ED%A0%80' })).toMatchObject({ details: [{ in: 'params' }] });
    expect(await refusal({ url: '/api/x?a=%F0%9F%98%80&b=%FF' })).toMatchObject({ details: [{ in: 'querystring' }] });
    expect(await refusal({ body: { displayName: `Ola\u202Enamron` } })).toMatchObject({ details: [{ path: 'displayName' }] });
    expect(await refusal({ body: { fileNames: ['a.pdf', `b\u2066.txt`] } })).toMatchObject({ details: [{ path: 'fileNames.1' }] });
    // Prose may need direction marks (a quote in Arabic); only names are refused them.
    expect(await refusal({ body: { description: 'tekst \u200F' } })).toBeNull();
    expect(await refusal({ url: '/api/x?q=%C3%A6', query: { q: 'æ' }, body: { name: 'Bjørn' } })).toBeNull();
    expect(await refusal({ body: Buffer.from([0xff]) })).toBeNull(); // raw uploads are their route's to read
  });

  it('walks a body nested thousands deep without overflowing the stack', async () => {
    let deep: unknown = 'x\ud800';
    for (let i = 0; i < 100_000; i++) deep = [deep];
    const error = await refusal({ body: { a: deep } });
    expect(error?.code).toBe('invalid');
    expect(JSON.stringify(error?.details).length).toBeLessThan(400);
  });

  it('refuses a name with direction controls where a module reads it itself', () => {
    expect(() => assertSafeName(`faktura\u202Efdp.txt`, { in: 'querystring', path: 'fileName' })).toThrow(AppError);
    expect(() => assertSafeName('faktura.pdf', { in: 'querystring', path: 'fileName' })).not.toThrow();
  });
});

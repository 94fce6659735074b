import { describe, expect, it } from 'vitest';
import { ApiError } from '../data/client';
import { fieldErrors, isStale } from './write-error';

describe('fieldErrors', () => {
  it('reads a schema refusal: one message per field, the first one kept', () => {
    const error = new ApiError(400, 'validation', 'Ugyldig forespørsel', [
      { path: '/name', problem: 'Navnet mangler.' },
      { path: '/validFrom', problem: 'Ikke en dato.' },
      { path: '/name', problem: 'For langt.' },
    ]);
    expect(fieldErrors(error)).toEqual({ name: 'Navnet mangler.', validFrom: 'Ikke en dato.' });
  });

  it('keys a nested path by its first segment, with slashes or dots', () => {
    const error = new ApiError(400, 'validation', 'Ugyldig', [
      { path: '/address/street', problem: 'Gaten mangler.' },
      { path: 'contacts.0.email', problem: 'Ikke en e-postadresse.' },
    ]);
    expect(fieldErrors(error)).toEqual({ address: 'Gaten mangler.', contacts: 'Ikke en e-postadresse.' });
  });

  it('picks the language of a problem given in both, and skips it without a language', () => {
    const error = new ApiError(400, 'validation', 'Ugyldig', [
      { path: '/name', problem: { nb: 'Navnet mangler.', en: 'The name is missing.' } },
    ]);
    expect(fieldErrors(error, 'en')).toEqual({ name: 'The name is missing.' });
    expect(fieldErrors(error, 'nb')).toEqual({ name: 'Navnet mangler.' });
    expect(fieldErrors(error)).toEqual({});
  });

  it("with the UI's language, a bare validator text gives way to the refusal's message, then «check the value»", () => {
    const error = new ApiError(400, 'validation', 'Sjekk feltene i skjemaet.', [
      { path: '/name', problem: 'must NOT have fewer than 1 characters' },
      { path: '/code', problem: 'must match pattern' },
      { path: '/name', problem: 'must be string' },
    ]);
    expect(fieldErrors(error, 'nb')).toEqual({ name: 'Sjekk feltene i skjemaet.', code: 'Sjekk verdien i dette feltet.' });
    expect(fieldErrors(error, 'en')).toEqual({ name: 'Sjekk feltene i skjemaet.', code: 'Check the value of this field.' });
  });

  it('skips items without a path or a message', () => {
    const error = new ApiError(400, 'validation', 'Ugyldig', [
      null,
      'tekst',
      { path: '/name' },
      { problem: 'Uten felt.' },
      { path: '', problem: 'Tom sti.' },
    ]);
    expect(fieldErrors(error)).toEqual({});
  });

  it("gives a command's refusal naming one field the main message on that field", () => {
    const error = new ApiError(409, 'conflict', 'Koden er allerede i bruk.', { path: '/code' });
    expect(fieldErrors(error)).toEqual({ code: 'Koden er allerede i bruk.' });
    expect(fieldErrors(new ApiError(409, 'conflict', 'Finnes fra før.', { path: '/parent/id' }))).toEqual({ parent: 'Finnes fra før.' });
    // Some commands name the field rather than a path.
    expect(fieldErrors(new ApiError(409, 'conflict', 'Navnet er tatt.', { field: 'name' }))).toEqual({ name: 'Navnet er tatt.' });
    expect(fieldErrors(new ApiError(400, 'invalid', 'Ikke en periode.', { field: 'period' }))).toEqual({ period: 'Ikke en periode.' });
  });

  it('is empty for anything but an ApiError with details', () => {
    expect(fieldErrors(new Error('nettverksfeil'))).toEqual({});
    expect(fieldErrors({ details: [{ path: '/name', problem: 'x' }] })).toEqual({});
    expect(fieldErrors(null)).toEqual({});
    expect(fieldErrors(undefined)).toEqual({});
    expect(fieldErrors(new ApiError(500, 'internal', 'Feil'))).toEqual({});
    expect(fieldErrors(new ApiError(409, 'conflict', 'Feil', { other: 1 }))).toEqual({});
  });
});

describe('isStale', () => {
  it('is true only for an ApiError with the code stale', () => {
    expect(isStale(new ApiError(409, 'stale', 'Utdatert'))).toBe(true);
    expect(isStale(new ApiError(409, 'conflict', 'Konflikt'))).toBe(false);
    expect(isStale(Object.assign(new Error('Utdatert'), { code: 'stale' }))).toBe(false);
    expect(isStale(null)).toBe(false);
  });
});

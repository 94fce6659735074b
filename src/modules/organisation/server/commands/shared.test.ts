import { describe, expect, it } from 'vitest';
import { cleanText, listNames, slugify } from './shared.js';

describe('[ORGANISATION_EDITOR][KEYS]', () => {
  it('makes a readable key from a Norwegian name', () => {
    expect(slugify('Bibliotek og møteplass')).toBe('bibliotek-og-moteplass');
    expect(slugify('Ærlig Åsgårdstrand skole')).toBe('aerlig-asgardstrand-skole');
    expect(slugify('  1.linje til ledere! ')).toBe('1-linje-til-ledere');
    expect(slugify('Café Ü')).toBe('cafe-u');
    expect(slugify('–––')).toBe('ny');
  });

  it('treats blank optional text as not given', () => {
    expect(cleanText('  ')).toBeNull();
    expect(cleanText(undefined)).toBeNull();
    expect(cleanText(' 002 s. 26 ')).toBe('002 s. 26');
  });

  it('names the first few and counts the rest', () => {
    expect(listNames(['a', 'b'])).toBe('«a», «b»');
    expect(listNames(['a', 'b', 'c', 'd'], 2)).toBe('«a», «b» og 2 til');
  });
});

import { describe, expect, it } from 'vitest';
import { joinNumbers, sharedServiceName } from './service-names.js';

describe('shared service names', () => {
  it('follow «… for kommunedel 1 og 2», numbers sorted and once each', () => {
    expect(sharedServiceName('Helsestasjon', [2, 1])).toBe('Helsestasjon for kommunedel 1 og 2');
    expect(sharedServiceName('Helsestasjon', [3, 1, 2, 3])).toBe('Helsestasjon for kommunedel 1, 2 og 3');
    expect(sharedServiceName('Helsestasjon', [4])).toBe('Helsestasjon');
    expect(sharedServiceName('Helsestasjon', [4, 4])).toBe('Helsestasjon');
    expect(joinNumbers([10, 9])).toBe('9 og 10');
  });
});

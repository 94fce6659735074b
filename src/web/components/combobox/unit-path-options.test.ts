import { describe, expect, it } from 'vitest';
import { unitPathOptions } from './unit-path-options';

const collator = new Intl.Collator('nb');
const units = [
  { id: 'top', name: 'Rådmannens lederteam', parentId: null },
  { id: 'opp', name: 'Oppvekst', parentId: 'top' },
  { id: 'skole', name: 'Skole', parentId: 'opp' },
  { id: 'aron', name: 'Aronsløkka skole', parentId: 'skole' },
  { id: 'adm-1', name: 'Administrasjon', parentId: 'aron' },
  { id: 'helse', name: 'Helse', parentId: 'top' },
  { id: 'adm-2', name: 'Administrasjon', parentId: 'helse' },
];

describe('unitPathOptions', () => {
  it('describes each unit by the units above it, without the single top, so two of a name differ', () => {
    const options = unitPathOptions(units, collator.compare);
    expect(options.find((o) => o.value === 'aron')).toEqual({ value: 'aron', label: 'Aronsløkka skole', description: 'Oppvekst › Skole' });
    expect(options.filter((o) => o.label === 'Administrasjon').map((o) => o.description)).toEqual([
      'Helse',
      'Oppvekst › Skole › Aronsløkka skole',
    ]);
    expect(options.find((o) => o.value === 'top')!.description).toBeUndefined();
    expect(options.find((o) => o.value === 'opp')!.description).toBeUndefined();
    expect(options.map((o) => o.label)).toEqual([
      'Administrasjon',
      'Administrasjon',
      'Aronsløkka skole',
      'Helse',
      'Oppvekst',
      'Rådmannens lederteam',
      'Skole',
    ]);
  });

  it('takes the value and the units to offer from the caller, and keeps the path through the others', () => {
    const options = unitPathOptions(units, collator.compare, {
      value: (unit) => `key-${unit.id}`,
      include: (unit) => unit.id !== 'skole',
    });
    expect(options.map((o) => o.value)).not.toContain('key-skole');
    expect(options.find((o) => o.value === 'key-aron')!.description).toBe('Oppvekst › Skole');
  });

  it('keeps every top when there are several, and stops at a missing parent or a loop', () => {
    const options = unitPathOptions(
      [
        { id: 'a', name: 'A', parentId: null },
        { id: 'b', name: 'B', parentId: null },
        { id: 'c', name: 'C', parentId: 'a' },
        { id: 'd', name: 'D', parentId: 'gone' },
        { id: 'x', name: 'X', parentId: 'y' },
        { id: 'y', name: 'Y', parentId: 'x' },
      ],
      collator.compare,
    );
    expect(Object.fromEntries(options.map((o) => [o.value, o.description]))).toEqual({
      a: undefined,
      b: undefined,
      c: 'A',
      d: undefined,
      x: 'Y',
      y: 'X',
    });
  });
});

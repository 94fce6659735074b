import { describe, expect, it } from 'vitest';
import type { TreeUnit } from '../../organisation.schemas';
import { buildUnitTree, findUnits } from './tree-model';

const unit = (id: string, name: string, parentId: string | null, personName: string | null = null): TreeUnit => ({
  id,
  key: id,
  name,
  kind: 'unit',
  level: parentId ? 2 : 1,
  parentId,
  classification: 'service',
  nameKnown: true,
  leader: { positionId: `p-${id}`, title: 'virksomhetsleder', personName, personId: personName ? `person-${id}` : null },
  positions: 3,
  source: null,
});

const tree = buildUnitTree(
  [
    unit('top', 'Rådmannens lederteam', null),
    unit('lv', 'Legevakt', 'top', 'Kari Nordmann'),
    unit('hs', 'Helsetjenester', 'top'),
    unit('ls', 'Legesenter Strømsø', 'top'),
    unit('as', 'Aronsløkka skole', 'top'),
  ],
  new Intl.Collator('nb'),
);

describe('the chart search', () => {
  it('finds names that hold the words, the start of a name first', () => {
    const found = findUnits(tree, 'lege');
    expect(found.typos).toBe(false);
    expect(found.units.map((u) => u.name)).toEqual(['Legevakt', 'Legesenter Strømsø']);
  });

  it('tolerates typos when nothing matches exactly, as the service search does', () => {
    expect(findUnits(tree, 'legevkt')).toEqual({ units: [tree.byId.get('lv')], typos: true });
    expect(findUnits(tree, 'helsetjenster').units.map((u) => u.name)).toEqual(['Helsetjenester']);
    expect(findUnits(tree, 'aronslokka skloe').units.map((u) => u.name)).toEqual(['Aronsløkka skole']);
    expect(findUnits(tree, 'barnevern')).toEqual({ units: [], typos: false });
  });

  it('finds a unit by its leader’s name', () => {
    expect(findUnits(tree, 'kari nordman').units.map((u) => u.name)).toEqual(['Legevakt']);
  });
});

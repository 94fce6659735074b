import { describe, expect, it } from 'vitest';
import { pickRule } from './routing.js';

const rule = (id: string, categoryId: string | null, areaUnitId: string | null) => ({ id, categoryId, areaUnitId, groupId: `group-${id}` });

// A school (skole-a) under the service area Skole (omrade-skole) under the director area Utdanning.
const chain = ['skole-a', 'omrade-skole', 'dir-utdanning'];

describe('routing rules', () => {
  const rules = [
    rule('payroll-any', 'lonn', null),
    rule('payroll-school', 'lonn', 'omrade-skole'),
    rule('payroll-health', 'lonn', 'omrade-helse'),
    rule('education-any-category', null, 'dir-utdanning'),
    rule('fallback', null, null),
  ];

  it('sends a payroll request from a school to the school-sector payroll group', () => {
    expect(pickRule(rules, 'lonn', chain)?.id).toBe('payroll-school');
  });

  it('sends a payroll request from elsewhere to the general payroll group', () => {
    expect(pickRule(rules, 'lonn', ['sykehjem-b', 'omrade-omsorg'])?.id).toBe('payroll-any');
  });

  it('prefers a rule for the category over a rule for the area alone', () => {
    expect(pickRule([rule('area', null, 'omrade-skole'), rule('category', 'lonn', null)], 'lonn', chain)?.id).toBe('category');
  });

  it('prefers the nearest area: the unit itself before its service area before its director area', () => {
    const nested = [rule('director', 'ikt', 'dir-utdanning'), rule('unit', 'ikt', 'skole-a'), rule('area', 'ikt', 'omrade-skole')];
    expect(pickRule(nested, 'ikt', chain)?.id).toBe('unit');
    expect(pickRule(nested, 'ikt', ['skole-b', 'omrade-skole', 'dir-utdanning'])?.id).toBe('area');
  });

  it('falls back to a rule for any category and area, and finds nothing without one', () => {
    expect(pickRule(rules, 'arkiv', ['byarkiv', 'fellestjenester'])?.id).toBe('fallback');
    expect(pickRule(rules.slice(0, 3), 'arkiv', chain)).toBeNull();
  });

  it('follows the organisation: the same school moved to another area is routed by its new chain', () => {
    expect(pickRule(rules, 'lonn', ['skole-a', 'omrade-helse', 'dir-helse'])?.id).toBe('payroll-health');
  });
});

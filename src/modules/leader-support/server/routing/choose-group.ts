import { selectUnitsWithAncestors, type OrganisationDb } from '../../../organisation/index.js';
import type { LeaderSupportDb } from '../leader-support.tables.js';
import { pickRule } from './routing.js';

export interface GroupChoice {
  group: { id: string; name: string; line: number } | null;
  rule: { id: string } | null;
  /** The requester's unit and the units above it on the date, nearest first. */
  chain: { id: string; name: string; level: number }[];
}

/** The units from `unitId` upwards on `date`, nearest first (empty without a unit). */
export async function unitChain(db: LeaderSupportDb, unitId: string | null, date: string): Promise<GroupChoice['chain']> {
  if (!unitId) return [];
  const units = await selectUnitsWithAncestors(db as unknown as OrganisationDb, [unitId], date);
  const chain: GroupChoice['chain'] = [];
  const seen = new Set<string>();
  let current = units.get(unitId);
  while (current && !seen.has(current.id)) {
    seen.add(current.id);
    chain.push({ id: current.id, name: current.name, level: current.level });
    current = current.parent_id ? units.get(current.parent_id) : undefined;
  }
  return chain;
}

/** The second-line group for a request in `categoryId` from `unitId`, by the routing rules, as the organisation is on `date`. */
export async function chooseGroup(db: LeaderSupportDb, categoryId: string, unitId: string | null, date: string): Promise<GroupChoice> {
  const [rules, chain] = await Promise.all([
    db
      .selectFrom('ls_routing_rules as r')
      .innerJoin('ls_groups as g', 'g.id', 'r.group_id')
      .select(['r.id', 'r.category_id as categoryId', 'r.area_unit_id as areaUnitId', 'r.group_id as groupId', 'g.name', 'g.line'])
      .where('g.active', '=', true)
      .where((eb) => eb.or([eb('r.category_id', '=', categoryId), eb('r.category_id', 'is', null)]))
      .execute(),
    unitChain(db, unitId, date),
  ]);
  const rule = pickRule(
    rules,
    categoryId,
    chain.map((u) => u.id),
  );
  return { group: rule ? { id: rule.groupId, name: rule.name, line: rule.line } : null, rule: rule ? { id: rule.id } : null, chain };
}

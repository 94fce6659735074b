import { sortByNorwegian } from '../../../kernel/index.js';
import { spanRoleTypes, type LevelException, type RuleSetting } from '../rules.schemas.js';
import { validOn } from './organisation.queries.js';
import type { OrganisationDb } from './organisation.tables.js';

/** The span-of-control thresholds, in the order of the leader hierarchy. */
export async function selectRuleSettings(db: OrganisationDb): Promise<RuleSetting[]> {
  const rows = await db.selectFrom('org_rule_settings').select(['role_type', 'max_span', 'revision']).execute();
  const order = (roleType: string) => (spanRoleTypes as readonly string[]).indexOf(roleType);
  return rows
    .filter((r) => order(r.role_type) >= 0)
    .sort((a, b) => order(a.role_type) - order(b.role_type))
    .map((r) => ({ roleType: r.role_type as RuleSetting['roleType'], maxSpan: r.max_span, revision: r.revision }));
}

/** One threshold, locked until the transaction ends so that two edits cannot both pass the revision check. */
export function lockRuleSetting(db: OrganisationDb, roleType: string) {
  return db
    .selectFrom('org_rule_settings')
    .select(['role_type', 'max_span', 'revision'])
    .where('role_type', '=', roleType)
    .forUpdate()
    .executeTakeFirst();
}

const exceptionColumns = [
  'e.id',
  'e.rule',
  'e.unit_id',
  'u.key as unit_key',
  'e.reason',
  'e.source',
  'e.valid_from',
  'e.valid_to',
] as const;

type ExceptionRow = {
  id: string;
  rule: string;
  unit_id: string;
  unit_key: string;
  unit_name: string | null;
  reason: string;
  source: string | null;
  valid_from: string;
  valid_to: string | null;
};

function toLevelException(row: ExceptionRow): LevelException {
  return {
    id: row.id,
    rule: row.rule as LevelException['rule'],
    unit: { id: row.unit_id, key: row.unit_key, name: row.unit_name },
    reason: row.reason,
    source: row.source,
    validFrom: row.valid_from,
    validTo: row.valid_to,
  };
}

/** The level exceptions that hold on `date`, with each unit's name that day, sorted by unit name. */
export async function selectLevelExceptions(db: OrganisationDb, date: string): Promise<LevelException[]> {
  const rows = await db
    .selectFrom('org_level_exceptions as e')
    .innerJoin('org_units as u', 'u.id', 'e.unit_id')
    .leftJoin('org_unit_versions as uv', (join) => join.onRef('uv.unit_id', '=', 'e.unit_id').on(validOn('uv', date)))
    .select([...exceptionColumns, 'uv.name as unit_name'])
    .where(validOn('e', date))
    .execute();
  return sortByNorwegian(rows.map(toLevelException), (e) => `${e.unit.name ?? e.unit.key} ${e.validFrom}`);
}

/** One level exception with its unit's name on `date`. */
export async function findLevelException(db: OrganisationDb, id: string, date: string): Promise<LevelException | undefined> {
  const row = await db
    .selectFrom('org_level_exceptions as e')
    .innerJoin('org_units as u', 'u.id', 'e.unit_id')
    .leftJoin('org_unit_versions as uv', (join) => join.onRef('uv.unit_id', '=', 'e.unit_id').on(validOn('uv', date)))
    .select([...exceptionColumns, 'uv.name as unit_name'])
    .where('e.id', '=', id)
    .executeTakeFirst();
  return row ? toLevelException(row) : undefined;
}

/** Locks one exception row for an edit. */
export function lockLevelException(db: OrganisationDb, id: string) {
  return db
    .selectFrom('org_level_exceptions')
    .select(['id', 'rule', 'unit_id', 'reason', 'source', 'valid_from', 'valid_to'])
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

/** Locks a unit's identity row: level-exception edits for one unit then happen one at a time. */
export function lockUnit(db: OrganisationDb, unitId: string) {
  return db.selectFrom('org_units').select(['id', 'key']).where('id', '=', unitId).forUpdate().executeTakeFirst();
}

/** The unit with its name on `date` (null when it has no version that day); undefined when there is no such unit at all. */
export async function findUnitOn(
  db: OrganisationDb,
  unitId: string,
  date: string,
): Promise<{ id: string; key: string; name: string | null } | undefined> {
  return db
    .selectFrom('org_units as u')
    .leftJoin('org_unit_versions as uv', (join) => join.onRef('uv.unit_id', '=', 'u.id').on(validOn('uv', date)))
    .select(['u.id', 'u.key', 'uv.name'])
    .where('u.id', '=', unitId)
    .executeTakeFirst();
}

/** The unit's exceptions for `rule` that still hold on or after `date`: a new open-ended one from `date` would overlap them. */
export function selectExceptionsHoldingFrom(db: OrganisationDb, unitId: string, rule: string, date: string) {
  return db
    .selectFrom('org_level_exceptions')
    .select(['id', 'valid_from', 'valid_to'])
    .where('unit_id', '=', unitId)
    .where('rule', '=', rule)
    .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>', date)]))
    .orderBy('valid_from')
    .execute();
}

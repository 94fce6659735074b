import { compareNorwegian } from '../../../../kernel/index.js';
import type { Group, Priority, RoutingRule, Settings, SlaPolicy } from '../../leader-support.schemas.js';
import type { LeaderSupportDb } from '../leader-support.tables.js';
import type { BusinessCalendar } from '../sla/business-time.js';

// The desk's settings, service levels, routing rules and groups, as the administrator's page reads them.

export async function selectSettings(db: LeaderSupportDb): Promise<Settings> {
  const row = await db.selectFrom('ls_settings').selectAll().executeTakeFirstOrThrow();
  return {
    timeZone: row.time_zone,
    openingHours: row.opening_hours,
    closedDays: [...row.closed_days].sort(),
    rates: row.rates,
    warnPercent: row.warn_percent,
    firstLineTargetPercent: row.first_line_target_percent,
    revision: row.revision,
  };
}

/** The calendar the service-level clocks count open time in. */
export async function selectBusinessCalendar(db: LeaderSupportDb): Promise<BusinessCalendar> {
  const settings = await selectSettings(db);
  return { timeZone: settings.timeZone, openingHours: settings.openingHours, closedDays: settings.closedDays };
}

const priorityOrder: Record<Priority, number> = { urgent: 0, high: 1, normal: 2, low: 3 };

/** Every policy: the generic ones (any category) first, then per category by name; urgent before low. */
export async function selectSlaPolicies(db: LeaderSupportDb, id?: string): Promise<SlaPolicy[]> {
  let query = db
    .selectFrom('ls_sla_policies as p')
    .leftJoin('ls_categories as c', 'c.id', 'p.category_id')
    .select([
      'p.id',
      'p.priority',
      'p.response_minutes',
      'p.resolution_minutes',
      'p.revision',
      'c.id as category_id',
      'c.key as category_key',
      'c.name_nb',
      'c.name_en',
    ]);
  if (id) query = query.where('p.id', '=', id);
  const rows = await query.execute();
  const policies: SlaPolicy[] = rows.map((row) => ({
    id: row.id,
    category: row.category_id ? { id: row.category_id, key: row.category_key!, name: { nb: row.name_nb!, en: row.name_en! } } : null,
    // The cast survives the schema's Priority being a mapped union (its static type is never, see report).
    priority: row.priority as SlaPolicy['priority'],
    responseMinutes: row.response_minutes,
    resolutionMinutes: row.resolution_minutes,
    revision: row.revision,
  }));
  return policies.sort(
    (a, b) =>
      Number(a.category !== null) - Number(b.category !== null) ||
      compareNorwegian(a.category?.name.nb ?? '', b.category?.name.nb ?? '') ||
      priorityOrder[a.priority] - priorityOrder[b.priority],
  );
}

/** Names and levels of units as of a date (the version that holds on it). */
export async function selectUnitsOn(
  db: LeaderSupportDb,
  ids: string[],
  date: string,
): Promise<Map<string, { name: string; level: number }>> {
  const units = new Map<string, { name: string; level: number }>();
  if (ids.length === 0) return units;
  const rows = await db
    .selectFrom('org_unit_versions')
    .select(['unit_id', 'name', 'level'])
    .where('unit_id', 'in', [...new Set(ids)])
    .where('valid_from', '<=', date)
    .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>', date)]))
    .execute();
  for (const row of rows) units.set(row.unit_id, { name: row.name, level: row.level });
  return units;
}

/** Routing rules with their category, area (named as of `date`) and group; "any category" first, then by name. */
export async function selectRoutingRules(db: LeaderSupportDb, date: string, id?: string): Promise<RoutingRule[]> {
  let query = db
    .selectFrom('ls_routing_rules as r')
    .innerJoin('ls_groups as g', 'g.id', 'r.group_id')
    .leftJoin('ls_categories as c', 'c.id', 'r.category_id')
    .select([
      'r.id',
      'r.area_unit_id',
      'r.note',
      'r.source',
      'r.revision',
      'g.id as group_id',
      'g.name as group_name',
      'g.line as group_line',
      'c.id as category_id',
      'c.key as category_key',
      'c.name_nb',
      'c.name_en',
    ]);
  if (id) query = query.where('r.id', '=', id);
  const rows = await query.execute();
  const units = await selectUnitsOn(
    db,
    rows.flatMap((row) => (row.area_unit_id ? [row.area_unit_id] : [])),
    date,
  );
  const rules: RoutingRule[] = rows.map((row) => {
    const unit = row.area_unit_id ? units.get(row.area_unit_id) : undefined;
    return {
      id: row.id,
      category: row.category_id ? { id: row.category_id, key: row.category_key!, name: { nb: row.name_nb!, en: row.name_en! } } : null,
      // A unit closed since the rule was made keeps its id, with the name unknown today.
      area: row.area_unit_id ? { id: row.area_unit_id, name: unit?.name ?? '(nedlagt enhet)', level: unit?.level ?? 0 } : null,
      group: { id: row.group_id, name: row.group_name, line: row.group_line },
      note: row.note,
      source: row.source,
      revision: row.revision,
    };
  });
  return rules.sort(
    (a, b) =>
      Number(a.category !== null) - Number(b.category !== null) ||
      compareNorwegian(a.category?.name.nb ?? '', b.category?.name.nb ?? '') ||
      Number(a.area !== null) - Number(b.area !== null) ||
      compareNorwegian(a.area?.name ?? '', b.area?.name ?? ''),
  );
}

/** The active groups with their members, by line and then name; units named as of `date`. */
export async function selectGroups(db: LeaderSupportDb, date: string, id?: string): Promise<Group[]> {
  let query = db
    .selectFrom('ls_groups')
    .select(['id', 'key', 'name', 'line', 'unit_id', 'specialisation', 'external', 'source', 'revision'])
    .where('active', '=', true);
  if (id) query = query.where('id', '=', id);
  const rows = await query.execute();
  if (rows.length === 0) return [];
  const members = await db
    .selectFrom('ls_group_members as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select(['m.group_id', 'u.id as user_id', 'u.display_name'])
    .where(
      'm.group_id',
      'in',
      rows.map((row) => row.id),
    )
    .execute();
  const units = await selectUnitsOn(
    db,
    rows.flatMap((row) => (row.unit_id ? [row.unit_id] : [])),
    date,
  );
  const groups: Group[] = rows.map((row) => {
    const unit = row.unit_id ? units.get(row.unit_id) : undefined;
    return {
      id: row.id,
      key: row.key,
      name: row.name,
      line: row.line,
      unit: row.unit_id ? { id: row.unit_id, name: unit?.name ?? '(nedlagt enhet)' } : null,
      specialisation: row.specialisation,
      external: row.external,
      members: members
        .filter((m) => m.group_id === row.id)
        .map((m) => ({ userId: m.user_id, displayName: m.display_name }))
        .sort((a, b) => compareNorwegian(a.displayName, b.displayName)),
      source: row.source,
      revision: row.revision,
    };
  });
  return groups.sort((a, b) => a.line - b.line || compareNorwegian(a.name, b.name));
}

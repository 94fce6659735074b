import { sql, type QueryExecutorProvider } from 'kysely';
import { compareNorwegian, sortByNorwegian, isUuid } from '../../../kernel/index.js';
import type { Holder, LineEnd, PersonDetail, PositionDetail, SearchResult, UnitDetail, UnitRef } from '../records.schemas.js';
import { addDays, type DatedEdge, type Period } from './dated-versions.js';
import { leaderRoleTypes, validOn } from './organisation.queries.js';
import type { OrganisationDb } from './organisation.tables.js';

export { isUuid };

// The reads behind the unit, position and person pages, and the look-ups the commands validate with.
// Each page is a fixed handful of queries whatever the size of the organisation (no N+1).

type UnitKind = UnitRef['kind'];
type RoleType = PositionDetail['roleType'];
type LineType = LineEnd['type'];

const leaderRank = (roleType: string) => {
  const rank = (leaderRoleTypes as readonly string[]).indexOf(roleType);
  return rank === -1 ? leaderRoleTypes.length : rank;
};

/** Leaders first (by rank), then by title, Norwegian rules. */
function byRankThenTitle<T extends { roleType: string; title: string }>(items: T[]): T[] {
  return [...items].sort((a, b) => leaderRank(a.roleType) - leaderRank(b.roleType) || compareNorwegian(a.title, b.title));
}

// ---------------------------------------------------------------------------------------------
// Building blocks

/** Who holds each of `positionIds` on `date`. */
export async function selectHoldersOn(db: OrganisationDb, positionIds: readonly string[], date: string): Promise<Map<string, Holder[]>> {
  const holders = new Map<string, Holder[]>();
  if (positionIds.length === 0) return holders;
  const rows = await db
    .selectFrom('org_assignments as a')
    .innerJoin('org_people as pe', 'pe.id', 'a.person_id')
    .select(['a.id', 'a.revision', 'a.person_id', 'pe.name', 'a.position_id', 'a.fte', 'a.valid_from', 'a.valid_to'])
    .where('a.position_id', 'in', [...positionIds])
    .where(validOn('a', date))
    .execute();
  for (const row of sortByNorwegian(rows, (r) => r.name)) {
    const list = holders.get(row.position_id) ?? [];
    list.push({
      assignmentId: row.id,
      assignmentRevision: row.revision,
      personId: row.person_id,
      name: row.name,
      fte: Number(row.fte),
      validFrom: row.valid_from,
      validTo: row.valid_to,
    });
    holders.set(row.position_id, list);
  }
  return holders;
}

interface PositionOnDate {
  id: string;
  title: string;
  unitId: string;
  unitName: string | null;
}

async function selectPositionsOn(db: OrganisationDb, positionIds: readonly string[], date: string): Promise<Map<string, PositionOnDate>> {
  if (positionIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('org_position_versions as pv')
    .leftJoin('org_unit_versions as uv', (join) => join.onRef('uv.unit_id', '=', 'pv.unit_id').on(validOn('uv', date)))
    .select(['pv.position_id', 'pv.title', 'pv.unit_id', 'uv.name as unit_name'])
    .where('pv.position_id', 'in', [...positionIds])
    .where(validOn('pv', date))
    .execute();
  return new Map(rows.map((r) => [r.position_id, { id: r.position_id, title: r.title, unitId: r.unit_id, unitName: r.unit_name }]));
}

/** The reporting lines in and out of `positionIds` on `date`, each seen from the end among them. */
export async function selectLineEnds(db: OrganisationDb, positionIds: readonly string[], date: string): Promise<LineEnd[]> {
  if (positionIds.length === 0) return [];
  const ids = [...positionIds];
  const lines = await db
    .selectFrom('org_reporting_lines as l')
    .select(['l.id', 'l.revision', 'l.line_type', 'l.from_position_id', 'l.to_position_id', 'l.valid_from', 'l.valid_to'])
    .where(validOn('l', date))
    .where((eb) => eb.or([eb('l.from_position_id', 'in', ids), eb('l.to_position_id', 'in', ids)]))
    .execute();
  const involved = [...new Set(lines.flatMap((l) => [l.from_position_id, l.to_position_id]))];
  const [positions, holders] = await Promise.all([selectPositionsOn(db, involved, date), selectHoldersOn(db, involved, date)]);
  const mine = new Set(ids);
  const ends: LineEnd[] = [];
  for (const line of lines) {
    const views: ['out' | 'in', string, string][] = [];
    if (mine.has(line.from_position_id)) views.push(['out', line.from_position_id, line.to_position_id]);
    if (mine.has(line.to_position_id)) views.push(['in', line.to_position_id, line.from_position_id]);
    for (const [direction, own, far] of views) {
      const other = positions.get(far);
      ends.push({
        id: line.id,
        revision: line.revision,
        type: line.line_type as LineType,
        direction,
        validFrom: line.valid_from,
        validTo: line.valid_to,
        position: { id: own, title: positions.get(own)?.title ?? '' },
        other: {
          positionId: far,
          title: other?.title ?? '',
          unitId: other?.unitId ?? '',
          unitName: other?.unitName ?? '',
          holders: (holders.get(far) ?? []).map((h) => ({ personId: h.personId, name: h.name })),
        },
      });
    }
  }
  const typeOrder = ['personnel', 'professional', 'coordination'];
  return ends.sort(
    (a, b) =>
      typeOrder.indexOf(a.type) - typeOrder.indexOf(b.type) || compareNorwegian(a.other.title, b.other.title) || a.id.localeCompare(b.id),
  );
}

// ---------------------------------------------------------------------------------------------
// Unit page

export async function selectUnitDetail(db: OrganisationDb, id: string, date: string): Promise<UnitDetail | null> {
  if (!isUuid(id)) return null;
  const unit = await db
    .selectFrom('org_unit_versions as uv')
    .innerJoin('org_units as u', 'u.id', 'uv.unit_id')
    .selectAll('uv')
    .select(['u.key', 'u.revision'])
    .where('uv.unit_id', '=', id)
    .where(validOn('uv', date))
    .executeTakeFirst();
  if (!unit) return null;

  const [history, neighbours, positions, levelException] = await Promise.all([
    // The parent's name as it was on the first day of each version.
    sql<{
      valid_from: string;
      valid_to: string | null;
      name: string;
      parent_id: string | null;
      parent_name: string | null;
      level: number;
      kind: string;
      classification: string;
    }>`
      select uv.valid_from, uv.valid_to, uv.name, uv.parent_id, uv.level, uv.kind, uv.classification,
        (select p.name from org_unit_versions p
          where p.unit_id = uv.parent_id and p.valid_from <= uv.valid_from and (p.valid_to is null or p.valid_to > uv.valid_from)
          limit 1) as parent_name
      from org_unit_versions uv
      where uv.unit_id = ${id}
      order by uv.valid_from`.execute(db),
    db
      .selectFrom('org_unit_versions as uv')
      .select(['uv.unit_id', 'uv.name', 'uv.level', 'uv.kind', 'uv.parent_id'])
      .where(validOn('uv', date))
      .where((eb) => eb.or([eb('uv.parent_id', '=', id), ...(unit.parent_id ? [eb('uv.unit_id', '=', unit.parent_id)] : [])]))
      .execute(),
    db
      .selectFrom('org_position_versions as pv')
      .select([
        'pv.position_id',
        'pv.title',
        'pv.role_type',
        'pv.personnel_responsibility',
        'pv.professionally_independent',
        'pv.fte',
        'pv.cost_centre',
      ])
      .where('pv.unit_id', '=', id)
      .where(validOn('pv', date))
      .execute(),
    db
      .selectFrom('org_level_exceptions as e')
      .select(['e.reason', 'e.source'])
      .where('e.unit_id', '=', id)
      .where('e.rule', '=', 'level_inconsistent')
      .where(validOn('e', date))
      .executeTakeFirst(),
  ]);

  const positionIds = positions.map((p) => p.position_id);
  const [holders, lines] = await Promise.all([selectHoldersOn(db, positionIds, date), selectLineEnds(db, positionIds, date)]);
  const unitPositions = byRankThenTitle(
    positions.map((p) => {
      const held = holders.get(p.position_id) ?? [];
      return {
        id: p.position_id,
        title: p.title,
        roleType: p.role_type as RoleType,
        personnelResponsibility: p.personnel_responsibility,
        professionallyIndependent: p.professionally_independent,
        fte: p.fte === null ? null : Number(p.fte),
        costCentre: p.cost_centre,
        holders: held,
        vacant: held.length === 0,
      };
    }),
  );
  const leader = unitPositions.find((p) => leaderRank(p.roleType) < leaderRoleTypes.length);
  const ref = (row: { unit_id: string; name: string; level: number; kind: string }): UnitRef => ({
    id: row.unit_id,
    name: row.name,
    level: row.level,
    kind: row.kind as UnitKind,
  });
  const parent = neighbours.find((n) => n.unit_id === unit.parent_id);

  return {
    date,
    id,
    key: unit.key,
    revision: unit.revision,
    validFrom: unit.valid_from,
    validTo: unit.valid_to,
    name: unit.name,
    kind: unit.kind as UnitKind,
    level: unit.level,
    classification: unit.classification as UnitDetail['classification'],
    nameKnown: unit.name_known,
    hrUnitId: unit.hr_unit_id,
    ansvarNumber: unit.ansvar_number,
    organisationNumber: unit.organisation_number,
    kostraFunction: unit.kostra_function,
    districts: [...unit.districts].sort((a, b) => a - b),
    source: unit.source,
    note: unit.note,
    parent: parent ? ref(parent) : null,
    children: sortByNorwegian(neighbours.filter((n) => n.parent_id === id).map(ref), (c) => c.name),
    leader: leader ? { positionId: leader.id, title: leader.title, holders: leader.holders } : null,
    positions: unitPositions,
    linesOut: lines.filter((l) => l.direction === 'out'),
    linesIn: lines.filter((l) => l.direction === 'in'),
    levelException: levelException ? { reason: levelException.reason, source: levelException.source } : null,
    history: history.rows.map((h) => ({
      validFrom: h.valid_from,
      validTo: h.valid_to,
      name: h.name,
      parentId: h.parent_id,
      parentName: h.parent_name,
      level: h.level,
      kind: h.kind as UnitKind,
      classification: h.classification as UnitDetail['classification'],
    })),
  };
}

// ---------------------------------------------------------------------------------------------
// Position page

export async function selectPositionDetail(db: OrganisationDb, id: string, date: string): Promise<PositionDetail | null> {
  if (!isUuid(id)) return null;
  const position = await db
    .selectFrom('org_position_versions as pv')
    .innerJoin('org_positions as p', 'p.id', 'pv.position_id')
    .leftJoin('org_unit_versions as uv', (join) => join.onRef('uv.unit_id', '=', 'pv.unit_id').on(validOn('uv', date)))
    .selectAll('pv')
    .select(['p.key', 'p.revision', 'uv.name as unit_name', 'uv.level as unit_level', 'uv.kind as unit_kind'])
    .where('pv.position_id', '=', id)
    .where(validOn('pv', date))
    .executeTakeFirst();
  if (!position) return null;

  const [history, holders, lines] = await Promise.all([
    sql<{
      valid_from: string;
      valid_to: string | null;
      title: string;
      unit_id: string;
      unit_name: string | null;
      role_type: string;
      personnel_responsibility: boolean;
      professionally_independent: boolean;
      fte: string | null;
      cost_centre: string | null;
    }>`
      select pv.valid_from, pv.valid_to, pv.title, pv.unit_id, pv.role_type, pv.personnel_responsibility, pv.professionally_independent, pv.fte,
        pv.cost_centre,
        (select u.name from org_unit_versions u
          where u.unit_id = pv.unit_id and u.valid_from <= pv.valid_from and (u.valid_to is null or u.valid_to > pv.valid_from)
          limit 1) as unit_name
      from org_position_versions pv
      where pv.position_id = ${id}
      order by pv.valid_from`.execute(db),
    selectHoldersOn(db, [id], date),
    selectLineEnds(db, [id], date),
  ]);
  const held = holders.get(id) ?? [];

  return {
    date,
    id,
    key: position.key,
    revision: position.revision,
    validFrom: position.valid_from,
    validTo: position.valid_to,
    title: position.title,
    unit: {
      id: position.unit_id,
      name: position.unit_name ?? '',
      level: position.unit_level ?? 0,
      kind: (position.unit_kind ?? 'unit') as UnitKind,
    },
    roleType: position.role_type as RoleType,
    personnelResponsibility: position.personnel_responsibility,
    professionallyIndependent: position.professionally_independent,
    fte: position.fte === null ? null : Number(position.fte),
    costCentre: position.cost_centre,
    source: position.source,
    note: position.note,
    holders: held,
    vacant: held.length === 0,
    linesOut: lines.filter((l) => l.direction === 'out'),
    linesIn: lines.filter((l) => l.direction === 'in'),
    history: history.rows.map((h) => ({
      validFrom: h.valid_from,
      validTo: h.valid_to,
      title: h.title,
      unitId: h.unit_id,
      unitName: h.unit_name,
      roleType: h.role_type as RoleType,
      personnelResponsibility: h.personnel_responsibility,
      professionallyIndependent: h.professionally_independent,
      fte: h.fte === null ? null : Number(h.fte),
      costCentre: h.cost_centre,
    })),
  };
}

// ---------------------------------------------------------------------------------------------
// Person page

export async function selectPersonDetail(db: OrganisationDb, id: string, date: string): Promise<PersonDetail | null> {
  if (!isUuid(id)) return null;
  const person = await db.selectFrom('org_people').selectAll().where('id', '=', id).executeTakeFirst();
  if (!person) return null;

  const assignments = await selectAssignmentsOfPerson(db, id, date);

  return {
    date,
    id,
    key: person.key,
    revision: person.revision,
    name: person.name,
    synthetic: person.synthetic,
    source: person.source,
    assignments: assignments.map((a) => ({
      id: a.id,
      revision: a.revision,
      positionId: a.position_id,
      positionTitle: a.position?.title ?? '',
      unitId: a.position?.unit_id ?? '',
      unitName: a.unitName,
      fte: Number(a.fte),
      validFrom: a.valid_from,
      validTo: a.valid_to,
      current: a.current,
    })),
    lines: await selectLineEnds(db, [...new Set(assignments.filter((a) => a.current).map((a) => a.position_id))], date),
  };
}

/**
 * A person's assignments, oldest first, each with its position and unit as they stood during it on
 * the day nearest `date` (the position page's people, the person card and its history read the same),
 * and whether it holds on `date`.
 */
export async function selectAssignmentsOfPerson(db: OrganisationDb, personId: string, date: string) {
  const assignments = await db
    .selectFrom('org_assignments')
    .select(['id', 'revision', 'position_id', 'fte', 'valid_from', 'valid_to'])
    .where('person_id', '=', personId)
    .orderBy('valid_from')
    .execute();
  const positionIds = [...new Set(assignments.map((a) => a.position_id))];
  const positionVersions =
    positionIds.length === 0
      ? []
      : await db
          .selectFrom('org_position_versions')
          .select(['position_id', 'title', 'unit_id', 'role_type', 'valid_from', 'valid_to'])
          .where('position_id', 'in', positionIds)
          .execute();
  const unitIds = [...new Set(positionVersions.map((v) => v.unit_id))];
  const unitVersions =
    unitIds.length === 0
      ? []
      : await db
          .selectFrom('org_unit_versions')
          .select(['unit_id', 'name', 'valid_from', 'valid_to'])
          .where('unit_id', 'in', unitIds)
          .execute();
  const on = <T extends { valid_from: string; valid_to: string | null }>(rows: T[], day: string) =>
    rows.find((r) => r.valid_from <= day && (r.valid_to === null || r.valid_to > day));
  return assignments.map((a) => {
    const lastDay = a.valid_to === null ? null : addDays(a.valid_to, -1);
    const day = date < a.valid_from ? a.valid_from : lastDay !== null && date > lastDay ? lastDay : date;
    const versions = positionVersions.filter((v) => v.position_id === a.position_id);
    const position = on(versions, day) ?? versions.at(-1);
    const unit = position
      ? on(
          unitVersions.filter((u) => u.unit_id === position.unit_id),
          day,
        )
      : undefined;
    return { ...a, position, unitName: unit?.name ?? null, current: a.valid_from <= date && (a.valid_to === null || a.valid_to > date) };
  });
}

// ---------------------------------------------------------------------------------------------
// Search

const upperLetters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZÆØÅÄÖÜÉÈÊÓÒÔÁÀÂÍÌÎÚÙÛÇÑ';
const lowerLetters = 'abcdefghijklmnopqrstuvwxyzæøåäöüéèêóòôáàâíìîúùûçñ';

/**
 * Case-insensitive match on a column. lower() and ilike only fold ASCII under the C collation
 * (PGlite, and many servers), so æ/ø/å and friends are folded explicitly.
 */
function folded(column: string) {
  return sql<string>`translate(${sql.ref(column)}, ${upperLetters}, ${lowerLetters})`;
}

function likePattern(q: string): string {
  return `%${q.toLocaleLowerCase('nb').replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

// Enough candidates to sort by Norwegian rules before keeping the first 20.
const candidateLimit = 1000;
const resultLimit = 20;

export async function searchRecords(db: OrganisationDb, q: string, date: string): Promise<SearchResult> {
  const pattern = likePattern(q);
  const [units, positions, people] = await Promise.all([
    db
      .selectFrom('org_unit_versions as uv')
      .select(['uv.unit_id', 'uv.name', 'uv.level', 'uv.kind'])
      .where(validOn('uv', date))
      .where(folded('uv.name'), 'like', pattern)
      .limit(candidateLimit)
      .execute(),
    db
      .selectFrom('org_position_versions as pv')
      .leftJoin('org_unit_versions as uv', (join) => join.onRef('uv.unit_id', '=', 'pv.unit_id').on(validOn('uv', date)))
      .select(['pv.position_id', 'pv.title', 'pv.unit_id', 'pv.role_type', 'uv.name as unit_name'])
      .where(validOn('pv', date))
      .where(folded('pv.title'), 'like', pattern)
      .limit(candidateLimit)
      .execute(),
    db.selectFrom('org_people').select(['id', 'name', 'synthetic']).where(folded('name'), 'like', pattern).limit(candidateLimit).execute(),
  ]);
  return {
    date,
    units: sortByNorwegian(units, (u) => u.name)
      .slice(0, resultLimit)
      .map((u) => ({ id: u.unit_id, name: u.name, level: u.level, kind: u.kind as UnitKind })),
    positions: sortByNorwegian(positions, (p) => `${p.title} ${p.unit_name ?? ''}`)
      .slice(0, resultLimit)
      .map((p) => ({
        id: p.position_id,
        title: p.title,
        unitId: p.unit_id,
        unitName: p.unit_name ?? '',
        roleType: p.role_type as RoleType,
      })),
    people: sortByNorwegian(people, (p) => p.name)
      .slice(0, resultLimit)
      .map((p) => ({ id: p.id, name: p.name, synthetic: p.synthetic })),
  };
}

// ---------------------------------------------------------------------------------------------
// Look-ups for the commands

/** Names of units (titles of positions) as they were on `date`, or their latest name if they did not exist then. */
export async function selectUnitNames(db: OrganisationDb, ids: readonly string[], date: string): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('org_unit_versions')
    .select(['unit_id as id', 'name', 'valid_from', 'valid_to'])
    .where('unit_id', 'in', [...ids])
    .orderBy('valid_from')
    .execute();
  return namesOn(rows, date);
}

export async function selectPositionTitles(db: OrganisationDb, ids: readonly string[], date: string): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('org_position_versions')
    .select(['position_id as id', 'title as name', 'valid_from', 'valid_to'])
    .where('position_id', 'in', [...ids])
    .orderBy('valid_from')
    .execute();
  return namesOn(rows, date);
}

function namesOn(rows: { id: string; name: string; valid_from: string; valid_to: string | null }[], date: string): Map<string, string> {
  const names = new Map<string, string>();
  for (const row of rows) names.set(row.id, row.name);
  for (const row of rows) if (row.valid_from <= date && (row.valid_to === null || row.valid_to > date)) names.set(row.id, row.name);
  return names;
}

/**
 * The child-under-parent edges that hold on some day of `period` and can be reached going up from
 * `start`: all a cycle through a new edge into `start` could use. A recursive query, so a move
 * costs the height of the tree, not the size of the organisation.
 */
export async function selectUnitEdgesAbove(
  db: OrganisationDb,
  start: string,
  period: Period,
): Promise<(DatedEdge & { versionId: string })[]> {
  const { rows } = await sql<{ id: string; unit_id: string; parent_id: string; valid_from: string; valid_to: string | null }>`
    with recursive reach (unit_id) as (
      select ${start}::uuid
      union
      select uv.parent_id from org_unit_versions uv join reach on reach.unit_id = uv.unit_id
      where uv.parent_id is not null and ${overlappingAs('uv', period)}
    )
    select uv.id, uv.unit_id, uv.parent_id, uv.valid_from, uv.valid_to
    from org_unit_versions uv join reach on reach.unit_id = uv.unit_id
    where uv.parent_id is not null and ${overlappingAs('uv', period)}`.execute(db);
  return rows.map((r) => ({ versionId: r.id, from: r.unit_id, to: r.parent_id, validFrom: r.valid_from, validTo: r.valid_to }));
}

/** The personnel lines that hold on some day of `period` and can be reached going up from `start` (see selectUnitEdgesAbove). */
export async function selectPersonnelEdgesAbove(
  db: OrganisationDb,
  start: string,
  period: Period,
): Promise<(DatedEdge & { lineId: string })[]> {
  const { rows } = await sql<{ id: string; from_position_id: string; to_position_id: string; valid_from: string; valid_to: string | null }>`
    with recursive reach (position_id) as (
      select ${start}::uuid
      union
      select l.to_position_id from org_reporting_lines l join reach on reach.position_id = l.from_position_id
      where l.line_type = 'personnel' and ${overlappingAs('l', period)}
    )
    select l.id, l.from_position_id, l.to_position_id, l.valid_from, l.valid_to
    from org_reporting_lines l join reach on reach.position_id = l.from_position_id
    where l.line_type = 'personnel' and ${overlappingAs('l', period)}`.execute(db);
  return rows.map((r) => ({ lineId: r.id, from: r.from_position_id, to: r.to_position_id, validFrom: r.valid_from, validTo: r.valid_to }));
}

function overlappingAs(alias: string, period: Period) {
  const from = sql.ref(`${alias}.valid_from`);
  const to = sql.ref(`${alias}.valid_to`);
  return period.validTo === null
    ? sql<boolean>`(${to} is null or ${to} > ${period.validFrom}::date)`
    : sql<boolean>`${from} < ${period.validTo}::date and (${to} is null or ${to} > ${period.validFrom}::date)`;
}

/** `valid_from < period end AND (valid_to IS NULL OR valid_to > period start)`: shares a day with `period`. */
export function overlapping(period: Period) {
  return period.validTo === null
    ? sql<boolean>`(valid_to is null or valid_to > ${period.validFrom}::date)`
    : sql<boolean>`valid_from < ${period.validTo}::date and (valid_to is null or valid_to > ${period.validFrom}::date)`;
}

/** Versions of positions in a unit that hold on some day of `period`. */
export async function selectPositionsInUnit(db: OrganisationDb, unitId: string, period: Period) {
  return db
    .selectFrom('org_position_versions')
    .select(['position_id', 'title', 'valid_from', 'valid_to'])
    .where('unit_id', '=', unitId)
    .where(overlapping(period))
    .orderBy('valid_from')
    .execute();
}

/** Versions of units directly under a unit that hold on some day of `period`. */
export async function selectChildUnits(db: OrganisationDb, unitId: string, period: Period) {
  return db
    .selectFrom('org_unit_versions')
    .select(['unit_id', 'name', 'valid_from', 'valid_to'])
    .where('parent_id', '=', unitId)
    .where(overlapping(period))
    .orderBy('valid_from')
    .execute();
}

/** A position's assignments that hold on some day of `period`, with the people's names. */
export async function selectAssignmentsOfPosition(db: OrganisationDb, positionId: string, period: Period) {
  return db
    .selectFrom('org_assignments as a')
    .innerJoin('org_people as pe', 'pe.id', 'a.person_id')
    .select(['a.id', 'a.person_id', 'pe.name', 'a.valid_from', 'a.valid_to'])
    .where('a.position_id', '=', positionId)
    .where(overlapping(period))
    .execute();
}

/** Reporting lines into or out of a position that hold on some day of `period`. */
export async function selectLinesOfPosition(db: OrganisationDb, positionId: string, period: Period) {
  return db
    .selectFrom('org_reporting_lines')
    .select(['id', 'revision', 'line_type', 'from_position_id', 'to_position_id', 'valid_from', 'valid_to'])
    .where((eb) => eb.or([eb('from_position_id', '=', positionId), eb('to_position_id', '=', positionId)]))
    .where(overlapping(period))
    .execute();
}

/** «title (unit)» for messages: titles repeat (every unit has a «virksomhetsleder»), the unit tells them apart. */
export async function selectPositionLabels(db: OrganisationDb, ids: readonly string[], date: string): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('org_position_versions as pv')
    .leftJoin('org_unit_versions as uv', (join) => join.onRef('uv.unit_id', '=', 'pv.unit_id').on(validOn('uv', date)))
    .select(['pv.position_id', 'pv.title', 'uv.name as unit_name', 'pv.valid_from', 'pv.valid_to'])
    .where('pv.position_id', 'in', [...ids])
    .orderBy('pv.valid_from')
    .execute();
  return namesOn(
    rows.map((r) => ({
      id: r.position_id,
      name: r.unit_name ? `${r.title} (${r.unit_name})` : r.title,
      valid_from: r.valid_from,
      valid_to: r.valid_to,
    })),
    date,
  );
}

/** The person whose key (the HR system's employee number for real people) is `key`, if any. */
export async function findPersonByKey(
  db: QueryExecutorProvider,
  key: string,
): Promise<{ id: string; key: string; name: string } | undefined> {
  const trimmed = key.trim();
  if (!trimmed) return undefined;
  return (db as OrganisationDb).selectFrom('org_people').select(['id', 'key', 'name']).where('key', '=', trimmed).executeTakeFirst();
}

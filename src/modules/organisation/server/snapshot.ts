import { sql, type RawBuilder } from 'kysely';
import type { OrganisationDb } from './organisation.tables.js';
import { keptWhileUnchanged } from './kept-while-unchanged.js';
import { validOn } from './organisation.queries.js';

/**
 * The whole organisation as it stands on one date, in memory. The rules, the analytics and the
 * reorganisation scenarios all work on a Snapshot with pure functions: a scenario is a snapshot
 * with its changes applied, so everything that works for "today" works for a draft too.
 */
export interface Snapshot {
  date: string;
  units: SnapshotUnit[];
  positions: SnapshotPosition[];
  assignments: SnapshotAssignment[];
  lines: SnapshotLine[];
  /**
   * The rule exceptions in force (the name is older than the other rules): each excuses the unit's
   * findings of `rule`, a level exception when `rule` is absent.
   */
  levelExceptions: { unitId: string; reason: string; rule?: ExceptedRule; id?: string }[];
  /** Span-of-control threshold per leader role type. */
  spanThresholds: Record<string, number>;
}

export interface SnapshotUnit {
  id: string;
  key: string;
  name: string;
  kind: string;
  level: number;
  parentId: string | null;
  classification: string;
  nameKnown: boolean;
  districts: number[];
}

export interface SnapshotPosition {
  id: string;
  key: string;
  title: string;
  unitId: string;
  roleType: string;
  personnelResponsibility: boolean;
  professionallyIndependent: boolean;
  /** The post's size in FTE when recorded; null when the sources do not say. */
  fte: number | null;
}

export interface SnapshotAssignment {
  id: string;
  personId: string;
  personName: string;
  positionId: string;
  fte: number;
  /** Why this assignment may take the person above 100 % FTE, when someone accepted it. */
  fteOverrideReason?: string | null;
}

/** The rules an exception can excuse: the ones a person judges. */
export type ExceptedRule = 'level_inconsistent' | 'span_of_control' | 'leader_line_off_unit_chain';

export interface SnapshotLine {
  id: string;
  type: 'personnel' | 'professional' | 'coordination';
  fromPositionId: string;
  toPositionId: string;
}

/**
 * The organisation as of `date`, frozen: the rules, the analytics and the scenarios only read it.
 * Kept and given again while nothing in it has changed (kept-while-unchanged.ts); inside a
 * transaction it is read afresh.
 */
export const loadSnapshot: (db: OrganisationDb, date: string) => Promise<Snapshot> = keptWhileUnchanged(async (db, date) =>
  freeze(await readSnapshot(db, date)),
);

function freeze(snapshot: Snapshot): Snapshot {
  for (const list of [snapshot.units, snapshot.positions, snapshot.assignments, snapshot.lines, snapshot.levelExceptions]) {
    for (const item of list) Object.freeze(item);
    Object.freeze(list);
  }
  for (const unit of snapshot.units) Object.freeze(unit.districts);
  Object.freeze(snapshot.spanThresholds);
  return Object.freeze(snapshot);
}

/**
 * One list as a single JSON text: each row a JSON array of `columns`. The embedded database hands
 * rows over one by one through its wire-protocol emulation, which at 70 000 positions cost more than
 * the query itself; one text and JSON.parse is 2–3 times faster there (scripts/bench-organisation.ts),
 * and no slower on PostgreSQL.
 */
async function rowsAsArrays<T extends unknown[]>(
  db: OrganisationDb,
  columns: RawBuilder<unknown>,
  from: RawBuilder<unknown>,
): Promise<T[]> {
  const { rows } = await sql<{ rows: string }>`select coalesce(json_agg(json_build_array(${columns})), '[]')::text as rows ${from}`.execute(
    db,
  );
  return JSON.parse(rows[0]!.rows) as T[];
}

/** Reads the organisation as of `date` in six queries, whatever its size; `loadSnapshot` keeps what this reads. */
export async function readSnapshot(db: OrganisationDb, date: string): Promise<Snapshot> {
  type UnitRow = [
    id: string,
    key: string,
    name: string,
    kind: string,
    level: number,
    parentId: string | null,
    classification: string,
    nameKnown: boolean,
    districts: number[],
  ];
  type PositionRow = [
    id: string,
    key: string,
    title: string,
    unitId: string,
    roleType: string,
    personnelResponsibility: boolean,
    professionallyIndependent: boolean,
    fte: number | null,
  ];
  type AssignmentRow = [id: string, personId: string, personName: string, positionId: string, fte: number, override: string | null];
  type LineRow = [id: string, type: SnapshotLine['type'], fromPositionId: string, toPositionId: string];
  // One after another: the embedded database has one connection, and PostgreSQL's pool is better
  // left to the other requests.
  const units = await rowsAsArrays<UnitRow>(
    db,
    sql`uv.unit_id, u.key, uv.name, uv.kind, uv.level, uv.parent_id, uv.classification, uv.name_known, uv.districts`,
    sql`from org_unit_versions uv join org_units u on u.id = uv.unit_id where ${validOn('uv', date)}`,
  );
  const positions = await rowsAsArrays<PositionRow>(
    db,
    sql`pv.position_id, p.key, pv.title, pv.unit_id, pv.role_type, pv.personnel_responsibility, pv.professionally_independent, pv.fte`,
    sql`from org_position_versions pv join org_positions p on p.id = pv.position_id where ${validOn('pv', date)}`,
  );
  const assignments = await rowsAsArrays<AssignmentRow>(
    db,
    sql`a.id, a.person_id, pe.name, a.position_id, a.fte, a.fte_override_reason`,
    sql`from org_assignments a join org_people pe on pe.id = a.person_id where ${validOn('a', date)}`,
  );
  const lines = await rowsAsArrays<LineRow>(
    db,
    sql`l.id, l.line_type, l.from_position_id, l.to_position_id`,
    sql`from org_reporting_lines l where ${validOn('l', date)}`,
  );
  const exceptions = await rowsAsArrays<[unitId: string, reason: string, rule: ExceptedRule, id: string]>(
    db,
    sql`e.unit_id, e.reason, e.rule, e.id`,
    sql`from org_level_exceptions e where ${validOn('e', date)}`,
  );
  const settings = await db.selectFrom('org_rule_settings').select(['role_type', 'max_span']).execute();

  return {
    date,
    units: units.map(([id, key, name, kind, level, parentId, classification, nameKnown, districts]) => ({
      id,
      key,
      name,
      kind,
      level,
      parentId,
      classification,
      nameKnown,
      districts,
    })),
    positions: positions.map(([id, key, title, unitId, roleType, personnelResponsibility, professionallyIndependent, fte]) => ({
      id,
      key,
      title,
      unitId,
      roleType,
      personnelResponsibility,
      professionallyIndependent,
      fte: fte === null ? null : Number(fte),
    })),
    assignments: assignments.map(([id, personId, personName, positionId, fte, override]) => ({
      id,
      personId,
      personName,
      positionId,
      fte: Number(fte),
      ...(override ? { fteOverrideReason: override } : {}),
    })),
    lines: lines.map(([id, type, fromPositionId, toPositionId]) => ({ id, type, fromPositionId, toPositionId })),
    levelExceptions: exceptions.map(([unitId, reason, rule, id]) =>
      rule === 'level_inconsistent' ? { unitId, reason, id } : { unitId, reason, rule, id },
    ),
    spanThresholds: Object.fromEntries(settings.map((s) => [s.role_type, s.max_span])),
  };
}

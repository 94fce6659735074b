import { sql } from 'kysely';
import type { OrganisationDb } from './organisation.tables.js';
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
  levelExceptions: { unitId: string; reason: string }[];
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
}

export interface SnapshotLine {
  id: string;
  type: 'personnel' | 'professional' | 'coordination';
  fromPositionId: string;
  toPositionId: string;
}

/** Reads the organisation as of `date` in six queries, whatever its size. */
export async function loadSnapshot(db: OrganisationDb, date: string): Promise<Snapshot> {
  const [units, positions, assignments, lines, exceptions, settings] = await Promise.all([
    sql<{ id: string; key: string; name: string; kind: string; level: number; parent_id: string | null; classification: string; name_known: boolean; districts: number[] }>`
      select uv.unit_id as id, u.key, uv.name, uv.kind, uv.level, uv.parent_id, uv.classification, uv.name_known, uv.districts
      from org_unit_versions uv join org_units u on u.id = uv.unit_id
      where ${validOn('uv', date)}`.execute(db),
    sql<{ id: string; key: string; title: string; unit_id: string; role_type: string; personnel_responsibility: boolean; professionally_independent: boolean; fte: string | null }>`
      select pv.position_id as id, p.key, pv.title, pv.unit_id, pv.role_type, pv.personnel_responsibility, pv.professionally_independent, pv.fte
      from org_position_versions pv join org_positions p on p.id = pv.position_id
      where ${validOn('pv', date)}`.execute(db),
    sql<{ id: string; person_id: string; person_name: string; position_id: string; fte: string }>`
      select a.id, a.person_id, pe.name as person_name, a.position_id, a.fte
      from org_assignments a join org_people pe on pe.id = a.person_id
      where ${validOn('a', date)}`.execute(db),
    sql<{ id: string; line_type: SnapshotLine['type']; from_position_id: string; to_position_id: string }>`
      select l.id, l.line_type, l.from_position_id, l.to_position_id
      from org_reporting_lines l
      where ${validOn('l', date)}`.execute(db),
    sql<{ unit_id: string; reason: string }>`
      select e.unit_id, e.reason from org_level_exceptions e where ${validOn('e', date)}`.execute(db),
    db.selectFrom('org_rule_settings').select(['role_type', 'max_span']).execute(),
  ]);

  return {
    date,
    units: units.rows.map((u) => ({
      id: u.id,
      key: u.key,
      name: u.name,
      kind: u.kind,
      level: u.level,
      parentId: u.parent_id,
      classification: u.classification,
      nameKnown: u.name_known,
      districts: u.districts,
    })),
    positions: positions.rows.map((p) => ({
      id: p.id,
      key: p.key,
      title: p.title,
      unitId: p.unit_id,
      roleType: p.role_type,
      personnelResponsibility: p.personnel_responsibility,
      professionallyIndependent: p.professionally_independent,
      fte: p.fte === null ? null : Number(p.fte),
    })),
    assignments: assignments.rows.map((a) => ({ id: a.id, personId: a.person_id, personName: a.person_name, positionId: a.position_id, fte: Number(a.fte) })),
    lines: lines.rows.map((l) => ({ id: l.id, type: l.line_type, fromPositionId: l.from_position_id, toPositionId: l.to_position_id })),
    levelExceptions: exceptions.rows.map((e) => ({ unitId: e.unit_id, reason: e.reason })),
    spanThresholds: Object.fromEntries(settings.map((s) => [s.role_type, s.max_span])),
  };
}

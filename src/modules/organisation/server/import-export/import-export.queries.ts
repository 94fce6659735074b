import { sql, type ColumnType, type Generated, type Kysely } from 'kysely';
import type { KernelTables } from '../../../../kernel/index.js';
import type { ImportEntity, ImportFormat, ImportPlan } from '../../import-export.schemas.js';
import type { OrganisationDb, OrganisationTables } from '../organisation.tables.js';
import type { ScenarioTables } from '../scenarios.queries.js';
import type { ParsedImport } from './organisation-format.js';
import type { OrganisationState, StoredAssignment, StoredLine, StoredPerson, StoredPosition, StoredUnit } from './plan-import.js';

/** Kysely types of migrations/0005_imports.sql. */
export interface ImportTables {
  org_imports: {
    id: Generated<string>;
    created_by: string | null;
    file_name: string;
    format: string;
    entity: string | null;
    valid_from: ColumnType<string, string, string>;
    content: ColumnType<ParsedImport, string, string>;
    plan: ColumnType<ImportPlan, string, string>;
    status: Generated<string>;
    base_revision: ColumnType<string, number, number>;
    revision: Generated<number>;
    result: ColumnType<ImportResult | null, string | null, string | null>;
    created_at: Generated<Date>;
    applied_at: Date | null;
    applied_by: string | null;
  };
}

export interface ImportResult {
  created: number;
  changed: number;
  ended: number;
}

export type ImportDb = Kysely<KernelTables & OrganisationTables & ScenarioTables & ImportTables>;
export const withImports = (db: OrganisationDb | ImportDb): ImportDb => db as unknown as ImportDb;

// ---------------------------------------------------------------------------------------------
// The organisation as stored, by key: what the dry run compares with and what an export writes.

/** Every unit, position, person, assignment and line with all its versions, in five queries. */
export async function selectOrganisationState(db: OrganisationDb): Promise<OrganisationState> {
  const [units, positions, people, assignments, lines] = await Promise.all([
    sql<{
      id: string;
      key: string;
      revision: number;
      valid_from: string;
      valid_to: string | null;
      name: string;
      kind: string;
      level: number;
      parent_key: string | null;
      classification: string;
      name_known: boolean;
      hr_unit_id: string | null;
      ansvar_number: string | null;
      organisation_number: string | null;
      kostra_function: string | null;
      districts: number[];
      source: string | null;
      note: string | null;
    }>`
      select u.id, u.key, u.revision, uv.valid_from, uv.valid_to, uv.name, uv.kind, uv.level, pu.key as parent_key,
        uv.classification, uv.name_known, uv.hr_unit_id, uv.ansvar_number, uv.organisation_number, uv.kostra_function,
        uv.districts, uv.source, uv.note
      from org_units u
      join org_unit_versions uv on uv.unit_id = u.id
      left join org_units pu on pu.id = uv.parent_id
      order by u.key, uv.valid_from`.execute(db),
    sql<{
      id: string;
      key: string;
      revision: number;
      valid_from: string;
      valid_to: string | null;
      title: string;
      unit_key: string;
      role_type: string;
      personnel_responsibility: boolean;
      professionally_independent: boolean;
      fte: string | null;
      cost_centre: string | null;
      source: string | null;
      note: string | null;
    }>`
      select p.id, p.key, p.revision, pv.valid_from, pv.valid_to, pv.title, u.key as unit_key, pv.role_type,
        pv.personnel_responsibility, pv.professionally_independent, pv.fte, pv.cost_centre, pv.source, pv.note
      from org_positions p
      join org_position_versions pv on pv.position_id = p.id
      join org_units u on u.id = pv.unit_id
      order by p.key, pv.valid_from`.execute(db),
    db.selectFrom('org_people').select(['id', 'key', 'revision', 'name', 'synthetic', 'source']).orderBy('key').execute(),
    sql<{
      id: string;
      revision: number;
      person_key: string;
      position_key: string;
      fte: string;
      valid_from: string;
      valid_to: string | null;
      source: string | null;
    }>`
      select a.id, a.revision, pe.key as person_key, p.key as position_key, a.fte, a.valid_from, a.valid_to, a.source
      from org_assignments a
      join org_people pe on pe.id = a.person_id
      join org_positions p on p.id = a.position_id
      order by pe.key, p.key, a.valid_from`.execute(db),
    sql<{
      id: string;
      revision: number;
      line_type: StoredLine['type'];
      from_key: string;
      to_key: string;
      valid_from: string;
      valid_to: string | null;
      source: string | null;
      note: string | null;
    }>`
      select l.id, l.revision, l.line_type, f.key as from_key, t.key as to_key, l.valid_from, l.valid_to, l.source, l.note
      from org_reporting_lines l
      join org_positions f on f.id = l.from_position_id
      join org_positions t on t.id = l.to_position_id
      order by f.key, l.line_type, t.key, l.valid_from`.execute(db),
  ]);

  const storedUnits = gatherVersions<StoredUnit, (typeof units.rows)[number]>(units.rows, (r) => ({
    validFrom: r.valid_from,
    validTo: r.valid_to,
    name: r.name,
    kind: r.kind as StoredUnit['versions'][number]['kind'],
    level: r.level,
    parentKey: r.parent_key,
    classification: r.classification as StoredUnit['versions'][number]['classification'],
    nameKnown: r.name_known,
    hrUnitId: r.hr_unit_id,
    ansvarNumber: r.ansvar_number,
    organisationNumber: r.organisation_number,
    kostraFunction: r.kostra_function,
    districts: (r.districts ?? []).map(Number),
    source: r.source,
    note: r.note,
  }));
  const storedPositions = gatherVersions<StoredPosition, (typeof positions.rows)[number]>(positions.rows, (r) => ({
    validFrom: r.valid_from,
    validTo: r.valid_to,
    title: r.title,
    unitKey: r.unit_key,
    roleType: r.role_type as StoredPosition['versions'][number]['roleType'],
    personnelResponsibility: r.personnel_responsibility,
    professionallyIndependent: r.professionally_independent,
    fte: r.fte === null ? null : Number(r.fte),
    costCentre: r.cost_centre,
    source: r.source,
    note: r.note,
  }));
  return {
    units: storedUnits,
    positions: storedPositions,
    people: people.map((p): StoredPerson => ({
      id: p.id,
      key: p.key,
      revision: p.revision,
      name: p.name,
      synthetic: p.synthetic,
      source: p.source,
    })),
    assignments: assignments.rows.map((a): StoredAssignment => ({
      id: a.id,
      revision: a.revision,
      personKey: a.person_key,
      positionKey: a.position_key,
      fte: Number(a.fte),
      validFrom: a.valid_from,
      validTo: a.valid_to,
      source: a.source,
    })),
    lines: lines.rows.map((l): StoredLine => ({
      id: l.id,
      revision: l.revision,
      type: l.line_type,
      fromPositionKey: l.from_key,
      toPositionKey: l.to_key,
      validFrom: l.valid_from,
      validTo: l.valid_to,
      source: l.source,
      note: l.note,
    })),
  };
}

export async function selectMunicipality(db: OrganisationDb): Promise<{ name: string; number: string } | undefined> {
  return db.selectFrom('municipality').select(['name', 'number']).executeTakeFirst();
}

/** Ids by key, for the steps that refer to units and positions an earlier step created. */
export async function selectIdsByKeys(
  db: OrganisationDb,
  table: 'org_units' | 'org_positions' | 'org_people',
  keys: string[],
): Promise<Map<string, string>> {
  if (keys.length === 0) return new Map();
  const rows = await db.selectFrom(table).select(['id', 'key']).where('key', 'in', keys).execute();
  return new Map(rows.map((r) => [r.key, r.id]));
}

export async function selectRevisionOf(
  db: OrganisationDb,
  table: 'org_units' | 'org_positions' | 'org_people' | 'org_assignments' | 'org_reporting_lines',
  id: string,
): Promise<number> {
  const row = await db.selectFrom(table).select('revision').where('id', '=', id).executeTakeFirst();
  return row?.revision ?? 0;
}

// ---------------------------------------------------------------------------------------------
// Stored imports

export interface ImportRow {
  id: string;
  createdBy: string | null;
  fileName: string;
  format: ImportFormat;
  entity: ImportEntity | null;
  validFrom: string;
  content: ParsedImport;
  plan: ImportPlan;
  status: 'planned' | 'applied';
  baseRevision: number;
  revision: number;
  result: ImportResult | null;
  createdAt: Date;
  appliedAt: Date | null;
}

const importColumns = [
  'id',
  'created_by',
  'file_name',
  'format',
  'entity',
  'valid_from',
  'content',
  'plan',
  'status',
  'base_revision',
  'revision',
  'result',
  'created_at',
  'applied_at',
] as const;

const parseJson = <T>(value: T | string): T => (typeof value === 'string' ? (JSON.parse(value) as T) : value);

function toImportRow(raw: {
  id: string;
  created_by: string | null;
  file_name: string;
  format: string;
  entity: string | null;
  valid_from: string;
  content: ParsedImport;
  plan: ImportPlan;
  status: string;
  base_revision: string;
  revision: number;
  result: ImportResult | null;
  created_at: Date;
  applied_at: Date | null;
}): ImportRow {
  return {
    id: raw.id,
    createdBy: raw.created_by,
    fileName: raw.file_name,
    format: raw.format as ImportFormat,
    entity: raw.entity as ImportEntity | null,
    validFrom: raw.valid_from,
    content: parseJson(raw.content),
    plan: parseJson(raw.plan),
    status: raw.status as ImportRow['status'],
    baseRevision: Number(raw.base_revision),
    revision: raw.revision,
    result: raw.result === null ? null : parseJson(raw.result),
    createdAt: raw.created_at,
    appliedAt: raw.applied_at,
  };
}

export async function insertImport(
  db: ImportDb,
  values: {
    createdBy: string | null;
    content: ParsedImport;
    entity: ImportEntity | null;
    validFrom: string;
    plan: ImportPlan;
    baseRevision: number;
  },
): Promise<ImportRow> {
  const raw = await db
    .insertInto('org_imports')
    .values({
      created_by: values.createdBy,
      file_name: values.content.fileName,
      format: values.content.format,
      entity: values.entity,
      valid_from: values.validFrom,
      content: JSON.stringify(values.content),
      plan: JSON.stringify(values.plan),
      base_revision: values.baseRevision,
    })
    .returning(importColumns)
    .executeTakeFirstOrThrow();
  return toImportRow(raw);
}

/** One import; locked for the rest of the transaction with `lock`. Undefined for an id that is no uuid. */
export async function selectImport(db: ImportDb, id: string, lock = false): Promise<ImportRow | undefined> {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) return undefined;
  let query = db.selectFrom('org_imports').select(importColumns).where('id', '=', id);
  if (lock) query = query.forUpdate();
  const raw = await query.executeTakeFirst();
  return raw ? toImportRow(raw) : undefined;
}

export async function updateImportPlan(db: ImportDb, id: string, plan: ImportPlan, baseRevision: number): Promise<ImportRow> {
  const raw = await db
    .updateTable('org_imports')
    .set((eb) => ({ plan: JSON.stringify(plan), base_revision: baseRevision, revision: eb('revision', '+', 1) }))
    .where('id', '=', id)
    .returning(importColumns)
    .executeTakeFirstOrThrow();
  return toImportRow(raw);
}

export async function markImportApplied(db: ImportDb, id: string, result: ImportResult, appliedBy: string | null): Promise<ImportRow> {
  const raw = await db
    .updateTable('org_imports')
    .set((eb) => ({
      status: 'applied',
      result: JSON.stringify(result),
      applied_at: new Date(),
      applied_by: appliedBy,
      revision: eb('revision', '+', 1),
    }))
    .where('id', '=', id)
    .returning(importColumns)
    .executeTakeFirstOrThrow();
  return toImportRow(raw);
}

/**
 * Forgets dry runs nobody applied within 30 days: they hold names from an HR file and describe
 * an organisation that has moved on.
 */
export async function deleteOldDryRuns(db: ImportDb): Promise<void> {
  await db
    .deleteFrom('org_imports')
    .where('status', '=', 'planned')
    .where('created_at', '<', sql<Date>`now() - interval '30 days'`)
    .execute();
}

/** One entity per id with its versions in the rows' order (a row per version). */
function gatherVersions<
  T extends { id: string; key: string; revision: number; versions: unknown[] },
  R extends { id: string; key: string; revision: number },
>(rows: R[], version: (row: R) => T['versions'][number]): T[] {
  const byId = new Map<string, T>();
  for (const r of rows) {
    const entity = byId.get(r.id) ?? ({ id: r.id, key: r.key, revision: r.revision, versions: [] } as unknown as T);
    entity.versions.push(version(r));
    byId.set(r.id, entity);
  }
  return [...byId.values()];
}

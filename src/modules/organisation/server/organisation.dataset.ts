import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { OrganisationDb } from './organisation.tables.js';

const datasetFile = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'dataset', 'nye-drammen-2020.json');

interface Dataset {
  asOf: string;
  municipality: { name: string; number: string; source: string };
  units: {
    key: string;
    name: string;
    kind: string;
    level: number;
    parentKey: string | null;
    classification: string;
    nameKnown: boolean;
    districts?: number[];
    source: string;
    note?: string;
  }[];
  positions: {
    key: string;
    title: string;
    unitKey: string;
    roleType: string;
    personnelResponsibility: boolean;
    professionallyIndependent: boolean;
    source: string;
    note?: string;
  }[];
  people: { key: string; name: string; source: string }[];
  assignments: { personKey: string; positionKey: string; from: string; source: string }[];
  lines: { type: string; fromPositionKey: string; toPositionKey: string; source: string; note?: string }[];
  /** Rule exceptions (the name is older than the other rules): a level exception when `rule` is absent. */
  levelExceptions: { unitKey: string; rule?: 'span_of_control' | 'leader_line_off_unit_chain'; reason: string; source: string }[];
}

/**
 * Span-of-control thresholds per leader type. The planning documents discuss span of control but
 * give no numbers, so these are starting settings for administrators to change, not facts.
 */
export const defaultSpanThresholds: Record<string, number> = {
  chief_executive: 12,
  director: 12,
  service_area_head: 20,
  staff_area_head: 15,
  unit_leader: 30,
  department_leader: 25,
};

/** Loads Nye Drammen kommune as of 1 January 2020 from dataset/nye-drammen-2020.json. */
export async function loadOrganisationDataset(trx: OrganisationDb): Promise<void> {
  const data = JSON.parse(fs.readFileSync(datasetFile, 'utf8')) as Dataset;
  const from = data.asOf;

  await trx
    .insertInto('municipality')
    .values({ id: 1, name: data.municipality.name, number: data.municipality.number, source: data.municipality.source })
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();

  const unitIds = await insertKeys(
    trx,
    'org_units',
    data.units.map((u) => u.key),
  );
  await trx
    .insertInto('org_unit_versions')
    .values(
      data.units.map((u) => ({
        unit_id: unitIds.get(u.key)!,
        valid_from: from,
        valid_to: null,
        name: u.name,
        kind: u.kind,
        level: u.level,
        parent_id: u.parentKey ? unitIds.get(u.parentKey)! : null,
        classification: u.classification,
        name_known: u.nameKnown,
        hr_unit_id: null,
        ansvar_number: null,
        organisation_number: null,
        kostra_function: null,
        districts: u.districts ?? [],
        source: u.source,
        note: u.note ?? null,
      })),
    )
    .execute();

  const positionIds = await insertKeys(
    trx,
    'org_positions',
    data.positions.map((p) => p.key),
  );
  await trx
    .insertInto('org_position_versions')
    .values(
      data.positions.map((p) => ({
        position_id: positionIds.get(p.key)!,
        valid_from: from,
        valid_to: null,
        title: p.title,
        unit_id: unitIds.get(p.unitKey)!,
        role_type: p.roleType,
        personnel_responsibility: p.personnelResponsibility,
        professionally_independent: p.professionallyIndependent,
        fte: null,
        source: p.source,
        note: p.note ?? null,
      })),
    )
    .execute();

  const people = await trx
    .insertInto('org_people')
    .values(data.people.map((p) => ({ key: p.key, name: p.name, source: p.source })))
    .returning(['id', 'key'])
    .execute();
  const personIds = new Map(people.map((p) => [p.key, p.id]));
  if (data.assignments.length > 0) {
    await trx
      .insertInto('org_assignments')
      .values(
        data.assignments.map((a) => ({
          person_id: personIds.get(a.personKey)!,
          position_id: positionIds.get(a.positionKey)!,
          valid_from: a.from,
          valid_to: null,
          source: a.source,
        })),
      )
      .execute();
  }

  await trx
    .insertInto('org_reporting_lines')
    .values(
      data.lines.map((l) => ({
        line_type: l.type,
        from_position_id: positionIds.get(l.fromPositionKey)!,
        to_position_id: positionIds.get(l.toPositionKey)!,
        valid_from: from,
        valid_to: null,
        source: l.source,
        note: l.note ?? null,
      })),
    )
    .execute();

  if (data.levelExceptions.length > 0) {
    await trx
      .insertInto('org_level_exceptions')
      .values(
        data.levelExceptions.map((e) => ({
          unit_id: unitIds.get(e.unitKey)!,
          rule: e.rule ?? 'level_inconsistent',
          reason: e.reason,
          source: e.source,
          valid_from: from,
          valid_to: null,
        })),
      )
      .execute();
  }

  await trx
    .insertInto('org_rule_settings')
    .values(Object.entries(defaultSpanThresholds).map(([role_type, max_span]) => ({ role_type, max_span })))
    .onConflict((oc) => oc.column('role_type').doNothing())
    .execute();
}

async function insertKeys(trx: OrganisationDb, table: 'org_units' | 'org_positions', keys: string[]): Promise<Map<string, string>> {
  const rows = await trx
    .insertInto(table)
    .values(keys.map((key) => ({ key })))
    .returning(['id', 'key'])
    .execute();
  return new Map(rows.map((row) => [row.key, row.id]));
}

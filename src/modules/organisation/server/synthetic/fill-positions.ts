import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { systemContext, type WriteContext } from '../../../../kernel/index.js';
import { audit } from '../commands/shared.js';
import type { OrganisationDb } from '../organisation.tables.js';
import { loadSnapshot } from '../snapshot.js';
import {
  planSyntheticOrganisation,
  syntheticPrefix,
  syntheticSource,
  type SyntheticOptions,
  type SyntheticPlan,
} from './generate-people.js';

/** Called as rows are written: which table, and how far. */
export type SyntheticProgress = (step: string, done: number, total: number) => void;

export interface SyntheticResult {
  date: string;
  summary: SyntheticPlan['summary'];
  inserted: Record<string, number>;
}

// The change counter's triggers update one row per row written (migrations/0004_scenarios.sql).
// Inside one transaction that row's versions pile up and every update walks them, so 300 000
// rows would take half an hour. They are switched off for this transaction only (ALTER TABLE is
// transactional, and its lock keeps other writers out meanwhile) and the counter moved once.
const countedTables = [
  'org_units',
  'org_unit_versions',
  'org_positions',
  'org_position_versions',
  'org_people',
  'org_assignments',
  'org_reporting_lines',
  'org_level_exceptions',
] as const;

async function withoutChangeTriggers<T>(trx: OrganisationDb, run: () => Promise<T>): Promise<T> {
  for (const table of countedTables) await sql`alter table ${sql.table(table)} disable trigger ${sql.id(`${table}_counted`)}`.execute(trx);
  const result = await run();
  for (const table of countedTables) await sql`alter table ${sql.table(table)} enable trigger ${sql.id(`${table}_counted`)}`.execute(trx);
  await sql`update org_change_counter set revision = revision + 1 where id = 1`.execute(trx);
  return result;
}

// The embedded database runs no autovacuum, so nothing else would tell its planner that the
// tables just grew (or shrank) a hundredfold; PostgreSQL's autovacuum would, but only later.
async function analyseOrganisationTables(db: OrganisationDb): Promise<void> {
  await sql`analyze ${sql.join(countedTables.map((table) => sql.table(table)))}`.execute(db);
}

/** The day the built-in dataset describes: its units' first day. Null when nothing is loaded. */
export async function selectDatasetDate(db: OrganisationDb): Promise<string | null> {
  const { rows } = await sql<{ date: string | null }>`
    select min(uv.valid_from) as date
    from org_unit_versions uv join org_units u on u.id = uv.unit_id
    where u.key not like ${`${syntheticPrefix}%`}`.execute(db);
  return rows[0]?.date ?? null;
}

const batchRows = 1000;

async function insertBatches<R>(
  rows: readonly R[],
  step: string,
  progress: SyntheticProgress,
  insert: (batch: R[]) => Promise<unknown>,
): Promise<number> {
  for (let i = 0; i < rows.length; i += batchRows) {
    await insert(rows.slice(i, i + batchRows));
    progress(step, Math.min(i + batchRows, rows.length), rows.length);
  }
  return rows.length;
}

/**
 * Adds fictitious people (and, with `units`, a larger fictitious organisation) as of the dataset
 * date, in one transaction: all of it or nothing. Running it again with the same options adds
 * nothing; a larger scale adds only what is missing.
 */
export async function addSyntheticOrganisation(
  db: OrganisationDb,
  options: SyntheticOptions,
  progress: SyntheticProgress = () => {},
  context: WriteContext = systemContext,
): Promise<SyntheticResult> {
  const result = await db.transaction().execute(async (trx) => {
    // Writers take turns on the counter row (0004_scenarios.sql); so does this.
    await sql`select revision from org_change_counter where id = 1 for update`.execute(trx);
    const date = await selectDatasetDate(trx);
    if (!date) throw new Error('The organisation has no units: load the dataset first (npm run db:migrate).');
    progress('reading the organisation', 0, 1);
    const [snapshot, ends, held, taken] = await Promise.all([
      loadSnapshot(trx, date),
      sql<{ position_id: string; valid_to: string | null }>`
        select position_id, case when bool_or(valid_to is null) then null else max(valid_to) end as valid_to
        from org_position_versions group by position_id`.execute(trx),
      sql<{ position_id: string }>`
        select distinct position_id from org_assignments where valid_to is null or valid_to > ${date}::date`.execute(trx),
      sql<{ key: string }>`
        select key from org_units where key like ${`${syntheticPrefix}%`}
        union all select key from org_positions where key like ${`${syntheticPrefix}%`}
        union all select key from org_people where key like ${`${syntheticPrefix}%`}`.execute(trx),
    ]);
    progress('reading the organisation', 1, 1);
    const plan = planSyntheticOrganisation(
      {
        date,
        snapshot,
        positionEnds: new Map(ends.rows.map((r) => [r.position_id, r.valid_to])),
        heldPositionIds: new Set(held.rows.map((r) => r.position_id)),
        takenKeys: new Set(taken.rows.map((r) => r.key)),
      },
      options,
      randomUUID,
    );
    const inserted: Record<string, number> = {};
    const nothing = plan.units.length + plan.positions.length + plan.people.length + plan.lines.length === 0;
    if (nothing) return { date, summary: plan.summary, inserted };

    await withoutChangeTriggers(trx, async () => {
      inserted.units = await insertBatches(plan.units, 'units', progress, (batch) =>
        trx
          .insertInto('org_units')
          .values(batch.map((u) => ({ id: u.id, key: u.key })))
          .execute(),
      );
      await insertBatches(plan.units, 'unit versions', progress, (batch) =>
        trx
          .insertInto('org_unit_versions')
          .values(
            batch.map((u) => ({
              unit_id: u.id,
              valid_from: date,
              valid_to: null,
              name: u.name,
              kind: u.kind,
              level: u.level,
              parent_id: u.parentId,
              classification: u.classification,
              name_known: true,
              hr_unit_id: null,
              ansvar_number: null,
              organisation_number: null,
              kostra_function: null,
              districts: u.districts,
              source: syntheticSource,
              note: u.note,
            })),
          )
          .execute(),
      );
      inserted.levelExceptions = await insertBatches(plan.levelExceptions, 'level exceptions', progress, (batch) =>
        trx
          .insertInto('org_level_exceptions')
          .values(batch.map((e) => ({ unit_id: e.unitId, reason: e.reason, source: syntheticSource, valid_from: date, valid_to: null })))
          .execute(),
      );
      inserted.positions = await insertBatches(plan.positions, 'positions', progress, (batch) =>
        trx
          .insertInto('org_positions')
          .values(batch.map((p) => ({ id: p.id, key: p.key })))
          .execute(),
      );
      await insertBatches(plan.positions, 'position versions', progress, (batch) =>
        trx
          .insertInto('org_position_versions')
          .values(
            batch.map((p) => ({
              position_id: p.id,
              valid_from: date,
              valid_to: null,
              title: p.title,
              unit_id: p.unitId,
              role_type: p.roleType,
              personnel_responsibility: p.personnelResponsibility,
              professionally_independent: p.professionallyIndependent,
              fte: p.fte,
              source: syntheticSource,
              note: p.note,
            })),
          )
          .execute(),
      );
      inserted.lines = await insertBatches(plan.lines, 'reporting lines', progress, (batch) =>
        trx
          .insertInto('org_reporting_lines')
          .values(
            batch.map((l) => ({
              line_type: l.type,
              from_position_id: l.fromPositionId,
              to_position_id: l.toPositionId,
              valid_from: date,
              valid_to: null,
              source: syntheticSource,
              note: null,
            })),
          )
          .execute(),
      );
      inserted.people = await insertBatches(plan.people, 'people', progress, (batch) =>
        trx
          .insertInto('org_people')
          .values(batch.map((p) => ({ id: p.id, key: p.key, name: p.name, synthetic: true, source: syntheticSource })))
          .execute(),
      );
      inserted.assignments = await insertBatches(plan.assignments, 'assignments', progress, (batch) =>
        trx
          .insertInto('org_assignments')
          .values(
            batch.map((a) => ({
              person_id: a.personId,
              position_id: a.positionId,
              fte: a.fte,
              valid_from: date,
              valid_to: a.validTo,
              source: syntheticSource,
            })),
          )
          .execute(),
      );
    });
    // One entry for the whole run: the rows are fictitious, and all carry the same source.
    await audit(trx, context, {
      action: 'create',
      entityType: 'organisation_synthetic',
      entityId: null,
      after: { options, date, summary: plan.summary, inserted },
    });
    return { date, summary: plan.summary, inserted };
  });
  if (Object.keys(result.inserted).length > 0) await analyseOrganisationTables(db);
  return result;
}

/**
 * Removes every synthetic row (keys starting `syntetisk-`), with the assignments, lines and level
 * exceptions that point at them. Refuses, changing nothing, if a real unit or position was put
 * under a synthetic unit since: that must be moved back first.
 */
export async function removeSyntheticOrganisation(
  db: OrganisationDb,
  progress: SyntheticProgress = () => {},
  context: WriteContext = systemContext,
): Promise<Record<string, number>> {
  const like = `${syntheticPrefix}%`;
  const removed = await db.transaction().execute(async (trx) => {
    await sql`select revision from org_change_counter where id = 1 for update`.execute(trx);
    const { rows: present } = await sql<{ n: string }>`
      select (select count(*) from org_units where key like ${like}) + (select count(*) from org_positions where key like ${like})
        + (select count(*) from org_people where synthetic and key like ${like}) as n`.execute(trx);
    if (Number(present[0]?.n ?? 0) === 0) return {};
    const { rows: dependants } = await sql<{ n: string }>`
      select (
        (select count(*) from org_unit_versions uv join org_units u on u.id = uv.unit_id
          where u.key not like ${like} and uv.parent_id in (select id from org_units where key like ${like}))
        + (select count(*) from org_position_versions pv join org_positions p on p.id = pv.position_id
          where p.key not like ${like} and pv.unit_id in (select id from org_units where key like ${like}))
      ) as n`.execute(trx);
    if (Number(dependants[0]?.n ?? 0) > 0) {
      throw new Error(
        `${dependants[0]!.n} real units or positions have been placed in synthetic units. Move them out first; nothing was removed.`,
      );
    }
    const removed: Record<string, number> = {};
    const steps: [string, ReturnType<typeof sql>][] = [
      ['user links', sql`delete from org_user_people where person_id in (select id from org_people where synthetic and key like ${like})`],
      [
        'assignments',
        sql`delete from org_assignments where person_id in (select id from org_people where synthetic and key like ${like})
            or position_id in (select id from org_positions where key like ${like})`,
      ],
      [
        'reporting lines',
        sql`delete from org_reporting_lines where from_position_id in (select id from org_positions where key like ${like})
            or to_position_id in (select id from org_positions where key like ${like})`,
      ],
      ['level exceptions', sql`delete from org_level_exceptions where unit_id in (select id from org_units where key like ${like})`],
      [
        'position versions',
        sql`delete from org_position_versions where position_id in (select id from org_positions where key like ${like})`,
      ],
      ['positions', sql`delete from org_positions where key like ${like}`],
      ['unit versions', sql`delete from org_unit_versions where unit_id in (select id from org_units where key like ${like})`],
      ['units', sql`delete from org_units where key like ${like}`],
      ['people', sql`delete from org_people where synthetic and key like ${like}`],
    ];
    await withoutChangeTriggers(trx, async () => {
      for (const [index, [step, query]] of steps.entries()) {
        const result = await query.execute(trx);
        removed[step] = Number(result.numAffectedRows ?? 0);
        progress(step, index + 1, steps.length);
      }
    });
    await audit(trx, context, { action: 'delete', entityType: 'organisation_synthetic', entityId: null, before: removed });
    return removed;
  });
  if (Object.keys(removed).length > 0) await analyseOrganisationTables(db);
  return removed;
}

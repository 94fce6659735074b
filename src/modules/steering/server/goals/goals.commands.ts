import { sql } from 'kysely';
import { AppError, compareNorwegian, type WriteContext } from '../../../../kernel/index.js';
import type { Goal, GoalInput, GoalTree, UpdateGoal } from '../../goals.schemas.js';
import type { SteeringDb } from '../steering.tables.js';
import { selectIndicators, selectStates } from '../indicators/indicators.queries.js';
import { norwegianToday } from '../indicators/periods.js';
import { areaByCode, assertRevision, assertUnitsExist, audit, invalid, notFound, unitNames } from '../indicators/shared.js';

// Goals with a red thread: community plan goals → area goals → unit goals. A goal's parent is one
// level up; each goal has one or more owning units.

const parentLevel = { community: null, area: 'community', unit: 'area' } as const;
const levelNames = {
  community: { nb: 'samfunnsmål', en: 'community plan goal' },
  area: { nb: 'områdemål', en: 'area goal' },
  unit: { nb: 'enhetsmål', en: 'unit goal' },
} as const;

async function checkInput(trx: SteeringDb, input: GoalInput, selfId?: string) {
  const parentId = input.parentId ?? null;
  const wanted = parentLevel[input.level];
  if (parentId !== null) {
    if (wanted === null)
      throw invalid(
        'Et samfunnsmål står øverst og kan ikke ha et overordnet mål.',
        'A community plan goal is at the top and cannot have a parent goal.',
        { field: 'parentId' },
      );
    const parent = await trx.selectFrom('st_goals').select(['id', 'level', 'active']).where('id', '=', parentId).executeTakeFirst();
    if (!parent || !parent.active)
      throw invalid('Det overordnede målet finnes ikke.', 'The parent goal does not exist.', { field: 'parentId' });
    if (parent.id === selfId)
      throw invalid('Et mål kan ikke være sitt eget overordnede mål.', 'A goal cannot be its own parent.', { field: 'parentId' });
    if (parent.level !== wanted)
      throw invalid(
        `Et ${levelNames[input.level].nb} må ligge under et ${levelNames[wanted].nb}, ikke under et ${levelNames[parent.level].nb}.`,
        `An ${levelNames[input.level].en} must be under a ${levelNames[wanted].en}, not under a ${levelNames[parent.level].en}.`,
        { field: 'parentId' },
      );
  }
  if (!input.title.trim()) throw invalid('Skriv målet.', 'Write the goal.', { field: 'title' });
  await assertUnitsExist(trx, input.ownerUnitIds);
  const area = input.areaCode ? await areaByCode(trx, input.areaCode) : null;
  return {
    values: {
      parent_id: parentId,
      level: input.level,
      title: input.title.trim(),
      description: input.description?.trim() || null,
      strategies: (input.strategies ?? []).map((s) => s.trim()).filter(Boolean),
      area_id: area?.id ?? null,
      source: input.source?.trim() || null,
    },
    owners: [...new Set(input.ownerUnitIds)],
  };
}

async function writeOwners(trx: SteeringDb, goalId: string, owners: string[]) {
  await trx.deleteFrom('st_goal_owners').where('goal_id', '=', goalId).execute();
  await trx
    .insertInto('st_goal_owners')
    .values(owners.map((unit_id) => ({ goal_id: goalId, unit_id })))
    .execute();
}

export async function createGoal(trx: SteeringDb, context: WriteContext, input: GoalInput): Promise<string> {
  const checked = await checkInput(trx, input);
  const row = await trx
    .insertInto('st_goals')
    .values({ ...checked.values, strategies: sql`${checked.values.strategies}::text[]` as unknown as string[] })
    .returning('id')
    .executeTakeFirstOrThrow();
  await writeOwners(trx, row.id, checked.owners);
  await audit(trx, context, { action: 'create', entityType: 'st_goal', entityId: row.id, after: checked });
  return row.id;
}

async function lockGoal(trx: SteeringDb, id: string) {
  const goal = await trx.selectFrom('st_goals').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
  if (!goal) throw notFound('Fant ikke målet.', 'The goal was not found.');
  return goal;
}

export async function updateGoal(trx: SteeringDb, context: WriteContext, id: string, input: UpdateGoal): Promise<void> {
  const before = await lockGoal(trx, id);
  assertRevision({ nb: 'målet', en: 'the goal' }, before.revision, input.revision);
  const checked = await checkInput(trx, input, id);
  if (checked.values.level !== before.level) {
    const children = await trx.selectFrom('st_goals').select('id').where('parent_id', '=', id).where('active', '=', true).execute();
    if (children.length)
      throw invalid('Målet har undermål, så nivået kan ikke endres.', 'The goal has sub-goals, so its level cannot change.', {
        field: 'level',
      });
  }
  await trx
    .updateTable('st_goals')
    .set({ ...checked.values, strategies: sql`${checked.values.strategies}::text[]` as unknown as string[], revision: before.revision + 1 })
    .where('id', '=', id)
    .execute();
  await writeOwners(trx, id, checked.owners);
  await audit(trx, context, { action: 'update', entityType: 'st_goal', entityId: id, before, after: checked });
}

export async function deactivateGoal(trx: SteeringDb, context: WriteContext, id: string, revision: number): Promise<void> {
  const before = await lockGoal(trx, id);
  assertRevision({ nb: 'målet', en: 'the goal' }, before.revision, revision);
  const children = await trx.selectFrom('st_goals').select('id').where('parent_id', '=', id).where('active', '=', true).execute();
  if (children.length)
    throw new AppError('conflict', {
      message: {
        nb: 'Målet har aktive undermål. Avslutt eller flytt dem først.',
        en: 'The goal has active sub-goals. Deactivate or move them first.',
      },
    });
  await trx
    .updateTable('st_goals')
    .set({ active: false, revision: before.revision + 1 })
    .where('id', '=', id)
    .execute();
  await audit(trx, context, {
    action: 'deactivate',
    entityType: 'st_goal',
    entityId: id,
    before: { active: true },
    after: { active: false },
  });
}

/** The active goals as a tree (flat, parents first), with owners, area and linked indicators' status. */
export async function readGoalTree(db: SteeringDb): Promise<GoalTree> {
  const [goals, owners, links, areas] = await Promise.all([
    db.selectFrom('st_goals').selectAll().where('active', '=', true).orderBy('sort_order').execute(),
    db.selectFrom('st_goal_owners').select(['goal_id', 'unit_id']).execute(),
    db
      .selectFrom('st_indicator_goals as ig')
      .innerJoin('st_indicators as i', 'i.id', 'ig.indicator_id')
      .select(['ig.goal_id', 'i.id', 'i.key', 'i.name'])
      .where('i.active', '=', true)
      .execute(),
    db.selectFrom('st_programme_areas').select(['id', 'code', 'name']).execute(),
  ]);
  const ids = [...new Set(links.map((l) => l.id))];
  const indicators = await selectIndicators(db, { ids });
  const states = await selectStates(db, indicators, { ids }, norwegianToday().slice(0, 7), 1);
  const names = await unitNames(
    db,
    owners.map((o) => o.unit_id),
  );
  const byParent = new Map<string | null, typeof goals>();
  const activeIds = new Set(goals.map((g) => g.id));
  for (const goal of goals) {
    const parent = goal.parent_id && activeIds.has(goal.parent_id) ? goal.parent_id : null;
    byParent.set(parent, [...(byParent.get(parent) ?? []), goal]);
  }
  const out: (Goal & { depth: number })[] = [];
  const visit = (parent: string | null, depth: number) => {
    const children = (byParent.get(parent) ?? []).sort((a, b) => a.sort_order - b.sort_order || compareNorwegian(a.title, b.title));
    for (const goal of children) {
      const area = areas.find((a) => a.id === goal.area_id) ?? null;
      out.push({
        id: goal.id,
        key: goal.key,
        parentId: goal.parent_id,
        level: goal.level,
        title: goal.title,
        description: goal.description,
        strategies: goal.strategies,
        area,
        owners: owners
          .filter((o) => o.goal_id === goal.id)
          .map((o) => ({ id: o.unit_id, name: names.get(o.unit_id) ?? o.unit_id }))
          .sort((a, b) => compareNorwegian(a.name, b.name)),
        indicators: links
          .filter((l) => l.goal_id === goal.id)
          .map((l) => ({ key: l.key, name: l.name, status: states.get(l.id)?.status ?? 'none' }))
          .sort((a, b) => compareNorwegian(a.name, b.name)),
        source: goal.source,
        synthetic: goal.synthetic,
        revision: goal.revision,
        depth,
      });
      if (depth < 5) visit(goal.id, depth + 1);
    }
  };
  visit(null, 0);
  return { goals: out };
}

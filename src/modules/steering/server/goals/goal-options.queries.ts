import type { SteeringDb } from '../steering.tables.js';

/** A goal as other modules see it (the portfolio links initiatives to goals). */
export interface GoalOption {
  id: string;
  title: string;
  level: 'community' | 'area' | 'unit';
  parentId: string | null;
}

/** The active goals, in the order the hierarchy is shown (sort order; names are sorted by the caller if needed). */
export async function selectGoalOptions(db: SteeringDb): Promise<GoalOption[]> {
  const rows = await db
    .selectFrom('st_goals')
    .select(['id', 'title', 'level', 'parent_id'])
    .where('active', '=', true)
    .orderBy('sort_order')
    .orderBy('id')
    .execute();
  return rows.map((row) => ({ id: row.id, title: row.title, level: row.level, parentId: row.parent_id }));
}

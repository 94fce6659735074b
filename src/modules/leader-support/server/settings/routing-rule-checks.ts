import type { LeaderSupportDb } from '../leader-support.tables.js';
import { selectUnitsOn } from './settings.queries.js';
import { invalid, norwegianDate } from './shared.js';

// What a routing rule may point at: an active category, a unit that exists today, an active line-2 group.

export async function assertCategory(trx: LeaderSupportDb, categoryId: string): Promise<{ name: string }> {
  const category = await trx.selectFrom('ls_categories').select(['name_nb', 'active']).where('id', '=', categoryId).executeTakeFirst();
  if (!category || !category.active) {
    throw invalid(
      'Kategorien finnes ikke eller er ikke lenger i bruk. Velg en kategori fra listen.',
      'The category does not exist or is no longer in use. Pick a category from the list.',
      [{ in: 'body', path: '/categoryId', problem: 'no such active category' }],
    );
  }
  return { name: category.name_nb };
}

export async function assertArea(trx: LeaderSupportDb, unitId: string, today: string): Promise<{ name: string }> {
  const unit = (await selectUnitsOn(trx, [unitId], today)).get(unitId);
  if (!unit) {
    throw invalid(
      `Enheten finnes ikke i organisasjonen per ${norwegianDate(today)}. Søk opp en enhet som finnes i dag.`,
      `The unit does not exist in the organisation as of ${today}. Search for a unit that exists today.`,
      [{ in: 'body', path: '/areaUnitId', problem: 'no such unit today' }],
    );
  }
  return unit;
}

export async function assertSecondLineGroup(trx: LeaderSupportDb, groupId: string): Promise<{ name: string }> {
  const group = await trx.selectFrom('ls_groups').select(['name', 'line', 'active']).where('id', '=', groupId).executeTakeFirst();
  if (!group || !group.active) {
    throw invalid('Gruppen finnes ikke eller er ikke aktiv.', 'The group does not exist or is not active.', [
      { in: 'body', path: '/groupId', problem: 'no such active group' },
    ]);
  }
  if (group.line !== 2) {
    throw invalid(
      `«${group.name}» er en gruppe i ${group.line}. linje. Ruting går til en gruppe i 2. linje.`,
      `"${group.name}" is a line ${group.line} group. Routing sends requests to a second-line group.`,
      [{ in: 'body', path: '/groupId', problem: 'not a second-line group' }],
    );
  }
  return { name: group.name };
}

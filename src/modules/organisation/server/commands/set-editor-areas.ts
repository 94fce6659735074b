import type { WriteContext } from '../../../../kernel/index.js';
import type { EditorAreas, EditorAreasBody } from '../../access.schemas.js';
import { selectEditorAreas } from '../access.queries.js';
import { todayInNorway } from '../organisation.queries.js';
import type { OrganisationDb } from '../organisation.tables.js';
import { isUuid } from '../records.queries.js';
import { audit, invalid, notFound } from './shared.js';

export type SetEditorAreasInput = EditorAreasBody & { userId: string };

/** Limits an organisation editor to the given units and what lies under them; an empty list lifts the limit. */
export async function setEditorAreas(trx: OrganisationDb, context: WriteContext, input: SetEditorAreasInput): Promise<EditorAreas> {
  const user = isUuid(input.userId)
    ? await trx.selectFrom('users').select(['id', 'username']).where('id', '=', input.userId).forUpdate().executeTakeFirst()
    : undefined;
  if (!user) throw notFound(`Fant ikke brukeren (id ${input.userId}).`, `The user was not found (id ${input.userId}).`);
  if (input.unitIds.length > 0) {
    const known = await trx.selectFrom('org_units').select('id').where('id', 'in', input.unitIds).execute();
    const missing = input.unitIds.filter((id) => !known.some((k) => k.id === id));
    if (missing.length > 0) {
      throw invalid(`Fant ikke enheten (id ${missing.join(', ')}).`, `The unit was not found (id ${missing.join(', ')}).`, {
        in: 'body',
        path: 'unitIds',
        unitIds: missing,
      });
    }
  }
  const today = todayInNorway();
  const before = await selectEditorAreas(trx, user.id, today);
  await trx.deleteFrom('org_editor_areas').where('user_id', '=', user.id).execute();
  if (input.unitIds.length > 0) {
    await trx
      .insertInto('org_editor_areas')
      .values(input.unitIds.map((unitId) => ({ user_id: user.id, unit_id: unitId })))
      .execute();
  }
  const after = await selectEditorAreas(trx, user.id, today);
  await audit(trx, context, {
    action: 'update',
    entityType: 'organisation_editor_areas',
    entityId: user.id,
    before: { username: user.username, units: before.map((u) => u.name) },
    after: { username: user.username, units: after.map((u) => u.name) },
  });
  return { userId: user.id, username: user.username, units: after };
}

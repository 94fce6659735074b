import { AppError, type WriteContext } from '../../../kernel/index.js';
import { selectEditorAreaIds, unitsOutsideAreas } from './access.queries.js';
import { addDays } from './dated-versions.js';
import { validOn } from './organisation.queries.js';
import type { OrganisationDb } from './organisation.tables.js';

// An organisation editor limited to areas (org_editor_areas) may change only what lies in or under
// them. Checked in the commands, so the same limit holds for a single edit, a scenario applied and
// an import. The system (start-up, the dataset) and administrators are never limited.

function limitedUser(context: WriteContext): string | null {
  const actor = context.actor;
  if (!actor || actor.roles.includes('administrator')) return null;
  return actor.userId;
}

/**
 * Refuses (403) unless every one of `unitIds` lies in or under one of the editor's areas on `date`.
 * `null` stands for the top of the organisation (a unit without a parent), outside every area.
 */
export async function assertMayEditUnits(
  trx: OrganisationDb,
  context: WriteContext,
  unitIds: readonly (string | null)[],
  date: string,
): Promise<void> {
  const userId = limitedUser(context);
  if (!userId) return;
  const areas = await selectEditorAreaIds(trx, userId);
  if (areas.size === 0) return;
  const ids = unitIds.filter((id): id is string => id !== null);
  const outside = await unitsOutsideAreas(trx, areas, ids, date);
  if (outside.length > 0 || ids.length < unitIds.length) {
    throw new AppError('forbidden', {
      message: {
        nb: 'Du kan bare endre enheter i ditt eget område av organisasjonen. Be en administrator om å gjøre endringen, eller om å utvide området ditt.',
        en: 'You may only change units in your own area of the organisation. Ask an administrator to make the change, or to widen your area.',
      },
      details: { unitIds: outside },
    });
  }
}

/** As `assertMayEditUnits`, for the units the positions belong to on `date`. */
export async function assertMayEditPositions(
  trx: OrganisationDb,
  context: WriteContext,
  positionIds: readonly string[],
  date: string,
): Promise<void> {
  if (!limitedUser(context) || positionIds.length === 0) return;
  const rows = await trx
    .selectFrom('org_position_versions as pv')
    .select('pv.unit_id')
    .where('pv.position_id', 'in', positionIds)
    .where(validOn('pv', date))
    .execute();
  await assertMayEditUnits(
    trx,
    context,
    rows.map((r) => r.unit_id),
    date,
  );
}

/** The last day something ending on `validTo` (exclusive) still holds. */
export const lastDayBefore = (validTo: string) => addDays(validTo, -1);

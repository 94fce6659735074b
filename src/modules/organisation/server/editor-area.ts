import { AppError, isUuid, type WriteContext } from '../../../kernel/index.js';
import { selectEditorAreaIds, selectEditorAreas, unitsOutsideAreas } from './access.queries.js';
import { addDays } from './dated-versions.js';
import { leaderRoleTypes, selectLeaderPosition, validOn } from './organisation.queries.js';
import type { OrganisationDb } from './organisation.tables.js';

// An organisation editor limited to areas (org_editor_areas) may change only what lies in or under
// them. Checked in the commands, so the same limit holds for a single edit, a scenario applied and
// an import. The system (start-up, the dataset) and administrators are never limited.
//
// `assertMayEditInArea` is the one check for "may this actor edit this record, given their area":
// the organisation's commands and places' commands (through the organisation's index.ts) both call
// it, each saying what the record belongs to. Records that belong to the whole municipality (places'
// districts, hubs, sites and service catalogue, an import of places, the former municipalities'
// baselines) belong to no area, so only an unlimited editor or an administrator may change them.

/** What a record belongs to, for the area check. */
export type AreaOwner =
  /** Units; `null` stands for the top of the organisation (a unit without a parent), outside every area. */
  | { units: readonly (string | null)[] }
  /** Positions, by the unit each belongs to on the date (a position unknown then is left to the command). */
  | { positions: readonly string[] }
  /** The whole municipality; `what` names the record in the refusal. */
  | { municipality: { nb: string; en: string } };

interface Area {
  userId: string;
  ids: ReadonlySet<string>;
  date: string;
}

/** The area the actor is limited to, or null when they are not limited. */
async function limitingArea(trx: OrganisationDb, context: WriteContext, date: string): Promise<Area | null> {
  const actor = context.actor;
  if (!actor || actor.roles.includes('administrator')) return null;
  const ids = await selectEditorAreaIds(trx, actor.userId);
  return ids.size === 0 ? null : { userId: actor.userId, ids, date };
}

type Refusal = (names: { nb: string; en: string }) => { nb: string; en: string };

/** The 403, naming the area's units («Skole») so the editor sees which limit stopped them. */
async function outsideArea(trx: OrganisationDb, area: Area, details: Record<string, unknown>, text: Refusal): Promise<AppError> {
  const units = await selectEditorAreas(trx, area.userId, area.date);
  const names = { nb: units.map((u) => `«${u.name}»`).join(', '), en: units.map((u) => `"${u.name}"`).join(', ') };
  return new AppError('forbidden', {
    message: text(names),
    details: { areas: units.map((u) => ({ id: u.id, name: u.name })), ...details },
  });
}

function unitsOutside(trx: OrganisationDb, area: Area, outside: readonly (string | null)[]): Promise<AppError> {
  return outsideArea(trx, area, { unitIds: outside.filter((id) => id !== null) }, (names) => ({
    nb: `Du kan bare endre det som hører til ditt eget område av organisasjonen (${names.nb}). Be en administrator om å gjøre endringen, eller om å utvide området ditt.`,
    en: `You may only change what belongs to your own area of the organisation (${names.en}). Ask an administrator to make the change, or to widen your area.`,
  }));
}

/** The unit each of `positionIds` belongs to on `date`, with its role type. */
async function positionsOn(
  trx: OrganisationDb,
  positionIds: readonly string[],
  date: string,
): Promise<Map<string, { unitId: string; roleType: string }>> {
  const ids = positionIds.filter(isUuid);
  if (ids.length === 0) return new Map();
  const rows = await trx
    .selectFrom('org_position_versions as pv')
    .select(['pv.position_id', 'pv.unit_id', 'pv.role_type'])
    .where('pv.position_id', 'in', ids)
    .where(validOn('pv', date))
    .execute();
  return new Map(rows.map((r) => [r.position_id, { unitId: r.unit_id, roleType: r.role_type }]));
}

/**
 * Refuses (403, naming the editor's area) unless the actor may edit a record that belongs to
 * `owner` on `date`: always for administrators and unlimited editors; for an editor limited to an
 * area, only when every unit (or every position's unit) lies in or under it, and never for a record
 * of the whole municipality. Call it inside the command's transaction with its handle.
 */
export async function assertMayEditInArea(trx: OrganisationDb, context: WriteContext, owner: AreaOwner, date: string): Promise<void> {
  const area = await limitingArea(trx, context, date);
  if (!area) return;
  if ('municipality' in owner) {
    const what = owner.municipality;
    throw await outsideArea(trx, area, { municipalityWide: true }, (names) => ({
      nb: `${capitalise(what.nb)} gjelder hele kommunen, og du kan bare endre det som hører til ditt eget område av organisasjonen (${names.nb}). Be en administrator eller en redaktør uten begrenset område om å gjøre endringen.`,
      en: `${capitalise(what.en)} belongs to the whole municipality, and you may only change what belongs to your own area of the organisation (${names.en}). Ask an administrator or an editor without a limited area to make the change.`,
    }));
  }
  const unitIds = 'units' in owner ? owner.units : [...(await positionsOn(trx, owner.positions, date)).values()].map((p) => p.unitId);
  const known = unitIds.filter((id): id is string => id !== null);
  const outside: (string | null)[] = await unitsOutsideAreas(trx, area.ids, known, date);
  if (known.length < unitIds.length) outside.push(null);
  if (outside.length > 0) throw await unitsOutside(trx, area, outside);
}

/** As `assertMayEditInArea`, for units. */
export async function assertMayEditUnits(
  trx: OrganisationDb,
  context: WriteContext,
  unitIds: readonly (string | null)[],
  date: string,
): Promise<void> {
  await assertMayEditInArea(trx, context, { units: unitIds }, date);
}

/** As `assertMayEditInArea`, for the units the positions belong to on `date`. */
export async function assertMayEditPositions(
  trx: OrganisationDb,
  context: WriteContext,
  positionIds: readonly string[],
  date: string,
): Promise<void> {
  await assertMayEditInArea(trx, context, { positions: positionIds }, date);
}

/**
 * A reporting line is the editor's to add or end only when both its ends lie in their area on
 * `date`: a line into a position outside gives that position a subordinate (or a professional or
 * coordination duty) that another area's editor answers for, and a line from outside is not theirs.
 *
 * One line out is allowed: a personnel line from a leader of one of the area's own top units to the
 * leader of the unit just above it. Every position needs a personnel line, and the area's top
 * leader can report nowhere inside the area; without this, a limited editor could not replace the
 * area's top leader position (close the old, create the new and link it) without an administrator,
 * which is the area's normal work. Nothing else crosses the border, not even a professional line.
 */
export async function assertMayEditLine(
  trx: OrganisationDb,
  context: WriteContext,
  line: { type: string; fromPositionId: string; toPositionId: string },
  date: string,
): Promise<void> {
  const area = await limitingArea(trx, context, date);
  if (!area) return;
  const positions = await positionsOn(trx, [line.fromPositionId, line.toPositionId], date);
  const from = positions.get(line.fromPositionId);
  const to = positions.get(line.toPositionId);
  const outside = await unitsOutsideAreas(
    trx,
    area.ids,
    [from?.unitId, to?.unitId].filter((id): id is string => id !== undefined),
    date,
  );
  if (from && outside.includes(from.unitId)) throw await unitsOutside(trx, area, [from.unitId]);
  if (!to || !outside.includes(to.unitId)) return;
  if (from && line.type === 'personnel' && (await isLineToLeaderAbove(trx, area, from, line.toPositionId, to.unitId, date))) return;
  throw await outsideArea(trx, area, { unitIds: [to.unitId], positionIds: [line.toPositionId] }, (names) => ({
    nb: `En rapporteringslinje må gå mellom to stillinger i ditt eget område av organisasjonen (${names.nb}), og stillingen linjen går til, ligger utenfor. Bare en personalmessig linje fra lederen av området til lederen rett over det kan gå ut av området. Be en administrator om å gjøre endringen.`,
    en: `A reporting line must run between two positions in your own area of the organisation (${names.en}), and the position it goes to lies outside. Only a personnel line from the area's leader to the leader just above it may leave the area. Ask an administrator to make the change.`,
  }));
}

/** Is this the area's top leader reporting to the leader of the unit just above the area? */
async function isLineToLeaderAbove(
  trx: OrganisationDb,
  area: Area,
  from: { unitId: string; roleType: string },
  toPositionId: string,
  toUnitId: string,
  date: string,
): Promise<boolean> {
  const leaders: readonly string[] = leaderRoleTypes;
  if (!area.ids.has(from.unitId) || !leaders.includes(from.roleType)) return false;
  const fromUnit = await trx
    .selectFrom('org_unit_versions as uv')
    .select('uv.parent_id')
    .where('uv.unit_id', '=', from.unitId)
    .where(validOn('uv', date))
    .executeTakeFirst();
  if (fromUnit?.parent_id !== toUnitId) return false;
  return (await selectLeaderPosition(trx, toUnitId, date)) === toPositionId;
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** The last day something ending on `validTo` (exclusive) still holds. */
export const lastDayBefore = (validTo: string) => addDays(validTo, -1);

import type { WriteContext } from '../../../../kernel/index.js';
import type { ChangeUnitBody, WriteResult } from '../../records.schemas.js';
import { addDays, changedColumns, findCycle, lockVersions, norwegianDate, openVersionFrom, type Period } from '../dated-versions.js';
import type { OrganisationDb } from '../organisation.tables.js';
import { selectUnitEdgesAbove, selectUnitNames } from '../records.queries.js';
import {
  assertKeyFree,
  audit,
  assertRevision,
  bumpRevision,
  cleanText,
  conflict,
  invalid,
  lockIdentity,
  referencedVersions,
  unitAuditView,
  versionOn,
} from './shared.js';
import { assertMayEditUnits } from '../editor-area.js';
import { selectLeaderPosition } from '../organisation.queries.js';
import { addLine } from './add-line.js';
import { endLine } from './end-line.js';

export type ChangeUnitInput = ChangeUnitBody & { id: string };

/**
 * Renames, moves or reclassifies a unit from `validFrom`: the version that holds that day ends the
 * day before and a new one with the changes runs from `validFrom` until the old one would have
 * ended. Later planned versions stay as they are. A new `key` changes the unit's identity row.
 */
export async function changeUnit(trx: OrganisationDb, context: WriteContext, input: ChangeUnitInput): Promise<WriteResult> {
  const identity = await lockIdentity(trx, 'org_units', input.id);
  // Moving a unit needs both the unit and its new parent in the editor's area.
  await assertMayEditUnits(trx, context, input.parentId === undefined ? [input.id] : [input.id, input.parentId], input.validFrom);
  assertRevision('org_units', identity.revision, input.revision);
  const versions = await lockVersions(trx, 'org_unit_versions', input.id);
  const holding = versionOn(versions, input.validFrom, 'org_units', input.id);
  const period: Period = { validFrom: input.validFrom, validTo: holding.valid_to };

  const wanted: Record<string, unknown> = {
    name: input.name?.trim(),
    kind: input.kind,
    level: input.level,
    parent_id: input.parentId,
    classification: input.classification,
    name_known: input.nameKnown,
    hr_unit_id: input.hrUnitId === undefined ? undefined : cleanText(input.hrUnitId),
    ansvar_number: input.ansvarNumber === undefined ? undefined : cleanText(input.ansvarNumber),
    organisation_number: input.organisationNumber === undefined ? undefined : cleanText(input.organisationNumber),
    kostra_function: input.kostraFunction === undefined ? undefined : cleanText(input.kostraFunction),
    districts: input.districts === undefined ? undefined : [...input.districts].sort((a, b) => a - b),
    source: input.source === undefined ? undefined : cleanText(input.source),
    note: input.note === undefined ? undefined : cleanText(input.note),
  };
  const changes = changedColumns(holding, wanted);
  const newKey = input.key !== undefined && input.key !== identity.key ? input.key : null;
  if (Object.keys(changes).length === 0 && newKey === null) {
    throw invalid(
      'Endringen endrer ingenting: alle feltene har allerede disse verdiene.',
      'The change changes nothing: every field already has these values.',
    );
  }

  if ('parent_id' in changes && changes.parent_id !== null) {
    const parentId = changes.parent_id as string;
    if (parentId === input.id)
      throw invalid('En enhet kan ikke ligge under seg selv.', 'A unit cannot be placed under itself.', { in: 'body', path: 'parentId' });
    await referencedVersions(trx, 'org_units', parentId, period, 'parentId');
    const edges = (await selectUnitEdgesAbove(trx, parentId, period)).filter((edge) => edge.versionId !== holding.id);
    const cycle = findCycle(edges, { from: input.id, to: parentId, ...period });
    if (cycle) {
      const names = await selectUnitNames(trx, cycle.path, cycle.date);
      throw conflict(
        `Enheten kan ikke flyttes under «${names.get(parentId)}»: den ligger selv under enheten ${norwegianDate(cycle.date)} (${cycle.path.map((id) => names.get(id)).join(' → ')}).`,
        `The unit cannot be moved under "${names.get(parentId)}": that unit lies below it on ${cycle.date}.`,
        { in: 'body', path: 'parentId', cycle: cycle.path },
      );
    }
  }
  if (newKey !== null) await assertKeyFree(trx, 'org_units', newKey, input.id);

  const opened =
    Object.keys(changes).length > 0 ? await openVersionFrom(trx, 'org_unit_versions', holding, input.validFrom, changes) : holding;
  if (newKey !== null) await trx.updateTable('org_units').set({ key: newKey }).where('id', '=', input.id).execute();
  const revision = await bumpRevision(trx, 'org_units', input.id);

  await audit(trx, context, {
    action: 'change',
    entityType: 'organisation_unit',
    entityId: input.id,
    before: unitAuditView(identity.key, holding),
    after: { ...unitAuditView(newKey ?? identity.key, opened), revision },
  });
  if (input.moveLeaderLine && 'parent_id' in changes) {
    // Replaced in place: the parent the day before is also a parent the leader may still report to.
    const dayBefore = holding.valid_from === input.validFrom ? versions.find((v) => v.valid_to === input.validFrom) : undefined;
    const oldParents = [holding.parent_id, dayBefore?.parent_id].filter((p): p is string => typeof p === 'string');
    await moveLeaderLine(trx, context, input.id, oldParents, changes.parent_id as string | null, input.validFrom);
  }
  return { id: input.id, revision };
}

/**
 * The unit's leader followed an old parent's leader; from `date` they follow the new parent's
 * leader, through the same line commands (checked and audited). A leader reporting elsewhere, or
 * a parent without a leader, is left as it is. A line that started on `date` (an earlier move the
 * same day) is removed rather than kept for zero days, and a line to the new leader that ended on
 * `date` runs on, so a move and its reversal on one day leave the lines as they were.
 */
async function moveLeaderLine(
  trx: OrganisationDb,
  context: WriteContext,
  unitId: string,
  oldParentIds: readonly string[],
  newParentId: string | null,
  date: string,
): Promise<void> {
  if (oldParentIds.length === 0 || !newParentId) return;
  const [leader, newLeader, ...oldLeaders] = await Promise.all([
    selectLeaderPosition(trx, unitId, date),
    selectLeaderPosition(trx, newParentId, date),
    ...oldParentIds.map((id) => selectLeaderPosition(trx, id, addDays(date, -1))),
    ...oldParentIds.map((id) => selectLeaderPosition(trx, id, date)),
  ]);
  if (!leader || !newLeader) return;
  const followed = new Set(oldLeaders.filter((id): id is string => id !== null && id !== newLeader));
  const line = await trx
    .selectFrom('org_reporting_lines')
    .select(['id', 'revision', 'to_position_id', 'valid_from', 'valid_to'])
    .where('line_type', '=', 'personnel')
    .where('from_position_id', '=', leader)
    .where('valid_from', '<=', date)
    .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>', date)]))
    .executeTakeFirst();
  if (!line || !followed.has(line.to_position_id)) return;
  await endLine(trx, context, { id: line.id, revision: line.revision, validTo: date });
  const resumed = await trx
    .selectFrom('org_reporting_lines')
    .selectAll()
    .where('line_type', '=', 'personnel')
    .where('from_position_id', '=', leader)
    .where('to_position_id', '=', newLeader)
    .where('valid_to', '=', date)
    .forUpdate()
    .executeTakeFirst();
  if (resumed) {
    const after = await trx
      .updateTable('org_reporting_lines')
      .set((eb) => ({ valid_to: line.valid_to, revision: eb('revision', '+', 1) }))
      .where('id', '=', resumed.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    const view = (l: typeof resumed) => ({
      type: l.line_type,
      fromPositionId: l.from_position_id,
      toPositionId: l.to_position_id,
      validFrom: l.valid_from,
      validTo: l.valid_to,
    });
    await audit(trx, context, {
      action: 'change',
      entityType: 'organisation_line',
      entityId: resumed.id,
      before: view(resumed),
      after: { ...view(after), revision: after.revision },
    });
    return;
  }
  await addLine(trx, context, {
    type: 'personnel',
    fromPositionId: leader,
    toPositionId: newLeader,
    validFrom: date,
    validTo: line.valid_to,
  });
}

import type { WriteContext } from '../../../../kernel/index.js';
import type { CreatePositionBody, WriteResult } from '../../records.schemas.js';
import { assertEndAfterStart, type Period } from '../dated-versions.js';
import type { OrganisationDb } from '../organisation.tables.js';
import { assertKeyFree, audit, cleanText, freeKeyFrom, positionAuditView, referencedVersions } from './shared.js';
import { assertMayEditUnits } from '../editor-area.js';

export type CreatePositionInput = CreatePositionBody;

/** Creates a position in a unit that exists for the whole of the position's period. */
export async function createPosition(trx: OrganisationDb, context: WriteContext, input: CreatePositionInput): Promise<WriteResult> {
  const period: Period = { validFrom: input.validFrom, validTo: input.validTo ?? null };
  await assertMayEditUnits(trx, context, [input.unitId], input.validFrom);
  assertEndAfterStart(period);
  const title = input.title.trim();
  await referencedVersions(trx, 'org_units', input.unitId, period, 'unitId');
  if (input.key) await assertKeyFree(trx, 'org_positions', input.key);
  const key = input.key ?? (await freeKeyFrom(trx, 'org_positions', title));

  const position = await trx.insertInto('org_positions').values({ key }).returning(['id', 'revision']).executeTakeFirstOrThrow();
  const version = await trx
    .insertInto('org_position_versions')
    .values({
      position_id: position.id,
      valid_from: period.validFrom,
      valid_to: period.validTo,
      title,
      unit_id: input.unitId,
      role_type: input.roleType,
      personnel_responsibility: input.personnelResponsibility,
      professionally_independent: input.professionallyIndependent ?? false,
      fte: input.fte ?? null,
      cost_centre: input.costCentre?.trim() ?? null,
      source: cleanText(input.source),
      note: cleanText(input.note),
    })
    .returningAll()
    .executeTakeFirstOrThrow();

  await audit(trx, context, {
    action: 'create',
    entityType: 'organisation_position',
    entityId: position.id,
    after: positionAuditView(key, version),
  });
  return { id: position.id, revision: position.revision };
}

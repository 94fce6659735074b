import type { WriteContext } from '../../../../kernel/index.js';
import type { CreateUnitBody, WriteResult } from '../../records.schemas.js';
import { assertEndAfterStart, type Period } from '../dated-versions.js';
import type { OrganisationDb } from '../organisation.tables.js';
import { assertKeyFree, cleanText, freeKeyFrom, referencedVersions, unitAuditView, audit } from './shared.js';
import { assertMayEditUnits } from '../editor-area.js';

export type CreateUnitInput = CreateUnitBody;

/** Creates a unit that exists from `validFrom` (until `validTo`), under a parent that exists all that time. */
export async function createUnit(trx: OrganisationDb, context: WriteContext, input: CreateUnitInput): Promise<WriteResult> {
  const period: Period = { validFrom: input.validFrom, validTo: input.validTo ?? null };
  await assertMayEditUnits(trx, context, [input.parentId ?? null], input.validFrom);
  assertEndAfterStart(period);
  const name = input.name.trim();
  if (input.parentId) await referencedVersions(trx, 'org_units', input.parentId, period, 'parentId');
  if (input.key) await assertKeyFree(trx, 'org_units', input.key);
  const key = input.key ?? (await freeKeyFrom(trx, 'org_units', name));

  const unit = await trx.insertInto('org_units').values({ key }).returning(['id', 'revision']).executeTakeFirstOrThrow();
  const version = await trx
    .insertInto('org_unit_versions')
    .values({
      unit_id: unit.id,
      valid_from: period.validFrom,
      valid_to: period.validTo,
      name,
      kind: input.kind,
      level: input.level,
      parent_id: input.parentId ?? null,
      classification: input.classification,
      name_known: input.nameKnown ?? true,
      hr_unit_id: cleanText(input.hrUnitId),
      ansvar_number: cleanText(input.ansvarNumber),
      organisation_number: cleanText(input.organisationNumber),
      kostra_function: cleanText(input.kostraFunction),
      districts: [...(input.districts ?? [])].sort((a, b) => a - b),
      source: cleanText(input.source),
      note: cleanText(input.note),
    })
    .returningAll()
    .executeTakeFirstOrThrow();

  await audit(trx, context, { action: 'create', entityType: 'organisation_unit', entityId: unit.id, after: unitAuditView(key, version) });
  return { id: unit.id, revision: unit.revision };
}

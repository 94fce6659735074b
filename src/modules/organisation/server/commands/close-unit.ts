import type { WriteContext } from '../../../../kernel/index.js';
import type { CloseBody, WriteResult } from '../../records.schemas.js';
import { assertEndAfterStart, endVersionAt, lockVersions, norwegianDate, type Period } from '../dated-versions.js';
import type { OrganisationDb } from '../organisation.tables.js';
import { selectChildUnits, selectPositionsInUnit } from '../records.queries.js';
import {
  assertRevision,
  audit,
  bumpRevision,
  conflict,
  listNames,
  listNamesEn,
  lockIdentity,
  unitAuditView,
  versionBefore,
  versionToClose,
} from './shared.js';
import { assertMayEditUnits, lastDayBefore } from '../editor-area.js';

export type CloseUnitInput = CloseBody & { id: string };

/**
 * Closes a unit: `validTo` is the first day it no longer exists. Refused while positions or units
 * under it still exist on or after that day: they must be closed or moved first. Its level
 * exception ends with it.
 */
export async function closeUnit(trx: OrganisationDb, context: WriteContext, input: CloseUnitInput): Promise<WriteResult> {
  const identity = await lockIdentity(trx, 'org_units', input.id);
  await assertMayEditUnits(trx, context, [input.id], lastDayBefore(input.validTo));
  assertRevision('org_units', identity.revision, input.revision);
  const versions = await lockVersions(trx, 'org_unit_versions', input.id);
  const first = versions[0]!;
  assertEndAfterStart({ validFrom: first.valid_from, validTo: input.validTo });
  const name = String((versionBefore(versions, input.validTo) ?? versions.at(-1)!).name);

  const holding = versionToClose(versions, input.validTo, name, 'Enheten');

  const after: Period = { validFrom: input.validTo, validTo: null };
  const [positions, children] = await Promise.all([selectPositionsInUnit(trx, input.id, after), selectChildUnits(trx, input.id, after)]);
  if (positions.length > 0 || children.length > 0) {
    const positionTitles = [...new Set(positions.map((p) => p.title))];
    const childNames = [...new Set(children.map((c) => c.name))];
    const nb: string[] = [];
    const en: string[] = [];
    if (positionTitles.length > 0) {
      nb.push(`stillinger: ${listNames(positionTitles)}`);
      en.push(`positions: ${listNamesEn(positionTitles)}`);
    }
    if (childNames.length > 0) {
      nb.push(`underenheter: ${listNames(childNames)}`);
      en.push(`units under it: ${listNamesEn(childNames)}`);
    }
    throw conflict(
      `«${name}» kan ikke avsluttes fra ${norwegianDate(input.validTo)} fordi den fortsatt har ${nb.join(' og ')}. Avslutt eller flytt dem først.`,
      `"${name}" cannot be closed from ${input.validTo} because it still has ${en.join(' and ')}. Close or move them first.`,
      {
        positions: [...new Set(positions.map((p) => p.position_id))],
        units: [...new Set(children.map((c) => c.unit_id))],
      },
    );
  }

  const closed = await endVersionAt(trx, 'org_unit_versions', holding, input.validTo);
  await trx
    .updateTable('org_level_exceptions')
    .set({ valid_to: input.validTo })
    .where('unit_id', '=', input.id)
    .where('valid_from', '<', input.validTo)
    .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>', input.validTo)]))
    .execute();
  const revision = await bumpRevision(trx, 'org_units', input.id);

  await audit(trx, context, {
    action: 'close',
    entityType: 'organisation_unit',
    entityId: input.id,
    before: unitAuditView(identity.key, holding),
    after: { ...unitAuditView(identity.key, closed), revision },
  });
  return { id: input.id, revision };
}

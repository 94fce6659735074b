import type { WriteContext } from '../../../../kernel/index.js';
import type { ChangePositionBody, WriteResult } from '../../records.schemas.js';
import { changedColumns, lockVersions, openVersionFrom, type Period } from '../dated-versions.js';
import { breaksIndependence } from '../independence.js';
import type { OrganisationDb } from '../organisation.tables.js';
import { selectLinesOfPosition, selectPositionLabels } from '../records.queries.js';
import {
  assertKeyFree,
  assertRevision,
  audit,
  bumpRevision,
  cleanText,
  conflict,
  invalid,
  listNames,
  listNamesEn,
  lockIdentity,
  positionAuditView,
  referencedVersions,
  versionOn,
} from './shared.js';
import { assertMayEditPositions, assertMayEditUnits } from '../editor-area.js';

export type ChangePositionInput = ChangePositionBody & { id: string };

/**
 * Changes a position from `validFrom` (new title, another unit, role type, responsibilities, size,
 * cost centre)
 * as a new version, like a unit change. Taking away personnel responsibility is refused while
 * personnel lines still point to it, and making it professionally independent while professional
 * lines do.
 */
export async function changePosition(trx: OrganisationDb, context: WriteContext, input: ChangePositionInput): Promise<WriteResult> {
  const identity = await lockIdentity(trx, 'org_positions', input.id);
  await assertMayEditPositions(trx, context, [input.id], input.validFrom);
  if (input.unitId !== undefined) await assertMayEditUnits(trx, context, [input.unitId], input.validFrom);
  assertRevision('org_positions', identity.revision, input.revision);
  const versions = await lockVersions(trx, 'org_position_versions', input.id);
  const holding = versionOn(versions, input.validFrom, 'org_positions', input.id);
  const period: Period = { validFrom: input.validFrom, validTo: holding.valid_to };

  const changes = changedColumns(holding, {
    title: input.title?.trim(),
    unit_id: input.unitId,
    role_type: input.roleType,
    personnel_responsibility: input.personnelResponsibility,
    professionally_independent: input.professionallyIndependent,
    fte: input.fte,
    cost_centre: input.costCentre === undefined ? undefined : (input.costCentre?.trim() ?? null),
    source: input.source === undefined ? undefined : cleanText(input.source),
    note: input.note === undefined ? undefined : cleanText(input.note),
  });
  const newKey = input.key !== undefined && input.key !== identity.key ? input.key : null;
  if (Object.keys(changes).length === 0 && newKey === null) {
    throw invalid(
      'Endringen endrer ingenting: alle feltene har allerede disse verdiene.',
      'The change changes nothing: every field already has these values.',
    );
  }

  if ('unit_id' in changes) await referencedVersions(trx, 'org_units', changes.unit_id as string, period, 'unitId');
  const title = String(changes.title ?? holding.title);
  if (changes.personnel_responsibility === false || changes.professionally_independent === true) {
    const lines = await selectLinesOfPosition(trx, input.id, period);
    // Personnel lines *to* the position need its responsibility; professional lines *from* it break its independence (independence.ts).
    const blocking = (type: 'personnel' | 'professional') =>
      type === 'personnel'
        ? lines
            .filter((l) => l.line_type === 'personnel' && l.to_position_id === input.id)
            .map((l) => ({ id: l.id, other: l.from_position_id }))
        : lines
            .filter(
              (l) =>
                l.from_position_id === input.id &&
                l.line_type === 'professional' &&
                breaksIndependence('professional', { professionallyIndependent: true }),
            )
            .map((l) => ({ id: l.id, other: l.to_position_id }));
    const names = await selectPositionLabels(
      trx,
      lines.flatMap((l) => [l.from_position_id, l.to_position_id]).filter((id) => id !== input.id),
      input.validFrom,
    );
    const refuse = (type: 'personnel' | 'professional', field: string, nb: string, en: string) => {
      const found = blocking(type);
      const others = [...new Set(found.map((l) => names.get(l.other) ?? l.other))];
      if (others.length > 0) {
        throw conflict(
          `${nb} ${listNames(others)}. Avslutt eller flytt linjene først.`,
          `${en} ${listNamesEn(others)}. End or move the lines first.`,
          {
            in: 'body',
            path: field,
            lines: found.map((l) => l.id),
          },
        );
      }
    };
    if (changes.personnel_responsibility === false) {
      refuse(
        'personnel',
        'personnelResponsibility',
        `«${title}» kan ikke miste personalansvaret fordi disse stillingene rapporterer personalmessig til den:`,
        `"${title}" cannot lose its personnel responsibility because these positions have a personnel line to it:`,
      );
    }
    if (changes.professionally_independent === true) {
      refuse(
        'professional',
        'professionallyIndependent',
        `«${title}» kan ikke bli faglig selvstendig fordi den har faglig linje til`,
        `"${title}" cannot become professionally independent because it has a professional line to`,
      );
    }
  }
  if (newKey !== null) await assertKeyFree(trx, 'org_positions', newKey, input.id);

  const opened =
    Object.keys(changes).length > 0 ? await openVersionFrom(trx, 'org_position_versions', holding, input.validFrom, changes) : holding;
  if (newKey !== null) await trx.updateTable('org_positions').set({ key: newKey }).where('id', '=', input.id).execute();
  const revision = await bumpRevision(trx, 'org_positions', input.id);

  await audit(trx, context, {
    action: 'change',
    entityType: 'organisation_position',
    entityId: input.id,
    before: positionAuditView(identity.key, holding),
    after: { ...positionAuditView(newKey ?? identity.key, opened), revision },
  });
  return { id: input.id, revision };
}

import type { WriteContext } from '../../../../kernel/index.js';
import type { CloseBody, WriteResult } from '../../records.schemas.js';
import { assertEndAfterStart, endVersionAt, lockVersions, norwegianDate, type Period } from '../dated-versions.js';
import type { OrganisationDb } from '../organisation.tables.js';
import { selectAssignmentsOfPosition, selectLinesOfPosition, selectPositionLabels } from '../records.queries.js';
import {
  assertRevision,
  audit,
  bumpRevision,
  conflict,
  listNames,
  listNamesEn,
  lockIdentity,
  positionAuditView,
  versionBefore,
  versionToClose,
} from './shared.js';
import { assertMayEditPositions, lastDayBefore } from '../editor-area.js';

export type ClosePositionInput = CloseBody & { id: string };

/**
 * Closes a position: `validTo` is the first day it no longer exists. Refused while someone holds
 * it or other positions report to it on or after that day. Its own lines upwards end with it:
 * they describe nothing once the position is gone.
 */
export async function closePosition(trx: OrganisationDb, context: WriteContext, input: ClosePositionInput): Promise<WriteResult> {
  const identity = await lockIdentity(trx, 'org_positions', input.id);
  await assertMayEditPositions(trx, context, [input.id], lastDayBefore(input.validTo));
  assertRevision('org_positions', identity.revision, input.revision);
  const versions = await lockVersions(trx, 'org_position_versions', input.id);
  assertEndAfterStart({ validFrom: versions[0]!.valid_from, validTo: input.validTo });
  const title = String((versionBefore(versions, input.validTo) ?? versions.at(-1)!).title);

  const holding = versionToClose(versions, input.validTo, title, 'Stillingen');

  const after: Period = { validFrom: input.validTo, validTo: null };
  const [holders, lines] = await Promise.all([
    selectAssignmentsOfPosition(trx, input.id, after),
    selectLinesOfPosition(trx, input.id, after),
  ]);
  const incoming = lines.filter((l) => l.to_position_id === input.id);
  const outgoing = lines.filter((l) => l.from_position_id === input.id);
  const laterOutgoing = outgoing.filter((l) => l.valid_from >= input.validTo);
  if (holders.length > 0 || incoming.length > 0 || laterOutgoing.length > 0) {
    const titles = await selectPositionLabels(
      trx,
      [...incoming.map((l) => l.from_position_id), ...laterOutgoing.map((l) => l.to_position_id)],
      input.validTo,
    );
    const nb: string[] = [];
    const en: string[] = [];
    if (holders.length > 0) {
      const people = [...new Set(holders.map((h) => h.name))];
      nb.push(`den har innehavere: ${listNames(people)}`);
      en.push(`it has holders: ${listNamesEn(people)}`);
    }
    if (incoming.length > 0) {
      const from = [...new Set(incoming.map((l) => titles.get(l.from_position_id) ?? l.from_position_id))];
      nb.push(`disse stillingene rapporterer til den: ${listNames(from)}`);
      en.push(`these positions report to it: ${listNamesEn(from)}`);
    }
    if (laterOutgoing.length > 0) {
      const to = [...new Set(laterOutgoing.map((l) => titles.get(l.to_position_id) ?? l.to_position_id))];
      nb.push(`den har linjer som starter senere, til ${listNames(to)}`);
      en.push(`it has lines starting later, to ${listNamesEn(to)}`);
    }
    throw conflict(
      `«${title}» kan ikke avsluttes fra ${norwegianDate(input.validTo)} fordi ${nb.join('; ')}. Avslutt dem først.`,
      `"${title}" cannot be closed from ${input.validTo} because ${en.join('; ')}. End them first.`,
      { assignments: holders.map((h) => h.id), lines: [...incoming, ...laterOutgoing].map((l) => l.id) },
    );
  }

  const closed = await endVersionAt(trx, 'org_position_versions', holding, input.validTo);
  const endedLines = outgoing.length
    ? await trx
        .updateTable('org_reporting_lines')
        .set((eb) => ({ valid_to: input.validTo, revision: eb('revision', '+', 1) }))
        .where(
          'id',
          'in',
          outgoing.map((l) => l.id),
        )
        .returning(['id', 'line_type', 'to_position_id', 'valid_from', 'valid_to'])
        .execute()
    : [];
  const revision = await bumpRevision(trx, 'org_positions', input.id);

  await audit(trx, context, {
    action: 'close',
    entityType: 'organisation_position',
    entityId: input.id,
    before: positionAuditView(identity.key, holding),
    after: {
      ...positionAuditView(identity.key, closed),
      revision,
      endedLines: endedLines.map((l) => ({
        id: l.id,
        type: l.line_type,
        toPositionId: l.to_position_id,
        validFrom: l.valid_from,
        validTo: l.valid_to,
      })),
    },
  });
  return { id: input.id, revision };
}

import type { WriteContext } from '../../../../kernel/index.js';
import type { AssignPersonBody, WriteResult } from '../../records.schemas.js';
import { assertEndAfterStart, describePeriod, type Period } from '../dated-versions.js';
import type { OrganisationDb } from '../organisation.tables.js';
import { isUuid, overlapping } from '../records.queries.js';
import { audit, cleanText, conflict, invalid, labelOf, referencedVersions } from './shared.js';
import { assertMayEditPositions } from '../editor-area.js';

export type AssignPersonInput = AssignPersonBody;

/**
 * Places a person in a position for a period (FTE 0–1). The position must exist all that time, and
 * the same person cannot hold the same position twice on one day.
 */
export async function assignPerson(trx: OrganisationDb, context: WriteContext, input: AssignPersonInput): Promise<WriteResult> {
  const period: Period = { validFrom: input.validFrom, validTo: input.validTo ?? null };
  await assertMayEditPositions(trx, context, [input.positionId], input.validFrom);
  assertEndAfterStart(period);
  // Locking the person makes two simultaneous assignments of one person take turns at the overlap check.
  const person = isUuid(input.personId)
    ? await trx.selectFrom('org_people').select(['id', 'name']).where('id', '=', input.personId).forUpdate().executeTakeFirst()
    : undefined;
  if (!person) {
    throw invalid(
      `Fant ikke personen det vises til (personId: ${input.personId}).`,
      `The person referred to was not found (personId: ${input.personId}).`,
      {
        in: 'body',
        path: 'personId',
      },
    );
  }
  const positionVersions = await referencedVersions(trx, 'org_positions', input.positionId, period, 'positionId');
  const title = labelOf(positionVersions, period.validFrom);

  const clash = await trx
    .selectFrom('org_assignments')
    .select(['id', 'valid_from', 'valid_to'])
    .where('person_id', '=', input.personId)
    .where('position_id', '=', input.positionId)
    .where(overlapping(period))
    .orderBy('valid_from')
    .executeTakeFirst();
  if (clash) {
    const existing = describePeriod({ validFrom: clash.valid_from, validTo: clash.valid_to });
    throw conflict(
      `${person.name} har allerede stillingen «${title}» ${existing}. Perioden overlapper; avslutt den eksisterende tilknytningen først eller velg andre datoer.`,
      `${person.name} already holds the position "${title}" from ${clash.valid_from}${clash.valid_to ? ` to ${clash.valid_to}` : ''}. The periods overlap.`,
      { assignmentId: clash.id },
    );
  }

  const assignment = await trx
    .insertInto('org_assignments')
    .values({
      person_id: input.personId,
      position_id: input.positionId,
      fte: input.fte ?? 1,
      valid_from: period.validFrom,
      valid_to: period.validTo,
      source: cleanText(input.source),
    })
    .returningAll()
    .executeTakeFirstOrThrow();

  await audit(trx, context, {
    action: 'create',
    entityType: 'organisation_assignment',
    entityId: assignment.id,
    after: {
      personId: assignment.person_id,
      personName: person.name,
      positionId: assignment.position_id,
      positionTitle: title,
      fte: Number(assignment.fte),
      validFrom: assignment.valid_from,
      validTo: assignment.valid_to,
      source: assignment.source,
    },
  });
  return { id: assignment.id, revision: assignment.revision };
}

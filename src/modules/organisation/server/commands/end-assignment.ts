import { AppError, type WriteContext } from '../../../../kernel/index.js';
import type { CloseBody, WriteResult } from '../../records.schemas.js';
import { assertEndAfterStart, norwegianDate } from '../dated-versions.js';
import type { OrganisationDb } from '../organisation.tables.js';
import { isUuid } from '../records.queries.js';
import { audit, invalid, notFound } from './shared.js';
import { assertMayEditPositions, lastDayBefore } from '../editor-area.js';

export type EndAssignmentInput = CloseBody & { id: string };

/**
 * Ends an assignment: `validTo` is the first day the person no longer holds the position. Only
 * shortens; an end on the day it starts removes it.
 */
export async function endAssignment(trx: OrganisationDb, context: WriteContext, input: EndAssignmentInput): Promise<WriteResult> {
  const assignment = isUuid(input.id)
    ? await trx
        .selectFrom('org_assignments as a')
        .innerJoin('org_people as pe', 'pe.id', 'a.person_id')
        .selectAll('a')
        .select('pe.name')
        .where('a.id', '=', input.id)
        .forUpdate('a')
        .executeTakeFirst()
    : undefined;
  if (!assignment)
    throw notFound(`Fant ikke tilknytningen til stillingen (id ${input.id}).`, `The assignment was not found (id ${input.id}).`);
  if (assignment.revision !== input.revision) {
    throw new AppError('stale', {
      message: {
        nb: `Noen andre har endret tilknytningen i mellomtiden (du har versjon ${input.revision}, gjeldende er ${assignment.revision}). Last inn på nytt og prøv igjen.`,
        en: `Someone else changed the assignment in the meantime (you have revision ${input.revision}, the current one is ${assignment.revision}). Reload and try again.`,
      },
      details: { revision: assignment.revision },
    });
  }
  // Ended on the day it starts: the person never held the position, so the assignment goes, audited.
  if (input.validTo === assignment.valid_from) {
    await assertMayEditPositions(trx, context, [assignment.position_id], assignment.valid_from);
    await trx.deleteFrom('org_assignments').where('id', '=', input.id).execute();
    await audit(trx, context, {
      action: 'delete',
      entityType: 'organisation_assignment',
      entityId: input.id,
      before: {
        personId: assignment.person_id,
        positionId: assignment.position_id,
        fte: Number(assignment.fte),
        validFrom: assignment.valid_from,
        validTo: assignment.valid_to,
      },
    });
    return { id: input.id, revision: assignment.revision + 1 };
  }
  assertEndAfterStart({ validFrom: assignment.valid_from, validTo: input.validTo });
  await assertMayEditPositions(trx, context, [assignment.position_id], lastDayBefore(input.validTo));
  if (assignment.valid_to !== null && assignment.valid_to <= input.validTo) {
    throw invalid(
      `Tilknytningen for ${assignment.name} er allerede avsluttet fra ${norwegianDate(assignment.valid_to)}.`,
      `The assignment of ${assignment.name} already ends from ${assignment.valid_to}.`,
      { in: 'body', path: 'validTo' },
    );
  }

  const ended = await trx
    .updateTable('org_assignments')
    .set((eb) => ({ valid_to: input.validTo, revision: eb('revision', '+', 1) }))
    .where('id', '=', input.id)
    .returningAll()
    .executeTakeFirstOrThrow();
  await audit(trx, context, {
    action: 'end',
    entityType: 'organisation_assignment',
    entityId: input.id,
    before: {
      personId: assignment.person_id,
      positionId: assignment.position_id,
      validFrom: assignment.valid_from,
      validTo: assignment.valid_to,
    },
    after: {
      personId: ended.person_id,
      positionId: ended.position_id,
      validFrom: ended.valid_from,
      validTo: ended.valid_to,
      revision: ended.revision,
    },
  });
  return { id: input.id, revision: ended.revision };
}

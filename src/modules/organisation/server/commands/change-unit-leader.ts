import type { WriteContext } from '../../../../kernel/index.js';
import { norwegianDate } from '../dated-versions.js';
import { selectLeaderPosition, validOn } from '../organisation.queries.js';
import type { OrganisationDb } from '../organisation.tables.js';
import { isUuid } from '../records.queries.js';
import { assignPerson } from './assign-person.js';
import { endAssignment } from './end-assignment.js';
import { invalid } from './shared.js';

export interface ChangeUnitLeaderInput {
  unitId: string;
  personId: string;
  validFrom: string;
  source?: string | null;
}

export interface UnitLeaderChange {
  positionId: string;
  assignmentId: string;
  /** The people whose hold on the leader position ended the day before. */
  ended: { assignmentId: string; personId: string }[];
}

/**
 * A new leader of a unit from a date (master data, approved in leader support): whoever holds the
 * unit's leader position on that date stops the day before, and the new person takes it. Runs the
 * same dated commands as a hand edit, so the same checks and audit entries apply.
 */
export async function changeUnitLeader(
  trx: OrganisationDb,
  context: WriteContext,
  input: ChangeUnitLeaderInput,
): Promise<UnitLeaderChange> {
  const positionId = isUuid(input.unitId) ? await selectLeaderPosition(trx, input.unitId, input.validFrom) : null;
  if (!positionId) {
    throw invalid(
      `Enheten har ingen lederstilling per ${norwegianDate(input.validFrom)}, så lederbyttet kan ikke gjøres automatisk. Opprett lederstillingen i organisasjonen først.`,
      `The unit has no leader position on ${input.validFrom}, so the leader change cannot be made automatically. Create the leader position in the organisation first.`,
      { in: 'body', path: 'fields.unit' },
    );
  }
  const holders = await trx
    .selectFrom('org_assignments as a')
    .select(['a.id', 'a.person_id', 'a.revision', 'a.valid_from'])
    .where('a.position_id', '=', positionId)
    .where(validOn('a', input.validFrom))
    .execute();
  if (holders.some((h) => h.person_id === input.personId)) {
    throw invalid(
      `Personen er allerede leder for enheten per ${norwegianDate(input.validFrom)}.`,
      `The person already leads the unit on ${input.validFrom}.`,
      { in: 'body', path: 'fields.newLeader' },
    );
  }
  const ended: UnitLeaderChange['ended'] = [];
  // A holder who started on the same date is replaced in place: ending on the start day removes them.
  for (const holder of holders) {
    await endAssignment(trx, context, { id: holder.id, revision: holder.revision, validTo: input.validFrom });
    ended.push({ assignmentId: holder.id, personId: holder.person_id });
  }
  const result = await assignPerson(trx, context, {
    personId: input.personId,
    positionId,
    validFrom: input.validFrom,
    fte: 1,
    source: input.source ?? null,
  });
  return { positionId, assignmentId: result.id, ended };
}

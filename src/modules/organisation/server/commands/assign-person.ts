import type { WriteContext } from '../../../../kernel/index.js';
import type { AssignPersonBody, WriteResult } from '../../records.schemas.js';
import { assertEndAfterStart, describePeriod, holdsOn, norwegianDate, type Period } from '../dated-versions.js';
import { fteTotal } from '../rules.js';
import type { OrganisationDb } from '../organisation.tables.js';
import { isUuid, overlapping } from '../records.queries.js';
import { audit, cleanText, conflict, invalid, labelOf, referencedVersions } from './shared.js';
import { assertMayEditPositions } from '../editor-area.js';

export type AssignPersonInput = AssignPersonBody;

/**
 * Places a person in a position for a period (FTE 0–1). The position must exist all that time, the
 * same person cannot hold the same position twice on one day, and a person above 100 % FTE on any
 * day is refused unless the input gives a reason (stored and audited; the rules report shows it).
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

  const fte = input.fte ?? 1;
  const overrideReason = cleanText(input.fteOverrideReason);
  const peak = await peakFte(trx, input.personId, period, fte);
  if (peak.percent > 100 && !overrideReason) {
    throw conflict(
      `${person.name} får da ${peak.percent} % stilling fra ${norwegianDate(peak.date)}: mer enn 100 %. Avslutt eller reduser en annen tilknytning først, eller godta det med en begrunnelse.`,
      `${person.name} would then hold ${peak.percent}% FTE from ${peak.date}: more than 100%. End or reduce another assignment first, or accept it with a reason.`,
      { fteOverride: true, percent: peak.percent, date: peak.date, in: 'body', path: 'fteOverrideReason' },
    );
  }

  const assignment = await trx
    .insertInto('org_assignments')
    .values({
      person_id: input.personId,
      position_id: input.positionId,
      fte,
      valid_from: period.validFrom,
      valid_to: period.validTo,
      source: cleanText(input.source),
      // Kept only where it was needed: it shows as the accepted reason in the rules report.
      fte_override_reason: peak.percent > 100 ? overrideReason : null,
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
      fteOverrideReason: assignment.fte_override_reason,
    },
  });
  return { id: assignment.id, revision: assignment.revision };
}

/**
 * The most FTE the person would hold on any day of `period` with `fte` added, and the first such
 * day. The sum only changes where an assignment starts, so those days (and the first) are enough.
 */
async function peakFte(trx: OrganisationDb, personId: string, period: Period, fte: number): Promise<{ percent: number; date: string }> {
  const others = await trx
    .selectFrom('org_assignments')
    .select(['fte', 'valid_from', 'valid_to'])
    .where('person_id', '=', personId)
    .where(overlapping(period))
    .execute();
  const days = [period.validFrom, ...others.map((a) => a.valid_from).filter((d) => d > period.validFrom)].sort();
  let peak = { percent: 0, date: period.validFrom };
  for (const day of days) {
    const held = others.filter((a) => holdsOn({ validFrom: a.valid_from, validTo: a.valid_to }, day)).map((a) => Number(a.fte));
    const percent = fteTotal([...held, fte]);
    if (percent > peak.percent) peak = { percent, date: day };
  }
  return peak;
}

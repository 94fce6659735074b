import { sql, type Kysely } from 'kysely';
import {
  AppError,
  assertRevision as assertRevisionOf,
  can,
  recordAudit,
  type Actor,
  type KernelTables,
  type WriteContext,
} from '../../../../kernel/index.js';
import { leadsUnit, type OrganisationDb } from '../../../organisation/index.js';
import type { Benefit, ChangeBenefitBody, CloseBenefitBody, MeasurementBody, NewBenefitBody } from '../../benefits.schemas.js';
import type { PortfolioDb } from '../portfolio.tables.js';
import {
  isRealDate,
  isUuid,
  selectBenefits,
  selectInitiative,
  selectLeaderPositions,
  selectPersonOfUser,
  todayInNorway,
  type InitiativeRow,
} from './benefits.queries.js';
import { deviation } from './realisation.js';

// The benefits part's writes: each runs inside the caller's transaction, checks who may write and
// what is sent, writes, and audits. Any refusal throws before anything is written.

type Problem = { path: string; problem: string };

function invalid(nb: string, en: string, details: Problem[] = []): AppError {
  return new AppError('invalid', { message: { nb, en }, details });
}

async function audit(trx: PortfolioDb, context: WriteContext, entry: Parameters<typeof recordAudit>[2]) {
  await recordAudit(trx as unknown as Kysely<KernelTables>, context, entry);
}

/**
 * May the actor write the initiative's benefits? The proposer, the digital agent, a leader of the
 * owning unit (or above), the benefit's owner, the portfolio board (portfolio:decide) and administrators.
 */
export async function mayWriteBenefits(
  db: PortfolioDb,
  actor: Actor | null,
  initiative: InitiativeRow,
  ownerPersonId?: string,
): Promise<boolean> {
  if (!actor || !actor.permissions.has('portfolio:propose')) return false;
  if (actor.roles.includes('administrator') || (await can(actor, 'portfolio:decide'))) return true;
  if (initiative.proposed_by === actor.userId || initiative.digital_agent_id === actor.userId) return true;
  if (ownerPersonId && (await selectPersonOfUser(db, actor.userId)) === ownerPersonId) return true;
  return leadsUnit(db as unknown as OrganisationDb, actor, initiative.owner_unit_id, todayInNorway());
}

function forbidden(): AppError {
  return new AppError('forbidden', {
    message: {
      nb: 'Bare forslagsstilleren, den digitale agenten, en leder for eierenheten, gevinsteieren og porteføljestyret kan endre gevinstene til dette initiativet.',
      en: "Only the proposer, the digital agent, a leader of the owning unit, the benefit's owner and the portfolio board may change this initiative's benefits.",
    },
  });
}

async function initiativeOrNotFound(trx: PortfolioDb, ref: string): Promise<InitiativeRow> {
  const initiative = await selectInitiative(trx, ref);
  if (!initiative) {
    throw new AppError('not_found', { message: { nb: `Fant ikke initiativet «${ref}».`, en: `Initiative «${ref}» was not found.` } });
  }
  return initiative;
}

type Fields = Required<Omit<NewBenefitBody, 'ownerPersonId' | 'annualValue'>> & {
  ownerPersonId: string | null | undefined;
  annualValue: number | null;
};

/** The checked fields as the benefit's columns. */
function benefitColumns(clean: Fields, ownerUnitId: string) {
  return {
    title: clean.title,
    type: clean.type,
    indicator: clean.indicator,
    unit_of_measure: clean.unitOfMeasure,
    baseline_value: clean.baselineValue,
    baseline_date: clean.baselineDate,
    target_value: clean.targetValue,
    annual_value: clean.annualValue,
    owner_person_id: clean.ownerPersonId!,
    owner_unit_id: ownerUnitId,
    expected_date: clean.expectedDate,
    actions: clean.actions,
    assumptions: clean.assumptions,
    planned: clean.planned,
  };
}

/** Checks what a benefit holds; returns the owner's unit (the unit they lead today). */
async function checkFields(trx: PortfolioDb, fields: Fields): Promise<{ ownerUnitId: string; clean: Fields }> {
  const problems: Problem[] = [];
  const nb: string[] = [];
  const en: string[] = [];
  const clean: Fields = {
    ...fields,
    title: fields.title.trim(),
    indicator: fields.indicator.trim(),
    unitOfMeasure: fields.unitOfMeasure.trim(),
    actions: fields.actions.trim(),
    assumptions: fields.assumptions.trim(),
  };
  if (!clean.title) {
    problems.push({ path: 'title', problem: 'required' });
    nb.push('Skriv en tittel.');
    en.push('Enter a title.');
  }
  if (!clean.indicator) {
    problems.push({ path: 'indicator', problem: 'required' });
    nb.push('Skriv hvilken indikator gevinsten måles med.');
    en.push('Enter the indicator the benefit is measured by.');
  }
  if (!isRealDate(clean.baselineDate)) {
    problems.push({ path: 'baselineDate', problem: 'not a date' });
    nb.push('Datoen for nullpunktet er ikke en gyldig dato.');
    en.push('The baseline date is not a valid date.');
  }
  if (!isRealDate(clean.expectedDate)) {
    problems.push({ path: 'expectedDate', problem: 'not a date' });
    nb.push('Forventet realiseringsdato er ikke en gyldig dato.');
    en.push('The expected realisation date is not a valid date.');
  } else if (isRealDate(clean.baselineDate) && clean.expectedDate <= clean.baselineDate) {
    problems.push({ path: 'expectedDate', problem: 'not after the baseline date' });
    nb.push('Forventet realiseringsdato må være etter datoen for nullpunktet.');
    en.push('The expected realisation date must be after the baseline date.');
  }
  if (clean.targetValue === clean.baselineValue) {
    problems.push({ path: 'targetValue', problem: 'equals the baseline' });
    nb.push('Målet må være forskjellig fra nullpunktet: en gevinst er en endring.');
    en.push('The target must differ from the baseline: a benefit is a change.');
  }
  let ownerUnitId = '';
  const owner = clean.ownerPersonId?.trim() ?? '';
  if (!owner) {
    problems.push({ path: 'ownerPersonId', problem: 'required' });
    nb.push('Gevinsten må ha en eier: velg en linjeleder som skal realisere den.');
    en.push('The benefit needs an owner: choose the line leader who will realise it.');
  } else {
    const leads = await selectLeaderPositions(trx, owner, todayInNorway());
    if (leads.length === 0) {
      problems.push({ path: 'ownerPersonId', problem: 'not a line leader' });
      nb.push('Gevinsteieren må være en linjeleder: personen har ingen lederstilling i organisasjonen i dag.');
      en.push('The benefit owner must be a line leader: the person holds no leader position in the organisation today.');
    } else ownerUnitId = leads[0]!.unit_id;
  }
  if (problems.length > 0) throw invalid(nb.join(' '), en.join(' '), problems);
  return { ownerUnitId, clean: { ...clean, ownerPersonId: owner } };
}

/** Adds a benefit to an initiative's register. */
export async function addBenefit(trx: PortfolioDb, context: WriteContext, ref: string, body: NewBenefitBody): Promise<Benefit> {
  const initiative = await initiativeOrNotFound(trx, ref);
  if (!(await mayWriteBenefits(trx, context.actor, initiative))) throw forbidden();
  const { ownerUnitId, clean } = await checkFields(trx, {
    title: body.title,
    type: body.type,
    indicator: body.indicator,
    unitOfMeasure: body.unitOfMeasure ?? '',
    baselineValue: body.baselineValue,
    baselineDate: body.baselineDate,
    targetValue: body.targetValue,
    annualValue: body.annualValue ?? null,
    ownerPersonId: body.ownerPersonId,
    expectedDate: body.expectedDate,
    actions: body.actions ?? '',
    assumptions: body.assumptions ?? '',
    planned: body.planned ?? true,
  });
  const { id } = await trx
    .insertInto('pf_benefits')
    .values({
      initiative_id: initiative.id,
      ...benefitColumns(clean, ownerUnitId),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const [benefit] = await selectBenefits(trx, { id });
  await audit(trx, context, { action: 'create', entityType: 'pf_benefit', entityId: id, after: withoutMeasurements(benefit!) });
  await event(trx, context, initiative.id, 'benefit_added', { benefitId: id, title: clean.title, planned: clean.planned });
  return benefit!;
}

/** Locks a benefit for the rest of the transaction and reads it. */
async function lockBenefit(trx: PortfolioDb, id: string) {
  const { rows } = await sql<{ id: string; initiative_id: string; revision: number; status: string }>`
    select id, initiative_id, revision, status from pf_benefits where id = ${id} for update`.execute(trx);
  const row = rows[0];
  if (!row) throw new AppError('not_found', { message: { nb: 'Fant ikke gevinsten.', en: 'The benefit was not found.' } });
  const [benefit] = await selectBenefits(trx, { id });
  const initiative = (await selectInitiative(trx, row.initiative_id))!;
  return { row, benefit: benefit!, initiative };
}

function assertRevision(current: number, sent: number): void {
  assertRevisionOf({ nb: 'gevinsten', en: 'the benefit' }, current, sent);
}

function assertOpen(benefit: Benefit): void {
  if (benefit.status === 'realised' || benefit.status === 'closed') {
    throw new AppError('conflict', {
      message: {
        nb: `Gevinsten er ${benefit.status === 'realised' ? 'realisert' : 'avsluttet'} og følges ikke opp lenger.`,
        en: `The benefit is ${benefit.status === 'realised' ? 'realised' : 'closed'} and no longer followed up.`,
      },
      details: { status: benefit.status },
    });
  }
}

/** Changes a benefit (only the fields sent; the revision the client read). */
export async function changeBenefit(trx: PortfolioDb, context: WriteContext, id: string, body: ChangeBenefitBody): Promise<Benefit> {
  const { row, benefit, initiative } = await lockBenefit(trx, id);
  if (!(await mayWriteBenefits(trx, context.actor, initiative, benefit.owner.personId))) throw forbidden();
  assertRevision(row.revision, body.revision);
  assertOpen(benefit);
  const { ownerUnitId, clean } = await checkFields(trx, {
    title: body.title ?? benefit.title,
    type: body.type ?? benefit.type,
    indicator: body.indicator ?? benefit.indicator,
    unitOfMeasure: body.unitOfMeasure ?? benefit.unitOfMeasure,
    baselineValue: body.baselineValue ?? benefit.baselineValue,
    baselineDate: body.baselineDate ?? benefit.baselineDate,
    targetValue: body.targetValue ?? benefit.targetValue,
    annualValue: body.annualValue === undefined ? benefit.annualValue : body.annualValue,
    ownerPersonId: body.ownerPersonId === undefined ? benefit.owner.personId : body.ownerPersonId,
    expectedDate: body.expectedDate ?? benefit.expectedDate,
    actions: body.actions ?? benefit.actions,
    assumptions: body.assumptions ?? benefit.assumptions,
    planned: body.planned ?? benefit.planned,
  });
  const first = benefit.measurements[0];
  if (first && first.measuredOn < clean.baselineDate) {
    throw invalid('Nullpunktet kan ikke være etter den første målingen.', 'The baseline date cannot be after the first measurement.', [
      { path: 'baselineDate', problem: 'after the first measurement' },
    ]);
  }
  await trx
    .updateTable('pf_benefits')
    .set({
      ...benefitColumns(clean, ownerUnitId),
      revision: row.revision + 1,
    })
    .where('id', '=', id)
    .execute();
  const [after] = await selectBenefits(trx, { id });
  await audit(trx, context, {
    action: 'change',
    entityType: 'pf_benefit',
    entityId: id,
    before: withoutMeasurements(benefit),
    after: withoutMeasurements(after!),
  });
  return after!;
}

/** Records a measured value; a value that deviates from the plan needs a comment. */
export async function recordMeasurement(trx: PortfolioDb, context: WriteContext, id: string, body: MeasurementBody): Promise<Benefit> {
  const { row, benefit, initiative } = await lockBenefit(trx, id);
  if (!(await mayWriteBenefits(trx, context.actor, initiative, benefit.owner.personId))) throw forbidden();
  assertOpen(benefit);
  const today = todayInNorway();
  if (!isRealDate(body.measuredOn)) {
    throw invalid('Måledatoen er ikke en gyldig dato.', 'The measurement date is not a valid date.', [
      { path: 'measuredOn', problem: 'not a date' },
    ]);
  }
  if (body.measuredOn > today) {
    throw invalid('Måledatoen kan ikke være fram i tid.', 'The measurement date cannot be in the future.', [
      { path: 'measuredOn', problem: 'in the future' },
    ]);
  }
  if (body.measuredOn < benefit.baselineDate) {
    throw invalid(
      `Måledatoen kan ikke være før nullpunktet (${benefit.baselineDate}).`,
      `The measurement date cannot be before the baseline date (${benefit.baselineDate}).`,
      [{ path: 'measuredOn', problem: 'before the baseline date' }],
    );
  }
  if (benefit.measurements.some((m) => m.measuredOn === body.measuredOn)) {
    throw new AppError('conflict', {
      message: {
        nb: 'Det finnes allerede en måling for denne datoen.',
        en: 'There is already a measurement for this date.',
      },
      details: [{ path: 'measuredOn', problem: 'already measured' }],
    });
  }
  const comment = body.comment?.trim() ?? '';
  const d = deviation(benefit, body.measuredOn, body.value);
  if (d.deviates && !comment) {
    const planned = Math.round(d.plannedValue * 100) / 100;
    throw invalid(
      `Verdien avviker fra planen (planlagt ${planned} på denne datoen): skriv en kommentar om avviket.`,
      `The value deviates from the plan (planned ${planned} on this date): write a comment on the deviation.`,
      [{ path: 'comment', problem: 'required when the value deviates' }],
    );
  }
  const { id: measurementId } = await trx
    .insertInto('pf_benefit_measurements')
    .values({
      benefit_id: id,
      measured_on: body.measuredOn,
      value: body.value,
      comment: comment || null,
      measured_by: context.actor?.userId ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await trx
    .updateTable('pf_benefits')
    .set({ revision: row.revision + 1, ...(benefit.status === 'planned' ? { status: 'in_realisation' as const } : {}) })
    .where('id', '=', id)
    .execute();
  await audit(trx, context, {
    action: 'create',
    entityType: 'pf_benefit_measurement',
    entityId: measurementId,
    after: { benefitId: id, measuredOn: body.measuredOn, value: body.value, comment: comment || null, deviates: d.deviates },
  });
  const [after] = await selectBenefits(trx, { id });
  return after!;
}

/**
 * Ends a benefit's follow-up: realised, or closed (with a reason). When an initiative in the
 * realisation phase has no open benefits left, it is done.
 */
export async function closeBenefit(trx: PortfolioDb, context: WriteContext, id: string, body: CloseBenefitBody): Promise<Benefit> {
  const { row, benefit, initiative } = await lockBenefit(trx, id);
  if (!(await mayWriteBenefits(trx, context.actor, initiative, benefit.owner.personId))) throw forbidden();
  assertRevision(row.revision, body.revision);
  assertOpen(benefit);
  const reason = body.reason?.trim() ?? '';
  if (body.status === 'closed' && !reason) {
    throw invalid('Skriv hvorfor gevinsten avsluttes uten å være realisert.', 'Write why the benefit is closed without being realised.', [
      { path: 'reason', problem: 'required when closing' },
    ]);
  }
  await trx
    .updateTable('pf_benefits')
    .set({ status: body.status, closed_reason: reason || null, revision: row.revision + 1 })
    .where('id', '=', id)
    .execute();
  const [after] = await selectBenefits(trx, { id });
  await audit(trx, context, {
    action: body.status === 'realised' ? 'realise' : 'close',
    entityType: 'pf_benefit',
    entityId: id,
    before: withoutMeasurements(benefit),
    after: withoutMeasurements(after!),
  });
  await event(trx, context, initiative.id, body.status === 'realised' ? 'benefit_realised' : 'benefit_closed', {
    benefitId: id,
    title: benefit.title,
    reason: reason || null,
  });

  if (initiative.phase === 'realisation' && initiative.state === 'active') {
    const open = await trx
      .selectFrom('pf_benefits')
      .select('id')
      .where('initiative_id', '=', initiative.id)
      .where('status', 'not in', ['realised', 'closed'])
      .executeTakeFirst();
    if (!open) {
      await trx
        .updateTable('pf_initiatives')
        .set({ state: 'done', revision: sql<number>`revision + 1`, updated_at: new Date() })
        .where('id', '=', initiative.id)
        .execute();
      await audit(trx, context, {
        action: 'change',
        entityType: 'pf_initiative',
        entityId: initiative.id,
        before: { state: 'active' },
        after: { state: 'done', because: 'every benefit realised or closed' },
      });
      await event(trx, context, initiative.id, 'benefits_completed', {});
    }
  }
  return after!;
}

async function event(trx: PortfolioDb, context: WriteContext, initiativeId: string, type: string, data: Record<string, unknown>) {
  await trx
    .insertInto('pf_initiative_events')
    .values({ initiative_id: initiativeId, type, data: JSON.stringify(data), actor_id: context.actor?.userId ?? null })
    .execute();
}

function withoutMeasurements(benefit: Benefit) {
  const { measurements: _m, latest: _l, ...rest } = benefit;
  return rest;
}

export { isUuid };

import { sql } from 'kysely';
import { AppError, type Actor, type WriteContext } from '../../../../kernel/index.js';
import { leadsUnit, type OrganisationDb } from '../../../organisation/index.js';
import type { CreateStatusReportBody, StatusReport, UpdateStatusReportBody } from '../../board.schemas.js';
import type { PortfolioDb } from '../portfolio.tables.js';
import { audit, findInitiative, selectStatusReports, todayInNorway, type InitiativeRow } from './board.queries.js';
import { assertRevision } from './record-decision.js';

/**
 * Who reports status: the proposer, the digital agent, a leader of the owning unit (or above), and
 * the board (portfolio:decide, which administrators have too).
 */
export async function mayReport(db: PortfolioDb, actor: Actor, initiative: InitiativeRow): Promise<boolean> {
  if (actor.permissions.has('portfolio:decide')) return true;
  if (initiative.proposed_by === actor.userId || initiative.digital_agent_id === actor.userId) return true;
  return leadsUnit(db as unknown as OrganisationDb, actor, initiative.owner_unit_id, todayInNorway());
}

async function assertMayReport(db: PortfolioDb, actor: Actor, initiative: InitiativeRow): Promise<void> {
  if (!(await mayReport(db, actor, initiative))) {
    throw new AppError('forbidden', {
      message: {
        nb: 'Status rapporteres av forslagsstiller, digitaliseringsagenten, en leder for eierenheten eller porteføljestyret.',
        en: 'Status is reported by the proposer, the digital agent, a leader of the owning unit or the portfolio board.',
      },
    });
  }
  if (initiative.state === 'merged' || initiative.state === 'stopped') {
    throw new AppError('conflict', {
      message: {
        nb: `Initiativ ${initiative.number} er ${initiative.state === 'merged' ? 'slått sammen med et annet' : 'stoppet'}; det rapporteres ikke status på det.`,
        en: `Initiative ${initiative.number} is ${initiative.state}; no status is reported on it.`,
      },
    });
  }
}

const columnsOf = (input: Omit<UpdateStatusReportBody, 'revision'>) => ({
  progress: input.progress.trim(),
  scope_light: input.scopeLight,
  time_light: input.timeLight,
  cost_light: input.costLight,
  benefits_light: input.benefitsLight,
  risks: input.risks.trim(),
  issues: input.issues.trim(),
  next_steps: input.nextSteps.trim(),
  percent_complete: input.percentComplete ?? null,
});

/** A status report for a month (not a future one); a second report for the same month is refused: edit it instead. */
export async function createStatusReport(
  trx: PortfolioDb,
  context: WriteContext,
  ref: string,
  input: CreateStatusReportBody,
): Promise<StatusReport> {
  const actor = context.actor!;
  const initiative = await findInitiative(trx, ref, { lock: true });
  await assertMayReport(trx, actor, initiative);
  const currentMonth = todayInNorway().slice(0, 7);
  if (input.period > currentMonth) {
    throw new AppError('invalid', {
      message: {
        nb: `Perioden ${input.period} er fram i tid; rapporter for denne eller tidligere måneder.`,
        en: `The period ${input.period} is in the future; report for this month or earlier.`,
      },
      details: [{ in: 'body', path: 'period', problem: 'in the future' }],
    });
  }
  const existing = await trx
    .selectFrom('pf_status_reports')
    .select(['id', 'revision'])
    .where('initiative_id', '=', initiative.id)
    .where('period', '=', input.period)
    .executeTakeFirst();
  if (existing) {
    throw new AppError('conflict', {
      message: {
        nb: `Initiativ ${initiative.number} har allerede en statusrapport for ${input.period}. Rediger den i stedet.`,
        en: `Initiative ${initiative.number} already has a status report for ${input.period}. Edit it instead.`,
      },
      details: { id: existing.id, revision: existing.revision },
    });
  }
  const { period } = input;
  const row = await trx
    .insertInto('pf_status_reports')
    .values({ initiative_id: initiative.id, period, ...columnsOf(input), reported_by: actor.userId })
    .returning('id')
    .executeTakeFirstOrThrow();
  await trx
    .insertInto('pf_initiative_events')
    .values({
      initiative_id: initiative.id,
      type: 'status_report',
      data: JSON.stringify({ reportId: row.id, period }),
      actor_id: actor.userId,
    })
    .execute();
  await audit(trx, context, {
    action: 'create',
    entityType: 'pf_status_report',
    entityId: row.id,
    after: { initiativeId: initiative.id, period, ...columnsOf(input) },
  });
  return (await selectStatusReports(trx, { initiativeId: initiative.id, id: row.id }))[0]!;
}

/** Edits a status report read at `revision`. */
export async function updateStatusReport(
  trx: PortfolioDb,
  context: WriteContext,
  ref: string,
  id: string,
  input: UpdateStatusReportBody,
): Promise<StatusReport> {
  const actor = context.actor!;
  const initiative = await findInitiative(trx, ref, { lock: true });
  await assertMayReport(trx, actor, initiative);
  const before = await trx
    .selectFrom('pf_status_reports')
    .selectAll()
    .where('id', '=', id)
    .where('initiative_id', '=', initiative.id)
    .forUpdate()
    .executeTakeFirst();
  if (!before) {
    throw new AppError('not_found', {
      message: { nb: 'Fant ikke statusrapporten.', en: 'The status report was not found.' },
      details: { id },
    });
  }
  assertRevision(before.revision, input.revision, {
    nb: `statusrapporten for ${before.period}`,
    en: `the status report for ${before.period}`,
  });
  const { revision: _revision, ...fields } = input;
  await trx
    .updateTable('pf_status_reports')
    .set({ ...columnsOf(fields), revision: sql<number>`revision + 1` })
    .where('id', '=', id)
    .execute();
  await trx
    .insertInto('pf_initiative_events')
    .values({
      initiative_id: initiative.id,
      type: 'status_report_updated',
      data: JSON.stringify({ reportId: id, period: before.period }),
      actor_id: actor.userId,
    })
    .execute();
  await audit(trx, context, {
    action: 'update',
    entityType: 'pf_status_report',
    entityId: id,
    before,
    after: { ...columnsOf(fields), revision: before.revision + 1 },
  });
  return (await selectStatusReports(trx, { initiativeId: initiative.id, id }))[0]!;
}

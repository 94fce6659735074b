import { AppError, can, type Actor, type WriteContext } from '../../../../kernel/index.js';
import { leadsUnit } from '../../../organisation/index.js';
import type { OrganisationDb } from '../../../organisation/index.js';
import type { EditInitiativeBody } from '../../initiatives.schemas.js';
import type { PortfolioDb } from '../portfolio.tables.js';
import { checkInitiativeFields } from './initiative-fields.js';
import { audit, conflict, forbidden, label, notFound, todayInNorway, writeEvent } from './shared.js';

/** May the actor edit the intake fields: the proposer, the digital agent, a leader of the owning unit (or above), the board, administrators. */
export async function mayEditInitiative(
  db: PortfolioDb,
  actor: Actor,
  row: { proposed_by: string; digital_agent_id: string | null; owner_unit_id: string },
): Promise<boolean> {
  if (row.proposed_by === actor.userId || row.digital_agent_id === actor.userId) return true;
  if (actor.roles.includes('administrator') || (await can(actor, 'portfolio:decide'))) return true;
  return leadsUnit(db as unknown as OrganisationDb, actor, row.owner_unit_id, todayInNorway());
}

/** Edits the intake fields of an initiative that is neither merged nor stopped, with the revision read. */
export async function editInitiative(db: PortfolioDb, context: WriteContext, id: string, input: EditInitiativeBody): Promise<void> {
  const actor = context.actor;
  if (!actor) throw forbidden('Du må være innlogget.', 'You must be signed in.');
  const current = await db.selectFrom('pf_initiatives').selectAll().where('id', '=', id).executeTakeFirst();
  if (!current) throw notFound('Fant ikke initiativet.', 'The initiative was not found.');
  if (!(await mayEditInitiative(db, actor, current)))
    throw forbidden(
      `Bare forslagsstilleren, den digitale agenten, en leder for eierenheten eller porteføljestyret kan endre ${label(current)}.`,
      `Only the proposer, the digital agent, a leader of the owning unit or the portfolio board may edit ${label(current)}.`,
    );
  const checked = await checkInitiativeFields(db, input, todayInNorway());

  await db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('pf_initiatives').selectAll().where('id', '=', id).forUpdate().executeTakeFirstOrThrow();
    if (row.revision !== input.revision)
      throw new AppError('stale', {
        message: {
          nb: `Noen andre har endret ${label(row)} i mellomtiden (du har versjon ${input.revision}, gjeldende er ${row.revision}). Last inn på nytt og prøv igjen.`,
          en: `Someone else changed ${label(row)} in the meantime (you have revision ${input.revision}, the current one is ${row.revision}). Reload and try again.`,
        },
        details: { revision: row.revision },
      });
    if (row.state === 'merged' || row.state === 'stopped')
      throw conflict(
        row.state === 'merged'
          ? `${label(row)} er slått sammen med et annet initiativ og kan ikke endres. Endre initiativet det ble slått sammen med.`
          : `${label(row)} er stoppet av porteføljestyret og kan ikke endres.`,
        row.state === 'merged'
          ? `${label(row)} has been merged into another initiative and cannot be edited. Edit the one it was merged into.`
          : `${label(row)} was stopped by the portfolio board and cannot be edited.`,
      );
    const goals = (await trx.selectFrom('pf_initiative_goals').select('goal_id').where('initiative_id', '=', id).execute()).map(
      (g) => g.goal_id,
    );
    const decisions = (await trx.selectFrom('pf_initiative_decisions').select('decision_id').where('initiative_id', '=', id).execute()).map(
      (d) => d.decision_id,
    );
    await trx
      .updateTable('pf_initiatives')
      .set({ ...checked.values, revision: row.revision + 1, updated_at: new Date() })
      .where('id', '=', id)
      .execute();
    await trx.deleteFrom('pf_initiative_goals').where('initiative_id', '=', id).execute();
    if (checked.goalIds.length > 0)
      await trx
        .insertInto('pf_initiative_goals')
        .values(checked.goalIds.map((goal_id) => ({ initiative_id: id, goal_id })))
        .execute();
    await trx.deleteFrom('pf_initiative_decisions').where('initiative_id', '=', id).execute();
    if (checked.decisionIds.length > 0)
      await trx
        .insertInto('pf_initiative_decisions')
        .values(checked.decisionIds.map((decision_id) => ({ initiative_id: id, decision_id })))
        .execute();

    const before: Record<string, unknown> = { ...row, goalIds: goals, decisionIds: decisions };
    const after: Record<string, unknown> = { ...checked.values, goalIds: checked.goalIds, decisionIds: checked.decisionIds };
    const changed = Object.keys(after).filter((key) => JSON.stringify(normalise(before[key])) !== JSON.stringify(normalise(after[key])));
    await writeEvent(trx, context, id, 'edited', { fields: changed });
    await audit(trx, context, {
      action: 'edit',
      entityType: 'pf_initiative',
      entityId: id,
      before: Object.fromEntries(changed.map((k) => [k, before[k]])),
      after: Object.fromEntries(changed.map((k) => [k, after[k]])),
    });
  });
}

const normalise = (value: unknown) =>
  Array.isArray(value) ? [...value].sort() : typeof value === 'string' && /^\d+(\.\d+)?$/.test(value) ? Number(value) : value;

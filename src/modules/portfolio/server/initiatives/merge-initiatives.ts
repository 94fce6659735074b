import { sql } from 'kysely';
import { AppError, can, type WriteContext } from '../../../../kernel/index.js';
import type { MergeInitiativeBody } from '../../initiatives.schemas.js';
import type { PortfolioDb } from '../portfolio.tables.js';
import { audit, conflict, forbidden, label, mustFindInitiativeId, writeEvent } from './shared.js';

/**
 * Merges an overlapping proposal (`sourceId`) into another (`body.into`), keeping both histories:
 * the source's events are copied to the target marked with where they came from, the goals and
 * decisions followed are united, and the source is marked merged. The board and administrators only.
 */
export async function mergeInitiatives(
  db: PortfolioDb,
  context: WriteContext,
  sourceId: string,
  body: MergeInitiativeBody,
): Promise<{ targetId: string }> {
  const actor = context.actor;
  if (!actor || !(await can(actor, 'portfolio:decide')))
    throw forbidden('Bare porteføljestyret kan slå sammen initiativer.', 'Only the portfolio board may merge initiatives.');
  const targetId = await mustFindInitiativeId(db, body.into);

  return db.transaction().execute(async (trx) => {
    // Lock both in a fixed order, so two merges at once cannot deadlock.
    const locked = await trx
      .selectFrom('pf_initiatives')
      .select(['id', 'number', 'title', 'state', 'merged_into_id', 'revision'])
      .where('id', 'in', [sourceId, targetId])
      .orderBy('id')
      .forUpdate()
      .execute();
    const source = locked.find((r) => r.id === sourceId);
    const target = locked.find((r) => r.id === targetId);
    if (!source || !target)
      throw new AppError('not_found', { message: { nb: 'Fant ikke initiativet.', en: 'The initiative was not found.' } });
    if (source.id === target.id)
      throw conflict(
        `${label(source)} kan ikke slås sammen med seg selv. Velg et annet initiativ.`,
        `${label(source)} cannot be merged into itself. Choose another initiative.`,
        [{ in: 'body', path: '/into', problem: 'self' }],
      );
    if (source.revision !== body.revision)
      throw new AppError('stale', {
        message: {
          nb: `Noen andre har endret ${label(source)} i mellomtiden (du har versjon ${body.revision}, gjeldende er ${source.revision}). Last inn på nytt og prøv igjen.`,
          en: `Someone else changed ${label(source)} in the meantime (you have revision ${body.revision}, the current one is ${source.revision}). Reload and try again.`,
        },
        details: { revision: source.revision },
      });
    if (source.state === 'merged')
      throw conflict(
        `${label(source)} er allerede slått sammen med et annet initiativ.`,
        `${label(source)} has already been merged into another initiative.`,
      );
    // Circular: the target was (directly or further down the chain) merged into the source.
    const { rows: chain } = await sql<{ id: string }>`
      with recursive chain (id, merged_into_id) as (
        select id, merged_into_id from pf_initiatives where id = ${target.id}
        union
        select i.id, i.merged_into_id from pf_initiatives i join chain on i.id = chain.merged_into_id
      )
      select id from chain`.execute(trx);
    if (chain.some((r) => r.id === source.id))
      throw conflict(
        `${label(target)} er allerede slått sammen med ${label(source)}; å slå ${label(source)} inn i ${label(target)} ville gitt en sirkel.`,
        `${label(target)} has already been merged into ${label(source)}; merging ${label(source)} into ${label(target)} would make a circle.`,
        [{ in: 'body', path: '/into', problem: 'circular' }],
      );
    if (target.state === 'merged' || target.state === 'stopped')
      throw conflict(
        target.state === 'merged'
          ? `${label(target)} er selv slått sammen med et annet initiativ. Slå sammen med det initiativet i stedet.`
          : `${label(target)} er stoppet og kan ikke ta imot et annet initiativ.`,
        target.state === 'merged'
          ? `${label(target)} has itself been merged into another initiative. Merge into that one instead.`
          : `${label(target)} has been stopped and cannot take in another initiative.`,
        [{ in: 'body', path: '/into', problem: target.state }],
      );

    const from = JSON.stringify({ id: source.id, number: source.number, title: source.title });
    // Carried-over events keep their original time and actor; those already carried over keep where they came from.
    await sql`
      insert into pf_initiative_events (initiative_id, type, data, actor_id, occurred_at)
      select ${target.id}, e.type,
        case when e.data ? 'fromInitiative' then e.data else e.data || jsonb_build_object('fromInitiative', ${from}::jsonb) end,
        e.actor_id, e.occurred_at
      from pf_initiative_events e where e.initiative_id = ${source.id} order by e.id`.execute(trx);
    await sql`
      insert into pf_initiative_goals (initiative_id, goal_id)
      select ${target.id}, goal_id from pf_initiative_goals where initiative_id = ${source.id}
      on conflict do nothing`.execute(trx);
    await sql`
      insert into pf_initiative_decisions (initiative_id, decision_id)
      select ${target.id}, decision_id from pf_initiative_decisions where initiative_id = ${source.id}
      on conflict do nothing`.execute(trx);
    const now = new Date();
    await trx
      .updateTable('pf_initiatives')
      .set({ state: 'merged', merged_into_id: target.id, revision: source.revision + 1, updated_at: now })
      .where('id', '=', source.id)
      .execute();
    await trx
      .updateTable('pf_initiatives')
      .set({ revision: target.revision + 1, updated_at: now })
      .where('id', '=', target.id)
      .execute();
    await writeEvent(trx, context, source.id, 'merged_into', {
      into: { id: target.id, number: target.number, title: target.title },
      rationale: body.rationale.trim(),
    });
    await writeEvent(trx, context, target.id, 'merged_from', {
      from: { id: source.id, number: source.number, title: source.title },
      rationale: body.rationale.trim(),
    });
    await audit(trx, context, {
      action: 'merge',
      entityType: 'pf_initiative',
      entityId: source.id,
      before: { state: source.state, mergedIntoId: null },
      after: { state: 'merged', mergedIntoId: target.id, rationale: body.rationale.trim() },
    });
    return { targetId: target.id };
  });
}

import { sql } from 'kysely';
import { AppError, type WriteContext } from '../../../../kernel/index.js';
import type { AllocateBody, CreateMemberBody, OverAllocationDetail, PutCapacityBody, UpdateMemberBody } from '../../pool.schemas.js';
import type { PortfolioDb } from '../portfolio.tables.js';
import { audit, mustFindInitiativeId } from '../initiatives/shared.js';
import { addMonths, round4 } from './pool.queries.js';

// Resource pool writes: members, a month's capacity, allocations (refused beyond capacity unless
// overridden with a reason). Each runs inside the caller's transaction: check, write, audit.

const invalid = (nb: string, en: string, details?: unknown) => new AppError('invalid', { message: { nb, en }, details });
const notFound = (nb: string, en: string) => new AppError('not_found', { message: { nb, en } });

async function lockMember(trx: PortfolioDb, id: string) {
  const member = await trx.selectFrom('pf_pool_members').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
  if (!member) throw notFound('Fant ikke medlemmet i ressurspoolen.', 'The pool member was not found.');
  return member;
}

export async function createMember(trx: PortfolioDb, context: WriteContext, body: CreateMemberBody): Promise<string> {
  const problems: { in: 'body'; path: string; problem: string }[] = [];
  if (body.personId && !(await trx.selectFrom('org_people').select('id').where('id', '=', body.personId).executeTakeFirst()))
    problems.push({ in: 'body', path: '/personId', problem: 'not_found' });
  if (body.homeUnitId && !(await trx.selectFrom('org_units').select('id').where('id', '=', body.homeUnitId).executeTakeFirst()))
    problems.push({ in: 'body', path: '/homeUnitId', problem: 'not_found' });
  if (problems.length) throw invalid('Personen eller enheten finnes ikke.', 'The person or unit does not exist.', problems);
  const row = await trx
    .insertInto('pf_pool_members')
    .values({
      name: body.name.trim(),
      person_id: body.personId ?? null,
      role: body.role,
      home_unit_id: body.homeUnitId ?? null,
      default_capacity: body.defaultCapacity ?? 1,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await audit(trx, context, { action: 'portfolio.pool.member.create', entityType: 'pf_pool_member', entityId: row.id, after: body });
  return row.id;
}

/** Edits a member (name, role, home unit, default capacity, active); the revision read must be current. */
export async function updateMember(trx: PortfolioDb, context: WriteContext, id: string, body: UpdateMemberBody): Promise<void> {
  const member = await lockMember(trx, id);
  if (member.revision !== body.revision)
    throw new AppError('stale', {
      message: {
        nb: 'Medlemmet er endret av noen andre siden du åpnet det. Last inn på nytt og prøv igjen.',
        en: 'Someone else changed the member after you opened it. Reload and try again.',
      },
      details: { revision: member.revision },
    });
  if (body.homeUnitId && !(await trx.selectFrom('org_units').select('id').where('id', '=', body.homeUnitId).executeTakeFirst()))
    throw invalid('Enheten finnes ikke.', 'The unit does not exist.', [{ in: 'body', path: '/homeUnitId', problem: 'not_found' }]);
  await trx
    .updateTable('pf_pool_members')
    .set({
      name: body.name.trim(),
      role: body.role,
      home_unit_id: body.homeUnitId,
      default_capacity: body.defaultCapacity,
      active: body.active,
      revision: member.revision + 1,
    })
    .where('id', '=', id)
    .execute();
  await audit(trx, context, {
    action: 'portfolio.pool.member.update',
    entityType: 'pf_pool_member',
    entityId: id,
    before: {
      name: member.name,
      role: member.role,
      homeUnitId: member.home_unit_id,
      defaultCapacity: Number(member.default_capacity),
      active: member.active,
      revision: member.revision,
    },
    after: { ...body, revision: member.revision + 1 },
  });
}

export async function putCapacity(trx: PortfolioDb, context: WriteContext, memberId: string, body: PutCapacityBody): Promise<void> {
  await lockMember(trx, memberId);
  const month = `${body.month}-01`;
  const before = await trx
    .selectFrom('pf_capacity')
    .select('capacity')
    .where('member_id', '=', memberId)
    .where('month', '=', month)
    .executeTakeFirst();
  if (body.capacity === null) await trx.deleteFrom('pf_capacity').where('member_id', '=', memberId).where('month', '=', month).execute();
  else
    await trx
      .insertInto('pf_capacity')
      .values({ member_id: memberId, month, capacity: body.capacity })
      .onConflict((oc) => oc.columns(['member_id', 'month']).doUpdateSet({ capacity: body.capacity! }))
      .execute();
  await audit(trx, context, {
    action: 'portfolio.pool.capacity.update',
    entityType: 'pf_pool_member',
    entityId: memberId,
    before: { month: body.month, capacity: before ? Number(before.capacity) : null },
    after: body,
  });
}

/**
 * Sets the member's share on the initiative for `months` months from `month` (0 removes it).
 * Beyond capacity in any month → 409 conflict naming member, month, capacity and the requested
 * total, and nothing is written — unless `override` with a reason, which is kept on the rows.
 */
export async function allocate(
  trx: PortfolioDb,
  context: WriteContext,
  body: AllocateBody,
): Promise<{ written: number; overrides: number }> {
  const member = await lockMember(trx, body.memberId);
  if (!member.active && body.share > 0)
    throw invalid(
      `${member.name} er ikke lenger aktiv i ressurspoolen og kan ikke tildeles.`,
      `${member.name} is no longer active in the pool and cannot be allocated.`,
      [{ in: 'body', path: '/memberId', problem: 'inactive' }],
    );
  const initiativeId = await mustFindInitiativeId(trx, body.initiative);
  const reason = body.reason?.trim() ?? '';
  if (body.override && !reason)
    throw invalid('Oppgi en begrunnelse for å overstyre kapasiteten.', 'Give a reason to override the capacity.', [
      { in: 'body', path: '/reason', problem: 'required' },
    ]);
  const count = body.months ?? 1;
  const months = Array.from({ length: count }, (_, i) => addMonths(body.month, i));
  const first = `${months[0]}-01`;
  const last = `${months[months.length - 1]}-01`;
  const [others, overrides] = await Promise.all([
    sql<{ month: string; total: string }>`
      select to_char(month, 'YYYY-MM') as month, sum(share)::text as total from pf_allocations
      where member_id = ${member.id} and initiative_id <> ${initiativeId} and month between ${first}::date and ${last}::date
      group by month`.execute(trx),
    sql<{ month: string; capacity: string }>`
      select to_char(month, 'YYYY-MM') as month, capacity::text as capacity from pf_capacity
      where member_id = ${member.id} and month between ${first}::date and ${last}::date`.execute(trx),
  ]);
  const otherBy = new Map(others.rows.map((r) => [r.month, Number(r.total)]));
  const capacityBy = new Map(overrides.rows.map((r) => [r.month, Number(r.capacity)]));
  const over: OverAllocationDetail[] = [];
  for (const month of months) {
    if (body.share === 0) continue;
    const capacity = capacityBy.get(month) ?? Number(member.default_capacity);
    const requestedTotal = round4((otherBy.get(month) ?? 0) + body.share);
    if (requestedTotal > capacity) over.push({ memberId: member.id, memberName: member.name, month, capacity, requestedTotal });
  }
  if (over.length && !body.override) {
    const o = over[0]!;
    const pct = (n: number) => `${Math.round(n * 100)} %`;
    throw new AppError('conflict', {
      message: {
        nb: `${o.memberName} blir overbooket i ${o.month}: kapasitet ${pct(o.capacity)}, samlet tildeling ville blitt ${pct(o.requestedTotal)}${over.length > 1 ? ` (og ${over.length - 1} måneder til)` : ''}. Reduser andelen, eller overstyr med en begrunnelse.`,
        en: `${o.memberName} would be over-allocated in ${o.month}: capacity ${pct(o.capacity)}, the total allocation would be ${pct(o.requestedTotal)}${over.length > 1 ? ` (and ${over.length - 1} more months)` : ''}. Reduce the share, or override with a reason.`,
      },
      details: { overAllocation: over },
    });
  }
  const overMonths = new Set(over.map((o) => o.month));
  for (const month of months) {
    const date = `${month}-01`;
    if (body.share === 0) {
      await trx
        .deleteFrom('pf_allocations')
        .where('member_id', '=', member.id)
        .where('initiative_id', '=', initiativeId)
        .where('month', '=', date)
        .execute();
      continue;
    }
    const overrideReason = overMonths.has(month) ? reason : null;
    await trx
      .insertInto('pf_allocations')
      .values({
        member_id: member.id,
        initiative_id: initiativeId,
        month: date,
        share: body.share,
        override_reason: overrideReason,
        allocated_by: context.actor?.userId ?? null,
      })
      .onConflict((oc) =>
        oc.columns(['member_id', 'initiative_id', 'month']).doUpdateSet({
          share: body.share,
          override_reason: overrideReason,
          allocated_by: context.actor?.userId ?? null,
          allocated_at: new Date(),
        }),
      )
      .execute();
  }
  await audit(trx, context, {
    action: over.length ? 'portfolio.pool.allocate.override' : 'portfolio.pool.allocate',
    entityType: 'pf_initiative',
    entityId: initiativeId,
    after: { memberId: member.id, months, share: body.share, overAllocation: over, reason: over.length ? reason : undefined },
  });
  return { written: months.length, overrides: over.length };
}

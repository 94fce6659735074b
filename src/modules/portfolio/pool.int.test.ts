import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp, type SignedIn } from '../../../test/helpers/test-app.js';
import type { Allocations, CapacityReport, OverAllocationDetail, PoolMember } from './pool.schemas.js';
import type { PortfolioDb } from './server/portfolio.tables.js';

// The resource pool on both databases: members, over-allocation refused without override (nothing
// written), allowed with a reason (kept and flagged), and the capacity report per person and role.

const t = useTestApp();
const db = () => t.database.db as unknown as PortfolioDb;

let board: SignedIn;
let employee: SignedIn;
let initiativeA: number;
let initiativeB: number;
let member: PoolMember;

const allocate = (payload: Record<string, unknown>, who = board) =>
  t.knutepunkt.app.inject({ method: 'PUT', url: '/api/portfolio/pool/allocations', headers: who.headers, payload });

async function insertInitiative(title: string): Promise<number> {
  const unit = await db().selectFrom('org_units').select('id').orderBy('key').executeTakeFirstOrThrow();
  const row = await db()
    .insertInto('pf_initiatives')
    .values({ title, owner_unit_id: unit.id, category: 'strategy', size: 'small', proposed_by: board.userId })
    .returning('number')
    .executeTakeFirstOrThrow();
  return row.number;
}

beforeAll(async () => {
  board = await t.signInAs(['portfolio_board_member']);
  employee = await t.signInAs(['employee']);
  initiativeA = await insertInitiative('Pool A');
  initiativeB = await insertInitiative('Pool B');
});

describe('members', () => {
  it('a board member adds a member; an employee may not; a unit that does not exist is refused', async () => {
    const unit = await db().selectFrom('org_units').select('id').orderBy('key').executeTakeFirstOrThrow();
    const created = await t.knutepunkt.app.inject({
      method: 'POST',
      url: '/api/portfolio/pool/members',
      headers: board.headers,
      payload: { name: 'Tine Tjenestedesigner', role: 'service_designer', homeUnitId: unit.id, defaultCapacity: 0.8 },
    });
    expect(created.statusCode, created.body).toBe(201);
    member = created.json() as PoolMember;
    expect(member.defaultCapacity).toBe(0.8);
    expect(member.homeUnitName).toBeTruthy();

    const forbidden = await t.knutepunkt.app.inject({
      method: 'POST',
      url: '/api/portfolio/pool/members',
      headers: employee.headers,
      payload: { name: 'Nei', role: 'line_staff' },
    });
    expect(forbidden.statusCode).toBe(403);
    const badUnit = await t.knutepunkt.app.inject({
      method: 'POST',
      url: '/api/portfolio/pool/members',
      headers: board.headers,
      payload: { name: 'Feil', role: 'line_staff', homeUnitId: '00000000-0000-4000-8000-000000000000' },
    });
    expect(badUnit.statusCode).toBe(400);
    const badCapacity = await t.knutepunkt.app.inject({
      method: 'POST',
      url: '/api/portfolio/pool/members',
      headers: board.headers,
      payload: { name: 'Feil', role: 'line_staff', defaultCapacity: 1.5 },
    });
    expect(badCapacity.statusCode).toBe(400);
  });
});

describe('allocations', () => {
  it('allocates within capacity for several months', async () => {
    const response = await allocate({ memberId: member.id, initiative: `INI-${initiativeA}`, month: '2031-01', months: 3, share: 0.5 });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toEqual({ written: 3, overrides: 0 });
  });

  it('refuses an over-allocation without override, naming member, month, capacity and total — and writes nothing', async () => {
    const before = await db().selectFrom('pf_allocations').selectAll().orderBy('month').execute();
    const audit = await t.auditCount();
    const response = await allocate({ memberId: member.id, initiative: String(initiativeB), month: '2031-02', months: 2, share: 0.5 });
    expect(response.statusCode).toBe(409);
    const error = response.json().error as { code: string; message: string; details: { overAllocation: OverAllocationDetail[] } };
    expect(error.code).toBe('conflict');
    expect(error.message).toContain('Tine Tjenestedesigner');
    expect(error.message).toContain('2031-02');
    expect(error.details.overAllocation).toEqual([
      { memberId: member.id, memberName: 'Tine Tjenestedesigner', month: '2031-02', capacity: 0.8, requestedTotal: 1 },
      { memberId: member.id, memberName: 'Tine Tjenestedesigner', month: '2031-03', capacity: 0.8, requestedTotal: 1 },
    ]);
    expect(await db().selectFrom('pf_allocations').selectAll().orderBy('month').execute()).toEqual(before);
    expect(await t.auditCount()).toBe(audit);

    // Override without a reason is refused too.
    expect(
      (await allocate({ memberId: member.id, initiative: String(initiativeB), month: '2031-02', share: 0.5, override: true })).statusCode,
    ).toBe(400);
    // Not a board member: refused.
    expect(
      (await allocate({ memberId: member.id, initiative: String(initiativeB), month: '2031-02', share: 0.1 }, employee)).statusCode,
    ).toBe(403);
    // A share beyond 1, a bad month, an unknown initiative.
    expect((await allocate({ memberId: member.id, initiative: String(initiativeB), month: '2031-02', share: 1.2 })).statusCode).toBe(400);
    expect((await allocate({ memberId: member.id, initiative: String(initiativeB), month: '2031-13', share: 0.1 })).statusCode).toBe(400);
    expect((await allocate({ memberId: member.id, initiative: '999999', month: '2031-02', share: 0.1 })).statusCode).toBe(404);
  });

  it('allows it with a reason, kept on the rows and flagged in the capacity report', async () => {
    const response = await allocate({
      memberId: member.id,
      initiative: String(initiativeB),
      month: '2031-02',
      share: 0.5,
      override: true,
      reason: 'Frist i lov, må prioriteres',
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toEqual({ written: 1, overrides: 1 });
    const list = await t.knutepunkt.app.inject({
      method: 'GET',
      url: `/api/portfolio/pool/allocations?initiative=${initiativeB}`,
      headers: employee.headers,
    });
    const allocations = (list.json() as Allocations).allocations;
    expect(allocations).toHaveLength(1);
    expect(allocations[0]).toMatchObject({ month: '2031-02', share: 0.5, overrideReason: 'Frist i lov, må prioriteres' });

    const report = await t.knutepunkt.app.inject({
      method: 'GET',
      url: '/api/portfolio/pool/capacity?from=2031-01&months=4',
      headers: employee.headers,
    });
    expect(report.statusCode).toBe(200);
    const body = report.json() as CapacityReport;
    expect(body.months).toEqual(['2031-01', '2031-02', '2031-03', '2031-04']);
    const person = body.people.find((p) => p.memberId === member.id)!;
    expect(person.cells.map((c) => [c.capacity, c.allocated, c.over])).toEqual([
      [0.8, 0.5, false],
      [0.8, 1, true],
      [0.8, 0.5, false],
      [0.8, 0, false],
    ]);
    expect(person.overCount).toBe(1);
    const role = body.roles.find((r) => r.role === 'service_designer')!;
    expect(role.overPeople).toEqual([0, 1, 0, 0]);
    expect(role.cells[1]!.over).toBe(true);
  });

  it('a lower capacity for a month counts; share 0 removes an allocation', async () => {
    const capacity = await t.knutepunkt.app.inject({
      method: 'PUT',
      url: `/api/portfolio/pool/members/${member.id}/capacity`,
      headers: board.headers,
      payload: { month: '2031-04', capacity: 0.2 },
    });
    expect(capacity.statusCode, capacity.body).toBe(200);
    expect((await allocate({ memberId: member.id, initiative: String(initiativeA), month: '2031-04', share: 0.3 })).statusCode).toBe(409);
    expect((await allocate({ memberId: member.id, initiative: String(initiativeA), month: '2031-04', share: 0.2 })).statusCode).toBe(200);
    expect((await allocate({ memberId: member.id, initiative: String(initiativeA), month: '2031-04', share: 0 })).statusCode).toBe(200);
    const left = await db()
      .selectFrom('pf_allocations')
      .select('month')
      .where('member_id', '=', member.id)
      .where('month', '=', '2031-04-01')
      .execute();
    expect(left).toEqual([]);
  });

  it('exports members and allocations', async () => {
    const members = await t.knutepunkt.app.inject({
      method: 'GET',
      url: '/api/portfolio/pool/members/export?format=csv',
      headers: employee.headers,
    });
    expect(members.statusCode).toBe(200);
    expect(members.body).toContain('Tine Tjenestedesigner');
    const allocations = await t.knutepunkt.app.inject({
      method: 'GET',
      url: '/api/portfolio/pool/allocations/export?format=xlsx',
      headers: employee.headers,
    });
    expect(allocations.statusCode).toBe(200);
    expect(allocations.headers['content-type']).toContain('spreadsheetml');
  });
});

describe('editing members', () => {
  const put = (id: string, payload: Record<string, unknown>, who = board) =>
    t.knutepunkt.app.inject({ method: 'PUT', url: `/api/portfolio/pool/members/${id}`, headers: who.headers, payload });
  let other: PoolMember;

  beforeAll(async () => {
    const created = await t.knutepunkt.app.inject({
      method: 'POST',
      url: '/api/portfolio/pool/members',
      headers: board.headers,
      payload: { name: 'Kari Konsept', role: 'concept_developer', defaultCapacity: 1 },
    });
    other = created.json() as PoolMember;
  });

  it('a board member edits a member; the revision goes up; an employee may not; a stale edit is refused and changes nothing', async () => {
    const body = { name: 'Kari Konseptutvikler', role: 'enterprise_architect', homeUnitId: null, defaultCapacity: 0.6, active: true };
    expect((await put(other.id, { ...body, revision: other.revision }, employee)).statusCode).toBe(403);
    const edited = await put(other.id, { ...body, revision: other.revision });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({ name: 'Kari Konseptutvikler', role: 'enterprise_architect', defaultCapacity: 0.6, active: true });
    expect((edited.json() as PoolMember).revision).toBe(other.revision + 1);

    const audit = await t.auditCount();
    const stale = await put(other.id, { ...body, name: 'Gammel versjon', revision: other.revision });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('stale');
    const row = await db().selectFrom('pf_pool_members').select(['name', 'revision']).where('id', '=', other.id).executeTakeFirstOrThrow();
    expect(row).toEqual({ name: 'Kari Konseptutvikler', revision: other.revision + 1 });
    expect(await t.auditCount()).toBe(audit);

    expect((await put('00000000-0000-4000-8000-000000000000', { ...body, revision: 1 })).statusCode).toBe(404);
    expect((await put(other.id, { ...body, defaultCapacity: 2, revision: other.revision + 1 })).statusCode).toBe(400);
    expect(
      (await put(other.id, { ...body, homeUnitId: '00000000-0000-4000-8000-000000000000', revision: other.revision + 1 })).statusCode,
    ).toBe(400);
  });

  it('a deactivated member is not offered for allocation and not counted in the capacity report', async () => {
    const current = (await db().selectFrom('pf_pool_members').select('revision').where('id', '=', other.id).executeTakeFirstOrThrow())
      .revision;
    const reportBefore = (
      await t.knutepunkt.app.inject({ method: 'GET', url: '/api/portfolio/pool/capacity?from=2031-01&months=2', headers: employee.headers })
    ).json() as CapacityReport;
    expect(reportBefore.people.some((p) => p.memberId === other.id)).toBe(true);
    const architects = reportBefore.roles.find((r) => r.role === 'enterprise_architect')!;
    expect(architects.members).toBe(1);

    const deactivated = await put(other.id, {
      name: 'Kari Konseptutvikler',
      role: 'enterprise_architect',
      homeUnitId: null,
      defaultCapacity: 0.6,
      active: false,
      revision: current,
    });
    expect(deactivated.statusCode, deactivated.body).toBe(200);
    expect((deactivated.json() as PoolMember).active).toBe(false);

    const refused = await allocate({ memberId: other.id, initiative: String(initiativeA), month: '2031-01', share: 0.2 });
    expect(refused.statusCode).toBe(400);
    expect(await db().selectFrom('pf_allocations').select('month').where('member_id', '=', other.id).execute()).toEqual([]);

    const report = (
      await t.knutepunkt.app.inject({ method: 'GET', url: '/api/portfolio/pool/capacity?from=2031-01&months=2', headers: employee.headers })
    ).json() as CapacityReport;
    expect(report.people.some((p) => p.memberId === other.id)).toBe(false);
    const roles = report.roles.find((r) => r.role === 'enterprise_architect')!;
    expect(roles.members).toBe(0);
    expect(roles.cells[0]!.capacity).toBe(0);
  });
});

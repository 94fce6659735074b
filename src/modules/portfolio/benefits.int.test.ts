import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp, type SignedIn } from '../../../test/helpers/test-app.js';
import type { Benefit, BenefitList, InitiativeBenefits, InitiativeOptions, OwnerOptions, Realisation } from './benefits.schemas.js';

const t = useTestApp();
type Db = { selectFrom: (t: string) => any; insertInto: (t: string) => any; updateTable: (t: string) => any }; // eslint-disable-line @typescript-eslint/no-explicit-any
const db = () => t.database.db as unknown as Db;

async function call(method: 'GET' | 'POST' | 'PUT', url: string, user: SignedIn | null, payload?: unknown) {
  const response = await t.knutepunkt.app.inject({ method, url, headers: user?.headers ?? {}, payload: payload as object });
  const json = response.headers['content-type']?.toString().includes('json');
  return { status: response.statusCode, body: json ? (response.json() as any) : response.body, headers: response.headers }; // eslint-disable-line @typescript-eslint/no-explicit-any
}

const idOf = async (table: string, key: string) =>
  (await db().selectFrom(table).select('id').where('key', '=', key).executeTakeFirstOrThrow()).id as string;

/** A new person, holding `positionKey` from 2020 when given, optionally linked to a sign-in. */
async function person(name: string, positionKey: string | null, userId?: string): Promise<string> {
  const row = await db()
    .insertInto('org_people')
    .values({ key: `test-${name}`, name, source: 'test' })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (positionKey) {
    await db()
      .insertInto('org_assignments')
      .values({ person_id: row.id, position_id: await idOf('org_positions', positionKey), fte: 1, valid_from: '2020-01-01' })
      .execute();
  }
  if (userId) await db().insertInto('org_user_people').values({ user_id: userId, person_id: row.id }).execute();
  return row.id as string;
}

async function initiative(proposedBy: string, phase: string, state = 'active'): Promise<{ id: string; number: number }> {
  const unitId = await idOf('org_units', 'skole-aronslokka');
  return db()
    .insertInto('pf_initiatives')
    .values({ title: `Test ${phase}`, owner_unit_id: unitId, category: 'efficiency', size: 'small', phase, state, proposed_by: proposedBy })
    .returning(['id', 'number'])
    .executeTakeFirstOrThrow();
}

const count = async (table: string) => {
  const { rows } = await sql<{ n: string }>`select count(*) as n from ${sql.table(table)}`.execute(t.database.db);
  return Number(rows[0]!.n);
};

const isoDay = (offsetDays: number) => new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);

let proposer: SignedIn;
let board: SignedIn;
let outsider: SignedIn;
let ownerPersonId: string;
let employeePersonId: string;

const body = (overrides: Record<string, unknown> = {}) => ({
  title: 'Færre timer på manuell registrering',
  type: 'money',
  indicator: 'Timer brukt per måned',
  unitOfMeasure: 'timer',
  baselineValue: 100,
  baselineDate: '2024-01-01',
  targetValue: 200,
  annualValue: 400000,
  ownerPersonId,
  expectedDate: '2025-01-01',
  actions: 'Opplæring',
  assumptions: 'Systemet tas i bruk',
  planned: true,
  ...overrides,
});

beforeAll(async () => {
  proposer = await t.signInAs(['employee'], 'Forslagsstiller');
  board = await t.signInAs(['portfolio_board_member'], 'Styremedlem');
  outsider = await t.signInAs(['employee'], 'Utenforstående');
  ownerPersonId = await person('Rektor Gevinst', 'leder-skole-aronslokka');
  employeePersonId = await person('Ansatt Uten Lederstilling', null);
});

describe('[PORTFOLIO][BENEFITS] the register', () => {
  it('adds a benefit owned by a line leader, with the unit they lead and the area above the initiative', async () => {
    const init = await initiative(proposer.userId, 'execution');
    const options = (await call('GET', '/api/portfolio/benefits/owner-options', outsider)).body as OwnerOptions;
    expect(options.owners.find((o) => o.personId === ownerPersonId)).toMatchObject({
      name: 'Rektor Gevinst',
      unit: { name: 'Aronsløkka skole' },
    });
    expect(options.owners.some((o) => o.personId === employeePersonId)).toBe(false);

    const added = await call('POST', `/api/portfolio/initiatives/${init.number}/benefits`, proposer, body());
    expect(added.status).toBe(201);
    const benefit = added.body as Benefit;
    expect(benefit).toMatchObject({
      title: 'Færre timer på manuell registrering',
      owner: { personId: ownerPersonId, name: 'Rektor Gevinst' },
      ownerUnit: { name: 'Aronsløkka skole' },
      area: { name: 'Skole' },
      status: 'planned',
      planned: true,
      annualValue: 400000,
      revision: 1,
    });

    const register = (await call('GET', `/api/portfolio/initiatives/${init.id}/benefits`, proposer)).body as InitiativeBenefits;
    expect(register.canWrite).toBe(true);
    expect(register.benefits.map((b) => b.id)).toEqual([benefit.id]);
    expect(((await call('GET', `/api/portfolio/initiatives/${init.id}/benefits`, outsider)).body as InitiativeBenefits).canWrite).toBe(
      false,
    );
  });

  it('refuses a benefit without an owner, or owned by someone who is not a line leader, and writes nothing', async () => {
    const init = await initiative(proposer.userId, 'execution');
    const before = await count('pf_benefits');
    const audits = await t.auditCount();

    const noOwner = await call('POST', `/api/portfolio/initiatives/${init.number}/benefits`, proposer, body({ ownerPersonId: null }));
    expect(noOwner.status).toBe(400);
    expect(noOwner.body.error.message).toMatch(/må ha en eier/);
    expect(noOwner.body.error.details).toEqual([{ path: 'ownerPersonId', problem: 'required' }]);

    const missing = await call('POST', `/api/portfolio/initiatives/${init.number}/benefits`, proposer, body({ ownerPersonId: undefined }));
    expect(missing.status).toBe(400);

    const notLeader = await call(
      'POST',
      `/api/portfolio/initiatives/${init.number}/benefits`,
      proposer,
      body({ ownerPersonId: employeePersonId }),
    );
    expect(notLeader.status).toBe(400);
    expect(notLeader.body.error.message).toMatch(/linjeleder/);
    expect(notLeader.body.error.details).toEqual([{ path: 'ownerPersonId', problem: 'not a line leader' }]);

    const unknown = await call('POST', `/api/portfolio/initiatives/${init.number}/benefits`, proposer, body({ ownerPersonId: 'nobody' }));
    expect(unknown.status).toBe(400);

    const sameAsBaseline = await call('POST', `/api/portfolio/initiatives/${init.number}/benefits`, proposer, body({ targetValue: 100 }));
    expect(sameAsBaseline.status).toBe(400);
    const backwards = await call(
      'POST',
      `/api/portfolio/initiatives/${init.number}/benefits`,
      proposer,
      body({ expectedDate: '2023-01-01' }),
    );
    expect(backwards.status).toBe(400);

    expect(await count('pf_benefits')).toBe(before);
    expect(await t.auditCount()).toBe(audits);
  });

  it('lets only the proposer, digital agent, unit leaders, the owner and the board write', async () => {
    const init = await initiative(proposer.userId, 'execution');
    const before = await count('pf_benefits');
    const refused = await call('POST', `/api/portfolio/initiatives/${init.number}/benefits`, outsider, body());
    expect(refused.status).toBe(403);
    expect(await count('pf_benefits')).toBe(before);

    const byBoard = await call('POST', `/api/portfolio/initiatives/${init.number}/benefits`, board, body());
    expect(byBoard.status).toBe(201);
    const benefitId = (byBoard.body as Benefit).id;
    expect(
      (await call('POST', `/api/portfolio/benefits/${benefitId}/measurements`, outsider, { measuredOn: '2024-02-01', value: 110 })).status,
    ).toBe(403);

    // A leader of the owning unit may write, and so may the digital agent.
    const leader = await t.signInAs(['leader'], 'Rektor Innlogget');
    await person('Rektor Innlogget', 'leder-skole-aronslokka', leader.userId);
    expect(
      (await call('POST', `/api/portfolio/benefits/${benefitId}/measurements`, leader, { measuredOn: '2024-02-01', value: 110 })).status,
    ).toBe(201);

    const agent = await t.signInAs(['employee'], 'Digital agent');
    await db().updateTable('pf_initiatives').set({ digital_agent_id: agent.userId }).where('id', '=', init.id).execute();
    expect(
      (await call('POST', `/api/portfolio/benefits/${benefitId}/measurements`, agent, { measuredOn: '2024-03-01', value: 120 })).status,
    ).toBe(201);

    // The benefit's owner may follow it up even when leading another unit than the initiative's.
    const ownerUser = await t.signInAs(['leader'], 'Leder Hjemmetjenester');
    const otherOwner = await person('Leder Hjemmetjenester', 'leder-omsorg-hjemmetjenester-bragernes', ownerUser.userId);
    const owned = (await call('POST', `/api/portfolio/initiatives/${init.number}/benefits`, board, body({ ownerPersonId: otherOwner })))
      .body as Benefit;
    expect(owned.ownerUnit.name).not.toBe('Aronsløkka skole');
    expect((await call('POST', `/api/portfolio/initiatives/${init.number}/benefits`, ownerUser, body())).status).toBe(403);
    expect(
      (await call('POST', `/api/portfolio/benefits/${owned.id}/measurements`, ownerUser, { measuredOn: '2024-02-01', value: 110 })).status,
    ).toBe(201);
    expect(
      (await call('POST', `/api/portfolio/benefits/${benefitId}/measurements`, ownerUser, { measuredOn: '2024-04-01', value: 130 })).status,
    ).toBe(403);

    expect((await call('POST', '/api/portfolio/initiatives/999999/benefits', board, body())).status).toBe(404);
    const options = (await call('GET', '/api/portfolio/benefits/initiative-options', outsider)).body as InitiativeOptions;
    expect(options.initiatives.find((i) => i.id === init.id)).toMatchObject({ number: init.number, benefitCount: 2 });
  });

  it('refuses a stale edit with 409 and keeps the benefit', async () => {
    const init = await initiative(proposer.userId, 'execution');
    const benefit = (await call('POST', `/api/portfolio/initiatives/${init.number}/benefits`, proposer, body())).body as Benefit;
    const changed = await call('PUT', `/api/portfolio/benefits/${benefit.id}`, proposer, { title: 'Nytt navn', revision: 1 });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ title: 'Nytt navn', revision: 2 });

    const stale = await call('PUT', `/api/portfolio/benefits/${benefit.id}`, proposer, { title: 'Gammelt bilde', revision: 1 });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('stale');
    const stored = (await call('GET', `/api/portfolio/initiatives/${init.number}/benefits`, proposer)).body as InitiativeBenefits;
    expect(stored.benefits[0]).toMatchObject({ title: 'Nytt navn', revision: 2 });

    const toNonLeader = await call('PUT', `/api/portfolio/benefits/${benefit.id}`, proposer, {
      ownerPersonId: employeePersonId,
      revision: 2,
    });
    expect(toNonLeader.status).toBe(400);
  });
});

describe('[PORTFOLIO][BENEFITS] measurements and closing', () => {
  it('needs a comment on a deviating measurement, and keeps following the benefit after the project closed', async () => {
    const init = await initiative(proposer.userId, 'realisation', 'active');
    const benefit = (await call('POST', `/api/portfolio/initiatives/${init.number}/benefits`, proposer, body())).body as Benefit;
    const before = await count('pf_benefit_measurements');

    // Plan on 1 July 2024 ≈ 149.7, tolerance 10: 130 deviates.
    const bare = await call('POST', `/api/portfolio/benefits/${benefit.id}/measurements`, proposer, {
      measuredOn: '2024-07-01',
      value: 130,
    });
    expect(bare.status).toBe(400);
    expect(bare.body.error.message).toMatch(/avviker fra planen \(planlagt 149\.73/);
    expect(bare.body.error.details).toEqual([{ path: 'comment', problem: 'required when the value deviates' }]);
    const blank = await call('POST', `/api/portfolio/benefits/${benefit.id}/measurements`, proposer, {
      measuredOn: '2024-07-01',
      value: 130,
      comment: '   ',
    });
    expect(blank.status).toBe(400);
    expect(await count('pf_benefit_measurements')).toBe(before);

    const commented = await call('POST', `/api/portfolio/benefits/${benefit.id}/measurements`, proposer, {
      measuredOn: '2024-07-01',
      value: 130,
      comment: 'Opplæringen kom sent i gang',
    });
    expect(commented.status).toBe(201);
    expect(commented.body).toMatchObject({ status: 'in_realisation', revision: 2 });
    expect((commented.body as Benefit).latest).toMatchObject({ value: 130, deviates: true, comment: 'Opplæringen kom sent i gang' });

    // After the expected date the plan is the target (200): 195 is within the tolerance, needs no comment.
    const onTrack = await call('POST', `/api/portfolio/benefits/${benefit.id}/measurements`, proposer, {
      measuredOn: '2025-06-01',
      value: 195,
    });
    expect(onTrack.status).toBe(201);
    expect((onTrack.body as Benefit).latest).toMatchObject({ value: 195, deviates: false, plannedValue: 200 });

    const future = await call('POST', `/api/portfolio/benefits/${benefit.id}/measurements`, proposer, {
      measuredOn: isoDay(3),
      value: 200,
    });
    expect(future.status).toBe(400);
    const early = await call('POST', `/api/portfolio/benefits/${benefit.id}/measurements`, proposer, {
      measuredOn: '2023-12-31',
      value: 200,
    });
    expect(early.status).toBe(400);
    const twice = await call('POST', `/api/portfolio/benefits/${benefit.id}/measurements`, proposer, {
      measuredOn: '2025-06-01',
      value: 199,
    });
    expect(twice.status).toBe(409);
    expect(await count('pf_benefit_measurements')).toBe(before + 2);
  });

  it('follows a benefit of a done project, refuses measurements once closed, and marks the initiative done when none is open', async () => {
    const done = await initiative(proposer.userId, 'realisation', 'done');
    const kept = (await call('POST', `/api/portfolio/initiatives/${done.number}/benefits`, proposer, body())).body as Benefit;
    expect(
      (await call('POST', `/api/portfolio/benefits/${kept.id}/measurements`, proposer, { measuredOn: '2025-02-01', value: 205 })).status,
    ).toBe(201);

    const init = await initiative(proposer.userId, 'realisation', 'active');
    const benefit = (await call('POST', `/api/portfolio/initiatives/${init.number}/benefits`, proposer, body())).body as Benefit;
    const noReason = await call('POST', `/api/portfolio/benefits/${benefit.id}/close`, proposer, { status: 'closed', revision: 1 });
    expect(noReason.status).toBe(400);
    const stale = await call('POST', `/api/portfolio/benefits/${benefit.id}/close`, proposer, {
      status: 'closed',
      reason: 'Droppet',
      revision: 7,
    });
    expect(stale.status).toBe(409);

    const closed = await call('POST', `/api/portfolio/benefits/${benefit.id}/close`, proposer, {
      status: 'closed',
      reason: 'Tjenesten ble lagt ned',
      revision: 1,
    });
    expect(closed.status).toBe(200);
    expect(closed.body).toMatchObject({ status: 'closed', closedReason: 'Tjenesten ble lagt ned' });
    const state = await db().selectFrom('pf_initiatives').select('state').where('id', '=', init.id).executeTakeFirstOrThrow();
    expect(state.state).toBe('done');

    const before = await count('pf_benefit_measurements');
    const refused = await call('POST', `/api/portfolio/benefits/${benefit.id}/measurements`, proposer, {
      measuredOn: '2024-06-01',
      value: 150,
    });
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toMatch(/avsluttet/);
    expect(await count('pf_benefit_measurements')).toBe(before);
    expect((await call('PUT', `/api/portfolio/benefits/${benefit.id}`, proposer, { title: 'X', revision: 2 })).status).toBe(409);
  });
});

describe('[PORTFOLIO][BENEFITS] realisation across the portfolio', () => {
  it('sums planned and realised per year and per area, and lists, filters and exports benefits', async () => {
    // Start from an empty register so the sums are this test's own.
    await sql`delete from pf_benefits`.execute(t.database.db);
    const init = await initiative(proposer.userId, 'realisation');
    const add = async (overrides: Record<string, unknown>) =>
      (await call('POST', `/api/portfolio/initiatives/${init.number}/benefits`, proposer, body(overrides))).body as Benefit;
    const realised = await add({ title: 'A', annualValue: 1000, expectedDate: '2025-01-01' });
    const half = await add({ title: 'B', annualValue: 2000, expectedDate: '2025-06-01' });
    await add({ title: 'C', annualValue: 500, expectedDate: '2026-01-01', planned: false, type: 'money' });
    await add({ title: 'D', type: 'quality', annualValue: null, expectedDate: '2026-03-01' });
    expect((await call('POST', `/api/portfolio/benefits/${realised.id}/close`, proposer, { status: 'realised', revision: 1 })).status).toBe(
      200,
    );
    // 150 is half of the change from 100 to 200 (on track on 1 January 2025 needs 200: a comment).
    expect(
      (
        await call('POST', `/api/portfolio/benefits/${half.id}/measurements`, proposer, {
          measuredOn: '2025-06-01',
          value: 150,
          comment: 'Forsinket',
        })
      ).status,
    ).toBe(201);

    const byYear = (await call('GET', '/api/portfolio/benefits/realisation?by=year', outsider)).body as Realisation;
    expect(byYear.rows.map((r) => [r.key, r.count, r.plannedAnnual, r.realisedAnnual, r.realisedCount])).toEqual([
      ['2025', 2, 3000, 2000, 1],
      ['2026', 2, 0, 0, 0],
    ]);
    expect(byYear.total).toMatchObject({
      count: 4,
      plannedCount: 3,
      unplannedCount: 1,
      plannedAnnual: 3000,
      realisedAnnual: 2000,
      overdueCount: 3,
    });

    const byArea = (await call('GET', '/api/portfolio/benefits/realisation?by=area', outsider)).body as Realisation;
    expect(byArea.rows).toHaveLength(1);
    expect(byArea.rows[0]).toMatchObject({ label: 'Skole', count: 4, plannedAnnual: 3000, realisedAnnual: 2000 });

    const list = (await call('GET', '/api/portfolio/benefits', outsider)).body as BenefitList;
    expect(list.benefits).toHaveLength(4);
    expect(list.areas.map((a) => a.name)).toEqual(['Skole']);
    const overdue = (await call('GET', '/api/portfolio/benefits?overdue=true', outsider)).body as BenefitList;
    expect(overdue.benefits.map((b) => b.title).sort()).toEqual(['B', 'C', 'D']);
    const quality = (await call('GET', '/api/portfolio/benefits?type=quality', outsider)).body as BenefitList;
    expect(quality.benefits.map((b) => b.title)).toEqual(['D']);
    const realisedOnly = (await call('GET', '/api/portfolio/benefits?status=realised', outsider)).body as BenefitList;
    expect(realisedOnly.benefits.map((b) => b.title)).toEqual(['A']);
    const otherArea = (await call('GET', `/api/portfolio/benefits?area=${await idOf('org_units', 'dir-utdanning')}`, outsider))
      .body as BenefitList;
    expect(otherArea.benefits).toHaveLength(0);

    const csv = await call('GET', '/api/portfolio/benefits?format=csv&overdue=true', outsider);
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    const lines = (csv.body as string).trim().split('\r\n');
    expect(lines[0]).toContain('Gevinst;Type;Indikator');
    expect(lines).toHaveLength(4);
    const xlsx = await call('GET', '/api/portfolio/benefits?format=xlsx', outsider);
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
  });
});

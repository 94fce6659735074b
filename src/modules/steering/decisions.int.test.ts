import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { useTestApp, type SignedIn } from '../../../test/helpers/test-app.js';
import type { Role } from '../../kernel/index.js';
import type { DecisionDetail, DecisionList, DecisionSummary } from './decisions.schemas.js';
import { selectDecisionStatusTable } from './server/decisions/decisions.queries.js';

const t = useTestApp();
type Db = { selectFrom: (t: string) => any; insertInto: (t: string) => any }; // eslint-disable-line @typescript-eslint/no-explicit-any
const db = () => t.database.db as unknown as Db;

async function call(method: 'GET' | 'POST' | 'PUT', url: string, user: SignedIn | null, payload?: unknown) {
  const response = await t.knutepunkt.app.inject({ method, url, headers: user?.headers ?? {}, payload: payload as object });
  return { status: response.statusCode, body: response.body ? (response.json() as any) : null, headers: response.headers }; // eslint-disable-line @typescript-eslint/no-explicit-any
}

const id = async (table: string, key: string) =>
  (await db().selectFrom(table).select('id').where('key', '=', key).executeTakeFirstOrThrow()).id as string;
const count = async (table: string) =>
  Number((await sql<{ n: string }>`select count(*) as n from ${sql.table(table)}`.execute(t.database.db)).rows[0]!.n);

/** A sign-in linked to a new person who holds the position `positionKey` from 2020. */
async function placed(roles: Role[], name: string, positionKey: string): Promise<SignedIn> {
  const user = await t.signInAs(roles, name);
  await t.placeUser(user.userId, name, positionKey);
  return user;
}

const unitKey = 'stabsomrade-oppfolging-og-analyse';
const base = async () => ({
  body: 'city_council',
  meetingDate: '2024-02-14',
  caseNumber: '12/24',
  title: 'Handlingsplan for digital inkludering',
  decisionText: 'Bystyret ber kommunedirektøren legge fram en handlingsplan.',
  responsibleUnitId: await id('org_units', unitKey),
  deadline: '2024-06-30',
});

describe('[STEERING][DECISIONS] political decisions followed to the end', () => {
  it('has seed 004’s decision (sak 53/17, 25.4.17) with its source, note and linked measure', async () => {
    const analyst = await t.signInAs(['analyst']);
    const list = (await call('GET', '/api/steering/decisions?q=53%2F17', analyst)).body as DecisionList;
    expect(list.decisions).toHaveLength(1);
    const decision = list.decisions[0]!;
    expect(decision).toMatchObject({ caseNumber: '53/17', meetingDate: '2017-04-25', body: 'city_council', status: 'in_progress' });
    expect(decision.source).toMatch(/^Seed 004/);
    const detail = (await call('GET', `/api/steering/decisions/${decision.id}`, analyst)).body as DecisionDetail;
    expect(detail.notes[0]!.body).toMatch(/1,5 millioner/);
    expect(detail.adjustments).toEqual([expect.objectContaining({ areaCode: 'D2017-07', amount: 1_500_000, status: 'proposed' })]);
  });

  it('refuses a decision without a responsible unit with a clear message, and writes nothing', async () => {
    const analyst = await t.signInAs(['analyst']);
    const before = [await count('st_political_decisions'), await count('audit_log')];
    for (const responsibleUnitId of [undefined, null, '']) {
      const response = await call('POST', '/api/steering/decisions', analyst, { ...(await base()), responsibleUnitId });
      expect(response.status).toBe(400);
      expect(response.body.error.code).toBe('invalid');
      expect(response.body.error.message).toMatch(/ansvarlig enhet/);
      expect(response.body.error.details).toEqual(expect.arrayContaining([expect.objectContaining({ path: 'responsibleUnitId' })]));
    }
    const unknown = await call('POST', '/api/steering/decisions', analyst, {
      ...(await base()),
      responsibleUnitId: '00000000-0000-4000-8000-000000000000',
    });
    expect(unknown.status).toBe(400);
    const badCase = await call('POST', '/api/steering/decisions', analyst, { ...(await base()), caseNumber: 'sak tolv' });
    expect(badCase.status).toBe(400);
    expect(badCase.body.error.details[0].path).toBe('caseNumber');
    expect([await count('st_political_decisions'), await count('audit_log')]).toEqual(before);
  });

  it('needs steering:write to register; an employee gets 403', async () => {
    const employee = await t.signInAs(['employee']);
    expect((await call('POST', '/api/steering/decisions', employee, await base())).status).toBe(403);
  });

  it('revises with the revision read (stale → 409) and follows the status with notes', async () => {
    const analyst = await t.signInAs(['analyst']);
    const created = await call('POST', '/api/steering/decisions', analyst, { ...(await base()), caseNumber: '13/24' });
    expect(created.status).toBe(201);
    const decision = created.body as DecisionSummary;
    expect(decision).toMatchObject({ status: 'not_started', revision: 1, responsibleUnitName: 'Oppfølging og analyse' });

    const duplicate = await call('POST', '/api/steering/decisions', analyst, { ...(await base()), caseNumber: '13/24' });
    expect(duplicate.status).toBe(409);

    const revised = await call('PUT', `/api/steering/decisions/${decision.id}`, analyst, {
      ...(await base()),
      caseNumber: '13/24',
      title: 'Ny tittel',
      revision: 1,
    });
    expect(revised.status).toBe(200);
    expect(revised.body.revision).toBe(2);
    const stale = await call('PUT', `/api/steering/decisions/${decision.id}`, analyst, {
      ...(await base()),
      caseNumber: '13/24',
      title: 'Annen tittel',
      revision: 1,
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('stale');

    const started = await call('POST', `/api/steering/decisions/${decision.id}/notes`, analyst, {
      body: 'Arbeidet er i gang.',
      status: 'in_progress',
      revision: 2,
    });
    expect(started.status).toBe(201);
    expect(started.body).toMatchObject({ status: 'in_progress', revision: 3 });
    const noteOnly = await call('POST', `/api/steering/decisions/${decision.id}/notes`, analyst, { body: 'Utkast sendt på høring.' });
    expect(noteOnly.status).toBe(201);
    expect(noteOnly.body.revision).toBe(3);
    const staleStatus = await call('POST', `/api/steering/decisions/${decision.id}/notes`, analyst, {
      body: 'Ferdig.',
      status: 'completed',
      revision: 2,
    });
    expect(staleStatus.status).toBe(409);
    const done = await call('POST', `/api/steering/decisions/${decision.id}/notes`, analyst, {
      body: 'Handlingsplanen er vedtatt.',
      status: 'completed',
      revision: 3,
    });
    expect(done.body).toMatchObject({ status: 'completed', overdue: false });
    expect(done.body.completedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);

    const detail = (await call('GET', `/api/steering/decisions/${decision.id}`, analyst)).body as DecisionDetail;
    expect(detail.notes.map((n) => [n.statusFrom, n.statusTo])).toEqual([
      ['not_started', 'in_progress'],
      [null, null],
      ['in_progress', 'completed'],
    ]);
  });

  it('refuses «cannot be done» without a note', async () => {
    const analyst = await t.signInAs(['analyst']);
    const decision = (await call('POST', '/api/steering/decisions', analyst, { ...(await base()), caseNumber: '14/24' }))
      .body as DecisionSummary;
    const withoutNote = await call('POST', `/api/steering/decisions/${decision.id}/notes`, analyst, {
      body: '  ',
      status: 'cannot_be_done',
      revision: 1,
    });
    expect(withoutNote.status).toBe(400);
    expect(withoutNote.body.error.message).toMatch(/krever et notat/);
    const viaForm = await call('PUT', `/api/steering/decisions/${decision.id}`, analyst, {
      ...(await base()),
      caseNumber: '14/24',
      status: 'cannot_be_done',
      revision: 1,
    });
    expect(viaForm.status).toBe(400);
    const unchanged = (await call('GET', `/api/steering/decisions/${decision.id}`, analyst)).body as DecisionDetail;
    expect(unchanged).toMatchObject({ status: 'not_started', revision: 1, notes: [] });
    const withNote = await call('POST', `/api/steering/decisions/${decision.id}/notes`, analyst, {
      body: 'Tiltaket lar seg ikke gjennomføre innenfor rammen; saken sendes tilbake til bystyret.',
      status: 'cannot_be_done',
      revision: 1,
    });
    expect(withNote.status).toBe(201);
    expect(withNote.body.status).toBe('cannot_be_done');
  });

  it('lists overdue decisions: deadline passed and neither completed nor returned', async () => {
    const analyst = await t.signInAs(['analyst']);
    const late = (
      await call('POST', '/api/steering/decisions', analyst, { ...(await base()), caseNumber: '15/24', deadline: '2024-03-01' })
    ).body as DecisionSummary;
    const future = (
      await call('POST', '/api/steering/decisions', analyst, { ...(await base()), caseNumber: '16/24', deadline: '2099-12-31' })
    ).body as DecisionSummary;
    expect(late.overdue).toBe(true);
    expect(future.overdue).toBe(false);
    const overdue = ((await call('GET', '/api/steering/decisions/overdue', analyst)).body as DecisionList).decisions.map((d) => d.id);
    expect(overdue).toContain(late.id);
    expect(overdue).not.toContain(future.id);
    const filtered = ((await call('GET', '/api/steering/decisions?overdue=true', analyst)).body as DecisionList).decisions.map((d) => d.id);
    expect(filtered).toEqual(overdue);
    const table = await selectDecisionStatusTable(t.database.db as never, { asOf: '2024-04-30' });
    expect(table.find((r) => r.id === late.id)).toMatchObject({ overdue: true, caseNumber: '15/24' });
    expect(table.find((r) => r.id === future.id)?.overdue).toBe(false);
    expect(table.some((r) => r.caseNumber === '53/17')).toBe(true);
    expect((await selectDecisionStatusTable(t.database.db as never, { asOf: '2017-01-01' })).length).toBe(0);
  });

  it('lets the responsible unit’s leader add notes and change status; an unrelated employee gets 403', async () => {
    const analyst = await t.signInAs(['analyst']);
    const decision = (await call('POST', '/api/steering/decisions', analyst, { ...(await base()), caseNumber: '17/24' }))
      .body as DecisionSummary;
    const leader = await placed(['employee'], 'Stabsleder Test', 'stabsleder-oppfolging-og-analyse');
    const detail = (await call('GET', `/api/steering/decisions/${decision.id}`, leader)).body as DecisionDetail;
    expect(detail).toMatchObject({ canAddNote: true, canEdit: false });
    const byLeader = await call('POST', `/api/steering/decisions/${decision.id}/notes`, leader, {
      body: 'Vi har startet.',
      status: 'in_progress',
      revision: 1,
    });
    expect(byLeader.status).toBe(201);
    expect(byLeader.body.status).toBe('in_progress');
    const employee = await placed(['employee'], 'Medarbeider Test', 'medarbeider-oppfolging-og-analyse');
    const notes = await count('st_decision_notes');
    const byEmployee = await call('POST', `/api/steering/decisions/${decision.id}/notes`, employee, { body: 'Hei' });
    expect(byEmployee.status).toBe(403);
    expect(await count('st_decision_notes')).toBe(notes);
    expect(((await call('GET', `/api/steering/decisions/${decision.id}`, employee)).body as DecisionDetail).canAddNote).toBe(false);
  });

  it('exports the list as CSV and XLSX', async () => {
    const analyst = await t.signInAs(['analyst']);
    const csv = await t.knutepunkt.app.inject({ method: 'GET', url: '/api/steering/decisions?format=csv', headers: analyst.headers });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    expect(csv.body).toContain('53/17');
    const xlsx = await t.knutepunkt.app.inject({ method: 'GET', url: '/api/steering/decisions?format=xlsx', headers: analyst.headers });
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });
});

import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp, type SignedIn } from '../../../test/helpers/test-app.js';
import type {
  Checklists,
  DecisionList,
  DecisionResult,
  DueReports,
  Meeting,
  MeetingList,
  StatusReport,
  StatusReportList,
} from './board.schemas.js';
import { previousPeriod } from './server/board/phases.js';
import { todayInNorway } from './server/board/board.queries.js';
import type { PortfolioDb } from './server/portfolio.tables.js';

const t = useTestApp();
const base = '/api/portfolio';
const db = () => t.database.db as unknown as PortfolioDb;

type Json = Record<string, unknown> & { error?: { code: string; message: string; details?: unknown } };

async function call(as: SignedIn | null, method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: unknown) {
  const response = await t.knutepunkt.app.inject({
    method,
    url: `${base}${url}`,
    headers: { ...(as?.headers ?? {}), 'accept-language': 'nb' },
    ...(payload === undefined ? {} : { payload: payload as object }),
  });
  return {
    status: response.statusCode,
    body: (response.body && String(response.headers['content-type'] ?? '').includes('json') ? response.json() : {}) as Json,
    raw: response,
  };
}

let board: SignedIn;
let employee: SignedIn;
let proposer: SignedIn;
let unitId: string;
const today = todayInNorway();
const allYes = async (point: string) => {
  const lists = (await call(board, 'GET', '/checklists')).body as unknown as Checklists;
  return Object.fromEntries(
    lists.points
      .find((p) => p.decisionPoint === point)!
      .items.filter((i) => i.active)
      .map((i) => [i.key, true]),
  );
};

/** An initiative put straight into the table (the initiatives part has its own intake tests). */
async function initiative(values: {
  title: string;
  phase?: 'idea' | 'concept' | 'planning' | 'execution' | 'closing' | 'realisation';
  unit?: string;
}) {
  return db()
    .insertInto('pf_initiatives')
    .values({
      title: values.title,
      owner_unit_id: values.unit ?? unitId,
      category: 'efficiency',
      size: 'small',
      proposed_by: proposer.userId,
      phase: values.phase ?? 'idea',
      synthetic: true,
    })
    .returning(['id', 'number'])
    .executeTakeFirstOrThrow();
}

const snapshot = async (id: string) => {
  const row = await db().selectFrom('pf_initiatives').select(['phase', 'state', 'revision']).where('id', '=', id).executeTakeFirstOrThrow();
  const decisions = await db().selectFrom('pf_decisions').select('id').where('initiative_id', '=', id).execute();
  return { ...row, decisions: decisions.length };
};

beforeAll(async () => {
  board = await t.signInAs(['portfolio_board_member'], 'Styremedlem Siri');
  employee = await t.signInAs(['employee'], 'Ansatt Arne');
  proposer = await t.signInAs(['employee'], 'Forslagsstiller Frida');
  unitId = (await db().selectFrom('org_units').select('id').where('key', '=', 'omsorg-hjemmetjenester-bragernes').executeTakeFirstOrThrow())
    .id;
});

describe('[BOARD][DECIDE] decisions at the decision points', () => {
  it('approves at BP1 then BP2: the phase advances and each decision is recorded with rationale, date and decider', async () => {
    const { id, number } = await initiative({ title: '[Syntetisk] Digital søknad om parkeringstillatelse' });
    const auditBefore = await t.auditCount();
    const first = await call(board, 'POST', `/initiatives/${number}/decisions`, {
      decisionPoint: 'BP1',
      outcome: 'approve',
      rationale: 'Klar nytte for innbyggerne.',
      decidedOn: today,
      checklist: await allYes('BP1'),
      revision: 1,
    });
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    const result = first.body as unknown as DecisionResult;
    expect(result.initiative).toMatchObject({ phase: 'concept', state: 'active', revision: 2, nextDecisionPoint: 'BP2' });
    expect(result.decision).toMatchObject({
      decisionPoint: 'BP1',
      outcome: 'approve',
      phaseBefore: 'idea',
      phaseAfter: 'concept',
      decidedOn: today,
    });
    expect(result.decision.decidedBy).toEqual({ id: board.userId, name: 'Styremedlem Siri' });

    const second = await call(board, 'POST', `/initiatives/${id}/decisions`, {
      decisionPoint: 'BP2',
      outcome: 'approve',
      rationale: 'Konseptet er valgt.',
      decidedOn: today,
      checklist: await allYes('BP2'),
      revision: 2,
    });
    expect(second.status, JSON.stringify(second.body)).toBe(201);

    const list = (await call(employee, 'GET', `/initiatives/${number}/decisions`)).body as unknown as DecisionList;
    expect(list.initiative).toMatchObject({ phase: 'planning', nextDecisionPoint: 'BP3' });
    expect(list.decisions.map((d) => [d.decisionPoint, d.outcome, d.rationale])).toEqual([
      ['BP1', 'approve', 'Klar nytte for innbyggerne.'],
      ['BP2', 'approve', 'Konseptet er valgt.'],
    ]);
    expect(list.decisions[0]!.checklist).toMatchObject({ strategic_fit: true, privacy_security: true });
    expect(list.nextChecklist.map((c) => c.key)).toContain('benefit_owner');
    const events = await db().selectFrom('pf_initiative_events').select(['type', 'actor_id']).where('initiative_id', '=', id).execute();
    expect(events.filter((e) => e.type === 'decision')).toHaveLength(2);
    expect(await t.auditCount()).toBe(auditBefore + 2);
  });

  it('refuses skipping a decision point (BP2 while in idea), naming the expected one; nothing changes', async () => {
    const { id, number } = await initiative({ title: '[Syntetisk] Hopp over' });
    const before = await snapshot(id);
    const { status, body } = await call(board, 'POST', `/initiatives/${number}/decisions`, {
      decisionPoint: 'BP2',
      outcome: 'approve',
      rationale: 'Hopper over.',
      decidedOn: today,
      checklist: await allYes('BP2'),
      revision: 1,
    });
    expect(status).toBe(400);
    expect(body.error!.message).toContain('BP1');
    expect(body.error!.message).toContain('kan ikke hoppes over');
    expect(await snapshot(id)).toEqual(before);
  });

  it('refuses a decision by someone not on the board with 403 in the board’s words; nothing changes', async () => {
    const { id, number } = await initiative({ title: '[Syntetisk] Ikke styret' });
    const before = await snapshot(id);
    const { status, body } = await call(employee, 'POST', `/initiatives/${number}/decisions`, {
      decisionPoint: 'BP1',
      outcome: 'approve',
      rationale: 'Jeg bestemmer.',
      decidedOn: today,
      checklist: await allYes('BP1'),
      revision: 1,
    });
    expect(status).toBe(403);
    expect(body.error!.message).toBe('Bare porteføljestyrets medlemmer kan fatte beslutninger.');
    expect(await snapshot(id)).toEqual(before);
  });

  it('refuses approval with an unchecked checklist item (400 naming it), a future date, an empty rationale, an unknown meeting', async () => {
    const { id, number } = await initiative({ title: '[Syntetisk] Åpen sjekkliste' });
    const before = await snapshot(id);
    const yes = await allYes('BP1');
    const open = await call(board, 'POST', `/initiatives/${number}/decisions`, {
      decisionPoint: 'BP1',
      outcome: 'approve',
      rationale: 'Mangler risiko.',
      decidedOn: today,
      checklist: { ...yes, risk: false },
      revision: 1,
    });
    expect(open.status).toBe(400);
    expect(open.body.error!.message).toContain('Risiko');
    expect(open.body.error!.details).toEqual([expect.objectContaining({ path: 'checklist', items: ['risk'] })]);

    const body = { decisionPoint: 'BP1', outcome: 'approve', rationale: 'OK', decidedOn: today, checklist: yes, revision: 1 };
    expect((await call(board, 'POST', `/initiatives/${number}/decisions`, { ...body, decidedOn: '2999-01-01' })).status).toBe(400);
    expect((await call(board, 'POST', `/initiatives/${number}/decisions`, { ...body, decidedOn: '2026-02-30' })).status).toBe(400);
    expect((await call(board, 'POST', `/initiatives/${number}/decisions`, { ...body, rationale: '   ' })).status).toBe(400);
    expect(
      (await call(board, 'POST', `/initiatives/${number}/decisions`, { ...body, meetingId: '00000000-0000-4000-8000-000000000000' }))
        .status,
    ).toBe(400);
    expect((await call(board, 'POST', `/initiatives/${number}/decisions`, { ...body, checklist: { ...yes, nonsense: true } })).status).toBe(
      400,
    );
    expect((await call(board, 'POST', '/initiatives/999999/decisions', body)).status).toBe(404);
    expect(await snapshot(id)).toEqual(before);
  });

  it('pause keeps the phase and pauses; approve at the same point resumes and advances; stop is final', async () => {
    const { id, number } = await initiative({ title: '[Syntetisk] Pause og stopp' });
    const decideAs = (outcome: string, point: string, revision: number, checklist: Record<string, boolean> = {}) =>
      call(board, 'POST', `/initiatives/${number}/decisions`, {
        decisionPoint: point,
        outcome,
        rationale: `Vedtak: ${outcome}`,
        decidedOn: today,
        checklist,
        revision,
      });
    expect((await decideAs('pause', 'BP1', 1)).status).toBe(201);
    expect(await snapshot(id)).toMatchObject({ phase: 'idea', state: 'paused', revision: 2 });
    expect((await decideAs('approve', 'BP1', 2, await allYes('BP1'))).status).toBe(201);
    expect(await snapshot(id)).toMatchObject({ phase: 'concept', state: 'active', revision: 3 });
    expect((await decideAs('return', 'BP2', 3)).status).toBe(201);
    expect(await snapshot(id)).toMatchObject({ phase: 'concept', state: 'active', revision: 4 });
    expect((await decideAs('stop', 'BP2', 4)).status).toBe(201);
    expect(await snapshot(id)).toMatchObject({ phase: 'concept', state: 'stopped', revision: 5, decisions: 4 });
    const after = await decideAs('approve', 'BP2', 5, await allYes('BP2'));
    expect(after.status).toBe(409);
    expect(after.body.error!.message).toContain('stoppet');
    expect(await snapshot(id)).toMatchObject({ state: 'stopped', decisions: 4 });
  });

  it('refuses a stale revision with 409; nothing changes', async () => {
    const { id, number } = await initiative({ title: '[Syntetisk] Utdatert' });
    await db().updateTable('pf_initiatives').set({ revision: 3 }).where('id', '=', id).execute();
    const before = await snapshot(id);
    const { status, body } = await call(board, 'POST', `/initiatives/${number}/decisions`, {
      decisionPoint: 'BP1',
      outcome: 'return',
      rationale: 'Spørsmål.',
      decidedOn: today,
      revision: 2,
    });
    expect(status).toBe(409);
    expect(body.error!.code).toBe('stale');
    expect(await snapshot(id)).toEqual(before);
  });

  it('exports the decisions as CSV and XLSX', async () => {
    const csv = await call(employee, 'GET', '/decisions/export?format=csv');
    expect(csv.status).toBe(200);
    expect(csv.raw.body).toContain('Beslutningspunkt');
    expect(csv.raw.body).toContain('Klar nytte for innbyggerne.');
    const xlsx = await call(employee, 'GET', '/decisions/export?format=xlsx');
    expect(xlsx.status).toBe(200);
    expect(xlsx.raw.headers['content-type']).toContain('spreadsheetml');
  });
});

describe('[BOARD][CHECKLIST] configuration', () => {
  it('ships Knutepunkt’s defaults per decision point, labelled as such', async () => {
    const lists = (await call(employee, 'GET', '/checklists')).body as unknown as Checklists;
    expect(lists.points.map((p) => p.decisionPoint)).toEqual(['BP1', 'BP2', 'BP3', 'BP4', 'BP5']);
    for (const point of lists.points) {
      expect(point.items.map((i) => i.key)).toEqual([
        'strategic_fit',
        'resources',
        'risk',
        'benefit_owner',
        'line_capacity',
        'privacy_security',
      ]);
      expect(point.items[0]!.source).toBe('Knutepunkt-standard etter Prosjektveiviseren (Digdir); issue 6');
    }
  });

  it('lets the board add, relabel and leave out items; approval then follows the new list; others get 403', async () => {
    const versionOf = async () =>
      ((await call(board, 'GET', '/checklists')).body as unknown as Checklists).points.find((p) => p.decisionPoint === 'BP3')!.version;
    const readVersion = await versionOf();
    const put = (as: SignedIn, items: unknown[], version = readVersion) => call(as, 'PUT', '/checklists/BP3', { version, items });
    const items = [
      { key: 'strategic_fit', label: { nb: 'Strategisk forankring', en: 'Strategic fit' }, order: 1, active: true },
      { key: 'budget', label: { nb: 'Budsjett vedtatt', en: 'Budget adopted' }, order: 2, active: true },
    ];
    const refused = await put(employee, items);
    expect(refused.status).toBe(403);
    const saved = await put(board, items);
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    const lists = (await call(board, 'GET', '/checklists')).body as unknown as Checklists;
    const bp3 = lists.points.find((p) => p.decisionPoint === 'BP3')!.items;
    expect(bp3.filter((i) => i.active).map((i) => i.key)).toEqual(['strategic_fit', 'budget']);
    expect(bp3.find((i) => i.key === 'risk')!.active).toBe(false);
    expect((await put(board, [items[0], items[0]], await versionOf())).status).toBe(400);
    // A change made from the list as it was before the save above is refused, and changes nothing.
    const stale = await put(board, [items[0]]);
    expect(stale.status).toBe(409);
    expect(stale.body.error!.code).toBe('stale');
    const unchanged = ((await call(board, 'GET', '/checklists')).body as unknown as Checklists).points.find(
      (p) => p.decisionPoint === 'BP3',
    )!;
    expect(unchanged.items.filter((i) => i.active).map((i) => i.key)).toEqual(['strategic_fit', 'budget']);

    const { number } = await initiative({ title: '[Syntetisk] Ny sjekkliste', phase: 'planning' });
    const open = await call(board, 'POST', `/initiatives/${number}/decisions`, {
      decisionPoint: 'BP3',
      outcome: 'approve',
      rationale: 'Planen holder.',
      decidedOn: today,
      checklist: { strategic_fit: true },
      revision: 1,
    });
    expect(open.status).toBe(400);
    expect(open.body.error!.message).toContain('Budsjett vedtatt');
    const ok = await call(board, 'POST', `/initiatives/${number}/decisions`, {
      decisionPoint: 'BP3',
      outcome: 'approve',
      rationale: 'Planen holder.',
      decidedOn: today,
      checklist: { strategic_fit: true, budget: true },
      revision: 1,
    });
    expect(ok.status, JSON.stringify(ok.body)).toBe(201);
  });
});

describe('[BOARD][STATUS] monthly status reports and reminders', () => {
  const report = (period: string, extra: Record<string, unknown> = {}) => ({
    period,
    progress: 'Godt i gang.',
    scopeLight: 'green',
    timeLight: 'yellow',
    costLight: 'green',
    benefitsLight: 'red',
    risks: 'Leverandør forsinket.',
    issues: '',
    nextSteps: 'Pilot i én sone.',
    percentComplete: 40,
    ...extra,
  });

  it('one report per period: a second is refused (409, edit it instead); edits need the current revision', async () => {
    const { id, number } = await initiative({ title: '[Syntetisk] Rapporterer', phase: 'execution' });
    const period = previousPeriod(today);
    const created = await call(proposer, 'POST', `/initiatives/${number}/status-reports`, report(period));
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const saved = created.body as unknown as StatusReport;
    expect(saved).toMatchObject({ period, timeLight: 'yellow', benefitsLight: 'red', percentComplete: 40, revision: 1 });
    expect(saved.reportedBy.name).toBe('Forslagsstiller Frida');

    const again = await call(board, 'POST', `/initiatives/${number}/status-reports`, report(period));
    expect(again.status).toBe(409);
    expect(again.body.error!.message).toContain('Rediger');

    const edited = await call(proposer, 'PUT', `/initiatives/${number}/status-reports/${saved.id}`, {
      ...report(period, { timeLight: 'red' }),
      period: undefined,
      revision: 1,
    });
    expect(edited.status, JSON.stringify(edited.body)).toBe(200);
    expect(edited.body).toMatchObject({ timeLight: 'red', revision: 2 });
    const stale = await call(proposer, 'PUT', `/initiatives/${number}/status-reports/${saved.id}`, {
      ...report(period),
      period: undefined,
      revision: 1,
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error!.code).toBe('stale');

    const future = await call(proposer, 'POST', `/initiatives/${number}/status-reports`, report('2999-01'));
    expect(future.status).toBe(400);
    expect((await call(proposer, 'POST', `/initiatives/${number}/status-reports`, report('2026-13'))).status).toBe(400);
    expect((await call(proposer, 'POST', `/initiatives/${number}/status-reports`, report(period, { scopeLight: 'blue' }))).status).toBe(
      400,
    );

    const list = (await call(employee, 'GET', `/initiatives/${id}/status-reports`)).body as unknown as StatusReportList;
    expect(list.reports.map((r) => r.period)).toEqual([period]);
    expect(list.canReport).toBe(false);
    const events = await db().selectFrom('pf_initiative_events').select('type').where('initiative_id', '=', id).execute();
    expect(events.map((e) => e.type)).toEqual(['status_report', 'status_report_updated']);
  });

  it('lets the proposer, the board and a leader of the owning unit report; refuses anyone else', async () => {
    const { number } = await initiative({ title: '[Syntetisk] Hvem rapporterer', phase: 'planning' });
    const refused = await call(employee, 'POST', `/initiatives/${number}/status-reports`, report('2024-01'));
    expect(refused.status).toBe(403);
    expect((await call(board, 'POST', `/initiatives/${number}/status-reports`, report('2024-02'))).status).toBe(201);

    const leader = await t.signInAs(['leader'], 'Leder Lena');
    const person = await db()
      .insertInto('org_people')
      .values({ key: 'pf-board-leder', name: 'Leder Lena', synthetic: true })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db().insertInto('org_user_people').values({ user_id: leader.userId, person_id: person.id }).execute();
    const position = await db()
      .selectFrom('org_positions')
      .select('id')
      .where('key', '=', 'leder-omsorg-hjemmetjenester-bragernes')
      .executeTakeFirstOrThrow();
    await db()
      .insertInto('org_assignments')
      .values({ person_id: person.id, position_id: position.id, valid_from: '2020-01-01', valid_to: null })
      .execute();
    expect((await call(leader, 'POST', `/initiatives/${number}/status-reports`, report('2024-03'))).status).toBe(201);
    const list = (await call(leader, 'GET', `/initiatives/${number}/status-reports`)).body as unknown as StatusReportList;
    expect(list.canReport).toBe(true);
  });

  it('lists active initiatives in planning, execution or closing missing last month’s report once the due day is reached', async () => {
    await db().updateTable('pf_settings').set({ report_due_day: 1 }).execute();
    const missing = await initiative({ title: '[Syntetisk] Mangler rapport', phase: 'execution' });
    const idea = await initiative({ title: '[Syntetisk] Bare en idé', phase: 'idea' });
    const reported = await initiative({ title: '[Syntetisk] Har rapportert', phase: 'closing' });
    expect((await call(proposer, 'POST', `/initiatives/${reported.number}/status-reports`, report(previousPeriod(today)))).status).toBe(
      201,
    );

    const due = (await call(employee, 'GET', '/status-reports/due')).body as unknown as DueReports;
    expect(due).toMatchObject({ period: previousPeriod(today), dueDay: 1, isDue: true });
    const numbers = due.initiatives.map((i) => i.number);
    expect(numbers).toContain(missing.number);
    expect(numbers).not.toContain(idea.number);
    expect(numbers).not.toContain(reported.number);
    const notice = (await call(proposer, 'GET', `/initiatives/${missing.number}/status-reports`)).body as unknown as StatusReportList;
    expect(notice.due).toEqual({ period: previousPeriod(today), dueDay: 1 });

    await db().updateTable('pf_settings').set({ report_due_day: 28 }).execute();
    const early = (await call(employee, 'GET', '/status-reports/due')).body as unknown as DueReports;
    if (Number(today.slice(8, 10)) < 28) expect(early).toMatchObject({ isDue: false, initiatives: [] });
    await db().updateTable('pf_settings').set({ report_due_day: 10 }).execute();
  });
});

describe('[BOARD][MEETING] meetings, agenda and minutes', () => {
  it('plans a meeting, puts initiatives on the agenda with their status and checklist, records minutes with a stale check', async () => {
    const { id: initiativeId, number } = await initiative({ title: '[Syntetisk] På sakslisten', phase: 'concept' });
    expect((await call(employee, 'POST', '/meetings', { date: today, title: 'Styremøte' })).status).toBe(403);
    expect((await call(board, 'POST', '/meetings', { date: '2026-02-31', title: 'Styremøte' })).status).toBe(400);
    const created = await call(board, 'POST', '/meetings', { date: today, title: 'Porteføljestyret desember' });
    expect(created.status).toBe(201);
    const meetingId = (created.body as { id: string }).id;

    expect((await call(board, 'POST', `/meetings/${meetingId}/agenda`, { initiative: String(number), note: 'Til BP2' })).status).toBe(204);
    expect((await call(board, 'POST', `/meetings/${meetingId}/agenda`, { initiative: String(number) })).status).toBe(409);
    expect((await call(board, 'POST', `/meetings/${meetingId}/agenda`, { initiative: '999999' })).status).toBe(400);
    expect((await call(employee, 'POST', `/meetings/${meetingId}/agenda`, { initiative: String(number) })).status).toBe(403);

    const decided = await call(board, 'POST', `/initiatives/${number}/decisions`, {
      decisionPoint: 'BP2',
      outcome: 'return',
      rationale: 'Trenger bedre kostnadsanslag.',
      decidedOn: today,
      meetingId,
      revision: 1,
    });
    expect(decided.status, JSON.stringify(decided.body)).toBe(201);

    const meeting = (await call(employee, 'GET', `/meetings/${meetingId}`)).body as unknown as Meeting;
    expect(meeting.agenda).toEqual([
      expect.objectContaining({
        initiativeId,
        number,
        phase: 'concept',
        nextDecisionPoint: 'BP2',
        note: 'Til BP2',
        position: 1,
        latestReport: null,
      }),
    ]);
    expect(meeting.agenda[0]!.checklist.map((c) => c.key)).toContain('privacy_security');
    expect(meeting.decisions.map((d) => d.rationale)).toEqual(['Trenger bedre kostnadsanslag.']);

    const minutes = await call(board, 'PUT', `/meetings/${meetingId}`, { minutes: 'Sak 1: sendt tilbake.', status: 'held', revision: 1 });
    expect(minutes.status, JSON.stringify(minutes.body)).toBe(200);
    const stale = await call(board, 'PUT', `/meetings/${meetingId}`, { minutes: 'Overskrevet', revision: 1 });
    expect(stale.status).toBe(409);
    expect(stale.body.error!.code).toBe('stale');
    const after = (await call(employee, 'GET', `/meetings/${meetingId}`)).body as unknown as Meeting;
    expect(after).toMatchObject({ minutes: 'Sak 1: sendt tilbake.', status: 'held', revision: 2 });

    const list = (await call(employee, 'GET', '/meetings')).body as unknown as MeetingList;
    expect(list.upcoming.find((m) => m.id === meetingId)).toMatchObject({ agendaCount: 1 });

    expect((await call(board, 'DELETE', `/meetings/${meetingId}/agenda/${initiativeId}`)).status).toBe(204);
    expect((await call(board, 'DELETE', `/meetings/${meetingId}/agenda/${initiativeId}`)).status).toBe(404);
    expect((await call(employee, 'GET', '/meetings/00000000-0000-4000-8000-000000000000')).status).toBe(404);
  });
});

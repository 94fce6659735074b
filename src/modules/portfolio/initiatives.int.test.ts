// [PORTFOLIO][INITIATIVES]: intake, overview filters, export, edit and merge on both databases.
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp, type SignedIn } from '../../../test/helpers/test-app.js';
import type { InitiativeDetail, InitiativeOptions, Overview, ProposeInitiativeBody, Roadmap } from './initiatives.schemas.js';

const t = useTestApp();
const db = () => t.database.db;

async function call(method: 'GET' | 'POST' | 'PUT', url: string, user: SignedIn | null, payload?: unknown) {
  const response = await t.knutepunkt.app.inject({ method, url, headers: user?.headers ?? {}, payload: payload as object });
  const json = response.headers['content-type']?.toString().includes('json');
  return { status: response.statusCode, body: json ? (response.json() as any) : response.body, headers: response.headers }; // eslint-disable-line @typescript-eslint/no-explicit-any
}

const count = async (table: string) => {
  const { rows } = await sql<{ n: string }>`select count(*) as n from ${sql.table(table)}`.execute(db());
  return Number(rows[0]!.n);
};

/** A current unit by name, with its level-2 area. */
async function unitNamed(name: string): Promise<string> {
  const { rows } = await sql<{ unit_id: string }>`
    select unit_id from org_unit_versions where name = ${name} and valid_from <= current_date and (valid_to is null or valid_to > current_date) limit 1`.execute(
    db(),
  );
  expect(rows[0], `unit ${name}`).toBeDefined();
  return rows[0]!.unit_id;
}

let proposer: SignedIn;
let board: SignedIn;
let agent: { id: string; username: string };
let goalA: string;
let goalB: string;
let decision: string;
let school: string; // Aronsløkka skole
let otherUnit: string; // a unit in another level-2 area
let options: InitiativeOptions;

const form = (over: Partial<ProposeInitiativeBody> = {}): ProposeInitiativeBody => ({
  title: '[Test] Digital skolerute',
  problem: 'Foreldre får ikke beskjed om endringer i tide.',
  need: 'Varsler på mobil.',
  beneficiaries: 'Foreldre og elever',
  ownerUnitId: school,
  digitalAgentId: agent.id,
  category: 'quality',
  size: 'small',
  estimatedCost: 250000,
  estimatedMonths: 6,
  plannedStart: '2027-01',
  plannedEnd: '2027-06',
  architectureNotes: 'Bruker eksisterende plattform.',
  personalData: true,
  dpiaNeeded: false,
  privacyNotes: '',
  goalIds: [goalA],
  decisionIds: [],
  ...over,
});

beforeAll(async () => {
  proposer = await t.signInAs(['employee'], 'Forslag Stiller');
  board = await t.signInAs(['portfolio_board_member'], 'Styre Medlem');
  agent = await t.createUser(['employee'], 'Digital Agent Test');
  const goals = await db()
    .insertInto('st_goals' as never)
    .values([
      { key: 'test-goal-a', level: 'community', title: '[Test] Mål A', synthetic: true },
      { key: 'test-goal-b', level: 'community', title: '[Test] Mål B', synthetic: true },
    ] as never)
    .returning('id' as never)
    .execute();
  [goalA, goalB] = (goals as unknown as { id: string }[]).map((g) => g.id) as [string, string];
  school = await unitNamed('Aronsløkka skole');
  options = (await call('GET', '/api/portfolio/options', proposer)).body as InitiativeOptions;
  const schoolArea = (await call('POST', '/api/portfolio/initiatives', proposer, form({ title: '[Test] områdesjekk' })))
    .body as InitiativeDetail;
  // A unit in another kommunalsjef area: the area itself (a level-2 unit is its own area).
  otherUnit = options.areas.find((a) => a.id !== schoolArea.area?.id)!.id;
  const inserted = await db()
    .insertInto('st_political_decisions' as never)
    .values({
      body: 'city_council',
      meeting_date: '2026-06-18',
      case_number: '77/26',
      title: '[Test] Vedtak om digital skolerute',
      responsible_unit_id: school,
      synthetic: true,
    } as never)
    .returning('id' as never)
    .executeTakeFirstOrThrow();
  decision = (inserted as unknown as { id: string }).id;
});

describe('[PORTFOLIO][INTAKE] proposing an initiative', () => {
  it('offers units sorted in Norwegian, areas, active users, goals and categories', () => {
    expect(options.units.length).toBeGreaterThan(10);
    expect(options.units.some((u) => u.name === 'Aronsløkka skole')).toBe(true);
    expect(options.areas.every((a) => a.level === 2)).toBe(true);
    expect(options.users.some((u) => u.displayName === 'Digital Agent Test')).toBe(true);
    expect(options.goals.map((g) => g.id)).toEqual(expect.arrayContaining([goalA, goalB]));
    expect(options.categories).toEqual(['mandated', 'strategy', 'efficiency', 'quality', 'innovation']);
  });

  it('stores a proposal with a digital agent and a goal, as an idea, with its first event and an audit entry', async () => {
    const audits = await t.auditCount();
    const response = await call('POST', '/api/portfolio/initiatives', proposer, form({ decisionIds: [decision] }));
    expect(response.status).toBe(201);
    const detail = response.body as InitiativeDetail;
    expect(detail).toMatchObject({
      title: '[Test] Digital skolerute',
      phase: 'idea',
      state: 'active',
      ownerUnit: { id: school, name: 'Aronsløkka skole' },
      digitalAgent: { id: agent.id, displayName: 'Digital Agent Test' },
      proposedBy: { displayName: 'Forslag Stiller' },
      estimatedCost: 250000,
      plannedStart: '2027-01',
      plannedEnd: '2027-06',
      personalData: true,
      dpiaNeeded: false,
      revision: 1,
      mayEdit: true,
      mayMerge: false,
    });
    expect(detail.area?.name).toBeTruthy();
    expect(detail.goals).toEqual([{ id: goalA, title: '[Test] Mål A' }]);
    expect(detail.decisions).toEqual([expect.objectContaining({ id: decision, caseNumber: '77/26' })]);
    expect(detail.history.map((e) => e.type)).toEqual(['proposed']);
    expect(await t.auditCount()).toBe(audits + 1);
    // Found by number, «INI-n» and id alike.
    for (const ref of [String(detail.number), `INI-${detail.number}`, detail.id])
      expect((await call('GET', `/api/portfolio/initiatives/${ref}`, proposer)).body.id).toBe(detail.id);
    expect((await call('GET', '/api/portfolio/initiatives/INI-999999', proposer)).status).toBe(404);
  });

  it('refuses bad input with 400, every problem at once, and writes nothing', async () => {
    const before = {
      initiatives: await count('pf_initiatives'),
      events: await count('pf_initiative_events'),
      audits: await t.auditCount(),
    };
    const missingOwner = await call('POST', '/api/portfolio/initiatives', proposer, form({ ownerUnitId: '' }));
    expect(missingOwner.status).toBe(400);
    expect(missingOwner.body.error.details).toEqual([expect.objectContaining({ path: '/ownerUnitId', problem: 'required' })]);

    const unknownGoal = await call(
      'POST',
      '/api/portfolio/initiatives',
      proposer,
      form({ goalIds: ['00000000-0000-4000-8000-000000000000'] }),
    );
    expect(unknownGoal.status).toBe(400);
    expect(unknownGoal.body.error.details).toEqual([expect.objectContaining({ path: '/goalIds/0', problem: 'unknown goal' })]);

    const both = await call(
      'POST',
      '/api/portfolio/initiatives',
      proposer,
      form({
        ownerUnitId: '00000000-0000-4000-8000-000000000001',
        goalIds: ['nope'],
        title: '  ',
        plannedStart: '2027-06',
        plannedEnd: '2027-01',
      }),
    );
    expect(both.status).toBe(400);
    expect(both.body.error.details.map((d: { path: string }) => d.path).sort()).toEqual([
      '/goalIds/0',
      '/ownerUnitId',
      '/plannedEnd',
      '/title',
    ]);

    const badCategory = await call('POST', '/api/portfolio/initiatives', proposer, { ...form(), category: 'fun' });
    expect(badCategory.status).toBe(400);
    expect(JSON.stringify(badCategory.body.error.details)).toContain('category');

    const negative = await call('POST', '/api/portfolio/initiatives', proposer, form({ estimatedCost: -1 }));
    expect(negative.status).toBe(400);
    expect(JSON.stringify(negative.body.error.details)).toContain('estimatedCost');

    const unknownAgent = await call(
      'POST',
      '/api/portfolio/initiatives',
      proposer,
      form({ digitalAgentId: '00000000-0000-4000-8000-000000000002' }),
    );
    expect(unknownAgent.status).toBe(400);

    expect(await count('pf_initiatives')).toBe(before.initiatives);
    expect(await count('pf_initiative_events')).toBe(before.events);
    expect(await t.auditCount()).toBe(before.audits);
  });
});

describe('[PORTFOLIO][OVERVIEW] filters, phase counts, traffic lights and export', () => {
  let inSchool: InitiativeDetail;
  let elsewhere: InitiativeDetail;

  beforeAll(async () => {
    inSchool = (
      await call(
        'POST',
        '/api/portfolio/initiatives',
        proposer,
        form({ title: '[Test] Lesekompis', goalIds: [goalB], decisionIds: [decision] }),
      )
    ).body as InitiativeDetail;
    elsewhere = (
      await call(
        'POST',
        '/api/portfolio/initiatives',
        proposer,
        form({ title: '[Test] Robot i regnskap', ownerUnitId: otherUnit, goalIds: [], digitalAgentId: null }),
      )
    ).body as InitiativeDetail;
    await db()
      .updateTable('pf_initiatives' as never)
      .set({ phase: 'execution' } as never)
      .where('id' as never, '=', elsewhere.id as never)
      .execute();
    await db()
      .insertInto('pf_status_reports' as never)
      .values([
        {
          initiative_id: elsewhere.id,
          period: '2026-09',
          scope_light: 'green',
          time_light: 'green',
          cost_light: 'green',
          benefits_light: 'green',
          reported_by: proposer.userId,
        },
        {
          initiative_id: elsewhere.id,
          period: '2026-10',
          scope_light: 'green',
          time_light: 'red',
          cost_light: 'yellow',
          benefits_light: 'green',
          reported_by: proposer.userId,
        },
      ] as never)
      .execute();
  });

  const list = async (query: string) => (await call('GET', `/api/portfolio/initiatives?${query}`, proposer)).body as Overview;
  const titles = (o: Overview) => o.rows.map((r) => r.title);

  it('filters by area, phase, goal, free text and political decision, and counts per phase', async () => {
    const byArea = await list(`area=${inSchool.area!.id}`);
    expect(titles(byArea)).toContain('[Test] Lesekompis');
    expect(titles(byArea)).not.toContain('[Test] Robot i regnskap');
    expect(byArea.rows.every((r) => r.area?.id === inSchool.area!.id)).toBe(true);

    const otherArea = await list(`area=${otherUnit}`);
    expect(titles(otherArea)).toEqual(['[Test] Robot i regnskap']);

    const execution = await list('phase=execution');
    expect(titles(execution)).toEqual(['[Test] Robot i regnskap']);
    expect(execution.total).toBe(1);
    expect(execution.rows[0]!.lights).toEqual({ period: '2026-10', scope: 'green', time: 'red', cost: 'yellow', benefits: 'green' });
    expect(execution.phaseCounts.find((p) => p.phase === 'execution')!.count).toBe(1);
    expect(execution.phaseCounts.find((p) => p.phase === 'idea')!.count).toBeGreaterThanOrEqual(3);

    expect(titles(await list(`goal=${goalB}`))).toEqual(['[Test] Lesekompis']);
    expect(titles(await list('q=lesekompis'))).toEqual(['[Test] Lesekompis']);
    // Free text searches problem, need and beneficiaries too, but a match never spans two fields.
    expect(titles(await list(`q=${encodeURIComponent('BESKJED om endringer')}`))).toContain('[Test] Lesekompis');
    expect((await list(`q=${encodeURIComponent('mobil. Foreldre')}`)).total).toBe(0);
    expect(titles(await list(`q=INI-${elsewhere.number}`))).toEqual(['[Test] Robot i regnskap']);
    expect(titles(await list(`decision=${decision}`)).sort()).toEqual(['[Test] Digital skolerute', '[Test] Lesekompis']);
    expect(titles(await list(`agent=${agent.id}&category=quality`))).not.toContain('[Test] Robot i regnskap');

    const paged = await list('pageSize=2&page=2');
    expect(paged.rows).toHaveLength(2);
    expect(paged.total).toBe(4);
    expect((await call('GET', '/api/portfolio/initiatives?phase=dreaming', proposer)).status).toBe(400);
  });

  it('exports the filtered list as CSV and XLSX', async () => {
    const csv = await call('GET', `/api/portfolio/initiatives/export?format=csv&phase=execution`, proposer);
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    const lines = (csv.body as string)
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toContain('Nummer;Tittel;Eierenhet;Område');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(`INI-${elsewhere.number};[Test] Robot i regnskap`);
    expect(lines[1]).toContain('Gjennomføre');
    expect(lines[1]).toContain('2026-10;Grønn;Rød;Gul;Grønn');

    const xlsx = await t.knutepunkt.app.inject({
      method: 'GET',
      url: '/api/portfolio/initiatives/export?format=xlsx',
      headers: proposer.headers,
    });
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });

  it('shows planned initiatives on the roadmap', async () => {
    const roadmap = (await call('GET', '/api/portfolio/roadmap', proposer)).body as Roadmap;
    const row = roadmap.rows.find((r) => r.id === inSchool.id);
    expect(row).toMatchObject({ plannedStart: '2027-01', plannedEnd: '2027-06', phase: 'idea', area: inSchool.area });
  });
});

describe('[PORTFOLIO][EDIT] editing the intake fields', () => {
  it('lets the proposer edit; a stale revision is refused with 409; an unrelated employee gets 403', async () => {
    const created = (await call('POST', '/api/portfolio/initiatives', proposer, form({ title: '[Test] Redigeres' })))
      .body as InitiativeDetail;
    const edited = await call('PUT', `/api/portfolio/initiatives/INI-${created.number}`, proposer, {
      ...form({ title: '[Test] Redigert', goalIds: [goalA, goalB] }),
      revision: 1,
    });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ title: '[Test] Redigert', revision: 2 });
    expect((edited.body as InitiativeDetail).goals.map((g) => g.id).sort()).toEqual([goalA, goalB].sort());
    expect((edited.body as InitiativeDetail).history.at(-1)).toMatchObject({
      type: 'edited',
      data: { fields: expect.arrayContaining(['title', 'goalIds']) },
    });

    const stale = await call('PUT', `/api/portfolio/initiatives/${created.id}`, proposer, {
      ...form({ title: '[Test] For sent' }),
      revision: 1,
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('stale');

    const stranger = await t.signInAs(['employee'], 'Uvedkommende');
    const refused = await call('PUT', `/api/portfolio/initiatives/${created.id}`, stranger, {
      ...form({ title: '[Test] Kapret' }),
      revision: 2,
    });
    expect(refused.status).toBe(403);
    expect((await call('GET', `/api/portfolio/initiatives/${created.id}`, stranger)).body).toMatchObject({
      title: '[Test] Redigert',
      mayEdit: false,
    });

    // The digital agent and the board may edit.
    const byBoard = await call('PUT', `/api/portfolio/initiatives/${created.id}`, board, {
      ...form({ title: '[Test] Styret retter' }),
      revision: 2,
    });
    expect(byBoard.status).toBe(200);
  });
});

describe('[PORTFOLIO][MERGE] merging overlapping proposals', () => {
  it('keeps both histories, unites goals and decisions, and refuses self, circular and non-board merges', async () => {
    const a = (await call('POST', '/api/portfolio/initiatives', proposer, form({ title: '[Test] Overlapp A', goalIds: [goalA] })))
      .body as InitiativeDetail;
    const b = (
      await call(
        'POST',
        '/api/portfolio/initiatives',
        proposer,
        form({ title: '[Test] Overlapp B', goalIds: [goalB], decisionIds: [decision] }),
      )
    ).body as InitiativeDetail;
    await call('PUT', `/api/portfolio/initiatives/${b.id}`, proposer, {
      ...form({ title: '[Test] Overlapp B2', goalIds: [goalB], decisionIds: [decision] }),
      revision: 1,
    });

    const notBoard = await call('POST', `/api/portfolio/initiatives/${b.id}/merge`, proposer, {
      into: String(a.number),
      rationale: 'Samme behov',
      revision: 2,
    });
    expect(notBoard.status).toBe(403);

    const self = await call('POST', `/api/portfolio/initiatives/${b.id}/merge`, board, { into: b.id, rationale: 'Samme', revision: 2 });
    expect(self.status).toBe(409);
    expect(self.body.error.message).toMatch(/seg selv|itself/);

    const stale = await call('POST', `/api/portfolio/initiatives/${b.id}/merge`, board, {
      into: `INI-${a.number}`,
      rationale: 'Samme behov',
      revision: 1,
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('stale');

    const merged = await call('POST', `/api/portfolio/initiatives/${b.id}/merge`, board, {
      into: `INI-${a.number}`,
      rationale: 'Samme behov',
      revision: 2,
    });
    expect(merged.status).toBe(200);
    const target = merged.body as InitiativeDetail;
    expect(target.id).toBe(a.id);
    expect(target.goals.map((g) => g.id).sort()).toEqual([goalA, goalB].sort());
    expect(target.decisions.map((d) => d.id)).toEqual([decision]);
    expect(target.mergedFrom).toEqual([{ id: b.id, number: b.number, title: '[Test] Overlapp B2' }]);
    const carried = target.history.filter((e) => e.fromInitiative?.id === b.id).map((e) => e.type);
    expect(carried).toEqual(['proposed', 'edited']);
    expect(target.history.filter((e) => !e.fromInitiative).map((e) => e.type)).toEqual(['proposed', 'merged_from']);

    const source = (await call('GET', `/api/portfolio/initiatives/${b.id}`, board)).body as InitiativeDetail;
    expect(source).toMatchObject({ state: 'merged', mergedInto: { id: a.id, number: a.number }, mayEdit: false, mayMerge: false });
    expect(source.history.map((e) => e.type)).toEqual(['proposed', 'edited', 'merged_into']);

    // Merged ones are hidden by default and shown on asking.
    expect((await call('GET', '/api/portfolio/initiatives?q=Overlapp', board)).body.rows.map((r: { id: string }) => r.id)).toEqual([a.id]);
    expect(
      (await call('GET', '/api/portfolio/initiatives?q=Overlapp&state=merged', board)).body.rows.map((r: { id: string }) => r.id),
    ).toEqual([b.id]);

    // Circular: A back into B (which is merged into A).
    const circular = await call('POST', `/api/portfolio/initiatives/${a.id}/merge`, board, {
      into: b.id,
      rationale: 'Tilbake',
      revision: target.revision,
    });
    expect(circular.status).toBe(409);
    expect(circular.body.error.message).toMatch(/sirkel|circle/);

    // Editing a merged one is refused.
    const editMerged = await call('PUT', `/api/portfolio/initiatives/${b.id}`, proposer, { ...form(), revision: source.revision });
    expect(editMerged.status).toBe(409);
  });
});

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTestApp, type SignedIn } from '../../../../../test/helpers/test-app.js';
import { todayInNorway } from '../../../../kernel/index.js';
import type { HrFeedRunDetail, HrFeedRunList, HrFeedStarted, HrFeedStatus } from '../../hr-feed.schemas.js';
import { leaderRoleTypes } from '../organisation.queries.js';
import type { OrganisationDb } from '../organisation.tables.js';
import { runHrFeed } from './run-hr-feed.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kp-hr-feed-'));
const token = 'hr-feed-test-token-0123456789abcdef';
const t = useTestApp({ env: { HR_FEED_DIR: dir, HR_FEED_TOKEN: token } });
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

interface Employment {
  key: string;
  name: string;
  position: string;
  unit: string;
  percent: number;
}
const header = 'Ansattnummer;Navn;Stillingsnummer;Organisasjonsenhet;Stillingsprosent;Fra dato;Til dato';
const csv = (rows: Employment[]) =>
  [header, ...rows.map((r) => `${r.key};${r.name};${r.position};${r.unit};${String(r.percent).replace('.', ',')};01.01.2024;`)].join(
    '\r\n',
  );

let editor: SignedIn;
let admin: SignedIn;
let reader: SignedIn;
let positions: { key: string; unitKey: string; roleType: string }[];
/** The organisation's people today, before the feed's own: the feed must include them, or they count as gone. */
let existing: Employment[];
let base: Employment[];

async function push(body: string, query = '', headers: Record<string, string> = { authorization: `Bearer ${token}` }) {
  return t.knutepunkt.app.inject({
    method: 'POST',
    url: `/api/organisation/hr-feed/runs${query}`,
    payload: body,
    headers: { 'content-type': 'text/csv', ...headers },
  });
}
async function counter(): Promise<number> {
  const { rows } = await sql<{ revision: string }>`select revision from org_change_counter where id = 1`.execute(t.database.db);
  return Number(rows[0]!.revision);
}
async function assignmentsOf(key: string) {
  const { rows } = await sql<{ position_key: string; fte: string; valid_to: string | null }>`
    select p.key as position_key, a.fte, a.valid_to from org_assignments a
    join org_people pe on pe.id = a.person_id join org_positions p on p.id = a.position_id
    where pe.key = ${key} order by p.key, a.valid_from`.execute(t.database.db);
  return rows.map((r) => ({ position: r.position_key, fte: Number(r.fte), validTo: r.valid_to }));
}

beforeAll(async () => {
  editor = await t.signInAs(['organisation_editor']);
  admin = await t.signInAs(['administrator']);
  reader = await t.signInAs(['employee']);
  const exported = (
    await t.knutepunkt.app.inject({ method: 'GET', url: '/api/organisation/export', headers: { cookie: editor.cookie } })
  ).json() as {
    positions: { key: string; unitKey: string; roleType: string }[];
    people: { key: string; name: string }[];
    assignments: { personKey: string; positionKey: string; fte: number; validTo: string | null }[];
  };
  positions = exported.positions;
  const unitOf = new Map(positions.map((p) => [p.key, p.unitKey]));
  const nameOf = new Map(exported.people.map((p) => [p.key, p.name]));
  existing = exported.assignments
    .filter((a) => a.validTo === null)
    .map((a) => ({
      key: a.personKey,
      name: nameOf.get(a.personKey)!,
      position: a.positionKey,
      unit: unitOf.get(a.positionKey)!,
      percent: a.fte * 100,
    }));
  const free = positions.filter((p) => !existing.some((e) => e.position === p.key));
  base = Array.from({ length: 20 }, (_, i) => ({
    key: `E${1001 + i}`,
    name: `Ansatt ${i + 1}`,
    position: free[i]!.key,
    unit: free[i]!.unitKey,
    percent: i === 1 ? 50 : 100,
  }));
  // The second person also holds a second post half time: the delta below ends it.
  base.push({ key: 'E1002', name: 'Ansatt 2', position: free[20]!.key, unit: free[20]!.unitKey, percent: 50 });
  // The first load a year back, so what the feed ends today has a day of its own behind it.
  const first = await runHrFeed(
    t.database.db as unknown as OrganisationDb,
    { bytes: Buffer.from(csv([...existing, ...base])), fileName: 'grunnlag.csv', source: 'api', startedBy: null, requestId: null },
    { maxRemovalShare: 0.05, date: '2025-01-01' },
  );
  expect(first).toMatchObject({ outcome: 'applied', counts: { peopleNew: 20, assignmentsNew: 21, assignmentsEnded: 0 } });
});

describe('the HR feed through the API', () => {
  it('applies a delta: a new person, a new name, a changed share and an ended assignment, audited', async () => {
    const audits = await t.auditCount();
    const changed = base
      .filter((r, i) => i !== 20) // E1002's second post is gone
      .map((r) => (r.key === 'E1001' ? { ...r, percent: 60 } : r.key === 'E1003' ? { ...r, name: 'Ansatt Tre' } : r));
    const newcomer = {
      key: 'E1099',
      name: 'Ny Ansatt',
      position: positions.find((p) => ![...existing, ...base].some((e) => e.position === p.key))!.key,
      unit: '',
      percent: 100,
    };
    newcomer.unit = positions.find((p) => p.key === newcomer.position)!.unitKey;
    const response = await push(csv([...existing, ...changed, newcomer]), '?fileName=uke-2.csv');
    expect(response.statusCode, response.body).toBe(201);
    const run = response.json() as HrFeedRunDetail;
    expect(run.outcome).toBe('applied');
    expect(run.counts).toMatchObject({
      peopleNew: 1,
      peopleRenamed: 1,
      assignmentsNew: 1,
      assignmentsChanged: 1,
      assignmentsEnded: 1,
      peopleGone: 0,
    });
    expect(await assignmentsOf('E1001')).toEqual([{ position: base[0]!.position, fte: 0.6, validTo: null }]);
    expect((await assignmentsOf('E1002')).find((a) => a.position === base[20]!.position)!.validTo).toBe(todayInNorway());
    expect(await assignmentsOf('E1099')).toEqual([{ position: newcomer.position, fte: 1, validTo: null }]);
    expect(run.changes.map((c) => c.action).sort()).toEqual(['change', 'change', 'create', 'create', 'end']);
    // One entry per change through the commands, and one for the run.
    expect(await t.auditCount()).toBeGreaterThanOrEqual(audits + 5);
    base = [...changed, newcomer];
  });

  it('changes nothing on a dry run', async () => {
    const before = await counter();
    const response = await push(csv([...existing, ...base.map((r) => ({ ...r, percent: 40 }))]), '?dryRun=true');
    expect(response.statusCode, response.body).toBe(201);
    const run = response.json() as HrFeedRunDetail;
    expect(run).toMatchObject({ outcome: 'checked', dryRun: true });
    expect(run.counts!.assignmentsChanged).toBeGreaterThan(0);
    expect(await counter()).toBe(before);
    expect((await assignmentsOf('E1001'))[0]!.fte).toBe(0.6);
  });

  it('refuses a file missing half the people, and applies nothing', async () => {
    const before = await counter();
    const response = await push(csv([...existing, ...base.slice(0, 10)]));
    expect(response.statusCode).toBe(409);
    const error = response.json() as {
      error: { code: string; details: { runId: string; outcome: string; problems: { message: { en: string } }[] } };
    };
    expect(error.error.details.outcome).toBe('refused');
    expect(error.error.details.problems[0]!.message.en).toMatch(/lacks 11 of the 2\d people/);
    expect(await counter()).toBe(before);
  });

  it('refuses repeated employee numbers by row, and applies nothing', async () => {
    const before = await counter();
    const file = {
      format: 'knutepunkt-organisation',
      version: 1,
      people: [
        ...new Map([...existing, ...base].map((r) => [r.key, { key: r.key, name: r.name }])).values(),
        { key: base[4]!.key, name: 'En Annen' },
      ],
      assignments: [...existing, ...base].map((r) => ({ personKey: r.key, positionKey: r.position, fte: r.percent / 100 })),
    };
    const response = await push(JSON.stringify(file), '', { authorization: `Bearer ${token}`, 'content-type': 'application/json' });
    expect(response.statusCode, response.body).toBe(409);
    const problems = (response.json() as { error: { details: { problems: { sheet: string; row: number; column: string }[] } } }).error
      .details.problems;
    expect(problems).toEqual([expect.objectContaining({ sheet: 'people', row: file.people.length, column: 'key' })]);
    expect(await counter()).toBe(before);
  });

  it('refuses a person in two leader positions at 100 % each, and unknown unit keys, by row', async () => {
    const before = await counter();
    const leaders = positions.filter(
      (p) => (leaderRoleTypes as readonly string[]).includes(p.roleType) && ![...existing, ...base].some((e) => e.position === p.key),
    );
    const rows = [
      ...existing,
      ...base,
      { key: 'E1200', name: 'Leder Dobbel', position: leaders[0]!.key, unit: leaders[0]!.unitKey, percent: 100 },
      { key: 'E1200', name: 'Leder Dobbel', position: leaders[1]!.key, unit: leaders[1]!.unitKey, percent: 100 },
      { ...base[6]!, unit: 'finnes-ikke' },
    ];
    rows.splice(existing.length + 6, 1); // E1007's own row is replaced by the one with the unknown unit
    const response = await push(csv(rows));
    expect(response.statusCode).toBe(409);
    const run = (
      await t.knutepunkt.app.inject({
        method: 'GET',
        url: `/api/organisation/hr-feed/runs/${(response.json() as { error: { details: { runId: string } } }).error.details.runId}`,
        headers: { cookie: editor.cookie },
      })
    ).json() as HrFeedRunDetail;
    expect(run.outcome).toBe('refused');
    // Row 1 is the header.
    expect(run.problems.map((p) => [p.row, p.column]).sort((a, b) => Number(a[0]) - Number(b[0]))).toEqual([
      [rows.length, 'Stillingsprosent'],
      [rows.length + 1, 'Organisasjonsenhet'],
    ]);
    expect(await counter()).toBe(before);
  });

  it('refuses without the right token', async () => {
    const attempts: Record<string, string>[] = [
      {},
      { authorization: 'Bearer wrong-token-wrong-token-wrong-token' },
      { authorization: token },
      { cookie: editor.cookie, 'x-csrf-token': editor.csrfToken },
    ];
    for (const headers of attempts) {
      const response = await push(csv(base), '', headers);
      expect(response.statusCode).toBe(401);
      expect((response.json() as { error: { code: string } }).error.code).toBe('unauthenticated');
    }
  });
});

describe('the HR feed folder and the status', () => {
  it('reads the waiting files in the folder, moves them to done/ or failed/, and leaves half-written ones', async () => {
    fs.writeFileSync(
      path.join(dir, '1-uke-3.csv'),
      csv([...existing, ...base.map((r) => (r.key === 'E1010' ? { ...r, name: 'Ansatt Ti' } : r))]),
    );
    fs.writeFileSync(
      path.join(dir, '2-feil.csv'),
      csv([...existing, ...base.map((r) => (r.key === 'E1011' ? { ...r, unit: 'ukjent-enhet' } : r))]),
    );
    fs.writeFileSync(path.join(dir, '3-skrives.csv.tmp'), 'halv');
    const start = (as: SignedIn) =>
      t.knutepunkt.app.inject({ method: 'POST', url: '/api/organisation/hr-feed/runs/start', headers: as.headers });
    // It changes the whole organisation: administrators only, as applying a scenario.
    expect((await start(editor)).statusCode).toBe(403);
    const response = await start(admin);
    expect(response.statusCode, response.body).toBe(200);
    const { runs } = response.json() as HrFeedStarted;
    expect(runs.map((r) => [r.fileName, r.source, r.outcome])).toEqual([
      ['1-uke-3.csv', 'folder', 'applied'],
      ['2-feil.csv', 'folder', 'refused'],
    ]);
    expect(fs.readdirSync(dir).sort()).toEqual(['3-skrives.csv.tmp', 'done', 'failed']);
    expect(fs.readdirSync(path.join(dir, 'done'))).toEqual([expect.stringMatching(/^\d{4}-\d{2}-\d{2}T.*-1-uke-3\.csv$/)]);
    expect(fs.readdirSync(path.join(dir, 'failed'))).toEqual([expect.stringMatching(/-2-feil\.csv$/)]);
  });

  it('shows editors the runs, and that the last one failed; keeps others out', async () => {
    const list = (
      await t.knutepunkt.app.inject({ method: 'GET', url: '/api/organisation/hr-feed/runs', headers: { cookie: editor.cookie } })
    ).json() as HrFeedRunList;
    expect(list.settings).toEqual({ folderConfigured: true, apiConfigured: true, maxRemovalShare: 0.05, intervalSeconds: 300 });
    expect(list.failing).toBe(true);
    expect(list.runs[0]).toMatchObject({ fileName: '2-feil.csv', outcome: 'refused', problemCount: 1 });
    const status = (
      await t.knutepunkt.app.inject({ method: 'GET', url: '/api/organisation/hr-feed/status', headers: { cookie: editor.cookie } })
    ).json() as HrFeedStatus;
    expect(status).toMatchObject({ failing: true, lastRun: { fileName: '2-feil.csv' } });
    const detail = (
      await t.knutepunkt.app.inject({
        method: 'GET',
        url: `/api/organisation/hr-feed/runs/${list.runs[0]!.id}`,
        headers: { cookie: editor.cookie },
      })
    ).json() as HrFeedRunDetail;
    expect(detail.problems[0]).toMatchObject({ column: 'Organisasjonsenhet', file: '2-feil.csv' });
    for (const url of ['/api/organisation/hr-feed/runs', '/api/organisation/hr-feed/status']) {
      expect((await t.knutepunkt.app.inject({ method: 'GET', url, headers: { cookie: reader.cookie } })).statusCode).toBe(403);
    }
    expect(
      (await t.knutepunkt.app.inject({ method: 'GET', url: '/api/organisation/hr-feed/runs/nope', headers: { cookie: editor.cookie } }))
        .statusCode,
    ).toBe(404);
    const { rows } = await sql<{
      action: string;
    }>`select action from audit_log where entity_type = 'organisation_hr_feed_run' order by id`.execute(t.database.db);
    expect(rows.map((r) => r.action)).toContain('refuse');
  });
});

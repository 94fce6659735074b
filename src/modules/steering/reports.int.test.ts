import { inflateRawSync } from 'node:zlib';
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp, type SignedIn } from '../../../test/helpers/test-app.js';
import type { ReportArea, ReportDetail, ReportList } from './reports.schemas.js';
import type { SteeringDb } from './server/steering.tables.js';

// The reports on both databases: a tertial report assembled from data inserted here (indicators,
// budget, decisions), filled in by a unit leader, reviewed and published by an analyst, then locked.

const t = useTestApp();
const db = () => t.database.db as unknown as SteeringDb;

type Method = 'GET' | 'POST' | 'PUT';

async function send(method: Method, url: string, user: SignedIn, payload?: unknown, language = 'nb') {
  return t.knutepunkt.app.inject({
    method,
    url,
    headers: { ...user.headers, 'accept-language': language },
    ...(payload === undefined ? {} : { payload: payload as object }),
  });
}

let analyst: SignedIn;
let leader: SignedIn;
let employee: SignedIn;
let leaderUnitId: string;
let otherUnitId: string;
let areaA: string;
let areaB: string;
let reportId: string;
/** The decisions this test inserted (the built-in dataset may hold others for the same units). */
const ours = new Set<string>();

const today = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Oslo' }).format(new Date());

/** One entry of a zip file (a DOCX is one), found through the central directory and inflated; null if absent. */
function zipEntry(bytes: Buffer, name: string): string | null {
  let end = bytes.length - 22;
  while (end >= 0 && bytes.readUInt32LE(end) !== 0x06054b50) end -= 1;
  if (end < 0) return null;
  let offset = bytes.readUInt32LE(end + 16);
  for (let n = bytes.readUInt16LE(end + 10); n > 0; n -= 1) {
    const nameLength = bytes.readUInt16LE(offset + 28);
    const entryName = bytes.toString('utf8', offset + 46, offset + 46 + nameLength);
    if (entryName === name) {
      const method = bytes.readUInt16LE(offset + 10);
      const compressed = bytes.readUInt32LE(offset + 20);
      const local = bytes.readUInt32LE(offset + 42);
      const start = local + 30 + bytes.readUInt16LE(local + 26) + bytes.readUInt16LE(local + 28);
      const data = bytes.subarray(start, start + compressed);
      return (method === 8 ? inflateRawSync(data) : data).toString('utf8');
    }
    offset += 46 + nameLength + bytes.readUInt16LE(offset + 30) + bytes.readUInt16LE(offset + 32);
  }
  return null;
}

async function placed(positionId: string, name: string): Promise<SignedIn> {
  const user = await t.signInAs(['employee'], name);
  await t.placeUser(user.userId, name, positionId);
  return user;
}

async function indicator(
  key: string,
  fields: {
    direction: 'higher' | 'lower';
    frequency: 'month' | 'tertial' | 'year';
    green?: number;
    red?: number;
    active?: boolean;
    area?: string;
  },
) {
  const row = await db()
    .insertInto('st_indicators')
    .values({
      key,
      name: `Indikator ${key}`,
      direction: fields.direction,
      frequency: fields.frequency,
      data_source: 'manual',
      green_at: fields.green ?? null,
      red_at: fields.red ?? null,
      area_id: fields.area ?? areaA,
      active: fields.active ?? true,
      synthetic: true,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

async function value(indicatorId: string, period: string, amount: number, unitId: string | null = null) {
  await db()
    .insertInto('st_indicator_values')
    .values({ indicator_id: indicatorId, period, value: amount, unit_id: unitId, origin: 'synthetic' })
    .execute();
}

async function decision(fields: {
  caseNumber: string;
  meetingDate: string;
  unitId: string;
  status?: string;
  deadline?: string;
  completedOn?: string;
  title: string;
}) {
  const row = await db()
    .insertInto('st_political_decisions')
    .values({
      body: 'city_council',
      meeting_date: fields.meetingDate,
      case_number: fields.caseNumber,
      title: fields.title,
      responsible_unit_id: fields.unitId,
      status: (fields.status ?? 'in_progress') as 'in_progress',
      deadline: fields.deadline ?? null,
      completed_on: fields.completedOn ?? null,
      synthetic: true,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  ours.add(row.id);
  return row.id;
}

/** The report's rows and the audit log: a refused write must leave them as they were. */
async function stored() {
  const reports = await db().selectFrom('st_reports').selectAll().execute();
  const sections = await db().selectFrom('st_report_sections').selectAll().orderBy('id').execute();
  return { reports: JSON.stringify(reports), sections: JSON.stringify(sections), audits: await t.auditCount() };
}

async function report(user: SignedIn = analyst): Promise<ReportDetail> {
  const response = await send('GET', `/api/steering/reports/${reportId}`, user);
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as ReportDetail;
}

const areaOf = (detail: ReportDetail, areaId: string): ReportArea => detail.areas.find((a) => a.areaId === areaId)!;

beforeAll(async () => {
  analyst = await t.signInAs(['analyst'], 'Anna Analytiker');
  employee = await t.signInAs(['employee'], 'Espen Ansatt');
  const position = await db()
    .selectFrom('org_position_versions as pv')
    .innerJoin('org_unit_versions as uv', (join) => join.onRef('uv.unit_id', '=', 'pv.unit_id').on('uv.valid_to', 'is', null))
    .select(['pv.position_id', 'pv.unit_id'])
    .where('pv.role_type', '=', 'unit_leader')
    .where('pv.valid_to', 'is', null)
    .where('pv.valid_from', '<=', today)
    .where('uv.parent_id', 'is not', null)
    .orderBy('pv.position_id')
    .executeTakeFirstOrThrow();
  leaderUnitId = position.unit_id;
  // The top of the organisation: a unit leader further down does not lead it.
  const top = await db()
    .selectFrom('org_unit_versions')
    .select('unit_id')
    .where('parent_id', 'is', null)
    .where('valid_to', 'is', null)
    .executeTakeFirstOrThrow();
  otherUnitId = top.unit_id;
  leader = await placed(position.position_id, 'Lise Enhetsleder');

  // Only this test's two programme areas are active, so the report has exactly their sections.
  await db().updateTable('st_programme_areas').set({ active: false }).execute();
  areaA = (
    await db()
      .insertInto('st_programme_areas')
      .values({ code: 'T07', name: 'Ledelse, organisering og styring', sort_order: 1, synthetic: true })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
  areaB = (
    await db()
      .insertInto('st_programme_areas')
      .values({ code: 'T08', name: 'Kultur', sort_order: 2, synthetic: true })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
  await db()
    .insertInto('st_area_units')
    .values([
      { area_id: areaA, unit_id: leaderUnitId },
      { area_id: areaB, unit_id: otherUnitId },
    ])
    .execute();

  // Indicators of area A as of 30 April 2026.
  const red1 = await indicator('rpt-red-tertial', { direction: 'higher', frequency: 'tertial', green: 80, red: 60 });
  await value(red1, '2025-T3', 85);
  await value(red1, '2026-T1', 55);
  await value(red1, '2026-T2', 95); // after the as-of date: not counted
  await db().insertInto('st_indicator_targets').values({ indicator_id: red1, period: '2026-T1', target: 80 }).execute();
  const yellow = await indicator('rpt-yellow-year', { direction: 'lower', frequency: 'year', green: 10, red: 20 });
  await value(yellow, '2025', 15);
  await value(yellow, '2026', 5); // the year has not ended
  const red2 = await indicator('rpt-red-unit-mean', { direction: 'higher', frequency: 'month' });
  await value(red2, '2026-04', 40, leaderUnitId);
  await value(red2, '2026-04', 50, otherUnitId);
  await value(red2, '2026-05', 100, leaderUnitId);
  await db().insertInto('st_indicator_targets').values({ indicator_id: red2, period: '2026-04', target: 50 }).execute();
  const none = await indicator('rpt-none', { direction: 'higher', frequency: 'year' });
  await value(none, '2025', 3);
  const old = await indicator('rpt-old', { direction: 'higher', frequency: 'year', green: 1, red: 0 });
  await value(old, '2020', 3); // older than the as-of year and the two before
  const green = await indicator('rpt-green', { direction: 'higher', frequency: 'tertial', green: 80, red: 60 });
  await value(green, '2026-T1', 80);
  const inactive = await indicator('rpt-inactive', { direction: 'higher', frequency: 'year', green: 1, red: 0, active: false });
  await value(inactive, '2025', -5);

  // Budget of area A for 2026: an overspend of 1 million kroner at the first tertial (as in seed 004).
  await db()
    .insertInto('st_budgets')
    .values([
      { area_id: areaA, year: 2026, kind: 'budget', plan_year: 2026, amount: 100_000_000, synthetic: true },
      { area_id: areaA, year: 2026, kind: 'plan', plan_year: 2025, amount: 90_000_000, synthetic: true },
    ])
    .execute();
  await db()
    .insertInto('st_actuals')
    .values(
      [1, 2, 3, 4, 5].map((month) => ({ area_id: areaA, year: 2026, month, amount: month === 5 ? 9_000_000 : 8_000_000, synthetic: true })),
    )
    .execute();
  await db()
    .insertInto('st_forecasts')
    .values([
      { area_id: areaA, year: 2026, as_of_month: 3, amount: 100_500_000, synthetic: true },
      { area_id: areaA, year: 2026, as_of_month: 4, amount: 101_000_000, comment: 'Merforbruk på kommunereformen', synthetic: true },
      { area_id: areaA, year: 2026, as_of_month: 5, amount: 99_000_000, synthetic: true },
    ])
    .execute();

  const d1 = await decision({
    caseNumber: '53/17',
    meetingDate: '2017-04-25',
    unitId: otherUnitId,
    title: 'Arbeidslivskriminalitet og sosial dumping',
  });
  await decision({
    caseNumber: '12/26',
    meetingDate: '2026-02-10',
    unitId: leaderUnitId,
    deadline: '2026-03-01',
    title: 'Forsinket vedtak',
  });
  await decision({
    caseNumber: '90/25',
    meetingDate: '2025-03-01',
    unitId: leaderUnitId,
    status: 'completed',
    completedOn: '2025-06-01',
    title: 'Gammelt fullført',
  });
  await decision({ caseNumber: '40/26', meetingDate: '2026-06-01', unitId: leaderUnitId, title: 'Etter rapportdatoen' });
  await db()
    .insertInto('st_adjustments')
    .values([
      {
        area_id: areaA,
        year: 2026,
        title: 'Kontrolltjenester fra Kemneren',
        reason: 'Som varslet i sak 53/17',
        amount: 1_500_000,
        decision_id: d1,
        synthetic: true,
        created_at: new Date('2026-03-01T10:00:00Z'),
      },
      {
        area_id: areaA,
        year: 2026,
        title: 'Eksternt varslingsmottak',
        amount: 150_000,
        decision_reference: 'sak 60/17, 30.5.17',
        synthetic: true,
        created_at: new Date('2026-03-02T10:00:00Z'),
      },
      // Proposed first, but rejected: listed last.
      {
        area_id: areaA,
        year: 2026,
        title: 'Avvist tiltak',
        amount: 999,
        status: 'rejected',
        synthetic: true,
        created_at: new Date('2026-02-01T10:00:00Z'),
      },
    ])
    .execute();
});

describe('reports', () => {
  it('creates a tertial report with a section per active programme area, once', async () => {
    const response = await send('POST', '/api/steering/reports', analyst, { kind: 'tertial', period: '2026-T1' });
    expect(response.statusCode, response.body).toBe(201);
    const created = response.json() as ReportDetail;
    reportId = created.id;
    expect(created).toMatchObject({ title: 'Tertialrapport 1. tertial 2026', asOf: '2026-04-30', status: 'draft', frozen: false });
    expect(created.areas.map((a) => a.code)).toEqual(['T07', 'T08']);
    expect(created.areas.every((a) => a.section.state === 'open')).toBe(true);

    const before = await stored();
    const again = await send('POST', '/api/steering/reports', analyst, { kind: 'tertial', period: '2026-T1' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toMatch(/finnes allerede/);
    const third = await send('POST', '/api/steering/reports', analyst, { kind: 'tertial', period: '2026-T3' });
    expect(third.statusCode).toBe(400);
    expect(third.json().error.message).toMatch(/årsrapport/);
    expect((await send('POST', '/api/steering/reports', analyst, { kind: 'month', period: '2026-13' })).statusCode).toBe(400);
    expect((await send('POST', '/api/steering/reports', employee, { kind: 'year', period: '2026' })).statusCode).toBe(403);
    expect(await stored()).toEqual(before);

    const list = (await send('GET', '/api/steering/reports', employee)).json() as ReportList;
    expect(list.canCreate).toBe(false);
    expect(list.reports.find((r) => r.id === reportId)).toMatchObject({ sections: 2, approved: 0 });
  });

  it('assembles the indicator status as of 30 April from the values that had ended by then', async () => {
    const area = areaOf(await report(), areaA);
    expect(area.indicators).toMatchObject({ total: 6, green: 1, yellow: 1, red: 2, none: 2 });
    const byKey = new Map(area.indicators.items.map((i) => [i.key, i]));
    expect(byKey.has('rpt-inactive')).toBe(false);
    expect(byKey.get('rpt-red-tertial')).toMatchObject({ status: 'red', period: '2026-T1', value: 55, target: 80, basis: 'municipality' });
    expect(byKey.get('rpt-yellow-year')).toMatchObject({ status: 'yellow', period: '2025', value: 15 });
    expect(byKey.get('rpt-red-unit-mean')).toMatchObject({ status: 'red', period: '2026-04', value: 45, target: 50, basis: 'unit_mean' });
    expect(byKey.get('rpt-none')).toMatchObject({ status: 'none', value: 3 });
    expect(byKey.get('rpt-old')).toMatchObject({ status: 'none', period: null, value: null });
    expect(byKey.get('rpt-green')).toMatchObject({ status: 'green', value: 80 });
  });

  it('assembles the budget deviation, the measures and the decisions status table', async () => {
    const detail = await report();
    const area = areaOf(detail, areaA);
    expect(area.budget).toMatchObject({
      year: 2026,
      asOfMonth: 4,
      budget: 100_000_000,
      actualYtd: 32_000_000,
      forecast: 101_000_000,
      forecastComment: 'Merforbruk på kommunereformen',
      deviation: 1_000_000,
      deviationPercent: 1,
      adjustmentsTotal: 1_650_000,
    });
    // In the order proposed, rejected ones last.
    expect(area.budget.adjustments.map((a) => [a.title, a.decisionCaseNumber ?? a.decisionReference])).toEqual([
      ['Kontrolltjenester fra Kemneren', '53/17'],
      ['Eksternt varslingsmottak', 'sak 60/17, 30.5.17'],
      ['Avvist tiltak', null],
    ]);
    expect(area.decisions.filter((d) => ours.has(d.id)).map((d) => [d.caseNumber, d.status, d.overdue])).toEqual([
      ['53/17', 'in_progress', false],
      ['12/26', 'in_progress', true],
    ]);
    expect(area.decisions.find((d) => d.caseNumber === '12/26')!.responsibleUnit).toEqual(expect.any(String));
    const other = areaOf(detail, areaB);
    expect(other.budget).toMatchObject({ budget: null, forecast: null, deviation: null });
    expect(other.decisions.filter((d) => ours.has(d.id)).map((d) => d.caseNumber)).toEqual(['53/17']);
  });

  it('lets a leader of the area’s unit write, and nobody else', async () => {
    const asLeader = await report(leader);
    expect(areaOf(asLeader, areaA).canEdit).toBe(true);
    expect(areaOf(asLeader, areaB).canEdit).toBe(false);
    expect(asLeader.canReview).toBe(false);
    const section = areaOf(asLeader, areaA).section;
    const body = {
      statusText: 'Merforbruk på 1 million kroner.',
      assessment: 'Behov for å styrke økonomien.',
      conclusion: 'Styrkes med 9,4 millioner kroner.',
      revision: section.revision,
    };

    const before = await stored();
    const refused = await send('PUT', `/api/steering/reports/${reportId}/sections/${areaA}`, employee, body);
    expect(refused.statusCode).toBe(403);
    const otherArea = areaOf(asLeader, areaB).section;
    expect(
      (await send('PUT', `/api/steering/reports/${reportId}/sections/${areaB}`, leader, { ...body, revision: otherArea.revision }))
        .statusCode,
    ).toBe(403);
    expect(
      (await send('POST', `/api/steering/reports/${reportId}/sections/${areaA}/approve`, leader, { revision: section.revision }))
        .statusCode,
    ).toBe(403);
    expect(await stored()).toEqual(before);

    const saved = await send('PUT', `/api/steering/reports/${reportId}/sections/${areaA}`, leader, body);
    expect(saved.statusCode, saved.body).toBe(200);
    const after = areaOf(saved.json() as ReportDetail, areaA).section;
    expect(after).toMatchObject({
      statusText: body.statusText,
      assessment: body.assessment,
      conclusion: body.conclusion,
      revision: section.revision + 1,
      updatedBy: 'Lise Enhetsleder',
    });
    const audit = await db()
      .selectFrom('audit_log')
      .select(['action', 'actor_user_id'])
      .where('entity_type', '=', 'steering_report_section')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(audit).toEqual({ action: 'update', actor_user_id: leader.userId });
  });

  it('refuses a stale write and leaves everything as it was', async () => {
    const before = await stored();
    const stale = await send('PUT', `/api/steering/reports/${reportId}/sections/${areaA}`, leader, {
      statusText: 'x',
      assessment: 'y',
      conclusion: 'z',
      revision: 1,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('stale');
    expect(await stored()).toEqual(before);
  });

  it('goes through submit, return with a comment, approve, and refuses publishing until all are approved', async () => {
    let detail = await report(leader);
    let revision = areaOf(detail, areaA).section.revision;
    let response = await send('POST', `/api/steering/reports/${reportId}/sections/${areaA}/submit`, leader, { revision });
    expect(response.statusCode, response.body).toBe(200);
    detail = response.json() as ReportDetail;
    expect(detail.status).toBe('in_review');
    revision = areaOf(detail, areaA).section.revision;

    response = await send('POST', `/api/steering/reports/${reportId}/sections/${areaA}/return`, analyst, {
      revision,
      comment: 'Skriv mer om tiltakene.',
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(areaOf(response.json() as ReportDetail, areaA).section).toMatchObject({
      state: 'returned',
      reviewComment: 'Skriv mer om tiltakene.',
    });
    revision = areaOf(response.json() as ReportDetail, areaA).section.revision;

    response = await send('POST', `/api/steering/reports/${reportId}/sections/${areaA}/approve`, analyst, { revision });
    expect(response.statusCode, response.body).toBe(200);
    detail = response.json() as ReportDetail;
    expect(areaOf(detail, areaA).section).toMatchObject({ state: 'approved', reviewComment: null });
    expect(detail.notApproved.map((a) => a.code)).toEqual(['T08']);

    const before = await stored();
    const early = await send('POST', `/api/steering/reports/${reportId}/publish`, analyst, { revision: detail.revision });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.message).toMatch(/Ikke godkjent: T08 Kultur/);
    expect(early.json().error.details.notApproved).toEqual([{ areaId: areaB, code: 'T08', name: 'Kultur', state: 'open' }]);
    expect(await stored()).toEqual(before);
  });

  it('publishes, freezes the content and locks the report', async () => {
    let detail = await report();
    const response = await send('POST', `/api/steering/reports/${reportId}/sections/${areaB}/approve`, analyst, {
      revision: areaOf(detail, areaB).section.revision,
    });
    expect(response.statusCode, response.body).toBe(200);
    detail = response.json() as ReportDetail;
    const stale = await send('POST', `/api/steering/reports/${reportId}/publish`, analyst, { revision: detail.revision - 1 });
    expect(stale.statusCode).toBe(409);
    const published = await send('POST', `/api/steering/reports/${reportId}/publish`, analyst, { revision: detail.revision });
    expect(published.statusCode, published.body).toBe(200);
    const frozen = published.json() as ReportDetail;
    expect(frozen).toMatchObject({ status: 'published', frozen: true, publishedBy: 'Anna Analytiker', canReview: false });
    expect(frozen.publishedAt).toEqual(expect.any(String));
    expect(frozen.areas.every((a) => !a.canEdit)).toBe(true);
    const row = await db()
      .selectFrom('st_reports')
      .select(['snapshot', 'published_by'])
      .where('id', '=', reportId)
      .executeTakeFirstOrThrow();
    expect(row.published_by).toBe(analyst.userId);
    expect((row.snapshot as { areas: unknown[] }).areas).toHaveLength(2);
  });

  it('refuses every edit after publishing in both languages, and nothing changes', async () => {
    const detail = await report();
    const section = areaOf(detail, areaA).section;
    const before = await stored();
    const attempts: [Method, string, SignedIn, unknown][] = [
      [
        'PUT',
        `/api/steering/reports/${reportId}/sections/${areaA}`,
        analyst,
        { statusText: 'Endret', assessment: '', conclusion: '', revision: section.revision },
      ],
      [
        'PUT',
        `/api/steering/reports/${reportId}/sections/${areaA}`,
        leader,
        { statusText: 'Endret', assessment: '', conclusion: '', revision: section.revision },
      ],
      ['POST', `/api/steering/reports/${reportId}/sections/${areaA}/return`, analyst, { revision: section.revision, comment: 'Nei' }],
      ['POST', `/api/steering/reports/${reportId}/sections/${areaA}/submit`, leader, { revision: section.revision }],
      ['POST', `/api/steering/reports/${reportId}/publish`, analyst, { revision: detail.revision }],
    ];
    for (const [method, url, user, payload] of attempts) {
      const nb = await send(method, url, user, payload, 'nb');
      expect(nb.statusCode, url).toBe(409);
      expect(nb.json().error.message).toBe('Rapporten er publisert og låst');
      const en = await send(method, url, user, payload, 'en');
      expect(en.json().error.message).toBe('The report is published and locked');
    }
    expect(await stored()).toEqual(before);
  });

  it('returns the frozen snapshot even after the data changes', async () => {
    const before = await report();
    await db().updateTable('st_forecasts').set({ amount: 150_000_000 }).where('area_id', '=', areaA).execute();
    await sql`update st_indicator_values set value = 99 where period = '2026-T1'`.execute(db());
    await db().updateTable('st_programme_areas').set({ name: 'Nytt navn' }).where('id', '=', areaA).execute();
    const after = await report();
    expect(after.areas).toEqual(before.areas);
    expect(areaOf(after, areaA)).toMatchObject({
      name: 'Ledelse, organisering og styring',
      budget: { forecast: 101_000_000, deviation: 1_000_000 },
    });
    expect(areaOf(after, areaA).indicators.red).toBe(2);
  });

  it('exports the report’s tables as CSV, all in one with a section column or one table', async () => {
    const all = await send('GET', `/api/steering/reports/${reportId}/export?format=csv`, employee);
    expect(all.statusCode).toBe(200);
    expect(all.headers['content-type']).toMatch(/text\/csv/);
    const lines = all.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toMatch(/^Del;Programområde;/);
    expect(lines.some((l) => l.startsWith('Budsjett;T07;') && l.includes(';1000000;1;'))).toBe(true);
    expect(lines.some((l) => l.startsWith('Politiske vedtak;T07;') && l.includes('53/17'))).toBe(true);
    expect(
      lines.some((l) => l.startsWith('Indikatorer;T07;Ledelse, organisering og styring;Indikator rpt-red-tertial;2026-T1;55;80;Rød')),
    ).toBe(true);
    const decisions = await send('GET', `/api/steering/reports/${reportId}/export?format=csv&table=decisions`, employee);
    expect(decisions.body.replace(/^\uFEFF/, '').split('\r\n')[0]).toBe(
      'Programområde;Navn på programområde;Saksnummer;Møtedato;Tittel;Ansvarlig enhet;Frist;Status',
    );
    expect((await send('GET', `/api/steering/reports/${reportId}/export?format=pdf`, employee)).statusCode).toBe(400);
  });

  it('exports the whole report as a Word document with headings, texts and tables', async () => {
    const answer = await send('GET', `/api/steering/reports/${reportId}/export?format=docx`, employee);
    expect(answer.statusCode).toBe(200);
    expect(answer.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(answer.headers['content-disposition']).toMatch(/^attachment; filename="tertialrapport-2026-T1\.docx"$/);
    const document = zipEntry(answer.rawPayload, 'word/document.xml');
    expect(document).not.toBeNull();
    // The area's conclusion, the decision's case number, the red indicator and the budget deviation, in Word tables.
    expect(document).toContain('Styrkes med 9,4 millioner kroner.');
    expect(document).toContain('53/17');
    expect(document).toContain('Indikator rpt-red-tertial');
    expect(document).toContain('et merforbruk på 1\u00a0000\u00a0000 kr.');
    expect(document).toMatch(/<w:tblHeader\/>/);
    expect(document).toMatch(/<w:pStyle w:val="Heading1"\/>/);
    expect(document).toMatch(/<w:pStyle w:val="Heading2"\/><\/w:pPr><w:r><w:t xml:space="preserve">T07 Ledelse, organisering og styring</);
  });
});

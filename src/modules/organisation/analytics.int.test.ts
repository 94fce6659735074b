import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/helpers/test-app.js';
import type { AnalyticsResponse, Baseline, BaselineList } from './analytics.schemas.js';

const t = useTestApp();

async function analytics(cookie: string, query = 'date=2020-01-01') {
  const response = await t.knutepunkt.app.inject({ url: `/api/organisation/analytics?${query}`, headers: { cookie } });
  return { status: response.statusCode, body: response.json() as AnalyticsResponse };
}

const auditEntries = (entityType: string) => t.auditCount(entityType);

describe('[EMPLOYEE][READ_ANALYTICS]', () => {
  it('shows headcount, spans, layers and the administration share of Nye Drammen on 1 January 2020', async () => {
    const user = await t.signInAs(['employee']);
    const { status, body } = await analytics(user.cookie);
    expect(status).toBe(200);
    expect(body.date).toBe('2020-01-01');
    expect(body.totals).toMatchObject({ units: 168, positions: 194, headcount: 1, fte: 1 });

    // Rolled up: the leadership team holds everything; the chief executive is the only person.
    const top = body.units.find((u) => u.parentId === null)!;
    expect(top.total).toMatchObject({ positions: 194, headcount: 1, fte: 1 });
    // Without ?unit=, the top unit and the units directly under it.
    expect(body.unitFocus).toBeNull();
    expect(body.units.filter((u) => u !== top).every((u) => u.parentId === top.unitId)).toBe(true);
    expect(body.units.length).toBeGreaterThan(9);
    expect(body.levels.map((l) => l.level)).toEqual([1, 2, 3, 4]);
    expect(body.levels.reduce((sum, l) => sum + l.units, 0)).toBe(168);

    // The widest span in the documents: kommunalsjef for skole, over its threshold.
    expect(body.spans[0]).toMatchObject({ title: 'kommunalsjef for skole', overThreshold: true });
    expect(body.spans[0]!.directReports).toBeGreaterThanOrEqual(33);
    const chief = body.spans.find((s) => s.roleType === 'chief_executive')!;
    expect(chief.directReports).toBe(9);
    expect(body.spanSummary.leaders).toBe(body.spans.length);
    expect(body.spanSummary.overThreshold).toBe(body.spans.filter((s) => s.overThreshold).length);
    expect(body.spanSummary.maxDirectReports).toBe(body.spans[0]!.directReports);

    expect(body.layers.count).toBe(5);
    expect(body.layers.longestChain[0]!.title).toBe('rådmann');
    expect(body.layers.unreachablePositions).toBe(0);

    // One person: the FTE share covers only her, and the answer says so; positions are counted too.
    const share = body.administrationShare;
    expect(share.basis).toBe('assignmentFte');
    expect(share.filledPositions).toBe(1);
    expect(share.note.nb).toContain('bare 1 av 194 stillinger');
    expect(share.positions.total).toBe(194);
    expect(share.positions.share).toBeCloseTo((share.positions.staffSupport + share.positions.administration) / 194);
    expect(body.scenario).toBeNull();
  });

  it('drills down: a unit’s roll-up with the units directly under it and the path above it', async () => {
    const user = await t.signInAs(['employee']);
    const { body: top } = await analytics(user.cookie);
    const education = top.units.find((u) => u.key === 'dir-utdanning')!;
    const { status, body } = await analytics(user.cookie, `date=2020-01-01&unit=${education.unitId}`);
    expect(status).toBe(200);
    expect(body.unitFocus).toMatchObject({ key: 'dir-utdanning' });
    expect(body.unitPath.map((u) => u.name)).toEqual(['Rådmannens lederteam']);
    const school = body.units.find((u) => u.key === 'omrade-skole')!;
    expect(school.parentId).toBe(education.unitId);
    expect(school.total.positions).toBeGreaterThan(school.own.positions);
    // A unit's total holds its own positions and all of those under it.
    const under = body.units.filter((u) => u.parentId === education.unitId);
    expect(body.unitFocus!.total.positions).toBe(body.unitFocus!.own.positions + under.reduce((sum, u) => sum + u.total.positions, 0));

    const unknown = await analytics(user.cookie, `date=2020-01-01&unit=${crypto.randomUUID()}`);
    expect(unknown.status).toBe(404);
  });

  it('says honestly that the share is unknown on a date with no FTE, instead of dividing by zero', async () => {
    const user = await t.signInAs(['employee']);
    const { body } = await analytics(user.cookie, 'date=2019-06-01');
    expect(body.totals).toMatchObject({ units: 0, positions: 0, fte: 0 });
    expect(body.administrationShare.share).toBeNull();
    expect(body.administrationShare.note.nb).toContain('kan ikke regnes ut');
    expect(body.layers.count).toBe(0);
  });

  it('refuses bad dates, an unknown scenario, and callers who are not signed in', async () => {
    const user = await t.signInAs(['employee']);
    expect((await analytics(user.cookie, 'date=2020-13-01')).status).toBe(400);
    expect((await analytics(user.cookie, 'extra=1')).status).toBe(400);
    expect((await analytics(user.cookie, 'scenario=not-a-uuid')).status).toBe(400);
    expect((await t.knutepunkt.app.inject({ url: '/api/organisation/analytics' })).statusCode).toBe(401);
  });
});

describe('[ORGANISATION_EDITOR][EDIT_BASELINES]', () => {
  const post = (headers: Record<string, string>, payload: unknown) =>
    t.knutepunkt.app.inject({ method: 'POST', url: '/api/organisation/baselines', headers, payload: payload as object });

  it('records the three former municipalities, compares them with today, and audits each write', async () => {
    const editor = await t.signInAs(['organisation_editor']);
    const before = await auditEntries('organisation_baseline');
    const created: Baseline[] = [];
    for (const [name, adminFte, totalFte] of [
      ['Drammen', 400, 4000],
      ['Nedre Eiker', 120, 1500],
      ['Svelvik', 30, 300],
    ] as const) {
      const response = await post(editor.headers, { name, year: 2018, adminFte, totalFte, source: 'KOSTRA 2018 (eksempel)' });
      expect(response.statusCode, response.body).toBe(201);
      created.push(response.json() as Baseline);
    }
    expect(created[0]).toMatchObject({
      name: 'Drammen',
      year: 2018,
      adminFte: 400,
      totalFte: 4000,
      share: 0.1,
      revision: 1,
      comment: null,
    });
    expect(await auditEntries('organisation_baseline')).toBe(before + 3);

    const list = (
      await t.knutepunkt.app.inject({ url: '/api/organisation/baselines', headers: { cookie: editor.cookie } })
    ).json() as BaselineList;
    expect(list.items.map((b) => b.name)).toEqual(['Drammen', 'Nedre Eiker', 'Svelvik']);
    expect(list.comparison.combinedShare).toBeCloseTo(550 / 5800);

    const { body } = await analytics(editor.cookie);
    expect(body.baselines).toHaveLength(3);
    expect(body.baselineComparison.used.map((u) => u.name)).toEqual(['Drammen', 'Nedre Eiker', 'Svelvik']);
    expect(body.baselineComparison.combinedShare).toBeCloseTo(550 / 5800);
    // Today's share rests on one person (the chief executive, in administration): no measure of the goal, and the message says how thin it is.
    expect(body.administrationShare).toMatchObject({ share: 1, representative: false });
    expect(body.baselineComparison.currentShare).toBeNull();
    expect(body.baselineComparison.goalMet).toBeNull();
    expect(body.baselineComparison.message.nb).toContain('bare 1 av 194');

    // Correct one, then the stale copy is refused and changes nothing.
    const svelvik = created[2]!;
    const patched = await t.knutepunkt.app.inject({
      method: 'PATCH',
      url: `/api/organisation/baselines/${svelvik.id}`,
      headers: editor.headers,
      payload: { revision: 1, adminFte: 25, comment: 'Rettet etter årsregnskapet' },
    });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json()).toMatchObject({ adminFte: 25, totalFte: 300, revision: 2, comment: 'Rettet etter årsregnskapet' });
    const stale = await t.knutepunkt.app.inject({
      method: 'PATCH',
      url: `/api/organisation/baselines/${svelvik.id}`,
      headers: editor.headers,
      payload: { revision: 1, adminFte: 99 },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('stale');

    const staleDelete = await t.knutepunkt.app.inject({
      method: 'DELETE',
      url: `/api/organisation/baselines/${svelvik.id}?revision=1`,
      headers: editor.headers,
    });
    expect(staleDelete.statusCode).toBe(409);
    const deleted = await t.knutepunkt.app.inject({
      method: 'DELETE',
      url: `/api/organisation/baselines/${svelvik.id}?revision=2`,
      headers: editor.headers,
    });
    expect(deleted.statusCode).toBe(204);
    const after = (
      await t.knutepunkt.app.inject({ url: '/api/organisation/baselines', headers: { cookie: editor.cookie } })
    ).json() as BaselineList;
    expect(after.items.map((b) => b.name)).toEqual(['Drammen', 'Nedre Eiker']);
    expect(await auditEntries('organisation_baseline')).toBe(before + 5);
  });

  it('refuses impossible figures, a second figure for the same year, and unknown fields, changing nothing', async () => {
    const editor = await t.signInAs(['organisation_editor']);
    const before = await auditEntries('organisation_baseline');
    const tooMuch = await post(editor.headers, { name: 'Lier', year: 2017, adminFte: 50, totalFte: 40 });
    expect(tooMuch.statusCode).toBe(400);
    expect(tooMuch.json().error.message).toContain('kan ikke være flere enn');
    expect((await post(editor.headers, { name: 'Lier', year: 2017, adminFte: 0, totalFte: 0 })).statusCode).toBe(400);
    expect((await post(editor.headers, { name: '  ', year: 2017, adminFte: 1, totalFte: 10 })).statusCode).toBe(400);
    expect((await post(editor.headers, { name: 'Lier', year: 2017, adminFte: '1', totalFte: 10 })).statusCode).toBe(400);
    expect((await post(editor.headers, { name: 'Lier', year: 2017, adminFte: 1, totalFte: 10, share: 0.1 })).statusCode).toBe(400);

    expect((await post(editor.headers, { name: 'Lier', year: 2017, adminFte: 1, totalFte: 10 })).statusCode).toBe(201);
    const duplicate = await post(editor.headers, { name: 'LIER', year: 2017, adminFte: 2, totalFte: 10 });
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json().error.code).toBe('conflict');
    expect(await auditEntries('organisation_baseline')).toBe(before + 1);

    const missing = await t.knutepunkt.app.inject({
      method: 'PATCH',
      url: '/api/organisation/baselines/00000000-0000-4000-8000-000000000000',
      headers: editor.headers,
      payload: { revision: 1, adminFte: 1 },
    });
    expect(missing.statusCode).toBe(404);
  });

  it('lets every employee read the baselines but only editors change them', async () => {
    const employee = await t.signInAs(['employee']);
    expect((await t.knutepunkt.app.inject({ url: '/api/organisation/baselines', headers: { cookie: employee.cookie } })).statusCode).toBe(
      200,
    );
    const refused = await post(employee.headers, { name: 'Drammen', year: 2019, adminFte: 1, totalFte: 10 });
    expect(refused.statusCode).toBe(403);
  });
});

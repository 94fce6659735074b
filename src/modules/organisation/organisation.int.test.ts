import { describe, expect, it } from 'vitest';
import { compareNorwegian } from '../../kernel/index.js';
import { useTestApp } from '../../../test/helpers/test-app.js';

const t = useTestApp();

describe('[EMPLOYEE][READ_ORGANISATION_TREE]', () => {
  it('shows Nye Drammen as of 1 January 2020: the chief executive on top, 81+ level-3 units, the pilot hub under a director', async () => {
    const user = await t.signInAs(['employee']);
    const response = await t.knutepunkt.app.inject({ url: '/api/organisation/tree?date=2020-01-01', headers: { cookie: user.cookie } });
    expect(response.statusCode).toBe(200);
    const { date, units } = response.json() as {
      date: string;
      units: {
        id: string;
        key: string;
        name: string;
        kind: string;
        level: number;
        parentId: string | null;
        leader: { title: string; personName: string | null } | null;
      }[];
    };
    expect(date).toBe('2020-01-01');

    const top = units.filter((u) => u.parentId === null);
    expect(top).toHaveLength(1);
    expect(top[0]).toMatchObject({ name: 'Rådmannens lederteam', level: 1, leader: { title: 'rådmann', personName: 'Elisabeth Enger' } });

    expect(units.filter((u) => u.kind === 'director_area')).toHaveLength(8);
    expect(units.filter((u) => u.kind === 'service_area')).toHaveLength(11);
    expect(units.filter((u) => u.kind === 'staff_area')).toHaveLength(5);
    expect(units.filter((u) => u.level === 3 && (u.kind === 'unit' || u.kind === 'hub')).length).toBeGreaterThanOrEqual(81);

    const byId = new Map(units.map((u) => [u.id, u]));
    const pilot = units.find((u) => u.key === 'pilot-lokalt-knutepunkt')!;
    expect(pilot).toMatchObject({ kind: 'hub', level: 3 });
    expect(byId.get(pilot.parentId!)!.kind).toBe('director_area');

    // Sorted by Norwegian rules, whatever the database's collation.
    const names = units.map((u) => u.name);
    expect([...names].sort(compareNorwegian)).toEqual(names);
  });

  it('is empty before the new municipality existed', async () => {
    const user = await t.signInAs(['employee']);
    const response = await t.knutepunkt.app.inject({ url: '/api/organisation/tree?date=2019-12-31', headers: { cookie: user.cookie } });
    expect(response.json().units).toEqual([]);
  });

  it('refuses impossible dates and callers who are not signed in', async () => {
    const user = await t.signInAs(['employee']);
    for (const date of ['2020-02-30', '1.1.2020', 'today']) {
      const response = await t.knutepunkt.app.inject({ url: `/api/organisation/tree?date=${date}`, headers: { cookie: user.cookie } });
      expect(response.statusCode, date).toBe(400);
    }
    expect((await t.knutepunkt.app.inject('/api/organisation/tree')).statusCode).toBe(401);
  });
});

describe('[EMPLOYEE][READ_CHART_LINES]', () => {
  it('gives the chart the lines the hierarchy does not show: the digital agent’s professional line to the director of development', async () => {
    const user = await t.signInAs(['employee']);
    const headers = { cookie: user.cookie };
    const tree = (await t.knutepunkt.app.inject({ url: '/api/organisation/tree?date=2020-01-01', headers })).json() as {
      units: { id: string; key: string; parentId: string | null }[];
    };
    const unit = (key: string) => tree.units.find((u) => u.key === key)!;
    const response = await t.knutepunkt.app.inject({ url: '/api/organisation/lines?date=2020-01-01', headers });
    expect(response.statusCode).toBe(200);
    const { date, lines } = response.json() as { date: string; lines: { type: string; fromUnitId: string; toUnitId: string }[] };
    expect(date).toBe('2020-01-01');
    expect(lines).toContainEqual(
      expect.objectContaining({
        type: 'professional',
        fromUnitId: unit('omrade-skole').id,
        toUnitId: unit('dir-utvikling-og-digitalisering').id,
      }),
    );
    // Service allocation reports on decisions to kommunalsjefer outside its own chain.
    expect(lines.some((l) => l.type === 'coordination' && l.fromUnitId === unit('omsorg-tjenestetildeling').id)).toBe(true);
    // Personnel lines along the hierarchy are the chart's edges, never repeated as lines.
    const parentOf = new Map(tree.units.map((u) => [u.id, u.parentId]));
    expect(lines.filter((l) => l.type === 'personnel' && parentOf.get(l.fromUnitId) === l.toUnitId)).toEqual([]);
    expect(lines.every((l) => l.fromUnitId !== l.toUnitId)).toBe(true);
    // One line per type and pair of units.
    const pairs = lines.map((l) => `${l.type}:${l.fromUnitId}:${l.toUnitId}`);
    expect(new Set(pairs).size).toBe(pairs.length);
  });

  it('refuses a malformed date with a clear message', async () => {
    const user = await t.signInAs(['employee']);
    const response = await t.knutepunkt.app.inject({ url: '/api/organisation/lines?date=1.1.2020', headers: { cookie: user.cookie } });
    expect(response.statusCode).toBe(400);
  });
});

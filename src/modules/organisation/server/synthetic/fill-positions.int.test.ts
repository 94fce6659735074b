import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp, type SignedIn } from '../../../../../test/helpers/test-app.js';
import type { OrganisationDb } from '../organisation.tables.js';
import { loadSnapshot } from '../snapshot.js';
import { checkRules, summariseFindings } from '../rules.js';
import { addSyntheticOrganisation, removeSyntheticOrganisation } from './fill-positions.js';

const t = useTestApp();
const db = () => t.database.db as unknown as OrganisationDb;
let editor: SignedIn;
beforeAll(async () => {
  editor = await t.signInAs(['organisation_editor']);
});

async function counts() {
  const { rows } = await sql<{ units: string; positions: string; people: string; synthetic: string; assignments: string; lines: string }>`
    select (select count(*) from org_units) as units, (select count(*) from org_positions) as positions,
      (select count(*) from org_people) as people, (select count(*) from org_people where synthetic) as synthetic,
      (select count(*) from org_assignments) as assignments, (select count(*) from org_reporting_lines) as lines`.execute(db());
  const row = rows[0]!;
  return {
    units: Number(row.units),
    positions: Number(row.positions),
    people: Number(row.people),
    synthetic: Number(row.synthetic),
    assignments: Number(row.assignments),
    lines: Number(row.lines),
  };
}
const counter = async () =>
  Number((await sql<{ revision: string }>`select revision from org_change_counter`.execute(db())).rows[0]!.revision);

describe('[DEMO][SYNTHETIC_PEOPLE]', () => {
  it('fills every vacant position and adds employees on the dataset date, once, in a way the rules accept', async () => {
    const before = await counts();
    const rulesBefore = summariseFindings(checkRules(await loadSnapshot(db(), '2020-01-01')));
    const counterBefore = await counter();
    // Vacant: nobody holds it on the date or later (demo sign-ins hold a few from the day the demo started).
    const heldLater = async () =>
      new Set(
        (
          await db()
            .selectFrom('org_assignments')
            .select('position_id')
            .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>', '2020-01-01')]))
            .execute()
        ).map((a) => a.position_id),
      );
    const held = await heldLater();
    const vacant = (await loadSnapshot(db(), '2020-01-01')).positions.filter((p) => !held.has(p.id)).length;
    expect(vacant).toBeGreaterThan(180);

    const result = await addSyntheticOrganisation(db(), { scale: 0.05, units: 0, seed: 7 });
    expect(result.date).toBe('2020-01-01');
    expect(result.summary).toMatchObject({ copies: 0, employees: 310, vacanciesFilled: vacant });
    const after = await counts();
    expect(after.positions).toBe(before.positions + 310);
    expect(after.people).toBe(before.people + 310 + vacant);
    expect(after.synthetic - before.synthetic).toBe(310 + vacant);
    // One change for the whole run, so a scenario drafted before sees that its base changed.
    expect(await counter()).toBe(counterBefore + 1);

    const snapshot = await loadSnapshot(db(), '2020-01-01');
    const nowHeld = await heldLater();
    expect(snapshot.positions.filter((p) => !nowHeld.has(p.id))).toEqual([]);
    const synthetic = await db().selectFrom('org_people').select(['key', 'name', 'source']).where('synthetic', '=', true).execute();
    expect(
      synthetic.filter((p) => !p.key.startsWith('demo-')).every((p) => p.key.startsWith('syntetisk-') && p.source?.includes('syntetisk')),
    ).toBe(true);
    // No new errors: every new position has its one personnel line to a leader with personnel responsibility.
    expect(summariseFindings(checkRules(snapshot)).errors).toBe(rulesBefore.errors);

    const audits = await t.auditCount();
    const again = await addSyntheticOrganisation(db(), { scale: 0.05, units: 0, seed: 7 });
    expect(again.inserted).toEqual({});
    expect(await counts()).toEqual(after);
    expect(await t.auditCount()).toBe(audits);
  });

  it('leaves the change triggers on afterwards: an ordinary edit still moves the counter', async () => {
    const before = await counter();
    const response = await t.knutepunkt.app.inject({
      method: 'POST',
      url: '/api/organisation/people',
      headers: editor.headers,
      payload: { name: 'Ola Etter Generering' },
    });
    expect(response.statusCode, response.body).toBe(201);
    expect(await counter()).toBeGreaterThan(before);
  });

  it('clones the units below level 2 for a larger organisation that the API serves', async () => {
    const result = await addSyntheticOrganisation(db(), { scale: 0.05, units: 1, seed: 7 });
    expect(result.summary.copies).toBeGreaterThan(2);
    expect(result.summary.unitsAfter).toBeGreaterThan(700);
    expect(result.summary.unitsAfter).toBeLessThan(900);
    const tree = await t.knutepunkt.app.inject({ method: 'GET', url: '/api/organisation/tree?date=2020-01-01', headers: editor.headers });
    expect(tree.statusCode).toBe(200);
    const units = (tree.json() as { units: { key: string; leader: { personName: string | null } | null }[] }).units;
    expect(units).toHaveLength(result.summary.unitsAfter);
    const copy = units.find((u) => u.key === 'syntetisk-k2-skole-aronslokka');
    expect(copy?.leader?.personName).toBeTruthy();
  });

  it('removes every synthetic row and nothing else', async () => {
    const removed = await removeSyntheticOrganisation(db());
    expect(removed.units).toBeGreaterThan(500);
    expect(await db().selectFrom('org_units').select('id').where('key', 'like', 'syntetisk-%').execute()).toEqual([]);
    expect(await db().selectFrom('org_people').select('id').where('key', 'like', 'syntetisk-%').execute()).toEqual([]);
    const snapshot = await loadSnapshot(db(), '2020-01-01');
    expect(snapshot.units).toHaveLength(168);
    expect(snapshot.positions).toHaveLength(194);
    expect(snapshot.assignments.map((a) => a.personName)).toEqual(['Elisabeth Enger']);
    expect(await db().selectFrom('org_people').select('id').where('name', '=', 'Ola Etter Generering').execute()).toHaveLength(1);
    expect(await removeSyntheticOrganisation(db())).toEqual({});
  });
});

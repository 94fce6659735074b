import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../../test/helpers/test-app.js';
import type { OrganisationDb } from './organisation.tables.js';
import { selectUnitTree } from './organisation.queries.js';
import { loadSnapshot } from './snapshot.js';

const t = useTestApp();
const db = () => t.database.db as unknown as OrganisationDb;
const date = '2020-01-01';
const unitId = async (key: string) => (await db().selectFrom('org_units').select('id').where('key', '=', key).executeTakeFirstOrThrow()).id;
const rename = (trx: OrganisationDb, id: string, name: string) =>
  trx.updateTable('org_unit_versions').set({ name }).where('unit_id', '=', id).execute();
const nameIn = async (snapshot: Awaited<ReturnType<typeof loadSnapshot>>, id: string) => snapshot.units.find((u) => u.id === id)?.name;

describe('[ORGANISATION_READER][SNAPSHOT]', () => {
  it('gives the same frozen snapshot again while nothing has changed', async () => {
    const first = await loadSnapshot(db(), date);
    const second = await loadSnapshot(db(), date);
    expect(second).toBe(first);
    expect(Object.isFrozen(first.units)).toBe(true);
    expect(Object.isFrozen(first.positions[0])).toBe(true);
    expect(() => (first.units as unknown[]).push({})).toThrow();
  });

  it('reads again after any write to the organisation, and never keeps what a rolled-back write read', async () => {
    const id = await unitId('skole-fjell');
    const before = await loadSnapshot(db(), date);
    expect(await nameIn(before, id)).toBe('Fjell skole');

    // Inside a transaction it reads afresh and sees the transaction's own change; rolled back, it is gone.
    await expect(
      db()
        .transaction()
        .execute(async (trx) => {
          await rename(trx, id, 'Fjell skole (forkastet)');
          expect(await nameIn(await loadSnapshot(trx, date), id)).toBe('Fjell skole (forkastet)');
          throw new Error('roll back');
        }),
    ).rejects.toThrow('roll back');
    expect(await nameIn(await loadSnapshot(db(), date), id)).toBe('Fjell skole');

    await db()
      .transaction()
      .execute((trx) => rename(trx, id, 'Fjell skole (ny)'));
    const after = await loadSnapshot(db(), date);
    expect(after).not.toBe(before);
    expect(await nameIn(after, id)).toBe('Fjell skole (ny)');
  });

  it('reads again when a span-of-control threshold changes, which the change counter does not cover', async () => {
    const before = await loadSnapshot(db(), date);
    await db().updateTable('org_rule_settings').set({ max_span: 99 }).where('role_type', '=', 'unit_leader').execute();
    const after = await loadSnapshot(db(), date);
    expect(after.spanThresholds.unit_leader).toBe(99);
    expect(before.spanThresholds.unit_leader).not.toBe(99);
  });

  it('keeps each date apart', async () => {
    const dayOne = await loadSnapshot(db(), date);
    const before = await loadSnapshot(db(), '2019-12-31');
    expect(dayOne.units.length).toBeGreaterThan(100);
    expect(before.units).toEqual([]);
    expect(await loadSnapshot(db(), date)).toBe(dayOne);
  });

  it('keeps the unit tree the same way: a new holder’s name shows at once', async () => {
    const first = await selectUnitTree(db(), date);
    expect(await selectUnitTree(db(), date)).toBe(first);
    const chief = first.find((u) => u.leader?.personName === 'Elisabeth Enger')!;
    await db().updateTable('org_people').set({ name: 'Elisabeth Enger Testesen' }).where('key', '=', 'elisabeth-enger').execute();
    const after = await selectUnitTree(db(), date);
    expect(after.find((u) => u.id === chief.id)?.leader?.personName).toBe('Elisabeth Enger Testesen');
    expect(Object.isFrozen(after[0])).toBe(true);
  });
});

import { beforeAll, describe, expect, it } from 'vitest';
import { expectOutsideEditorArea, useTestApp, type SignedIn } from '../../../test/helpers/test-app.js';
import type { DistrictList, WriteResult } from './places.schemas.js';

// Finding 10 of the hardening issue: an organisation editor limited to «Skole» changed a district.
// Places' rule: such an editor edits what belongs to units of their area (locations, coverage of a
// service the area delivers); districts, hubs, sites, the catalogue and imports need an unlimited
// editor or an administrator.

const t = useTestApp();
const day = '2024-01-01';

const send = (user: SignedIn, method: 'POST' | 'PATCH' | 'PUT', url: string, payload: unknown) =>
  t.knutepunkt.app.inject({ method, url, headers: { ...user.headers, 'accept-language': 'nb' }, payload: payload as object });

const idOf = async (table: string, key: string) =>
  (
    (await t.database.db
      .selectFrom(table as never)
      .select('id' as never)
      .where('key' as never, '=', key as never)
      .executeTakeFirstOrThrow()) as { id: string }
  ).id;

const districtName = async (number: number) =>
  ((await t.knutepunkt.app.inject({ url: `/api/places/districts?date=${day}` })).json() as DistrictList).districts.find(
    (d) => d.number === number,
  )!.name;

let admin: SignedIn;
let editor: SignedIn;
let siteId: string;

beforeAll(async () => {
  admin = await t.signInAs(['administrator']);
  editor = await t.signInAs(['organisation_editor']);
  const set = await send(admin, 'PUT', `/api/organisation/editor-areas/${editor.userId}`, {
    unitIds: [await idOf('org_units', 'omrade-skole')],
  });
  expect(set.statusCode).toBe(200);
  siteId = (
    (await t.database.db
      .selectFrom('places_sites' as never)
      .select('id' as never)
      .executeTakeFirstOrThrow()) as { id: string }
  ).id;
});

/** A write that must be refused with 403 naming «Skole», auditing nothing. */
async function expectOutsideArea(method: 'POST' | 'PATCH', url: string, payload: unknown) {
  return expectOutsideEditorArea(t, 'Skole', () => send(editor, method, url, payload));
}

describe('[ORGANISATION_EDITOR][EDITOR_AREA][PLACES]', () => {
  it('refuses the Skole editor a change to a district, which belongs to the whole municipality', async () => {
    const before = await districtName(3);
    const revision = (
      (await t.database.db
        .selectFrom('places_districts' as never)
        .select('revision' as never)
        .where('number' as never, '=', 3 as never)
        .executeTakeFirstOrThrow()) as { revision: number }
    ).revision;
    const error = await expectOutsideArea('PATCH', '/api/places/districts/3', { revision, validFrom: day, name: 'Et annet navn' });
    expect(error.message).toContain('hele kommunen');
    expect(await districtName(3)).toBe(before);
    // An unlimited editor may.
    const unlimited = await t.signInAs(['organisation_editor']);
    const changed = await send(unlimited, 'PATCH', '/api/places/districts/3', { revision, validFrom: day, name: `${before} (ny)` });
    expect(changed.statusCode, changed.body).toBe(200);
  });

  it('lets the Skole editor record where a school works, and not where home care works', async () => {
    const school = await send(editor, 'POST', '/api/places/locations', {
      siteId,
      unitId: await idOf('org_units', 'skole-aronslokka'),
      validFrom: '2090-01-01',
    });
    expect(school.statusCode, school.body).toBe(201);
    const position = await send(editor, 'POST', '/api/places/locations', {
      siteId,
      positionId: await idOf('org_positions', 'leder-skole-aronslokka'),
      validFrom: '2090-01-01',
    });
    expect(position.statusCode, position.body).toBe(201);
    await expectOutsideArea('POST', '/api/places/locations', {
      siteId,
      unitId: await idOf('org_units', 'omsorg-hjemmetjenester-bragernes'),
      validFrom: '2090-01-01',
    });
  });

  it('lets the Skole editor add and change coverage of a service a school delivers, and no other', async () => {
    const created = await send(admin, 'POST', '/api/places/services', {
      name: 'Leksehjelp',
      deliveringUnitId: await idOf('org_units', 'skole-aronslokka'),
      proximityClass: 'where_citizen_is',
      validFrom: '2020-01-01',
    });
    expect(created.statusCode, created.body).toBe(201);
    const service = created.json() as WriteResult;
    const coverage = await send(editor, 'POST', '/api/places/coverage', {
      serviceId: service.id,
      districtNumber: 3,
      mode: 'always',
      validFrom: day,
    });
    expect(coverage.statusCode, coverage.body).toBe(201);
    const row = coverage.json() as WriteResult;
    const changed = await send(editor, 'PATCH', `/api/places/coverage/${row.id}`, { revision: row.revision, note: 'Hver ettermiddag' });
    expect(changed.statusCode, changed.body).toBe(200);
    // The catalogue itself is the municipality's, even for the school's own service.
    await expectOutsideArea('PATCH', `/api/places/services/${service.id}`, { revision: service.revision, validFrom: day, name: 'Lekser' });

    const healthCentre = await idOf('places_services', 'helsestasjon');
    await expectOutsideArea('POST', '/api/places/coverage', {
      serviceId: healthCentre,
      districtNumber: 3,
      mode: 'always',
      validFrom: '2090-01-01',
    });
  });
});

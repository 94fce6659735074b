import { describe, expect, it } from 'vitest';
import { useTestApp, type SignedIn } from '../../../test/helpers/test-app.js';
import type { DistrictList, HubDetail, ServiceDetail, WriteResult } from './places.schemas.js';

const t = useTestApp();

async function send(method: 'POST' | 'PATCH', url: string, user: SignedIn | null, payload: unknown) {
  return t.knutepunkt.app.inject({ method, url, headers: user?.headers ?? {}, payload: payload as object });
}

async function unitId(key: string): Promise<string> {
  const row = await t.database.db
    .selectFrom('org_units' as never)
    .select(['id' as never])
    .where('key' as never, '=', key as never)
    .executeTakeFirstOrThrow();
  return (row as { id: string }).id;
}

async function hubOf(number: number, date = '2020-01-01'): Promise<string> {
  const { districts } = (await t.knutepunkt.app.inject({ url: `/api/places/districts?date=${date}` })).json() as DistrictList;
  return districts.find((d) => d.number === number)!.hub!.id;
}

/** How many rows each places table has: a refused write must leave every count as it was. */
async function placesCounts(): Promise<Record<string, number>> {
  const tables = [
    'places_districts',
    'places_district_versions',
    'places_hubs',
    'places_hub_versions',
    'places_sites',
    'places_site_versions',
    'places_services',
    'places_service_versions',
    'places_coverage',
    'places_locations',
  ];
  return t.rowCounts(tables);
}

/** Sends a write that must be refused with `status`, and checks that nothing changed and nothing was audited. */
async function expectRefused(status: number, method: 'POST' | 'PATCH', url: string, user: SignedIn, payload: unknown, message?: RegExp) {
  const counts = await placesCounts();
  const audits = await t.auditCount();
  const response = await send(method, url, user, payload);
  expect(response.statusCode, response.body).toBe(status);
  if (message) expect(response.json().error.message).toMatch(message);
  expect(await placesCounts()).toEqual(counts);
  expect(await t.auditCount()).toBe(audits);
  return response;
}

/** Sends a write that must succeed with exactly one new audit entry. */
async function expectWritten(
  status: number,
  method: 'POST' | 'PATCH',
  url: string,
  user: SignedIn,
  payload: unknown,
): Promise<WriteResult> {
  const audits = await t.auditCount();
  const response = await send(method, url, user, payload);
  expect(response.statusCode, response.body).toBe(status);
  expect(await t.auditCount()).toBe(audits + 1);
  return response.json() as WriteResult;
}

describe('[EDITOR][ADD_SERVICE_TO_HUB]', () => {
  it('adds a service with weekly times at a hub: it appears on the public hub, district and service pages', async () => {
    const editor = await t.signInAs(['organisation_editor']);
    const hub = (await t.knutepunkt.app.inject({ url: `/api/places/hubs/${await hubOf(5)}?date=2020-01-01` })).json() as HubDetail;
    const site = hub.sites[0]!;
    const service = await expectWritten(201, 'POST', '/api/places/services', editor, {
      validFrom: '2020-03-01',
      name: 'Gjeldsrådgivning i knutepunktet',
      description: 'Hjelp med gjeld og økonomi.',
      targetGroups: ['alle'],
      deliveringUnitId: await unitId('nav'),
      proximityClass: 'every_district',
      channels: ['in_person'],
      entryPoints: ['hub'],
      source: 'test',
    });
    const coverage = await expectWritten(201, 'POST', '/api/places/coverage', editor, {
      serviceId: service.id,
      districtNumber: 5,
      siteId: site.id,
      mode: 'weekly',
      weeklyTimes: [{ weekday: 2, from: '10:00', to: '14:00' }],
      validFrom: '2020-03-01',
      source: 'test',
    });
    const after = (await t.knutepunkt.app.inject({ url: `/api/places/hubs/${hub.id}?date=2020-03-02` })).json() as HubDetail;
    expect(after.services).toEqual([
      expect.objectContaining({
        coverageId: coverage.id,
        displayName: 'Gjeldsrådgivning i knutepunktet',
        mode: 'weekly',
        weeklyTimes: [{ weekday: 2, from: '10:00', to: '14:00' }],
      }),
    ]);
    // Not before it starts.
    expect(((await t.knutepunkt.app.inject({ url: `/api/places/hubs/${hub.id}?date=2020-02-28` })).json() as HubDetail).services).toEqual(
      [],
    );
    const search = (await t.knutepunkt.app.inject({ url: `/api/places/search?q=gjeld&district=5&date=2020-03-02` })).json();
    expect(search.results[0].name).toBe('Gjeldsrådgivning i knutepunktet');
  });

  it('generates «… for kommunedel 3 og 4» when one site serves two districts', async () => {
    const editor = await t.signInAs(['organisation_editor']);
    const hub3 = (await t.knutepunkt.app.inject({ url: `/api/places/hubs/${await hubOf(3)}?date=2020-01-01` })).json() as HubDetail;
    const station = (await t.knutepunkt.app.inject({ url: '/api/places/search?q=helsestasjon' })).json().results[0].id as string;
    for (const districtNumber of [3, 4]) {
      await expectWritten(201, 'POST', '/api/places/coverage', editor, {
        serviceId: station,
        districtNumber,
        siteId: hub3.sites[0]!.id,
        mode: 'always',
        validFrom: '2020-06-01',
      });
    }
    const service = (await t.knutepunkt.app.inject({ url: `/api/places/services/${station}?date=2020-06-01` })).json() as ServiceDetail;
    expect(service.coverage.map((c) => c.displayName)).toEqual([
      'Helsestasjon for kommunedel 3 og 4',
      'Helsestasjon for kommunedel 3 og 4',
    ]);
    expect(service.name).toBe('Helsestasjon');
  });
});

describe('[EDITOR][EDIT_PLACES]', () => {
  it('changes a district from a date as a new version; an edit on an old revision is refused as stale', async () => {
    const editor = await t.signInAs(['organisation_editor']);
    const { districts } = (await t.knutepunkt.app.inject({ url: '/api/places/districts?date=2021-01-01' })).json() as DistrictList;
    const district4 = districts.find((d) => d.number === 4)!;
    const result = await expectWritten(200, 'PATCH', '/api/places/districts/4', editor, {
      revision: district4.revision,
      validFrom: '2021-01-01',
      localCommitteeName: 'Nærutvalget for Rødskog og Gulskogen',
    });
    expect(result.revision).toBe(district4.revision + 1);
    const read = (date: string) => t.knutepunkt.app.inject({ url: `/api/places/districts/4?date=${date}` }).then((r) => r.json().district);
    expect((await read('2020-12-31')).localCommitteeName).toBeNull();
    expect((await read('2021-01-01')).localCommitteeName).toBe('Nærutvalget for Rødskog og Gulskogen');

    const stale = await expectRefused(409, 'PATCH', '/api/places/districts/4', editor, {
      revision: district4.revision,
      validFrom: '2021-06-01',
      shortName: 'Gulskogen',
    });
    expect(stale.json().error.code).toBe('stale');
    await expectRefused(
      400,
      'PATCH',
      '/api/places/districts/4',
      editor,
      { revision: result.revision, validFrom: '2021-06-01', localCommitteeName: 'Nærutvalget for Rødskog og Gulskogen' },
      /endrer ingenting/,
    );
  });

  it('changes a service and a site from a date; the new words are searchable from that date, not before', async () => {
    const editor = await t.signInAs(['organisation_editor']);
    const friskliv = (await t.knutepunkt.app.inject({ url: '/api/places/search?q=friskliv' })).json().results[0].id as string;
    const before = (await t.knutepunkt.app.inject({ url: `/api/places/services/${friskliv}?date=2022-01-01` })).json() as ServiceDetail;
    await expectWritten(200, 'PATCH', `/api/places/services/${friskliv}`, editor, {
      revision: before.revision,
      validFrom: '2022-01-01',
      description: 'Frisklivssentral med trening i grupper og kostholdskurs.',
      contact: 'Ring servicetorget.',
    });
    const found = (date: string) =>
      t.knutepunkt.app
        .inject({ url: `/api/places/search?q=kostholdskurs&date=${date}` })
        .then((r) => r.json().results.map((x: { id: string }) => x.id));
    expect(await found('2022-01-01')).toEqual([friskliv]);
    expect(await found('2021-12-31')).toEqual([]);
    await expectRefused(409, 'PATCH', `/api/places/services/${friskliv}`, editor, {
      revision: before.revision,
      validFrom: '2022-06-01',
      contact: 'x',
    });
    await expectRefused(
      404,
      'PATCH',
      `/api/places/services/${friskliv}`,
      editor,
      { revision: before.revision + 1, validFrom: '2019-06-01', contact: 'x' },
      /finnes ikke 1\.6\.2019/,
    );

    const hub = (await t.knutepunkt.app.inject({ url: `/api/places/hubs/${await hubOf(10)}?date=2022-01-01` })).json() as HubDetail;
    const site = hub.sites[0]!;
    await expectWritten(200, 'PATCH', `/api/places/sites/${site.id}`, editor, {
      revision: site.revision,
      validFrom: '2022-01-01',
      openingHoursText: 'Test: tirsdager 10–14',
      openingHours: [{ weekday: 2, opens: '10:00', closes: '14:00' }],
    });
    const after = (await t.knutepunkt.app.inject({ url: `/api/places/hubs/${hub.id}?date=2022-01-01` })).json() as HubDetail;
    expect(after.sites[0]).toMatchObject({
      openingHoursText: 'Test: tirsdager 10–14',
      openingHours: [{ weekday: 2, opens: '10:00', closes: '14:00' }],
      address: null,
    });
    const earlier = (await t.knutepunkt.app.inject({ url: `/api/places/hubs/${hub.id}?date=2021-12-31` })).json() as HubDetail;
    expect(earlier.sites[0]!.openingHours).toBeNull();
  });

  it('turns a NUL byte in a name into a 400, never a 500', async () => {
    const editor = await t.signInAs(['organisation_editor']);
    const response = await expectRefused(400, 'POST', '/api/places/sites', editor, { validFrom: '2020-01-01', name: 'Bygg\u0000' });
    expect(response.json().error.code).toBe('invalid');
  });

  it('links the pilot hub to its organisation unit; the report then no longer flags it', async () => {
    const editor = await t.signInAs(['organisation_editor']);
    const hubId = await hubOf(6);
    const hub = (await t.knutepunkt.app.inject({ url: `/api/places/hubs/${hubId}?date=2020-01-01` })).json() as HubDetail;
    await expectWritten(200, 'PATCH', `/api/places/hubs/${hubId}`, editor, {
      revision: hub.revision,
      validFrom: '2020-01-01',
      pilotUnitId: await unitId('pilot-lokalt-knutepunkt'),
      successCriteria: 'Test: flere innbyggere bruker møteplassen.',
    });
    const updated = (await t.knutepunkt.app.inject({ url: `/api/places/hubs/${hubId}?date=2020-01-01` })).json() as HubDetail;
    expect(updated.pilotUnit!.name).toBe('Pilot lokalt knutepunkt');
    const report = await t.knutepunkt.app.inject({ url: '/api/places/report?date=2020-01-01', headers: { cookie: editor.cookie } });
    expect(report.json().findings.filter((f: { rule: string }) => f.rule === 'pilot_unit_without_hub')).toEqual([]);
  });

  it('creates a site in a hub cluster and records a unit located there; co-location shows it', async () => {
    const editor = await t.signInAs(['organisation_editor']);
    const hubId = await hubOf(8);
    const site = await expectWritten(201, 'POST', '/api/places/sites', editor, {
      validFrom: '2020-01-01',
      name: 'Testbygget på Bragernes',
      hubId,
      latitude: 59.74,
      longitude: 10.2,
    });
    await expectWritten(201, 'POST', '/api/places/locations', editor, {
      siteId: site.id,
      unitId: await unitId('omsorg-hjemmetjenester-bragernes'),
      validFrom: '2020-01-01',
      source: 'test',
    });
    const colocation = await t.knutepunkt.app.inject({
      url: '/api/places/co-location?date=2020-01-01',
      headers: { cookie: editor.cookie },
    });
    const district8 = colocation.json().districts.find((d: { number: number }) => d.number === 8);
    expect(district8.unitsNotAtHub.map((u: { name: string }) => u.name)).not.toContain('Omsorgstjenester Bragernes');
    expect(district8.unitsNotAtHub.map((u: { name: string }) => u.name)).toContain('Lokal koordinator, kommunedel 8');
    // The same unit at the same site twice at once is refused.
    await expectRefused(409, 'POST', '/api/places/locations', editor, {
      siteId: site.id,
      unitId: await unitId('omsorg-hjemmetjenester-bragernes'),
      validFrom: '2021-01-01',
    });
    // Coordinates come in pairs.
    await expectRefused(
      400,
      'POST',
      '/api/places/sites',
      editor,
      { validFrom: '2020-01-01', name: 'Halvt plassert', latitude: 59.7 },
      /både breddegrad og lengdegrad/,
    );
  });
});

describe('[EDITOR][EDIT_PLACES] bad input: clear messages, nothing changed', () => {
  it('refuses overlapping validity: a district number that exists then, a second hub in a district, a second coverage row', async () => {
    const editor = await t.signInAs(['organisation_editor']);
    await expectRefused(
      409,
      'POST',
      '/api/places/districts',
      editor,
      { number: 3, validFrom: '2025-01-01', name: 'Ny kommunedel 3' },
      /finnes allerede/,
    );
    await expectRefused(
      409,
      'POST',
      '/api/places/hubs',
      editor,
      { districtNumber: 3, validFrom: '2025-01-01', name: 'Enda et knutepunkt' },
      /har allerede et lokalt knutepunkt/,
    );
    const desk = (await t.knutepunkt.app.inject({ url: '/api/places/search?q=servicetorg' })).json().results[0].id as string;
    await expectRefused(
      409,
      'POST',
      '/api/places/coverage',
      editor,
      { serviceId: desk, districtNumber: 1, mode: 'always', validFrom: '2024-01-01' },
      /overlappende periode/,
    );
  });

  it('refuses a hub in a district that does not exist at that date', async () => {
    const editor = await t.signInAs(['organisation_editor']);
    await expectWritten(201, 'POST', '/api/places/districts', editor, {
      number: 11,
      validFrom: '2030-01-01',
      name: 'Framtidig kommunedel',
      source: 'test',
    });
    await expectRefused(
      400,
      'POST',
      '/api/places/hubs',
      editor,
      { districtNumber: 11, validFrom: '2029-01-01', name: 'For tidlig' },
      /Kommunedel 11 finnes ikke i hele perioden fra 1\.1\.2029/,
    );
    await expectRefused(
      400,
      'POST',
      '/api/places/hubs',
      editor,
      { districtNumber: 42, validFrom: '2029-01-01', name: 'Ingen steder' },
      /Kommunedel 42 finnes ikke/,
    );
    await expectWritten(201, 'POST', '/api/places/hubs', editor, { districtNumber: 11, validFrom: '2030-01-01', name: 'I tide' });
  });

  it('refuses coverage and services for a unit that is closed in the period', async () => {
    const editor = await t.signInAs(['organisation_editor']);
    const unit = await send('POST', '/api/organisation/units', editor, {
      name: 'Midlertidig tjenesteenhet',
      kind: 'unit',
      level: 3,
      parentId: null,
      classification: 'service',
      validFrom: '2020-01-01',
      validTo: '2021-01-01',
    });
    expect(unit.statusCode, unit.body).toBe(201);
    const unitIdClosed = unit.json().id as string;
    await expectRefused(
      400,
      'POST',
      '/api/places/services',
      editor,
      { validFrom: '2020-06-01', name: 'For lenge', deliveringUnitId: unitIdClosed, proximityClass: 'central' },
      /finnes ikke i hele perioden/,
    );
    const service = await expectWritten(201, 'POST', '/api/places/services', editor, {
      validFrom: '2020-06-01',
      validTo: '2021-01-01',
      name: 'Kortvarig tilbud',
      deliveringUnitId: unitIdClosed,
      proximityClass: 'shared_districts',
    });
    // The service itself ends with its unit, so coverage past the end is refused …
    await expectRefused(
      400,
      'POST',
      '/api/places/coverage',
      editor,
      { serviceId: service.id, districtNumber: 2, validFrom: '2020-09-01', validTo: '2021-06-01' },
      /finnes ikke i hele perioden/,
    );
    // … and a service kept on after its unit closed is caught by the unit check.
    const open = await expectWritten(201, 'POST', '/api/places/services', editor, {
      validFrom: '2020-06-01',
      name: 'Uten slutt',
      deliveringUnitId: await unitId('nav'),
      proximityClass: 'central',
    });
    await t.database.db
      .updateTable('places_service_versions' as never)
      .set({ delivering_unit_id: unitIdClosed } as never)
      .where('service_id' as never, '=', open.id as never)
      .execute();
    await expectRefused(
      400,
      'POST',
      '/api/places/coverage',
      editor,
      { serviceId: open.id, districtNumber: 2, validFrom: '2020-09-01' },
      /Midlertidig tjenesteenhet.*nedlagt enhet/s,
    );
  });

  it('refuses a schedule that ends before it starts: dates, weekly times, opening hours, an open-ended extended period', async () => {
    const editor = await t.signInAs(['organisation_editor']);
    const station = (await t.knutepunkt.app.inject({ url: '/api/places/search?q=helsestasjon' })).json().results[0].id as string;
    const base = { serviceId: station, districtNumber: 9, validFrom: '2020-05-01' };
    await expectRefused(
      400,
      'POST',
      '/api/places/coverage',
      editor,
      { ...base, validTo: '2020-04-01' },
      /Sluttdatoen \(1\.4\.2020\) må være etter startdatoen/,
    );
    await expectRefused(400, 'POST', '/api/places/coverage', editor, { ...base, validTo: '2020-05-01' }, /må være etter startdatoen/);
    await expectRefused(
      400,
      'POST',
      '/api/places/coverage',
      editor,
      { ...base, mode: 'weekly', weeklyTimes: [{ weekday: 3, from: '15:00', to: '09:00' }] },
      /slutter før det begynner/,
    );
    await expectRefused(
      400,
      'POST',
      '/api/places/coverage',
      editor,
      { ...base, mode: 'extended_period' },
      /utvidet tilbud må ha en sluttdato/,
    );
    await expectRefused(
      400,
      'POST',
      '/api/places/sites',
      editor,
      { validFrom: '2020-01-01', name: 'Snudd', openingHours: [{ weekday: 1, opens: '16:00', closes: '08:00' }] },
      /slutter før det begynner/,
    );
    await expectRefused(400, 'POST', '/api/places/coverage', editor, {
      ...base,
      mode: 'weekly',
      weeklyTimes: [{ weekday: 8, from: '09:00', to: '10:00' }],
    });

    // A coverage row edited to end before it starts is refused too; a good edit is audited.
    const row = await expectWritten(201, 'POST', '/api/places/coverage', editor, {
      ...base,
      mode: 'rotating',
      weeklyTimes: [{ weekday: 1, from: '09:00', to: '12:00' }],
      scheduleNote: 'Annenhver mandag',
    });
    await expectRefused(
      400,
      'PATCH',
      `/api/places/coverage/${row.id}`,
      editor,
      { revision: row.revision, validTo: '2020-01-01' },
      /må være etter startdatoen/,
    );
    const edited = await expectWritten(200, 'PATCH', `/api/places/coverage/${row.id}`, editor, {
      revision: row.revision,
      mode: 'extended_period',
      validTo: '2020-08-01',
    });
    await expectRefused(409, 'PATCH', `/api/places/coverage/${row.id}`, editor, { revision: row.revision, scheduleNote: 'x' });
    expect(edited.revision).toBe(row.revision + 1);
  });

  it('refuses writes from users without places:write and from anyone not signed in', async () => {
    const employee = await t.signInAs(['employee']);
    const body = { validFrom: '2020-01-01', name: 'Uten lov', deliveringUnitId: await unitId('nav'), proximityClass: 'central' };
    await expectRefused(403, 'POST', '/api/places/services', employee, body);
    const anonymous = await t.knutepunkt.app.inject({ method: 'POST', url: '/api/places/services', payload: body });
    expect(anonymous.statusCode).toBe(401);
    const editor = await t.signInAs(['organisation_editor']);
    await expectRefused(400, 'POST', '/api/places/services', editor, { ...body, proximityClass: 'everywhere' });
    await expectRefused(400, 'POST', '/api/places/services', editor, { ...body, unknownField: 1 });
    await expectRefused(404, 'PATCH', '/api/places/services/not-a-uuid', editor, { revision: 1, validFrom: '2020-01-01', name: 'x' });
  });
});

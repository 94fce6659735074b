import { describe, expect, it } from 'vitest';
import { compareNorwegian } from '../../kernel/index.js';
import { useTestApp } from '../../../test/helpers/test-app.js';
import type {
  CoLocation,
  DistrictDetail,
  DistrictList,
  HubDetail,
  ProximityReport,
  ServiceCatalogue,
  ServiceDetail,
  SiteList,
} from './places.schemas.js';

const t = useTestApp();
const get = (url: string, headers: Record<string, string> = {}) => t.knutepunkt.app.inject({ url, headers });

describe('[CITIZEN][READ_DISTRICTS]', () => {
  it('lists the ten districts of 2020 with the published names, 2017 population with its source, hub and local coordinator, without sign-in', async () => {
    const response = await get('/api/places/districts?date=2020-01-01');
    expect(response.statusCode).toBe(200);
    const { districts } = response.json() as DistrictList;
    expect(districts.map((d) => d.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(districts[0]).toMatchObject({
      name: 'Mjøndalen, Åsen, Steinberg og Ytterkollen',
      population: 10462,
      populationYear: 2017,
      localCoordinator: { title: 'lokal koordinator, kommunedel 1' },
      hub: { name: 'Lokalt knutepunkt kommunedel 1' },
    });
    for (const district of districts) {
      expect(district.source, `district ${district.number}`).toMatch(/reference-facts/);
      expect(district.hub, `district ${district.number}`).not.toBeNull();
      // Not given in the sources: left empty, never invented.
      expect(district.localCommitteeName).toBeNull();
    }
  });

  it('dates the names: district 9 was «Skoger, Åskollen og Nesbygda» in 2022 and «Skoger og Åskollen» in 2024', async () => {
    const in2022 = (await get('/api/places/districts/9?date=2022-06-01')).json() as DistrictDetail;
    const in2024 = (await get('/api/places/districts/9?date=2024-06-01')).json() as DistrictDetail;
    expect(in2022.district.name).toBe('Skoger, Åskollen og Nesbygda');
    expect(in2024.district.name).toBe('Skoger og Åskollen');
    expect(in2024.names.map((n) => n.name)).toEqual(['Skoger, Åskollen og Nesbygda', 'Skoger og Åskollen']);
  });

  it('shows a district page with its hub and the services there, shared ones under their generated name', async () => {
    const response = await get('/api/places/districts/2?date=2020-01-01');
    expect(response.statusCode).toBe(200);
    const detail = response.json() as DistrictDetail;
    const desk = detail.services.find((s) => s.serviceName === 'Servicetorg (innbyggertorg)')!;
    // Krokstadelva's services were given in Mjøndalen: one site for districts 1 and 2.
    expect(desk).toMatchObject({
      displayName: 'Servicetorg (innbyggertorg) for kommunedel 1 og 2',
      servedDistricts: [1, 2],
      site: { name: 'Rådhuset i Mjøndalen' },
    });
    expect(detail.services.find((s) => s.serviceName === 'Lokal koordinator og nærutvalg')).toMatchObject({
      displayName: 'Lokal koordinator og nærutvalg',
      site: null,
      mode: null,
    });
    expect(detail.forEveryone.map((s) => s.name)).toContain('Legevakt');
    const names = detail.forEveryone.map((s) => s.name);
    expect([...names].sort(compareNorwegian)).toEqual(names);
  });

  it('answers 404 for a district that does not exist on the date, 400 for a bad date or number', async () => {
    expect((await get('/api/places/districts/3?date=2019-12-31')).statusCode).toBe(404);
    expect((await get('/api/places/districts/11')).statusCode).toBe(404);
    expect((await get('/api/places/districts/abc')).statusCode).toBe(400);
    expect((await get('/api/places/districts?date=2020-02-30')).statusCode).toBe(400);
  });
});

describe('[CITIZEN][READ_HUB_AND_SERVICE]', () => {
  it('shows the Mjøndalen hub with its site, the address and opening hours the sources give, and the service desk', async () => {
    const { districts } = (await get('/api/places/districts?date=2020-01-01')).json() as DistrictList;
    const response = await get(`/api/places/hubs/${districts[0]!.hub!.id}?date=2020-01-01`);
    expect(response.statusCode).toBe(200);
    const hub = response.json() as HubDetail;
    expect(hub).toMatchObject({ district: { number: 1 }, functions: ['meeting_place', 'service_desk'], pilotUnit: null });
    expect(hub.sites).toHaveLength(1);
    expect(hub.sites[0]).toMatchObject({ name: 'Rådhuset i Mjøndalen', address: 'Gamle Rådhusgata 2, 3050 Mjøndalen' });
    expect(hub.sites[0]!.openingHours).toHaveLength(5);
    expect(hub.services.map((s) => s.displayName)).toEqual([
      'Servicetorg (innbyggertorg) for kommunedel 1 og 2',
      'Servicetorg (innbyggertorg) for kommunedel 1 og 2',
    ]);
  });

  it('leaves what the sources do not give empty: the Krokstadelva hub has no address or opening hours', async () => {
    const { districts } = (await get('/api/places/districts?date=2020-01-01')).json() as DistrictList;
    const hub = (await get(`/api/places/hubs/${districts[1]!.hub!.id}?date=2020-01-01`)).json() as HubDetail;
    expect(hub.sites[0]).toMatchObject({
      name: 'Folkets Hus i Krokstadelva',
      address: null,
      openingHours: null,
      openingHoursText: null,
      owner: null,
    });
  });

  it('shows a service with its delivering unit and coverage per district', async () => {
    const search = (await get('/api/places/search?q=servicetorg&date=2020-01-01')).json() as { results: { id: string; name: string }[] };
    const id = search.results.find((r) => r.name === 'Servicetorg (innbyggertorg)')!.id;
    const service = (await get(`/api/places/services/${id}?date=2020-01-01`)).json() as ServiceDetail;
    expect(service).toMatchObject({
      proximityClass: 'every_district',
      deliveringUnit: { name: 'Bibliotek og møteplass' },
      universalRole: 'service_desk',
    });
    expect(service.coverage.map((c) => c.districtNumber)).toEqual([1, 2]);
    expect(service.source).toMatch(/002 s\. 12, 51/);
  });

  it('answers 404 for unknown ids, including ids that are not uuids', async () => {
    for (const id of ['00000000-0000-4000-8000-000000000000', 'not-a-uuid', "1' or '1'='1"]) {
      expect((await get(`/api/places/hubs/${encodeURIComponent(id)}`)).statusCode, id).toBe(404);
      expect((await get(`/api/places/services/${encodeURIComponent(id)}`)).statusCode, id).toBe(404);
    }
  });
});

describe('[CITIZEN][READ_CATALOGUE]', () => {
  it('lists the whole catalogue in Norwegian order with each service’s coverage, and every site with its hub', async () => {
    const catalogue = (await get('/api/places/services?date=2020-01-01')).json() as ServiceCatalogue;
    expect(catalogue.services).toHaveLength(35);
    const names = catalogue.services.map((s) => s.name);
    expect([...names].sort(compareNorwegian)).toEqual(names);
    expect(names.at(-1)).toBe('Åpne kulturtilbud for barn og unge');
    const desk = catalogue.services.find((s) => s.key === 'servicetorg')!;
    expect(desk.coverage.map((c) => [c.districtNumber, c.displayName])).toEqual([
      [1, 'Servicetorg (innbyggertorg) for kommunedel 1 og 2'],
      [2, 'Servicetorg (innbyggertorg) for kommunedel 1 og 2'],
    ]);
    expect(catalogue.services.find((s) => s.key === 'lokal-koordinator')!.coverage).toHaveLength(10);
    // Before the new municipality: nothing.
    expect(((await get('/api/places/services?date=2019-12-31')).json() as ServiceCatalogue).services).toEqual([]);

    const { sites } = (await get('/api/places/sites?date=2020-01-01')).json() as SiteList;
    expect(sites).toHaveLength(12);
    expect(sites.find((s) => s.name === 'Konnerudsenteret')).toMatchObject({ hub: { districtNumber: 5 }, address: null });
    expect(sites.find((s) => s.name === 'Union Scene')).toMatchObject({ hub: null });
  });
});

describe('[EMPLOYEE][READ_PROXIMITY_REPORT]', () => {
  it('applies the proximity rules to the built-in dataset', async () => {
    expect((await get('/api/places/report')).statusCode).toBe(401);
    const user = await t.signInAs(['employee']);
    const response = await get('/api/places/report?date=2020-01-01', { cookie: user.cookie });
    expect(response.statusCode).toBe(200);
    const { findings } = response.json() as ProximityReport;
    const rules = (rule: string) => findings.filter((f) => f.rule === rule);
    // Every district has a hub in 2020.
    expect(rules('district_without_hub')).toEqual([]);
    // The NAV services proposed for the hubs have no recorded coverage yet.
    const nav = rules('every_district_missing').find((f) => f.message.nb.includes('Økonomisk rådgivning'))!;
    expect(nav.districtNumbers).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    // The local coordinator is in every district: not flagged. The service desk is only in 1 and 2.
    expect(rules('every_district_missing').some((f) => f.message.nb.includes('Lokal koordinator'))).toBe(false);
    expect(rules('every_district_missing').find((f) => f.message.nb.includes('Servicetorg'))!.districtNumbers).toEqual([
      3, 4, 5, 6, 7, 8, 9, 10,
    ]);
    // Hub 1 has a meeting place and a service desk but no Åpent hus offer recorded; hub 3 lacks both.
    const hub1 = rules('hub_missing_universal').find((f) => f.districtNumbers[0] === 1)!;
    expect(hub1.missing).toEqual(['apent_hus']);
    const hub3 = rules('hub_missing_universal').find((f) => f.districtNumbers[0] === 3)!;
    expect(hub3.missing).toEqual(['library|service_desk', 'apent_hus']);
    expect(rules('shared_not_covering').some((f) => f.message.nb.includes('«Helsestasjon»'))).toBe(true);
    // The sources do not say where the pilot hub is, so the pilot unit is linked to no hub.
    expect(rules('pilot_unit_without_hub')).toHaveLength(1);
  });
});

describe('[EMPLOYEE][READ_CO_LOCATION]', () => {
  it('derives which units share each site, and which units of a district have no place at its hub', async () => {
    expect((await get('/api/places/co-location')).statusCode).toBe(401);
    const user = await t.signInAs(['employee']);
    const response = await get('/api/places/co-location?date=2020-01-01', { cookie: user.cookie });
    expect(response.statusCode).toBe(200);
    const body = response.json() as CoLocation;
    expect(body.sites.find((s) => s.site.name === 'Union Scene')!.units.map((u) => u.name)).toEqual(['Kulturskole og ung kultur']);
    expect(body.sites.find((s) => s.site.name === 'Rådhuset i Mjøndalen')!).toMatchObject({
      hub: { districtNumber: 1 },
      units: [{ name: 'Bibliotek og møteplass' }],
    });
    const district1 = body.districts.find((d) => d.number === 1)!;
    // The organisation places home care and the local coordinator in district 1; neither sits at the hub.
    expect(district1.unitsNotAtHub.map((u) => u.name)).toContain('Lokal koordinator, kommunedel 1');
  });
});

describe('[DEVELOPER][READ_API_DOCS]', () => {
  it('describes every places route in the OpenAPI document', async () => {
    const spec = (await get('/api/docs/json')).json() as { paths: Record<string, unknown> };
    expect(Object.keys(spec.paths)).toEqual(
      expect.arrayContaining([
        '/api/places/search',
        '/api/places/districts/{number}',
        '/api/places/hubs/{id}',
        '/api/places/coverage/{id}',
        '/api/places/report',
      ]),
    );
  });
});

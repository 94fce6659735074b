// Finding 10 of the hardening issue: an organisation editor limited to an area («Skole») could change
// places' districts and add reporting lines out of the area. Walks every write route that needs the
// organisation's or places' edit permission, as an editor limited to «Skole», on a record outside
// it, and expects a 403 that names the area and changes nothing. A new write route fails here until
// it is given a request on a record outside the area below, or put on the open list with its reason.
import { describe, expect, it } from 'vitest';
import { useTestApp, type SignedIn } from '../helpers/test-app.js';
import { apiRoutes, fillPath, isWrite, routeName } from '../helpers/routes.js';

const t = useTestApp();
const day = '2024-01-01';
const guarded = new Set(['organisation:write', 'organisation:configure', 'places:write']);

/**
 * Write routes an editor limited to an area may call on purpose, and why. Each still refuses, in the
 * commands it runs, whatever lies outside the area.
 */
const openToAreaEditors: Record<string, string> = {
  'POST /api/organisation/people': 'a person belongs to no unit until assigned, and assigning is checked against the area',
  'POST /api/organisation/imports':
    'the upload only stores a dry run: it runs the same commands in a transaction rolled back, so every row outside the area is listed as a problem and the file cannot be applied',
  'POST /api/organisation/imports/:id/plan': 'runs the dry run again, changing nothing (as the upload)',
  'POST /api/organisation/scenarios': 'a draft changes nothing; applying one needs organisation:approve, and runs the same commands',
  'POST /api/organisation/scenarios/:id/submit': 'submitting a draft for approval changes nothing in the organisation (as creating one)',
  'POST /api/organisation/scenarios/:id/withdraw': 'taking a submitted scenario back to draft changes nothing (as creating one)',
  'PATCH /api/organisation/scenarios/:id': 'a draft changes nothing (as creating one)',
  'POST /api/organisation/scenarios/:id/discard': 'a draft changes nothing (as creating one)',
  'POST /api/organisation/scenarios/:id/changes': 'a draft changes nothing (as creating one)',
  'DELETE /api/organisation/scenarios/:id/changes/:changeId': 'a draft changes nothing (as creating one)',
  'POST /api/organisation/bulk-changes': 'drafts a scenario from a selection of units, changing nothing (as creating one)',
};

interface Call {
  params?: Record<string, string>;
  query?: string;
  payload?: unknown;
  contentType?: string;
}

const idOf = async (table: string, key: string) =>
  (
    (await t.database.db
      .selectFrom(table as never)
      .select('id' as never)
      .where('key' as never, '=', key as never)
      .executeTakeFirstOrThrow()) as {
      id: string;
    }
  ).id;
const rowOf = async (table: string, column: string, value: unknown) =>
  (await t.database.db
    .selectFrom(table as never)
    .select(['id' as never, 'revision' as never])
    .where(column as never, '=', value as never)
    .executeTakeFirstOrThrow()) as { id: string; revision: number };

async function send(user: SignedIn, method: string, url: string, call: Call) {
  return t.knutepunkt.app.inject({
    method: method as 'POST',
    url: fillPath(url, call.params ?? {}) + (call.query ?? ''),
    headers: { ...user.headers, 'accept-language': 'nb', ...(call.contentType ? { 'content-type': call.contentType } : {}) },
    ...(call.payload === undefined ? {} : { payload: call.payload as object }),
  });
}

describe('[ORGANISATION_EDITOR][EDITOR_AREA] every write route of the organisation and places', () => {
  it('refuses an editor limited to «Skole» a record outside it (403 naming the area, nothing changed)', async () => {
    const admin = await t.signInAs(['administrator']);
    const editor = await t.signInAs(['organisation_editor']);
    const set = await send(admin, 'PUT', '/api/organisation/editor-areas/:userId', {
      params: { userId: editor.userId },
      payload: { unitIds: [await idOf('org_units', 'omrade-skole')] },
    });
    expect(set.statusCode).toBe(200);

    // Records outside «Skole»: home care (Omsorg), a director above it, the dataset's one assignment.
    const homeCare = await idOf('org_units', 'omsorg-hjemmetjenester-bragernes');
    const homeCareRow = await rowOf('org_units', 'id', homeCare);
    const outsidePosition = await rowOf('org_positions', 'key', 'direktor-omsorg');
    const schoolLeader = await idOf('org_positions', 'leder-skole-aronslokka');
    const digitalDirector = await idOf('org_positions', 'direktor-utvikling-og-digitalisering');
    const assignment = (await t.database.db
      .selectFrom('org_assignments' as never)
      .select(['id' as never, 'revision' as never])
      .executeTakeFirstOrThrow()) as { id: string; revision: number };
    const person = await t.database.db
      .selectFrom('org_people' as never)
      .select('id' as never)
      .executeTakeFirstOrThrow();
    const outsideLine = (await t.database.db
      .selectFrom('org_reporting_lines' as never)
      .select(['id' as never, 'revision' as never])
      .where('from_position_id' as never, '=', outsidePosition.id as never)
      .executeTakeFirstOrThrow()) as { id: string; revision: number };
    const baseline = await send(admin, 'POST', '/api/organisation/baselines', {
      payload: { name: 'Svelvik', year: 2019, adminFte: 10, totalFte: 100 },
    });
    expect(baseline.statusCode).toBe(201);
    const { id: baselineId, revision: baselineRevision } = baseline.json() as { id: string; revision: number };
    // An import an unlimited editor checked, renaming home care: applying it is still this editor's write.
    const upload = await send(admin, 'POST', '/api/organisation/imports', {
      query: '?entity=units&fileName=omsorg.csv',
      contentType: 'text/csv; charset=utf-8',
      payload: 'key;name\nomsorg-hjemmetjenester-bragernes;Hjemmetjenester Bragernes (importert)\n',
    });
    expect(upload.statusCode, upload.body).toBe(201);
    const orgImport = upload.json() as { id: string; revision: number; canApply: boolean };
    expect(orgImport.canApply).toBe(true);
    const district = await rowOf('places_districts', 'number', 3);
    const hub = await rowOf(
      'places_hubs',
      'key',
      (
        (await t.database.db
          .selectFrom('places_hubs' as never)
          .select('key' as never)
          .executeTakeFirstOrThrow()) as { key: string }
      ).key,
    );
    const site = (await t.database.db
      .selectFrom('places_sites' as never)
      .select(['id' as never, 'revision' as never])
      .executeTakeFirstOrThrow()) as { id: string; revision: number };
    // No service of the catalogue is delivered by a unit in «Skole».
    const coverage = (await t.database.db
      .selectFrom('places_coverage' as never)
      .select(['id' as never, 'revision' as never, 'service_id' as never])
      .executeTakeFirstOrThrow()) as { id: string; revision: number; service_id: string };
    const service = await rowOf('places_services', 'id', coverage.service_id);
    const placesFile = (await send(admin, 'GET', '/api/places/export', { query: `?date=${day}` })).body;

    const outside: Record<string, Call> = {
      'POST /api/organisation/units': {
        payload: { name: 'Ny enhet', kind: 'unit', level: 3, parentId: homeCare, classification: 'service', validFrom: day },
      },
      'PATCH /api/organisation/units/:id': {
        params: { id: homeCare },
        payload: { revision: homeCareRow.revision, validFrom: day, name: 'Annet navn' },
      },
      'POST /api/organisation/units/:id/close': { params: { id: homeCare }, payload: { revision: homeCareRow.revision, validTo: day } },
      'PUT /api/organisation/units/:id/budget': {
        params: { id: homeCare },
        payload: { revision: homeCareRow.revision, validFrom: day, budgetedFte: 10, source: 'Årsbudsjett' },
      },
      'POST /api/organisation/positions': {
        payload: { title: 'rådgiver', unitId: homeCare, roleType: 'adviser', personnelResponsibility: false, validFrom: day },
      },
      'PATCH /api/organisation/positions/:id': {
        params: { id: outsidePosition.id },
        payload: { revision: outsidePosition.revision, validFrom: day, title: 'direktør for omsorg og helse' },
      },
      'POST /api/organisation/positions/:id/close': {
        params: { id: outsidePosition.id },
        payload: { revision: outsidePosition.revision, validTo: day },
      },
      'POST /api/organisation/assignments': {
        payload: { personId: (person as { id: string }).id, positionId: outsidePosition.id, validFrom: day },
      },
      'POST /api/organisation/assignments/:id/end': {
        params: { id: assignment.id },
        payload: { revision: assignment.revision, validTo: day },
      },
      // From a school to the director of digitalisation: the line's far end lies outside «Skole».
      'POST /api/organisation/lines': {
        payload: { type: 'professional', fromPositionId: schoolLeader, toPositionId: digitalDirector, validFrom: day },
      },
      'POST /api/organisation/lines/:id/end': { params: { id: outsideLine.id }, payload: { revision: outsideLine.revision, validTo: day } },
      'POST /api/organisation/baselines': { payload: { name: 'Nedre Eiker', year: 2019, adminFte: 10, totalFte: 100 } },
      'PATCH /api/organisation/baselines/:id': { params: { id: baselineId }, payload: { revision: baselineRevision, adminFte: 11 } },
      'DELETE /api/organisation/baselines/:id': { params: { id: baselineId }, query: `?revision=${baselineRevision}` },
      'POST /api/organisation/imports/:id/apply': { params: { id: orgImport.id }, payload: { revision: orgImport.revision } },
      'POST /api/places/districts': { payload: { number: 42, name: 'Ny kommunedel', validFrom: day } },
      'PATCH /api/places/districts/:number': {
        params: { number: '3' },
        payload: { revision: district.revision, validFrom: day, name: 'Nytt navn' },
      },
      'POST /api/places/hubs': {
        payload: { districtNumber: 3, name: 'Nytt knutepunkt', functions: [], pilotUnitId: null, validFrom: '2090-01-01' },
      },
      'PATCH /api/places/hubs/:id': { params: { id: hub.id }, payload: { revision: hub.revision, validFrom: day, name: 'Nytt navn' } },
      'POST /api/places/sites': { payload: { name: 'Nytt bygg', validFrom: day } },
      'PATCH /api/places/sites/:id': { params: { id: site.id }, payload: { revision: site.revision, validFrom: day, name: 'Nytt navn' } },
      'POST /api/places/services': {
        payload: { name: 'Ny tjeneste', deliveringUnitId: homeCare, proximityClass: 'central', validFrom: day },
      },
      'PATCH /api/places/services/:id': {
        params: { id: service.id },
        payload: { revision: service.revision, validFrom: day, name: 'Nytt navn' },
      },
      'POST /api/places/coverage': { payload: { serviceId: service.id, districtNumber: 3, mode: 'always', validFrom: '2090-01-01' } },
      'PATCH /api/places/coverage/:id': { params: { id: coverage.id }, payload: { revision: coverage.revision, note: 'Ny merknad' } },
      'POST /api/places/locations': { payload: { siteId: site.id, unitId: homeCare, validFrom: '2090-01-01' } },
      'POST /api/places/imports': { query: '?dryRun=true', contentType: 'application/json', payload: placesFile },
      'POST /api/places/imports/:id/apply': { params: { id: '7f1c3c52-3e4f-4d0a-9a57-5d1f0c2b9e11' }, payload: { revision: 1 } },
    };

    const routes = apiRoutes(t.knutepunkt).filter((r) => isWrite(r) && guarded.has(r.access));
    expect(routes.length).toBeGreaterThan(30);
    const names = routes.map(routeName);
    // Every guarded route is walked or listed open, and neither list names a route that is gone.
    const editorRoutes = routes.filter((r) => r.access !== 'organisation:configure').map(routeName);
    expect(editorRoutes.filter((n) => !(n in outside) && !(n in openToAreaEditors))).toEqual([]);
    expect([...Object.keys(outside), ...Object.keys(openToAreaEditors)].filter((n) => !names.includes(n))).toEqual([]);

    const audits = await t.auditCount();
    const refusedWrongly: string[] = [];
    for (const route of routes) {
      const name = routeName(route);
      if (name in openToAreaEditors) continue;
      const response = await send(editor, route.method, route.url, outside[name] ?? {});
      const error = (response.json() as { error?: { code: string; message: string } }).error;
      // organisation:configure is not an editor's at all: refused before the area matters.
      const expected = route.access === 'organisation:configure' ? /./ : /«Skole»/;
      if (response.statusCode !== 403 || !expected.test(error?.message ?? ''))
        refusedWrongly.push(`${name}: ${response.statusCode} ${response.body}`);
    }
    expect(refusedWrongly).toEqual([]);
    expect(await t.auditCount()).toBe(audits);
  });
});

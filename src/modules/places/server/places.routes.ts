import { AppError, writeContext, type App, type ModuleContext, type WriteContext } from '../../../kernel/index.js';
import {
  AsOfQuery,
  ChangeCoverageBody,
  ChangeDistrictBody,
  ChangeHubBody,
  ChangeServiceBody,
  ChangeSiteBody,
  CoLocation,
  CreateCoverageBody,
  CreateDistrictBody,
  CreateHubBody,
  CreateLocationBody,
  CreateServiceBody,
  CreateSiteBody,
  DistrictDetail,
  DistrictList,
  HubDetail,
  IdParams,
  NumberParams,
  ProximityReport,
  SearchQuery,
  SearchResult,
  ServiceCatalogue,
  ServiceDetail,
  SiteList,
  WriteResult,
} from '../places.schemas.js';
import {
  addCoverage,
  addLocation,
  changeCoverage,
  changeDistrict,
  changeHub,
  changeService,
  changeSite,
  createDistrict,
  createHub,
  createService,
  createSite,
} from './commands/index.js';
import { notFound } from './commands/shared.js';
import { registerPlacesImportExportRoutes } from './import-export.routes.js';
import { norwegianDate, todayInNorway } from './dated.js';
import {
  searchServices,
  selectCatalogue,
  selectCoLocation,
  selectDistrictDetail,
  selectDistricts,
  selectHubDetail,
  selectReportInput,
  selectServiceDetail,
  selectSites,
} from './places.queries.js';
import type { PlacesDb } from './places.tables.js';
import { proximityFindings } from './proximity-report.js';

const tags = ['places'];
const maxQueryLength = 200;

/** Public pages and search for citizens; editing, co-location and the proximity report for staff. */
export function registerPlacesRoutes(app: App, { database }: ModuleContext): void {
  const db = database.db as unknown as PlacesDb;
  // Each write is one transaction: the command checks, writes and audits, or nothing changes.
  const inTransaction = <T>(context: WriteContext, run: (trx: PlacesDb, context: WriteContext) => Promise<T>) =>
    db.transaction().execute((trx) => run(trx, context));
  const missingOn = (what: { nb: string; en: string }, date: string) =>
    notFound(`Fant ikke ${what.nb} per ${norwegianDate(date)}.`, `${what.en} was not found as of ${date}.`);

  // --- Public ----------------------------------------------------------------------------------

  const pub = { access: 'public' as const };

  app.get(
    '/api/places/search',
    {
      config: pub,
      schema: {
        tags,
        summary: 'Find a service: Norwegian full-text search with tolerance for typos, by district and target group',
        querystring: SearchQuery,
        response: { 200: SearchResult },
      },
    },
    async (request) => {
      const date = request.query.date ?? todayInNorway();
      const q = cleanQuery(request.query.q ?? '');
      if (q === '') {
        throw new AppError('invalid', {
          message: {
            nb: 'Skriv inn hva du leter etter, for eksempel «helsestasjon».',
            en: 'Type what you are looking for, for example "helsestasjon".',
          },
          details: [{ in: 'querystring', path: 'q', problem: 'empty' }],
        });
      }
      if (q.length > maxQueryLength) {
        throw new AppError('invalid', {
          message: {
            nb: `Søket er for langt (${q.length} tegn). Bruk høyst ${maxQueryLength} tegn.`,
            en: `The search is too long (${q.length} characters). Use at most ${maxQueryLength}.`,
          },
          details: [{ in: 'querystring', path: 'q', problem: 'too long' }],
        });
      }
      const results = await searchServices(db, {
        q,
        date,
        district: request.query.district,
        targetGroup: cleanQuery(request.query.targetGroup ?? '') || undefined,
      });
      return { date, q, results };
    },
  );

  app.get(
    '/api/places/districts',
    {
      config: pub,
      schema: {
        tags,
        summary: 'The districts on a date (default today), with hub and local coordinator',
        querystring: AsOfQuery,
        response: { 200: DistrictList },
      },
    },
    async (request) => {
      const date = request.query.date ?? todayInNorway();
      return { date, districts: await selectDistricts(db, date) };
    },
  );

  app.get(
    '/api/places/districts/:number',
    {
      config: pub,
      schema: {
        tags,
        summary: 'A district: its hub, the services delivered there (and from where), its dated names',
        params: NumberParams,
        querystring: AsOfQuery,
        response: { 200: DistrictDetail },
      },
    },
    async (request) => {
      const date = request.query.date ?? todayInNorway();
      const detail = await selectDistrictDetail(db, request.params.number, date);
      if (!detail) throw missingOn({ nb: `kommunedel ${request.params.number}`, en: `District ${request.params.number}` }, date);
      return detail;
    },
  );

  app.get(
    '/api/places/hubs/:id',
    {
      config: pub,
      schema: {
        tags,
        summary: 'A local hub: its sites, opening hours and the services present and when',
        params: IdParams,
        querystring: AsOfQuery,
        response: { 200: HubDetail },
      },
    },
    async (request) => {
      const date = request.query.date ?? todayInNorway();
      const hub = await selectHubDetail(db, request.params.id, date);
      if (!hub) throw missingOn({ nb: 'knutepunktet', en: 'The hub' }, date);
      return hub;
    },
  );

  app.get(
    '/api/places/services/:id',
    {
      config: pub,
      schema: {
        tags,
        summary: 'A service: where and when in each district, how to get in touch',
        params: IdParams,
        querystring: AsOfQuery,
        response: { 200: ServiceDetail },
      },
    },
    async (request) => {
      const date = request.query.date ?? todayInNorway();
      const service = await selectServiceDetail(db, request.params.id, date);
      if (!service) throw missingOn({ nb: 'tjenesten', en: 'The service' }, date);
      return service;
    },
  );

  app.get(
    '/api/places/services',
    {
      config: pub,
      schema: {
        tags,
        summary: 'The whole service catalogue on a date, each service with its coverage per district',
        querystring: AsOfQuery,
        response: { 200: ServiceCatalogue },
      },
    },
    async (request) => {
      const date = request.query.date ?? todayInNorway();
      return { date, services: await selectCatalogue(db, date) };
    },
  );

  app.get(
    '/api/places/sites',
    {
      config: pub,
      schema: {
        tags,
        summary: 'Every site on a date, with its hub cluster, address and opening hours (null: not known)',
        querystring: AsOfQuery,
        response: { 200: SiteList },
      },
    },
    async (request) => {
      const date = request.query.date ?? todayInNorway();
      return { date, sites: await selectSites(db, date) };
    },
  );

  // --- Staff reads -------------------------------------------------------------------------------

  app.get(
    '/api/places/co-location',
    {
      config: { access: 'places:read' },
      schema: {
        tags,
        summary: 'Which units share each site, and which units of a district share no site with its hub',
        querystring: AsOfQuery,
        response: { 200: CoLocation },
      },
    },
    async (request) => {
      const date = request.query.date ?? todayInNorway();
      return { date, ...(await selectCoLocation(db, date)) };
    },
  );

  app.get(
    '/api/places/report',
    {
      config: { access: 'places:read' },
      schema: {
        tags,
        summary: 'The proximity report: the documents’ principles applied on a date',
        querystring: AsOfQuery,
        response: { 200: ProximityReport },
      },
    },
    async (request) => {
      const date = request.query.date ?? todayInNorway();
      return { date, findings: proximityFindings(await selectReportInput(db, date)) };
    },
  );

  // --- Writes ------------------------------------------------------------------------------------

  const write = { access: 'places:write' as const };
  const created = { 201: WriteResult };
  const changed = { 200: WriteResult };

  app.post(
    '/api/places/districts',
    {
      config: write,
      schema: { tags, summary: 'Create a district (or a later period for its number)', body: CreateDistrictBody, response: created },
    },
    async (request, reply) =>
      reply.code(201).send(await inTransaction(writeContext(request), (trx, ctx) => createDistrict(trx, ctx, request.body))),
  );
  app.patch(
    '/api/places/districts/:number',
    {
      config: write,
      schema: {
        tags,
        summary: 'Change a district from validFrom (name, population, committee, coordinator)',
        params: NumberParams,
        body: ChangeDistrictBody,
        response: changed,
      },
    },
    async (request) =>
      inTransaction(writeContext(request), (trx, ctx) => changeDistrict(trx, ctx, { ...request.body, number: request.params.number })),
  );

  app.post(
    '/api/places/hubs',
    { config: write, schema: { tags, summary: 'Create a district’s local hub', body: CreateHubBody, response: created } },
    async (request, reply) =>
      reply.code(201).send(await inTransaction(writeContext(request), (trx, ctx) => createHub(trx, ctx, request.body))),
  );
  app.patch(
    '/api/places/hubs/:id',
    { config: write, schema: { tags, summary: 'Change a hub from validFrom', params: IdParams, body: ChangeHubBody, response: changed } },
    async (request) => inTransaction(writeContext(request), (trx, ctx) => changeHub(trx, ctx, { ...request.body, id: request.params.id })),
  );

  app.post(
    '/api/places/sites',
    { config: write, schema: { tags, summary: 'Create a site (a building)', body: CreateSiteBody, response: created } },
    async (request, reply) =>
      reply.code(201).send(await inTransaction(writeContext(request), (trx, ctx) => createSite(trx, ctx, request.body))),
  );
  app.patch(
    '/api/places/sites/:id',
    { config: write, schema: { tags, summary: 'Change a site from validFrom', params: IdParams, body: ChangeSiteBody, response: changed } },
    async (request) => inTransaction(writeContext(request), (trx, ctx) => changeSite(trx, ctx, { ...request.body, id: request.params.id })),
  );

  app.post(
    '/api/places/services',
    { config: write, schema: { tags, summary: 'Add a service to the catalogue', body: CreateServiceBody, response: created } },
    async (request, reply) =>
      reply.code(201).send(await inTransaction(writeContext(request), (trx, ctx) => createService(trx, ctx, request.body))),
  );
  app.patch(
    '/api/places/services/:id',
    {
      config: write,
      schema: { tags, summary: 'Change a service from validFrom', params: IdParams, body: ChangeServiceBody, response: changed },
    },
    async (request) =>
      inTransaction(writeContext(request), (trx, ctx) => changeService(trx, ctx, { ...request.body, id: request.params.id })),
  );

  app.post(
    '/api/places/coverage',
    {
      config: write,
      schema: { tags, summary: 'Record where and how a service is delivered in a district', body: CreateCoverageBody, response: created },
    },
    async (request, reply) =>
      reply.code(201).send(await inTransaction(writeContext(request), (trx, ctx) => addCoverage(trx, ctx, request.body))),
  );
  app.patch(
    '/api/places/coverage/:id',
    {
      config: write,
      schema: {
        tags,
        summary: 'Edit a coverage row (site, how, times, dates)',
        params: IdParams,
        body: ChangeCoverageBody,
        response: changed,
      },
    },
    async (request) =>
      inTransaction(writeContext(request), (trx, ctx) => changeCoverage(trx, ctx, { ...request.body, id: request.params.id })),
  );

  app.post(
    '/api/places/locations',
    {
      config: write,
      schema: { tags, summary: 'Record that a unit or position works at a site', body: CreateLocationBody, response: created },
    },
    async (request, reply) =>
      reply.code(201).send(await inTransaction(writeContext(request), (trx, ctx) => addLocation(trx, ctx, request.body))),
  );

  registerPlacesImportExportRoutes(app, db);
}

/**
 * The search text as the database may see it: control characters (a NUL byte is refused by
 * PostgreSQL) become spaces and runs of space shrink. Everything else is just text.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const controlCharacters = /[\u0000-\u001f\u007f]/g;

function cleanQuery(raw: string): string {
  return raw.replace(controlCharacters, ' ').replace(/\s+/g, ' ').trim();
}

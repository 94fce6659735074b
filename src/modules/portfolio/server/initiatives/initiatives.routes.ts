import { sendTableExport, writeContext, type App, type ExportColumn, type ModuleContext } from '../../../../kernel/index.js';
import {
  EditInitiativeBody,
  ExportQuery,
  InitiativeDetail,
  InitiativeOptions,
  InitiativeParams,
  MergeInitiativeBody,
  Overview,
  OverviewQuery,
  ProposeInitiativeBody,
  Roadmap,
  RoadmapQuery,
  type OverviewRow,
} from '../../initiatives.schemas.js';
import type { PortfolioDb } from '../portfolio.tables.js';
import { editInitiative } from './edit-initiative.js';
import {
  selectInitiativeDetail,
  selectInitiativeOptions,
  selectOverview,
  selectOverviewAll,
  selectRoadmap,
} from './initiatives.queries.js';
import { mergeInitiatives } from './merge-initiatives.js';
import { proposeInitiative } from './propose-initiative.js';
import { mustFindInitiativeId, todayInNorway } from './shared.js';

const tags = ['portfolio'];
const base = '/api/portfolio';

const categoryNames: Record<OverviewRow['category'], string> = {
  mandated: 'Lovpålagt / politisk vedtatt',
  strategy: 'Strategi',
  efficiency: 'Effektivisering',
  quality: 'Kvalitet',
  innovation: 'Innovasjon',
};
const phaseNames: Record<OverviewRow['phase'], string> = {
  idea: 'Idé',
  concept: 'Konsept',
  planning: 'Planlegge',
  execution: 'Gjennomføre',
  closing: 'Avslutte',
  realisation: 'Realisere',
};
const stateNames: Record<OverviewRow['state'], string> = {
  active: 'Aktiv',
  paused: 'Satt på vent',
  stopped: 'Stoppet',
  merged: 'Slått sammen',
  done: 'Ferdig',
};
const lightNames = { green: 'Grønn', yellow: 'Gul', red: 'Rød' } as const;

const exportColumns: ExportColumn<OverviewRow>[] = [
  { header: 'Nummer', value: (r) => `INI-${r.number}` },
  { header: 'Tittel', value: (r) => r.title },
  { header: 'Eierenhet', value: (r) => r.ownerUnit.name },
  { header: 'Område', value: (r) => r.area?.name ?? '' },
  { header: 'Digital agent', value: (r) => r.digitalAgent?.displayName ?? '' },
  { header: 'Kategori', value: (r) => categoryNames[r.category] },
  { header: 'Størrelse', value: (r) => r.size },
  { header: 'Fase', value: (r) => phaseNames[r.phase] },
  { header: 'Tilstand', value: (r) => stateNames[r.state] },
  { header: 'Estimert kostnad (kr)', value: (r) => r.estimatedCost },
  { header: 'Planlagt start', value: (r) => r.plannedStart },
  { header: 'Planlagt slutt', value: (r) => r.plannedEnd },
  { header: 'Siste statusperiode', value: (r) => r.lights?.period ?? '' },
  { header: 'Omfang', value: (r) => (r.lights ? lightNames[r.lights.scope] : '') },
  { header: 'Tid', value: (r) => (r.lights ? lightNames[r.lights.time] : '') },
  { header: 'Kostnad', value: (r) => (r.lights ? lightNames[r.lights.cost] : '') },
  { header: 'Gevinster', value: (r) => (r.lights ? lightNames[r.lights.benefits] : '') },
];

/** Initiatives: intake, overview, detail, edit, merge, roadmap, exports — under /api/portfolio. */
export function registerInitiativeRoutes(app: App, { database }: ModuleContext): void {
  const db = database.db as unknown as PortfolioDb;

  app.get(
    `${base}/options`,
    {
      config: { access: 'portfolio:read' },
      schema: {
        tags,
        summary: 'What the intake form and the overview filters offer: units, areas, users, goals, decisions, categories',
        response: { 200: InitiativeOptions },
      },
    },
    async () => selectInitiativeOptions(db, todayInNorway()),
  );

  app.post(
    `${base}/initiatives`,
    {
      config: { access: 'portfolio:propose' },
      schema: {
        tags,
        summary: 'Propose an initiative (the standard intake form)',
        body: ProposeInitiativeBody,
        response: { 201: InitiativeDetail },
      },
    },
    async (request, reply) => {
      const { id } = await proposeInitiative(db, writeContext(request), request.body);
      return reply.code(201).send(await selectInitiativeDetail(db, request.actor!, id, todayInNorway()));
    },
  );

  app.get(
    `${base}/initiatives`,
    {
      config: { access: 'portfolio:read' },
      schema: {
        tags,
        summary: 'The portfolio overview: filtered, paged, with counts per phase and the latest traffic lights',
        querystring: OverviewQuery,
        response: { 200: Overview },
      },
    },
    async (request) => selectOverview(db, request.query, todayInNorway()),
  );

  app.get(
    `${base}/initiatives/export`,
    {
      config: { access: 'portfolio:read' },
      schema: { tags, summary: 'The overview with the same filters as CSV or XLSX', querystring: ExportQuery },
    },
    async (request, reply) => {
      const { format, ...query } = request.query;
      const rows = await selectOverviewAll(db, query, todayInNorway());
      return sendTableExport(reply, format, 'portefolje-initiativer', exportColumns, rows);
    },
  );

  app.get(
    `${base}/initiatives/:ref`,
    {
      config: { access: 'portfolio:read' },
      schema: {
        tags,
        summary: 'One initiative: fields, goals, decisions followed, names and its history (including merged ones)',
        params: InitiativeParams,
        response: { 200: InitiativeDetail },
      },
    },
    async (request) => {
      const id = await mustFindInitiativeId(db, request.params.ref);
      return selectInitiativeDetail(db, request.actor!, id, todayInNorway());
    },
  );

  app.put(
    `${base}/initiatives/:ref`,
    {
      config: { access: 'portfolio:propose' },
      schema: {
        tags,
        summary: 'Edit the intake fields (proposer, digital agent, leader of the owning unit, board); stale revision → 409',
        params: InitiativeParams,
        body: EditInitiativeBody,
        response: { 200: InitiativeDetail },
      },
    },
    async (request) => {
      const id = await mustFindInitiativeId(db, request.params.ref);
      await editInitiative(db, writeContext(request), id, request.body);
      return selectInitiativeDetail(db, request.actor!, id, todayInNorway());
    },
  );

  app.post(
    `${base}/initiatives/:ref/merge`,
    {
      config: { access: 'portfolio:decide' },
      schema: {
        tags,
        summary: 'Merge this initiative into another, keeping both histories (the board)',
        params: InitiativeParams,
        body: MergeInitiativeBody,
        response: { 200: InitiativeDetail },
      },
    },
    async (request) => {
      const id = await mustFindInitiativeId(db, request.params.ref);
      const { targetId } = await mergeInitiatives(db, writeContext(request), id, request.body);
      return selectInitiativeDetail(db, request.actor!, targetId, todayInNorway());
    },
  );

  app.get(
    `${base}/roadmap`,
    {
      config: { access: 'portfolio:read' },
      schema: {
        tags,
        summary: 'Initiatives with planned start and end, phase and area, for the timeline',
        querystring: RoadmapQuery,
        response: { 200: Roadmap },
      },
    },
    async (request) => selectRoadmap(db, request.query, todayInNorway()),
  );
}

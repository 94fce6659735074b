import {
  AppError,
  compareNorwegian,
  sendTableExport,
  writeContext,
  type App,
  type ExportColumn,
  type ModuleContext,
} from '../../../../kernel/index.js';
import {
  Benefit,
  BenefitIdParams,
  BenefitList,
  BenefitListQuery,
  BenefitRefParams,
  ChangeBenefitBody,
  CloseBenefitBody,
  InitiativeBenefits,
  InitiativeOptions,
  MeasurementBody,
  NewBenefitBody,
  OwnerOptions,
  Realisation,
  RealisationQuery,
  type Benefit as BenefitT,
} from '../../benefits.schemas.js';
import type { PortfolioDb } from '../portfolio.tables.js';
import { addBenefit, changeBenefit, closeBenefit, mayWriteBenefits, recordMeasurement } from './benefit-commands.js';
import {
  filterValues,
  selectBenefits,
  selectInitiative,
  selectInitiativeOptions,
  selectOwnerOptions,
  todayInNorway,
} from './benefits.queries.js';
import { sumRealisation } from './realisation.js';

const tags = ['portfolio'];
const read = { access: 'portfolio:read' as const };
// Everyone signed in may propose; the commands decide who may write a given initiative's benefits.
const write = { access: 'portfolio:propose' as const };

const typeNames: Record<BenefitT['type'], string> = { money: 'Økonomisk', time: 'Tid', quality: 'Kvalitet', others: 'For andre' };
const statusNames: Record<BenefitT['status'], string> = {
  planned: 'Planlagt',
  in_realisation: 'Under realisering',
  realised: 'Realisert',
  closed: 'Avsluttet',
};

const exportColumns: ExportColumn<BenefitT>[] = [
  { header: 'Initiativ nr.', value: (b) => b.initiative.number },
  { header: 'Initiativ', value: (b) => b.initiative.title },
  { header: 'Område', value: (b) => b.area?.name ?? '' },
  { header: 'Gevinst', value: (b) => b.title },
  { header: 'Type', value: (b) => typeNames[b.type] },
  { header: 'Indikator', value: (b) => b.indicator },
  { header: 'Måleenhet', value: (b) => b.unitOfMeasure },
  { header: 'Nullpunkt', value: (b) => b.baselineValue },
  { header: 'Dato nullpunkt', value: (b) => b.baselineDate },
  { header: 'Mål', value: (b) => b.targetValue },
  { header: 'Forventet dato', value: (b) => b.expectedDate },
  { header: 'Årlig verdi (kr)', value: (b) => b.annualValue },
  { header: 'Eier', value: (b) => b.owner.name },
  { header: 'Eiers enhet', value: (b) => b.ownerUnit.name },
  { header: 'Planlagt', value: (b) => (b.planned ? 'Ja' : 'Nei (uplanlagt)') },
  { header: 'Status', value: (b) => statusNames[b.status] },
  { header: 'Siste måling', value: (b) => b.latest?.value ?? null },
  { header: 'Målt dato', value: (b) => b.latest?.measuredOn ?? '' },
  { header: 'Avvik', value: (b) => (b.latest?.deviates ? 'Ja' : '') },
  { header: 'Forfalt', value: (b) => (b.overdue ? 'Ja' : '') },
  { header: 'Syntetisk', value: (b) => (b.synthetic ? 'Ja' : '') },
];

/** Benefits: the register, measurements, realisation — routes under /api/portfolio. */
export function registerBenefitRoutes(app: App, { database }: ModuleContext): void {
  const db = database.db as unknown as PortfolioDb;
  const inTransaction = <T>(run: (trx: PortfolioDb) => Promise<T>) => db.transaction().execute((trx) => run(trx));

  app.get(
    '/api/portfolio/initiatives/:ref/benefits',
    {
      config: read,
      schema: {
        tags,
        summary: "An initiative's benefits register (gevinstrealiseringsplan) with measurements",
        params: BenefitRefParams,
        response: { 200: InitiativeBenefits },
      },
    },
    async (request) => {
      const initiative = await selectInitiative(db, request.params.ref);
      if (!initiative) {
        throw new AppError('not_found', {
          message: { nb: `Fant ikke initiativet «${request.params.ref}».`, en: `Initiative «${request.params.ref}» was not found.` },
        });
      }
      const benefits = await selectBenefits(db, { initiativeId: initiative.id });
      return {
        initiative: {
          id: initiative.id,
          number: initiative.number,
          title: initiative.title,
          phase: initiative.phase,
          state: initiative.state,
        },
        canWrite: await mayWriteBenefits(db, request.actor, initiative),
        benefits,
      };
    },
  );

  app.post(
    '/api/portfolio/initiatives/:ref/benefits',
    {
      config: write,
      schema: {
        tags,
        summary: 'Add a benefit (planned, or unplanned recorded afterwards); the owner must be a line leader',
        params: BenefitRefParams,
        body: NewBenefitBody,
        response: { 201: Benefit },
      },
    },
    async (request, reply) => {
      const benefit = await inTransaction((trx) => addBenefit(trx, writeContext(request), request.params.ref, request.body));
      return reply.code(201).send(benefit);
    },
  );

  app.get(
    '/api/portfolio/benefits/owner-options',
    {
      config: read,
      schema: { tags, summary: 'Who may own a benefit: people who today lead a unit, with the unit', response: { 200: OwnerOptions } },
    },
    async () => ({ owners: await selectOwnerOptions(db, todayInNorway()) }),
  );

  app.get(
    '/api/portfolio/benefits/initiative-options',
    {
      config: read,
      schema: {
        tags,
        summary: 'Initiatives to follow benefits up on (not merged): those in realisation first, with their number of benefits',
        response: { 200: InitiativeOptions },
      },
    },
    async () => ({ initiatives: await selectInitiativeOptions(db) }),
  );

  app.get(
    '/api/portfolio/benefits/realisation',
    {
      config: read,
      schema: {
        tags,
        summary: 'Planned versus realised across the portfolio, per expected year or per director area',
        description:
          'Kroner per year: planned = annual value of planned benefits; realised = the whole annual value of realised benefits, ' +
          'otherwise the annual value times the share of the planned change the latest measurement reached.',
        querystring: RealisationQuery,
        response: { 200: Realisation },
      },
    },
    async (request) => {
      const by = request.query.by ?? 'year';
      const benefits = await selectBenefits(db, {});
      const groups = new Map<string, { label: string; benefits: BenefitT[] }>();
      for (const b of benefits) {
        const key = by === 'year' ? b.expectedDate.slice(0, 4) : (b.area?.id ?? 'none');
        const label = by === 'year' ? key : (b.area?.name ?? 'Ukjent område');
        const group = groups.get(key) ?? { label, benefits: [] };
        group.benefits.push(b);
        groups.set(key, group);
      }
      const rows = [...groups.entries()].map(([key, group]) => ({ key, label: group.label, ...sumRealisation(group.benefits) }));
      rows.sort((a, b) => (by === 'year' ? a.key.localeCompare(b.key) : compareNorwegian(a.label, b.label)));
      return { by, rows, total: { key: 'total', label: 'Totalt', ...sumRealisation(benefits) } };
    },
  );

  app.get(
    '/api/portfolio/benefits',
    {
      config: read,
      schema: {
        tags,
        summary: 'Benefits across the portfolio, by area, status, type, owner or overdue; as CSV or XLSX with format',
        querystring: BenefitListQuery,
        response: { 200: BenefitList },
      },
    },
    async (request, reply) => {
      const { area, status, type, owner, overdue, format } = request.query;
      const all = await selectBenefits(db, { status, type, owner });
      const benefits = all.filter((b) => (!area || b.area?.id === area) && (overdue === undefined || b.overdue === overdue));
      if (format) return sendTableExport(reply, format, `gevinster-${todayInNorway()}`, exportColumns, benefits);
      return { benefits, ...filterValues(all) };
    },
  );

  app.put(
    '/api/portfolio/benefits/:id',
    {
      config: write,
      schema: {
        tags,
        summary: 'Change a benefit (the fields sent; send the revision you read)',
        params: BenefitIdParams,
        body: ChangeBenefitBody,
        response: { 200: Benefit },
      },
    },
    async (request) => inTransaction((trx) => changeBenefit(trx, writeContext(request), request.params.id, request.body)),
  );

  app.post(
    '/api/portfolio/benefits/:id/measurements',
    {
      config: write,
      schema: {
        tags,
        summary: 'Record a measured value (a value that deviates from the plan needs a comment)',
        params: BenefitIdParams,
        body: MeasurementBody,
        response: { 201: Benefit },
      },
    },
    async (request, reply) => {
      const benefit = await inTransaction((trx) => recordMeasurement(trx, writeContext(request), request.params.id, request.body));
      return reply.code(201).send(benefit);
    },
  );

  app.post(
    '/api/portfolio/benefits/:id/close',
    {
      config: write,
      schema: {
        tags,
        summary: "End a benefit's follow-up: realised, or closed with a reason",
        params: BenefitIdParams,
        body: CloseBenefitBody,
        response: { 200: Benefit },
      },
    },
    async (request) => inTransaction((trx) => closeBenefit(trx, writeContext(request), request.params.id, request.body)),
  );
}

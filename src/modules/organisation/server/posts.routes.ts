import { compareNorwegian, sendTableExport, writeContext, type App, type ExportColumn } from '../../../kernel/index.js';
import { IdParams, WriteResult } from '../records.schemas.js';
import {
  PostsQuery,
  PostsResponse,
  SetUnitBudgetBody,
  UnitBudgets,
  VacanciesQuery,
  VacanciesResponse,
  type Vacancy,
} from '../posts.schemas.js';
import { notFound } from './commands/shared.js';
import { norwegianDate } from './dated-versions.js';
import { todayInNorway } from './organisation.queries.js';
import type { OrganisationDb } from './organisation.tables.js';
import { rollUpPosts, unitPathOf, unitsUnder } from './posts.js';
import { selectBudgetHistory, selectBudgetsOn, selectVacancyFacts } from './posts.queries.js';
import { isUuid } from './records.queries.js';
import { setUnitBudget } from './set-unit-budget.js';
import { loadSnapshot, type Snapshot } from './snapshot.js';

const tags = ['organisation'];
// The page shows the first ones; the download holds every vacancy.
const vacanciesShown = 500;

const unitMissing = (id: string, date: string) =>
  notFound(`Enheten finnes ikke ${norwegianDate(date)} (id ${id}).`, `The unit does not exist on ${date} (id ${id}).`);

/** Posts and FTE per unit against the budget, the vacancy list, and the unit's budgeted FTE. */
export function registerPostRoutes(app: App, db: OrganisationDb): void {
  app.get(
    '/api/organisation/posts',
    {
      config: { access: 'organisation:read' },
      schema: {
        tags,
        summary:
          'FTE roll-ups as of a date (default today) for an area (a unit and everything under it) and each unit directly under it: budgeted, positions, filled, vacant',
        querystring: PostsQuery,
        response: { 200: PostsResponse },
      },
    },
    async (request) => {
      const date = request.query.date ?? todayInNorway();
      const [snapshot, budgets] = await Promise.all([loadSnapshot(db, date), selectBudgetsOn(db, date)]);
      const rollUp = rollUpPosts(snapshot, budgets);
      const areaId = request.query.unit ?? null;
      const area = areaId === null ? null : rollUp.rows.get(areaId);
      if (areaId !== null && !area) throw unitMissing(areaId, date);
      const rows = (rollUp.children.get(areaId ?? '') ?? []).map((id) => rollUp.rows.get(id)!);
      return {
        date,
        area: area ?? null,
        areaPath: areaId === null ? [] : unitPathOf(unitsById(snapshot), areaId),
        rows: rows.sort((a, b) => compareNorwegian(a.name, b.name)),
        totals: area ? area.subtree : rollUp.totals,
      };
    },
  );

  app.get(
    '/api/organisation/posts/vacancies',
    {
      config: { access: 'organisation:read' },
      schema: {
        tags,
        summary:
          'Positions nobody holds on a date (default today), in an area: vacant since, FTE, cost centre and the unit path (format=csv|xlsx to download)',
        querystring: VacanciesQuery,
        response: { 200: VacanciesResponse },
      },
    },
    async (request, reply) => {
      const date = request.query.date ?? todayInNorway();
      const snapshot = await loadSnapshot(db, date);
      const units = unitsById(snapshot);
      const areaId = request.query.unit ?? null;
      if (areaId !== null && !units.has(areaId)) throw unitMissing(areaId, date);
      const rollUp = rollUpPosts(snapshot, new Map());
      const inArea = areaId === null ? null : unitsUnder(rollUp.children, areaId);
      const held = new Set(snapshot.assignments.map((a) => a.positionId));
      const vacant = snapshot.positions.filter((p) => !held.has(p.id) && (inArea === null || inArea.has(p.unitId)) && units.has(p.unitId));
      const facts = await selectVacancyFacts(
        db,
        vacant.map((p) => p.id),
        date,
      );
      const items: Vacancy[] = vacant.map((p) => {
        const fact = facts.get(p.id);
        const start = fact?.start ?? date;
        const lastEnd = fact?.lastEnd ?? null;
        return {
          positionId: p.id,
          title: p.title,
          roleType: p.roleType as Vacancy['roleType'],
          unitId: p.unitId,
          unitName: units.get(p.unitId)!.name,
          unitPath: unitPathOf(units, p.unitId).map((u) => u.name),
          fte: p.fte,
          costCentre: fact?.costCentre ?? null,
          vacantSince: lastEnd !== null && lastEnd > start ? lastEnd : start,
        };
      });
      items.sort((a, b) => compareNorwegian(a.unitPath.join(' / '), b.unitPath.join(' / ')) || compareNorwegian(a.title, b.title));

      if (request.query.format) {
        const nb = request.locale !== 'en';
        const columns: ExportColumn<Vacancy>[] = [
          { header: nb ? 'Stilling' : 'Position', value: (v) => v.title },
          { header: nb ? 'Enhet' : 'Unit', value: (v) => v.unitName },
          { header: nb ? 'Plassering' : 'Unit path', value: (v) => v.unitPath.join(' / ') },
          { header: nb ? 'Årsverk' : 'FTE', value: (v) => v.fte },
          { header: nb ? 'Ansvar' : 'Cost centre', value: (v) => v.costCentre },
          { header: nb ? 'Ledig siden' : 'Vacant since', value: (v) => v.vacantSince },
        ];
        return sendTableExport(reply, request.query.format, `ledige-stillinger-${date}`, columns, items);
      }
      return {
        date,
        area: areaId === null ? null : { unitId: areaId, name: units.get(areaId)!.name },
        total: items.length,
        totalFte: Math.round(items.reduce((sum, v) => sum + (v.fte ?? 0), 0) * 100) / 100,
        withoutFte: items.filter((v) => v.fte === null).length,
        items: items.slice(0, vacanciesShown),
      };
    },
  );

  app.get(
    '/api/organisation/units/:id/budgets',
    {
      config: { access: 'organisation:read' },
      schema: {
        tags,
        summary: 'A unit’s budgeted FTE over time, each with its source, and the unit’s revision for a change',
        params: IdParams,
        response: { 200: UnitBudgets },
      },
    },
    async (request) => {
      const id = request.params.id;
      const unit = isUuid(id)
        ? await db.selectFrom('org_units').select(['id', 'revision']).where('id', '=', id).executeTakeFirst()
        : undefined;
      if (!unit) throw notFound(`Fant ikke enheten (id ${id}).`, `The unit was not found (id ${id}).`);
      return { unitId: unit.id, revision: unit.revision, items: await selectBudgetHistory(db, unit.id) };
    },
  );

  app.put(
    '/api/organisation/units/:id/budget',
    {
      config: { access: 'organisation:write' },
      schema: {
        tags,
        summary: 'Set a unit’s budgeted FTE from validFrom, with its source (null ends it from that day)',
        params: IdParams,
        body: SetUnitBudgetBody,
        response: { 200: WriteResult },
      },
    },
    async (request) => {
      const context = writeContext(request);
      return db.transaction().execute((trx) => setUnitBudget(trx, context, { ...request.body, id: request.params.id }));
    },
  );
}

function unitsById(snapshot: Snapshot): Map<string, { name: string; parentId: string | null }> {
  return new Map(snapshot.units.map((u) => [u.id, { name: u.name, parentId: u.parentId }]));
}

import { AppError, sendSerialised, serialisedOnce, writeContext, type App } from '../../../kernel/index.js';
import {
  AnalyticsQuery,
  AnalyticsResponse,
  Baseline,
  BaselineCreateBody,
  BaselineList,
  BaselineUpdateBody,
  IdParams,
  RevisionQuery,
  type AnalyticsResponse as AnalyticsResult,
} from '../analytics.schemas.js';
import { administrationShare, analyticsView, compareWithBaselines, computeAnalytics } from './analytics.js';
import { selectBaselines, withBaselines } from './analytics.queries.js';
import { createBaseline, deleteBaseline, updateBaseline } from './edit-baselines.js';
import { todayInNorway } from './organisation.queries.js';
import type { OrganisationDb } from './organisation.tables.js';
import { planScenario } from './plan-scenario.js';
import { selectScenario, withScenarios } from './scenarios.queries.js';
import { assertMayReadScenarios } from './scenarios.routes.js';
import { loadSnapshot } from './snapshot.js';

const tags = ['organisation'];

export function registerAnalyticsRoutes(app: App, db: OrganisationDb): void {
  const baselineDb = withBaselines(db);
  const scenarioDb = withScenarios(db);

  app.get(
    '/api/organisation/analytics',
    {
      config: { access: 'organisation:read' },
      schema: {
        tags,
        summary:
          'Headcount, FTE, spans of control, layers and the administration share as of a date (default today) or as a scenario would make it',
        querystring: AnalyticsQuery,
        response: { 200: AnalyticsResponse },
      },
    },
    async (request, reply) => {
      const { date, scenario: scenarioId, unit: unitId } = request.query;
      let snapshot;
      let scenario: AnalyticsResult['scenario'] = null;
      if (scenarioId) {
        // Scenarios are read by those who draft them and those who approve them (scenarios.routes.ts).
        assertMayReadScenarios(request.actor);
        const row = await selectScenario(scenarioDb, scenarioId);
        if (!row)
          throw new AppError('not_found', {
            message: { nb: `Fant ikke scenariet (id ${scenarioId}).`, en: `The scenario was not found (id ${scenarioId}).` },
          });
        if (date !== undefined && date !== row.effectiveDate) {
          throw new AppError('invalid', {
            message: {
              nb: `Et scenario vises per sin virkningsdato (${row.effectiveDate}); utelat datoen eller bruk den.`,
              en: `A scenario is shown as of its effective date (${row.effectiveDate}); leave out the date or use that one.`,
            },
            details: [{ in: 'querystring', path: 'date', problem: `must be ${row.effectiveDate} with this scenario` }],
          });
        }
        const plan = await planScenario(scenarioDb, row);
        snapshot = plan.after;
        scenario = { id: row.id, name: row.name, problems: plan.problems };
      } else {
        snapshot = await loadSnapshot(db, date ?? todayInNorway());
      }
      const analytics = computeAnalytics(snapshot);
      const view = analyticsView(analytics, unitId ?? null);
      if (!view) {
        throw new AppError('not_found', {
          message: {
            nb: `Enheten finnes ikke på ${snapshot.date} (id ${unitId}).`,
            en: `The unit does not exist on ${snapshot.date} (id ${unitId}).`,
          },
        });
      }
      const baselines = await selectBaselines(baselineDb);
      const rest = {
        scenario,
        baselines,
        baselineComparison: compareWithBaselines(baselines, analytics.administrationShare),
      };
      // The figures are kept with the snapshot (computeAnalytics), so the response is serialised
      // (and compressed) once for them, and anew only when the unit asked for or the rest changes.
      const variant = `${unitId ?? ''}|${JSON.stringify(rest)}`;
      return sendSerialised(
        request,
        reply,
        serialisedOnce(analytics, (): AnalyticsResult => ({ ...analytics, ...view, ...rest }), variant),
      );
    },
  );

  app.get(
    '/api/organisation/baselines',
    {
      config: { access: 'organisation:read' },
      schema: {
        tags,
        summary: 'The administration share of Drammen, Nedre Eiker and Svelvik before the merger, compared with today',
        response: { 200: BaselineList },
      },
    },
    async () => {
      const [baselines, snapshot] = await Promise.all([selectBaselines(baselineDb), loadSnapshot(db, todayInNorway())]);
      return { items: baselines, comparison: compareWithBaselines(baselines, administrationShare(snapshot)) };
    },
  );

  app.post(
    '/api/organisation/baselines',
    {
      config: { access: 'organisation:write' },
      schema: {
        tags,
        summary: 'Record a former municipality’s administration FTE for a year',
        body: BaselineCreateBody,
        response: { 201: Baseline },
      },
    },
    async (request, reply) => reply.code(201).send(await createBaseline(baselineDb, writeContext(request), request.body)),
  );

  app.patch(
    '/api/organisation/baselines/:id',
    {
      config: { access: 'organisation:write' },
      schema: {
        tags,
        summary: 'Correct a baseline (send the revision you read)',
        params: IdParams,
        body: BaselineUpdateBody,
        response: { 200: Baseline },
      },
    },
    async (request) => updateBaseline(baselineDb, writeContext(request), request.params.id, request.body),
  );

  app.delete(
    '/api/organisation/baselines/:id',
    {
      config: { access: 'organisation:write' },
      schema: {
        tags,
        summary: 'Remove a baseline (send the revision you read)',
        params: IdParams,
        querystring: RevisionQuery,
        response: { 204: { type: 'null' } },
      },
    },
    async (request, reply) => {
      await deleteBaseline(baselineDb, writeContext(request), request.params.id, request.query.revision);
      return reply.code(204).send(null);
    },
  );
}

import type { Analytics, AnalyticsSummary } from '../analytics.schemas.js';
import { writeContext, type App } from '../../../kernel/index.js';
import {
  AddChangeBody,
  AppliedScenario,
  Scenario,
  ScenarioChangeParams,
  ScenarioComparison,
  ScenarioCreateBody,
  ScenarioList,
  ScenarioListQuery,
  ScenarioParams,
  ScenarioRevisionBody,
  ScenarioRevisionQuery,
  ScenarioRulesReport,
  ScenarioUpdateBody,
  type Scenario as ScenarioView,
  type ScenarioSummary,
} from '../scenarios.schemas.js';
import { computeAnalytics } from './analytics.js';
import { applyScenario } from './apply-scenario.js';
import { compareSnapshots } from './compare-snapshots.js';
import {
  addScenarioChange,
  createScenario,
  discardScenario,
  removeScenarioChange,
  scenarioNotFound,
  updateScenario,
} from './edit-scenario.js';
import type { OrganisationDb } from './organisation.tables.js';
import { checkScenarioRules, planScenario } from './plan-scenario.js';
import { summariseFindings } from './rules.js';
import {
  selectChangeCounter,
  selectScenario,
  selectScenarios,
  withScenarios,
  type ScenarioDb,
  type ScenarioRow,
} from './scenarios.queries.js';

const tags = ['organisation'];

function summarise(row: ScenarioRow, counter: number): ScenarioSummary {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    effectiveDate: row.effectiveDate,
    status: row.status,
    changeCount: row.changes.length,
    baseChanged: row.status === 'draft' && row.baseRevision !== counter,
    revision: row.revision,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    appliedAt: row.appliedAt ? row.appliedAt.toISOString() : null,
  };
}

/** The scenario with its changes and the problems they have against the organisation as of its date. */
async function present(db: ScenarioDb, row: ScenarioRow): Promise<ScenarioView> {
  const [counter, plan] = await Promise.all([selectChangeCounter(db), planScenario(db, row)]);
  return { ...summarise(row, counter), baseRevision: row.baseRevision, changes: row.changes, problems: plan.problems };
}

async function findScenario(db: ScenarioDb, id: string): Promise<ScenarioRow> {
  const row = await selectScenario(db, id);
  if (!row) throw scenarioNotFound(id);
  return row;
}

/**
 * Reorganisation scenarios. Drafts may name people and positions to be closed, so reading them
 * needs the same permission as editing them; applying one needs `organisation:configure`.
 */
export function registerScenarioRoutes(app: App, orgDb: OrganisationDb): void {
  const db = withScenarios(orgDb);

  app.get(
    '/api/organisation/scenarios',
    {
      config: { access: 'organisation:write' },
      schema: {
        tags,
        summary: 'Reorganisation scenarios, the most recently edited first',
        querystring: ScenarioListQuery,
        response: { 200: ScenarioList },
      },
    },
    async (request) => {
      const [rows, counter] = await Promise.all([selectScenarios(db, request.query.status), selectChangeCounter(db)]);
      return { items: rows.map((row) => summarise(row, counter)) };
    },
  );

  app.post(
    '/api/organisation/scenarios',
    {
      config: { access: 'organisation:write' },
      schema: {
        tags,
        summary: 'Draft a scenario on the organisation as it stands now',
        body: ScenarioCreateBody,
        response: { 201: Scenario },
      },
    },
    async (request, reply) => {
      const created = await createScenario(db, writeContext(request), request.body);
      return reply.code(201).send(await present(db, created));
    },
  );

  app.get(
    '/api/organisation/scenarios/:id',
    {
      config: { access: 'organisation:write' },
      schema: {
        tags,
        summary: 'A scenario with its changes and the problems they have',
        params: ScenarioParams,
        response: { 200: Scenario },
      },
    },
    async (request) => present(db, await findScenario(db, request.params.id)),
  );

  app.patch(
    '/api/organisation/scenarios/:id',
    {
      config: { access: 'organisation:write' },
      schema: {
        tags,
        summary: 'Edit a draft (name, description, effective date, the whole list of changes, or rebase on today’s organisation)',
        params: ScenarioParams,
        body: ScenarioUpdateBody,
        response: { 200: Scenario },
      },
    },
    async (request) => present(db, await updateScenario(db, writeContext(request), request.params.id, request.body)),
  );

  app.post(
    '/api/organisation/scenarios/:id/discard',
    {
      config: { access: 'organisation:write' },
      schema: {
        tags,
        summary: 'Discard a draft; it stays for the record',
        params: ScenarioParams,
        body: ScenarioRevisionBody,
        response: { 200: Scenario },
      },
    },
    async (request) => present(db, await discardScenario(db, writeContext(request), request.params.id, request.body.revision)),
  );

  app.post(
    '/api/organisation/scenarios/:id/changes',
    {
      config: { access: 'organisation:write' },
      schema: {
        tags,
        summary: 'Add a change to a draft (at the end, or at `index`)',
        params: ScenarioParams,
        body: AddChangeBody,
        response: { 201: Scenario },
      },
    },
    async (request, reply) => {
      const updated = await addScenarioChange(db, writeContext(request), request.params.id, request.body);
      return reply.code(201).send(await present(db, updated));
    },
  );

  app.delete(
    '/api/organisation/scenarios/:id/changes/:changeId',
    {
      config: { access: 'organisation:write' },
      schema: {
        tags,
        summary: 'Remove a change from a draft',
        params: ScenarioChangeParams,
        querystring: ScenarioRevisionQuery,
        response: { 200: Scenario },
      },
    },
    async (request) =>
      present(
        db,
        await removeScenarioChange(db, writeContext(request), request.params.id, request.params.changeId, request.query.revision),
      ),
  );

  app.get(
    '/api/organisation/scenarios/:id/rules',
    {
      config: { access: 'organisation:write' },
      schema: {
        tags,
        summary: 'The organisation rules checked on the organisation as the scenario makes it',
        params: ScenarioParams,
        response: { 200: ScenarioRulesReport },
      },
    },
    async (request) => {
      const row = await findScenario(db, request.params.id);
      const [plan, counter] = await Promise.all([planScenario(db, row), selectChangeCounter(db)]);
      const rules = checkScenarioRules(plan);
      const current = summariseFindings(rules.currentFindings);
      return {
        scenario: { id: row.id, name: row.name, effectiveDate: row.effectiveDate, baseChanged: summarise(row, counter).baseChanged },
        date: row.effectiveDate,
        findings: rules.findings,
        summary: summariseFindings(rules.findings),
        current: { errors: current.errors, warnings: current.warnings },
        newErrors: rules.newErrors,
        resolvedErrors: rules.resolvedErrors,
        problems: plan.problems,
      };
    },
  );

  app.get(
    '/api/organisation/scenarios/:id/compare',
    {
      config: { access: 'organisation:write' },
      schema: {
        tags,
        summary:
          'The organisation before and after the scenario: units per level, spans, layers, FTE, administration share, and the differences in words',
        params: ScenarioParams,
        response: { 200: ScenarioComparison },
      },
    },
    async (request) => {
      const row = await findScenario(db, request.params.id);
      const [plan, counter] = await Promise.all([planScenario(db, row), selectChangeCounter(db)]);
      const before = computeAnalytics(plan.before);
      const after = computeAnalytics(plan.after);
      return {
        scenario: { id: row.id, name: row.name, effectiveDate: row.effectiveDate, baseChanged: summarise(row, counter).baseChanged },
        problems: plan.problems,
        comparison: compareSnapshots(plan.before, plan.after, { before, after }),
        before: summaryOf(before),
        after: summaryOf(after),
      };
    },
  );

  app.post(
    '/api/organisation/scenarios/:id/apply',
    {
      config: { access: 'organisation:configure' },
      schema: {
        tags,
        summary: 'Apply a draft: every change is written as dated versions from the effective date, in one transaction',
        params: ScenarioParams,
        body: ScenarioRevisionBody,
        response: { 200: AppliedScenario },
      },
    },
    async (request) => {
      const { scenario, steps } = await applyScenario(db, writeContext(request), request.params.id, request.body.revision);
      return { scenario: await present(db, scenario), steps };
    },
  );
}

function summaryOf({ date, totals, levels, layers, administrationShare }: Analytics): AnalyticsSummary {
  return { date, totals, levels, layers, administrationShare };
}

import { forbidden, writeContext, type Actor, type App } from '../../../kernel/index.js';
import {
  AddChangeBody,
  AppliedScenario,
  Scenario,
  ScenarioChangeParams,
  ScenarioCommentBody,
  ScenarioCommentedTransitionBody,
  ScenarioComparison,
  ScenarioCreateBody,
  ScenarioList,
  ScenarioListQuery,
  ScenarioParams,
  ScenarioRevisionBody,
  ScenarioRevisionQuery,
  ScenarioRulesReport,
  ScenarioTransitionBody,
  ScenarioUpdateBody,
  type Scenario as ScenarioView,
  type ScenarioSummary,
} from '../scenarios.schemas.js';
import { applyScenario } from './apply-scenario.js';
import {
  addScenarioChange,
  createScenario,
  discardScenario,
  removeScenarioChange,
  scenarioNotFound,
  updateScenario,
} from './edit-scenario.js';
import type { OrganisationDb } from './organisation.tables.js';
import { checkScenarioRules, comparePlan, planScenario } from './plan-scenario.js';
import { allowedActions, commentOnScenario, rolesIn, transitionScenario } from './scenario-approval.js';
import { summariseFindings } from './rules.js';
import {
  selectChangeCounter,
  selectComments,
  selectScenario,
  selectSubmittedComparison,
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
    baseChanged: ['draft', 'submitted', 'approved'].includes(row.status) && row.baseRevision !== counter,
    revision: row.revision,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    appliedAt: row.appliedAt ? row.appliedAt.toISOString() : null,
  };
}

/** The scenario with its changes, the problems they have, its comments and what the caller may do now. */
async function present(db: ScenarioDb, written: ScenarioRow, actor: Actor | null): Promise<ScenarioView> {
  // A write returns the row without the users' names: read it again with them.
  const row = (await selectScenario(db, written.id)) ?? written;
  const [counter, plan, comments] = await Promise.all([selectChangeCounter(db), planScenario(db, row), selectComments(db, row.id)]);
  const summary = summarise(row, counter);
  return {
    ...summary,
    baseRevision: row.baseRevision,
    changes: row.changes,
    problems: plan.problems,
    createdBy: row.createdBy,
    submittedBy: row.submittedBy,
    submittedAt: row.submittedAt?.toISOString() ?? null,
    approvedBy: row.approvedBy,
    approvedAt: row.approvedAt?.toISOString() ?? null,
    appliedBy: row.appliedBy,
    comments: comments.map((c) => ({
      id: c.id,
      author: c.authorId ? { id: c.authorId, name: c.authorName } : null,
      authorName: c.authorName,
      text: c.text,
      action: c.action as ScenarioView['comments'][number]['action'],
      createdAt: c.createdAt.toISOString(),
    })),
    actions: allowedActions(row, actor, summary.baseChanged),
    draftedByYou: rolesIn(row, actor?.userId).drafter,
  };
}

/**
 * Scenarios may name people and positions to be closed: those who draft them (organisation:write)
 * and those who approve them (organisation:approve) read them, no one else.
 */
export function assertMayReadScenarios(actor: Actor | null): void {
  if (actor && (actor.permissions.has('organisation:write') || actor.permissions.has('organisation:approve'))) return;
  throw forbidden(
    'Scenarioer kan leses av organisasjonsredaktører og de som godkjenner omorganiseringer.',
    'Scenarios can be read by organisation editors and by those who approve reorganisations.',
  );
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
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'Reorganisation scenarios, the most recently edited first',
        querystring: ScenarioListQuery,
        response: { 200: ScenarioList },
      },
    },
    async (request) => {
      assertMayReadScenarios(request.actor);
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
      return reply.code(201).send(await present(db, created, request.actor));
    },
  );

  app.get(
    '/api/organisation/scenarios/:id',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'A scenario with its changes and the problems they have',
        params: ScenarioParams,
        response: { 200: Scenario },
      },
    },
    async (request) => {
      assertMayReadScenarios(request.actor);
      return present(db, await findScenario(db, request.params.id), request.actor);
    },
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
    async (request) => present(db, await updateScenario(db, writeContext(request), request.params.id, request.body), request.actor),
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
    async (request) =>
      present(db, await discardScenario(db, writeContext(request), request.params.id, request.body.revision), request.actor),
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
      return reply.code(201).send(await present(db, updated, request.actor));
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
        request.actor,
      ),
  );

  app.get(
    '/api/organisation/scenarios/:id/rules',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'The organisation rules checked on the organisation as the scenario makes it',
        params: ScenarioParams,
        response: { 200: ScenarioRulesReport },
      },
    },
    async (request) => {
      assertMayReadScenarios(request.actor);
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
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary:
          'The organisation before and after the scenario: units per level, spans, layers, FTE, administration share, and the differences in words',
        params: ScenarioParams,
        response: { 200: ScenarioComparison },
      },
    },
    async (request) => {
      assertMayReadScenarios(request.actor);
      const row = await findScenario(db, request.params.id);
      const [plan, counter] = await Promise.all([planScenario(db, row), selectChangeCounter(db)]);
      const baseChanged = summarise(row, counter).baseChanged;
      const live = comparePlan(row, plan, baseChanged);
      // Submitted or approved: the approver sees what was submitted, and whether it still holds.
      if ((row.status === 'submitted' || row.status === 'approved') && row.submittedAt) {
        const frozen = (await selectSubmittedComparison(db, row.id)) as ScenarioComparison | null;
        if (frozen) {
          return {
            ...frozen,
            scenario: { ...frozen.scenario, baseChanged },
            frozenAt: row.submittedAt.toISOString(),
            blockers: live.blockers,
          };
        }
      }
      return live;
    },
  );

  app.post(
    '/api/organisation/scenarios/:id/apply',
    {
      config: { access: 'organisation:approve' },
      schema: {
        tags,
        summary:
          'Apply an approved scenario (not by the one who drafted it): every change is written as dated versions from the effective date, in one transaction',
        params: ScenarioParams,
        body: ScenarioRevisionBody,
        response: { 200: AppliedScenario },
      },
    },
    async (request) => {
      const { scenario, steps } = await applyScenario(db, writeContext(request), request.params.id, request.body.revision);
      return { scenario: await present(db, scenario, request.actor), steps };
    },
  );

  const transition = (
    action: 'submit' | 'withdraw' | 'return' | 'approve' | 'reject',
    access: 'organisation:write' | 'organisation:approve',
    summary: string,
    body: typeof ScenarioTransitionBody | typeof ScenarioCommentedTransitionBody,
  ) =>
    app.post(
      `/api/organisation/scenarios/:id/${action}`,
      { config: { access }, schema: { tags, summary, params: ScenarioParams, body, response: { 200: Scenario } } },
      async (request) => {
        const input = request.body as { revision: number; comment?: string };
        const updated = await transitionScenario(db, writeContext(request), request.params.id, action, input);
        return present(db, updated, request.actor);
      },
    );
  transition(
    'submit',
    'organisation:write',
    'Submit a draft for approval; refused for what its comparison shows as stopping it; the comparison is frozen',
    ScenarioTransitionBody,
  );
  transition('withdraw', 'organisation:write', 'Take a submitted or approved scenario back to draft', ScenarioTransitionBody);
  transition(
    'return',
    'organisation:approve',
    'Send a submitted or approved scenario back to draft, with a comment saying why',
    ScenarioCommentedTransitionBody,
  );
  transition(
    'approve',
    'organisation:approve',
    'Approve a submitted scenario (not your own); refused when the organisation changed since it was submitted',
    ScenarioTransitionBody,
  );
  transition('reject', 'organisation:approve', 'Reject a submitted or approved scenario, with a comment', ScenarioCommentedTransitionBody);

  app.post(
    '/api/organisation/scenarios/:id/comments',
    {
      config: { access: 'authenticated' },
      schema: { tags, summary: 'Comment on a scenario', params: ScenarioParams, body: ScenarioCommentBody, response: { 201: Scenario } },
    },
    async (request, reply) => {
      assertMayReadScenarios(request.actor);
      const row = await commentOnScenario(db, writeContext(request), request.params.id, request.body.text);
      return reply.code(201).send(await present(db, row, request.actor));
    },
  );
}

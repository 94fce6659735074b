import { Type } from 'typebox';
import { writeContext, type App, type ModuleContext } from '../../../../kernel/index.js';
import { DeactivateGoal, GoalInput, GoalTree, UpdateGoal } from '../../goals.schemas.js';
import type { SteeringDb } from '../steering.tables.js';
import { createGoal, deactivateGoal, readGoalTree, updateGoal } from './goals.commands.js';

const tags = ['steering'];
const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });

/** Goals: the hierarchy with owners, strategies and measures — routes under /api/steering. */
export function registerGoalRoutes(app: App, { database }: ModuleContext): void {
  const db = database.db as unknown as SteeringDb;
  const inTransaction = <T>(run: (trx: SteeringDb) => Promise<T>) => db.transaction().execute((trx) => run(trx as unknown as SteeringDb));

  app.get(
    '/api/steering/goals',
    {
      config: { access: 'steering:read' },
      schema: {
        tags,
        summary: 'The goal tree: community plan goals → area goals → unit goals, with owners, strategies and linked indicators',
        response: { 200: GoalTree },
      },
    },
    async () => readGoalTree(db),
  );

  app.post(
    '/api/steering/goals',
    {
      config: { access: 'steering:write' },
      schema: {
        tags,
        summary: 'Create a goal (its parent one level up; one or more owning units)',
        body: GoalInput,
        response: { 201: Type.Object({ id: Type.String() }) },
      },
    },
    async (request, reply) => {
      const context = writeContext(request);
      const id = await inTransaction((trx) => createGoal(trx, context, request.body));
      return reply.code(201).send({ id });
    },
  );

  app.put(
    '/api/steering/goals/:id',
    {
      config: { access: 'steering:write' },
      schema: {
        tags,
        summary: 'Change a goal (send the revision you read)',
        params: IdParams,
        body: UpdateGoal,
        response: { 200: GoalTree },
      },
    },
    async (request) => {
      const context = writeContext(request);
      await inTransaction((trx) => updateGoal(trx, context, request.params.id, request.body));
      return readGoalTree(db);
    },
  );

  app.post(
    '/api/steering/goals/:id/deactivate',
    {
      config: { access: 'steering:write' },
      schema: {
        tags,
        summary: 'Deactivate a goal without active sub-goals',
        params: IdParams,
        body: DeactivateGoal,
        response: { 200: GoalTree },
      },
    },
    async (request) => {
      const context = writeContext(request);
      await inTransaction((trx) => deactivateGoal(trx, context, request.params.id, request.body.revision));
      return readGoalTree(db);
    },
  );
}

import { writeContext, type App } from '../../../kernel/index.js';
import { BulkChangeBody, BulkChangeResult } from '../bulk-change.schemas.js';
import { draftBulkChange } from './bulk-change.command.js';
import type { OrganisationDb } from './organisation.tables.js';
import { withScenarios } from './scenarios.queries.js';

const tags = ['organisation'];

/** Many units moved and/or renamed at once, drafted as one scenario (it changes nothing until applied). */
export function registerBulkChangeRoutes(app: App, orgDb: OrganisationDb): void {
  const db = withScenarios(orgDb);

  app.post(
    '/api/organisation/bulk-changes',
    {
      config: { access: 'organisation:write' },
      schema: {
        tags,
        summary:
          'Draft one scenario that moves the chosen units under a new parent and/or renames them, one change per unit, from the effective date',
        body: BulkChangeBody,
        response: { 201: BulkChangeResult },
      },
    },
    async (request, reply) => {
      const scenario = await draftBulkChange(db, writeContext(request), request.body);
      return reply.code(201).send({
        id: scenario.id,
        name: scenario.name,
        effectiveDate: scenario.effectiveDate,
        changeCount: scenario.changes.length,
        revision: scenario.revision,
      });
    },
  );
}

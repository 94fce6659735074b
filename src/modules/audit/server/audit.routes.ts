import type { App, ModuleContext } from '../../../kernel/index.js';
import { AuditPage, AuditQuery } from '../audit.schemas.js';
import { listAuditEntries } from './audit.queries.js';

export function registerAuditRoutes(app: App, { database }: ModuleContext): void {
  app.get(
    '/api/audit',
    {
      config: { access: 'audit:read' },
      schema: {
        tags: ['audit'],
        summary: 'The audit log: every write, newest first',
        querystring: AuditQuery,
        response: { 200: AuditPage },
      },
    },
    async (request) => listAuditEntries(database.db, request.query),
  );
}

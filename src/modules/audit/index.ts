import type { KnutepunktModule } from '../../kernel/index.js';
import { registerAuditRoutes } from './server/audit.routes.js';

/** Reading the audit log the kernel writes: who changed what, when, before and after. */
export const auditModule: KnutepunktModule = {
  name: 'audit',
  status: 'available',
  registerRoutes: registerAuditRoutes,
};

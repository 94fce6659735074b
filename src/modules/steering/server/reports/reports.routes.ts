import type { App, ModuleContext } from '../../../../kernel/index.js';

/** Monthly, tertial and annual reports — routes under /api/steering. (Stub: the part's owner replaces it.) */
export function registerReportRoutes(_app: App, _context: ModuleContext): void {}

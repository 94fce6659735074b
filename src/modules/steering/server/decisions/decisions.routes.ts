import type { App, ModuleContext } from '../../../../kernel/index.js';

/** Political decisions followed to the end — routes under /api/steering. (Stub: the part's owner replaces it.) */
export function registerDecisionRoutes(_app: App, _context: ModuleContext): void {}

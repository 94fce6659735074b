import type { App, ModuleContext } from '../../../../kernel/index.js';

/** Initiatives: intake, overview, detail, merge, roadmap — routes under /api/portfolio. (Stub: the part's owner replaces it.) */
export function registerInitiativeRoutes(_app: App, _context: ModuleContext): void {}

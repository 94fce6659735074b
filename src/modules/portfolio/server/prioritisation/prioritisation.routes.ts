import type { App, ModuleContext } from '../../../../kernel/index.js';

/** Prioritisation: criteria, scores, ranking, capacity line, what-if — routes under /api/portfolio. (Stub: the part's owner replaces it.) */
export function registerPrioritisationRoutes(_app: App, _context: ModuleContext): void {}

import type { App, ModuleContext } from '../../../../kernel/index.js';

/** The board: decision points, checklists, status reports, meetings — routes under /api/portfolio. (Stub: the part's owner replaces it.) */
export function registerBoardRoutes(_app: App, _context: ModuleContext): void {}

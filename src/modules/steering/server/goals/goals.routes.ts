import type { App, ModuleContext } from '../../../../kernel/index.js';

/** Goals: the hierarchy with owners, strategies and measures — routes under /api/steering. (Stub: the part's owner replaces it.) */
export function registerGoalRoutes(_app: App, _context: ModuleContext): void {}

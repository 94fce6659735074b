import type { App, ModuleContext } from '../../../../kernel/index.js';

/** The resource pool: members, capacity, allocations — routes under /api/portfolio. (Stub: the part's owner replaces it.) */
export function registerPoolRoutes(_app: App, _context: ModuleContext): void {}

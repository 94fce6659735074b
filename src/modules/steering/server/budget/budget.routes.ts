import type { App, ModuleContext } from '../../../../kernel/index.js';

/** Budget programme areas: budget, plan, actuals, forecast, deviation, adjustments — routes under /api/steering. (Stub: the part's owner replaces it.) */
export function registerBudgetRoutes(_app: App, _context: ModuleContext): void {}

import type { App, ModuleContext } from '../../../../kernel/index.js';

/** Indicators: definitions, thresholds, targets, values, comments, dashboards — routes under /api/steering. (Stub: the part's owner replaces it.) */
export function registerIndicatorRoutes(_app: App, _context: ModuleContext): void {}

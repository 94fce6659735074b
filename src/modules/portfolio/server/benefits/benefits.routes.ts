import type { App, ModuleContext } from '../../../../kernel/index.js';

/** Benefits: the register, measurements, realisation — routes under /api/portfolio. (Stub: the part's owner replaces it.) */
export function registerBenefitRoutes(_app: App, _context: ModuleContext): void {}

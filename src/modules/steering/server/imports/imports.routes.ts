import type { App, ModuleContext } from '../../../../kernel/index.js';

/** Imports of indicator values (JSON-stat 2, CSV) and the comparison view — routes under /api/steering. (Stub: the part's owner replaces it.) */
export function registerImportRoutes(_app: App, _context: ModuleContext): void {}

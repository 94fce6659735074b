import type { PortfolioDb } from '../portfolio.tables.js';

/** The board's default checklist per decision point. (Stub: the board part's owner fills it in.) */
export async function loadChecklistDefaults(_trx: PortfolioDb): Promise<void> {}

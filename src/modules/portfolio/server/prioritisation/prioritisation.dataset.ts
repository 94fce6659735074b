import type { PortfolioDb } from '../portfolio.tables.js';

/** The default weighted criteria. (Stub: the prioritisation part's owner fills it in.) */
export async function loadCriteriaDefaults(_trx: PortfolioDb): Promise<void> {}

import type { PortfolioDb } from './portfolio.tables.js';
import { loadChecklistDefaults } from './board/board.dataset.js';
import { loadCriteriaDefaults } from './prioritisation/prioritisation.dataset.js';

/**
 * The portfolio's starting configuration: the board's checklist per decision point and the
 * prioritisation criteria, both Knutepunkt's defaults (labelled so) that the board edits. No
 * initiatives: the documents name none; `npm run demo:portfolio` makes synthetic ones.
 */
export async function loadPortfolioDataset(trx: PortfolioDb): Promise<void> {
  await loadChecklistDefaults(trx);
  await loadCriteriaDefaults(trx);
}

import type { SteeringDb } from './steering.tables.js';
import { loadProgrammeAreas, loadBudgetExample } from './budget/budget.dataset.js';
import { loadGoalsAndIndicators } from './indicators/indicators.dataset.js';
import { loadDecisionExamples } from './decisions/decisions.dataset.js';

/**
 * The steering part of the built-in dataset, every entry with its source: the 2020 programme areas
 * (reference facts), seed 004's programme area 07 with its tertial figures, measures and decisions,
 * and the goals and indicators the documents state. Runs once per database, inside a transaction.
 */
export async function loadSteeringDataset(trx: SteeringDb): Promise<void> {
  await loadProgrammeAreas(trx);
  await loadDecisionExamples(trx);
  await loadBudgetExample(trx);
  await loadGoalsAndIndicators(trx);
}

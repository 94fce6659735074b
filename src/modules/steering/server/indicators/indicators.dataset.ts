import type { SteeringDb } from '../steering.tables.js';

/** The goals and indicators the documents state, each with its source. (Stub: the indicators part's owner fills it in.) */
export async function loadGoalsAndIndicators(_trx: SteeringDb): Promise<void> {}

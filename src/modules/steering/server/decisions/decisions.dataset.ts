import type { SteeringDb } from '../steering.tables.js';

/** The political decisions seed 004's measures follow (e.g. sak 53/17, 30.5.17). (Stub: the decisions part's owner fills it in.) */
export async function loadDecisionExamples(_trx: SteeringDb): Promise<void> {}

import type { SteeringDb } from '../steering.tables.js';

/** The 2020 programme areas P01–P18 (reference facts). (Stub: the budget part's owner fills it in.) */
export async function loadProgrammeAreas(_trx: SteeringDb): Promise<void> {}

/** Seed 004's programme area 07 with its 2017 tertial figures and measures. (Stub.) */
export async function loadBudgetExample(_trx: SteeringDb): Promise<void> {}

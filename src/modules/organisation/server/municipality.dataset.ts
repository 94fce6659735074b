import type { Kysely } from 'kysely';
import type { KernelTables } from '../../../kernel/index.js';

/**
 * The municipality itself, the root of the built-in dataset. Source: ../shared/docs/reference-facts.md
 * ("Municipality number: 3005 (2020–2023), 3301 (from 2024)"); the dataset is as of 1 January 2020.
 */
export async function loadMunicipality(trx: Kysely<KernelTables>): Promise<void> {
  await trx
    .insertInto('municipality')
    .values({ id: 1, name: 'Drammen kommune', number: '3005', source: 'reference-facts.md: kommunenummer 3005 (2020–2023)' })
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
}

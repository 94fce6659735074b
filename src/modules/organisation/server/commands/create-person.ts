import type { WriteContext } from '../../../../kernel/index.js';
import type { CreatePersonBody, WriteResult } from '../../records.schemas.js';
import type { OrganisationDb } from '../organisation.tables.js';
import { assertKeyFree, audit, cleanText, freeKeyFrom } from './shared.js';

export type CreatePersonInput = CreatePersonBody;

/** Records a person. People are not dated: what they hold, and when, is in their assignments. */
export async function createPerson(trx: OrganisationDb, context: WriteContext, input: CreatePersonInput): Promise<WriteResult> {
  const name = input.name.trim();
  if (input.key) await assertKeyFree(trx, 'org_people', input.key);
  const key = input.key ?? (await freeKeyFrom(trx, 'org_people', name));
  const person = await trx
    .insertInto('org_people')
    .values({ key, name, synthetic: input.synthetic ?? false, source: cleanText(input.source) })
    .returningAll()
    .executeTakeFirstOrThrow();
  await audit(trx, context, {
    action: 'create',
    entityType: 'organisation_person',
    entityId: person.id,
    after: { key, name: person.name, synthetic: person.synthetic, source: person.source },
  });
  return { id: person.id, revision: person.revision };
}

import type { WriteContext } from '../../../../kernel/index.js';
import type { LinkUserBody, UserLink } from '../../access.schemas.js';
import type { OrganisationDb } from '../organisation.tables.js';
import { isUuid } from '../records.queries.js';
import { audit, conflict, notFound } from './shared.js';

export type LinkUserInput = LinkUserBody & { userId: string };

/**
 * Says which person a sign-in is (or, with `personId: null`, that it is no one in the
 * organisation). What follows positions (a leader's unit scope, the requester's unit in leader
 * support) follows this link. A person is at most one sign-in.
 */
export async function linkUser(trx: OrganisationDb, context: WriteContext, input: LinkUserInput): Promise<UserLink> {
  const user = isUuid(input.userId)
    ? await trx.selectFrom('users').select(['id', 'username']).where('id', '=', input.userId).forUpdate().executeTakeFirst()
    : undefined;
  if (!user) throw notFound(`Fant ikke brukeren (id ${input.userId}).`, `The user was not found (id ${input.userId}).`);
  const before = await trx
    .selectFrom('org_user_people as up')
    .innerJoin('org_people as p', 'p.id', 'up.person_id')
    .select(['p.id', 'p.name'])
    .where('up.user_id', '=', user.id)
    .executeTakeFirst();

  let person: { id: string; name: string } | null = null;
  if (input.personId !== null) {
    person = (await trx.selectFrom('org_people').select(['id', 'name']).where('id', '=', input.personId).executeTakeFirst()) ?? null;
    if (!person) throw notFound(`Fant ikke personen (id ${input.personId}).`, `The person was not found (id ${input.personId}).`);
    const taken = await trx
      .selectFrom('org_user_people as up')
      .innerJoin('users as u', 'u.id', 'up.user_id')
      .select('u.username')
      .where('up.person_id', '=', person.id)
      .where('up.user_id', '<>', user.id)
      .executeTakeFirst();
    if (taken) {
      throw conflict(
        `${person.name} er allerede knyttet til innloggingen «${taken.username}». Fjern den koblingen først.`,
        `${person.name} is already linked to the sign-in "${taken.username}". Remove that link first.`,
        { in: 'body', path: 'personId' },
      );
    }
  }
  if ((before?.id ?? null) === (person?.id ?? null)) return { userId: user.id, username: user.username, person };

  await trx.deleteFrom('org_user_people').where('user_id', '=', user.id).execute();
  if (person) await trx.insertInto('org_user_people').values({ user_id: user.id, person_id: person.id }).execute();
  await audit(trx, context, {
    action: person ? 'link' : 'unlink',
    entityType: 'organisation_user_person',
    entityId: user.id,
    before: before ? { username: user.username, personId: before.id, personName: before.name } : null,
    after: person ? { username: user.username, personId: person.id, personName: person.name } : null,
  });
  return { userId: user.id, username: user.username, person };
}

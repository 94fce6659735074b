import { systemContext } from '../../../../kernel/index.js';
import { addLine, assignPerson, createPerson, createPosition } from '../commands/index.js';
import { audit } from '../commands/shared.js';
import { todayInNorway, validOn } from '../organisation.queries.js';
import type { OrganisationDb } from '../organisation.tables.js';

/**
 * The demo sign-ins as people in the organisation, so that what follows positions works in the
 * demo: a leader's unit scope, the first and second line of leader support, a digital agent.
 * Fictitious (synthetic, named by their role, keys starting `demo-`) and placed from the day
 * the demo is first started, so the dataset as of 1 January 2020 stays as the sources describe it.
 * Positions the dataset does not have are created with the source "demo".
 */
export interface DemoPerson {
  /** The demo sign-in linked to this person; null: a person without a sign-in. */
  username: string | null;
  key: string;
  name: string;
  /** A position of the dataset, or one to create. */
  position:
    | { key: string }
    | { key: string; create: { title: string; unitKey: string; roleType: 'adviser' | 'case_handler'; reportsToKey: string; note: string } };
}

export const demoPeople: readonly DemoPerson[] = [
  { username: 'leder', key: 'demo-rektor', name: 'Demo Rektor', position: { key: 'leder-skole-aronslokka' } },
  {
    username: 'hjemmetjeneste',
    key: 'demo-virksomhetsleder-hjemmetjenester',
    name: 'Demo Virksomhetsleder',
    position: { key: 'leder-omsorg-hjemmetjenester-bragernes' },
  },
  {
    username: 'forstelinje',
    key: 'demo-forstelinje',
    name: 'Demo Førstelinje',
    position: {
      key: 'demo-radgiver-forstelinje-til-ledere',
      create: {
        title: 'rådgiver i 1.linje',
        unitKey: 'forstelinje-til-ledere',
        roleType: 'adviser',
        reportsToKey: 'leder-forstelinje-til-ledere',
        note: 'Demostilling: førstelinjen i lederstøtten. Ikke fra kildene.',
      },
    },
  },
  {
    username: 'andrelinje',
    key: 'demo-andrelinje',
    name: 'Demo Andrelinje',
    position: {
      key: 'demo-lonnsradgiver-skole',
      create: {
        title: 'lønnsrådgiver for skole',
        unitKey: 'lonn-og-personal',
        roleType: 'adviser',
        reportsToKey: 'leder-lonn-og-personal',
        note: 'Demostilling: andrelinjen for lønn i skolesektoren. Ikke fra kildene.',
      },
    },
  },
  { username: 'analytiker', key: 'demo-analytiker', name: 'Demo Analytiker', position: { key: 'medarbeider-oppfolging-og-analyse' } },
  {
    username: 'portefolje',
    key: 'demo-portefolje',
    name: 'Demo Porteføljestyre',
    position: { key: 'direktor-utvikling-og-digitalisering' },
  },
  { username: 'digitalagent', key: 'demo-digitalagent', name: 'Demo Digitalagent', position: { key: 'digital-agent-skole' } },
  // A director: approves and applies reorganisation scenarios others drafted (the role follows the position).
  { username: 'direktor', key: 'demo-direktor', name: 'Demo Direktør', position: { key: 'direktor-administrasjon' } },
];

export const demoSource = 'demo';

/**
 * Creates what is missing of `demoPeople` and links each demo sign-in to its person. Called at
 * start-up in demo mode on the embedded database, after the demo accounts exist; once all is in
 * place it costs one query. An entry whose position no longer exists (the demo organisation was
 * edited) is skipped and told to `log`, never failing the start.
 */
export async function ensureDemoPeople(db: OrganisationDb, log: (message: string) => void = () => {}): Promise<void> {
  if (await allInPlace(db)) return;
  const today = todayInNorway();
  for (const entry of demoPeople) {
    try {
      await db.transaction().execute((trx) => placeDemoPerson(trx, entry, today, log));
    } catch (error) {
      log(`demo person ${entry.key} was not placed: ${(error as Error).message}`);
    }
  }
}

/** Every demo person exists and every demo sign-in that exists is linked to a person. */
async function allInPlace(db: OrganisationDb): Promise<boolean> {
  const keys = demoPeople.map((p) => p.key);
  const usernames = demoPeople.flatMap((p) => (p.username ? [p.username] : []));
  const [people, unlinked] = await Promise.all([
    db.selectFrom('org_people').select('key').where('key', 'in', keys).execute(),
    db
      .selectFrom('users')
      .leftJoin('org_user_people', 'org_user_people.user_id', 'users.id')
      .select('users.username')
      .where('users.username', 'in', usernames)
      .where('org_user_people.person_id', 'is', null)
      .execute(),
  ]);
  return people.length === keys.length && unlinked.length === 0;
}

async function idOnDate(trx: OrganisationDb, table: 'org_units' | 'org_positions', key: string, date: string): Promise<string | undefined> {
  if (table === 'org_units') {
    const row = await trx
      .selectFrom('org_units as u')
      .innerJoin('org_unit_versions as uv', 'uv.unit_id', 'u.id')
      .select('u.id')
      .where('u.key', '=', key)
      .where(validOn('uv', date))
      .executeTakeFirst();
    return row?.id;
  }
  const row = await trx
    .selectFrom('org_positions as p')
    .innerJoin('org_position_versions as pv', 'pv.position_id', 'p.id')
    .select('p.id')
    .where('p.key', '=', key)
    .where(validOn('pv', date))
    .executeTakeFirst();
  return row?.id;
}

async function placeDemoPerson(trx: OrganisationDb, entry: DemoPerson, today: string, log: (message: string) => void): Promise<void> {
  // The position first: without it the person would be created for nothing.
  let positionId = await idOnDate(trx, 'org_positions', entry.position.key, today);
  if (!positionId && 'create' in entry.position) {
    const { create } = entry.position;
    const unitId = await idOnDate(trx, 'org_units', create.unitKey, today);
    const leaderId = await idOnDate(trx, 'org_positions', create.reportsToKey, today);
    const exists = await trx.selectFrom('org_positions').select('id').where('key', '=', entry.position.key).executeTakeFirst();
    if (unitId && leaderId && !exists) {
      positionId = (
        await createPosition(trx, systemContext, {
          key: entry.position.key,
          title: create.title,
          unitId,
          roleType: create.roleType,
          personnelResponsibility: false,
          source: demoSource,
          note: create.note,
          validFrom: today,
        })
      ).id;
      await addLine(trx, systemContext, {
        type: 'personnel',
        fromPositionId: positionId,
        toPositionId: leaderId,
        validFrom: today,
        source: demoSource,
      });
    }
  }
  if (!positionId) {
    log(`demo person ${entry.key} was not placed: the position ${entry.position.key} does not exist on ${today}`);
    return;
  }

  let person = await trx.selectFrom('org_people').select(['id', 'name']).where('key', '=', entry.key).executeTakeFirst();
  if (!person) {
    const created = await createPerson(trx, systemContext, { key: entry.key, name: entry.name, synthetic: true, source: demoSource });
    person = { id: created.id, name: entry.name };
    const held = await trx
      .selectFrom('org_assignments')
      .select('id')
      .where('person_id', '=', person.id)
      .where('position_id', '=', positionId)
      .executeTakeFirst();
    if (!held) {
      await assignPerson(trx, systemContext, { personId: person.id, positionId, fte: 1, validFrom: today, source: demoSource });
    }
  }

  if (!entry.username) return;
  const user = await trx
    .selectFrom('users')
    .leftJoin('org_user_people', 'org_user_people.user_id', 'users.id')
    .select(['users.id', 'users.username', 'org_user_people.person_id'])
    .where('users.username', '=', entry.username)
    .executeTakeFirst();
  const personLinked = await trx.selectFrom('org_user_people').select('user_id').where('person_id', '=', person.id).executeTakeFirst();
  // An administrator may have linked either side to someone else on purpose: leave that be.
  if (!user || user.person_id || personLinked) return;
  await trx.insertInto('org_user_people').values({ user_id: user.id, person_id: person.id }).execute();
  await audit(trx, systemContext, {
    action: 'create',
    entityType: 'organisation_user_person',
    entityId: user.id,
    after: { userId: user.id, username: user.username, personId: person.id, personName: person.name },
  });
}

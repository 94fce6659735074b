import { describe, expect, it } from 'vitest';
import { useTestApp, type SignedIn } from '../../../../../test/helpers/test-app.js';
import type { Role } from '../../../../kernel/index.js';
import type { ReassignmentList, UserDetail } from '../../users.schemas.js';

const t = useTestApp();
type Db = { selectFrom: (t: string) => any; insertInto: (t: string) => any }; // eslint-disable-line @typescript-eslint/no-explicit-any
const db = () => t.database.db as unknown as Db;

async function call(method: 'GET' | 'POST', url: string, user: SignedIn, payload?: unknown) {
  const response = await t.knutepunkt.app.inject({ method, url, headers: user.headers, payload: payload as object });
  return { status: response.statusCode, body: response.json() as any }; // eslint-disable-line @typescript-eslint/no-explicit-any
}

const id = async (table: string, key: string) =>
  (await db().selectFrom(table).select('id').where('key', '=', key).executeTakeFirstOrThrow()).id as string;

async function placed(roles: Role[], name: string, positionId: string) {
  const user = await t.signInAs(roles, name);
  return { ...user, personId: await t.placeUser(user.userId, name, positionId) };
}

/** A teacher's position in the unit `unitKey`. */
async function teacherPosition(unitKey: string): Promise<string> {
  const position = await db()
    .insertInto('org_positions')
    .values({ key: `laerer-${unitKey}-${Date.now()}` })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db()
    .insertInto('org_position_versions')
    .values({
      position_id: position.id,
      valid_from: '2020-01-01',
      title: 'Lærer',
      unit_id: await id('org_units', unitKey),
      role_type: 'employee',
      personnel_responsibility: false,
      professionally_independent: false,
      fte: 1,
    })
    .execute();
  return position.id as string;
}

describe('[LEADER][REASSIGNMENT_LIST] what a disabled user owns goes on their leader’s list', () => {
  it('shows an administrator every disabled owner, a leader those of their units, an employee none', async () => {
    const admin = await t.signInAs(['administrator']);
    const rektor = await placed(['employee'], 'Rektor Aronsløkka', await id('org_positions', 'leder-skole-aronslokka'));
    const otherRektor = await placed(['employee'], 'Rektor Brandengen', await id('org_positions', 'leder-skole-brandengen'));
    const employee = await placed(['employee'], 'Kollega Aronsløkka', await teacherPosition('skole-aronslokka'));
    const teacher = await placed(['employee'], 'Lærer Slutter', await teacherPosition('skole-aronslokka'));

    // What the teacher owns: an initiative they proposed and a political decision their person answers for.
    const initiative = await db()
      .insertInto('pf_initiatives')
      .values({
        title: 'Digitale lekser',
        owner_unit_id: await id('org_units', 'skole-aronslokka'),
        category: 'quality',
        size: 'small',
        proposed_by: teacher.userId,
      })
      .returning(['id', 'number'])
      .executeTakeFirstOrThrow();
    const decision = await db()
      .insertInto('st_political_decisions')
      .values({
        body: 'city_council',
        meeting_date: '2024-03-01',
        case_number: '77/24',
        title: 'Skolebibliotek',
        responsible_unit_id: await id('org_units', 'skole-aronslokka'),
        responsible_person_id: teacher.personId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();

    // Nothing yet: the teacher is still active.
    expect(((await call('GET', '/api/identity/reassignments', admin)).body as ReassignmentList).users.map((u) => u.userId)).not.toContain(
      teacher.userId,
    );

    const detail = (await call('GET', `/api/identity/users/${teacher.userId}`, admin)).body as UserDetail;
    expect(
      (await call('POST', `/api/identity/users/${teacher.userId}/disable`, admin, { reason: 'Sluttet', version: detail.version })).status,
    ).toBe(200);
    // A disabled user who owns nothing is not listed.
    const idle = await t.createUser(['employee']);
    const idleDetail = (await call('GET', `/api/identity/users/${idle.id}`, admin)).body as UserDetail;
    await call('POST', `/api/identity/users/${idle.id}/disable`, admin, { reason: 'Sluttet', version: idleDetail.version });

    const forAdmin = (await call('GET', '/api/identity/reassignments', admin)).body as ReassignmentList;
    const entry = forAdmin.users.find((u) => u.userId === teacher.userId);
    expect(entry).toMatchObject({ displayName: 'Lærer Slutter', disabledReason: 'Sluttet', person: { id: teacher.personId } });
    expect(entry!.units).toEqual([expect.objectContaining({ name: expect.stringMatching(/Aronsløkka/) })]);
    expect(entry!.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          kind: 'portfolio_initiative_proposer',
          id: initiative.id,
          href: `/portefolje/initiativ/${initiative.number}`,
        }),
        expect.objectContaining({
          kind: 'steering_decision',
          id: decision.id,
          href: `/styring/vedtak/${decision.id}`,
          title: '77/24 Skolebibliotek',
        }),
      ]),
    );
    expect(forAdmin.users.map((u) => u.userId)).not.toContain(idle.id);

    const forRektor = (await call('GET', '/api/identity/reassignments', rektor)).body as ReassignmentList;
    expect(forRektor.users.map((u) => u.userId)).toEqual([teacher.userId]);
    expect((await call('GET', '/api/identity/reassignments', otherRektor)).body.users).toEqual([]);
    expect((await call('GET', '/api/identity/reassignments', employee)).body.users).toEqual([]);

    // A decision carried out leaves the list; the initiative stays until someone takes it over.
    await (t.database.db as unknown as { updateTable: (t: string) => any }) // eslint-disable-line @typescript-eslint/no-explicit-any
      .updateTable('st_political_decisions')
      .set({ status: 'completed', completed_on: '2024-06-01' })
      .where('id', '=', decision.id)
      .execute();
    const after = (await call('GET', '/api/identity/reassignments', rektor)).body as ReassignmentList;
    expect(after.users[0]!.items.map((i) => i.id)).toEqual([initiative.id]);
  });

  it('lists open leader-support requests the user handled, linked to the request page', async () => {
    const admin = await t.signInAs(['administrator']);
    const agent = await t.signInAs(['first_line_agent'], 'Agent Slutter');
    // An open request assigned to the agent.
    const category = await db().selectFrom('ls_categories').select('id').executeTakeFirstOrThrow();
    const group = await db().selectFrom('ls_groups').select('id').executeTakeFirstOrThrow();
    const created = await db()
      .insertInto('ls_requests')
      .values({
        category_id: category.id,
        subject: 'Lønn mangler',
        requester_name: 'Leder',
        priority: 'normal',
        group_id: group.id,
        assignee_user_id: agent.userId,
        status: 'in_progress',
      })
      .returning(['id', 'number'])
      .executeTakeFirstOrThrow();
    const detail = (await call('GET', `/api/identity/users/${agent.userId}`, admin)).body as UserDetail;
    await call('POST', `/api/identity/users/${agent.userId}/disable`, admin, { reason: 'Permisjon', version: detail.version });
    const list = (await call('GET', '/api/identity/reassignments', admin)).body as ReassignmentList;
    expect(list.users.find((u) => u.userId === agent.userId)!.items).toEqual([
      expect.objectContaining({
        kind: 'leader_support_request_assigned',
        id: created.id,
        href: `/lederstotte/henvendelser/${created.number}`,
      }),
    ]);
  });
});

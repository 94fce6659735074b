import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { useTestApp, type SignedIn } from '../../../test/helpers/test-app.js';
import type { Role } from '../../kernel/index.js';
import type { Catalogue, RequestDetail, RequestList, RequesterContext, RoutingPreview } from './leader-support.schemas.js';

const t = useTestApp();
type Db = { selectFrom: (t: string) => any; insertInto: (t: string) => any; updateTable: (t: string) => any }; // eslint-disable-line @typescript-eslint/no-explicit-any
const db = () => t.database.db as unknown as Db;

async function call(
  method: 'GET' | 'POST' | 'PUT' | 'PATCH',
  url: string,
  user: SignedIn | null,
  payload?: unknown,
  headers: Record<string, string> = {},
) {
  const response = await t.knutepunkt.app.inject({
    method,
    url,
    headers: { ...(user?.headers ?? {}), ...headers },
    payload: payload as object,
  });
  return { status: response.statusCode, body: response.body ? (response.json() as any) : null, headers: response.headers }; // eslint-disable-line @typescript-eslint/no-explicit-any
}

const id = async (table: string, key: string) =>
  (await db().selectFrom(table).select('id').where('key', '=', key).executeTakeFirstOrThrow()).id as string;

/** A sign-in linked to a new person who holds the position `positionKey` from 2020. */
async function placed(roles: Role[], name: string, positionKey: string | null): Promise<SignedIn> {
  const user = await t.signInAs(roles, name);
  if (positionKey) await t.placeUser(user.userId, name, positionKey);
  return user;
}

async function joinGroup(user: SignedIn, groupKey: string) {
  await db()
    .insertInto('ls_group_members')
    .values({ group_id: await id('ls_groups', groupKey), user_id: user.userId })
    .execute();
}

const count = async (table: string) => {
  const { rows } = await sql<{ n: string }>`select count(*) as n from ${sql.table(table)}`.execute(t.database.db);
  return Number(rows[0]!.n);
};

describe('[LEADER][SUBMIT] one door in', () => {
  it('offers the catalogue from the seeds, and knows where the leader sits without asking', async () => {
    const leader = await placed(['leader'], 'Rektor Test', 'leder-skole-aronslokka');
    const catalogue = (await call('GET', '/api/leader-support/catalogue', leader)).body as Catalogue;
    expect(catalogue.categories.map((c) => c.key)).toEqual(
      expect.arrayContaining(['adgangskort', 'lonn', 'faktura', 'arkivsystem', 'lederbytte']),
    );
    expect(catalogue.categories.every((c) => c.source?.startsWith('002'))).toBe(true);
    expect(catalogue.groups.find((g) => g.key === 'forstelinje')).toMatchObject({ line: 1, unit: { name: '1.linje til ledere' } });
    expect(catalogue.groups.filter((g) => g.line === 3).map((g) => g.key)).toEqual(['kommuneadvokat']);

    const me = (await call('GET', '/api/leader-support/me', leader)).body as RequesterContext;
    expect(me.unit).toMatchObject({ name: 'Aronsløkka skole', level: 3 });
    expect(me.sector?.name).toBe('Skole');
  });

  it('stores a payroll request with the unit and sector from the organisation, in the first line with its clocks running', async () => {
    const leader = await placed(['leader'], 'Rektor Lønn', 'leder-skole-aronslokka');
    const employee = await db()
      .insertInto('org_people')
      .values({ key: 'test-ansatt-1', name: 'Ansatt Eksempel' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const audits = await t.auditCount();
    const created = await call('POST', '/api/leader-support/requests', leader, {
      categoryKey: 'lonn',
      subject: 'Feil i lønn for <b>mars</b>',
      description: '<script>alert(1)</script> Timelønn er ikke utbetalt.',
      fields: { employee: employee.id, topic: 'payment' },
    });
    expect(created.status).toBe(201);
    const request = created.body as RequestDetail;
    expect(request).toMatchObject({
      status: 'new',
      line: 1,
      channel: 'portal',
      priority: 'normal',
      unit: { name: 'Aronsløkka skole', level: 3 },
      sector: { name: 'Skole' },
      group: { name: '1.linje til ledere' },
      requester: { name: 'Rektor Lønn' },
    });
    // Text is kept as typed and returned as data; the pages show it as text, never as markup.
    expect(request.subject).toBe('Feil i lønn for <b>mars</b>');
    expect(request.description).toContain('<script>alert(1)</script>');
    expect(request.fields).toEqual([
      { key: 'employee', label: { nb: 'Ansatt det gjelder', en: 'Employee concerned' }, value: 'Ansatt Eksempel' },
      { key: 'topic', label: { nb: 'Gjelder', en: 'Concerns' }, value: 'Utbetaling' },
    ]);
    expect(request.response.state).not.toBe('none');
    expect(request.resolution.dueAt).not.toBeNull();
    expect(new Date(request.resolution.dueAt!).getTime()).toBeGreaterThan(new Date(request.response.dueAt!).getTime());
    expect(await t.auditCount()).toBe(audits + 1);

    const mine = (await call('GET', '/api/leader-support/requests?view=mine', leader)).body as RequestList;
    expect(mine.items.map((r) => r.number)).toEqual([request.number]);
  });

  it('refuses unknown categories and missing or wrong fields with the problems named, and stores nothing', async () => {
    const leader = await placed(['leader'], 'Rektor Feil', 'leder-skole-aronslokka');
    const before = await count('ls_requests');
    const unknown = await call('POST', '/api/leader-support/requests', leader, { categoryKey: 'finnes-ikke', subject: 'Hei' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.message).toMatch(/Kategorien «finnes-ikke» finnes ikke/);

    const missing = await call('POST', '/api/leader-support/requests', leader, {
      categoryKey: 'lonn',
      subject: 'Lønn',
      fields: { topic: 'nonsense', extra: 'x' },
    });
    expect(missing.status).toBe(400);
    expect(missing.body.error.message).toMatch(/«Ansatt det gjelder» må fylles ut/);
    expect(missing.body.error.details.map((d: { path: string }) => d.path).sort()).toEqual([
      'fields.employee',
      'fields.extra',
      'fields.topic',
    ]);

    const english = await call(
      'POST',
      '/api/leader-support/requests',
      leader,
      { categoryKey: 'lonn', subject: 'Pay' },
      { 'accept-language': 'en' },
    );
    expect(english.body.error.message).toMatch(/"Employee concerned" is required/);

    const blank = await call('POST', '/api/leader-support/requests', leader, { categoryKey: 'annet', subject: '   ' });
    expect(blank.status).toBe(400);
    expect(await count('ls_requests')).toBe(before);
  });

  it('lets the first line register an urgent phone request for a leader, but not a leader for someone else', async () => {
    const leader = await placed(['leader'], 'Rektor Telefon', 'leder-skole-aronslokka');
    const agent = await placed(['first_line_agent'], 'Agent Telefon', null);
    const registered = await call('POST', '/api/leader-support/requests', agent, {
      categoryKey: 'pc-og-telefon',
      subject: 'PC-en starter ikke før foreldremøtet',
      fields: { device: 'pc' },
      priority: 'urgent',
      onBehalfOfUserId: leader.userId,
    });
    expect(registered.status).toBe(201);
    expect(registered.body).toMatchObject({
      channel: 'phone',
      priority: 'urgent',
      requester: { name: 'Rektor Telefon' },
      unit: { name: 'Aronsløkka skole' },
    });
    expect((registered.body as RequestDetail).registeredBy).toBe('Agent Telefon');
    // The leader sees it among their own.
    const mine = (await call('GET', '/api/leader-support/requests?view=mine', leader)).body as RequestList;
    expect(mine.items[0]?.number).toBe(registered.body.number);

    const other = await call('POST', '/api/leader-support/requests', leader, {
      categoryKey: 'annet',
      subject: 'For en kollega',
      onBehalfOfUserId: agent.userId,
    });
    expect(other.status).toBe(403);
  });
});

describe('[FIRST_LINE][SECOND_LINE] the life of a request', () => {
  it('is taken by exactly one of two agents, escalated by the routing rules to the school payroll group, resolved and rated', async () => {
    const leader = await placed(['leader'], 'Rektor Livsløp', 'leder-skole-aronslokka');
    const otherLeader = await placed(['leader'], 'Leder Hjemmetjeneste', 'leder-omsorg-hjemmetjenester-bragernes');
    const first = await placed(['first_line_agent'], 'Førstelinje En', null);
    const second = await placed(['first_line_agent'], 'Førstelinje To', null);
    const payroll = await placed(['second_line_agent'], 'Lønn Skole', null);
    await joinGroup(first, 'forstelinje');
    await joinGroup(second, 'forstelinje');
    await joinGroup(payroll, 'lonn-og-personal-skole');
    const person = await db()
      .insertInto('org_people')
      .values({ key: 'test-ansatt-2', name: 'Lærer Eksempel' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const created = (
      await call('POST', '/api/leader-support/requests', leader, {
        categoryKey: 'lonn',
        subject: 'Refusjon mangler',
        fields: { employee: person.id, topic: 'refund' },
      })
    ).body as RequestDetail;
    const ref = String(created.number);

    // Another unit's leader may not read it; the agents may.
    expect((await call('GET', `/api/leader-support/requests/${ref}`, otherLeader)).status).toBe(403);
    const queue = (await call('GET', '/api/leader-support/requests?view=queue&line=1&assignee=none', first)).body as RequestList;
    expect(queue.items.map((r) => r.number)).toContain(created.number);
    expect((await call('GET', '/api/leader-support/requests?view=queue', leader)).status).toBe(403);

    // Two agents take it at once: one wins, the other is told who has it.
    const [a, b] = await Promise.all([
      call('POST', `/api/leader-support/requests/${ref}/take`, first, { revision: created.revision }),
      call('POST', `/api/leader-support/requests/${ref}/take`, second, { revision: created.revision }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const loser = a.status === 409 ? a : b;
    expect(loser.body.error.message).toMatch(/er allerede tatt av Førstelinje (En|To)/);
    const winner = a.status === 200 ? first : second;

    // A public reply stops the response clock; an internal note stays with the agents.
    await call('POST', `/api/leader-support/requests/${ref}/messages`, winner, { visibility: 'public', body: 'Vi ser på det.' });
    await call('POST', `/api/leader-support/requests/${ref}/messages`, winner, {
      visibility: 'internal',
      body: 'Sjekk refusjonen i lønnssystemet.',
    });
    const leaderView = (await call('GET', `/api/leader-support/requests/${ref}`, leader)).body as RequestDetail;
    expect(leaderView.messages.map((m) => m.body)).toEqual(['Vi ser på det.']);
    expect(leaderView.can.seeInternal).toBe(false);
    expect(leaderView.firstResponseAt).not.toBeNull();
    expect((await call('POST', `/api/leader-support/requests/${ref}/messages`, leader, { visibility: 'internal', body: 'x' })).status).toBe(
      403,
    );

    // The preview says where it will go; escalating needs a reason.
    const preview = (
      await call('GET', `/api/leader-support/routing/preview?categoryId=${created.category.id}&unitId=${created.unit!.id}`, winner)
    ).body as RoutingPreview;
    expect(preview.group?.name).toBe('Lønn og personal – skole');
    expect(preview.chain.map((u) => u.name).slice(0, 2)).toEqual(['Aronsløkka skole', 'Skole']);
    const current = (await call('GET', `/api/leader-support/requests/${ref}`, winner)).body as RequestDetail;
    expect(
      (await call('POST', `/api/leader-support/requests/${ref}/escalate`, winner, { revision: current.revision, reason: ' ' })).status,
    ).toBe(400);
    const escalated = await call('POST', `/api/leader-support/requests/${ref}/escalate`, winner, {
      revision: current.revision,
      reason: 'Trenger lønnsrådgiver for skole',
    });
    expect(escalated.status).toBe(200);
    expect(escalated.body).toMatchObject({ line: 2, group: { name: 'Lønn og personal – skole' }, assignee: null, status: 'new' });

    // The same revision again is stale: nothing changes.
    const stale = await call('POST', `/api/leader-support/requests/${ref}/priority`, payroll, {
      revision: current.revision,
      priority: 'high',
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('stale');

    // The second line takes it, logs time and resolves it; the leader rates it once.
    const taken = await call('POST', `/api/leader-support/requests/${ref}/take`, payroll, { revision: escalated.body.revision });
    expect(taken.status).toBe(200);
    const timed = await call('POST', `/api/leader-support/requests/${ref}/time`, payroll, { minutes: 45, note: 'Kontroll' });
    expect(timed.body.time).toMatchObject({ minutes: 45, cost: null });
    const resolved = await call('POST', `/api/leader-support/requests/${ref}/transition`, payroll, {
      revision: timed.body.revision,
      action: 'resolve',
      note: 'Refusjonen er utbetalt.',
    });
    expect(resolved.status).toBe(200);
    expect(resolved.body).toMatchObject({ status: 'resolved', resolution: { state: 'met' } });
    const rated = await call('GET', `/api/leader-support/requests/${ref}`, leader);
    expect(rated.body.can.rate).toBe(true);
    expect((await call('POST', `/api/leader-support/requests/${ref}/survey`, leader, { score: 5, comment: 'Raskt!' })).status).toBe(200);
    expect((await call('POST', `/api/leader-support/requests/${ref}/survey`, leader, { score: 4 })).status).toBe(409);
    expect((await call('POST', `/api/leader-support/requests/${ref}/survey`, leader, { score: 9 })).status).toBe(400);

    const history = ((await call('GET', `/api/leader-support/requests/${ref}`, leader)).body as RequestDetail).events.map((e) => e.type);
    expect(history).toEqual(expect.arrayContaining(['created', 'taken', 'replied', 'escalated', 'resolved', 'rated']));
    expect(history).not.toContain('noted');
  });

  it('follows the organisation: a school moved to another service area is routed by its new place', async () => {
    const leader = await placed(['leader'], 'Rektor Flyttet', 'leder-skole-aronslokka');
    const agent = await placed(['first_line_agent'], 'Førstelinje Flytt', null);
    await joinGroup(agent, 'forstelinje');
    const created = (
      await call('POST', '/api/leader-support/requests', leader, {
        categoryKey: 'personal',
        subject: 'Ansettelse',
        fields: { topic: 'hiring' },
      })
    ).body as RequestDetail;
    const school = created.unit!.id;
    const health = await id('org_units', 'omrade-helsetjenester');
    // The organisation moves the school (a plain SQL change of today's version: the organisation's own commands are tested there).
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Oslo' }).format(new Date());
    await db()
      .updateTable('org_unit_versions')
      .set({ parent_id: health })
      .where('unit_id', '=', school)
      .where('valid_from', '<=', today)
      .execute();
    const escalated = await call('POST', `/api/leader-support/requests/${created.number}/escalate`, agent, {
      revision: created.revision,
      reason: 'Personalsak',
    });
    expect(escalated.body.group.name).toBe('Lønn og personal – helse');
  });

  it('refuses transitions that make no sense, with a message, and changes nothing', async () => {
    const leader = await placed(['leader'], 'Rektor Overgang', 'leder-skole-aronslokka');
    const agent = await placed(['first_line_agent'], 'Førstelinje Overgang', null);
    await joinGroup(agent, 'forstelinje');
    const created = (await call('POST', '/api/leader-support/requests', leader, { categoryKey: 'annet', subject: 'Trekkes tilbake' }))
      .body as RequestDetail;
    const ref = created.number;
    // The requester withdraws it before anyone started.
    const deleted = await call('POST', `/api/leader-support/requests/${ref}/transition`, leader, {
      revision: created.revision,
      action: 'delete',
    });
    expect(deleted.body.status).toBe('deleted');
    const reopen = await call('POST', `/api/leader-support/requests/${ref}/transition`, leader, {
      revision: deleted.body.revision,
      action: 'reopen',
    });
    expect(reopen.status).toBe(409);
    expect(reopen.body.error.message).toMatch(/Kan ikke gjenåpne LS-\d+ fordi den er slettet/);

    const other = (await call('POST', '/api/leader-support/requests', leader, { categoryKey: 'annet', subject: 'Lukkes' }))
      .body as RequestDetail;
    const closed = await call('POST', `/api/leader-support/requests/${other.number}/transition`, agent, {
      revision: other.revision,
      action: 'close',
    });
    expect(closed.body.status).toBe('closed');
    const escalate = await call('POST', `/api/leader-support/requests/${other.number}/escalate`, agent, {
      revision: closed.body.revision,
      reason: 'For sent',
    });
    expect(escalate.status).toBe(409);
    expect(escalate.body.error.message).toMatch(/er ikke åpen og kan ikke eskaleres/);
    expect((await call('GET', `/api/leader-support/requests/${other.number}`, agent)).body.line).toBe(1);
    // A closed request takes no more replies until reopened.
    expect(
      (await call('POST', `/api/leader-support/requests/${other.number}/messages`, leader, { visibility: 'public', body: 'Hallo?' }))
        .status,
    ).toBe(409);
  });

  it('pauses the resolution clock while waiting for the requester, and the requester’s reply resumes work', async () => {
    const leader = await placed(['leader'], 'Rektor Vent', 'leder-skole-aronslokka');
    const agent = await placed(['first_line_agent'], 'Førstelinje Vent', null);
    await joinGroup(agent, 'forstelinje');
    const created = (await call('POST', '/api/leader-support/requests', leader, { categoryKey: 'annet', subject: 'Spørsmål' }))
      .body as RequestDetail;
    const waiting = await call('POST', `/api/leader-support/requests/${created.number}/transition`, agent, {
      revision: created.revision,
      action: 'wait',
    });
    expect(waiting.body).toMatchObject({ status: 'waiting', resolution: { state: 'paused' } });
    const replied = await call('POST', `/api/leader-support/requests/${created.number}/messages`, leader, {
      visibility: 'public',
      body: 'Her er svaret.',
    });
    expect(replied.body.status).toBe('in_progress');
    expect(replied.body.resolution.state).not.toBe('paused');
  });
});

describe('[LEADER][SELF_SERVICE] and [FIRST_LINE][MASTER_DATA]', () => {
  it('a request solved by a knowledge-base article is stored closed, as self-service', async () => {
    const leader = await placed(['leader'], 'Rektor Selv', 'leder-skole-aronslokka');
    const article = await db()
      .insertInto('ls_articles')
      .values({ key: 'test-passord', title: 'Glemt passord', body: 'Bruk selvbetjeningen.' })
      .returning('id')
      .executeTakeFirstOrThrow();
    // Solved before the form was filled in: the category's required fields are not asked for.
    const created = await call('POST', '/api/leader-support/requests', leader, {
      categoryKey: 'lonn',
      subject: 'Glemt passord',
      solvedByArticleId: article.id,
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ status: 'closed', selfService: true, articles: [{ title: 'Glemt passord' }] });
  });

  it('a leader change, once the first line approves it, is made in the organisation', async () => {
    const leader = await placed(['leader'], 'Leder Masterdata', 'leder-omsorg-hjemmetjenester-bragernes');
    const agent = await placed(['first_line_agent'], 'Førstelinje Masterdata', null);
    const outsider = await placed(['first_line_agent'], 'Ikke i førstelinjen', null);
    await joinGroup(agent, 'forstelinje');
    const newLeader = await db()
      .insertInto('org_people')
      .values({ key: 'test-ny-leder', name: 'Ny Leder' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const unit = await id('org_units', 'omsorg-hjemmetjenester-bragernes');
    const created = (
      await call('POST', '/api/leader-support/requests', leader, {
        categoryKey: 'lederbytte',
        subject: 'Ny leder fra 1. desember',
        fields: { unit, newLeader: newLeader.id, validFrom: '2026-12-01' },
      })
    ).body as RequestDetail;
    expect(created.fields.map((f) => f.value)).toEqual(['Omsorgstjenester Bragernes', 'Ny Leder', '2026-12-01']);
    expect(
      (await call('POST', `/api/leader-support/requests/${created.number}/approve`, outsider, { revision: created.revision })).status,
    ).toBe(403);
    const approved = await call('POST', `/api/leader-support/requests/${created.number}/approve`, agent, { revision: created.revision });
    expect(approved.status).toBe(200);
    expect(approved.body.status).toBe('resolved');
    const holders = await db()
      .selectFrom('org_assignments as a')
      .innerJoin('org_people as p', 'p.id', 'a.person_id')
      .select(['p.name', 'a.valid_from', 'a.valid_to'])
      .where('a.position_id', '=', await id('org_positions', 'leder-omsorg-hjemmetjenester-bragernes'))
      .orderBy('a.valid_from')
      .execute();
    expect(holders.at(-1)).toMatchObject({ name: 'Ny Leder', valid_from: '2026-12-01', valid_to: null });
    expect(holders.find((h: { name: string }) => h.name === 'Leder Masterdata')?.valid_to).toBe('2026-12-01');
  });
});

describe('[ATTACHMENTS] stored, never run or shown inline', () => {
  it('takes a PDF, refuses disguised and oversized files, and serves files only as downloads to those who may read them', async () => {
    const leader = await placed(['leader'], 'Rektor Vedlegg', 'leder-skole-aronslokka');
    const otherLeader = await placed(['leader'], 'Annen Leder', 'leder-omsorg-hjemmetjenester-bragernes');
    const created = (
      await call('POST', '/api/leader-support/requests', leader, {
        categoryKey: 'faktura',
        subject: 'Faktura',
        fields: { invoiceNumber: '123' },
      })
    ).body as RequestDetail;
    const upload = (fileName: string, content: Buffer, user = leader) =>
      t.knutepunkt.app.inject({
        method: 'POST',
        url: `/api/leader-support/requests/${created.number}/attachments?fileName=${encodeURIComponent(fileName)}`,
        headers: { ...user.headers, 'content-type': 'application/octet-stream' },
        payload: content,
      });
    const pdf = await upload('faktura.pdf', Buffer.from('%PDF-1.4\n% test\n'));
    expect(pdf.statusCode).toBe(201);
    const disguised = await upload('faktura.pdf', Buffer.from('MZ\x90\x00 program'));
    expect(disguised.statusCode).toBe(415);
    expect(disguised.json().error.message).toMatch(/stemmer ikke med filtypen/);
    expect((await upload('verktøy.exe', Buffer.from('MZ'))).statusCode).toBe(415);
    expect((await upload('side.html', Buffer.from('<script>alert(1)</script>'))).statusCode).toBe(415);
    expect((await upload('stor.pdf', Buffer.concat([Buffer.from('%PDF-'), Buffer.alloc(10 * 1024 * 1024)]))).statusCode).toBe(413);

    const detail = (await call('GET', `/api/leader-support/requests/${created.number}`, leader)).body as RequestDetail;
    expect(detail.attachments.map((a) => a.fileName)).toEqual(['faktura.pdf']);
    const download = await t.knutepunkt.app.inject({
      url: `/api/leader-support/attachments/${detail.attachments[0]!.id}`,
      headers: leader.headers,
    });
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-disposition']).toMatch(/^attachment;/);
    expect(download.headers['content-type']).toBe('application/octet-stream');
    expect(download.headers['x-content-type-options']).toBe('nosniff');
    expect(download.body).toContain('%PDF-1.4');
    const refused = await t.knutepunkt.app.inject({
      url: `/api/leader-support/attachments/${detail.attachments[0]!.id}`,
      headers: otherLeader.headers,
    });
    expect(refused.statusCode).toBe(403);
  });
});

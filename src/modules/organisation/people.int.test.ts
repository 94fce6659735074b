// [EMPLOYEE][PEOPLE]: anyone who may read the organisation finds a person by name, employee number,
// position or unit (case, accents and typos forgiven), reads their card (positions, unit path,
// personnel leader, lines, history), and sees the photo the HR feed delivered; the HR feed's photos
// are checked by their bytes, stripped of metadata, replaced and removed with the file, audited.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTestApp, type SignedIn } from '../../../test/helpers/test-app.js';
import { validOn } from './server/organisation.queries.js';
import type { HrFeedRunDetail } from './hr-feed.schemas.js';
import type { PeopleSearchResult, PersonCard } from './people.schemas.js';
import { photoEntityType } from './server/hr-feed/hr-feed-photos.js';
import { runHrFeed } from './server/hr-feed/run-hr-feed.js';
import type { OrganisationDb } from './server/organisation.tables.js';
import { jpegWithExif, pngWithText } from './server/people-photo.fixtures.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kp-people-'));
fs.mkdirSync(path.join(dir, 'bilder'));
const t = useTestApp({ env: { HR_FEED_DIR: dir } });
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

interface Employment {
  key: string;
  name: string;
  position: string;
  unit: string;
  percent: number;
  photo?: string;
}

const header = 'Ansattnummer;Navn;Stillingsnummer;Organisasjonsenhet;Stillingsprosent;Fra dato;Til dato';
const csv = (rows: Employment[], withPhotos = true) =>
  [
    withPhotos ? `${header};Bilde` : header,
    ...rows.map(
      (r) =>
        `${r.key};${r.name};${r.position};${r.unit};${String(r.percent).replace('.', ',')};01.01.2024;${withPhotos ? `;${r.photo ?? ''}` : ''}`,
    ),
  ].join('\r\n');

const db = () => t.database.db as unknown as OrganisationDb;
const run = (rows: Employment[], withPhotos = true): Promise<HrFeedRunDetail> =>
  runHrFeed(
    db(),
    {
      bytes: Buffer.from(csv(rows, withPhotos)),
      fileName: 'ansatte.csv',
      source: 'folder',
      startedBy: null,
      requestId: null,
      photoDir: dir,
    },
    { maxRemovalShare: 0.05 },
  );

let reader: SignedIn;
let admin: SignedIn;
let existing: Employment[];
let ours: Employment[];
const idOf = new Map<string, string>();

async function get<T>(url: string, who: SignedIn | null = reader) {
  const response = await t.knutepunkt.app.inject({ method: 'GET', url, headers: who ? { cookie: who.cookie } : {} });
  return {
    response,
    body: response.statusCode === 200 && String(response.headers['content-type']).includes('json') ? (response.json() as T) : undefined,
  };
}
const search = async (q: string, page = 1) =>
  (await get<PeopleSearchResult>(`/api/organisation/people/search?q=${encodeURIComponent(q)}&page=${page}`)).body!;

beforeAll(async () => {
  reader = await t.signInAs(['employee']);
  admin = await t.signInAs(['administrator']);
  const exported = (
    await t.knutepunkt.app.inject({ method: 'GET', url: '/api/organisation/export', headers: { cookie: admin.cookie } })
  ).json() as {
    positions: { key: string; unitKey: string }[];
    people: { key: string; name: string }[];
    assignments: { personKey: string; positionKey: string; fte: number; validTo: string | null }[];
  };
  const unitOf = new Map(exported.positions.map((p) => [p.key, p.unitKey]));
  const nameOf = new Map(exported.people.map((p) => [p.key, p.name]));
  existing = exported.assignments
    .filter((a) => a.validTo === null)
    .map((a) => ({
      key: a.personKey,
      name: nameOf.get(a.personKey)!,
      position: a.positionKey,
      unit: unitOf.get(a.positionKey)!,
      percent: a.fte * 100,
    }));
  const free = exported.positions.filter((p) => !existing.some((e) => e.position === p.key));
  const place = (i: number) => ({ position: free[i]!.key, unit: free[i]!.unitKey });
  ours = [
    { key: 'E3001', name: 'Åse Øvrebø-Hansen', ...place(0), percent: 100, photo: 'aase.png' },
    { key: 'E3002', name: 'Hélène Dupré', ...place(1), percent: 80 },
    { key: 'E3003', name: 'Kari Nordmann', ...place(2), percent: 100, photo: 'kari.jpg' },
    { key: 'E3004', name: 'Karin Nordberg', ...place(3), percent: 50 },
  ];
  fs.writeFileSync(path.join(dir, 'bilder', 'aase.png'), pngWithText());
  fs.writeFileSync(path.join(dir, 'bilder', 'kari.jpg'), jpegWithExif());
  const first = await run([...existing, ...ours]);
  expect(first.outcome, JSON.stringify(first.problems)).toBe('applied');
  const { rows } = await sql<{ id: string; key: string }>`select id, key from org_people where key like 'E300%'`.execute(t.database.db);
  for (const row of rows) idOf.set(row.key, row.id);
});

describe('[EMPLOYEE][PEOPLE] the person search', () => {
  it('finds a name whatever its case and accents, the employee number first, and near spellings last', async () => {
    expect((await search('ÅSE ØVREBØ')).people[0]).toMatchObject({ key: 'E3001', match: 'name' });
    expect((await search('helene dupre')).people[0]).toMatchObject({ key: 'E3002', match: 'name', synthetic: false });
    expect((await search('e3003')).people[0]).toMatchObject({ key: 'E3003', match: 'key' });

    const kari = await search('Kari Nordmann');
    expect(kari.people[0]).toMatchObject({ key: 'E3003', match: 'name' });
    expect(kari.people[0]!.positions).toEqual([expect.objectContaining({ fte: 1 })]);
    // A typo: found by trigram similarity, after every exact match.
    const typo = await search('Nordmanm');
    const hit = typo.people.find((p) => p.key === 'E3003');
    expect(hit?.match).toBe('similar');
    expect(typo.people.findIndex((p) => p.match === 'similar')).toBeLessThanOrEqual(typo.people.indexOf(hit!));
    expect(typo.people.map((p) => p.key)).not.toContain('E3004');
  });

  it('finds people by the unit and position they hold on the date, after those whose name matches', async () => {
    const unitName = (
      await sql<{ name: string }>`
        select uv.name from org_unit_versions uv join org_units u on u.id = uv.unit_id
        where u.key = ${ours[0]!.unit} and ${validOn('uv', new Date().toISOString().slice(0, 10))}`.execute(t.database.db)
    ).rows[0]!.name;
    const result = await search(unitName);
    const hit = result.people.find((p) => p.key === 'E3001');
    expect(hit?.match).toBe('text');
    const order = result.people.map((p) => ['key', 'name', 'text', 'similar'].indexOf(p.match));
    expect(order).toEqual([...order].sort((a, b) => a - b));
    // Before they held it, the unit does not find them.
    const before = (await get<PeopleSearchResult>(`/api/organisation/people/search?q=${encodeURIComponent(unitName)}&date=2023-06-01`))
      .body!;
    expect(before.people.map((p) => p.key)).not.toContain('E3001');
  });

  it('pages by 20, says how many, marks the fictitious people, and answers nothing to an empty search', async () => {
    const all = await search('a');
    expect(all.pageSize).toBe(20);
    expect(all.people.length).toBe(Math.min(20, all.total));
    if (all.total > 20) {
      const second = await search('a', 2);
      expect(second.people.map((p) => p.id)).not.toContain(all.people[0]!.id);
    }
    const demo = await search('demo');
    for (const person of demo.people.filter((p) => p.key.startsWith('demo-'))) expect(person.synthetic).toBe(true);
    expect(await search('   ')).toMatchObject({ total: 0, people: [] });
  });

  it('is for signed-in readers only, and refuses bad input', async () => {
    expect((await get('/api/organisation/people/search?q=Kari', null)).response.statusCode).toBe(401);
    expect((await get('/api/organisation/people/search?q=Kari&page=0')).response.statusCode).toBe(400);
    expect((await get('/api/organisation/people/search?q=Kari&extra=1')).response.statusCode).toBe(400);
  });
});

describe('[EMPLOYEE][PEOPLE] the person card', () => {
  it('shows the positions on the date with unit path, personnel leader (or «ledig»), lines, photo and history', async () => {
    const card = (await get<PersonCard>(`/api/organisation/people/${idOf.get('E3001')}/card`)).body!;
    expect(card).toMatchObject({ key: 'E3001', name: 'Åse Øvrebø-Hansen', synthetic: false, signIn: null, contact: [] });
    expect(card.photo?.url).toMatch(/^\/api\/organisation\/people\/.+\/photo\?v=[0-9a-f]{16}$/);
    const [position] = card.positions;
    const { rows } = await sql<{ position_id: string; unit_key: string; leader: string | null }>`
      select p.id as position_id, u.key as unit_key,
        (select l.to_position_id from org_reporting_lines l
          where l.from_position_id = p.id and l.line_type = 'personnel' and l.valid_to is null limit 1) as leader
      from org_positions p join org_position_versions pv on pv.position_id = p.id and pv.valid_to is null
      join org_units u on u.id = pv.unit_id where p.key = ${ours[0]!.position}`.execute(t.database.db);
    expect(position).toMatchObject({ positionId: rows[0]!.position_id, fte: 1 });
    expect(position!.unitPath.length).toBeGreaterThan(1);
    expect(position!.unitPath[0]!.level).toBe(1);
    const unitId = (await sql<{ id: string }>`select id from org_units where key = ${rows[0]!.unit_key}`.execute(t.database.db)).rows[0]!
      .id;
    expect(position!.unitPath.at(-1)!.id).toBe(unitId);
    expect(position!.personnelLeader?.positionId ?? null).toBe(rows[0]!.leader);
    expect(card.history).toHaveLength(1);

    // Before the assignment: no position, the history still there.
    const earlier = (await get<PersonCard>(`/api/organisation/people/${idOf.get('E3001')}/card?date=2023-01-01`)).body!;
    expect(earlier.positions).toEqual([]);
    expect(earlier.history).toHaveLength(1);
  });

  it('shows the linked sign-in to those who may read users and to the person; its e-mail as contact', async () => {
    await sql`update users set email = 'helene.dupre@example.org' where id = ${reader.userId}`.execute(t.database.db);
    await sql`insert into org_user_people (user_id, person_id) values (${reader.userId}, ${idOf.get('E3002')!})`.execute(t.database.db);
    const other = await t.signInAs(['employee']);
    const asOther = (await get<PersonCard>(`/api/organisation/people/${idOf.get('E3002')}/card`, other)).body!;
    expect(asOther.signIn).toBeNull();
    expect(asOther.contact).toEqual([{ kind: 'email', value: 'helene.dupre@example.org', from: 'sign_in' }]);
    const asSelf = (await get<PersonCard>(`/api/organisation/people/${idOf.get('E3002')}/card`)).body!;
    expect(asSelf.signIn).toMatchObject({ userId: reader.userId, disabled: false });
    const asAdmin = (await get<PersonCard>(`/api/organisation/people/${idOf.get('E3002')}/card`, admin)).body!;
    expect(asAdmin.signIn?.userId).toBe(reader.userId);
  });

  it('answers 404 for a person that does not exist', async () => {
    expect((await get('/api/organisation/people/00000000-0000-4000-8000-000000000000/card')).response.statusCode).toBe(404);
    expect((await get('/api/organisation/people/not-an-id/card')).response.statusCode).toBe(404);
  });
});

describe('[HR_FEED][PEOPLE] contact details from the HR feed', () => {
  const withContacts = (rows: (Employment & { email?: string; phone?: string })[]) =>
    [
      `${header};E-post;Telefon`,
      ...rows.map((r) => `${r.key};${r.name};${r.position};${r.unit};${r.percent};01.01.2024;;${r.email ?? ''};${r.phone ?? ''}`),
    ].join('\r\n');
  const runContacts = (rows: (Employment & { email?: string; phone?: string })[]) =>
    runHrFeed(
      db(),
      { bytes: Buffer.from(withContacts(rows)), fileName: 'kontakt.csv', source: 'api', startedBy: null, requestId: null },
      { maxRemovalShare: 0.05 },
    );
  const card = async (key: string) => (await get<PersonCard>(`/api/organisation/people/${idOf.get(key)}/card`)).body!;

  it('shows them with their source, refuses malformed ones, and clears them when the file does', async () => {
    const bad = await runContacts([...existing, ...ours.map((r) => (r.key === 'E3004' ? { ...r, email: 'ikke-en-adresse' } : r))]);
    expect(bad.outcome).toBe('refused');
    expect(bad.problems).toEqual([expect.objectContaining({ column: 'E-post' })]);

    const good = await runContacts([
      ...existing,
      ...ours.map((r) => (r.key === 'E3004' ? { ...r, email: 'karin.nordberg@example.org', phone: '+47 32 04 00 00' } : r)),
    ]);
    expect(good.outcome, JSON.stringify(good.problems)).toBe('applied');
    expect((await card('E3004')).contact).toEqual([
      { kind: 'email', value: 'karin.nordberg@example.org', from: 'hr_feed' },
      { kind: 'phone', value: '+47 32 04 00 00', from: 'hr_feed' },
    ]);
    expect(await t.auditCount('organisation_person_contact')).toBe(1);

    // The column is there, the cell empty: cleared.
    expect((await runContacts([...existing, ...ours])).outcome).toBe('applied');
    expect((await card('E3004')).contact).toEqual([]);
    expect(await t.auditCount('organisation_person_contact')).toBe(2);
  });
});

describe('[HR_FEED][PEOPLE] photos from the HR feed', () => {
  const photoUrl = (key: string) => `/api/organisation/people/${idOf.get(key)}/photo`;

  it('serves the stored photo without its metadata, privately cached, to signed-in readers only', async () => {
    const { response } = await get(photoUrl('E3001'));
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('image/png');
    expect(response.headers['cache-control']).toBe('private, no-cache');
    expect(response.rawPayload.toString('latin1')).not.toContain('GPS');
    expect(response.rawPayload.toString('latin1')).toContain('IDAT');
    const card = (await get<PersonCard>(`/api/organisation/people/${idOf.get('E3001')}/card`)).body!;
    const versioned = await get(card.photo!.url);
    expect(versioned.response.headers['cache-control']).toContain('immutable');
    const again = await t.knutepunkt.app.inject({
      method: 'GET',
      url: photoUrl('E3001'),
      headers: { cookie: reader.cookie, 'if-none-match': response.headers.etag as string },
    });
    expect(again.statusCode).toBe(304);
    expect((await get(photoUrl('E3001'), null)).response.statusCode).toBe(401);
    expect((await get(photoUrl('E3002'))).response.statusCode).toBe(404);
    expect((await search('Kari Nordmann')).people[0]!.photo).not.toBeNull();
  });

  it('refuses a run whose photo is not JPEG, PNG or WebP by its bytes, or is missing, and changes nothing', async () => {
    fs.writeFileSync(path.join(dir, 'bilder', 'fake.jpg'), '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
    const audits = await t.auditCount(photoEntityType);
    const before = (await get(photoUrl('E3001'))).response.rawPayload;
    const fake = await run([...existing, ...ours.map((r) => (r.key === 'E3001' ? { ...r, photo: 'fake.jpg' } : r))]);
    expect(fake.outcome).toBe('refused');
    expect(fake.problems).toEqual([
      expect.objectContaining({ column: 'Bilde', message: expect.objectContaining({ nb: expect.stringContaining('fake.jpg') }) }),
    ]);
    const missing = await run([...existing, ...ours.map((r) => (r.key === 'E3002' ? { ...r, photo: 'finnes-ikke.png' } : r))]);
    expect(missing.outcome).toBe('refused');
    expect(missing.problems[0]!.message.nb).toContain('finnes ikke');
    const traversal = await run([...existing, ...ours.map((r) => (r.key === 'E3002' ? { ...r, photo: '../ansatte.csv' } : r))]);
    expect(traversal.outcome).toBe('refused');
    expect(await t.auditCount(photoEntityType)).toBe(audits);
    expect((await get(photoUrl('E3001'))).response.rawPayload).toEqual(before);
  });

  it('replaces a changed photo, removes one the file no longer gives, leaves them all when the column is gone; audited', async () => {
    const audits = await t.auditCount(photoEntityType);
    // Without the column the feed says nothing about photos.
    expect((await run([...existing, ...ours.map((r) => ({ ...r, photo: undefined }))], false)).outcome).toBe('applied');
    expect((await get(photoUrl('E3001'))).response.statusCode).toBe(200);
    expect(await t.auditCount(photoEntityType)).toBe(audits);

    fs.writeFileSync(path.join(dir, 'bilder', 'aase-2.png'), pngWithText([10, 120, 200]));
    const changed = await run([
      ...existing,
      ...ours.map((r) => (r.key === 'E3001' ? { ...r, photo: 'aase-2.png' } : r.key === 'E3003' ? { ...r, photo: '' } : r)),
    ]);
    expect(changed.outcome).toBe('applied');
    expect(
      changed.changes
        .filter((c) => c.fields.some((f) => f.field === 'photo'))
        .map((c) => c.label)
        .sort(),
    ).toEqual(['E3001', 'E3003']);
    expect((await get(photoUrl('E3003'))).response.statusCode).toBe(404);
    expect(await t.auditCount(photoEntityType)).toBe(audits + 2);
    const { rows } = await sql<{ action: string }>`
      select action from audit_log where entity_type = ${photoEntityType} and entity_id = ${idOf.get('E3003')} order by id`.execute(
      t.database.db,
    );
    expect(rows.map((r) => r.action)).toEqual(['create', 'delete']);
  });
});

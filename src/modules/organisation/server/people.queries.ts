import { sql, type Kysely } from 'kysely';
import { compareNorwegian, isUuid, type KernelTables } from '../../../kernel/index.js';
import type { PeopleSearchHit, PeopleSearchResult, PersonCard, PersonCardPosition } from '../people.schemas.js';
import { peoplePageSize } from '../people.schemas.js';
import { selectUnitsWithAncestors } from './access.queries.js';
import { validOn } from './organisation.queries.js';
import type { OrganisationDb, OrganisationTables } from './organisation.tables.js';
import { selectAssignmentsOfPerson, selectHoldersOn } from './records.queries.js';

// People first: the person search and the person card's reads, and the photos' rows
// (migrations/0012_people_photos.sql). Each read is a fixed handful of queries.

/** Kysely types of migrations/0012_people_photos.sql. */
export interface PeopleTables {
  org_person_photos: {
    person_id: string;
    content_type: string;
    bytes: Uint8Array;
    byte_size: number;
    sha256: string;
    file_name: string;
    updated_at: Date;
  };
  org_person_contacts: { person_id: string; email: string | null; phone: string | null; updated_at: Date };
}

export type PeopleDb = Kysely<KernelTables & OrganisationTables & PeopleTables>;
export const withPeople = (db: OrganisationDb | PeopleDb): PeopleDb => db as unknown as PeopleDb;

type RoleType = PersonCardPosition['roleType'];
type UnitKind = PersonCardPosition['unitPath'][number]['kind'];
type LineType = PersonCardPosition['otherLines'][number]['type'];

// ---------------------------------------------------------------------------------------------
// Folding: case and accents forgiven the same way in SQL (translate) and here. lower() folds only
// ASCII under the C collation (PGlite, many servers), so every letter is listed. æ, ø and å are
// letters of their own in Norwegian and stay; é, ü, ñ and friends lose their marks.

const foldFrom = 'ABCDEFGHIJKLMNOPQRSTUVWXYZÆØÅÄÖÜÉÈÊËÓÒÔÁÀÂÍÌÎÏÚÙÛÇÑäöüéèêëóòôáàâíìîïúùûçñ';
const foldTo = 'abcdefghijklmnopqrstuvwxyzæøåaoueeeeoooaaaiiiiuuucnaoueeeeoooaaaiiiiuuucn';
const foldMap = new Map([...foldFrom].map((c, i) => [c, foldTo[i]!]));

/** The text as the search compares it: lower case, accents off (æ, ø, å kept), spaces collapsed. */
export function foldText(text: string): string {
  return [...text.normalize('NFC')]
    .map((c) => foldMap.get(c) ?? c)
    .join('')
    .replace(/\s+/g, ' ')
    .trim();
}

const folded = (expression: ReturnType<typeof sql>) => sql<string>`translate(${expression}, ${foldFrom}, ${foldTo})`;

const likeWord = (word: string) => `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

// ---------------------------------------------------------------------------------------------
// Search

/** Enough candidates to order by Norwegian rules before paging; more is «refine the search». */
export const peopleSearchLimit = 500;

const matchOrder: PeopleSearchHit['match'][] = ['key', 'name', 'text', 'similar'];

export function photoRef(personId: string, sha256: string | null): PeopleSearchHit['photo'] {
  return sha256 === null
    ? null
    : { url: `/api/organisation/people/${personId}/photo?v=${sha256.slice(0, 16)}`, version: sha256.slice(0, 16) };
}

/**
 * People whose employee number is `q`, whose name has every word of `q`, whose name, number,
 * position titles and unit names on `date` have every word, or whose text is a near spelling of it
 * (pg_trgm word similarity, as the service search). In that order, nearest spellings first within
 * each, then by name (Norwegian rules); a page of `peoplePageSize`.
 */
export async function searchPeople(db: OrganisationDb, q: string, date: string, page: number): Promise<PeopleSearchResult> {
  const raw = foldText(q);
  const empty = { date, q, page, pageSize: peoplePageSize, total: 0, more: false, people: [] };
  const words = [...new Set(raw.split(' ').filter((w) => w !== ''))].slice(0, 8);
  if (words.length === 0) return empty;
  const all = (column: ReturnType<typeof sql>) =>
    sql.join(
      words.map((w) => sql`${column} like ${likeWord(w)}`),
      sql` and `,
    );
  const { rows } = await sql<{
    id: string;
    key: string;
    name: string;
    synthetic: boolean;
    sha256: string | null;
    key_match: boolean;
    name_match: boolean;
    text_match: boolean;
    name_similarity: number;
    similarity: number;
  }>`
    with q as (select ${raw}::text as raw),
    held as (
      select a.person_id, pv.title, uv.name as unit_name
      from org_assignments a
      join org_position_versions pv on pv.position_id = a.position_id and ${validOn('pv', date)}
      left join org_unit_versions uv on uv.unit_id = pv.unit_id and ${validOn('uv', date)}
      where ${validOn('a', date)}
    ),
    texts as (
      select pe.id, pe.key, pe.name, pe.synthetic,
        ${folded(sql`pe.name`)} as name_text,
        ${folded(sql`pe.name || ' ' || pe.key || ' ' || coalesce(string_agg(h.title || ' ' || coalesce(h.unit_name, ''), ' '), '')`)} as all_text
      from org_people pe left join held h on h.person_id = pe.id
      group by pe.id, pe.key, pe.name, pe.synthetic
    ),
    scored as (
      select t.*, ${folded(sql`t.key`)} = q.raw as key_match,
        (${all(sql`t.name_text`)}) as name_match,
        (${all(sql`t.all_text`)}) as text_match,
        word_similarity(q.raw, t.name_text) as name_similarity,
        word_similarity(q.raw, t.all_text) as similarity
      from texts t, q
    )
    select s.id, s.key, s.name, s.synthetic, s.key_match, s.name_match, s.text_match, s.name_similarity, s.similarity, ph.sha256
    from scored s left join org_person_photos ph on ph.person_id = s.id, q
    where s.key_match or s.text_match or q.raw <% s.all_text
    order by s.key_match desc, s.name_match desc, s.text_match desc, greatest(s.name_similarity, s.similarity) desc, s.id
    limit ${peopleSearchLimit + 1}`.execute(db);

  const more = rows.length > peopleSearchLimit;
  const ranked = rows
    .slice(0, peopleSearchLimit)
    .map((row) => ({
      row,
      match: (row.key_match ? 'key' : row.name_match ? 'name' : row.text_match ? 'text' : 'similar') as PeopleSearchHit['match'],
      near: Math.max(Number(row.name_similarity), Number(row.similarity)),
    }))
    .sort(
      (a, b) =>
        matchOrder.indexOf(a.match) - matchOrder.indexOf(b.match) ||
        b.near - a.near ||
        compareNorwegian(a.row.name, b.row.name) ||
        a.row.id.localeCompare(b.row.id),
    );
  const slice = ranked.slice((page - 1) * peoplePageSize, page * peoplePageSize);
  const held = await selectHeldOn(
    db,
    slice.map((r) => r.row.id),
    date,
  );
  return {
    ...empty,
    total: ranked.length,
    more,
    people: slice.map(({ row, match }) => ({
      id: row.id,
      key: row.key,
      name: row.name,
      synthetic: row.synthetic,
      photo: photoRef(row.id, row.sha256),
      match,
      positions: held.get(row.id) ?? [],
    })),
  };
}

/** The positions each of `personIds` holds on `date`, with their units. */
async function selectHeldOn(db: OrganisationDb, personIds: string[], date: string): Promise<Map<string, PeopleSearchHit['positions']>> {
  const held = new Map<string, PeopleSearchHit['positions']>();
  if (personIds.length === 0) return held;
  const rows = await db
    .selectFrom('org_assignments as a')
    .innerJoin('org_position_versions as pv', (join) => join.onRef('pv.position_id', '=', 'a.position_id').on(validOn('pv', date)))
    .leftJoin('org_unit_versions as uv', (join) => join.onRef('uv.unit_id', '=', 'pv.unit_id').on(validOn('uv', date)))
    .select(['a.person_id', 'a.position_id', 'a.fte', 'pv.title', 'pv.unit_id', 'uv.name as unit_name'])
    .where('a.person_id', 'in', personIds)
    .where(validOn('a', date))
    .execute();
  for (const row of rows.sort((a, b) => Number(b.fte) - Number(a.fte) || compareNorwegian(a.title, b.title))) {
    const list = held.get(row.person_id) ?? [];
    list.push({ positionId: row.position_id, title: row.title, unitId: row.unit_id, unitName: row.unit_name ?? '', fte: Number(row.fte) });
    held.set(row.person_id, list);
  }
  return held;
}

// ---------------------------------------------------------------------------------------------
// Person card

export interface CardViewer {
  userId: string | null;
  /** May see sign-ins (users:read). */
  mayReadUsers: boolean;
}

export async function selectPersonCard(db: OrganisationDb, id: string, date: string, viewer: CardViewer): Promise<PersonCard | null> {
  if (!isUuid(id)) return null;
  const people = withPeople(db);
  const person = await people
    .selectFrom('org_people as pe')
    .leftJoin('org_person_photos as ph', 'ph.person_id', 'pe.id')
    .leftJoin('org_person_contacts as pc', 'pc.person_id', 'pe.id')
    .leftJoin('org_user_people as up', 'up.person_id', 'pe.id')
    .leftJoin('users as u', 'u.id', 'up.user_id')
    .select([
      'pe.id',
      'pe.key',
      'pe.name',
      'pe.synthetic',
      'pe.source',
      'ph.sha256',
      'pc.email as hr_email',
      'pc.phone as hr_phone',
      'u.id as user_id',
      'u.username',
      'u.display_name',
      'u.email',
      'u.disabled_at',
    ])
    .where('pe.id', '=', id)
    .executeTakeFirst();
  if (!person) return null;

  const assignments = await selectAssignmentsOfPerson(db, id, date);
  // History: each assignment with its position and unit as they stood on the day nearest the date.
  const history = assignments
    .map((a) => ({
      assignmentId: a.id,
      positionId: a.position_id,
      title: a.position?.title ?? '',
      unitId: a.position?.unit_id ?? '',
      unitName: a.unitName ?? '',
      fte: Number(a.fte),
      validFrom: a.valid_from,
      validTo: a.valid_to,
    }))
    .sort((a, b) => b.validFrom.localeCompare(a.validFrom) || compareNorwegian(a.title, b.title));

  // On the date: the positions held, their unit paths, personnel leaders and other lines.
  const current = assignments.flatMap((a) => (a.current && a.position ? [{ assignment: a, version: a.position }] : []));
  const heldIds = current.map((c) => c.assignment.position_id);
  const lines =
    heldIds.length === 0
      ? []
      : await db
          .selectFrom('org_reporting_lines as l')
          .select(['l.line_type', 'l.from_position_id', 'l.to_position_id'])
          .where('l.from_position_id', 'in', heldIds)
          .where(validOn('l', date))
          .execute();
  const farIds = [...new Set(lines.map((l) => l.to_position_id))];
  const [units, farPositions, holders] = await Promise.all([
    selectUnitsWithAncestors(db, [...new Set(current.map((c) => c.version.unit_id))], date),
    farIds.length === 0
      ? Promise.resolve([])
      : db
          .selectFrom('org_position_versions as pv')
          .leftJoin('org_unit_versions as uv', (join) => join.onRef('uv.unit_id', '=', 'pv.unit_id').on(validOn('uv', date)))
          .select(['pv.position_id', 'pv.title', 'pv.unit_id', 'uv.name as unit_name'])
          .where('pv.position_id', 'in', farIds)
          .where(validOn('pv', date))
          .execute(),
    selectHoldersOn(db, farIds, date),
  ]);
  const far = new Map(farPositions.map((p) => [p.position_id, p]));
  const otherEnd = (positionId: string) => {
    const position = far.get(positionId);
    return {
      positionId,
      title: position?.title ?? '',
      unitId: position?.unit_id ?? '',
      unitName: position?.unit_name ?? '',
      holders: (holders.get(positionId) ?? []).map((h) => ({ personId: h.personId, name: h.name })),
    };
  };
  const pathOf = (unitId: string) => {
    const path: PersonCardPosition['unitPath'] = [];
    const seen = new Set<string>();
    let at: string | null = unitId;
    while (at && !seen.has(at) && units.has(at)) {
      seen.add(at);
      const unit: { id: string; name: string; level: number; kind: string; parent_id: string | null } = units.get(at)!;
      path.unshift({ id: unit.id, name: unit.name, level: unit.level, kind: unit.kind as UnitKind });
      at = unit.parent_id;
    }
    return path;
  };
  const typeOrder = ['professional', 'coordination'];
  const positions: PersonCardPosition[] = current
    .map(({ assignment, version }) => {
      const out = lines.filter((l) => l.from_position_id === assignment.position_id);
      const personnel = out.find((l) => l.line_type === 'personnel');
      return {
        assignmentId: assignment.id,
        positionId: assignment.position_id,
        title: version.title,
        roleType: version.role_type as RoleType,
        fte: Number(assignment.fte),
        validFrom: assignment.valid_from,
        validTo: assignment.valid_to,
        unitPath: pathOf(version.unit_id),
        personnelLeader: personnel ? otherEnd(personnel.to_position_id) : null,
        otherLines: out
          .filter((l) => l.line_type !== 'personnel')
          .map((l) => ({ type: l.line_type as LineType, ...otherEnd(l.to_position_id) }))
          .sort((a, b) => typeOrder.indexOf(a.type) - typeOrder.indexOf(b.type) || compareNorwegian(a.title, b.title)),
      };
    })
    .sort((a, b) => b.fte - a.fte || compareNorwegian(a.title, b.title));

  const signInVisible = person.user_id !== null && (viewer.mayReadUsers || viewer.userId === person.user_id);
  const contact: PersonCard['contact'] = [];
  if (person.hr_email) contact.push({ kind: 'email', value: person.hr_email, from: 'hr_feed' });
  if (person.hr_phone) contact.push({ kind: 'phone', value: person.hr_phone, from: 'hr_feed' });
  // The sign-in's e-mail is contact enough while the account is in use; a disabled one's is not.
  if (person.email && person.disabled_at === null && person.email.toLowerCase() !== person.hr_email?.toLowerCase())
    contact.push({ kind: 'email', value: person.email, from: 'sign_in' });

  return {
    date,
    id: person.id,
    key: person.key,
    name: person.name,
    synthetic: person.synthetic,
    source: person.source,
    photo: photoRef(person.id, person.sha256),
    positions,
    signIn: signInVisible
      ? { userId: person.user_id!, username: person.username!, displayName: person.display_name!, disabled: person.disabled_at !== null }
      : null,
    contact,
    history,
  };
}

// ---------------------------------------------------------------------------------------------
// Photos

export async function selectPhoto(db: OrganisationDb, personId: string) {
  if (!isUuid(personId)) return undefined;
  return withPeople(db)
    .selectFrom('org_person_photos')
    .select(['content_type', 'bytes', 'sha256'])
    .where('person_id', '=', personId)
    .executeTakeFirst();
}

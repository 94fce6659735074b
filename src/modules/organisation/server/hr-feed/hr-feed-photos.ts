import fs from 'node:fs/promises';
import path from 'node:path';
import type { WriteContext } from '../../../../kernel/index.js';
import type { ImportChange, ImportProblem } from '../../import-export.schemas.js';
import { audit } from '../commands/shared.js';
import { message } from '../import-export/organisation-format.js';
import type { OrganisationDb } from '../organisation.tables.js';
import { withPeople } from '../people.queries.js';
import { cleanPhoto, photoMaxBytes, type CleanPhoto } from '../people-photo.js';
import type { HrFeed } from './read-feed.js';
import { vismaColumns } from './visma-mapping.js';

// Photos in the HR feed (docs/hr-feed.md «Bilder»): the CSV's «Bilde» column names a file in the
// photo folder (`bilder/` in HR_FEED_DIR). When the file has the column, the photos it names are
// the whole set: a new or changed photo is stored, and a person whose cell is empty, or who is not
// in the file, loses theirs. Without the column (or without a folder) photos are left as they are.
// Every photo is checked by its bytes and stripped of metadata (people-photo.ts); one that fails
// is a problem by row and the run is refused, as any other.

export const photoFolder = 'bilder';
export const photoEntityType = 'organisation_person_photo';

export interface FeedPhoto extends CleanPhoto {
  fileName: string;
  row: number;
}

export interface FeedPhotos {
  /** By the person's key; people in the set without one lose theirs. */
  byKey: Map<string, FeedPhoto>;
  problems: ImportProblem[];
}

const safeName = /^[A-Za-z0-9][A-Za-z0-9._ -]{0,199}$/;

/** The photos the feed names, read from `dir`; null when the feed says nothing about photos. */
export async function readFeedPhotos(feed: HrFeed, dir: string | undefined): Promise<FeedPhotos | null> {
  if (!feed.photoColumn || dir === undefined) return null;
  const column = vismaColumns.photo;
  const byKey = new Map<string, FeedPhoto>();
  const named = new Map<string, { fileName: string; row: number }>();
  const problems: ImportProblem[] = [];
  const problem = (row: number, nb: string, en: string) =>
    problems.push({ file: feed.fileName, sheet: null, entity: 'people', row, column, message: message(nb, en) });
  for (const person of feed.people) {
    if (!person.photo) continue;
    const earlier = named.get(person.key);
    if (earlier && earlier.fileName !== person.photo) {
      problem(
        person.row,
        `Ansattnummer ${person.key} har to bilder: «${earlier.fileName}» (rad ${earlier.row}) og «${person.photo}».`,
        `Employee number ${person.key} has two photos: "${earlier.fileName}" (row ${earlier.row}) and "${person.photo}".`,
      );
    } else if (!earlier) named.set(person.key, { fileName: person.photo, row: person.row });
  }
  const folder = path.join(dir, photoFolder);
  for (const [key, { fileName, row }] of named) {
    if (!safeName.test(fileName) || fileName.includes('..')) {
      problem(
        row,
        `«${fileName}» er ikke et gyldig filnavn for et bilde: bare bokstaver a–z, sifre, punktum, bindestrek og understrek, uten mapper.`,
        `"${fileName}" is not a valid photo file name: only letters a–z, digits, dots, hyphens and underscores, no folders.`,
      );
      continue;
    }
    const file = path.join(folder, fileName);
    const stat = await fs.stat(file).catch(() => null);
    if (!stat?.isFile()) {
      problem(
        row,
        `Bildet «${fileName}» finnes ikke i mappen ${photoFolder}/.`,
        `The photo "${fileName}" is not in the folder ${photoFolder}/.`,
      );
      continue;
    }
    if (stat.size > photoMaxBytes) {
      problem(row, ...tooLarge(fileName));
      continue;
    }
    const clean = cleanPhoto(new Uint8Array(await fs.readFile(file)));
    if ('refused' in clean) {
      if (clean.refused === 'too_large') problem(row, ...tooLarge(fileName));
      else if (clean.refused === 'not_image')
        problem(
          row,
          `«${fileName}» er ikke et JPEG-, PNG- eller WebP-bilde (lest fra innholdet, ikke fra navnet).`,
          `"${fileName}" is not a JPEG, PNG or WebP image (read from its contents, not its name).`,
        );
      else problem(row, `Bildet «${fileName}» er skadet eller avkortet.`, `The photo "${fileName}" is damaged or cut short.`);
      continue;
    }
    byKey.set(key, { ...clean, fileName, row });
  }
  return { byKey, problems };
}

const megabytes = photoMaxBytes / (1024 * 1024);
const tooLarge = (fileName: string): [string, string] => [
  `Bildet «${fileName}» er større enn ${megabytes} MB.`,
  `The photo "${fileName}" is larger than ${megabytes} MB.`,
];

/**
 * Makes the stored photos what the feed names, inside the run's transaction (after its people are
 * created), each change audited. Returns the changes for the run's list.
 */
export async function applyFeedPhotos(trx: OrganisationDb, context: WriteContext, photos: FeedPhotos): Promise<ImportChange[]> {
  const db = withPeople(trx);
  const keys = [...photos.byKey.keys()];
  const [people, stored] = await Promise.all([
    keys.length === 0 ? Promise.resolve([]) : db.selectFrom('org_people').select(['id', 'key']).where('key', 'in', keys).execute(),
    db
      .selectFrom('org_person_photos as ph')
      .innerJoin('org_people as pe', 'pe.id', 'ph.person_id')
      .select(['ph.person_id', 'pe.key', 'ph.sha256', 'ph.file_name'])
      .execute(),
  ]);
  const idOf = new Map(people.map((p) => [p.key, p.id]));
  const storedBy = new Map(stored.map((s) => [s.person_id, s]));
  const changes: ImportChange[] = [];
  const change = (row: number | null, key: string, before: string | null, after: string | null): ImportChange => ({
    entity: 'people',
    sheet: null,
    row,
    action: 'change',
    label: key,
    fields: [{ field: 'photo', before, after }],
  });
  const kept = new Set<string>();
  for (const [key, photo] of photos.byKey) {
    const personId = idOf.get(key);
    if (!personId) continue;
    kept.add(personId);
    const before = storedBy.get(personId);
    if (before?.sha256 === photo.sha256) continue;
    const values = {
      content_type: photo.contentType,
      bytes: photo.bytes,
      byte_size: photo.bytes.length,
      sha256: photo.sha256,
      file_name: photo.fileName,
      updated_at: new Date(),
    };
    await db
      .insertInto('org_person_photos')
      .values({ person_id: personId, ...values })
      .onConflict((oc) => oc.column('person_id').doUpdateSet(values))
      .execute();
    await audit(trx, context, {
      action: before ? 'update' : 'create',
      entityType: photoEntityType,
      entityId: personId,
      before: before ? { fileName: before.file_name, sha256: before.sha256 } : undefined,
      after: { fileName: photo.fileName, contentType: photo.contentType, byteSize: photo.bytes.length, sha256: photo.sha256 },
    });
    changes.push(change(photo.row, key, before?.file_name ?? null, photo.fileName));
  }
  for (const gone of stored.filter((s) => !kept.has(s.person_id))) {
    await db.deleteFrom('org_person_photos').where('person_id', '=', gone.person_id).execute();
    await audit(trx, context, {
      action: 'delete',
      entityType: photoEntityType,
      entityId: gone.person_id,
      before: { fileName: gone.file_name, sha256: gone.sha256 },
    });
    changes.push(change(null, gone.key, gone.file_name, null));
  }
  return changes;
}

import type { WriteContext } from '../../../../kernel/index.js';
import type { ImportChange, ImportProblem } from '../../import-export.schemas.js';
import { audit } from '../commands/shared.js';
import { message } from '../import-export/organisation-format.js';
import type { OrganisationDb } from '../organisation.tables.js';
import { withPeople } from '../people.queries.js';
import type { HrFeed } from './read-feed.js';
import { vismaColumns } from './visma-mapping.js';

// Contact details in the HR feed (docs/hr-feed.md «Kontaktopplysninger»): the CSV's optional
// «E-post» and «Telefon» columns, shown on the person card as «fra HR-systemet». The same rule as
// photos: a column the file has is the whole set (an empty cell, or a person not in the file,
// clears it); a column it lacks leaves the values as they are. A malformed value is a problem by
// row and the run is refused.

export const contactEntityType = 'organisation_person_contact';

type Field = 'email' | 'phone';
type Contact = Record<Field, string | null>;

export interface FeedContacts {
  columns: Record<Field, boolean>;
  byKey: Map<string, Contact & { row: number }>;
  problems: ImportProblem[];
}

const emailPattern = /^[^\s@<>"]+@[^\s@<>"]+\.[^\s@<>".]+$/;
const phonePattern = /^\+?[0-9][0-9 ()-]{1,38}[0-9]$/;

/** The contact details the feed gives, checked; null when it has neither column. */
export function readFeedContacts(feed: HrFeed): FeedContacts | null {
  const columns = feed.contactColumns;
  if (!columns || (!columns.email && !columns.phone)) return null;
  const byKey = new Map<string, Contact & { row: number }>();
  const problems: ImportProblem[] = [];
  const problem = (row: number, field: Field, nb: string, en: string) =>
    problems.push({ file: feed.fileName, sheet: null, entity: 'people', row, column: vismaColumns[field], message: message(nb, en) });
  for (const person of feed.people) {
    const contact = byKey.get(person.key) ?? { email: null, phone: null, row: person.row };
    for (const field of ['email', 'phone'] as const) {
      const value = person[field];
      if (!value) continue;
      const valid = field === 'email' ? value.length <= 254 && emailPattern.test(value) : phonePattern.test(value);
      if (!valid) {
        problem(
          person.row,
          field,
          field === 'email'
            ? `«${value}» er ikke en gyldig e-postadresse.`
            : `«${value}» er ikke et gyldig telefonnummer (sifre, mellomrom, + og -).`,
          field === 'email'
            ? `"${value}" is not a valid e-mail address.`
            : `"${value}" is not a valid phone number (digits, spaces, + and -).`,
        );
      } else if (contact[field] !== null && contact[field] !== value) {
        problem(
          person.row,
          field,
          `Ansattnummer ${person.key} har to verdier i «${vismaColumns[field]}»: «${contact[field]}» og «${value}».`,
          `Employee number ${person.key} has two values in "${vismaColumns[field]}": "${contact[field]}" and "${value}".`,
        );
      } else contact[field] = value;
    }
    byKey.set(person.key, contact);
  }
  return { columns, byKey, problems };
}

/** Makes the stored contact details what the feed gives, inside the run's transaction, each change audited. */
export async function applyFeedContacts(trx: OrganisationDb, context: WriteContext, contacts: FeedContacts): Promise<ImportChange[]> {
  const db = withPeople(trx);
  const [people, stored] = await Promise.all([
    db.selectFrom('org_people').select(['id', 'key']).execute(),
    db.selectFrom('org_person_contacts').select(['person_id', 'email', 'phone']).execute(),
  ]);
  const storedBy = new Map(stored.map((s) => [s.person_id, s]));
  const changes: ImportChange[] = [];
  for (const person of people) {
    const before = storedBy.get(person.id);
    const given = contacts.byKey.get(person.key);
    if (!before && !given) continue;
    // A column the file lacks keeps its value; one it has is the whole set.
    const next: Contact = {
      email: contacts.columns.email ? (given?.email ?? null) : (before?.email ?? null),
      phone: contacts.columns.phone ? (given?.phone ?? null) : (before?.phone ?? null),
    };
    const was: Contact = { email: before?.email ?? null, phone: before?.phone ?? null };
    if (next.email === was.email && next.phone === was.phone) continue;
    if (next.email === null && next.phone === null) {
      await db.deleteFrom('org_person_contacts').where('person_id', '=', person.id).execute();
    } else {
      await db
        .insertInto('org_person_contacts')
        .values({ person_id: person.id, ...next, updated_at: new Date() })
        .onConflict((oc) => oc.column('person_id').doUpdateSet({ ...next, updated_at: new Date() }))
        .execute();
    }
    await audit(trx, context, {
      action: before ? (next.email === null && next.phone === null ? 'delete' : 'update') : 'create',
      entityType: contactEntityType,
      entityId: person.id,
      before: before ? was : undefined,
      after: next,
    });
    changes.push({
      entity: 'people',
      sheet: null,
      row: given?.row ?? null,
      action: 'change',
      label: person.key,
      fields: (['email', 'phone'] as const)
        .filter((field) => next[field] !== was[field])
        .map((field) => ({ field, before: was[field], after: next[field] })),
    });
  }
  return changes;
}

import { sql, type Kysely, type RawBuilder } from 'kysely';
import {
  recordAudit,
  type AuditEntry,
  type KernelTables,
  type WriteContext,
  isUuid,
  todayInNorway,
  conflict,
  forbidden,
  invalid,
  notFound,
} from '../../../../kernel/index.js';
import type { PortfolioDb } from '../portfolio.tables.js';
export { conflict, forbidden, invalid, notFound };

export { isUuid, todayInNorway };

// What the initiative commands and queries share: messages, references, dates, events, audit.

export type Problem = { in: 'body' | 'query' | 'params'; path: string; problem: string; message?: { nb: string; en: string } };

/** «INI-12», «ini-12», «12» → 12; anything else is not a number. */
export function initiativeNumber(ref: string): number | null {
  const match = /^(?:ini-?)?(\d{1,9})$/i.exec(ref.trim());
  return match ? Number(match[1]) : null;
}

export const label = (row: { number: number }) => `INI-${row.number}`;

/** The version of an effective-dated row that holds on `date`. */
export const validOn = (alias: string, date: string): RawBuilder<boolean> =>
  sql<boolean>`${sql.ref(`${alias}.valid_from`)} <= ${date}::date and (${sql.ref(`${alias}.valid_to`)} is null or ${sql.ref(`${alias}.valid_to`)} > ${date}::date)`;

/** 'YYYY-MM' → 'YYYY-MM-01' (the column holds the first day of the month), and back. */
export const monthToDate = (month: string | null | undefined) => (month ? `${month}-01` : null);
export const dateToMonth = (date: string | null) => (date ? date.slice(0, 7) : null);

/** The initiative's row id for a reference (number, «INI-12» or uuid), or null. */
export async function findInitiativeId(db: PortfolioDb, ref: string): Promise<string | null> {
  const number = initiativeNumber(ref);
  const query = db.selectFrom('pf_initiatives').select('id');
  const row =
    number !== null
      ? await query.where('number', '=', number).executeTakeFirst()
      : isUuid(ref.trim())
        ? await query.where('id', '=', ref.trim()).executeTakeFirst()
        : undefined;
  return row?.id ?? null;
}

export async function mustFindInitiativeId(db: PortfolioDb, ref: string): Promise<string> {
  const id = await findInitiativeId(db, ref);
  if (!id) throw notFound(`Fant ikke initiativet «${ref}».`, `The initiative "${ref}" was not found.`);
  return id;
}

export async function audit(trx: PortfolioDb, context: WriteContext, entry: AuditEntry): Promise<void> {
  await recordAudit(trx as unknown as Kysely<KernelTables>, context, entry);
}

export async function writeEvent(
  trx: PortfolioDb,
  context: WriteContext,
  initiativeId: string,
  type: string,
  data: Record<string, unknown> = {},
): Promise<void> {
  await trx
    .insertInto('pf_initiative_events')
    .values({ initiative_id: initiativeId, type, data: JSON.stringify(data), actor_id: context.actor?.userId ?? null })
    .execute();
}

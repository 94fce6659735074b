import { sql } from 'kysely';
import { can, type WriteContext } from '../../../../kernel/index.js';
import type { CategoryField, SubmitRequestBody } from '../../leader-support.schemas.js';
import type { LeaderSupportDb, Priority } from '../leader-support.tables.js';
import { deskConfig } from './desk-config.js';
import { requesterOn } from './requester.js';
import { dueTimes } from './service-levels.js';
import { auditRequest, forbidden, invalid, isUuid, mustBeSignedIn, todayInNorway, writeEvent } from './shared.js';

type Problem = { in: 'body'; path: string; problem: string };

/**
 * A leader's request through the one door in, or one a first-line agent registers on a leader's
 * behalf (usually by phone). The requester's unit, level and sector are read from the organisation
 * model as of today; the request starts in the first line with service-level clocks running.
 */
export async function submitRequest(
  db: LeaderSupportDb,
  context: WriteContext,
  input: SubmitRequestBody,
  now = new Date(),
): Promise<{ id: string }> {
  const actor = mustBeSignedIn(context);
  const config = await deskConfig(db);
  const category = config.categories.get(input.categoryKey);
  if (!category) {
    throw invalid(
      `Kategorien «${input.categoryKey}» finnes ikke. Velg en kategori fra listen.`,
      `The category "${input.categoryKey}" does not exist. Choose a category from the list.`,
      [{ in: 'body', path: 'categoryKey', problem: 'unknown category' }],
    );
  }
  // Solved by an article before the form was filled in: what was given is still checked, but nothing is required.
  const fields = await checkFields(db, category.fields as CategoryField[], input.fields ?? {}, input.solvedByArticleId === undefined);

  let requesterUserId = actor.userId;
  let requesterName = actor.displayName;
  let registeredBy: string | null = null;
  if (input.onBehalfOfUserId !== undefined && input.onBehalfOfUserId !== actor.userId) {
    if (!(await can(actor, 'leader_support:handle'))) {
      throw forbidden(
        'Bare 1.linjen kan registrere en henvendelse for en annen leder.',
        'Only the first line may register a request on behalf of another leader.',
      );
    }
    const user = await db
      .selectFrom('users')
      .select(['id', 'display_name'])
      .where('id', '=', input.onBehalfOfUserId)
      .where('disabled_at', 'is', null)
      .executeTakeFirst();
    if (!user) {
      throw invalid('Fant ikke lederen henvendelsen gjelder.', 'The leader the request is for was not found.', [
        { in: 'body', path: 'onBehalfOfUserId', problem: 'unknown user' },
      ]);
    }
    requesterUserId = user.id;
    requesterName = user.display_name;
    registeredBy = actor.userId;
  }
  const channel = input.channel ?? (registeredBy ? 'phone' : 'portal');
  if (channel !== 'portal' && !registeredBy && !(await can(actor, 'leader_support:handle'))) {
    throw invalid('Henvendelser du sender selv, kommer inn digitalt.', 'Requests you send yourself come in digitally.', [
      { in: 'body', path: 'channel', problem: 'only agents register phone and e-mail requests' },
    ]);
  }

  const solvedBy = input.solvedByArticleId
    ? await db.selectFrom('ls_articles').select(['id', 'title']).where('id', '=', input.solvedByArticleId).executeTakeFirst()
    : undefined;
  if (input.solvedByArticleId && !solvedBy) {
    throw invalid('Fant ikke artikkelen som løste saken.', 'The article that solved it was not found.', [
      { in: 'body', path: 'solvedByArticleId', problem: 'unknown article' },
    ]);
  }

  const requester = await requesterOn(db, requesterUserId, todayInNorway(now));
  const priority: Priority = input.priority ?? category.default_priority;
  const firstLineGroupId = config.firstLineGroupId;
  if (!firstLineGroupId) {
    throw invalid(
      'Lederstøtten har ingen aktiv 1.linje å sende henvendelsen til.',
      'Leader support has no active first line to send the request to.',
    );
  }
  const due = solvedBy
    ? { response_due_at: null, resolution_due_at: null, resolution_warn_at: null }
    : dueTimes(config, category.id, priority, now);

  return db.transaction().execute(async (trx) => {
    // The request and its first event in one statement: a submission is as few round trips as it can be.
    const insertRequest = trx
      .insertInto('ls_requests')
      .values({
        category_id: category.id,
        subject: input.subject.trim(),
        description: input.description?.trim() ?? '',
        fields: JSON.stringify(fields),
        requester_user_id: requesterUserId,
        requester_person_id: requester.person?.id ?? null,
        requester_name: requesterName,
        unit_id: requester.unit?.id ?? null,
        unit_name: requester.unit?.name ?? null,
        unit_level: requester.unit?.level ?? null,
        sector_unit_id: requester.sector?.id ?? null,
        sector_name: requester.sector?.name ?? null,
        registered_by_user_id: registeredBy,
        channel,
        priority,
        status: solvedBy ? 'closed' : 'new',
        group_id: firstLineGroupId,
        self_service: solvedBy !== undefined,
        solved_by_article_id: solvedBy?.id ?? null,
        created_at: now,
        updated_at: now,
        resolved_at: solvedBy ? now : null,
        closed_at: solvedBy ? now : null,
        ...due,
      })
      .returning(['id', 'number']);
    const createdEvent = JSON.stringify({ channel, priority, onBehalf: registeredBy !== null });
    const { rows } = await sql<{ id: string; number: string }>`
      with created as (${insertRequest}),
      event as (
        insert into ls_request_events (request_id, type, actor_user_id, actor_name, data)
        select id, 'created', ${actor.userId}, ${actor.displayName}, ${createdEvent}::jsonb from created
      )
      select id, number from created`.execute(trx);
    const row = rows[0]!;

    const articleIds = [...new Set([...(input.suggestedArticleIds ?? []), ...(solvedBy ? [solvedBy.id] : [])])];
    if (articleIds.length > 0) {
      const known = await trx.selectFrom('ls_articles').select('id').where('id', 'in', articleIds).execute();
      if (known.length > 0)
        await trx
          .insertInto('ls_request_articles')
          .values(known.map((a) => ({ request_id: row.id, article_id: a.id })))
          .execute();
    }
    if (solvedBy)
      await writeEvent(trx, context, row.id, 'closed', { selfService: true, articleId: solvedBy.id, articleTitle: solvedBy.title });
    await auditRequest(trx, context, row.id, 'create', {
      after: {
        number: Number(row.number),
        category: category.key,
        subject: input.subject.trim(),
        channel,
        priority,
        unitId: requester.unit?.id ?? null,
        selfService: solvedBy !== undefined,
      },
    });
    return { id: row.id };
  });
}

/**
 * The category's form fields: required ones present and not blank, choices among the options,
 * dates and numbers as such, units and people that exist; unknown fields refused. All problems at once.
 */
async function checkFields(
  db: LeaderSupportDb,
  defined: readonly CategoryField[],
  given: Record<string, string | number>,
  requireFields: boolean,
): Promise<Record<string, string>> {
  const problems: Problem[] = [];
  const nb: string[] = [];
  const en: string[] = [];
  const known = new Set(defined.map((f) => f.key));
  for (const key of Object.keys(given)) {
    if (!known.has(key)) {
      problems.push({ in: 'body', path: `fields.${key}`, problem: 'unknown field' });
      nb.push(`feltet «${key}» hører ikke til kategorien`);
      en.push(`the field "${key}" does not belong to the category`);
    }
  }
  const clean: Record<string, string> = {};
  for (const field of defined) {
    const raw = given[field.key];
    const value = raw === undefined ? '' : String(raw).trim();
    const path = `fields.${field.key}`;
    if (value === '') {
      if (field.required && requireFields) {
        problems.push({ in: 'body', path, problem: 'required' });
        nb.push(`«${field.label.nb}» må fylles ut`);
        en.push(`"${field.label.en}" is required`);
      }
      continue;
    }
    const bad = (problem: string, nbText: string, enText: string) => {
      problems.push({ in: 'body', path, problem });
      nb.push(nbText);
      en.push(enText);
    };
    if (field.type === 'select' && !field.options?.some((o) => o.value === value)) {
      bad('not one of the options', `«${field.label.nb}» må være ett av valgene`, `"${field.label.en}" must be one of the options`);
    } else if (field.type === 'date' && !isDate(value)) {
      bad('not a date', `«${field.label.nb}» må være en dato (ÅÅÅÅ-MM-DD)`, `"${field.label.en}" must be a date (YYYY-MM-DD)`);
    } else if (field.type === 'number' && !Number.isFinite(Number(value.replace(',', '.')))) {
      bad('not a number', `«${field.label.nb}» må være et tall`, `"${field.label.en}" must be a number`);
    } else if (
      field.type === 'unit' &&
      !(isUuid(value) && (await db.selectFrom('org_units').select('id').where('id', '=', value).executeTakeFirst()))
    ) {
      bad('unknown unit', `fant ikke enheten i «${field.label.nb}»`, `the unit in "${field.label.en}" was not found`);
    } else if (
      field.type === 'person' &&
      !(isUuid(value) && (await db.selectFrom('org_people').select('id').where('id', '=', value).executeTakeFirst()))
    ) {
      bad('unknown person', `fant ikke personen i «${field.label.nb}»`, `the person in "${field.label.en}" was not found`);
    } else {
      clean[field.key] = value;
    }
  }
  if (problems.length > 0) {
    throw invalid(`Skjemaet har feil: ${nb.join('; ')}.`, `The form has errors: ${en.join('; ')}.`, problems);
  }
  return clean;
}

function isDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

import { sql } from 'kysely';
import { can, type Actor } from '../../../../kernel/index.js';
import { leaderRoleTypes } from '../../../organisation/index.js';
import type { CategoryField, QueueQuery, RequestDetail, RequestList, RequestSummary } from '../../leader-support.schemas.js';
import { slaClock } from '../sla/sla-clock.js';
import type { LeaderSupportDb } from '../leader-support.tables.js';
import { deskConfig } from './desk-config.js';
import { describeEvent } from './event-texts.js';
import { allowedMove } from './transition-request.js';
import { calendarOf, forbidden, isGroupMember, isOpen, openStatuses, todayInNorway, type RequestRow, type SettingsRow } from './shared.js';

const iso = (value: Date | string | null) => (value === null ? null : new Date(value).toISOString());

type SummaryRow = RequestRow & {
  category_key: string;
  category_nb: string;
  category_en: string;
  group_name: string;
  assignee_name: string | null;
};

function summaryQuery(db: LeaderSupportDb) {
  return db
    .selectFrom('ls_requests as r')
    .innerJoin('ls_categories as c', 'c.id', 'r.category_id')
    .innerJoin('ls_groups as g', 'g.id', 'r.group_id')
    .leftJoin('users as a', 'a.id', 'r.assignee_user_id')
    .selectAll('r')
    .select([
      'c.key as category_key',
      'c.name_nb as category_nb',
      'c.name_en as category_en',
      'g.name as group_name',
      'a.display_name as assignee_name',
    ]);
}

function present(row: SummaryRow, settings: SettingsRow, now: Date): RequestSummary {
  const calendar = calendarOf(settings);
  const started = new Date(row.created_at);
  const paused = row.paused_at ? new Date(row.paused_at) : null;
  const finished = row.resolved_at
    ? new Date(row.resolved_at)
    : row.status === 'closed' || row.status === 'deleted'
      ? new Date(row.closed_at ?? row.updated_at)
      : null;
  const stopped = row.status === 'deleted' ? null : finished;
  const clock = (due: Date | string | null, doneAt: Date | null) =>
    row.status === 'deleted'
      ? { dueAt: iso(due), state: 'none' as const, minutesLeft: null }
      : slaClock(calendar, {
          startedAt: started,
          dueAt: due ? new Date(due) : null,
          doneAt,
          pausedAt: paused,
          now,
          warnPercent: settings.warn_percent,
        });
  return {
    id: row.id,
    number: Number(row.number),
    subject: row.subject,
    category: { id: row.category_id, key: row.category_key, name: { nb: row.category_nb, en: row.category_en } },
    requester: { userId: row.requester_user_id, name: row.requester_name },
    unit: row.unit_id ? { id: row.unit_id, name: row.unit_name ?? '', level: row.unit_level } : null,
    sector: row.sector_unit_id ? { id: row.sector_unit_id, name: row.sector_name ?? '' } : null,
    channel: row.channel,
    priority: row.priority,
    status: row.status,
    line: row.line,
    group: { id: row.group_id, name: row.group_name },
    assignee: row.assignee_user_id ? { userId: row.assignee_user_id, displayName: row.assignee_name ?? '' } : null,
    createdAt: iso(row.created_at)!,
    updatedAt: iso(row.updated_at)!,
    response: clock(row.response_due_at, row.first_response_at ? new Date(row.first_response_at) : stopped),
    resolution: clock(row.resolution_due_at, stopped),
    synthetic: row.synthetic,
    revision: row.revision,
  };
}

const sortOrders = {
  due: sql`r.resolution_due_at asc nulls last, r.created_at`,
  priority: sql`case r.priority when 'urgent' then 0 when 'high' then 1 when 'normal' then 2 else 3 end, r.created_at`,
  oldest: sql`r.created_at asc`,
  newest: sql`r.created_at desc`,
} as const;

/**
 * Requests as a list: «mine» (what the user asked for), «unit» (a leader's units and those under
 * them) or the desk's «queue» (agents), filtered and paged.
 */
export async function selectRequestList(db: LeaderSupportDb, actor: Actor, query: QueueQuery, now = new Date()): Promise<RequestList> {
  const view = query.view ?? 'mine';
  const page = query.page ?? 1;
  const pageSize = query.pageSize ?? 25;
  if (view === 'queue' && !(await can(actor, 'leader_support:handle'))) {
    throw forbidden('Bare agenter i lederstøtten ser køen.', 'Only leader-support agents see the queue.');
  }
  const statuses = query.status
    ? query.status
        .split(',')
        .map((s) => s.trim())
        .filter((s) => ['new', 'in_progress', 'waiting', 'resolved', 'closed', 'deleted'].includes(s))
    : view === 'queue'
      ? [...openStatuses]
      : ['new', 'in_progress', 'waiting', 'resolved', 'closed'];

  let base = db.selectFrom('ls_requests as r');
  if (view === 'mine') base = base.where('r.requester_user_id', '=', actor.userId);
  if (view === 'unit') {
    const led = await ledUnitIds(db, actor.userId, todayInNorway(now));
    if (led.length === 0) return { items: [], total: 0, page, pageSize };
    base = base.where(
      'r.unit_id',
      'in',
      sql<string>`(with recursive below (unit_id) as (
        select unnest(${led}::uuid[])
        union
        select uv.unit_id from org_unit_versions uv join below on uv.parent_id = below.unit_id
        where uv.valid_from <= ${todayInNorway(now)} and (uv.valid_to is null or uv.valid_to > ${todayInNorway(now)})
      ) select unit_id from below)`,
    );
  }
  if (statuses.length > 0) base = base.where('r.status', 'in', statuses as RequestRow['status'][]);
  if (query.line) base = base.where('r.line', '=', query.line);
  if (query.priority) base = base.where('r.priority', '=', query.priority);
  if (query.groupId) base = base.where('r.group_id', '=', query.groupId);
  if (query.categoryId) base = base.where('r.category_id', '=', query.categoryId);
  if (query.sectorId) base = base.where('r.sector_unit_id', '=', query.sectorId);
  if (query.channel) base = base.where('r.channel', '=', query.channel);
  if (query.assignee === 'me') base = base.where('r.assignee_user_id', '=', actor.userId);
  if (query.assignee === 'none') base = base.where('r.assignee_user_id', 'is', null);
  if (query.sla === 'breached') base = base.where('r.resolution_due_at', '<', now).where('r.status', 'in', ['new', 'in_progress']);
  if (query.sla === 'warning') {
    base = base
      .where('r.resolution_warn_at', '<=', now)
      .where('r.resolution_due_at', '>=', now)
      .where('r.status', 'in', ['new', 'in_progress']);
  }
  const q = query.q?.trim();
  if (q) {
    const number = /^(?:ls-?)?(\d{1,15})$/i.exec(q)?.[1];
    const pattern = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    base = base.where((eb) =>
      eb.or([
        eb('r.subject', 'ilike', pattern),
        eb('r.requester_name', 'ilike', pattern),
        ...(number ? [eb('r.number', '=', number as never)] : []),
      ]),
    );
  }

  const sort = query.sort ?? (view === 'queue' ? 'due' : 'newest');
  // The page's ids in order, then the rows for just those ids, in the same order.
  const order = sortOrders[sort];
  const pageIds = base
    .select('r.id')
    .orderBy(order)
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  const [{ total }, rows, settings] = await Promise.all([
    base.select((eb) => eb.fn.countAll<string>().as('total')).executeTakeFirstOrThrow(),
    summaryQuery(db).where('r.id', 'in', pageIds).orderBy(order).execute(),
    deskConfig(db).then((config) => config.settings),
  ]);
  return { items: rows.map((row) => present(row as SummaryRow, settings, now)), total: Number(total), page, pageSize };
}

/** The units the user leads on `date` (leader positions they hold). */
async function ledUnitIds(db: LeaderSupportDb, userId: string, date: string): Promise<string[]> {
  const { rows } = await sql<{ unit_id: string }>`
    select distinct pv.unit_id
    from org_user_people up
    join org_assignments a on a.person_id = up.person_id and a.valid_from <= ${date} and (a.valid_to is null or a.valid_to > ${date})
    join org_position_versions pv on pv.position_id = a.position_id and pv.valid_from <= ${date} and (pv.valid_to is null or pv.valid_to > ${date})
    where up.user_id = ${userId} and pv.role_type in (${sql.join(leaderRoleTypes.map((r) => sql.lit(r)))})`.execute(db);
  return rows.map((r) => r.unit_id);
}

/** Everything about one request the actor may read: internal notes and attachments only for agents. */
export async function selectRequestDetail(db: LeaderSupportDb, actor: Actor, id: string, now = new Date()): Promise<RequestDetail> {
  const row = (await summaryQuery(db).where('r.id', '=', id).executeTakeFirstOrThrow()) as SummaryRow;
  const agentRole = await can(actor, 'leader_support:handle');
  const seeInternal = agentRole;
  const [
    settings,
    category,
    messages,
    attachments,
    events,
    parent,
    children,
    links,
    articles,
    time,
    survey,
    registeredBy,
    member,
    firstLineMember,
  ] = await Promise.all([
    deskConfig(db).then((config) => config.settings),
    db.selectFrom('ls_categories').select(['fields', 'kind']).where('id', '=', row.category_id).executeTakeFirstOrThrow(),
    db
      .selectFrom('ls_messages')
      .selectAll()
      .where('request_id', '=', id)
      .$if(!seeInternal, (qb) => qb.where('visibility', '=', 'public'))
      .orderBy('created_at')
      .orderBy('id')
      .execute(),
    db
      .selectFrom('ls_attachments as t')
      .leftJoin('users as u', 'u.id', 't.uploaded_by_user_id')
      .select(['t.id', 't.file_name', 't.media_type', 't.size', 't.visibility', 't.created_at', 'u.display_name'])
      .where('t.request_id', '=', id)
      .$if(!seeInternal, (qb) => qb.where('t.visibility', '=', 'public'))
      .orderBy('t.created_at')
      .execute(),
    db
      .selectFrom('ls_request_events')
      .selectAll()
      .where('request_id', '=', id)
      .$if(!seeInternal, (qb) => qb.where('type', 'not in', ['noted', 'time_logged', 'sla_warning']))
      .orderBy('id')
      .execute(),
    row.parent_id
      ? db.selectFrom('ls_requests').select(['id', 'number', 'subject', 'status']).where('id', '=', row.parent_id).executeTakeFirst()
      : undefined,
    db.selectFrom('ls_requests').select(['id', 'number', 'subject', 'status']).where('parent_id', '=', id).orderBy('number').execute(),
    db
      .selectFrom('ls_request_links as l')
      .innerJoin('ls_requests as o', (join) =>
        join.on((eb) =>
          eb.or([
            eb.and([eb('l.request_id', '=', id), eb('o.id', '=', eb.ref('l.linked_id'))]),
            eb.and([eb('l.linked_id', '=', id), eb('o.id', '=', eb.ref('l.request_id'))]),
          ]),
        ),
      )
      .select(['o.id', 'o.number', 'o.subject', 'o.status'])
      .orderBy('o.number')
      .execute(),
    db
      .selectFrom('ls_request_articles as ra')
      .innerJoin('ls_articles as a', 'a.id', 'ra.article_id')
      .select(['a.id', 'a.key', 'a.title'])
      .where('ra.request_id', '=', id)
      .orderBy('ra.created_at')
      .execute(),
    db
      .selectFrom('ls_time_entries as t')
      .leftJoin('users as u', 'u.id', 't.user_id')
      .select(['t.id', 't.line', 't.minutes', 't.note', 't.created_at', 'u.display_name'])
      .where('t.request_id', '=', id)
      .orderBy('t.created_at')
      .execute(),
    db.selectFrom('ls_surveys').selectAll().where('request_id', '=', id).executeTakeFirst(),
    row.registered_by_user_id
      ? db.selectFrom('users').select('display_name').where('id', '=', row.registered_by_user_id).executeTakeFirst()
      : undefined,
    isGroupMember(db, actor, row.group_id),
    db
      .selectFrom('ls_group_members as m')
      .innerJoin('ls_groups as g', 'g.id', 'm.group_id')
      .select('g.id')
      .where('m.user_id', '=', actor.userId)
      .where('g.line', '=', 1)
      .executeTakeFirst(),
  ]);
  const summary = present(row, settings, now);
  const definedFields = category.fields as CategoryField[];
  const values = row.fields as Record<string, string>;
  const lookups = await fieldLookups(db, definedFields, values);
  const minutes = time.reduce((sum, t) => sum + t.minutes, 0);
  const rates = settings.rates;
  const costKnown = time.every((t) => typeof rates[String(t.line)] === 'number');
  const cost = time.length === 0 ? 0 : costKnown ? time.reduce((sum, t) => sum + (t.minutes / 60) * rates[String(t.line)]!, 0) : null;
  const requester = row.requester_user_id === actor.userId;
  const handle = agentRole && (member || row.assignee_user_id === actor.userId);
  const open = isOpen(row.status);
  const ref = (r: { id: string; number: string; subject: string; status: RequestRow['status'] }) => ({
    id: r.id,
    number: Number(r.number),
    subject: r.subject,
    status: r.status,
  });
  return {
    ...summary,
    description: row.description,
    fields: definedFields
      .filter((f) => values[f.key] !== undefined)
      .map((f) => ({ key: f.key, label: f.label, value: lookups.get(f.key) ?? optionLabel(f, values[f.key]!) })),
    registeredBy: registeredBy?.display_name ?? null,
    thirdLine: row.third_line_kind ? { kind: row.third_line_kind, party: row.third_line_party ?? '' } : null,
    selfService: row.self_service,
    firstResponseAt: iso(row.first_response_at),
    resolvedAt: iso(row.resolved_at),
    closedAt: iso(row.closed_at),
    messages: messages.map((m) => ({
      id: m.id,
      author: { userId: m.author_user_id, name: m.author_name },
      visibility: m.visibility,
      body: m.body,
      createdAt: iso(m.created_at)!,
    })),
    attachments: attachments.map((a) => ({
      id: a.id,
      fileName: a.file_name,
      mediaType: a.media_type,
      size: a.size,
      visibility: a.visibility,
      uploadedBy: a.display_name,
      createdAt: iso(a.created_at)!,
    })),
    events: events.map((e) => ({
      id: String(e.id),
      type: e.type,
      actorName: e.actor_name,
      text: describeEvent(e.type, e.data),
      createdAt: iso(e.created_at)!,
    })),
    parent: parent ? ref(parent) : null,
    children: children.map(ref),
    links: links.map(ref),
    articles,
    time: {
      entries: agentRole
        ? time.map((t) => ({
            id: t.id,
            userName: t.display_name,
            line: t.line,
            minutes: t.minutes,
            note: t.note,
            createdAt: iso(t.created_at)!,
          }))
        : [],
      minutes,
      cost: cost === null ? null : Math.round(cost),
    },
    survey: survey ? { score: survey.score, comment: survey.comment, answeredAt: iso(survey.answered_at) } : null,
    can: {
      handle,
      take: handle && open && row.assignee_user_id === null,
      escalate: handle && open && row.line === 1,
      thirdLine: handle && open && row.line === 2,
      resolve: handle && allowedMove(row, 'resolve'),
      close: (requester || handle) && allowedMove(row, 'close'),
      reopen: (requester || handle) && allowedMove(row, 'reopen'),
      delete: (handle && allowedMove(row, 'delete')) || (requester && row.status === 'new' && row.assignee_user_id === null),
      rate: requester && survey !== undefined && survey.answered_at === null,
      approveMasterData:
        category.kind === 'leader_change' && open && (firstLineMember !== undefined || actor.roles.includes('administrator')),
      seeInternal,
    },
  };
}

function optionLabel(field: CategoryField, value: string): string {
  return field.options?.find((o) => o.value === value)?.label.nb ?? value;
}

/** Names for unit and person fields (stored as ids). */
async function fieldLookups(db: LeaderSupportDb, fields: CategoryField[], values: Record<string, string>): Promise<Map<string, string>> {
  const idsOf = (type: CategoryField['type']) => fields.filter((f) => f.type === type && values[f.key]).map((f) => values[f.key]!);
  const [personIds, unitIds] = [idsOf('person'), idsOf('unit')];
  const today = todayInNorway();
  // One query for the people and one for the units, whatever the number of fields.
  const [people, units] = await Promise.all([
    personIds.length > 0 ? db.selectFrom('org_people').select(['id', 'name']).where('id', 'in', personIds).execute() : [],
    unitIds.length > 0
      ? db
          .selectFrom('org_unit_versions')
          .select(['unit_id as id', 'name'])
          .where('unit_id', 'in', unitIds)
          .where('valid_from', '<=', today)
          .orderBy('valid_from')
          .execute()
      : [],
  ]);
  // Units: the latest version up to today wins (later rows overwrite earlier ones).
  const nameOf = new Map([...people, ...units].map((r) => [r.id, r.name]));
  const names = new Map<string, string>();
  for (const field of fields) {
    const name = (field.type === 'person' || field.type === 'unit') && values[field.key] ? nameOf.get(values[field.key]!) : undefined;
    if (name) names.set(field.key, name);
  }
  return names;
}

import {
  channels,
  priorities,
  type Channel,
  type Priority,
  type QueueQuery,
  type RequesterContext,
  type Status,
} from '../leader-support.schemas';

// The queue's URL search parameters and the defaults per agent: pure, so they are unit-tested.

export const pageSize = 25;
export const filterStatuses: Status[] = ['new', 'in_progress', 'waiting', 'resolved', 'closed'];
export const sorts = ['due', 'priority', 'newest', 'oldest'] as const;
const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The queue's URL search: QueueQuery's names, every value checked (a bad one is dropped). */
export type QueueSearch = {
  line?: 1 | 2 | 3;
  status?: Status[];
  priority?: Priority;
  groupId?: string;
  categoryId?: string;
  sectorId?: string;
  channel?: Channel;
  assignee?: 'me' | 'none';
  sla?: 'warning' | 'breached';
  q?: string;
  sort?: (typeof sorts)[number];
  page?: number;
};

const oneOf = <T extends string>(values: readonly T[], value: unknown): T | undefined =>
  typeof value === 'string' && (values as readonly string[]).includes(value) ? (value as T) : undefined;
const text = (value: unknown) => (typeof value === 'string' ? value : typeof value === 'number' ? String(value) : undefined);

export function parseQueueSearch(raw: Record<string, unknown>): QueueSearch {
  const line = Number(raw.line);
  const page = Number(raw.page);
  const status = (text(raw.status) ?? '')
    .split(',')
    .map((value) => oneOf(filterStatuses, value.trim()))
    .filter((value): value is Status => Boolean(value));
  const id = (value: unknown) => {
    const s = text(value);
    return s && uuid.test(s) ? s : undefined;
  };
  const q = text(raw.q)?.trim().slice(0, 200);
  return {
    line: line === 1 || line === 2 || line === 3 ? line : undefined,
    status: status.length > 0 ? status : undefined,
    priority: oneOf(priorities, raw.priority),
    groupId: id(raw.groupId),
    categoryId: id(raw.categoryId),
    sectorId: id(raw.sectorId),
    channel: oneOf(channels, raw.channel),
    assignee: oneOf(['me', 'none'] as const, raw.assignee),
    sla: oneOf(['warning', 'breached'] as const, raw.sla),
    q: q ? q : undefined,
    sort: oneOf(sorts, raw.sort),
    page: Number.isInteger(page) && page >= 1 && page <= 100_000 ? page : undefined,
  };
}

/** What the server is asked for. */
export function toQueueQuery(search: QueueSearch): QueueQuery {
  return {
    view: 'queue',
    line: search.line,
    status: search.status?.join(','),
    priority: search.priority,
    groupId: search.groupId,
    categoryId: search.categoryId,
    sectorId: search.sectorId,
    channel: search.channel,
    assignee: search.assignee,
    sla: search.sla,
    q: search.q,
    sort: search.sort ?? 'due',
    page: search.page ?? 1,
    pageSize,
  };
}

/**
 * Where an agent starts: the first line sees line 1's open requests; a second- or third-line agent
 * their own group (or, in several, their line). Open statuses are the server's default.
 */
export function defaultQueueSearch(me: RequesterContext | undefined): QueueSearch {
  const groups = me?.groups ?? [];
  const specialist = groups.filter((group) => group.line > 1);
  if (groups.some((group) => group.line === 1) || specialist.length === 0) return { line: 1, sort: 'due' };
  if (specialist.length === 1) return { groupId: specialist[0]!.id, sort: 'due' };
  return { line: Math.min(...specialist.map((group) => group.line)) as 2 | 3, sort: 'due' };
}

/** The URL form: lists joined by commas, nothing for what is not set. */
export function toUrlSearch(search: QueueSearch): Record<string, string | number> {
  const result: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(search)) {
    if (value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) continue;
    result[key] = Array.isArray(value) ? value.join(',') : (value as string | number);
  }
  return result;
}

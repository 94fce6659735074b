import {
  channels,
  priorities,
  type Channel,
  type Priority,
  type QueueQuery,
  type RequesterContext,
  type Status,
} from '../leader-support.schemas';
import { idParam, oneOf, pageParam, textParam } from '../../../web/components/search-params';

// The queue's URL search parameters and the defaults per agent: pure, so they are unit-tested.

export const pageSize = 25;
export const filterStatuses: Status[] = ['new', 'in_progress', 'waiting', 'resolved', 'closed'];
export const sorts = ['due', 'priority', 'newest', 'oldest'] as const;

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

// A number in the URL («?q=1042») arrives as a number; the text filters take it as text.
const text = (value: unknown) => (typeof value === 'number' ? String(value) : value);

export function parseQueueSearch(raw: Record<string, unknown>): QueueSearch {
  const line = Number(raw.line);
  const status = String(text(raw.status) ?? '')
    .split(',')
    .map((value) => oneOf(value.trim(), filterStatuses))
    .filter((value): value is Status => Boolean(value));
  return {
    line: line === 1 || line === 2 || line === 3 ? line : undefined,
    status: status.length > 0 ? status : undefined,
    priority: oneOf(raw.priority, priorities),
    groupId: idParam(raw.groupId),
    categoryId: idParam(raw.categoryId),
    sectorId: idParam(raw.sectorId),
    channel: oneOf(raw.channel, channels),
    assignee: oneOf(raw.assignee, ['me', 'none'] as const),
    sla: oneOf(raw.sla, ['warning', 'breached'] as const),
    q: textParam(text(raw.q)),
    sort: oneOf(raw.sort, sorts),
    page: pageParam(raw.page),
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

import { describe, expect, it } from 'vitest';
import type { RequesterContext } from '../leader-support.schemas';
import { defaultQueueSearch, parseQueueSearch, toQueueQuery, toUrlSearch } from './queue-search';

const me = (groups: RequesterContext['groups']): RequesterContext => ({
  date: '2026-11-25',
  person: null,
  unit: null,
  sector: null,
  groups,
});
const group = (id: string, line: number) => ({ id, name: `Gruppe ${id}`, line });
const uuid = '0b6f4f2e-8f7a-4c61-9d7e-2f8d5c3b1a90';

describe('the queue search in the URL', () => {
  it('keeps what is valid and drops what is not (a crafted URL cannot reach the server)', () => {
    expect(
      parseQueueSearch({
        line: 2,
        status: 'new,waiting,bogus',
        priority: 'urgent',
        groupId: uuid,
        categoryId: 'not-a-uuid',
        channel: 'fax',
        assignee: 'none',
        sla: 'breached',
        q: 1042,
        sort: 'oldest',
        page: '3',
      }),
    ).toEqual({
      line: 2,
      status: ['new', 'waiting'],
      priority: 'urgent',
      groupId: uuid,
      categoryId: undefined,
      sectorId: undefined,
      channel: undefined,
      assignee: 'none',
      sla: 'breached',
      q: '1042',
      sort: 'oldest',
      page: 3,
    });
    expect(parseQueueSearch({ line: 4, page: 0, status: '' })).toMatchObject({ line: undefined, page: undefined, status: undefined });
  });

  it('asks the server for the desk view, sorted by due time by default, and writes lists with commas', () => {
    expect(toQueueQuery({ status: ['new', 'in_progress'], line: 1 })).toMatchObject({
      view: 'queue',
      status: 'new,in_progress',
      line: 1,
      sort: 'due',
      page: 1,
    });
    expect(toUrlSearch({ status: ['new', 'waiting'], q: undefined, line: 1 })).toEqual({ status: 'new,waiting', line: 1 });
  });

  it('starts a first-line agent at line 1 and a second-line agent at their own group', () => {
    expect(defaultQueueSearch(me([group('a', 1)]))).toEqual({ line: 1, sort: 'due' });
    expect(defaultQueueSearch(me([]))).toEqual({ line: 1, sort: 'due' });
    expect(defaultQueueSearch(me([group(uuid, 2)]))).toEqual({ groupId: uuid, sort: 'due' });
    expect(defaultQueueSearch(me([group('b', 3), group('c', 2)]))).toEqual({ line: 2, sort: 'due' });
  });
});

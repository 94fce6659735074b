import { Button, Checkbox, Fieldset, Label, Paragraph, Select, Textfield } from '@digdir/designsystemet-react';
import { useQuery } from '@tanstack/react-query';
import { useNavigate, useRouterState, useSearch } from '@tanstack/react-router';
import { useEffect, useId, useState, type FormEvent } from 'react';
import { Page } from '../../../web/components/page';
import { PageNavigation } from '../../../web/components/pagination';
import { ErrorAlert, Loading } from '../../../web/components/status';
import { channels, priorities, type RequesterContext } from '../leader-support.schemas';
import { defaultQueueSearch, filterStatuses, parseQueueSearch, sorts, toQueueQuery, toUrlSearch, type QueueSearch } from './queue-search';
import { Announcement, useAnnouncer } from './desk-parts';
import { channelKey, lineKey, priorityKey, statusKey, useSupportI18n, type SupportKey } from './i18n';
import { queueQuery, sectorsQuery, supportCatalogueQuery, supportMeQuery } from './request-api';
import { QueueTable } from './queue-table';
import { SupportNav } from './ui';

// The agents' queue: filters kept in the URL (so a view can be bookmarked and shared), a table of
// requests with their service-level clocks in words, paging, and «Ta» on each unassigned request.

export function QueuePage() {
  const { t } = useSupportI18n();
  // This page's own search (not the location being navigated to, which may be another page's).
  const raw = useSearch({ strict: false }) as Record<string, unknown>;
  const here = useRouterState({ select: (state) => state.location.pathname === '/lederstotte/ko' });
  const navigate = useNavigate();
  const me = useQuery(supportMeQuery);
  const empty = Object.keys(raw).length === 0;

  const go = (search: QueueSearch, replace = false) =>
    void navigate({ to: '/lederstotte/ko', search: toUrlSearch(search) as never, replace });

  // A first visit (nothing in the URL): the agent's default view, written to the URL.
  useEffect(() => {
    if (empty && here && !me.isPending) go(defaultQueueSearch(me.data), true);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [empty, here, me.isPending]);

  return (
    <Page title={t('desk.queue.title')}>
      <SupportNav />
      {empty ? <Loading label={t('common.loading')} /> : <Queue search={parseQueueSearch(raw)} go={go} me={me.data} />}
    </Page>
  );
}

function Queue({ search, go, me }: { search: QueueSearch; go: (search: QueueSearch, replace?: boolean) => void; me?: RequesterContext }) {
  const { t, number } = useSupportI18n();
  const query = useQuery(queueQuery(toQueueQuery(search)));
  const announcer = useAnnouncer();
  const ids = useId();
  return (
    <>
      <Filters key={JSON.stringify(search)} search={search} go={go} me={me} />
      <Announcement announcerRef={announcer.ref} message={announcer.message} />
      {query.isPending ? (
        <Loading label={t('common.loading')} />
      ) : query.isError ? (
        <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <>
          <Paragraph id={`${ids}-count`}>
            {query.data.total === 0
              ? t('desk.queue.empty')
              : t('desk.queue.count', {
                  from: number((query.data.page - 1) * query.data.pageSize + 1),
                  to: number(Math.min(query.data.total, query.data.page * query.data.pageSize)),
                  total: number(query.data.total),
                })}
          </Paragraph>
          {query.data.items.length > 0 && (
            <QueueTable items={query.data.items} readAt={query.dataUpdatedAt} announce={announcer.announce} />
          )}
          <PageNavigation
            label={t('desk.paging.label')}
            page={query.data.page}
            totalPages={Math.ceil(query.data.total / query.data.pageSize)}
            onChange={(page) => go({ ...search, page })}
          />
        </>
      )}
    </>
  );
}

function Filters({ search, go, me }: { search: QueueSearch; go: (search: QueueSearch) => void; me?: RequesterContext }) {
  const { t, pick, collator } = useSupportI18n();
  const ids = useId();
  const catalogue = useQuery(supportCatalogueQuery);
  const sectors = useQuery(sectorsQuery);
  const [form, setForm] = useState<QueueSearch>(search);
  const set = <K extends keyof QueueSearch>(key: K, value: QueueSearch[K]) => setForm((current) => ({ ...current, [key]: value }));
  const groups = [...(catalogue.data?.groups ?? [])].sort((a, b) => a.line - b.line || collator.compare(a.name, b.name));
  const categories = [...(catalogue.data?.categories ?? [])].sort((a, b) => collator.compare(pick(a.name), pick(b.name)));
  const sectorList = [...(sectors.data ?? [])].sort((a, b) => collator.compare(a.name, b.name));
  const mine = new Set((me?.groups ?? []).map((group) => group.id));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    go({ ...form, sort: form.sort ?? 'due', page: undefined });
  };
  const select = (key: keyof QueueSearch, label: SupportKey, options: { value: string; label: string }[], anyLabel: SupportKey) => (
    <div>
      <Label htmlFor={`${ids}-${key}`}>{t(label)}</Label>
      <Select
        id={`${ids}-${key}`}
        value={String(form[key] ?? '')}
        onChange={(event) => set(key, (event.target.value || undefined) as never)}
      >
        <option value="">{t(anyLabel)}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </Select>
    </div>
  );

  return (
    <form className="kp-desk-section" onSubmit={submit} aria-label={t('desk.queue.filters')} role="search">
      <div className="kp-desk-filters">
        <Textfield
          label={t('desk.queue.q')}
          value={form.q ?? ''}
          maxLength={200}
          onChange={(event) => set('q', event.target.value || undefined)}
        />
        <div>
          <Label htmlFor={`${ids}-line`}>{t('desk.queue.line')}</Label>
          <Select
            id={`${ids}-line`}
            value={form.line ? String(form.line) : ''}
            onChange={(event) => set('line', event.target.value ? (Number(event.target.value) as 1 | 2 | 3) : undefined)}
          >
            <option value="">{t('desk.queue.allLines')}</option>
            {[1, 2, 3].map((line) => (
              <option key={line} value={line}>
                {t(lineKey(line))}
              </option>
            ))}
          </Select>
        </div>
        {select(
          'groupId',
          'desk.queue.group',
          groups.map((group) => ({
            value: group.id,
            label: `${group.name} (${t(lineKey(group.line))})${mine.has(group.id) ? ` – ${t('desk.queue.myGroup')}` : ''}`,
          })),
          'desk.queue.allGroups',
        )}
        {select(
          'priority',
          'desk.queue.priority',
          priorities.map((value) => ({ value, label: t(priorityKey(value)) })),
          'desk.queue.allPriorities',
        )}
        {select(
          'categoryId',
          'desk.queue.category',
          categories.map((category) => ({ value: category.id, label: pick(category.name) })),
          'desk.queue.allCategories',
        )}
        {select(
          'sectorId',
          'desk.queue.sector',
          sectorList.map((sector) => ({ value: sector.id, label: sector.name })),
          'desk.queue.allSectors',
        )}
        {select(
          'channel',
          'desk.queue.channel',
          channels.map((value) => ({ value, label: t(channelKey(value)) })),
          'desk.queue.allChannels',
        )}
        {select(
          'assignee',
          'desk.queue.assignee',
          [
            { value: 'me', label: t('desk.queue.assigneeMe') },
            { value: 'none', label: t('desk.queue.assigneeNone') },
          ],
          'desk.queue.assigneeAny',
        )}
        {select(
          'sla',
          'desk.queue.sla',
          [
            { value: 'warning', label: t('desk.queue.slaWarning') },
            { value: 'breached', label: t('desk.queue.slaBreached') },
          ],
          'desk.queue.slaAny',
        )}
        <div>
          <Label htmlFor={`${ids}-sort`}>{t('desk.queue.sort')}</Label>
          <Select
            id={`${ids}-sort`}
            value={form.sort ?? 'due'}
            onChange={(event) => set('sort', event.target.value as QueueSearch['sort'])}
          >
            {sorts.map((sort) => (
              <option key={sort} value={sort}>
                {t(`desk.queue.sort.${sort}`)}
              </option>
            ))}
          </Select>
        </div>
      </div>
      <Fieldset className="kp-desk-section">
        <Fieldset.Legend>{t('desk.queue.status')}</Fieldset.Legend>
        <Fieldset.Description>{t('desk.queue.statusHelp')}</Fieldset.Description>
        <div className="kp-desk-actions">
          {filterStatuses.map((status) => (
            <Checkbox
              key={status}
              label={t(statusKey(status))}
              value={status}
              checked={form.status?.includes(status) ?? false}
              onChange={(event) => {
                const current = form.status ?? [];
                const next = event.target.checked ? [...current, status] : current.filter((s) => s !== status);
                set('status', next.length > 0 ? next : undefined);
              }}
            />
          ))}
        </div>
      </Fieldset>
      <div className="kp-desk-form__actions kp-desk-section">
        <Button type="submit">{t('desk.queue.apply')}</Button>
        <Button type="button" variant="secondary" onClick={() => go({})}>
          {t('desk.queue.reset')}
        </Button>
      </div>
    </form>
  );
}

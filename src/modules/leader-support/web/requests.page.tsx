import './requests.css';
import { Button, Label, Link, Paragraph, Select, Table, Tabs, TabsList, TabsPanel, TabsTab } from '@digdir/designsystemet-react';
import { useQuery } from '@tanstack/react-query';
import { Link as RouterLink, useNavigate, useRouterState } from '@tanstack/react-router';
import { useId, useState, type FormEvent } from 'react';
import { Page } from '../../../web/components/page';
import { PageNavigation } from '../../../web/components/pagination';
import { oneOf, pageParam } from '../../../web/components/search-params';
import { ErrorAlert, Loading } from '../../../web/components/status';
import { hasPermission, useSession } from '../../../web/data/session';
import type { RequestSummary, SlaClock, Status } from '../leader-support.schemas';
import { lineKey, slaKey, statusKey, useSupportI18n, type SupportI18n } from './i18n';
import { requestListQuery } from './requests-api';
import { SupportNav } from './ui';

// «Mine henvendelser»: what the signed-in user asked for, and for leaders also their unit's requests
// (their unit and those under it). The view, the status filter and the page live in the URL, so a
// link or the back button brings the same list.

const pageSize = 25;
type View = 'mine' | 'unit';
/** The statuses a requester filters by; «open» (the server's default) and «all» besides. */
const filterStatuses: Status[] = ['new', 'in_progress', 'waiting', 'resolved', 'closed'];
type StatusFilter = 'open' | 'all' | Status;

export type RequestsSearch = { visning?: 'enhet'; status?: string; side?: number };

/** Reads the page's search from the URL; anything unknown falls back to the default. */
export function readRequestsSearch(search: Record<string, unknown>): { view: View; status: StatusFilter; page: number } {
  return {
    view: search.visning === 'enhet' ? 'unit' : 'mine',
    status: oneOf(search.status, [...filterStatuses, 'all'] as const) ?? 'open',
    page: pageParam(search.side) ?? 1,
  };
}

export function RequestsPage() {
  const { t } = useSupportI18n();
  const { data: session } = useSession();
  const navigate = useNavigate();
  const rawSearch = useRouterState({ select: (state) => state.location.search as Record<string, unknown> });
  const { view: askedView, status, page } = readRequestsSearch(rawSearch);
  const isLeader = session?.user?.roles.includes('leader') ?? false;
  const view: View = isLeader ? askedView : 'mine';

  const go = (next: { view?: View; status?: StatusFilter; page?: number }) => {
    const merged = { view, status, page, ...next };
    const search: RequestsSearch = {
      ...(merged.view === 'unit' ? { visning: 'enhet' as const } : {}),
      ...(merged.status !== 'open' ? { status: merged.status } : {}),
      ...(merged.page > 1 ? { side: merged.page } : {}),
    };
    void navigate({ to: '/lederstotte/henvendelser', search: search as never });
  };

  if (!hasPermission(session, 'leader_support:submit')) {
    return (
      <Page title={t('nav.mine')}>
        <SupportNav />
        <Paragraph>{t('requests.list.notAllowed')}</Paragraph>
      </Page>
    );
  }

  const list = (
    <RequestTable
      view={view}
      status={status}
      page={page}
      onStatus={(next) => go({ status: next, page: 1 })}
      onPage={(next) => go({ page: next })}
    />
  );

  return (
    <Page title={t('nav.mine')}>
      <SupportNav />
      <Paragraph className="kp-lead">{t(isLeader ? 'requests.list.leadLeader' : 'requests.list.lead')}</Paragraph>
      {isLeader ? (
        <Tabs value={view} onChange={(value) => go({ view: value === 'unit' ? 'unit' : 'mine', page: 1 })}>
          <TabsList>
            <TabsTab value="mine">{t('requests.list.tabMine')}</TabsTab>
            <TabsTab value="unit">{t('requests.list.tabUnit')}</TabsTab>
          </TabsList>
          <TabsPanel value="mine">{view === 'mine' && list}</TabsPanel>
          <TabsPanel value="unit">{view === 'unit' && list}</TabsPanel>
        </Tabs>
      ) : (
        list
      )}
    </Page>
  );
}

function RequestTable({
  view,
  status,
  page,
  onStatus,
  onPage,
}: {
  view: View;
  status: StatusFilter;
  page: number;
  onStatus: (status: StatusFilter) => void;
  onPage: (page: number) => void;
}) {
  const i18n = useSupportI18n();
  const { t, number } = i18n;
  const statusParam = status === 'open' ? undefined : status === 'all' ? filterStatuses.join(',') : status;
  const query = useQuery(requestListQuery({ view, status: statusParam, page, pageSize, sort: 'newest' }));
  const statusLabel =
    status === 'open' ? t('requests.list.statusOpen') : status === 'all' ? t('requests.list.statusAll') : t(statusKey(status));
  const caption = t(view === 'unit' ? 'requests.list.captionUnit' : 'requests.list.captionMine', { status: statusLabel.toLowerCase() });

  return (
    <div className="kp-ls-req-list">
      {/* Keyed by the URL's status, so the choice starts from it again after back and forward. */}
      <StatusFilterForm key={status} status={status} onChange={onStatus} />
      {query.isPending && <Loading label={t('requests.list.loading')} />}
      {query.isError && <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />}
      {query.data && query.data.total === 0 && (
        <Paragraph role="status">
          {t(view === 'unit' ? 'requests.list.emptyUnit' : 'requests.list.empty', { status: statusLabel.toLowerCase() })}{' '}
          {view === 'mine' && (
            <Link asChild>
              <RouterLink to="/lederstotte/ny">{t('requests.list.emptyNew')}</RouterLink>
            </Link>
          )}
        </Paragraph>
      )}
      {query.data && query.data.total > 0 && (
        <>
          <Paragraph role="status" data-size="sm" className="kp-muted">
            {t('requests.list.showing', {
              from: number((query.data.page - 1) * query.data.pageSize + 1),
              to: number((query.data.page - 1) * query.data.pageSize + query.data.items.length),
              total: number(query.data.total),
            })}
          </Paragraph>
          <div className="kp-table-scroll">
            <Table zebra data-size="sm" className="kp-ls-req-table" aria-busy={query.isPlaceholderData || undefined}>
              <caption>{caption}</caption>
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell>{t('requests.list.number')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('requests.list.subject')}</Table.HeaderCell>
                  {view === 'unit' && <Table.HeaderCell>{t('requests.list.requester')}</Table.HeaderCell>}
                  <Table.HeaderCell>{t('requests.list.category')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('requests.list.status')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('requests.list.line')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('requests.list.updated')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('requests.list.deadline')}</Table.HeaderCell>
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {query.data.items.map((request) => (
                  <RequestRow key={request.id} request={request} view={view} i18n={i18n} />
                ))}
              </Table.Body>
            </Table>
          </div>
          <PageNavigation
            label={t('requests.list.pagination')}
            className="kp-ls-req-pagination"
            page={query.data.page}
            totalPages={Math.ceil(query.data.total / query.data.pageSize)}
            onChange={onPage}
          />
        </>
      )}
    </div>
  );
}

function RequestRow({ request, view, i18n }: { request: RequestSummary; view: View; i18n: SupportI18n }) {
  const { t, pick, dateTime, requestNumber } = i18n;
  return (
    <Table.Row>
      <Table.Cell>
        <Link asChild>
          <RouterLink to="/lederstotte/henvendelser/$number" params={{ number: String(request.number) }}>
            {requestNumber(request.number)}
          </RouterLink>
        </Link>
      </Table.Cell>
      <Table.Cell>{request.subject}</Table.Cell>
      {view === 'unit' && (
        <Table.Cell>
          {request.requester.name}
          {request.unit && <span className="kp-muted kp-ls-req-block">{request.unit.name}</span>}
        </Table.Cell>
      )}
      <Table.Cell>{pick(request.category.name)}</Table.Cell>
      <Table.Cell>{t(statusKey(request.status))}</Table.Cell>
      <Table.Cell>{t(lineKey(request.line))}</Table.Cell>
      <Table.Cell>{dateTime(request.updatedAt)}</Table.Cell>
      <Table.Cell>
        <SlaText clock={request.resolution} />
      </Table.Cell>
    </Table.Row>
  );
}

/** The resolution clock in words: «I rute, frist 3. des. 2026, 14:00». */
export function SlaText({ clock }: { clock: SlaClock }) {
  const { t, dateTime } = useSupportI18n();
  const running = clock.dueAt && (clock.state === 'ok' || clock.state === 'warning' || clock.state === 'breached');
  return (
    <span className={`kp-ls-req-sla kp-ls-req-sla--${clock.state}`}>
      {t(slaKey(clock.state))}
      {running && clock.dueAt ? `, ${t('requests.list.due', { when: dateTime(clock.dueAt) })}` : ''}
    </span>
  );
}

function StatusFilterForm({ status, onChange }: { status: StatusFilter; onChange: (status: StatusFilter) => void }) {
  const { t } = useSupportI18n();
  const id = useId();
  const [value, setValue] = useState<StatusFilter>(status);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onChange(value);
  };
  return (
    <form className="kp-ls-req-filter" onSubmit={submit} aria-label={t('requests.list.filterLabel')}>
      <div className="kp-ls-req-field">
        <Label htmlFor={id}>{t('requests.list.status')}</Label>
        <Select id={id} value={value} onChange={(e) => setValue(e.target.value as StatusFilter)}>
          <option value="open">{t('requests.list.statusOpen')}</option>
          {filterStatuses.map((s) => (
            <option key={s} value={s}>
              {t(statusKey(s))}
            </option>
          ))}
          <option value="all">{t('requests.list.statusAll')}</option>
        </Select>
      </div>
      <Button type="submit" variant="secondary">
        {t('requests.list.filterSubmit')}
      </Button>
    </form>
  );
}

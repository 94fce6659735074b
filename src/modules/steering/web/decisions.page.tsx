import { Button, Checkbox, Label, Link, Paragraph, Select, Table, Tag, Textfield } from '@digdir/designsystemet-react';
import { useQuery } from '@tanstack/react-query';
import { Link as RouterLink, useNavigate, useSearch } from '@tanstack/react-router';
import { useId, useState, type FormEvent } from 'react';
import { EntityCombobox } from '../../../web/components/combobox/combobox';
import { unitPathOptions } from '../../../web/components/combobox/unit-path-options';
import { Page } from '../../../web/components/page';
import { ErrorAlert, Loading } from '../../../web/components/status';
import { hasPermission, useSession } from '../../../web/data/session';
import type { DecisionBody, DecisionStatus } from '../decisions.schemas';
import { decisionsQuery, decisionsQueryString, decisionUnitsQuery } from './decisions-api';
import { bodies, bodyKey, DecisionForm, statuses, statusKey } from './decisions-parts';
import type { DecisionsSearch } from './decisions-search';
import { useSteeringI18n } from './i18n';
import { SteeringNav } from './ui';
import './decisions.css';
import { SectionHeading } from '../../../web/components/section-heading';
import { EmptyState } from '../../../web/components/empty-state';

/** /styring/vedtak: the register of political decisions, filters in the URL, overdue ones marked in words. */
export function DecisionsPage() {
  const { t, shortDate } = useSteeringI18n();
  const search = useSearch({ strict: false }) as DecisionsSearch;
  const navigate = useNavigate();
  const { data: session } = useSession();
  const canWrite = hasPermission(session, 'steering:write');
  const list = useQuery(decisionsQuery(search));
  const [creating, setCreating] = useState(false);

  return (
    <Page title={t('decisions.title')}>
      <SteeringNav />
      <Paragraph>{t('decisions.intro')}</Paragraph>
      <Filters search={search} onApply={(next) => void navigate({ to: '/styring/vedtak', search: next as never })} />
      {canWrite && !creating && (
        <Button className="kp-st-new" onClick={() => setCreating(true)}>
          {t('decisions.new')}
        </Button>
      )}
      {creating && (
        <section aria-labelledby="kp-st-new-decision" className="kp-st-panel">
          <SectionHeading id="kp-st-new-decision">{t('decisions.newTitle')}</SectionHeading>
          <DecisionForm
            onCancel={() => setCreating(false)}
            onSaved={(saved) => void navigate({ to: '/styring/vedtak/$id', params: { id: saved.id } })}
          />
        </section>
      )}
      {list.isPending ? (
        <Loading label={t('decisions.loading')} />
      ) : list.isError ? (
        <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <>
          <div className="kp-st-toolbar">
            <Paragraph role="status">{t('decisions.count', { count: list.data.total })}</Paragraph>
            <Link href={`/api/steering/decisions${decisionsQueryString(search, 'csv')}`} download>
              {t('decisions.exportCsv')}
            </Link>
            <Link href={`/api/steering/decisions${decisionsQueryString(search, 'xlsx')}`} download>
              {t('decisions.exportXlsx')}
            </Link>
          </div>
          {list.data.decisions.length === 0 ? (
            <EmptyState>{t('decisions.none')}</EmptyState>
          ) : (
            <div className="kp-table-scroll">
              <Table data-size="sm" zebra>
                <caption>{t('decisions.tableCaption')}</caption>
                <Table.Head>
                  <Table.Row>
                    <Table.HeaderCell>{t('decisions.colMeeting')}</Table.HeaderCell>
                    <Table.HeaderCell>{t('decisions.colCase')}</Table.HeaderCell>
                    <Table.HeaderCell>{t('decisions.colTitle')}</Table.HeaderCell>
                    <Table.HeaderCell>{t('decisions.colUnit')}</Table.HeaderCell>
                    <Table.HeaderCell>{t('decisions.colDeadline')}</Table.HeaderCell>
                    <Table.HeaderCell>{t('decisions.colStatus')}</Table.HeaderCell>
                  </Table.Row>
                </Table.Head>
                <Table.Body>
                  {list.data.decisions.map((d) => (
                    <Table.Row key={d.id} className={d.overdue ? 'kp-st-overdue' : undefined}>
                      <Table.Cell>
                        {shortDate(d.meetingDate)}
                        <br />
                        <span className="kp-st-muted">
                          {d.body === 'committee' && d.committeeName ? d.committeeName : t(bodyKey(d.body))}
                        </span>
                      </Table.Cell>
                      <Table.Cell>{d.caseNumber}</Table.Cell>
                      <Table.Cell>
                        <Link asChild>
                          <RouterLink to="/styring/vedtak/$id" params={{ id: d.id }}>
                            {d.title}
                          </RouterLink>
                        </Link>
                      </Table.Cell>
                      <Table.Cell>{d.responsibleUnitName}</Table.Cell>
                      <Table.Cell>{d.deadline ? shortDate(d.deadline) : '–'}</Table.Cell>
                      <Table.Cell>
                        {t(statusKey(d.status))}
                        {d.overdue && (
                          <>
                            {' '}
                            <Tag data-color="danger" data-size="sm">
                              {t('decisions.overdue')}
                            </Tag>
                          </>
                        )}
                      </Table.Cell>
                    </Table.Row>
                  ))}
                </Table.Body>
              </Table>
            </div>
          )}
        </>
      )}
    </Page>
  );
}

function Filters({ search, onApply }: { search: DecisionsSearch; onApply: (next: DecisionsSearch) => void }) {
  const { t, collator } = useSteeringI18n();
  const ids = useId();
  const units = useQuery(decisionUnitsQuery());
  const [status, setStatus] = useState(search.status ?? '');
  const [body, setBody] = useState(search.body ?? '');
  const [unit, setUnit] = useState(search.unit ?? '');
  const [overdue, setOverdue] = useState(search.overdue ?? false);
  const [q, setQ] = useState(search.q ?? '');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onApply({
      status: (status || undefined) as DecisionStatus | undefined,
      body: (body || undefined) as DecisionBody | undefined,
      unit: unit || undefined,
      overdue: overdue || undefined,
      q: q.trim() || undefined,
    });
  };
  return (
    <form className="kp-st-filters" onSubmit={submit} aria-label={t('decisions.filters')}>
      <div className="kp-st-field">
        <Label htmlFor={`${ids}-status`}>{t('decisions.filterStatus')}</Label>
        <Select id={`${ids}-status`} value={status} onChange={(e) => setStatus(e.target.value)}>
          <option value="">{t('decisions.all')}</option>
          {statuses.map((s) => (
            <option key={s} value={s}>
              {t(statusKey(s))}
            </option>
          ))}
        </Select>
      </div>
      <div className="kp-st-field">
        <Label htmlFor={`${ids}-body`}>{t('decisions.filterBody')}</Label>
        <Select id={`${ids}-body`} value={body} onChange={(e) => setBody(e.target.value)}>
          <option value="">{t('decisions.all')}</option>
          {bodies.map((b) => (
            <option key={b} value={b}>
              {t(bodyKey(b))}
            </option>
          ))}
        </Select>
      </div>
      {/* Empty: every unit. The path above each tells two of the same name apart. */}
      <EntityCombobox
        className="kp-st-field"
        id={`${ids}-unit`}
        label={t('decisions.filterUnit')}
        options={unitPathOptions(units.data?.units ?? [], collator.compare)}
        value={unit}
        onChange={setUnit}
        loading={units.isPending}
      />
      <Textfield label={t('decisions.filterQ')} value={q} onChange={(e) => setQ(e.target.value)} />
      <Checkbox label={t('decisions.filterOverdue')} checked={overdue} onChange={(e) => setOverdue(e.target.checked)} />
      <div className="kp-st-actions">
        <Button type="submit" variant="secondary">
          {t('decisions.filterApply')}
        </Button>
        <Button
          type="button"
          variant="tertiary"
          onClick={() => {
            setStatus('');
            setBody('');
            setUnit('');
            setOverdue(false);
            setQ('');
            onApply({});
          }}
        >
          {t('decisions.filterClear')}
        </Button>
      </div>
    </form>
  );
}

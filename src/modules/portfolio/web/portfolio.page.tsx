import { Button, Label, Link, Paragraph, Select, Table, Tag, Textfield } from '@digdir/designsystemet-react';
import { useQuery } from '@tanstack/react-query';
import { Link as RouterLink, useNavigate, useSearch } from '@tanstack/react-router';
import { useId, useState, type FormEvent } from 'react';
import { EntityCombobox } from '../../../web/components/combobox/combobox';
import { unitPathOptions } from '../../../web/components/combobox/unit-path-options';
import { Page } from '../../../web/components/page';
import { PageNavigation } from '../../../web/components/pagination';
import { SectionHeading } from '../../../web/components/section-heading';
import { ErrorAlert, Loading } from '../../../web/components/status';
import { hasPermission, useSession } from '../../../web/data/session';
import type { InitiativeOptions, Overview, OverviewQuery } from '../initiatives.schemas';
import { PortfolioTable } from './portfolio-table';
import { usePortfolioI18n, type PortfolioI18n } from './i18n';
import { TrafficLights } from './initiative-parts';
import { exportUrl, initiativeOptionsQuery, overviewQuery } from './initiatives-api';
import type { PortfolioSearch } from './overview-search';
import { InitiativeLink, PortfolioNav } from './ui';
import './initiatives.css';

// The portfolio overview (/portefolje): filters in the URL, the count per phase, the initiatives with
// their latest traffic lights, pages, and the same list as CSV or XLSX.

const pageSize = 25;

export function PortfolioPage() {
  const { t } = usePortfolioI18n();
  const search = useSearch({ strict: false }) as PortfolioSearch;
  const navigate = useNavigate();
  const session = useSession();
  const options = useQuery(initiativeOptionsQuery);
  const params: OverviewQuery = { ...search, page: search.page ?? 1, pageSize };
  const overview = useQuery(overviewQuery(params));

  const go = (next: PortfolioSearch) =>
    void navigate({
      to: '/portefolje',
      search: Object.fromEntries(Object.entries(next).filter(([, v]) => v !== undefined && v !== '')) as never,
    });
  const setFilter = (name: keyof PortfolioSearch, value: string) => go({ ...search, [name]: value || undefined, page: undefined });

  return (
    <Page title={t('initiatives.overview.title')}>
      <PortfolioNav />
      <Paragraph>{t('initiatives.overview.intro')}</Paragraph>
      {hasPermission(session.data, 'portfolio:propose') && (
        <Paragraph>
          <Link asChild>
            <RouterLink to="/portefolje/nytt">{t('initiatives.overview.propose')}</RouterLink>
          </Link>
        </Paragraph>
      )}
      {options.error && <ErrorAlert error={options.error} onRetry={() => void options.refetch()} />}
      {options.data && <Filters key={search.q ?? ''} options={options.data} search={search} setFilter={setFilter} clear={() => go({})} />}

      {overview.isPending && <Loading label={t('initiatives.loading')} />}
      {overview.error && <ErrorAlert error={overview.error} onRetry={() => void overview.refetch()} />}
      {overview.data && (
        <>
          <section aria-labelledby="kp-pf-phase-summary" className="kp-pf-phases">
            <SectionHeading id="kp-pf-phase-summary">{t('initiatives.overview.phaseSummary')}</SectionHeading>
            <ul className="kp-pf-phase-list">
              {overview.data.phaseCounts.map((p) => (
                <li key={p.phase}>
                  <Button
                    variant={search.phase === p.phase ? 'primary' : 'secondary'}
                    data-size="sm"
                    aria-pressed={search.phase === p.phase}
                    onClick={() => setFilter('phase', search.phase === p.phase ? '' : p.phase)}
                  >
                    {t('initiatives.overview.phaseCount', { phase: t(`initiatives.phase.${p.phase}`), count: p.count })}
                  </Button>
                </li>
              ))}
            </ul>
          </section>
          <OverviewTable data={overview.data} t={t} />
          <PageNavigation
            label={t('initiatives.overview.pages')}
            page={overview.data.page}
            totalPages={Math.max(1, Math.ceil(overview.data.total / overview.data.pageSize))}
            onChange={(page) => go({ ...search, page: page > 1 ? page : undefined })}
          />
          <Paragraph className="kp-pf-exports">
            <Link href={exportUrl(params, 'csv')} download>
              {t('initiatives.overview.csv')}
            </Link>{' '}
            <Link href={exportUrl(params, 'xlsx')} download>
              {t('initiatives.overview.xlsx')}
            </Link>
          </Paragraph>
        </>
      )}
    </Page>
  );
}

function OverviewTable({ data, t }: { data: Overview; t: PortfolioI18n['t'] }) {
  return (
    <PortfolioTable
      caption={t('initiatives.overview.caption', { total: data.total })}
      headers={[
        t('initiatives.overview.col.number'),
        t('initiatives.overview.col.title'),
        t('initiatives.overview.col.owner'),
        t('initiatives.overview.col.area'),
        t('initiatives.overview.col.phase'),
        t('initiatives.overview.col.state'),
        t('initiatives.overview.col.lights'),
      ]}
      className="kp-pf-table"
      zebra
    >
      {data.rows.length === 0 && (
        <Table.Row>
          <Table.Cell colSpan={7}>{t('initiatives.overview.empty')}</Table.Cell>
        </Table.Row>
      )}
      {data.rows.map((row) => (
        <Table.Row key={row.id}>
          <Table.Cell>
            <InitiativeLink number={row.number}>{t('initiatives.number', { number: row.number })}</InitiativeLink>
          </Table.Cell>
          <Table.Cell>{row.title}</Table.Cell>
          <Table.Cell>{row.ownerUnit.name}</Table.Cell>
          <Table.Cell>{row.area?.name ?? t('initiatives.none')}</Table.Cell>
          <Table.Cell>{t(`initiatives.phase.${row.phase}`)}</Table.Cell>
          <Table.Cell>
            {row.state === 'active' ? (
              t('initiatives.state.active')
            ) : (
              <Tag data-color={row.state === 'stopped' ? 'danger' : 'neutral'} data-size="sm">
                {t(`initiatives.state.${row.state}`)}
              </Tag>
            )}
          </Table.Cell>
          <Table.Cell>
            <TrafficLights lights={row.lights} />
          </Table.Cell>
        </Table.Row>
      ))}
    </PortfolioTable>
  );
}

function Filters({
  options,
  search,
  setFilter,
  clear,
}: {
  options: InitiativeOptions;
  search: PortfolioSearch;
  setFilter: (name: keyof PortfolioSearch, value: string) => void;
  clear: () => void;
}) {
  const { t, collator } = usePortfolioI18n();
  const ids = useId();
  const [q, setQ] = useState(search.q ?? '');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setFilter('q', q.trim());
  };
  const select = (
    name: keyof PortfolioSearch,
    label: string,
    choices: { value: string; label: string }[],
    allLabel = t('initiatives.all'),
  ) => (
    <div className="kp-pf-filter">
      <Label htmlFor={`${ids}-${name}`}>{label}</Label>
      <Select id={`${ids}-${name}`} value={String(search[name] ?? '')} onChange={(e) => setFilter(name, e.target.value)} data-size="sm">
        <option value="">{allLabel}</option>
        {choices.map((c) => (
          <option key={c.value} value={c.value}>
            {c.label}
          </option>
        ))}
      </Select>
    </div>
  );
  const decision = search.decision ? options.decisions.find((d) => d.id === search.decision) : undefined;

  return (
    <section aria-labelledby={`${ids}-heading`} className="kp-pf-filters">
      <SectionHeading id={`${ids}-heading`}>{t('initiatives.overview.filters')}</SectionHeading>
      <div className="kp-pf-filter-grid">
        {select(
          'area',
          t('initiatives.overview.area'),
          options.areas.map((a) => ({ value: a.id, label: a.name })),
        )}
        {select(
          'phase',
          t('initiatives.overview.phase'),
          options.phases.map((p) => ({ value: p, label: t(`initiatives.phase.${p}`) })),
        )}
        {select(
          'state',
          t('initiatives.overview.state'),
          options.states.map((s) => ({ value: s, label: t(`initiatives.state.${s}`) })),
          t('initiatives.overview.stateDefault'),
        )}
        {/* 168 units: found by typing, each with its path; empty is every unit. */}
        <EntityCombobox
          className="kp-pf-filter"
          data-size="sm"
          id={`${ids}-owner`}
          label={t('initiatives.overview.owner')}
          options={unitPathOptions(options.units, collator.compare)}
          value={search.owner ?? ''}
          onChange={(value) => setFilter('owner', value)}
        />
        {select(
          'agent',
          t('initiatives.overview.agent'),
          options.users.map((u) => ({ value: u.id, label: u.displayName })),
        )}
        {select(
          'goal',
          t('initiatives.overview.goal'),
          options.goals.map((g) => ({ value: g.id, label: g.title })),
        )}
        {select(
          'category',
          t('initiatives.overview.category'),
          options.categories.map((c) => ({ value: c, label: t(`initiatives.category.${c}`) })),
        )}
      </div>
      <form onSubmit={submit} className="kp-pf-search" role="search">
        <Textfield label={t('initiatives.overview.q')} value={q} onChange={(e) => setQ(e.target.value)} data-size="sm" autoComplete="off" />
        <Button type="submit" data-size="sm">
          {t('initiatives.overview.search')}
        </Button>
        <Button type="button" variant="tertiary" data-size="sm" onClick={clear}>
          {t('initiatives.overview.clear')}
        </Button>
      </form>
      {decision && (
        <Paragraph data-size="sm">
          {t('initiatives.detail.decisions')}: {decision.caseNumber} {decision.title}{' '}
          <Button variant="tertiary" data-size="sm" onClick={() => setFilter('decision', '')}>
            {t('initiatives.overview.clear')}
          </Button>
        </Paragraph>
      )}
    </section>
  );
}

import './benefits.css';
import { Checkbox, Label, Link, Paragraph, Radio, Fieldset, Select, Table } from '@digdir/designsystemet-react';
import { Link as RouterLink, useNavigate, useSearch } from '@tanstack/react-router';
import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { Page } from '../../../web/components/page';
import { ErrorAlert, Loading } from '../../../web/components/status';
import { benefitStatuses, benefitTypes, type Benefit, type Realisation } from '../benefits.schemas';
import { BenefitTitleCell, ExpectedCell, InitiativeBenefits, LatestText } from './benefit-parts';
import { benefitExportUrl, benefitListQuery, initiativeOptionsQuery, realisationQuery, type BenefitFilters } from './benefits-api';
import { BarChart } from '../../../web/components/charts/bar-chart';
import type { BenefitsSearch } from './benefits-search';
import { PortfolioTable } from './portfolio-table';
import { usePortfolioI18n, type PortfolioKey } from './i18n';
import { InitiativeLink, PortfolioNav } from './ui';
import { SectionHeading } from '../../../web/components/section-heading';
import { EmptyState } from '../../../web/components/empty-state';

// /portefolje/gevinster: planned versus realised across the portfolio (per year and per area),
// follow-up per initiative (also after the project closed), the benefits list with filters and
// export, and the overdue benefits.

export function BenefitsPage() {
  const { t } = usePortfolioI18n();
  return (
    <Page title={t('benefits.title')}>
      <PortfolioNav />
      <div className="kp-pf-benefits-page">
        <Paragraph>{t('benefits.intro')}</Paragraph>
        <RealisationSection />
        <FollowUpSection />
        <OverdueSection />
        <ListSection />
      </div>
    </Page>
  );
}

function RealisationSection() {
  const { t } = usePortfolioI18n();
  const [by, setBy] = useState<'year' | 'area'>('year');
  const query = useQuery(realisationQuery(by));
  const headingId = useId();
  return (
    <section aria-labelledby={headingId}>
      <SectionHeading id={headingId}>{t('benefits.realisation')}</SectionHeading>
      <Fieldset className="kp-pf-benefits-page__filters">
        <Fieldset.Legend>{t('benefits.by')}</Fieldset.Legend>
        <Radio name={`${headingId}-by`} label={t('benefits.byYear')} value="year" checked={by === 'year'} onChange={() => setBy('year')} />
        <Radio name={`${headingId}-by`} label={t('benefits.byArea')} value="area" checked={by === 'area'} onChange={() => setBy('area')} />
      </Fieldset>
      {query.isPending ? (
        <Loading />
      ) : query.isError ? (
        <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />
      ) : query.data.rows.length === 0 ? (
        <EmptyState>{t('benefits.noRealisation')}</EmptyState>
      ) : (
        <RealisationView data={query.data} />
      )}
    </section>
  );
}

function RealisationView({ data }: { data: Realisation }) {
  const { t, kroner, number } = usePortfolioI18n();
  const byYear = data.by === 'year';
  return (
    <>
      <BarChart
        title={t(byYear ? 'benefits.chartTitleYear' : 'benefits.chartTitleArea')}
        description={t('benefits.chartDesc', { planned: kroner(data.total.plannedAnnual), realised: kroner(data.total.realisedAnnual) })}
        caption={false}
        categories={data.rows.map((r) => r.label)}
        series={[
          { name: t('benefits.series.planned'), values: data.rows.map((r) => r.plannedAnnual) },
          { name: t('benefits.series.realised'), values: data.rows.map((r) => r.realisedAnnual) },
        ]}
        format={kroner}
      />
      <Paragraph data-size="sm">{t('benefits.realisationRule')}</Paragraph>
      <PortfolioTable
        caption={t(byYear ? 'benefits.tableCaptionYear' : 'benefits.tableCaptionArea')}
        headers={[
          t(byYear ? 'benefits.col.year' : 'benefits.col.area'),
          { label: t('benefits.col.count'), className: 'kp-num' },
          { label: t('benefits.col.unplanned'), className: 'kp-num' },
          { label: t('benefits.col.realised'), className: 'kp-num' },
          { label: t('benefits.col.closed'), className: 'kp-num' },
          { label: t('benefits.col.overdue'), className: 'kp-num' },
          { label: t('benefits.col.plannedAnnual'), className: 'kp-num' },
          { label: t('benefits.col.realisedAnnual'), className: 'kp-num' },
        ]}
        zebra
      >
        {[...data.rows, { ...data.total, label: t('benefits.total') }].map((r) => (
          <Table.Row key={r.key}>
            <Table.HeaderCell scope="row">{r.label}</Table.HeaderCell>
            <Table.Cell className="kp-num">{number(r.count)}</Table.Cell>
            <Table.Cell className="kp-num">{number(r.unplannedCount)}</Table.Cell>
            <Table.Cell className="kp-num">{number(r.realisedCount)}</Table.Cell>
            <Table.Cell className="kp-num">{number(r.closedCount)}</Table.Cell>
            <Table.Cell className="kp-num">{number(r.overdueCount)}</Table.Cell>
            <Table.Cell className="kp-num">{kroner(r.plannedAnnual)}</Table.Cell>
            <Table.Cell className="kp-num">{kroner(r.realisedAnnual)}</Table.Cell>
          </Table.Row>
        ))}
      </PortfolioTable>
    </>
  );
}

function FollowUpSection() {
  const { t } = usePortfolioI18n();
  const query = useQuery(initiativeOptionsQuery);
  const [initiativeId, setInitiativeId] = useState('');
  const headingId = useId();
  const selectId = useId();
  return (
    <section aria-labelledby={headingId}>
      <SectionHeading id={headingId}>{t('benefits.followUp')}</SectionHeading>
      <Paragraph data-size="sm">{t('benefits.followUpHelp')}</Paragraph>
      {query.isError ? (
        <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <div>
          <Label htmlFor={selectId}>{t('benefits.pickInitiative')}</Label>
          <Select id={selectId} value={initiativeId} onChange={(e) => setInitiativeId(e.target.value)} disabled={query.isPending}>
            <option value="">{t('benefits.pickInitiativeNone')}</option>
            {(query.data?.initiatives ?? []).map((i) => (
              <option key={i.id} value={i.id}>
                {t('benefits.initiativeOption', {
                  number: i.number,
                  title: i.title,
                  phase: t(`benefits.phase.${i.phase}` as PortfolioKey),
                  count: i.benefitCount,
                })}
              </option>
            ))}
          </Select>
        </div>
      )}
      {initiativeId && (
        <div>
          <Link asChild>
            <RouterLink
              to="/portefolje/initiativ/$number"
              params={{ number: String(query.data?.initiatives.find((i) => i.id === initiativeId)?.number ?? '') }}
            >
              {query.data?.initiatives.find((i) => i.id === initiativeId)?.title}
            </RouterLink>
          </Link>
          <InitiativeBenefits key={initiativeId} initiativeId={initiativeId} />
        </div>
      )}
    </section>
  );
}

function BenefitsTable({ benefits, caption }: { benefits: Benefit[]; caption: string }) {
  const { t, kroner } = usePortfolioI18n();
  return (
    <PortfolioTable
      caption={caption}
      headers={[
        t('benefits.col.title'),
        t('benefits.col.initiative'),
        t('benefits.col.area'),
        t('benefits.col.type'),
        t('benefits.col.owner'),
        t('benefits.col.expected'),
        t('benefits.col.status'),
        { label: t('benefits.col.annual'), className: 'kp-num' },
        t('benefits.col.latest'),
      ]}
      zebra
    >
      {benefits.map((b) => (
        <Table.Row key={b.id}>
          <BenefitTitleCell benefit={b} />
          <Table.Cell>
            <InitiativeLink number={b.initiative.number}>{`${b.initiative.number} ${b.initiative.title}`}</InitiativeLink>
          </Table.Cell>
          <Table.Cell>{b.area?.name ?? ''}</Table.Cell>
          <Table.Cell>{t(`benefits.type.${b.type}` as PortfolioKey)}</Table.Cell>
          <Table.Cell>{b.owner.name}</Table.Cell>
          <ExpectedCell benefit={b} />
          <Table.Cell>{t(`benefits.status.${b.status}` as PortfolioKey)}</Table.Cell>
          <Table.Cell className="kp-num">{b.annualValue === null ? '' : kroner(b.annualValue)}</Table.Cell>
          <Table.Cell>
            <LatestText benefit={b} />
          </Table.Cell>
        </Table.Row>
      ))}
    </PortfolioTable>
  );
}

function OverdueSection() {
  const { t } = usePortfolioI18n();
  const query = useQuery(benefitListQuery({ overdue: true }));
  const headingId = useId();
  return (
    <section aria-labelledby={headingId}>
      <SectionHeading id={headingId}>{t('benefits.overdueHeading')}</SectionHeading>
      <Paragraph data-size="sm">{t('benefits.overdueHelp')}</Paragraph>
      {query.isPending ? (
        <Loading />
      ) : query.isError ? (
        <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />
      ) : query.data.benefits.length === 0 ? (
        <EmptyState>{t('benefits.overdueNone')}</EmptyState>
      ) : (
        <BenefitsTable benefits={query.data.benefits} caption={t('benefits.overdueCaption', { count: query.data.benefits.length })} />
      )}
    </section>
  );
}

function ListSection() {
  const { t } = usePortfolioI18n();
  // The filters live in the URL (validated by validateBenefitsSearch), so a filtered list can be shared and survives reload.
  const filters = useSearch({ strict: false }) as BenefitsSearch;
  const navigate = useNavigate();
  const query = useQuery({ ...benefitListQuery(filters), placeholderData: (previous) => previous });
  const all = useQuery(benefitListQuery({}));
  const headingId = useId();
  const ids = useId();
  const set = (patch: Partial<BenefitFilters>) =>
    void navigate({
      to: '/portefolje/gevinster',
      search: Object.fromEntries(Object.entries({ ...filters, ...patch }).filter(([, v]) => v !== undefined && v !== '')) as never,
      replace: true,
      resetScroll: false,
    });
  const areas = all.data?.areas ?? [];
  const owners = all.data?.owners ?? [];

  return (
    <section aria-labelledby={headingId}>
      <SectionHeading id={headingId}>{t('benefits.list')}</SectionHeading>
      <div className="kp-pf-benefits-page__filters">
        <div>
          <Label htmlFor={`${ids}-area`}>{t('benefits.filter.area')}</Label>
          <Select id={`${ids}-area`} value={filters.area ?? ''} onChange={(e) => set({ area: e.target.value || undefined })}>
            <option value="">{t('benefits.filter.all')}</option>
            {areas.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </Select>
        </div>
        <div>
          <Label htmlFor={`${ids}-status`}>{t('benefits.filter.status')}</Label>
          <Select id={`${ids}-status`} value={filters.status ?? ''} onChange={(e) => set({ status: e.target.value || undefined })}>
            <option value="">{t('benefits.filter.all')}</option>
            {benefitStatuses.map((s) => (
              <option key={s} value={s}>
                {t(`benefits.status.${s}` as PortfolioKey)}
              </option>
            ))}
          </Select>
        </div>
        <div>
          <Label htmlFor={`${ids}-type`}>{t('benefits.filter.type')}</Label>
          <Select id={`${ids}-type`} value={filters.type ?? ''} onChange={(e) => set({ type: e.target.value || undefined })}>
            <option value="">{t('benefits.filter.all')}</option>
            {benefitTypes.map((type) => (
              <option key={type} value={type}>
                {t(`benefits.type.${type}` as PortfolioKey)}
              </option>
            ))}
          </Select>
        </div>
        <div>
          <Label htmlFor={`${ids}-owner`}>{t('benefits.filter.owner')}</Label>
          <Select id={`${ids}-owner`} value={filters.owner ?? ''} onChange={(e) => set({ owner: e.target.value || undefined })}>
            <option value="">{t('benefits.filter.all')}</option>
            {owners.map((o) => (
              <option key={o.personId} value={o.personId}>
                {o.name}
              </option>
            ))}
          </Select>
        </div>
        <Checkbox
          label={t('benefits.filter.overdue')}
          checked={filters.overdue === true}
          onChange={(e) => set({ overdue: e.target.checked ? true : undefined })}
        />
      </div>
      <div className="kp-pf-benefits-page__exports">
        <Link href={benefitExportUrl(filters, 'csv')} download>
          {t('benefits.export.csv')}
        </Link>
        <Link href={benefitExportUrl(filters, 'xlsx')} download>
          {t('benefits.export.xlsx')}
        </Link>
      </div>
      {query.isPending ? (
        <Loading />
      ) : query.isError ? (
        <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />
      ) : query.data.benefits.length === 0 ? (
        <EmptyState>{t('benefits.noneMatch')}</EmptyState>
      ) : (
        <BenefitsTable benefits={query.data.benefits} caption={t('benefits.listCaption', { count: query.data.benefits.length })} />
      )}
    </section>
  );
}

import { Label, Link, Paragraph, Select, Table, Textfield, Button } from '@digdir/designsystemet-react';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi, Link as RouterLink } from '@tanstack/react-router';
import { useId, useState, type FormEvent } from 'react';
import { Page } from '../../../web/components/page';
import { ErrorAlert, Loading } from '../../../web/components/status';
import { Sparkline } from '../../../web/components/charts/sparkline';
import { areaOverviewQuery, dashboardExportHref, dashboardQuery } from './indicators-api';
import { isPeriodText, type IndicatorStatusFilter } from './indicators-search';
import { useSteeringI18n } from './i18n';
import { StatusLabel } from './status-label';
import { SteeringNav } from './ui';
import './indicators.css';
import { SectionHeading } from '../../../web/components/section-heading';
import { EmptyState } from '../../../web/components/empty-state';

const route = getRouteApi('/styring/indikatorer');

/** /styring/indikatorer: the indicator dashboard of a programme area, up to a period. */
export function IndicatorsPage() {
  const { t, number } = useSteeringI18n();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const ids = useId();
  const areas = useQuery(areaOverviewQuery());
  const dashboard = useQuery(dashboardQuery(search.omrade, search.periode));
  const [period, setPeriod] = useState(search.periode ?? '');
  const [periodError, setPeriodError] = useState(false);

  const submitPeriod = (event: FormEvent) => {
    event.preventDefault();
    const next = period.trim();
    if (next !== '' && !isPeriodText(next)) {
      setPeriodError(true);
      return;
    }
    setPeriodError(false);
    void navigate({ search: (prev) => ({ ...prev, periode: next || undefined }) });
  };

  const rows = (dashboard.data?.indicators ?? []).filter((row) => !search.status || row.status === search.status);
  const areaName = dashboard.data?.area ? `${dashboard.data.area.code} ${dashboard.data.area.name}` : t('indicators.dashboard.allAreas');
  return (
    <Page title={t('indicators.dashboard.title')}>
      <SteeringNav />
      <Paragraph>{t('indicators.dashboard.lead')}</Paragraph>
      <div className="kp-st-filters">
        <div>
          <Label htmlFor={`${ids}-area`}>{t('indicators.dashboard.area')}</Label>
          <Select
            id={`${ids}-area`}
            value={search.omrade ?? ''}
            onChange={(e) => void navigate({ search: (prev) => ({ ...prev, omrade: e.target.value || undefined }) })}
          >
            <option value="">{t('indicators.dashboard.allAreas')}</option>
            {(areas.data?.areas ?? []).map((area) => (
              <option key={area.code} value={area.code}>
                {area.code} {area.name}
              </option>
            ))}
          </Select>
        </div>
        <form onSubmit={submitPeriod} className="kp-st-filters">
          <Textfield
            id={`${ids}-period`}
            label={t('indicators.dashboard.period')}
            description={t('indicators.dashboard.periodHelp')}
            value={period}
            onChange={(e) => setPeriod(e.target.value)}
            error={periodError ? t('indicators.dashboard.periodInvalid') : undefined}
            size={10}
          />
          <Button type="submit" variant="secondary">
            {t('indicators.dashboard.show')}
          </Button>
        </form>
        <div>
          <Label htmlFor={`${ids}-status`}>{t('indicators.dashboard.statusFilter')}</Label>
          <Select
            id={`${ids}-status`}
            value={search.status ?? ''}
            onChange={(e) =>
              void navigate({ search: (prev) => ({ ...prev, status: (e.target.value || undefined) as IndicatorStatusFilter | undefined }) })
            }
          >
            <option value="">{t('indicators.dashboard.allStatuses')}</option>
            {(['red', 'yellow', 'green', 'none'] as const).map((status) => (
              <option key={status} value={status}>
                {t(`indicators.status.${status}`)}
              </option>
            ))}
          </Select>
        </div>
      </div>
      {dashboard.isPending ? (
        <Loading />
      ) : dashboard.isError ? (
        <ErrorAlert error={dashboard.error} onRetry={() => void dashboard.refetch()} />
      ) : (
        <>
          <SectionHeading>{areaName}</SectionHeading>
          <ul className="kp-st-counts" aria-label={t('indicators.dashboard.countsLabel')}>
            {(['red', 'yellow', 'green', 'none'] as const).map((status) => (
              <li key={status}>
                <span className={`kp-st-status kp-st-status--${status}`}>
                  {dashboard.data.counts[status]} {t(`indicators.status.${status}`).toLowerCase()}
                </span>
              </li>
            ))}
          </ul>
          <div className="kp-st-exports">
            <Link href={dashboardExportHref(search.omrade, dashboard.data.period, 'csv')} download>
              {t('indicators.dashboard.exportCsv')}
            </Link>
            <Link href={dashboardExportHref(search.omrade, dashboard.data.period, 'xlsx')} download>
              {t('indicators.dashboard.exportXlsx')}
            </Link>
          </div>
          {rows.length === 0 ? (
            <EmptyState>{t('indicators.dashboard.empty')}</EmptyState>
          ) : (
            <div className="kp-table-scroll">
              <Table zebra data-size="sm">
                <caption>{t('indicators.dashboard.caption', { area: areaName, period: dashboard.data.period })}</caption>
                <Table.Head>
                  <Table.Row>
                    <Table.HeaderCell>{t('indicators.col.indicator')}</Table.HeaderCell>
                    <Table.HeaderCell>{t('indicators.col.status')}</Table.HeaderCell>
                    <Table.HeaderCell className="kp-num">{t('indicators.col.value')}</Table.HeaderCell>
                    <Table.HeaderCell>{t('indicators.col.period')}</Table.HeaderCell>
                    <Table.HeaderCell className="kp-num">{t('indicators.col.target')}</Table.HeaderCell>
                    <Table.HeaderCell>{t('indicators.col.trend')}</Table.HeaderCell>
                    <Table.HeaderCell>{t('indicators.col.owners')}</Table.HeaderCell>
                    <Table.HeaderCell className="kp-num">{t('indicators.col.comments')}</Table.HeaderCell>
                  </Table.Row>
                </Table.Head>
                <Table.Body>
                  {rows.map((row) => (
                    <Table.Row key={row.key}>
                      <Table.Cell>
                        <Link asChild>
                          <RouterLink to="/styring/indikatorer/$key" params={{ key: row.key }}>
                            {row.name}
                          </RouterLink>
                        </Link>
                      </Table.Cell>
                      <Table.Cell>
                        <StatusLabel status={row.status} />
                      </Table.Cell>
                      <Table.Cell className="kp-num">
                        {row.latest ? `${number(row.latest.value)} ${row.unitOfMeasure}`.trim() : '–'}
                      </Table.Cell>
                      <Table.Cell>{row.latest?.period ?? '–'}</Table.Cell>
                      <Table.Cell className="kp-num">
                        {row.target === null ? '–' : `${number(row.target)} ${row.unitOfMeasure}`.trim()}
                      </Table.Cell>
                      <Table.Cell>
                        <Sparkline
                          points={row.sparkline}
                          label={t('indicators.sparkline', {
                            values: row.sparkline.map((p) => `${p.period}: ${number(p.value)}`).join(', '),
                          })}
                        />
                      </Table.Cell>
                      <Table.Cell>{row.owners.map((o) => o.name).join(', ')}</Table.Cell>
                      <Table.Cell className="kp-num">{row.commentCount}</Table.Cell>
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

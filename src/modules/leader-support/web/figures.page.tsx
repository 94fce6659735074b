import './figures.css';
import { Alert, Link, Paragraph } from '@digdir/designsystemet-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Page } from '../../../web/components/page';
import { ErrorAlert, Loading } from '../../../web/components/status';
import { hasPermission, useSession } from '../../../web/data/session';
import type { Figures, FiguresQuery } from '../figures.schemas';
import { figuresCsvUrl, figuresQuery } from './figures-api';
import { BarChart } from '../../../web/components/charts/bar-chart';
import { ChannelTables, CostSection, FiguresFilters, KpiCards, percentOrNone } from './figures-parts';
import { lineKey, useSupportI18n, type SupportI18n } from './i18n';
import { meQuery } from './requests-api';
import { SupportNav } from './ui';

/**
 * The figures that show whether leader support works (docs/support-metrics.md): KPI cards, charts
 * with tables, per sector and unit with costs, and the CSV. The desk and analysts see all; a leader
 * without leader_support:report sees their own unit's.
 */
export function FiguresPage() {
  const i18n = useSupportI18n();
  const { t } = i18n;
  const { data: session } = useSession();
  const reporter = hasPermission(session, 'leader_support:report');
  const me = useQuery({ ...meQuery, enabled: Boolean(session?.user) && !reporter });

  const [applied, setApplied] = useState<FiguresQuery>({});

  const unitId = reporter ? undefined : me.data?.unit?.id;
  const query: FiguresQuery = { ...applied, ...(unitId ? { unitId } : {}) };
  const figures = useQuery({ ...figuresQuery(query), enabled: reporter || Boolean(unitId) });

  const title = unitId && me.data?.unit ? t('figures.unitTitle', { unit: me.data.unit.name }) : t('figures.title');

  return (
    <Page title={title}>
      <SupportNav />
      <Paragraph>{t('figures.intro')}</Paragraph>
      <FiguresFilters reporter={reporter} sectors={figures.data?.sectors ?? []} onApply={setApplied} />

      {!reporter && me.data && !me.data.unit ? (
        <Alert data-color="info">{t('figures.noUnit.leader')}</Alert>
      ) : figures.isError ? (
        <ErrorAlert error={figures.error} onRetry={() => void figures.refetch()} />
      ) : !figures.data ? (
        <Loading label={t('common.loading')} />
      ) : (
        <FiguresView figures={figures.data} i18n={i18n} csvUrl={figuresCsvUrl(query)} />
      )}
    </Page>
  );
}

function FiguresView({ figures, i18n, csvUrl }: { figures: Figures; i18n: SupportI18n; csvUrl: string }) {
  const { t, number } = i18n;
  const maybePercent = percentOrNone(i18n);
  const hours = (value: number | null) => (value === null ? '–' : t('figures.hours', { value: number(Math.round(value * 10) / 10) }));
  const lineName = (line: number | null) => (line === null ? t('figures.times.allLines') : t(lineKey(line)));

  return (
    <div className="kp-figures" aria-live="polite">
      <Paragraph>
        {t('figures.showing', { from: i18n.date(figures.from), to: i18n.date(figures.to) })}{' '}
        <Link href={csvUrl} download>
          {t('figures.csv')}
        </Link>
      </Paragraph>
      {figures.synthetic.contains && (
        <Alert data-color="warning">{t('figures.synthetic', { count: number(figures.synthetic.count) })}</Alert>
      )}

      <KpiCards figures={figures} i18n={i18n} />

      <section className="kp-figures-section kp-figures-charts">
        <BarChart
          orientation="vertical"
          ordered
          title={t('figures.trend.title')}
          description={t('figures.trend.desc')}
          categories={figures.months.map((m) => m.month)}
          series={[{ name: t('figures.created'), values: figures.months.map((m) => m.created) }]}
          format={number}
          tableToggle={t('figures.showTable')}
          table={{
            heading: t('figures.month'),
            extra: [
              { name: t('figures.selfServiceCount'), values: figures.months.map((m) => number(m.selfService)) },
              { name: t('figures.resolved'), values: figures.months.map((m) => number(m.resolved)) },
              { name: t('figures.firstLineRate'), values: figures.months.map((m) => maybePercent(m.firstLineRate)) },
            ],
          }}
        />
        <BarChart
          title={t('figures.categories.title')}
          description={t('figures.categories.desc')}
          categories={figures.categories.map((c) => i18n.pick(c.name))}
          series={[{ name: t('figures.created'), values: figures.categories.map((c) => c.created) }]}
          format={number}
          tableToggle={t('figures.showTable')}
          table={{
            heading: t('figures.category'),
            extra: [
              { name: t('figures.resolved'), values: figures.categories.map((c) => number(c.resolved)) },
              { name: t('figures.firstLineRate'), values: figures.categories.map((c) => maybePercent(c.firstLineRate)) },
            ],
          }}
        />
        <BarChart
          title={t('figures.times.title')}
          description={t('figures.times.desc')}
          categories={figures.times.map((row) => lineName(row.line))}
          series={[
            { name: t('figures.times.median'), values: figures.times.map((row) => row.resolutionMedianHours) },
            { name: t('figures.times.p90'), values: figures.times.map((row) => row.resolutionP90Hours) },
          ]}
          format={(value) => hours(value)}
          tableToggle={t('figures.showTable')}
          table={{
            heading: t('figures.times.line'),
            extra: [
              { name: t('figures.resolved'), values: figures.times.map((row) => number(row.resolved)) },
              { name: t('figures.times.responseMedian'), values: figures.times.map((row) => hours(row.responseMedianHours)) },
              { name: t('figures.times.responseP90'), values: figures.times.map((row) => hours(row.responseP90Hours)) },
            ],
          }}
        />
        <Paragraph data-size="sm">{t('figures.times.note')}</Paragraph>
        <BarChart
          title={t('figures.backlog.title')}
          description={t('figures.backlog.desc')}
          categories={figures.backlog.buckets.map((b) => t(`figures.backlog.${b.bucket}`))}
          series={[{ name: t('figures.backlog.count'), values: figures.backlog.buckets.map((b) => b.count) }]}
          format={number}
          tableToggle={t('figures.showTable')}
          table={{ heading: t('figures.backlog.age') }}
        />
      </section>

      <ChannelTables figures={figures} i18n={i18n} />

      <CostSection figures={figures} i18n={i18n} />
    </div>
  );
}

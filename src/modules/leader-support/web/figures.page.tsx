import './figures.css';
import {
  Alert,
  Button,
  Card,
  Details,
  Fieldset,
  Heading,
  Label,
  Link,
  Paragraph,
  Radio,
  Select,
  Table,
  Textfield,
} from '@digdir/designsystemet-react';
import { useQuery } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { Page } from '../../../web/components/page';
import { ErrorAlert, Loading } from '../../../web/components/status';
import { hasPermission, useSession } from '../../../web/data/session';
import type { Figures, FiguresQuery } from '../figures.schemas';
import { channels, type Channel } from '../leader-support.schemas';
import { figuresCsvUrl, figuresQuery } from './figures-api';
import { BarChart, ColumnChart } from './figures-charts';
import { channelKey, lineKey, useSupportI18n, type SupportI18n } from './i18n';
import { catalogueQuery, meQuery } from './requests-api';
import { SupportNav } from './ui';

type Preset = 'last12' | 'thisYear' | 'custom';

const norwegianToday = () => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Oslo' }).format(new Date());

function periodOf(preset: Preset, from: string, to: string): { from?: string; to?: string } {
  const today = norwegianToday();
  if (preset === 'thisYear') return { from: `${today.slice(0, 4)}-01-01`, to: today };
  if (preset === 'custom') return { from, to };
  return {};
}

/**
 * The figures that show whether leader support works (docs/support-metrics.md): KPI cards, charts
 * with tables, per sector and unit with costs, and the CSV. The desk and analysts see all; a leader
 * without leader_support:report sees their own unit's.
 */
export function FiguresPage() {
  const i18n = useSupportI18n();
  const { t } = i18n;
  const ids = useId();
  const { data: session } = useSession();
  const reporter = hasPermission(session, 'leader_support:report');
  const me = useQuery({ ...meQuery, enabled: Boolean(session?.user) && !reporter });
  const catalogue = useQuery(catalogueQuery);

  const [preset, setPreset] = useState<Preset>('last12');
  const [dates, setDates] = useState({ from: '', to: '' });
  const [filters, setFilters] = useState<{ categoryId?: string; sectorId?: string; channel?: Channel }>({});
  const [applied, setApplied] = useState<FiguresQuery>({});
  const [dateError, setDateError] = useState(false);

  const unitId = reporter ? undefined : me.data?.unit?.id;
  const query: FiguresQuery = { ...applied, ...(unitId ? { unitId } : {}) };
  const figures = useQuery({ ...figuresQuery(query), enabled: reporter || Boolean(unitId) });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (preset === 'custom' && (!dates.from || !dates.to)) {
      setDateError(true);
      return;
    }
    setDateError(false);
    setApplied({ ...periodOf(preset, dates.from, dates.to), ...filters });
  };

  const title = unitId && me.data?.unit ? t('figures.unitTitle', { unit: me.data.unit.name }) : t('figures.title');
  const categoryOptions = (catalogue.data?.categories ?? [])
    .map((c) => ({ value: c.id, label: i18n.pick(c.name) }))
    .sort((a, b) => i18n.collator.compare(a.label, b.label));
  // The sectors of the answer shown (with a sector chosen, that one: choose «Alle» to see the others again).
  const sectorOptions = (figures.data?.sectors ?? [])
    .flatMap((s) => (s.id ? [{ value: s.id, label: s.name ?? s.id }] : []))
    .sort((a, b) => i18n.collator.compare(a.label, b.label));

  return (
    <Page title={title}>
      <SupportNav />
      <Paragraph>{t('figures.intro')}</Paragraph>
      <form className="kp-figures-filters" onSubmit={submit} role="search" aria-label={t('figures.filters')}>
        <Fieldset>
          <Fieldset.Legend>{t('figures.period')}</Fieldset.Legend>
          <div className="kp-figures-filters__row">
            {(['last12', 'thisYear', 'custom'] as const).map((value) => (
              <Radio
                key={value}
                name={`${ids}-period`}
                value={value}
                label={t(`figures.period.${value}`)}
                checked={preset === value}
                onChange={() => setPreset(value)}
              />
            ))}
          </div>
          {preset === 'custom' && (
            <div className="kp-figures-filters__row">
              <Textfield
                type="date"
                label={t('figures.from')}
                value={dates.from}
                onChange={(event) => setDates({ ...dates, from: event.target.value })}
                error={dateError && !dates.from ? t('figures.error.dates') : undefined}
              />
              <Textfield
                type="date"
                label={t('figures.to')}
                value={dates.to}
                onChange={(event) => setDates({ ...dates, to: event.target.value })}
                error={dateError && !dates.to ? t('figures.error.dates') : undefined}
              />
            </div>
          )}
        </Fieldset>
        <div className="kp-figures-filters__row">
          <div>
            <Label htmlFor={`${ids}-category`}>{t('figures.category')}</Label>
            <Select
              id={`${ids}-category`}
              value={filters.categoryId ?? ''}
              onChange={(event) => setFilters({ ...filters, categoryId: event.target.value || undefined })}
            >
              <option value="">{t('figures.all')}</option>
              {categoryOptions.map((option) => (
                <option key={option.value} value={option.value}>
                  {option.label}
                </option>
              ))}
            </Select>
          </div>
          {reporter && (
            <div>
              <Label htmlFor={`${ids}-sector`}>{t('figures.sector')}</Label>
              <Select
                id={`${ids}-sector`}
                value={filters.sectorId ?? ''}
                onChange={(event) => setFilters({ ...filters, sectorId: event.target.value || undefined })}
              >
                <option value="">{t('figures.all')}</option>
                {sectorOptions.map((option) => (
                  <option key={option.value} value={option.value}>
                    {option.label}
                  </option>
                ))}
              </Select>
            </div>
          )}
          <div>
            <Label htmlFor={`${ids}-channel`}>{t('figures.channel')}</Label>
            <Select
              id={`${ids}-channel`}
              value={filters.channel ?? ''}
              onChange={(event) => setFilters({ ...filters, channel: (event.target.value || undefined) as Channel | undefined })}
            >
              <option value="">{t('figures.all')}</option>
              {channels.map((channel) => (
                <option key={channel} value={channel}>
                  {t(channelKey(channel))}
                </option>
              ))}
            </Select>
          </div>
          <Button type="submit">{t('figures.show')}</Button>
        </div>
      </form>

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
  const { t, number, percent } = i18n;
  const maybePercent = (value: number | null) => (value === null ? t('figures.none') : percent(value));
  const hours = (value: number | null) => (value === null ? '–' : t('figures.hours', { value: number(Math.round(value * 10) / 10) }));
  const kroner = (value: number | null) => (value === null ? t('figures.unknown') : i18n.kroner(value));
  const target = figures.firstLine.targetPercent / 100;
  const rate = figures.firstLine.rate;
  const lineName = (line: number | null) => (line === null ? t('figures.times.allLines') : t(lineKey(line)));
  const rateText = (line: 1 | 2 | 3) => {
    const value = figures.cost.rates[`line${line}`];
    return value === null
      ? t('figures.cost.noRate', { line: t(lineKey(line)) })
      : t('figures.cost.rate', { line: t(lineKey(line)), rate: i18n.kroner(value) });
  };

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

      <section aria-labelledby="kp-figures-kpis" className="kp-figures-section">
        <Heading level={2} data-size="sm" id="kp-figures-kpis">
          {t('figures.kpis')}
        </Heading>
        <div className="kp-figures-cards">
          <Card data-color={rate === null ? 'neutral' : rate >= target ? 'success' : 'warning'}>
            <Heading level={3} data-size="xs">
              {t('figures.kpi.firstLine')}
            </Heading>
            <p className="kp-figures-kpi">{maybePercent(rate)}</p>
            <Paragraph data-size="sm">
              {rate !== null && <strong>{rate >= target ? t('figures.kpi.aboveTarget') : t('figures.kpi.belowTarget')}. </strong>}
              {t('figures.kpi.firstLineOf', {
                count: number(figures.firstLine.firstLine),
                of: number(figures.firstLine.resolved),
                target: percent(target),
              })}
            </Paragraph>
            <Details>
              <Details.Summary>{t('figures.definition')}</Details.Summary>
              <Details.Content>{i18n.pick(figures.firstLine.definition)}</Details.Content>
            </Details>
          </Card>
          <Card>
            <Heading level={3} data-size="xs">
              {t('figures.kpi.selfService')}
            </Heading>
            <p className="kp-figures-kpi">{maybePercent(figures.selfService.share)}</p>
            <Paragraph data-size="sm">
              {t('figures.kpi.selfServiceOf', { count: number(figures.selfService.count), of: number(figures.selfService.of) })}
            </Paragraph>
            <Details>
              <Details.Summary>{t('figures.definition')}</Details.Summary>
              <Details.Content>{i18n.pick(figures.selfService.definition)}</Details.Content>
            </Details>
          </Card>
          <Card>
            <Heading level={3} data-size="xs">
              {t('figures.kpi.sla')}
            </Heading>
            <p className="kp-figures-kpi">{maybePercent(figures.sla.resolution.share)}</p>
            <Paragraph data-size="sm">
              {t('figures.kpi.slaOf', {
                count: number(figures.sla.resolution.count),
                of: number(figures.sla.resolution.of),
                response: maybePercent(figures.sla.response.share),
              })}
            </Paragraph>
          </Card>
          <Card>
            <Heading level={3} data-size="xs">
              {t('figures.kpi.satisfaction')}
            </Heading>
            <p className="kp-figures-kpi">
              {figures.satisfaction.mean === null ? t('figures.none') : number(Math.round(figures.satisfaction.mean * 10) / 10)}
            </p>
            <Paragraph data-size="sm">
              {t('figures.kpi.satisfactionOf', {
                answered: number(figures.satisfaction.answered),
                rate: maybePercent(figures.satisfaction.responseRate),
                sent: number(figures.satisfaction.sent),
              })}
            </Paragraph>
          </Card>
          <Card>
            <Heading level={3} data-size="xs">
              {t('figures.kpi.open')}
            </Heading>
            <p className="kp-figures-kpi">{number(figures.totals.open)}</p>
            <Paragraph data-size="sm">
              {t('figures.kpi.openOf', { created: number(figures.totals.created), resolved: number(figures.totals.resolved) })}
            </Paragraph>
          </Card>
        </div>
      </section>

      <section className="kp-figures-section kp-figures-charts">
        <ColumnChart
          title={t('figures.trend.title')}
          description={t('figures.trend.desc')}
          categories={figures.months.map((m) => m.month)}
          series={[{ name: t('figures.created'), values: figures.months.map((m) => m.created) }]}
          format={number}
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
          table={{ heading: t('figures.backlog.age') }}
        />
      </section>

      <section className="kp-figures-section">
        <div className="kp-figures-pair">
          <Table data-size="sm" zebra>
            <caption>{t('figures.channels.title')}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('figures.channel')}</Table.HeaderCell>
                <Table.HeaderCell className="kp-figures-num">{t('figures.created')}</Table.HeaderCell>
                <Table.HeaderCell className="kp-figures-num">{t('figures.resolved')}</Table.HeaderCell>
                <Table.HeaderCell className="kp-figures-num">{t('figures.firstLineRate')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {figures.channels.map((c) => (
                <Table.Row key={c.channel}>
                  <Table.HeaderCell scope="row">{t(channelKey(c.channel))}</Table.HeaderCell>
                  <Table.Cell className="kp-figures-num">{number(c.created)}</Table.Cell>
                  <Table.Cell className="kp-figures-num">{number(c.resolved)}</Table.Cell>
                  <Table.Cell className="kp-figures-num">
                    {maybePercent(c.resolved > 0 ? c.resolvedFirstLine / c.resolved : null)}
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
          <Table data-size="sm" zebra>
            <caption>{t('figures.satisfaction.title')}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('figures.kpi.satisfaction')}</Table.HeaderCell>
                <Table.HeaderCell className="kp-figures-num">{t('figures.satisfaction.answers')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {figures.satisfaction.distribution.map((n, i) => (
                <Table.Row key={i}>
                  <Table.HeaderCell scope="row">{t('figures.satisfaction.score', { score: i + 1 })}</Table.HeaderCell>
                  <Table.Cell className="kp-figures-num">{number(n)}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
      </section>

      <section aria-labelledby="kp-figures-cost" className="kp-figures-section">
        <Heading level={2} data-size="sm" id="kp-figures-cost">
          {t('figures.cost.title')}
        </Heading>
        <Paragraph data-size="sm">
          {t('figures.cost.text', { rates: ([1, 2, 3] as const).map(rateText).join(', ') })}{' '}
          {figures.cost.total !== null && t('figures.cost.total', { total: i18n.kroner(figures.cost.total) })}
        </Paragraph>
        {figures.cost.linesWithoutRate.length > 0 && (
          <Alert data-color="info">
            {t('figures.cost.unknown', { lines: figures.cost.linesWithoutRate.map((line) => t(lineKey(line))).join(', ') })}
          </Alert>
        )}
        <VolumeTable
          caption={t('figures.sectors.title')}
          heading={t('figures.sector')}
          rows={figures.sectors.map((s) => ({ ...s, key: s.id ?? 'none', name: s.name ?? t('figures.noSector') }))}
          i18n={i18n}
          kroner={kroner}
        />
        <VolumeTable
          caption={t('figures.units.caption', { count: figures.units.length })}
          heading={t('figures.unit')}
          rows={[
            ...figures.units.map((u) => ({ ...u, key: u.id ?? 'none', name: u.name ?? t('figures.noUnit') })),
            ...(figures.otherUnits.units > 0
              ? [{ ...figures.otherUnits, key: 'other', name: t('figures.units.other', { count: figures.otherUnits.units }) }]
              : []),
          ]}
          i18n={i18n}
          kroner={kroner}
        />
      </section>
    </div>
  );
}

function VolumeTable({
  caption,
  heading,
  rows,
  i18n,
  kroner,
}: {
  caption: string;
  heading: string;
  rows: { key: string; name: string; created: number; resolved: number; resolvedFirstLine: number; minutes: number; cost: number | null }[];
  i18n: SupportI18n;
  kroner: (value: number | null) => string;
}) {
  const { t, number, percent } = i18n;
  return (
    <div className="kp-figures-scroll">
      <Table data-size="sm" zebra>
        <caption>{caption}</caption>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell>{heading}</Table.HeaderCell>
            <Table.HeaderCell className="kp-figures-num">{t('figures.created')}</Table.HeaderCell>
            <Table.HeaderCell className="kp-figures-num">{t('figures.resolved')}</Table.HeaderCell>
            <Table.HeaderCell className="kp-figures-num">{t('figures.firstLineRate')}</Table.HeaderCell>
            <Table.HeaderCell className="kp-figures-num">{t('figures.minutes')}</Table.HeaderCell>
            <Table.HeaderCell className="kp-figures-num">{t('figures.cost')}</Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {rows.map((row) => (
            <Table.Row key={row.key}>
              <Table.HeaderCell scope="row">{row.name}</Table.HeaderCell>
              <Table.Cell className="kp-figures-num">{number(row.created)}</Table.Cell>
              <Table.Cell className="kp-figures-num">{number(row.resolved)}</Table.Cell>
              <Table.Cell className="kp-figures-num">{row.resolved > 0 ? percent(row.resolvedFirstLine / row.resolved) : '–'}</Table.Cell>
              <Table.Cell className="kp-figures-num">{number(Math.round((row.minutes / 60) * 10) / 10)}</Table.Cell>
              <Table.Cell className="kp-figures-num">{kroner(row.cost)}</Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </div>
  );
}

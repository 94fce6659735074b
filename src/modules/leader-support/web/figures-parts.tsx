import {
  Alert,
  Button,
  Card,
  Details,
  Fieldset,
  Label,
  Heading,
  Paragraph,
  Radio,
  Select,
  Table,
  Textfield,
} from '@digdir/designsystemet-react';
import { useQuery } from '@tanstack/react-query';
import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { SectionHeading } from '../../../web/components/section-heading';
import type { Figures, FiguresQuery } from '../figures.schemas';
import { channels, type Channel } from '../leader-support.schemas';
import { channelKey, lineKey, useSupportI18n, type SupportI18n } from './i18n';
import { catalogueQuery } from './requests-api';

// The figures page's parts around its charts: the filters, the KPI cards, the tables by channel and
// satisfaction, and the costs per sector and unit.

type Preset = 'last12' | 'thisYear' | 'custom';

const norwegianToday = () => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Oslo' }).format(new Date());

function periodOf(preset: Preset, from: string, to: string): { from?: string; to?: string } {
  const today = norwegianToday();
  if (preset === 'thisYear') return { from: `${today.slice(0, 4)}-01-01`, to: today };
  if (preset === 'custom') return { from, to };
  return {};
}

/** A share in per cent, or «no figure» where nothing was counted. */
export const percentOrNone = (i18n: SupportI18n) => (value: number | null) =>
  value === null ? i18n.t('figures.none') : i18n.percent(value);

/** The period and filters; the figures follow when «Vis» is pressed. */
export function FiguresFilters({
  reporter,
  sectors,
  onApply,
}: {
  reporter: boolean;
  /** The sectors of the answer shown (with a sector chosen, that one: choose «Alle» to see the others again). */
  sectors: Figures['sectors'];
  onApply: (query: FiguresQuery) => void;
}) {
  const i18n = useSupportI18n();
  const { t } = i18n;
  const ids = useId();
  const catalogue = useQuery(catalogueQuery);
  const [preset, setPreset] = useState<Preset>('last12');
  const [dates, setDates] = useState({ from: '', to: '' });
  const [filters, setFilters] = useState<{ categoryId?: string; sectorId?: string; channel?: Channel }>({});
  const [dateError, setDateError] = useState(false);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (preset === 'custom' && (!dates.from || !dates.to)) {
      setDateError(true);
      return;
    }
    setDateError(false);
    onApply({ ...periodOf(preset, dates.from, dates.to), ...filters });
  };
  const categoryOptions = (catalogue.data?.categories ?? [])
    .map((c) => ({ value: c.id, label: i18n.pick(c.name) }))
    .sort((a, b) => i18n.collator.compare(a.label, b.label));
  const sectorOptions = sectors
    .flatMap((s) => (s.id ? [{ value: s.id, label: s.name ?? s.id }] : []))
    .sort((a, b) => i18n.collator.compare(a.label, b.label));

  return (
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
  );
}

/** The KPI cards: first-line resolution against its target, self-service, deadlines, satisfaction, open. */
export function KpiCards({ figures, i18n }: { figures: Figures; i18n: SupportI18n }) {
  const { t, number, percent } = i18n;
  const maybePercent = percentOrNone(i18n);
  const target = figures.firstLine.targetPercent / 100;
  const rate = figures.firstLine.rate;
  return (
    <section aria-labelledby="kp-figures-kpis" className="kp-figures-section">
      <SectionHeading id="kp-figures-kpis">{t('figures.kpis')}</SectionHeading>
      <div className="kp-figures-cards">
        <KpiCard
          color={rate === null ? 'neutral' : rate >= target ? 'success' : 'warning'}
          title={t('figures.kpi.firstLine')}
          value={maybePercent(rate)}
          definition={i18n.pick(figures.firstLine.definition)}
        >
          {rate !== null && <strong>{rate >= target ? t('figures.kpi.aboveTarget') : t('figures.kpi.belowTarget')}. </strong>}
          {t('figures.kpi.firstLineOf', {
            count: number(figures.firstLine.firstLine),
            of: number(figures.firstLine.resolved),
            target: percent(target),
          })}
        </KpiCard>
        <KpiCard
          title={t('figures.kpi.selfService')}
          value={maybePercent(figures.selfService.share)}
          definition={i18n.pick(figures.selfService.definition)}
        >
          {t('figures.kpi.selfServiceOf', { count: number(figures.selfService.count), of: number(figures.selfService.of) })}
        </KpiCard>
        <KpiCard title={t('figures.kpi.sla')} value={maybePercent(figures.sla.resolution.share)}>
          {t('figures.kpi.slaOf', {
            count: number(figures.sla.resolution.count),
            of: number(figures.sla.resolution.of),
            response: maybePercent(figures.sla.response.share),
          })}
        </KpiCard>
        <KpiCard
          title={t('figures.kpi.satisfaction')}
          value={figures.satisfaction.mean === null ? t('figures.none') : number(Math.round(figures.satisfaction.mean * 10) / 10)}
        >
          {t('figures.kpi.satisfactionOf', {
            answered: number(figures.satisfaction.answered),
            rate: maybePercent(figures.satisfaction.responseRate),
            sent: number(figures.satisfaction.sent),
          })}
        </KpiCard>
        <KpiCard title={t('figures.kpi.open')} value={number(figures.totals.open)}>
          {t('figures.kpi.openOf', { created: number(figures.totals.created), resolved: number(figures.totals.resolved) })}
        </KpiCard>
      </div>
    </section>
  );
}

/** One KPI: its name, the figure large, a line on what it counts, and its definition where there is one. */
function KpiCard({
  title,
  value,
  color,
  definition,
  children,
}: {
  title: string;
  value: string;
  color?: 'neutral' | 'success' | 'warning';
  definition?: string;
  children: ReactNode;
}) {
  const { t } = useSupportI18n();
  return (
    <Card data-color={color}>
      <Heading level={3} data-size="xs">
        {title}
      </Heading>
      <p className="kp-figures-kpi">{value}</p>
      <Paragraph data-size="sm">{children}</Paragraph>
      {definition && (
        <Details>
          <Details.Summary>{t('figures.definition')}</Details.Summary>
          <Details.Content>{definition}</Details.Content>
        </Details>
      )}
    </Card>
  );
}

/** Requests by channel, and the satisfaction answers by score. */
export function ChannelTables({ figures, i18n }: { figures: Figures; i18n: SupportI18n }) {
  const { t, number } = i18n;
  const maybePercent = percentOrNone(i18n);
  return (
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
                <Table.Cell className="kp-figures-num">{maybePercent(c.resolved > 0 ? c.resolvedFirstLine / c.resolved : null)}</Table.Cell>
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
  );
}

/** What the time spent cost, per sector and unit, at the lines' rates. */
export function CostSection({ figures, i18n }: { figures: Figures; i18n: SupportI18n }) {
  const { t } = i18n;
  const kroner = (value: number | null) => (value === null ? t('figures.unknown') : i18n.kroner(value));
  const rateText = (line: 1 | 2 | 3) => {
    const value = figures.cost.rates[`line${line}`];
    return value === null
      ? t('figures.cost.noRate', { line: t(lineKey(line)) })
      : t('figures.cost.rate', { line: t(lineKey(line)), rate: i18n.kroner(value) });
  };
  return (
    <section aria-labelledby="kp-figures-cost" className="kp-figures-section">
      <SectionHeading id="kp-figures-cost">{t('figures.cost.title')}</SectionHeading>
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

import './imports.css';
import { Button, Checkbox, Fieldset, Label, Paragraph, Select, Table, Textfield } from '@digdir/designsystemet-react';
import { useQuery } from '@tanstack/react-query';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useId, useState, type FormEvent } from 'react';
import { Page } from '../../../web/components/page';
import { ErrorAlert, Loading } from '../../../web/components/status';
import { ComparisonChart } from './comparison-chart';
import { validateComparisonSearch, type ComparisonSearch } from './comparison-search';
import { useSteeringI18n } from './i18n';
import { comparisonParams, fetchComparison, fetchImportIndicators, fetchRegions } from './imports-api';
import { SteeringNav } from './ui';
import { SectionHeading } from '../../../web/components/section-heading';
import { EmptyState } from '../../../web/components/empty-state';

/** /styring/sammenligning: an indicator for Drammen beside chosen municipalities and KOSTRA groups, over the years. */
export function ComparisonPage() {
  const { t } = useSteeringI18n();
  const search = validateComparisonSearch(useSearch({ strict: false }) as Record<string, unknown>);
  return (
    <Page title={t('comparison.title')}>
      <SteeringNav />
      <Paragraph className="kp-lead">{t('comparison.lead')}</Paragraph>
      {/* Keyed by the URL: back/forward or a shared link starts the form from that choice. */}
      <ComparisonForm key={JSON.stringify(search)} search={search} />
      {search.indicator ? (
        <ComparisonResult search={{ ...search, indicator: search.indicator }} />
      ) : (
        <Paragraph>{t('comparison.chooseIndicator')}</Paragraph>
      )}
    </Page>
  );
}

function ComparisonForm({ search }: { search: ComparisonSearch }) {
  const { t } = useSteeringI18n();
  const ids = useId();
  const navigate = useNavigate();
  const indicators = useQuery({ queryKey: ['steering', 'imports', 'indicators'], queryFn: fetchImportIndicators });
  const regions = useQuery({ queryKey: ['steering', 'regions'], queryFn: fetchRegions });
  const [indicator, setIndicator] = useState(search.indicator ?? '');
  const [chosen, setChosen] = useState<string[]>(search.regions ? search.regions.split(',') : []);
  const [from, setFrom] = useState(search.from ? String(search.from) : '');
  const [to, setTo] = useState(search.to ? String(search.to) : '');
  const [tried, setTried] = useState(false);

  const isYear = (v: string) => v === '' || /^\d{4}$/.test(v);
  const errors = {
    from: !isYear(from) ? t('comparison.yearInvalid') : undefined,
    to: !isYear(to)
      ? t('comparison.yearInvalid')
      : from && to && isYear(from) && isYear(to) && Number(from) > Number(to)
        ? t('comparison.yearOrder')
        : undefined,
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (errors.from || errors.to) return;
    const next: ComparisonSearch = {};
    if (indicator) next.indicator = indicator;
    if (chosen.length > 0) next.regions = chosen.join(',');
    if (from) next.from = Number(from);
    if (to) next.to = Number(to);
    void navigate({ to: '/styring/sammenligning', search: next as never });
  };

  if (indicators.isPending || regions.isPending) return <Loading />;
  if (indicators.isError) return <ErrorAlert error={indicators.error} onRetry={() => void indicators.refetch()} />;
  if (regions.isError) return <ErrorAlert error={regions.error} onRetry={() => void regions.refetch()} />;
  const others = regions.data.items.filter((r) => !r.own);

  return (
    <form className="kp-st-comparison-form" onSubmit={submit} noValidate aria-labelledby={`${ids}-heading`}>
      <SectionHeading id={`${ids}-heading`}>{t('comparison.filters')}</SectionHeading>
      <div>
        <Label htmlFor={`${ids}-indicator`}>{t('imports.indicator')}</Label>
        <Select id={`${ids}-indicator`} value={indicator} onChange={(event) => setIndicator(event.target.value)}>
          <option value="">{t('imports.indicatorChoose')}</option>
          {indicators.data.items.map((item) => (
            <option key={item.key} value={item.key}>
              {item.name}
            </option>
          ))}
        </Select>
      </div>
      <Fieldset>
        <Fieldset.Legend>{t('comparison.regions')}</Fieldset.Legend>
        {others.length === 0 ? (
          <Paragraph data-size="sm">{t('comparison.regionsNone')}</Paragraph>
        ) : (
          <div className="kp-st-regions">
            {others.map((region) => (
              <Checkbox
                key={region.code}
                label={`${region.label} (${region.code})`}
                value={region.code}
                checked={chosen.includes(region.code)}
                onChange={(event) =>
                  setChosen((current) => (event.target.checked ? [...current, region.code] : current.filter((c) => c !== region.code)))
                }
              />
            ))}
          </div>
        )}
      </Fieldset>
      <div className="kp-st-years">
        <Textfield
          label={t('comparison.from')}
          inputMode="numeric"
          value={from}
          onChange={(event) => setFrom(event.target.value.trim())}
          error={tried ? errors.from : undefined}
        />
        <Textfield
          label={t('comparison.to')}
          inputMode="numeric"
          value={to}
          onChange={(event) => setTo(event.target.value.trim())}
          error={tried ? errors.to : undefined}
        />
      </div>
      <div>
        <Button type="submit">{t('comparison.show')}</Button>
      </div>
    </form>
  );
}

function ComparisonResult({ search }: { search: ComparisonSearch & { indicator: string } }) {
  const { t, number } = useSteeringI18n();
  const ids = useId();
  const comparison = useQuery({ queryKey: ['steering', 'comparison', search], queryFn: () => fetchComparison(search) });
  if (comparison.isPending) return <Loading />;
  if (comparison.isError) return <ErrorAlert error={comparison.error} onRetry={() => void comparison.refetch()} />;
  const { indicator, periods, series } = comparison.data;
  const shown = series.filter((s) => s.values.length > 0);
  const unit = indicator.unitOfMeasure ? ` (${indicator.unitOfMeasure})` : '';
  const exportUrl = (format: 'csv' | 'xlsx') => `/api/steering/comparison?${comparisonParams(search).toString()}&format=${format}`;
  return (
    <section aria-labelledby={`${ids}-heading`}>
      <SectionHeading id={`${ids}-heading`}>
        {indicator.name}
        {unit}
      </SectionHeading>
      {periods.length === 0 || shown.length === 0 ? (
        <EmptyState>{t('comparison.empty')}</EmptyState>
      ) : (
        <>
          <ComparisonChart
            title={t('comparison.chart', { name: indicator.name })}
            description={t('comparison.chartDescription')}
            periods={periods}
            series={shown}
            format={number}
          />
          <div className="kp-table-scroll">
            <Table>
              <caption>{t('comparison.table', { name: indicator.name })}</caption>
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell>{t('comparison.period')}</Table.HeaderCell>
                  {series.map((s) => (
                    <Table.HeaderCell key={s.region ?? 'own'}>
                      {s.label}
                      {s.own ? ` ${t('comparison.own')}` : s.region && s.region !== s.label ? ` (${s.region})` : ''}
                    </Table.HeaderCell>
                  ))}
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {periods.map((period) => (
                  <Table.Row key={period}>
                    <Table.HeaderCell scope="row">{period}</Table.HeaderCell>
                    {series.map((s) => {
                      const value = s.values.find((v) => v.period === period);
                      return (
                        <Table.Cell key={s.region ?? 'own'}>
                          {value ? (
                            number(value.value)
                          ) : (
                            <>
                              <span aria-hidden="true">–</span>
                              <span className="ds-sr-only">{t('comparison.missing')}</span>
                            </>
                          )}
                        </Table.Cell>
                      );
                    })}
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          </div>
          <div className="kp-st-actions">
            <span>{t('comparison.export')}:</span>
            <a href={exportUrl('csv')} download>
              {t('comparison.exportCsv')}
            </a>
            <a href={exportUrl('xlsx')} download>
              {t('comparison.exportXlsx')}
            </a>
          </div>
        </>
      )}
    </section>
  );
}

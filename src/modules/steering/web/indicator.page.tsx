import { Alert, Button, Details, Heading, Label, Link, Paragraph, Select, Table, Textarea, Textfield } from '@digdir/designsystemet-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link as RouterLink, useParams } from '@tanstack/react-router';
import { useId, useState, type FormEvent } from 'react';
import { Page } from '../../../web/components/page';
import { ErrorAlert, Loading } from '../../../web/components/status';
import type { IndicatorDetail } from '../indicators.schemas';
import { TrendChart } from './indicator-charts';
import { addComment, indicatorQuery, putTargets, putValues, refreshIndicator, updateIndicator } from './indicators-api';
import { useSteeringI18n } from './i18n';
import { StatusLabel } from './status-label';
import { SteeringNav } from './ui';
import './indicators.css';

const parseNumber = (text: string): number | null => {
  const cleaned = text.replace(/\s/g, '').replace(',', '.');
  if (cleaned === '') return null;
  const value = Number(cleaned);
  return Number.isFinite(value) ? value : Number.NaN;
};

/** /styring/indikatorer/$key: definition, trend, values, owners, comments and measures. */
export function IndicatorPage() {
  const { key = '' } = useParams({ strict: false }) as { key?: string };
  const { t } = useSteeringI18n();
  const indicator = useQuery(indicatorQuery(key));
  return (
    <Page title={indicator.data?.name ?? t('indicators.detail.title')}>
      <SteeringNav />
      {indicator.isPending ? (
        <Loading />
      ) : indicator.isError ? (
        <ErrorAlert error={indicator.error} onRetry={() => void indicator.refetch()} />
      ) : (
        <IndicatorView detail={indicator.data} />
      )}
    </Page>
  );
}

function IndicatorView({ detail }: { detail: IndicatorDetail }) {
  const { t, number } = useSteeringI18n();
  const ids = useId();
  const unit = detail.unitOfMeasure;
  const fmt = (v: number | null) => (v === null ? '–' : `${number(v)} ${unit}`.trim());
  return (
    <>
      {detail.synthetic && <Alert data-color="info">{t('indicators.detail.synthetic')}</Alert>}
      <dl className="kp-dl">
        <dt>{t('indicators.detail.status')}</dt>
        <dd>
          <StatusLabel status={detail.status} /> {detail.latest ? `${fmt(detail.latest.value)} (${detail.latest.period})` : ''}
        </dd>
        <dt>{t('indicators.detail.definition')}</dt>
        <dd>{detail.definition ?? '–'}</dd>
        <dt>{t('indicators.detail.direction')}</dt>
        <dd>{t(`indicators.direction.${detail.direction}`)}</dd>
        <dt>{t('indicators.detail.frequency')}</dt>
        <dd>{t(`indicators.frequency.${detail.frequency}`)}</dd>
        <dt>{t('indicators.detail.dataSource')}</dt>
        <dd>{t(`indicators.dataSource.${detail.dataSource}`)}</dd>
        <dt>{t('indicators.detail.thresholds')}</dt>
        <dd>
          {detail.greenAt === null
            ? t('indicators.detail.noThresholds')
            : t('indicators.detail.thresholdText', { green: fmt(detail.greenAt), red: fmt(detail.redAt) })}
        </dd>
        <dt>{t('indicators.detail.area')}</dt>
        <dd>
          {detail.area ? (
            <Link asChild>
              <RouterLink to="/styring/indikatorer" search={{ omrade: detail.area.code }}>
                {detail.area.code} {detail.area.name}
              </RouterLink>
            </Link>
          ) : (
            '–'
          )}
        </dd>
        <dt>{t('indicators.detail.owners')}</dt>
        <dd>{detail.owners.map((o) => o.name).join(', ')}</dd>
        <dt>{t('indicators.detail.goals')}</dt>
        <dd>{detail.goals.length ? detail.goals.map((g) => g.title).join('; ') : '–'}</dd>
        <dt>{t('indicators.detail.source')}</dt>
        <dd>{detail.source ?? '–'}</dd>
      </dl>

      <Heading level={2} data-size="sm" id={`${ids}-trend`}>
        {t('indicators.detail.trend')}
      </Heading>
      {detail.series.some((p) => p.value !== null) ? (
        <>
          <TrendChart series={detail.series} greenAt={detail.greenAt} redAt={detail.redAt} unit={unit} titleId={`${ids}-trend`} />
          <div className="kp-st-table-wrap">
            <Table zebra data-size="sm">
              <caption>{t('indicators.detail.valuesCaption')}</caption>
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell>{t('indicators.col.period')}</Table.HeaderCell>
                  <Table.HeaderCell className="kp-num">{t('indicators.col.value')}</Table.HeaderCell>
                  <Table.HeaderCell className="kp-num">{t('indicators.col.target')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('indicators.col.status')}</Table.HeaderCell>
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {detail.series.map((p) => (
                  <Table.Row key={p.period}>
                    <Table.Cell>{p.period}</Table.Cell>
                    <Table.Cell className="kp-num">{fmt(p.value)}</Table.Cell>
                    <Table.Cell className="kp-num">{fmt(p.target)}</Table.Cell>
                    <Table.Cell>
                      <StatusLabel status={p.status} />
                    </Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          </div>
        </>
      ) : (
        <Paragraph>{t('indicators.detail.noValues')}</Paragraph>
      )}

      {(detail.units.length > 0 || detail.districts.length > 0) && (
        <Details>
          <Details.Summary>
            {t('indicators.detail.perUnit', { units: detail.units.length, districts: detail.districts.length })}
          </Details.Summary>
          <Details.Content>
            <div className="kp-st-table-wrap">
              <Table zebra data-size="sm">
                <caption>{t('indicators.detail.perUnitCaption')}</caption>
                <Table.Head>
                  <Table.Row>
                    <Table.HeaderCell>{t('indicators.col.unit')}</Table.HeaderCell>
                    <Table.HeaderCell>{t('indicators.col.values')}</Table.HeaderCell>
                  </Table.Row>
                </Table.Head>
                <Table.Body>
                  {detail.units.slice(0, 200).map((row) => (
                    <Table.Row key={row.unit.id}>
                      <Table.Cell>{row.unit.name}</Table.Cell>
                      <Table.Cell>{row.values.map((v) => `${v.period}: ${number(v.value)}`).join(' · ')}</Table.Cell>
                    </Table.Row>
                  ))}
                  {detail.districts.map((row) => (
                    <Table.Row key={row.district}>
                      <Table.Cell>{t('indicators.detail.district', { n: row.district })}</Table.Cell>
                      <Table.Cell>{row.values.map((v) => `${v.period}: ${number(v.value)}`).join(' · ')}</Table.Cell>
                    </Table.Row>
                  ))}
                </Table.Body>
              </Table>
            </div>
          </Details.Content>
        </Details>
      )}

      <Comments detail={detail} />
      {detail.mayCommentFor.length > 0 && <CommentForm detail={detail} />}
      {detail.mayEdit && (
        <>
          <ValueForm detail={detail} />
          <ThresholdForm detail={detail} />
        </>
      )}
    </>
  );
}

function Comments({ detail }: { detail: IndicatorDetail }) {
  const { t, date } = useSteeringI18n();
  return (
    <section aria-labelledby="kp-st-comments">
      <Heading level={2} data-size="sm" id="kp-st-comments">
        {t('indicators.comments.title')}
      </Heading>
      {detail.comments.length === 0 ? (
        <Paragraph>{t('indicators.comments.none')}</Paragraph>
      ) : (
        <ul className="kp-st-comment-list">
          {detail.comments.map((c) => (
            <li key={c.id}>
              <Paragraph data-size="sm">
                <strong>{c.unit?.name ?? t('indicators.comments.analysis')}</strong> · {c.authorName} · {date(c.createdAt)}
                {c.period ? ` · ${t('indicators.col.period')} ${c.period}` : ''}
              </Paragraph>
              <Paragraph>{c.body}</Paragraph>
              {c.measure && (
                <Paragraph>
                  <strong>{t('indicators.comments.measure')}:</strong> {c.measure}
                </Paragraph>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function CommentForm({ detail }: { detail: IndicatorDetail }) {
  const { t } = useSteeringI18n();
  const ids = useId();
  const client = useQueryClient();
  const [unitId, setUnitId] = useState(detail.mayCommentFor[0]!.id);
  const [period, setPeriod] = useState(detail.latest?.period ?? '');
  const [body, setBody] = useState('');
  const [measure, setMeasure] = useState('');
  const [missing, setMissing] = useState(false);
  const [saved, setSaved] = useState(false);
  const mutation = useMutation({
    mutationFn: () => addComment(detail.key, { unitId, period: period || null, body, measure: measure || null }),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    if (!body.trim()) {
      setMissing(true);
      document.getElementById(`${ids}-body`)?.focus();
      return;
    }
    setMissing(false);
    void mutation.mutateAsync().then(() => {
      setBody('');
      setMeasure('');
      setSaved(true);
      return client.invalidateQueries({ queryKey: ['steering'] });
    });
  };
  return (
    <form className="kp-st-form" onSubmit={submit} aria-labelledby={`${ids}-h`} noValidate>
      <Heading level={2} data-size="sm" id={`${ids}-h`}>
        {t('indicators.comments.add')}
      </Heading>
      {mutation.isError && <ErrorAlert error={mutation.error} />}
      {saved && (
        <Alert data-color="success" role="status">
          {t('indicators.comments.saved')}
        </Alert>
      )}
      <div>
        <Label htmlFor={`${ids}-unit`}>{t('indicators.comments.unit')}</Label>
        <Select id={`${ids}-unit`} value={unitId} onChange={(e) => setUnitId(e.target.value)}>
          {detail.mayCommentFor.map((u) => (
            <option key={u.id} value={u.id}>
              {u.name}
            </option>
          ))}
        </Select>
      </div>
      <Textfield
        id={`${ids}-period`}
        label={t('indicators.comments.period')}
        value={period}
        onChange={(e) => setPeriod(e.target.value)}
        size={10}
      />
      <Label htmlFor={`${ids}-body`}>{t('indicators.comments.body')}</Label>
      <Textarea
        id={`${ids}-body`}
        aria-describedby={missing ? `${ids}-body-error` : undefined}
        aria-invalid={missing || undefined}
        value={body}
        onChange={(e) => setBody(e.target.value)}
        rows={4}
      />
      {missing && (
        <Paragraph id={`${ids}-body-error`} data-color="danger">
          {t('indicators.comments.bodyRequired')}
        </Paragraph>
      )}
      <Label htmlFor={`${ids}-measure`}>{t('indicators.comments.measure')}</Label>
      <Textarea id={`${ids}-measure`} value={measure} onChange={(e) => setMeasure(e.target.value)} rows={3} />
      <div>
        <Button type="submit" disabled={mutation.isPending}>
          {t('indicators.comments.submit')}
        </Button>
      </div>
    </form>
  );
}

function ValueForm({ detail }: { detail: IndicatorDetail }) {
  const { t } = useSteeringI18n();
  const ids = useId();
  const client = useQueryClient();
  const [period, setPeriod] = useState('');
  const [value, setValue] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const save = useMutation({ mutationFn: (v: number | null) => putValues(detail.key, { values: [{ period: period.trim(), value: v }] }) });
  const refresh = useMutation({ mutationFn: () => refreshIndicator(detail.key) });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    const parsed = parseNumber(value);
    if (!period.trim() || parsed === null || Number.isNaN(parsed)) {
      setProblem(t('indicators.values.invalid'));
      return;
    }
    setProblem(null);
    void save.mutateAsync(parsed).then(() => {
      setSaved(true);
      setValue('');
      return client.invalidateQueries({ queryKey: ['steering'] });
    });
  };
  return (
    <form className="kp-st-form" onSubmit={submit} aria-labelledby={`${ids}-h`} noValidate>
      <Heading level={2} data-size="sm" id={`${ids}-h`}>
        {t('indicators.values.title')}
      </Heading>
      {problem && (
        <Alert data-color="danger" role="alert">
          {problem}
        </Alert>
      )}
      {save.isError && <ErrorAlert error={save.error} />}
      {saved && (
        <Alert data-color="success" role="status">
          {t('indicators.values.saved')}
        </Alert>
      )}
      <Textfield
        id={`${ids}-period`}
        label={t('indicators.values.period')}
        description={t(`indicators.values.periodHelp.${detail.frequency}`)}
        value={period}
        onChange={(e) => setPeriod(e.target.value)}
        size={10}
      />
      <Textfield
        id={`${ids}-value`}
        label={t('indicators.values.value', { unit: detail.unitOfMeasure || '–' })}
        inputMode="decimal"
        value={value}
        onChange={(e) => setValue(e.target.value)}
        size={10}
      />
      <div>
        <Button type="submit" disabled={save.isPending}>
          {t('indicators.values.save')}
        </Button>
      </div>
      {detail.dataSource === 'leader_support' && (
        <div>
          <Paragraph data-size="sm">{t('indicators.values.refreshHelp')}</Paragraph>
          {refresh.isError && <ErrorAlert error={refresh.error} />}
          {refresh.isSuccess && (
            <Alert data-color="success" role="status">
              {t('indicators.values.refreshed', { n: refresh.data.written })}
            </Alert>
          )}
          <Button
            type="button"
            variant="secondary"
            disabled={refresh.isPending}
            onClick={() => void refresh.mutateAsync().then(() => client.invalidateQueries({ queryKey: ['steering'] }))}
          >
            {t('indicators.values.refresh')}
          </Button>
        </div>
      )}
    </form>
  );
}

function ThresholdForm({ detail }: { detail: IndicatorDetail }) {
  const { t } = useSteeringI18n();
  const ids = useId();
  const client = useQueryClient();
  const [green, setGreen] = useState(detail.greenAt === null ? '' : String(detail.greenAt));
  const [red, setRed] = useState(detail.redAt === null ? '' : String(detail.redAt));
  const [targetPeriod, setTargetPeriod] = useState('');
  const [target, setTarget] = useState('');
  const [saved, setSaved] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: (values: { greenAt: number | null; redAt: number | null }) =>
      updateIndicator(detail.key, {
        revision: detail.revision,
        name: detail.name,
        definition: detail.definition,
        unitOfMeasure: detail.unitOfMeasure,
        direction: detail.direction,
        frequency: detail.frequency,
        dataSource: detail.dataSource,
        areaCode: detail.area?.code ?? null,
        ownerUnitIds: detail.owners.map((o) => o.id),
        goalIds: detail.goals.map((g) => g.id),
        source: detail.source,
        ...values,
      }),
  });
  const saveTarget = useMutation({
    mutationFn: (value: number | null) => putTargets(detail.key, { targets: [{ period: targetPeriod.trim(), target: value }] }),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSaved(null);
    const greenAt = parseNumber(green);
    const redAt = parseNumber(red);
    if (Number.isNaN(greenAt) || Number.isNaN(redAt)) {
      setProblem(t('indicators.thresholds.notNumber'));
      return;
    }
    setProblem(null);
    void save.mutateAsync({ greenAt, redAt }).then(() => {
      setSaved(t('indicators.thresholds.saved'));
      return client.invalidateQueries({ queryKey: ['steering'] });
    });
  };
  const submitTarget = (event: FormEvent) => {
    event.preventDefault();
    setSaved(null);
    const value = parseNumber(target);
    if (!targetPeriod.trim() || Number.isNaN(value)) {
      setProblem(t('indicators.values.invalid'));
      return;
    }
    setProblem(null);
    void saveTarget.mutateAsync(value).then(() => {
      setSaved(t('indicators.targets.saved'));
      return client.invalidateQueries({ queryKey: ['steering'] });
    });
  };
  return (
    <section aria-labelledby={`${ids}-h`}>
      <Heading level={2} data-size="sm" id={`${ids}-h`}>
        {t('indicators.thresholds.title')}
      </Heading>
      {problem && (
        <Alert data-color="danger" role="alert">
          {problem}
        </Alert>
      )}
      {save.isError && <ErrorAlert error={save.error} />}
      {saveTarget.isError && <ErrorAlert error={saveTarget.error} />}
      {saved && (
        <Alert data-color="success" role="status">
          {saved}
        </Alert>
      )}
      <form className="kp-st-form" onSubmit={submit} noValidate>
        <Paragraph data-size="sm">{t(`indicators.thresholds.help.${detail.direction}`)}</Paragraph>
        <Textfield
          id={`${ids}-green`}
          label={t('indicators.thresholds.green')}
          inputMode="decimal"
          value={green}
          onChange={(e) => setGreen(e.target.value)}
          size={10}
        />
        <Textfield
          id={`${ids}-red`}
          label={t('indicators.thresholds.red')}
          inputMode="decimal"
          value={red}
          onChange={(e) => setRed(e.target.value)}
          size={10}
        />
        <div>
          <Button type="submit" variant="secondary" disabled={save.isPending}>
            {t('indicators.thresholds.save')}
          </Button>
        </div>
      </form>
      <form className="kp-st-form" onSubmit={submitTarget} noValidate>
        <Textfield
          id={`${ids}-tperiod`}
          label={t('indicators.targets.period')}
          value={targetPeriod}
          onChange={(e) => setTargetPeriod(e.target.value)}
          size={10}
        />
        <Textfield
          id={`${ids}-target`}
          label={t('indicators.targets.target')}
          inputMode="decimal"
          value={target}
          onChange={(e) => setTarget(e.target.value)}
          size={10}
        />
        <div>
          <Button type="submit" variant="secondary" disabled={saveTarget.isPending}>
            {t('indicators.targets.save')}
          </Button>
        </div>
      </form>
    </section>
  );
}

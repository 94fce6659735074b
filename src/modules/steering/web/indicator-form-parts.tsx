import { Alert, Button, Label, Paragraph, Select, Textarea, Textfield } from '@digdir/designsystemet-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { SectionHeading } from '../../../web/components/section-heading';
import { ErrorAlert } from '../../../web/components/status';
import type { IndicatorDetail } from '../indicators.schemas';
import { addComment, putTargets, putValues, refreshIndicator, updateIndicator } from './indicators-api';
import { useSteeringI18n } from './i18n';

// The forms on an indicator's page: a comment from a unit, a value, and the thresholds and targets.

/** '1 234,5' → 1234.5; empty → null; not a number → NaN. */
const parseNumber = (text: string): number | null => {
  const cleaned = text.replace(/\s/g, '').replace(',', '.');
  if (cleaned === '') return null;
  const value = Number(cleaned);
  return Number.isFinite(value) ? value : Number.NaN;
};

export function CommentForm({ detail }: { detail: IndicatorDetail }) {
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
      <SectionHeading id={`${ids}-h`}>{t('indicators.comments.add')}</SectionHeading>
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

export function ValueForm({ detail }: { detail: IndicatorDetail }) {
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
      <SectionHeading id={`${ids}-h`}>{t('indicators.values.title')}</SectionHeading>
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

export function ThresholdForm({ detail }: { detail: IndicatorDetail }) {
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
      <SectionHeading id={`${ids}-h`}>{t('indicators.thresholds.title')}</SectionHeading>
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

import './imports.css';
import {
  Button,
  ErrorSummary,
  Fieldset,
  Heading,
  Label,
  Paragraph,
  Radio,
  Select,
  Table,
  ValidationMessage,
} from '@digdir/designsystemet-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link as RouterLink } from '@tanstack/react-router';
import { useEffect, useId, useRef, useState, type ComponentRef, type FormEvent } from 'react';
import { ProgressBar } from '../../../web/components/import-export/progress';
import { Page } from '../../../web/components/page';
import { ErrorAlert, Loading } from '../../../web/components/status';
import { hasPermission, useSession } from '../../../web/data/session';
import type { ImportView } from '../imports.schemas';
import { useSteeringI18n, type SteeringKey } from './i18n';
import {
  csvUploadMaxBytes,
  fetchImport,
  fetchImportIndicators,
  fetchImports,
  jsonStatUploadMaxBytes,
  uploadIndicatorFile,
  type ImportKind,
} from './imports-api';
import { SteeringNav } from './ui';

type Phase =
  | { phase: 'idle' }
  | { phase: 'sending'; sent: number; total: number }
  | { phase: 'processing'; done: number; total: number }
  | { phase: 'finished'; view: ImportView }
  | { phase: 'failed'; error: unknown };

const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);

/** /styring/import: an analyst uploads a JSON-stat 2 file from SSB or a CSV file into an indicator. */
export function ImportPage() {
  const { t } = useSteeringI18n();
  const { data: session } = useSession();
  const canWrite = hasPermission(session, 'steering:write');
  return (
    <Page title={t('imports.title')}>
      <SteeringNav />
      <Paragraph className="kp-lead">{t('imports.lead')}</Paragraph>
      {canWrite ? <ImportForm csrfToken={session?.csrfToken ?? null} /> : <Paragraph>{t('imports.noAccess')}</Paragraph>}
      {canWrite && <RecentImports />}
    </Page>
  );
}

function ImportForm({ csrfToken }: { csrfToken: string | null }) {
  const { t, language, number, pick } = useSteeringI18n();
  const ids = useId();
  const queryClient = useQueryClient();
  const indicators = useQuery({ queryKey: ['steering', 'imports', 'indicators'], queryFn: fetchImportIndicators });
  const [indicator, setIndicator] = useState('');
  const [kind, setKind] = useState<ImportKind>('jsonstat');
  const [file, setFile] = useState<File | null>(null);
  const [tried, setTried] = useState(false);
  const [state, setState] = useState<Phase>({ phase: 'idle' });
  const summaryRef = useRef<ComponentRef<typeof ErrorSummary>>(null);
  const resultRef = useRef<HTMLHeadingElement>(null);
  const uploadId = useRef<string | null>(null);
  const sentAll = useRef(false);

  const maxBytes = kind === 'csv' ? csvUploadMaxBytes : jsonStatUploadMaxBytes;
  const errors = {
    indicator: indicator ? undefined : t('imports.indicatorRequired'),
    file: !file
      ? t('imports.fileRequired')
      : file.size > maxBytes
        ? t('imports.fileTooLarge', { size: mb(file.size), max: Math.round(maxBytes / 1024 / 1024) })
        : undefined,
  };
  const shown: Partial<typeof errors> = tried ? errors : {};
  const hasErrors = Boolean(errors.indicator || errors.file);
  const busy = state.phase === 'sending' || state.phase === 'processing';

  // While the server reads the file, ask it how far it has come (it records progress about once a second).
  useEffect(() => {
    if (state.phase !== 'processing' || !uploadId.current) return;
    const id = uploadId.current;
    let stopped = false;
    const timer = window.setInterval(() => {
      fetchImport(id)
        .then((view) => {
          if (!stopped && view.status === 'running')
            setState((s) =>
              s.phase === 'processing' ? { phase: 'processing', done: view.bytesDone, total: view.bytesTotal || s.total } : s,
            );
        })
        .catch(() => {});
    }, 700);
    return () => {
      stopped = true;
      window.clearInterval(timer);
    };
  }, [state.phase]);

  useEffect(() => {
    if (state.phase === 'finished' || state.phase === 'failed') resultRef.current?.focus();
  }, [state.phase]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (hasErrors || !file || busy) {
      window.setTimeout(() => summaryRef.current?.focus(), 0);
      return;
    }
    const id = crypto.randomUUID();
    uploadId.current = id;
    sentAll.current = false;
    setState({ phase: 'sending', sent: 0, total: file.size });
    try {
      const view = await uploadIndicatorFile({
        kind,
        file,
        indicator,
        id,
        csrfToken,
        language,
        onProgress: (sent, total) => {
          if (!sentAll.current) setState({ phase: 'sending', sent, total });
        },
        onSent: () => {
          sentAll.current = true;
          setState({ phase: 'processing', done: 0, total: file.size });
        },
      });
      setState({ phase: 'finished', view });
      await queryClient.invalidateQueries({ queryKey: ['steering'] });
    } catch (error) {
      setState({ phase: 'failed', error });
      await queryClient.invalidateQueries({ queryKey: ['steering', 'imports'] });
    }
  };

  if (indicators.isPending) return <Loading />;
  if (indicators.isError) return <ErrorAlert error={indicators.error} onRetry={() => void indicators.refetch()} />;
  const items = indicators.data.items;
  const chosen = items.find((item) => item.key === indicator);

  const percent =
    state.phase === 'sending'
      ? state.total > 0
        ? Math.round((state.sent / state.total) * 100)
        : 0
      : state.phase === 'processing'
        ? state.total > 0
          ? Math.min(100, Math.round((state.done / state.total) * 100))
          : 0
        : 100;
  const saving = state.phase === 'processing' && state.total > 0 && state.done >= state.total;
  const progressText =
    state.phase === 'sending'
      ? t('imports.phase.sending', { percent, done: mb(state.sent), total: mb(state.total) })
      : state.phase === 'processing'
        ? saving
          ? t('imports.phase.saving')
          : t('imports.phase.reading', { percent })
        : state.phase === 'finished'
          ? t('imports.phase.done', { rows: number(state.view.rowsWritten) })
          : state.phase === 'failed'
            ? t('imports.phase.failed')
            : '';
  const problems = state.phase === 'failed' ? problemsOf(state.error) : [];

  return (
    <section aria-labelledby={`${ids}-form`}>
      <Heading level={2} data-size="sm" id={`${ids}-form`}>
        {t('imports.form')}
      </Heading>
      {items.length === 0 && <Paragraph>{t('imports.noIndicators')}</Paragraph>}
      <form className="kp-st-import-form" onSubmit={(event) => void submit(event)} noValidate>
        {tried && hasErrors && (
          <ErrorSummary ref={summaryRef} tabIndex={-1}>
            <ErrorSummary.Heading level={3}>{t('imports.errorSummary')}</ErrorSummary.Heading>
            <ErrorSummary.List>
              {errors.indicator && (
                <ErrorSummary.Item>
                  <ErrorSummary.Link href={`#${ids}-indicator`}>{errors.indicator}</ErrorSummary.Link>
                </ErrorSummary.Item>
              )}
              {errors.file && (
                <ErrorSummary.Item>
                  <ErrorSummary.Link href={`#${ids}-file`}>{errors.file}</ErrorSummary.Link>
                </ErrorSummary.Item>
              )}
            </ErrorSummary.List>
          </ErrorSummary>
        )}
        <div>
          <Label htmlFor={`${ids}-indicator`}>{t('imports.indicator')}</Label>
          <Select
            id={`${ids}-indicator`}
            value={indicator}
            onChange={(event) => setIndicator(event.target.value)}
            aria-invalid={shown.indicator ? true : undefined}
            aria-describedby={
              [chosen?.ssbTable ? `${ids}-indicator-ssb` : '', shown.indicator ? `${ids}-indicator-error` : ''].filter(Boolean).join(' ') ||
              undefined
            }
          >
            <option value="">{t('imports.indicatorChoose')}</option>
            {items.map((item) => (
              <option key={item.key} value={item.key}>
                {item.name}
              </option>
            ))}
          </Select>
          {chosen?.ssbTable && (
            <Paragraph data-size="sm" id={`${ids}-indicator-ssb`}>
              {t('imports.indicatorSsb', { table: chosen.ssbTable, code: chosen.ssbContentsCode ?? '–' })}
            </Paragraph>
          )}
          {shown.indicator && <ValidationMessage id={`${ids}-indicator-error`}>{shown.indicator}</ValidationMessage>}
        </div>
        <Fieldset>
          <Fieldset.Legend>{t('imports.kind')}</Fieldset.Legend>
          {(['jsonstat', 'csv'] as const).map((value) => (
            <Radio
              key={value}
              name={`${ids}-kind`}
              value={value}
              label={t(`imports.kind.${value}`)}
              checked={kind === value}
              onChange={() => setKind(value)}
            />
          ))}
        </Fieldset>
        <div>
          <Label htmlFor={`${ids}-file`}>{t('imports.file')}</Label>
          <Paragraph data-size="sm" id={`${ids}-file-help`}>
            {t(`imports.fileDescription.${kind}`)}
          </Paragraph>
          <input
            id={`${ids}-file`}
            type="file"
            accept={kind === 'csv' ? '.csv,text/csv' : '.json,application/json'}
            aria-describedby={`${ids}-file-help${shown.file ? ` ${ids}-file-error` : ''}`}
            aria-invalid={shown.file ? true : undefined}
            onChange={(event) => {
              const next = event.target.files?.[0] ?? null;
              setFile(next);
              if (next?.name.toLowerCase().endsWith('.csv')) setKind('csv');
              else if (next?.name.toLowerCase().endsWith('.json')) setKind('jsonstat');
            }}
          />
          {shown.file && <ValidationMessage id={`${ids}-file-error`}>{shown.file}</ValidationMessage>}
        </div>
        <div>
          <Button type="submit" loading={busy} aria-disabled={busy ? true : undefined}>
            {t('imports.submit')}
          </Button>
        </div>
      </form>

      {state.phase !== 'idle' && (
        <ProgressBar
          id={`${ids}-progress`}
          label={t('imports.progressLabel')}
          percent={saving ? null : percent}
          className="kp-st-progress"
        />
      )}
      <p role="status" aria-live="polite" className="kp-st-progress-text">
        {progressText}
      </p>

      {state.phase === 'failed' && (
        <section aria-labelledby={`${ids}-result`}>
          <Heading level={2} data-size="sm" id={`${ids}-result`} ref={resultRef} tabIndex={-1}>
            {t('imports.problems')}
          </Heading>
          <ErrorAlert error={state.error} />
          {problems.length > 0 && problems.some((p) => p.row !== null || p.column !== null) && (
            <div className="kp-st-table-wrap">
              <Table>
                <caption>{t('imports.problems')}</caption>
                <Table.Head>
                  <Table.Row>
                    <Table.HeaderCell>{t('imports.problem.row')}</Table.HeaderCell>
                    <Table.HeaderCell>{t('imports.problem.column')}</Table.HeaderCell>
                    <Table.HeaderCell>{t('imports.problem.message')}</Table.HeaderCell>
                  </Table.Row>
                </Table.Head>
                <Table.Body>
                  {problems.map((p, index) => (
                    <Table.Row key={index}>
                      <Table.Cell>{p.row ?? '–'}</Table.Cell>
                      <Table.Cell>{p.column ?? '–'}</Table.Cell>
                      <Table.Cell>{pick(p.message)}</Table.Cell>
                    </Table.Row>
                  ))}
                </Table.Body>
              </Table>
            </div>
          )}
        </section>
      )}
      {state.phase === 'finished' && (
        <section aria-labelledby={`${ids}-result`}>
          <Heading level={2} data-size="sm" id={`${ids}-result`} ref={resultRef} tabIndex={-1}>
            {t('imports.result')}
          </Heading>
          <dl className="kp-st-summary">
            <dt>{t('imports.result.rows')}</dt>
            <dd>{number(state.view.rowsWritten)}</dd>
            <dt>{t('imports.result.periods')}</dt>
            <dd>{state.view.summary?.periods.join(', ') || '–'}</dd>
            <dt>{t('imports.result.regions')}</dt>
            <dd>
              {state.view.summary?.regions.map((r) => (r.code && r.code !== r.label ? `${r.label} (${r.code})` : r.label)).join(', ') ||
                '–'}
            </dd>
            {state.view.summary?.contentsCode && (
              <>
                <dt>{t('imports.result.contents')}</dt>
                <dd>{state.view.summary.contentsCode}</dd>
              </>
            )}
            {(state.view.summary?.nullValues ?? 0) > 0 && (
              <>
                <dt>{t('imports.result.nulls')}</dt>
                <dd>{number(state.view.summary!.nullValues)}</dd>
              </>
            )}
          </dl>
          {state.view.indicator && (
            <RouterLink
              to="/styring/sammenligning"
              search={
                {
                  indicator: state.view.indicator.key,
                  regions:
                    state.view.summary?.regions
                      .map((r) => r.code)
                      .filter((c): c is string => Boolean(c))
                      .slice(0, 6)
                      .join(',') || undefined,
                } as never
              }
            >
              {t('imports.result.compare')}
            </RouterLink>
          )}
        </section>
      )}
    </section>
  );
}

function problemsOf(error: unknown): ImportView['problems'] {
  const details = (error as { details?: { problems?: unknown } } | null)?.details;
  return Array.isArray(details?.problems) ? (details.problems as ImportView['problems']) : [];
}

function RecentImports() {
  const { t, dateTime, number } = useSteeringI18n();
  const ids = useId();
  const imports = useQuery({ queryKey: ['steering', 'imports', 'recent'], queryFn: fetchImports });
  return (
    <section aria-labelledby={`${ids}-recent`}>
      <Heading level={2} data-size="sm" id={`${ids}-recent`}>
        {t('imports.recent')}
      </Heading>
      {imports.isPending ? (
        <Loading />
      ) : imports.isError ? (
        <ErrorAlert error={imports.error} onRetry={() => void imports.refetch()} />
      ) : imports.data.items.length === 0 ? (
        <Paragraph>{t('imports.recent.empty')}</Paragraph>
      ) : (
        <div className="kp-st-table-wrap">
          <Table>
            <caption>{t('imports.recent.caption')}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('imports.col.file')}</Table.HeaderCell>
                <Table.HeaderCell>{t('imports.col.indicator')}</Table.HeaderCell>
                <Table.HeaderCell>{t('imports.col.status')}</Table.HeaderCell>
                <Table.HeaderCell>{t('imports.col.rows')}</Table.HeaderCell>
                <Table.HeaderCell>{t('imports.col.when')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {imports.data.items.map((item) => (
                <Table.Row key={item.id}>
                  <Table.Cell>{item.fileName}</Table.Cell>
                  <Table.Cell>{item.indicator?.name ?? '–'}</Table.Cell>
                  <Table.Cell>{t(`imports.status.${item.status}` as SteeringKey)}</Table.Cell>
                  <Table.Cell>{number(item.rowsWritten)}</Table.Cell>
                  <Table.Cell>{dateTime(item.createdAt)}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
      )}
    </section>
  );
}

import './import-export.css';
import { Alert, Button, Paragraph, Select, Textfield } from '@digdir/designsystemet-react';
import { useQueryClient, type QueryKey } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState, type FormEvent, type ReactNode, type Ref } from 'react';
import { useSession } from '../../data/session';
import { useI18n, type Language } from '../../i18n/i18n';
import { isIsoDate } from '../as-of-date';
import { FormField } from '../form-field';
import { SectionHeading } from '../section-heading';
import { ErrorAlert } from '../status';
import { acceptedFiles, fileFormats, formatOfFileName, type FileFormat } from './formats';
import { ProgressBar } from './progress';

/** What the user chose to import. `entity` is set for a CSV file (one kind per file), else null. */
export interface ImportChoice<E extends string> {
  file: File;
  format: FileFormat;
  entity: E | null;
  validFrom: string;
}

/** Passed to the module's upload: spread it into `uploadFile` (src/web/data/upload.ts). */
export interface UploadContext {
  csrfToken: string | null;
  language: Language;
  onProgress: (sent: number, total: number) => void;
  onSent: () => void;
}

/** What the report shows: a dry run, an import carried out, or an apply the server refused whole. */
export type ImportOutcome = 'tried' | 'applied' | 'refused';

export interface ImportReportProps<R> {
  report: R;
  outcome: ImportOutcome;
  /** The report's heading: focus moves there when a dry run or an apply answers. */
  headingRef: Ref<HTMLHeadingElement>;
  /** Show a newer report of the same dry run (e.g. tried again after the data changed). */
  replace: (report: R) => void;
}

type Phase =
  { step: 'idle' } | { step: 'sending'; applying: boolean; sent: number; total: number } | { step: 'working'; applying: boolean };

/**
 * A module's file import: choose a file, upload it with a progress bar, read the dry run, then
 * apply it, all or nothing. The module gives its kinds of record, its upload and apply calls and
 * its report; the panel keeps the form, the progress, the focus and the all-or-nothing messages.
 *
 * @example
 * <ImportPanel entities={[{ value: 'units', label: t('entity.units') }]} maxBytes={10 * 1024 * 1024}
 *   validFromLabel={t('import.validFrom')} validFromHelp={t('import.validFromHelp')} today={todayInNorway()}
 *   dryRun={(choice, context) => uploadImport({ ...choice, ...context })}
 *   apply={({ report }) => apiRequest('POST', `/api/x/imports/${report.id}/apply`)} canApply={(report) => report.canApply}
 *   invalidates={['x']} renderReport={(props) => <PlanView {...props} />} />
 */
export function ImportPanel<E extends string, R>({
  entities,
  maxBytes,
  validFromLabel,
  validFromHelp,
  today,
  intro,
  dryRun,
  apply,
  applyUploads = false,
  refusal,
  canApply,
  invalidates,
  renderReport,
}: {
  /** The kinds of record a CSV file may hold, with their labels. */
  entities: { value: E; label: string }[];
  /** The largest file the server takes. */
  maxBytes: number;
  validFromLabel: string;
  validFromHelp: string;
  /** The date the import applies from until the user changes it. */
  today: string;
  /** Said under the heading, before the form. */
  intro?: ReactNode;
  /** Uploads the file and runs the dry run; rejects with the server's ApiError. */
  dryRun: (choice: ImportChoice<E>, context: UploadContext) => Promise<R>;
  /** Carries out the dry run's import, all or nothing; resolves with what was done. */
  apply: (tried: { choice: ImportChoice<E>; report: R }, context: UploadContext) => Promise<R>;
  /** The apply sends the file again (its progress is shown by the byte), rather than only telling the server to go on. */
  applyUploads?: boolean;
  /** The report a refused apply carries, if it carries one; otherwise the refusal is shown as an error. */
  refusal?: (error: unknown) => R | null;
  /** Whether this dry run may be applied (no problems, something to change). */
  canApply: (report: R) => boolean;
  /** The queries an apply makes stale. */
  invalidates: QueryKey;
  renderReport: (props: ImportReportProps<R>) => ReactNode;
}) {
  const { t, language } = useI18n();
  const { data: session } = useSession();
  const csrfToken = session?.csrfToken ?? null;
  const ids = useId();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [format, setFormat] = useState<FileFormat>('csv');
  const [entity, setEntity] = useState<E | ''>('');
  const [validFrom, setValidFrom] = useState(today);
  const [submitted, setSubmitted] = useState(false);
  const [phase, setPhase] = useState<Phase>({ step: 'idle' });
  const [uploadError, setUploadError] = useState<unknown>(null);
  const [applyError, setApplyError] = useState<unknown>(null);
  const [tried, setTried] = useState<{ choice: ImportChoice<E>; report: R } | null>(null);
  const [result, setResult] = useState<{ report: R; outcome: ImportOutcome } | null>(null);
  const reportHeading = useRef<HTMLHeadingElement>(null);
  // After a dry run or an apply, focus moves to the report's heading, so the answer is read next.
  const focusReport = useRef(false);
  useEffect(() => {
    if (focusReport.current && result) {
      reportHeading.current?.focus();
      focusReport.current = false;
    }
  }, [result]);

  const maxMiB = Math.round(maxBytes / 1024 / 1024);
  const errors: { file?: string; entity?: string; validFrom?: string } = {
    file: !file
      ? t('import.fileRequired')
      : file.size > maxBytes
        ? t('import.fileTooLarge', { size: (file.size / 1024 / 1024).toFixed(1), max: maxMiB })
        : undefined,
    entity: format === 'csv' && !entity ? t('import.entityRequired') : undefined,
    validFrom: !isIsoDate(validFrom) ? t('import.dateInvalid') : undefined,
  };
  const shown: typeof errors = submitted ? errors : {};
  const busy = phase.step !== 'idle';

  const context = (applying: boolean): UploadContext => ({
    csrfToken,
    language,
    onProgress: (sent, total) => setPhase({ step: 'sending', applying, sent, total }),
    onSent: () => setPhase({ step: 'working', applying }),
  });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    if (!file || errors.file || errors.entity || errors.validFrom || busy) return;
    reset();
    setUploadError(null);
    const choice: ImportChoice<E> = { file, format, entity: format === 'csv' && entity ? entity : null, validFrom };
    setPhase({ step: 'sending', applying: false, sent: 0, total: file.size });
    try {
      const report = await dryRun(choice, context(false));
      focusReport.current = true;
      setTried({ choice, report });
      setResult({ report, outcome: 'tried' });
    } catch (error) {
      setUploadError(error);
    } finally {
      setPhase({ step: 'idle' });
    }
  };

  const carryOut = async () => {
    if (!tried || !result || busy) return;
    setApplyError(null);
    setPhase(
      applyUploads ? { step: 'sending', applying: true, sent: 0, total: tried.choice.file.size } : { step: 'working', applying: true },
    );
    try {
      const report = await apply({ choice: tried.choice, report: result.report }, context(true));
      focusReport.current = true;
      setResult({ report, outcome: 'applied' });
      await queryClient.invalidateQueries({ queryKey: invalidates });
    } catch (error) {
      const refused = refusal?.(error) ?? null;
      if (refused) {
        focusReport.current = true;
        setResult({ report: refused, outcome: 'refused' });
      } else setApplyError(error);
    } finally {
      setPhase({ step: 'idle' });
    }
  };

  // A different file or choice makes the dry run stale: it must be tried again before it can be applied.
  function reset() {
    setTried(null);
    setResult(null);
    setApplyError(null);
  }

  const percent = phase.step === 'sending' && phase.total > 0 ? Math.round((phase.sent / phase.total) * 100) : 0;
  const progressText =
    phase.step === 'sending'
      ? t(phase.applying ? 'import.uploadingApply' : 'import.uploading', { name: (tried?.choice.file ?? file)?.name ?? '', percent })
      : phase.step === 'working'
        ? t(phase.applying ? 'import.applying' : 'import.checking')
        : '';
  const progress = <ProgressBar id={`${ids}-progress`} label={progressText} percent={phase.step === 'sending' ? percent : null} />;

  return (
    <section aria-labelledby={`${ids}-heading`} className="kp-import">
      <SectionHeading id={`${ids}-heading`}>{t('import.heading')}</SectionHeading>
      {intro}
      <form className="kp-form" onSubmit={(event) => void submit(event)} noValidate>
        <FormField id={`${ids}-file`} label={t('import.file')} description={t('import.fileHelp', { max: maxMiB })} error={shown.file}>
          {(control) => (
            <input
              {...control}
              className="kp-import__file"
              type="file"
              accept={acceptedFiles}
              onChange={(event) => {
                const chosen = event.target.files?.[0] ?? null;
                setFile(chosen);
                reset();
                const guessed = chosen ? formatOfFileName(chosen.name) : null;
                if (guessed) setFormat(guessed);
              }}
            />
          )}
        </FormField>
        <FormField id={`${ids}-format`} label={t('export.fileType')}>
          {(control) => (
            <Select
              {...control}
              value={format}
              onChange={(event) => {
                setFormat(event.target.value as FileFormat);
                reset();
              }}
            >
              {fileFormats.map((value) => (
                <option key={value} value={value}>
                  {t(`import.fileFormat.${value}`)}
                </option>
              ))}
            </Select>
          )}
        </FormField>
        {format === 'csv' && (
          <FormField id={`${ids}-entity`} label={t('import.entity')} error={shown.entity}>
            {(control) => (
              <Select
                {...control}
                value={entity}
                onChange={(event) => {
                  setEntity(event.target.value as E | '');
                  reset();
                }}
              >
                <option value="">{t('import.entityChoose')}</option>
                {entities.map((choice) => (
                  <option key={choice.value} value={choice.value}>
                    {choice.label}
                  </option>
                ))}
              </Select>
            )}
          </FormField>
        )}
        <Textfield
          id={`${ids}-valid-from`}
          label={validFromLabel}
          description={validFromHelp}
          type="date"
          value={validFrom}
          onChange={(event) => {
            setValidFrom(event.target.value);
            reset();
          }}
          error={shown.validFrom}
        />
        <div className="kp-form__actions">
          <Button type="submit" loading={busy && !phase.applying} aria-disabled={busy ? true : undefined}>
            {t('import.submit')}
          </Button>
        </div>
      </form>

      {busy && !phase.applying && progress}
      <div role="status" className="ds-sr-only">
        {phase.step === 'working' ? progressText : ''}
      </div>
      {uploadError !== null && <ErrorAlert error={uploadError} />}

      {result && (
        <>
          {renderReport({
            report: result.report,
            outcome: result.outcome,
            headingRef: reportHeading,
            replace: (report) => setResult({ report, outcome: result.outcome }),
          })}
          {result.outcome === 'tried' && canApply(result.report) && (
            <div className="kp-form__actions">
              <Button type="button" onClick={() => void carryOut()} loading={busy} aria-disabled={busy ? true : undefined}>
                {t('import.apply')}
              </Button>
            </div>
          )}
          {busy && phase.applying && progress}
          {applyError !== null && (
            <Alert data-color="danger" role="alert">
              <Paragraph>{t('import.applyFailed')}</Paragraph>
              <ErrorAlert error={applyError} />
            </Alert>
          )}
        </>
      )}
    </section>
  );
}

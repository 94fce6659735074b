import { Alert, Button, Label, Paragraph, Select, Textfield } from '@digdir/designsystemet-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { apiRequest } from '../../../../web/data/client';
import { ErrorAlert } from '../../../../web/components/status';
import type { ImportEntity, ImportFormat, ImportView } from '../../import-export.schemas';
import { todayInNorway } from '../i18n';
import { isIsoDate } from '../search-params';
import { SectionHeading } from '../ui';
import { FieldError } from '../unit-edit';
import { entities, formats } from './export-panel';
import { useImportExportI18n } from './i18n';
import { PlanView } from './plan-view';
import { formatOfFileName, maxUploadBytes, uploadImport } from './upload';

type Upload = { phase: 'idle' } | { phase: 'sending'; sent: number; total: number } | { phase: 'checking' };

/** Choose a file, upload it with a progress bar, read the dry run, and apply it. */
export function ImportPanel({ csrfToken }: { csrfToken: string | null }) {
  const { t, language } = useImportExportI18n();
  const ids = useId();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [format, setFormat] = useState<ImportFormat>('csv');
  const [entity, setEntity] = useState<ImportEntity | ''>('');
  const [validFrom, setValidFrom] = useState(todayInNorway());
  const [tried, setTried] = useState(false);
  const [upload, setUpload] = useState<Upload>({ phase: 'idle' });
  const [uploadError, setUploadError] = useState<unknown>(null);
  const [view, setView] = useState<ImportView | null>(null);
  const planHeading = useRef<HTMLHeadingElement>(null);
  // After an upload or an apply, focus moves to the dry run's heading, so the answer is read next.
  const focusPlan = useRef(false);
  useEffect(() => {
    if (focusPlan.current && view) {
      planHeading.current?.focus();
      focusPlan.current = false;
    }
  }, [view]);

  const errors: { file?: string; entity?: string; validFrom?: string } = {
    file: !file
      ? t('import.fileRequired')
      : file.size > maxUploadBytes
        ? t('import.fileTooLarge', { size: (file.size / 1024 / 1024).toFixed(1) })
        : undefined,
    entity: format === 'csv' && !entity ? t('import.entityRequired') : undefined,
    validFrom: !isIsoDate(validFrom) ? t('import.validFromInvalid') : undefined,
  };
  const shownErrors: typeof errors = tried ? errors : {};

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (!file || errors.file || errors.entity || errors.validFrom || upload.phase !== 'idle') return;
    setUploadError(null);
    setView(null);
    setUpload({ phase: 'sending', sent: 0, total: file.size });
    try {
      const result = await uploadImport({
        file,
        format,
        entity: format === 'csv' && entity ? entity : null,
        validFrom,
        csrfToken,
        language,
        onProgress: (sent, total) => setUpload({ phase: 'sending', sent, total }),
        onSent: () => setUpload({ phase: 'checking' }),
      });
      focusPlan.current = true;
      setView(result);
    } catch (error) {
      setUploadError(error);
    } finally {
      setUpload({ phase: 'idle' });
    }
  };

  const replan = useMutation({
    mutationFn: (current: ImportView) =>
      apiRequest<ImportView>('POST', `/api/organisation/imports/${encodeURIComponent(current.id)}/plan`, { revision: current.revision }),
    onSuccess: (next) => setView(next),
  });
  const apply = useMutation({
    mutationFn: (current: ImportView) =>
      apiRequest<ImportView>('POST', `/api/organisation/imports/${encodeURIComponent(current.id)}/apply`, { revision: current.revision }),
    onSuccess: async (next) => {
      focusPlan.current = true;
      setView(next);
      await queryClient.invalidateQueries({ queryKey: ['organisation'] });
    },
  });

  const percent = upload.phase === 'sending' && upload.total > 0 ? Math.round((upload.sent / upload.total) * 100) : 0;

  return (
    <section aria-labelledby={`${ids}-heading`} className="kp-org-section">
      <SectionHeading id={`${ids}-heading`}>{t('import.heading')}</SectionHeading>
      <form className="kp-org-form" onSubmit={(event) => void submit(event)} noValidate>
        <div className="kp-import-file">
          <Label htmlFor={`${ids}-file`}>{t('import.file')}</Label>
          <Paragraph data-size="sm" id={`${ids}-file-help`}>
            {t('import.fileHelp')}
          </Paragraph>
          <input
            id={`${ids}-file`}
            type="file"
            accept=".csv,.xlsx,.json,text/csv,application/json,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            aria-describedby={`${ids}-file-help${shownErrors.file ? ` ${ids}-file-error` : ''}`}
            aria-invalid={shownErrors.file ? true : undefined}
            onChange={(event) => {
              const chosen = event.target.files?.[0] ?? null;
              setFile(chosen);
              const guessed = chosen ? formatOfFileName(chosen.name) : null;
              if (guessed) setFormat(guessed);
            }}
          />
          {shownErrors.file && <FieldError id={`${ids}-file-error`}>{shownErrors.file}</FieldError>}
        </div>
        <div>
          <Label htmlFor={`${ids}-format`}>{t('import.format')}</Label>
          <Select id={`${ids}-format`} value={format} onChange={(event) => setFormat(event.target.value as ImportFormat)}>
            {formats.map((value) => (
              <option key={value} value={value}>
                {t(`format.${value}`)}
              </option>
            ))}
          </Select>
        </div>
        {format === 'csv' && (
          <div>
            <Label htmlFor={`${ids}-entity`}>{t('import.entity')}</Label>
            <Select
              id={`${ids}-entity`}
              value={entity}
              onChange={(event) => setEntity(event.target.value as ImportEntity | '')}
              aria-invalid={shownErrors.entity ? true : undefined}
              aria-describedby={shownErrors.entity ? `${ids}-entity-error` : undefined}
            >
              <option value="">{t('import.entityChoose')}</option>
              {entities.map((value) => (
                <option key={value} value={value}>
                  {t(`entity.${value}`)}
                </option>
              ))}
            </Select>
            {shownErrors.entity && <FieldError id={`${ids}-entity-error`}>{shownErrors.entity}</FieldError>}
          </div>
        )}
        <Textfield
          id={`${ids}-valid-from`}
          label={t('import.validFrom')}
          description={t('import.validFromHelp')}
          type="date"
          value={validFrom}
          onChange={(event) => setValidFrom(event.target.value)}
          error={shownErrors.validFrom}
        />
        <div className="kp-org-form__actions">
          <Button type="submit" loading={upload.phase !== 'idle'} aria-disabled={upload.phase !== 'idle' ? true : undefined}>
            {t('import.submit')}
          </Button>
        </div>
      </form>

      {upload.phase !== 'idle' && (
        <div className="kp-import-progress">
          <label htmlFor={`${ids}-progress`}>
            {upload.phase === 'sending' ? t('import.uploading', { name: file?.name ?? '', percent }) : t('import.checking')}
          </label>
          {/* Without a value the bar is indeterminate: the server is at work and cannot say how far it has come. */}
          {upload.phase === 'sending' ? (
            <progress id={`${ids}-progress`} max={100} value={percent} aria-label={t('import.progressLabel')} />
          ) : (
            <progress id={`${ids}-progress`} aria-label={t('import.progressLabel')} />
          )}
        </div>
      )}
      <div role="status" className="ds-sr-only">
        {upload.phase === 'checking' ? t('import.checking') : apply.isPending ? t('apply.running') : ''}
      </div>

      {uploadError !== null && <ErrorAlert error={uploadError} />}

      {view && (
        <>
          <PlanView ref={planHeading} view={view} onReplan={() => replan.mutate(view)} replanning={replan.isPending} />
          {replan.error !== null && <ErrorAlert error={replan.error} />}
          {view.status === 'planned' && view.canApply && (
            <div className="kp-org-form__actions">
              <Button
                type="button"
                onClick={() => apply.mutate(view)}
                loading={apply.isPending}
                aria-disabled={apply.isPending ? true : undefined}
              >
                {t('apply.submit')}
              </Button>
            </div>
          )}
          {apply.isPending && (
            <div className="kp-import-progress">
              <label htmlFor={`${ids}-applying`}>{t('apply.running')}</label>
              <progress id={`${ids}-applying`} />
            </div>
          )}
          {apply.error !== null && (
            <Alert data-color="danger" role="alert">
              <Paragraph>{t('apply.failed')}</Paragraph>
              <ErrorAlert error={apply.error} />
            </Alert>
          )}
        </>
      )}
    </section>
  );
}

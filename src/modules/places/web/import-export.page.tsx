import { Alert, Button, Label, Paragraph, Select, Textfield, ValidationMessage } from '@digdir/designsystemet-react';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { Page } from '../../../web/components/page';
import { ErrorAlert } from '../../../web/components/status';
import { hasPermission, useSession } from '../../../web/data/session';
import type { ImportReport, PlacesEntity, PlacesFileFormat } from '../import-export.schemas';
import { useMayEditWholeMunicipality } from './api';
import { todayInNorway, usePlacesI18n } from './i18n';
import { ImportReportView } from './import-report';
import { formatOfFileName, maxUploadBytes, reportOf, uploadPlacesImport } from './import-upload';
import { isIsoDate } from './search-params';
import { PlacesNav, SectionHeading } from './ui';

export const placesEntities: PlacesEntity[] = ['districts', 'hubs', 'sites', 'services', 'coverage'];
const formats: PlacesFileFormat[] = ['json', 'xlsx', 'csv'];

/**
 * Import and export of places (route /steder-og-tjenester/import-eksport, docs/formats/places.md).
 * Everyone who reads places may export; importing needs places:write, as the API does.
 */
export function PlacesImportExportPage() {
  const { t } = usePlacesI18n();
  const { data: session } = useSession();
  // An editor limited to an area may not import: a file can change any district.
  const mayImport = useMayEditWholeMunicipality();
  const limitedEditor = hasPermission(session, 'places:write') && mayImport === false;
  return (
    <Page title={t('importExport.title')}>
      <PlacesNav />
      <Paragraph className="kp-lead">{t('importExport.lead')}</Paragraph>
      <Paragraph data-size="sm">{t('importExport.format')}</Paragraph>
      <ExportPanel />
      {mayImport === undefined ? null : mayImport ? (
        <ImportPanel csrfToken={session?.csrfToken ?? null} />
      ) : (
        <section className="kp-places-section">
          <Alert data-color="info">
            <Paragraph>{t(limitedEditor ? 'import.wholeMunicipality' : 'import.noAccess')}</Paragraph>
          </Alert>
        </section>
      )}
    </Page>
  );
}

/** The download is a plain link: the browser sends the session cookie and saves the file under the server's name. */
function ExportPanel() {
  const { t } = usePlacesI18n();
  const ids = useId();
  const [asOf, setAsOf] = useState(todayInNorway());
  const [format, setFormat] = useState<PlacesFileFormat>('json');
  const [entity, setEntity] = useState<PlacesEntity>('services');
  const params = new URLSearchParams({ date: asOf, format });
  if (format === 'csv') params.set('entity', entity);
  const dateInvalid = !isIsoDate(asOf);
  return (
    <section aria-labelledby={`${ids}-heading`} className="kp-places-section">
      <SectionHeading id={`${ids}-heading`}>{t('export.heading')}</SectionHeading>
      <div className="kp-places-form">
        <Textfield
          id={`${ids}-date`}
          label={t('export.date')}
          type="date"
          value={asOf}
          onChange={(event) => setAsOf(event.target.value)}
          error={dateInvalid ? t('form.dateRequired') : undefined}
        />
        <div className="kp-places-field">
          <Label htmlFor={`${ids}-format`}>{t('export.fileType')}</Label>
          <Select id={`${ids}-format`} value={format} onChange={(event) => setFormat(event.target.value as PlacesFileFormat)}>
            {formats.map((value) => (
              <option key={value} value={value}>
                {t(`fileFormat.${value}`)}
              </option>
            ))}
          </Select>
        </div>
        {format === 'csv' && (
          <div className="kp-places-field">
            <Label htmlFor={`${ids}-entity`}>{t('export.entity')}</Label>
            <Select id={`${ids}-entity`} value={entity} onChange={(event) => setEntity(event.target.value as PlacesEntity)}>
              {placesEntities.map((value) => (
                <option key={value} value={value}>
                  {t(`entity.${value}`)}
                </option>
              ))}
            </Select>
          </div>
        )}
        <div className="kp-places-form__actions">
          {/* No link while the date is not a date: the field says why. */}
          {!dateInvalid && (
            <Button asChild variant="primary">
              <a href={`/api/places/export?${params.toString()}`} download>
                {t('export.download')}
              </a>
            </Button>
          )}
        </div>
      </div>
    </section>
  );
}

type Phase =
  { step: 'idle' } | { step: 'sending'; applying: boolean; sent: number; total: number } | { step: 'working'; applying: boolean };

/** What the dry run was made with: the apply sends the very same request without dryRun. */
interface Tried {
  file: File;
  format: PlacesFileFormat;
  entity: PlacesEntity | null;
  validFrom: string;
  report: ImportReport;
}

function ImportPanel({ csrfToken }: { csrfToken: string | null }) {
  const { t, language } = usePlacesI18n();
  const ids = useId();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [format, setFormat] = useState<PlacesFileFormat>('csv');
  const [entity, setEntity] = useState<PlacesEntity | ''>('');
  const [validFrom, setValidFrom] = useState(todayInNorway());
  const [submitted, setSubmitted] = useState(false);
  const [phase, setPhase] = useState<Phase>({ step: 'idle' });
  const [error, setError] = useState<unknown>(null);
  const [tried, setTried] = useState<Tried | null>(null);
  const [applied, setApplied] = useState<ImportReport | null>(null);
  const [refused, setRefused] = useState<ImportReport | null>(null);
  const resultHeading = useRef<HTMLHeadingElement>(null);
  // After a dry run or an apply, focus moves to the report's heading, so the answer is read next.
  const focusResult = useRef(false);
  useEffect(() => {
    if (focusResult.current) {
      resultHeading.current?.focus();
      focusResult.current = false;
    }
  }, [tried, applied, refused]);

  const errors: { file?: string; entity?: string; validFrom?: string } = {
    file: !file
      ? t('import.fileRequired')
      : file.size > maxUploadBytes
        ? t('import.fileTooLarge', { size: (file.size / 1024 / 1024).toFixed(1) })
        : undefined,
    entity: format === 'csv' && !entity ? t('import.entityRequired') : undefined,
    validFrom: !isIsoDate(validFrom) ? t('form.dateRequired') : undefined,
  };
  const shown: typeof errors = submitted ? errors : {};
  const busy = phase.step !== 'idle';

  const send = (what: Omit<Tried, 'report'>, dryRun: boolean) =>
    uploadPlacesImport({
      ...what,
      dryRun,
      csrfToken,
      language,
      onProgress: (sent, total) => setPhase({ step: 'sending', applying: !dryRun, sent, total }),
      onSent: () => setPhase({ step: 'working', applying: !dryRun }),
    });

  const dryRun = async (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    if (!file || errors.file || errors.entity || errors.validFrom || busy) return;
    setError(null);
    setTried(null);
    setApplied(null);
    setRefused(null);
    const what = { file, format, entity: format === 'csv' && entity ? entity : null, validFrom };
    setPhase({ step: 'sending', applying: false, sent: 0, total: file.size });
    try {
      const report = await send(what, true);
      focusResult.current = true;
      setTried({ ...what, report });
    } catch (caught) {
      setError(caught);
    } finally {
      setPhase({ step: 'idle' });
    }
  };

  const apply = async () => {
    if (!tried || busy) return;
    setError(null);
    setPhase({ step: 'sending', applying: true, sent: 0, total: tried.file.size });
    try {
      const report = await send(tried, false);
      focusResult.current = true;
      setApplied(report);
      await queryClient.invalidateQueries({ queryKey: ['places'] });
    } catch (caught) {
      const report = reportOf(caught);
      focusResult.current = true;
      if (report) setRefused(report);
      else setError(caught);
    } finally {
      setPhase({ step: 'idle' });
    }
  };

  // A different file or choice makes the dry run stale: it must be tried again before it can be applied.
  const reset = () => {
    setTried(null);
    setApplied(null);
    setRefused(null);
  };

  const percent = phase.step === 'sending' && phase.total > 0 ? Math.round((phase.sent / phase.total) * 100) : 0;
  const progressText =
    phase.step === 'sending'
      ? t(phase.applying ? 'import.uploadingApply' : 'import.uploading', { name: (tried?.file ?? file)?.name ?? '', percent })
      : phase.step === 'working'
        ? t(phase.applying ? 'import.applying' : 'import.checking')
        : '';
  const report = applied ?? refused ?? tried?.report ?? null;

  return (
    <section aria-labelledby={`${ids}-heading`} className="kp-places-section">
      <SectionHeading id={`${ids}-heading`}>{t('import.heading')}</SectionHeading>
      <Paragraph>{t('import.help')}</Paragraph>
      <form className="kp-places-form" onSubmit={(event) => void dryRun(event)} noValidate>
        <div className="kp-places-field">
          <Label htmlFor={`${ids}-file`}>{t('import.file')}</Label>
          <Paragraph data-size="sm" id={`${ids}-file-help`} className="kp-muted">
            {t('import.fileHelp')}
          </Paragraph>
          <input
            id={`${ids}-file`}
            className="kp-places-file"
            type="file"
            accept=".csv,.xlsx,.json,text/csv,application/json,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            aria-describedby={`${ids}-file-help${shown.file ? ` ${ids}-file-error` : ''}`}
            aria-invalid={shown.file ? true : undefined}
            onChange={(event) => {
              const chosen = event.target.files?.[0] ?? null;
              setFile(chosen);
              reset();
              const guessed = chosen ? formatOfFileName(chosen.name) : null;
              if (guessed) setFormat(guessed);
            }}
          />
          {shown.file && (
            <ValidationMessage id={`${ids}-file-error`} data-color="danger">
              {shown.file}
            </ValidationMessage>
          )}
        </div>
        <div className="kp-places-field">
          <Label htmlFor={`${ids}-format`}>{t('export.fileType')}</Label>
          <Select
            id={`${ids}-format`}
            value={format}
            onChange={(event) => {
              setFormat(event.target.value as PlacesFileFormat);
              reset();
            }}
          >
            {formats.map((value) => (
              <option key={value} value={value}>
                {t(`fileFormat.${value}`)}
              </option>
            ))}
          </Select>
        </div>
        {format === 'csv' && (
          <div className="kp-places-field">
            <Label htmlFor={`${ids}-entity`}>{t('import.entity')}</Label>
            <Select
              id={`${ids}-entity`}
              value={entity}
              onChange={(event) => {
                setEntity(event.target.value as PlacesEntity | '');
                reset();
              }}
              aria-invalid={shown.entity ? true : undefined}
              aria-describedby={shown.entity ? `${ids}-entity-error` : undefined}
            >
              <option value="">{t('import.entityChoose')}</option>
              {placesEntities.map((value) => (
                <option key={value} value={value}>
                  {t(`entity.${value}`)}
                </option>
              ))}
            </Select>
            {shown.entity && (
              <ValidationMessage id={`${ids}-entity-error`} data-color="danger">
                {shown.entity}
              </ValidationMessage>
            )}
          </div>
        )}
        <Textfield
          id={`${ids}-valid-from`}
          label={t('import.validFrom')}
          description={t('import.validFromHelp')}
          type="date"
          value={validFrom}
          onChange={(event) => {
            setValidFrom(event.target.value);
            reset();
          }}
          error={shown.validFrom}
        />
        <div className="kp-places-form__actions">
          <Button type="submit" loading={phase.step !== 'idle' && !phase.applying} aria-disabled={busy ? true : undefined}>
            {t('import.submit')}
          </Button>
        </div>
      </form>

      {busy && (
        <div className="kp-places-progress">
          <label htmlFor={`${ids}-progress`}>{progressText}</label>
          {/* Without a value the bar is indeterminate: the server is at work and cannot say how far it has come. */}
          {phase.step === 'sending' ? <progress id={`${ids}-progress`} max={100} value={percent} /> : <progress id={`${ids}-progress`} />}
        </div>
      )}
      <div role="status" className="ds-sr-only">
        {phase.step === 'working' ? progressText : ''}
      </div>

      {error !== null && <ErrorAlert error={error} />}

      {report && (
        <>
          <ImportReportView ref={resultHeading} report={report} refused={refused !== null} />
          {tried && !applied && !refused && tried.report.problems.length === 0 && tried.report.changes.length > 0 && (
            <div className="kp-places-form__actions">
              <Button type="button" onClick={() => void apply()} loading={busy} aria-disabled={busy ? true : undefined}>
                {t('import.apply')}
              </Button>
            </div>
          )}
        </>
      )}
    </section>
  );
}

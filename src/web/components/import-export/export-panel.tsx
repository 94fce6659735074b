import './import-export.css';
import { Button, Select, Textfield } from '@digdir/designsystemet-react';
import { useId, useState } from 'react';
import { useI18n } from '../../i18n/i18n';
import { isIsoDate } from '../as-of-date';
import { FormField } from '../form-field';
import { SectionHeading } from '../section-heading';
import { fileFormats, type FileFormat } from './formats';

/** What to export: a date, or one of the module's other sources (e.g. a scenario), in a format. */
export interface ExportChoice<E extends string> {
  /** YYYY-MM-DD when the date is chosen, else null. */
  date: string | null;
  /** The chosen source's value when not the date, else null. */
  source: string | null;
  format: FileFormat;
  /** For CSV (one kind per file), else null. */
  entity: E | null;
}

/**
 * A module's export: a date (or another source the module offers), a format and for CSV the kind
 * of record, then a download. The download is a plain link: the browser sends the session cookie
 * with it and saves the file under the name the server gives.
 *
 * @example
 * <ExportPanel today={todayInNorway()} entities={[{ value: 'units', label: t('entity.units') }]} defaultEntity="units"
 *   href={({ date, format, entity }) => `/api/x/export?${new URLSearchParams({ date: date ?? '', format, ...(entity ? { entity } : {}) })}`} />
 */
export function ExportPanel<E extends string>({
  today,
  entities,
  defaultEntity,
  href,
  sources,
}: {
  today: string;
  entities: { value: E; label: string }[];
  defaultEntity: E;
  /** The download's address for a choice (the module's endpoint and its parameter order). */
  href: (choice: ExportChoice<E>) => string;
  /** Other things than a date to export, e.g. scenarios: the first option is the date. Left out when there are none. */
  sources?: { label: string; dateOption: string; options: { value: string; label: string }[] };
}) {
  const { t } = useI18n();
  const ids = useId();
  const [source, setSource] = useState('');
  const [asOf, setAsOf] = useState(today);
  const [format, setFormat] = useState<FileFormat>('json');
  const [entity, setEntity] = useState<E>(defaultEntity);
  const byDate = source === '';
  const dateInvalid = byDate && !isIsoDate(asOf);
  const link = href({ date: byDate ? asOf : null, source: byDate ? null : source, format, entity: format === 'csv' ? entity : null });

  return (
    <section aria-labelledby={`${ids}-heading`} className="kp-import">
      <SectionHeading id={`${ids}-heading`}>{t('export.heading')}</SectionHeading>
      <div className="kp-form">
        {sources && sources.options.length > 0 && (
          <FormField id={`${ids}-source`} label={sources.label}>
            <Select id={`${ids}-source`} value={source} onChange={(event) => setSource(event.target.value)}>
              <option value="">{sources.dateOption}</option>
              {sources.options.map((option) => (
                <option key={option.value} value={option.value}>
                  {option.label}
                </option>
              ))}
            </Select>
          </FormField>
        )}
        {byDate && (
          <Textfield
            id={`${ids}-date`}
            label={t('export.date')}
            type="date"
            value={asOf}
            onChange={(event) => setAsOf(event.target.value)}
            error={dateInvalid ? t('import.dateInvalid') : undefined}
          />
        )}
        <FormField id={`${ids}-format`} label={t('export.fileType')}>
          <Select id={`${ids}-format`} value={format} onChange={(event) => setFormat(event.target.value as FileFormat)}>
            {fileFormats.map((value) => (
              <option key={value} value={value}>
                {t(`import.fileFormat.${value}`)}
              </option>
            ))}
          </Select>
        </FormField>
        {format === 'csv' && (
          <FormField id={`${ids}-entity`} label={t('export.entity')}>
            <Select id={`${ids}-entity`} value={entity} onChange={(event) => setEntity(event.target.value as E)}>
              {entities.map((choice) => (
                <option key={choice.value} value={choice.value}>
                  {choice.label}
                </option>
              ))}
            </Select>
          </FormField>
        )}
        <div className="kp-form__actions">
          {/* No link while the date is not a date: the field says why. */}
          {!dateInvalid && (
            <Button asChild variant="primary">
              <a href={link} download>
                {t('export.download')}
              </a>
            </Button>
          )}
        </div>
      </div>
    </section>
  );
}

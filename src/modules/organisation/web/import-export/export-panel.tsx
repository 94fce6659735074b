import { Button, Label, Select, Textfield } from '@digdir/designsystemet-react';
import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import type { ImportEntity, ImportFormat } from '../../import-export.schemas';
import { scenariosQuery } from '../api';
import { todayInNorway } from '../i18n';
import { isIsoDate } from '../search-params';
import { SectionHeading } from '../ui';
import { useImportExportI18n } from './i18n';

export const entities: ImportEntity[] = ['units', 'positions', 'people', 'assignments', 'lines'];
export const formats: ImportFormat[] = ['json', 'xlsx', 'csv'];

/**
 * Export of a date or a scenario. The download is a plain link: the browser sends the session
 * cookie with it and saves the file under the name the server gives.
 */
export function ExportPanel({ canReadScenarios }: { canReadScenarios: boolean }) {
  const { t, date } = useImportExportI18n();
  const ids = useId();
  const [what, setWhat] = useState('date');
  const [asOf, setAsOf] = useState(todayInNorway());
  const [format, setFormat] = useState<ImportFormat>('json');
  const [entity, setEntity] = useState<ImportEntity>('units');
  const scenarios = useQuery({ ...scenariosQuery(), enabled: canReadScenarios });
  const choices = (scenarios.data?.items ?? []).filter((s) => s.status !== 'discarded');

  const params = new URLSearchParams({ format });
  if (what === 'date') params.set('date', asOf);
  else params.set('scenario', what);
  if (format === 'csv') params.set('entity', entity);
  const dateInvalid = what === 'date' && !isIsoDate(asOf);

  return (
    <section aria-labelledby={`${ids}-heading`} className="kp-org-section">
      <SectionHeading id={`${ids}-heading`}>{t('export.heading')}</SectionHeading>
      <div className="kp-org-form">
        {canReadScenarios && choices.length > 0 && (
          <div>
            <Label htmlFor={`${ids}-what`}>{t('export.what')}</Label>
            <Select id={`${ids}-what`} value={what} onChange={(event) => setWhat(event.target.value)}>
              <option value="date">{t('export.whatDate')}</option>
              {choices.map((scenario) => (
                <option key={scenario.id} value={scenario.id}>
                  {t('export.whatScenario', { name: scenario.name, date: date(scenario.effectiveDate) })}
                </option>
              ))}
            </Select>
          </div>
        )}
        {what === 'date' && (
          <Textfield
            id={`${ids}-date`}
            label={t('export.date')}
            type="date"
            value={asOf}
            onChange={(event) => setAsOf(event.target.value)}
            error={dateInvalid ? t('export.dateInvalid') : undefined}
          />
        )}
        <div>
          <Label htmlFor={`${ids}-format`}>{t('export.format')}</Label>
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
            <Label htmlFor={`${ids}-entity`}>{t('export.entity')}</Label>
            <Select id={`${ids}-entity`} value={entity} onChange={(event) => setEntity(event.target.value as ImportEntity)}>
              {entities.map((value) => (
                <option key={value} value={value}>
                  {t(`entity.${value}`)}
                </option>
              ))}
            </Select>
          </div>
        )}
        <div className="kp-org-form__actions">
          {/* No link while the date is not a date: the field says why. */}
          {!dateInvalid && (
            <Button asChild variant="primary">
              <a href={`/api/organisation/export?${params.toString()}`} download>
                {t('export.download')}
              </a>
            </Button>
          )}
        </div>
      </div>
    </section>
  );
}

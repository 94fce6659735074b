import { Label, Select, ValidationMessage } from '@digdir/designsystemet-react';
import { useQuery } from '@tanstack/react-query';
import { useId, useMemo, useState, type FormEvent } from 'react';
import { sitesQuery, unitsQuery, useAddLocation } from './api';
import { todayInNorway, usePlacesI18n } from './i18n';
import { isIsoDate } from './search-params';
import { fieldErrors } from './ui';
import { DatedFormEnd } from './dated-form-end';

/**
 * For editors, on the co-location page: a unit works at a site from a date (lokalisering). Who
 * shares a site follows from these records; it is never typed twice.
 */
export function LocationForm({ onReload }: { onReload: () => void }) {
  const { t, collator } = usePlacesI18n();
  const ids = useId();
  const mutation = useAddLocation();
  const [unitId, setUnitId] = useState('');
  const [siteId, setSiteId] = useState('');
  const [validFrom, setValidFrom] = useState(todayInNorway());
  const [source, setSource] = useState('');
  const [tried, setTried] = useState(false);
  const date = isIsoDate(validFrom) ? validFrom : todayInNorway();
  const units = useQuery(unitsQuery(date));
  const sites = useQuery(sitesQuery(date));
  const unitOptions = useMemo(
    () => [...(units.data?.units ?? [])].sort((a, b) => collator.compare(a.name, b.name)),
    [units.data, collator],
  );
  const siteOptions = useMemo(
    () => [...(sites.data?.sites ?? [])].sort((a, b) => collator.compare(a.name, b.name)),
    [sites.data, collator],
  );

  const server = fieldErrors(mutation.error);
  const errors = {
    unitId: tried && !unitId ? t('location.unitRequired') : server.unitId,
    siteId: tried && !siteId ? t('location.siteRequired') : server.siteId,
    validFrom: tried && !isIsoDate(validFrom) ? t('form.dateRequired') : server.validFrom,
  };
  const fieldIds = { unitId: `${ids}-unit`, siteId: `${ids}-site`, validFrom: `${ids}-from`, source: `${ids}-source` };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (!unitId || !siteId || !isIsoDate(validFrom)) return;
    mutation.mutate({ unitId, siteId, validFrom, source: source.trim() || null });
  };

  return (
    <form className="kp-places-form" onSubmit={submit} noValidate>
      <div className="kp-places-field">
        <Label htmlFor={fieldIds.unitId}>{t('location.unit')}</Label>
        <Select
          id={fieldIds.unitId}
          value={unitId}
          onChange={(e) => setUnitId(e.target.value)}
          aria-invalid={errors.unitId ? true : undefined}
          aria-describedby={errors.unitId ? `${fieldIds.unitId}-error` : undefined}
        >
          <option value="">{units.isPending ? t('serviceEdit.unitsLoading') : t('serviceEdit.chooseUnit')}</option>
          {unitOptions.map((unit) => (
            <option key={unit.id} value={unit.id}>
              {unit.name}
            </option>
          ))}
        </Select>
        {errors.unitId && (
          <ValidationMessage id={`${fieldIds.unitId}-error`} data-color="danger">
            {errors.unitId}
          </ValidationMessage>
        )}
      </div>
      <div className="kp-places-field">
        <Label htmlFor={fieldIds.siteId}>{t('coLocation.site')}</Label>
        <Select
          id={fieldIds.siteId}
          value={siteId}
          onChange={(e) => setSiteId(e.target.value)}
          aria-invalid={errors.siteId ? true : undefined}
          aria-describedby={errors.siteId ? `${fieldIds.siteId}-error` : undefined}
        >
          <option value="">{t('location.chooseSite')}</option>
          {siteOptions.map((site) => (
            <option key={site.id} value={site.id}>
              {site.hub ? `${site.name} (${site.hub.name})` : site.name}
            </option>
          ))}
        </Select>
        {errors.siteId && (
          <ValidationMessage id={`${fieldIds.siteId}-error`} data-color="danger">
            {errors.siteId}
          </ValidationMessage>
        )}
      </div>
      <DatedFormEnd
        fieldIds={fieldIds}
        validFrom={validFrom}
        onValidFrom={setValidFrom}
        validFromError={errors.validFrom}
        source={source}
        onSource={setSource}
        sourceError={server.source}
        mutation={mutation}
        onReload={onReload}
        submitLabel={t('location.submit')}
      />
    </form>
  );
}

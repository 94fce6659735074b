import { Select } from '@digdir/designsystemet-react';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useDatedForm } from '../../../web/components/dated-form';
import { DatedFormEnd } from '../../../web/components/dated-form-end';
import { FormField } from '../../../web/components/form-field';
import { sitesQuery, useAddLocation } from './api';
import { UnitCombobox } from './unit-combobox';
import { usePlacesI18n } from './i18n';

/**
 * For editors, on the co-location page: a unit works at a site from a date (lokalisering). Who
 * shares a site follows from these records; it is never typed twice.
 */
export function LocationForm({ onReload }: { onReload: () => void }) {
  const { t, collator } = usePlacesI18n();
  const mutation = useAddLocation();
  const [unitId, setUnitId] = useState('');
  const [siteId, setSiteId] = useState('');
  const form = useDatedForm({
    fields: ['unitId', 'siteId'],
    mutation,
    onReload,
    problems: { unitId: !unitId && t('location.unitRequired'), siteId: !siteId && t('location.siteRequired') },
  });
  const { fieldIds, errors } = form;
  const date = form.day;
  const sites = useQuery(sitesQuery(date));
  const siteOptions = useMemo(
    () => [...(sites.data?.sites ?? [])].sort((a, b) => collator.compare(a.name, b.name)),
    [sites.data, collator],
  );

  const submit = form.submit(() => mutation.mutate({ unitId, siteId, validFrom: form.validFrom, source: form.source.trim() || null }));

  return (
    <form className="kp-form" onSubmit={submit} noValidate>
      <UnitCombobox id={fieldIds.unitId} label={t('location.unit')} day={date} value={unitId} onChange={setUnitId} error={errors.unitId} />
      <FormField id={fieldIds.siteId} label={t('coLocation.site')} error={errors.siteId}>
        {(control) => (
          <Select {...control} value={siteId} onChange={(e) => setSiteId(e.target.value)}>
            <option value="">{t('location.chooseSite')}</option>
            {siteOptions.map((site) => (
              <option key={site.id} value={site.id}>
                {site.hub ? `${site.name} (${site.hub.name})` : site.name}
              </option>
            ))}
          </Select>
        )}
      </FormField>
      <DatedFormEnd {...form.end} submitLabel={t('location.submit')} />
    </form>
  );
}

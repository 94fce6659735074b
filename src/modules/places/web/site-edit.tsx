import { Paragraph, Textarea, Textfield } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useDatedForm } from '../../../web/components/dated-form';
import { DatedFormEnd } from '../../../web/components/dated-form-end';
import { FormField } from '../../../web/components/form-field';
import type { OpeningHours, SiteView } from '../places.schemas';
import { useChangeSite } from './api';
import { usePlacesI18n } from './i18n';
import { EditorDetails } from './ui';
import { TimesField } from './times-field';

const time = /^([01][0-9]|2[0-3]):[0-5][0-9]$/;

/**
 * For editors, under a site on the hub page: the address, opening hours and accessibility as of
 * a date (a new dated version; what was recorded before stays in the history). Empty means
 * unknown, and is shown so.
 */
export function SiteEditor({ site, onReload }: { site: SiteView; onReload: () => void }) {
  const { t } = usePlacesI18n();
  return (
    <EditorDetails summary={t('siteEdit.summary', { name: site.name })}>
      <SiteForm site={site} onReload={onReload} />
    </EditorDetails>
  );
}

function SiteForm({ site, onReload }: { site: SiteView; onReload: () => void }) {
  const { t } = usePlacesI18n();
  const mutation = useChangeSite(site.id);
  const [address, setAddress] = useState(site.address ?? '');
  const [hours, setHours] = useState<OpeningHours[]>(site.openingHours ?? []);
  const [hoursText, setHoursText] = useState(site.openingHoursText ?? '');
  const [accessibility, setAccessibility] = useState(site.accessibilityNotes ?? '');
  const form = useDatedForm({
    fields: ['address', 'openingHours', 'openingHoursText', 'accessibilityNotes'],
    mutation,
    onReload,
    problems: {
      openingHours: hours.some((h) => !time.test(h.opens) || !time.test(h.closes) || h.closes <= h.opens) && t('siteEdit.hoursInvalid'),
    },
  });
  const { fieldIds, errors } = form;

  const submit = form.submit(() =>
    mutation.mutate({
      revision: site.revision,
      validFrom: form.validFrom,
      address: address.trim() || null,
      openingHours: hours.length > 0 ? hours : null,
      openingHoursText: hoursText.trim() || null,
      accessibilityNotes: accessibility.trim() || null,
      ...form.sourceChange,
    }),
  );

  return (
    <form className="kp-form" onSubmit={submit} noValidate>
      <Paragraph data-size="sm">{t('siteEdit.help')}</Paragraph>
      <Textfield
        id={fieldIds.address}
        label={t('site.address')}
        value={address}
        onChange={(e) => setAddress(e.target.value)}
        error={errors.address}
      />
      <TimesField
        id={fieldIds.openingHours}
        legend={t('site.openingHours')}
        times={hours}
        onChange={setHours}
        error={errors.openingHours}
        start={{ key: 'opens', label: 'siteEdit.opens' }}
        end={{ key: 'closes', label: 'siteEdit.closes' }}
        addLabel="siteEdit.addDay"
        blank={{ weekday: 1, opens: '08:00', closes: '16:00' }}
      />
      <Textfield
        id={fieldIds.openingHoursText}
        label={t('siteEdit.hoursText')}
        description={t('siteEdit.hoursTextHelp')}
        value={hoursText}
        onChange={(e) => setHoursText(e.target.value)}
        error={errors.openingHoursText}
      />
      <FormField id={fieldIds.accessibilityNotes} label={t('site.accessibility')} error={errors.accessibilityNotes}>
        {(control) => <Textarea {...control} rows={3} value={accessibility} onChange={(e) => setAccessibility(e.target.value)} />}
      </FormField>
      <DatedFormEnd {...form.end} submitLabel={t('form.editSubmit')} />
    </form>
  );
}

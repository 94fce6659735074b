import { Button, Details, Fieldset, Label, Paragraph, Select, Textarea, Textfield, ValidationMessage } from '@digdir/designsystemet-react';
import { useId, useState, type FormEvent } from 'react';
import type { OpeningHours, SiteView } from '../places.schemas';
import { useChangeSite } from './api';
import { todayInNorway, usePlacesI18n } from './i18n';
import { isIsoDate } from './search-params';
import { fieldErrors } from './ui';
import { DatedFormEnd } from './dated-form-end';

const time = /^([01][0-9]|2[0-3]):[0-5][0-9]$/;

/**
 * For editors, under a site on the hub page: the address, opening hours and accessibility as of
 * a date (a new dated version; what was recorded before stays in the history). Empty means
 * unknown, and is shown so.
 */
export function SiteEditor({ site, onReload }: { site: SiteView; onReload: () => void }) {
  const { t } = usePlacesI18n();
  return (
    <Details>
      <Details.Summary>{t('siteEdit.summary', { name: site.name })}</Details.Summary>
      <Details.Content>
        <SiteForm site={site} onReload={onReload} />
      </Details.Content>
    </Details>
  );
}

function SiteForm({ site, onReload }: { site: SiteView; onReload: () => void }) {
  const { t, weekday } = usePlacesI18n();
  const ids = useId();
  const mutation = useChangeSite(site.id);
  const [address, setAddress] = useState(site.address ?? '');
  const [hours, setHours] = useState<OpeningHours[]>(site.openingHours ?? []);
  const [hoursText, setHoursText] = useState(site.openingHoursText ?? '');
  const [accessibility, setAccessibility] = useState(site.accessibilityNotes ?? '');
  const [validFrom, setValidFrom] = useState(todayInNorway());
  const [source, setSource] = useState('');
  const [tried, setTried] = useState(false);
  const server = fieldErrors(mutation.error);
  const hoursInvalid = hours.some((h) => !time.test(h.opens) || !time.test(h.closes) || h.closes <= h.opens);
  const errors = {
    validFrom: tried && !isIsoDate(validFrom) ? t('form.dateRequired') : server.validFrom,
    openingHours: tried && hoursInvalid ? t('siteEdit.hoursInvalid') : server.openingHours,
  };
  const fieldIds = {
    address: `${ids}-address`,
    openingHours: `${ids}-hours`,
    openingHoursText: `${ids}-hours-text`,
    accessibilityNotes: `${ids}-access`,
    validFrom: `${ids}-from`,
    source: `${ids}-source`,
  };
  const update = (index: number, change: Partial<OpeningHours>) => setHours(hours.map((h, i) => (i === index ? { ...h, ...change } : h)));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (!isIsoDate(validFrom) || hoursInvalid) return;
    mutation.mutate({
      revision: site.revision,
      validFrom,
      address: address.trim() || null,
      openingHours: hours.length > 0 ? hours : null,
      openingHoursText: hoursText.trim() || null,
      accessibilityNotes: accessibility.trim() || null,
      ...(source.trim() ? { source: source.trim() } : {}),
    });
  };

  return (
    <form className="kp-places-form" onSubmit={submit} noValidate>
      <Paragraph data-size="sm">{t('siteEdit.help')}</Paragraph>
      <Textfield
        id={fieldIds.address}
        label={t('site.address')}
        value={address}
        onChange={(e) => setAddress(e.target.value)}
        error={server.address}
      />
      <Fieldset id={fieldIds.openingHours} tabIndex={-1}>
        <Fieldset.Legend>{t('site.openingHours')}</Fieldset.Legend>
        {hours.map((h, index) => (
          <div key={index} className="kp-places-times__row">
            <div>
              <Label htmlFor={`${ids}-${index}-day`}>{t('form.weekday', { n: index + 1 })}</Label>
              <Select id={`${ids}-${index}-day`} value={h.weekday} onChange={(e) => update(index, { weekday: Number(e.target.value) })}>
                {[1, 2, 3, 4, 5, 6, 7].map((day) => (
                  <option key={day} value={day}>
                    {weekday(day)}
                  </option>
                ))}
              </Select>
            </div>
            <Textfield
              id={`${ids}-${index}-opens`}
              label={t('siteEdit.opens', { n: index + 1 })}
              type="time"
              value={h.opens}
              onChange={(e) => update(index, { opens: e.target.value })}
            />
            <Textfield
              id={`${ids}-${index}-closes`}
              label={t('siteEdit.closes', { n: index + 1 })}
              type="time"
              value={h.closes}
              onChange={(e) => update(index, { closes: e.target.value })}
            />
            <Button variant="tertiary" data-size="sm" onClick={() => setHours(hours.filter((_, i) => i !== index))}>
              {t('form.removeTime', { n: index + 1 })}
            </Button>
          </div>
        ))}
        <div>
          <Button variant="secondary" data-size="sm" onClick={() => setHours([...hours, { weekday: 1, opens: '08:00', closes: '16:00' }])}>
            {t('siteEdit.addDay')}
          </Button>
        </div>
        {errors.openingHours && <ValidationMessage data-color="danger">{errors.openingHours}</ValidationMessage>}
      </Fieldset>
      <Textfield
        id={fieldIds.openingHoursText}
        label={t('siteEdit.hoursText')}
        description={t('siteEdit.hoursTextHelp')}
        value={hoursText}
        onChange={(e) => setHoursText(e.target.value)}
        error={server.openingHoursText}
      />
      <div className="kp-places-field">
        <Label htmlFor={fieldIds.accessibilityNotes}>{t('site.accessibility')}</Label>
        <Textarea id={fieldIds.accessibilityNotes} rows={3} value={accessibility} onChange={(e) => setAccessibility(e.target.value)} />
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
        submitLabel={t('form.editSubmit')}
      />
    </form>
  );
}

import { Alert, Button, Fieldset, Label, Link, Paragraph, Select, Textfield, ValidationMessage } from '@digdir/designsystemet-react';
import { Link as RouterLink } from '@tanstack/react-router';
import { useId, useState, type FormEvent, type ReactNode } from 'react';
import type { CoverageMode, Offering, SiteList, WeeklyTime } from '../places.schemas';
import { useAddCoverage, useChangeCoverage, type CatalogueService } from './api';
import { modeKey, todayInNorway, usePlacesI18n } from './i18n';
import { isIsoDate } from './search-params';
import { fieldErrors, WriteError } from './ui';

const modes: CoverageMode[] = ['always', 'weekly', 'rotating', 'extended_period'];
const time = /^([01][0-9]|2[0-3]):[0-5][0-9]$/;

export type Sites = SiteList['sites'];

export type CoverageTarget =
  /** A new coverage row; service and district chosen in the form unless given. */
  { kind: 'add'; serviceId?: string; districtNumber?: number } | { kind: 'edit'; offering: Offering };

/**
 * Where and how a service is delivered in a district: the site, how (always, weekly times,
 * rotating, a period), a note on the schedule, from when, and the source. Adds a coverage row
 * or edits one in place (with the revision read, so a change made meanwhile is refused).
 */
export function CoverageForm({
  target,
  services,
  districts,
  sites,
  onReload,
  onDone,
}: {
  target: CoverageTarget;
  services: CatalogueService[];
  districts: { number: number; name: string; hub: { id: string; name: string } | null }[];
  sites: Sites;
  onReload: () => void;
  /** Called after a successful save (e.g. to close a dialog). */
  onDone?: (saved: { serviceId: string; districtNumber: number }) => void;
}) {
  const { t, date: formatDate } = usePlacesI18n();
  const ids = useId();
  const add = useAddCoverage();
  const change = useChangeCoverage();
  const mutation = target.kind === 'add' ? add : change;
  const initial = target.kind === 'edit' ? target.offering : null;
  const hubSiteOf = (number: number | undefined) => {
    const hub = districts.find((d) => d.number === number)?.hub;
    return hub ? (sites.find((s) => s.hub?.id === hub.id)?.id ?? '') : '';
  };

  const [serviceId, setServiceId] = useState(target.kind === 'add' ? (target.serviceId ?? '') : target.offering.serviceId);
  const [districtNumber, setDistrictNumber] = useState<number | undefined>(
    target.kind === 'add' ? target.districtNumber : target.offering.districtNumber,
  );
  const [siteId, setSiteId] = useState(
    initial ? (initial.site?.id ?? '') : hubSiteOf(target.kind === 'add' ? target.districtNumber : undefined),
  );
  const [siteTouched, setSiteTouched] = useState(false);
  const [mode, setMode] = useState<CoverageMode | ''>(initial?.mode ?? '');
  const [times, setTimes] = useState<WeeklyTime[]>(initial?.weeklyTimes ?? []);
  const [scheduleNote, setScheduleNote] = useState(initial?.scheduleNote ?? '');
  const [validFrom, setValidFrom] = useState(initial?.validFrom ?? todayInNorway());
  const [validTo, setValidTo] = useState(initial?.validTo ?? '');
  const [source, setSource] = useState(initial?.source ?? '');
  const [tried, setTried] = useState(false);
  const [saved, setSaved] = useState<{ serviceId: string; districtNumber: number } | null>(null);

  const server = fieldErrors(mutation.error);
  const errors = {
    serviceId: tried && !serviceId ? t('form.serviceRequired') : server.serviceId,
    districtNumber: tried && districtNumber === undefined ? t('form.districtRequired') : server.districtNumber,
    validFrom: tried && !isIsoDate(validFrom) ? t('form.dateRequired') : server.validFrom,
    validTo: tried && validTo !== '' && (!isIsoDate(validTo) || validTo <= validFrom) ? t('form.endAfterStart') : server.validTo,
    weeklyTimes:
      tried && times.some((w) => !time.test(w.from) || !time.test(w.to) || w.to <= w.from) ? t('form.timesInvalid') : server.weeklyTimes,
  };
  const fieldIds = {
    serviceId: `${ids}-service`,
    districtNumber: `${ids}-district`,
    siteId: `${ids}-site`,
    mode: `${ids}-mode`,
    weeklyTimes: `${ids}-times`,
    scheduleNote: `${ids}-note`,
    validFrom: `${ids}-from`,
    validTo: `${ids}-to`,
    source: `${ids}-source`,
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    setSaved(null);
    const invalid =
      !serviceId ||
      districtNumber === undefined ||
      !isIsoDate(validFrom) ||
      (validTo !== '' && (!isIsoDate(validTo) || validTo <= validFrom)) ||
      times.some((w) => !time.test(w.from) || !time.test(w.to) || w.to <= w.from);
    if (invalid) return;
    const common = {
      siteId: siteId || null,
      mode: mode || null,
      weeklyTimes: times.length > 0 ? times : null,
      scheduleNote: scheduleNote.trim() || null,
      source: source.trim() || null,
    };
    const done = () => {
      const result = { serviceId, districtNumber };
      setSaved(result);
      onDone?.(result);
    };
    if (target.kind === 'add') {
      add.mutate({ ...common, serviceId, districtNumber, validFrom }, { onSuccess: done });
    } else {
      change.mutate(
        {
          ...common,
          id: target.offering.coverageId,
          revision: target.offering.revision,
          ...(validFrom !== target.offering.validFrom ? { validFrom } : {}),
          validTo: validTo || null,
        },
        { onSuccess: done },
      );
    }
  };

  const savedService = saved ? services.find((s) => s.id === saved.serviceId) : undefined;

  return (
    <form className="kp-places-form" onSubmit={submit} noValidate>
      {target.kind === 'add' && target.serviceId === undefined && (
        <SelectField id={fieldIds.serviceId} label={t('form.service')} error={errors.serviceId}>
          <Select
            id={fieldIds.serviceId}
            value={serviceId}
            onChange={(e) => setServiceId(e.target.value)}
            aria-invalid={errors.serviceId ? true : undefined}
            aria-describedby={errors.serviceId ? `${fieldIds.serviceId}-error` : undefined}
          >
            <option value="">{t('form.chooseService')}</option>
            {services.map((service) => (
              <option key={service.id} value={service.id}>
                {service.name}
              </option>
            ))}
          </Select>
        </SelectField>
      )}
      {target.kind === 'add' && target.districtNumber === undefined && (
        <SelectField id={fieldIds.districtNumber} label={t('form.district')} error={errors.districtNumber}>
          <Select
            id={fieldIds.districtNumber}
            value={districtNumber ?? ''}
            onChange={(e) => {
              const number = e.target.value ? Number(e.target.value) : undefined;
              setDistrictNumber(number);
              // Suggest the district's hub, unless a site has been chosen by hand.
              if (!siteTouched) setSiteId(hubSiteOf(number));
            }}
            aria-invalid={errors.districtNumber ? true : undefined}
            aria-describedby={errors.districtNumber ? `${fieldIds.districtNumber}-error` : undefined}
          >
            <option value="">{t('form.chooseDistrict')}</option>
            {districts.map((district) => (
              <option key={district.number} value={district.number}>
                {t('district.numbered', { number: district.number, name: district.name })}
              </option>
            ))}
          </Select>
        </SelectField>
      )}
      <SelectField id={fieldIds.siteId} label={t('form.site')} description={t('form.siteHelp')} error={server.siteId}>
        <Select
          id={fieldIds.siteId}
          value={siteId}
          onChange={(e) => {
            setSiteId(e.target.value);
            setSiteTouched(true);
          }}
          aria-describedby={`${fieldIds.siteId}-help`}
        >
          <option value="">{t('form.siteUnknown')}</option>
          <SiteOptions sites={sites} />
        </Select>
      </SelectField>
      <SelectField id={fieldIds.mode} label={t('form.mode')} error={server.mode}>
        <Select id={fieldIds.mode} value={mode} onChange={(e) => setMode(e.target.value as CoverageMode | '')}>
          <option value="">{t('form.modeUnknown')}</option>
          {modes.map((value) => (
            <option key={value} value={value}>
              {t(modeKey(value))}
            </option>
          ))}
        </Select>
      </SelectField>
      <WeeklyTimesField id={fieldIds.weeklyTimes} times={times} onChange={setTimes} error={errors.weeklyTimes} />
      <Textfield
        id={fieldIds.scheduleNote}
        label={t('form.scheduleNote')}
        description={t('form.scheduleNoteHelp')}
        value={scheduleNote}
        onChange={(e) => setScheduleNote(e.target.value)}
        error={server.scheduleNote}
      />
      <Textfield
        id={fieldIds.validFrom}
        label={t('form.validFrom')}
        type="date"
        value={validFrom}
        onChange={(e) => setValidFrom(e.target.value)}
        error={errors.validFrom}
        required
      />
      {target.kind === 'edit' && (
        <Textfield
          id={fieldIds.validTo}
          label={t('form.validTo')}
          description={t('form.validToHelp')}
          type="date"
          value={validTo}
          onChange={(e) => setValidTo(e.target.value)}
          error={errors.validTo}
        />
      )}
      <Textfield
        id={fieldIds.source}
        label={t('form.source')}
        description={t('form.sourceHelp')}
        value={source}
        onChange={(e) => setSource(e.target.value)}
        error={server.source}
      />
      <WriteError
        error={mutation.error}
        fieldIds={fieldIds}
        onReload={() => {
          mutation.reset();
          onReload();
        }}
      />
      {saved && !mutation.error && (
        <Alert data-color="success" role="status">
          <Paragraph>{t('form.saved', { date: formatDate(validFrom) })}</Paragraph>
          <Paragraph>
            <Link asChild>
              <RouterLink to="/steder-og-tjenester/kommunedeler/$number" params={{ number: String(saved.districtNumber) }}>
                {t('form.seeDistrict', { number: saved.districtNumber })}
              </RouterLink>
            </Link>
            {savedService && (
              <>
                {' · '}
                <Link asChild>
                  <RouterLink to="/steder-og-tjenester/tjenester/$id" params={{ id: savedService.id }}>
                    {t('form.seeService', { name: savedService.name })}
                  </RouterLink>
                </Link>
              </>
            )}
          </Paragraph>
        </Alert>
      )}
      <div className="kp-places-form__actions">
        <Button type="submit" loading={mutation.isPending}>
          {target.kind === 'add' ? t('form.addSubmit') : t('form.editSubmit')}
        </Button>
      </div>
    </form>
  );
}

function SelectField({
  id,
  label,
  description,
  error,
  children,
}: {
  id: string;
  label: string;
  description?: string;
  error?: string;
  children: ReactNode;
}) {
  return (
    <div className="kp-places-field">
      <Label htmlFor={id}>{label}</Label>
      {description && (
        <Paragraph data-size="sm" id={`${id}-help`} className="kp-muted">
          {description}
        </Paragraph>
      )}
      {children}
      {error && (
        <ValidationMessage id={`${id}-error`} data-color="danger">
          {error}
        </ValidationMessage>
      )}
    </div>
  );
}

/** The sites, grouped by hub (the hub's district first), then the others. */
function SiteOptions({ sites }: { sites: Sites }) {
  const { t } = usePlacesI18n();
  const byHub = new Map<string, { name: string; number: number; sites: Sites }>();
  const others: Sites = [];
  for (const site of sites) {
    if (!site.hub) {
      others.push(site);
      continue;
    }
    const group = byHub.get(site.hub.id) ?? { name: site.hub.name, number: site.hub.districtNumber, sites: [] };
    group.sites.push(site);
    byHub.set(site.hub.id, group);
  }
  return (
    <>
      {[...byHub.entries()]
        .sort(([, a], [, b]) => a.number - b.number)
        .map(([id, group]) => (
          <optgroup key={id} label={group.name}>
            {group.sites.map((site) => (
              <option key={site.id} value={site.id}>
                {site.name}
              </option>
            ))}
          </optgroup>
        ))}
      {others.length > 0 && (
        <optgroup label={t('form.otherSites')}>
          {others.map((site) => (
            <option key={site.id} value={site.id}>
              {site.name}
            </option>
          ))}
        </optgroup>
      )}
    </>
  );
}

/** Fixed weekly times: a row per day and time span, added and removed with buttons. */
function WeeklyTimesField({
  id,
  times,
  onChange,
  error,
}: {
  id: string;
  times: WeeklyTime[];
  onChange: (times: WeeklyTime[]) => void;
  error?: string;
}) {
  const { t, weekday } = usePlacesI18n();
  const update = (index: number, change: Partial<WeeklyTime>) => onChange(times.map((w, i) => (i === index ? { ...w, ...change } : w)));
  return (
    <Fieldset id={id} tabIndex={-1}>
      <Fieldset.Legend>{t('form.weeklyTimes')}</Fieldset.Legend>
      <Fieldset.Description>{t('form.weeklyTimesHelp')}</Fieldset.Description>
      {times.map((w, index) => (
        <div key={index} className="kp-places-times__row">
          <div>
            <Label htmlFor={`${id}-${index}-day`}>{t('form.weekday', { n: index + 1 })}</Label>
            <Select id={`${id}-${index}-day`} value={w.weekday} onChange={(e) => update(index, { weekday: Number(e.target.value) })}>
              {[1, 2, 3, 4, 5, 6, 7].map((day) => (
                <option key={day} value={day}>
                  {weekday(day)}
                </option>
              ))}
            </Select>
          </div>
          <Textfield
            id={`${id}-${index}-from`}
            label={t('form.from', { n: index + 1 })}
            type="time"
            value={w.from}
            onChange={(e) => update(index, { from: e.target.value })}
          />
          <Textfield
            id={`${id}-${index}-to`}
            label={t('form.to', { n: index + 1 })}
            type="time"
            value={w.to}
            onChange={(e) => update(index, { to: e.target.value })}
          />
          <Button variant="tertiary" data-size="sm" onClick={() => onChange(times.filter((_, i) => i !== index))}>
            {t('form.removeTime', { n: index + 1 })}
          </Button>
        </div>
      ))}
      <div>
        <Button variant="secondary" data-size="sm" onClick={() => onChange([...times, { weekday: 1, from: '09:00', to: '15:00' }])}>
          {t('form.addTime')}
        </Button>
      </div>
      {error && <ValidationMessage data-color="danger">{error}</ValidationMessage>}
    </Fieldset>
  );
}

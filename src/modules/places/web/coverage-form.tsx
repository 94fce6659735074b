import { Link, Paragraph, Select, Textfield } from '@digdir/designsystemet-react';
import { Link as RouterLink } from '@tanstack/react-router';
import { useState } from 'react';
import { isIsoDate } from '../../../web/components/as-of-date';
import { useDatedForm } from '../../../web/components/dated-form';
import { DatedFormEnd } from '../../../web/components/dated-form-end';
import { FormField } from '../../../web/components/form-field';
import type { CoverageMode, Offering, SiteList, WeeklyTime } from '../places.schemas';
import { useAddCoverage, useChangeCoverage, type CatalogueService } from './api';
import { modeKey, usePlacesI18n } from './i18n';
import { TimesField } from './times-field';

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
  const { t } = usePlacesI18n();
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
  const [validTo, setValidTo] = useState(initial?.validTo ?? '');
  const [saved, setSaved] = useState<{ serviceId: string; districtNumber: number } | null>(null);
  const form = useDatedForm({
    fields: ['serviceId', 'districtNumber', 'siteId', 'mode', 'weeklyTimes', 'scheduleNote', 'validTo'],
    mutation,
    onReload,
    validFrom: initial?.validFrom,
    source: initial?.source ?? '',
    problems: (validFrom) => ({
      serviceId: !serviceId && t('form.serviceRequired'),
      districtNumber: districtNumber === undefined && t('form.districtRequired'),
      validTo: validTo !== '' && (!isIsoDate(validTo) || validTo <= validFrom) && t('form.endAfterStart'),
      weeklyTimes: times.some((w) => !time.test(w.from) || !time.test(w.to) || w.to <= w.from) && t('form.timesInvalid'),
    }),
  });
  const { fieldIds, errors, server, validFrom } = form;

  const submit = form.submit(() => {
    setSaved(null);
    if (districtNumber === undefined) return; // a problem above already; this narrows the type
    const common = {
      siteId: siteId || null,
      mode: mode || null,
      weeklyTimes: times.length > 0 ? times : null,
      scheduleNote: scheduleNote.trim() || null,
      source: form.source.trim() || null,
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
  });

  const savedService = saved ? services.find((s) => s.id === saved.serviceId) : undefined;

  return (
    <form className="kp-form" onSubmit={submit} noValidate>
      {target.kind === 'add' && target.serviceId === undefined && (
        <FormField id={fieldIds.serviceId} label={t('form.service')} error={errors.serviceId}>
          {(control) => (
            <Select {...control} value={serviceId} onChange={(e) => setServiceId(e.target.value)}>
              <option value="">{t('form.chooseService')}</option>
              {services.map((service) => (
                <option key={service.id} value={service.id}>
                  {service.name}
                </option>
              ))}
            </Select>
          )}
        </FormField>
      )}
      {target.kind === 'add' && target.districtNumber === undefined && (
        <FormField id={fieldIds.districtNumber} label={t('form.district')} error={errors.districtNumber}>
          {(control) => (
            <Select
              {...control}
              value={districtNumber ?? ''}
              onChange={(e) => {
                const number = e.target.value ? Number(e.target.value) : undefined;
                setDistrictNumber(number);
                // Suggest the district's hub, unless a site has been chosen by hand.
                if (!siteTouched) setSiteId(hubSiteOf(number));
              }}
            >
              <option value="">{t('form.chooseDistrict')}</option>
              {districts.map((district) => (
                <option key={district.number} value={district.number}>
                  {t('district.numbered', { number: district.number, name: district.name })}
                </option>
              ))}
            </Select>
          )}
        </FormField>
      )}
      <FormField id={fieldIds.siteId} label={t('form.site')} description={t('form.siteHelp')} error={server.siteId}>
        {(control) => (
          <Select
            {...control}
            value={siteId}
            onChange={(e) => {
              setSiteId(e.target.value);
              setSiteTouched(true);
            }}
          >
            <option value="">{t('form.siteUnknown')}</option>
            <SiteOptions sites={sites} />
          </Select>
        )}
      </FormField>
      <FormField id={fieldIds.mode} label={t('form.mode')} error={server.mode}>
        {(control) => (
          <Select {...control} value={mode} onChange={(e) => setMode(e.target.value as CoverageMode | '')}>
            <option value="">{t('form.modeUnknown')}</option>
            {modes.map((value) => (
              <option key={value} value={value}>
                {t(modeKey(value))}
              </option>
            ))}
          </Select>
        )}
      </FormField>
      <TimesField
        id={fieldIds.weeklyTimes}
        legend={t('form.weeklyTimes')}
        description={t('form.weeklyTimesHelp')}
        times={times}
        onChange={setTimes}
        error={errors.weeklyTimes}
        start={{ key: 'from', label: 'form.from' }}
        end={{ key: 'to', label: 'form.to' }}
        addLabel="form.addTime"
        blank={{ weekday: 1, from: '09:00', to: '15:00' }}
      />
      <Textfield
        id={fieldIds.scheduleNote}
        label={t('form.scheduleNote')}
        description={t('form.scheduleNoteHelp')}
        value={scheduleNote}
        onChange={(e) => setScheduleNote(e.target.value)}
        error={server.scheduleNote}
      />
      <DatedFormEnd
        {...form.end}
        afterValidFrom={
          target.kind === 'edit' && (
            <Textfield
              id={fieldIds.validTo}
              label={t('form.validTo')}
              description={t('form.validToHelp')}
              type="date"
              value={validTo}
              onChange={(e) => setValidTo(e.target.value)}
              error={errors.validTo}
            />
          )
        }
        submitLabel={target.kind === 'add' ? t('form.addSubmit') : t('form.editSubmit')}
        savedExtra={
          saved && (
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
          )
        }
      />
    </form>
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

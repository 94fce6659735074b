import {
  Checkbox,
  Details,
  Fieldset,
  Label,
  Link,
  Paragraph,
  Select,
  Textarea,
  Textfield,
  ValidationMessage,
} from '@digdir/designsystemet-react';
import { useQuery } from '@tanstack/react-query';
import { Link as RouterLink } from '@tanstack/react-router';
import { useId, useMemo, useState, type FormEvent } from 'react';
import type { ProximityClass, ServiceDetail } from '../places.schemas';
import { unitsQuery, useChangeService, useCreateService } from './api';
import { channelKey, entryPointKey, proximityKey, todayInNorway, usePlacesI18n } from './i18n';
import { isIsoDate } from './search-params';
import { fieldErrors } from './ui';
import { DatedFormEnd } from './dated-form-end';

type Channel = ServiceDetail['channels'][number];
type EntryPoint = ServiceDetail['entryPoints'][number];

const proximityClasses: ProximityClass[] = ['every_district', 'shared_districts', 'central', 'where_citizen_is', 'digital'];
const channels: Channel[] = ['in_person', 'phone', 'digital', 'home_visit', 'outreach'];
const entryPoints: EntryPoint[] = ['hub', 'service_desk', 'apent_hus'];

/** For editors, on a service page: what citizens read about the service, changed from a date. */
export function ServiceEditor({ service, onReload }: { service: ServiceDetail; onReload: () => void }) {
  const { t } = usePlacesI18n();
  return (
    <Details>
      <Details.Summary>{t('serviceEdit.summary')}</Details.Summary>
      <Details.Content>
        <ServiceForm service={service} onReload={onReload} />
      </Details.Content>
    </Details>
  );
}

/**
 * A service in the catalogue: a new one (no `service`), or a change to one from a date. The
 * delivering unit comes from the organisation on that date.
 */
export function ServiceForm({ service, onReload }: { service?: ServiceDetail; onReload: () => void }) {
  const { t, collator } = usePlacesI18n();
  const ids = useId();
  const create = useCreateService();
  const change = useChangeService(service?.id ?? '');
  const mutation = service ? change : create;
  const [name, setName] = useState(service?.name ?? '');
  const [description, setDescription] = useState(service?.description ?? '');
  const [groups, setGroups] = useState(service?.targetGroups.join(', ') ?? '');
  const [unitId, setUnitId] = useState(service?.deliveringUnit.id ?? '');
  const [proximity, setProximity] = useState<ProximityClass | ''>(service?.proximityClass ?? '');
  const [chosenChannels, setChannels] = useState<Channel[]>(service?.channels ?? []);
  const [chosenEntries, setEntries] = useState<EntryPoint[]>(service?.entryPoints ?? []);
  const [contact, setContact] = useState(service?.contact ?? '');
  const [validFrom, setValidFrom] = useState(todayInNorway());
  const [source, setSource] = useState('');
  const [tried, setTried] = useState(false);
  const [created, setCreated] = useState<{ id: string; name: string } | null>(null);

  const units = useQuery(unitsQuery(isIsoDate(validFrom) ? validFrom : todayInNorway()));
  const unitOptions = useMemo(
    () => [...(units.data?.units ?? [])].sort((a, b) => collator.compare(a.name, b.name)),
    [units.data, collator],
  );

  const targetGroups = [
    ...new Set(
      groups
        .split(',')
        .map((g) => g.trim())
        .filter(Boolean),
    ),
  ];
  const server = fieldErrors(mutation.error);
  const errors = {
    name: tried && !name.trim() ? t('serviceEdit.nameRequired') : server.name,
    deliveringUnitId: tried && !unitId ? t('serviceEdit.unitRequired') : server.deliveringUnitId,
    proximityClass: tried && !proximity ? t('serviceEdit.proximityRequired') : server.proximityClass,
    validFrom: tried && !isIsoDate(validFrom) ? t('form.dateRequired') : server.validFrom,
  };
  const fieldIds = {
    name: `${ids}-name`,
    description: `${ids}-description`,
    targetGroups: `${ids}-groups`,
    deliveringUnitId: `${ids}-unit`,
    proximityClass: `${ids}-proximity`,
    channels: `${ids}-channels`,
    entryPoints: `${ids}-entries`,
    contact: `${ids}-contact`,
    validFrom: `${ids}-from`,
    source: `${ids}-source`,
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    setCreated(null);
    if (!name.trim() || !unitId || !proximity || !isIsoDate(validFrom)) return;
    const fields = {
      name: name.trim(),
      description: description.trim() || null,
      targetGroups,
      deliveringUnitId: unitId,
      proximityClass: proximity,
      channels: chosenChannels,
      entryPoints: chosenEntries,
      contact: contact.trim() || null,
      validFrom,
    };
    if (service) {
      change.mutate({ ...fields, revision: service.revision, ...(source.trim() ? { source: source.trim() } : {}) });
    } else {
      create.mutate(
        { ...fields, source: source.trim() || null },
        { onSuccess: (result) => setCreated({ id: result.id, name: fields.name }) },
      );
    }
  };

  const toggle = <T,>(list: T[], value: T, on: boolean) => (on ? [...list, value] : list.filter((v) => v !== value));

  return (
    <form className="kp-places-form" onSubmit={submit} noValidate>
      <Textfield
        id={fieldIds.name}
        label={t('serviceEdit.name')}
        value={name}
        onChange={(e) => setName(e.target.value)}
        error={errors.name}
        required
      />
      <div className="kp-places-field">
        <Label htmlFor={fieldIds.description}>{t('serviceEdit.description')}</Label>
        <Paragraph data-size="sm" id={`${fieldIds.description}-help`} className="kp-muted">
          {t('serviceEdit.descriptionHelp')}
        </Paragraph>
        <Textarea
          id={fieldIds.description}
          rows={3}
          value={description}
          onChange={(e) => setDescription(e.target.value)}
          aria-describedby={`${fieldIds.description}-help`}
        />
      </div>
      <Textfield
        id={fieldIds.targetGroups}
        label={t('service.targetGroups')}
        description={t('serviceEdit.groupsHelp')}
        value={groups}
        onChange={(e) => setGroups(e.target.value)}
        error={server.targetGroups}
      />
      <div className="kp-places-field">
        <Label htmlFor={fieldIds.deliveringUnitId}>{t('service.deliveredBy')}</Label>
        <Select
          id={fieldIds.deliveringUnitId}
          value={unitId}
          onChange={(e) => setUnitId(e.target.value)}
          aria-invalid={errors.deliveringUnitId ? true : undefined}
          aria-describedby={errors.deliveringUnitId ? `${fieldIds.deliveringUnitId}-error` : undefined}
        >
          <option value="">{units.isPending ? t('serviceEdit.unitsLoading') : t('serviceEdit.chooseUnit')}</option>
          {/* The current unit stays choosable even if the organisation is still loading. */}
          {service && !unitOptions.some((u) => u.id === service.deliveringUnit.id) && (
            <option value={service.deliveringUnit.id}>{service.deliveringUnit.name}</option>
          )}
          {unitOptions.map((unit) => (
            <option key={unit.id} value={unit.id}>
              {unit.name}
            </option>
          ))}
        </Select>
        {errors.deliveringUnitId && (
          <ValidationMessage id={`${fieldIds.deliveringUnitId}-error`} data-color="danger">
            {errors.deliveringUnitId}
          </ValidationMessage>
        )}
      </div>
      <div className="kp-places-field">
        <Label htmlFor={fieldIds.proximityClass}>{t('service.proximity')}</Label>
        <Select
          id={fieldIds.proximityClass}
          value={proximity}
          onChange={(e) => setProximity(e.target.value as ProximityClass | '')}
          aria-invalid={errors.proximityClass ? true : undefined}
          aria-describedby={errors.proximityClass ? `${fieldIds.proximityClass}-error` : undefined}
        >
          <option value="">{t('serviceEdit.chooseProximity')}</option>
          {proximityClasses.map((value) => (
            <option key={value} value={value}>
              {t(proximityKey(value))}
            </option>
          ))}
        </Select>
        {errors.proximityClass && (
          <ValidationMessage id={`${fieldIds.proximityClass}-error`} data-color="danger">
            {errors.proximityClass}
          </ValidationMessage>
        )}
      </div>
      <Fieldset id={fieldIds.channels} tabIndex={-1}>
        <Fieldset.Legend>{t('service.channels')}</Fieldset.Legend>
        {channels.map((value) => (
          <Checkbox
            key={value}
            label={t(channelKey(value))}
            value={value}
            checked={chosenChannels.includes(value)}
            onChange={(e) => setChannels(toggle(chosenChannels, value, e.target.checked))}
          />
        ))}
      </Fieldset>
      <Fieldset id={fieldIds.entryPoints} tabIndex={-1}>
        <Fieldset.Legend>{t('service.entryPoints')}</Fieldset.Legend>
        {entryPoints.map((value) => (
          <Checkbox
            key={value}
            label={t(entryPointKey(value))}
            value={value}
            checked={chosenEntries.includes(value)}
            onChange={(e) => setEntries(toggle(chosenEntries, value, e.target.checked))}
          />
        ))}
      </Fieldset>
      <Textfield
        id={fieldIds.contact}
        label={t('service.contact')}
        description={t('serviceEdit.contactHelp')}
        value={contact}
        onChange={(e) => setContact(e.target.value)}
        error={server.contact}
      />
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
        submitLabel={service ? t('form.editSubmit') : t('serviceEdit.createSubmit')}
        savedExtra={
          created && (
            <Paragraph>
              <Link asChild>
                <RouterLink to="/steder-og-tjenester/tjenester/$id" params={{ id: created.id }}>
                  {t('form.seeService', { name: created.name })}
                </RouterLink>
              </Link>
            </Paragraph>
          )
        }
      />
    </form>
  );
}

import { Checkbox, Fieldset, Link, Paragraph, Select, Textarea, Textfield } from '@digdir/designsystemet-react';
import { Link as RouterLink } from '@tanstack/react-router';
import { useState } from 'react';
import { useDatedForm } from '../../../web/components/dated-form';
import { DatedFormEnd } from '../../../web/components/dated-form-end';
import { FormField } from '../../../web/components/form-field';
import type { ProximityClass, ServiceDetail } from '../places.schemas';
import { useChangeService, useCreateService } from './api';
import { channelKey, entryPointKey, proximityKey, usePlacesI18n } from './i18n';
import { EditorDetails } from './ui';
import { UnitCombobox } from './unit-combobox';

type Channel = ServiceDetail['channels'][number];
type EntryPoint = ServiceDetail['entryPoints'][number];

const proximityClasses: ProximityClass[] = ['every_district', 'shared_districts', 'central', 'where_citizen_is', 'digital'];
const channels: Channel[] = ['in_person', 'phone', 'digital', 'home_visit', 'outreach'];
const entryPoints: EntryPoint[] = ['hub', 'service_desk', 'apent_hus'];

/** For editors, on a service page: what citizens read about the service, changed from a date. */
export function ServiceEditor({ service, onReload }: { service: ServiceDetail; onReload: () => void }) {
  const { t } = usePlacesI18n();
  return (
    <EditorDetails summary={t('serviceEdit.summary')}>
      <ServiceForm service={service} onReload={onReload} />
    </EditorDetails>
  );
}

/**
 * A service in the catalogue: a new one (no `service`), or a change to one from a date. The
 * delivering unit comes from the organisation on that date.
 */
export function ServiceForm({ service, onReload }: { service?: ServiceDetail; onReload: () => void }) {
  const { t } = usePlacesI18n();
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
  const [created, setCreated] = useState<{ id: string; name: string } | null>(null);
  const form = useDatedForm({
    fields: ['name', 'description', 'targetGroups', 'deliveringUnitId', 'proximityClass', 'channels', 'entryPoints', 'contact'],
    mutation,
    onReload,
    problems: {
      name: !name.trim() && t('serviceEdit.nameRequired'),
      deliveringUnitId: !unitId && t('serviceEdit.unitRequired'),
      proximityClass: !proximity && t('serviceEdit.proximityRequired'),
    },
  });
  const { fieldIds, errors } = form;

  const targetGroups = [
    ...new Set(
      groups
        .split(',')
        .map((g) => g.trim())
        .filter(Boolean),
    ),
  ];
  const submit = form.submit(() => {
    setCreated(null);
    if (!proximity) return; // a problem above already; this narrows the type
    const fields = {
      name: name.trim(),
      description: description.trim() || null,
      targetGroups,
      deliveringUnitId: unitId,
      proximityClass: proximity,
      channels: chosenChannels,
      entryPoints: chosenEntries,
      contact: contact.trim() || null,
      validFrom: form.validFrom,
    };
    if (service) {
      change.mutate({ ...fields, revision: service.revision, ...form.sourceChange });
    } else {
      create.mutate(
        { ...fields, source: form.source.trim() || null },
        { onSuccess: (result) => setCreated({ id: result.id, name: fields.name }) },
      );
    }
  });

  const toggle = <T,>(list: T[], value: T, on: boolean) => (on ? [...list, value] : list.filter((v) => v !== value));

  return (
    <form className="kp-form" onSubmit={submit} noValidate>
      <Textfield
        id={fieldIds.name}
        label={t('serviceEdit.name')}
        value={name}
        onChange={(e) => setName(e.target.value)}
        error={errors.name}
        required
      />
      <FormField id={fieldIds.description} label={t('serviceEdit.description')} description={t('serviceEdit.descriptionHelp')}>
        {(control) => <Textarea {...control} rows={3} value={description} onChange={(e) => setDescription(e.target.value)} />}
      </FormField>
      <Textfield
        id={fieldIds.targetGroups}
        label={t('service.targetGroups')}
        description={t('serviceEdit.groupsHelp')}
        value={groups}
        onChange={(e) => setGroups(e.target.value)}
        error={errors.targetGroups}
      />
      <UnitCombobox
        id={fieldIds.deliveringUnitId}
        label={t('service.deliveredBy')}
        day={form.day}
        current={service?.deliveringUnit}
        value={unitId}
        onChange={setUnitId}
        error={errors.deliveringUnitId}
      />
      <FormField id={fieldIds.proximityClass} label={t('service.proximity')} error={errors.proximityClass}>
        {(control) => (
          <Select {...control} value={proximity} onChange={(e) => setProximity(e.target.value as ProximityClass | '')}>
            <option value="">{t('serviceEdit.chooseProximity')}</option>
            {proximityClasses.map((value) => (
              <option key={value} value={value}>
                {t(proximityKey(value))}
              </option>
            ))}
          </Select>
        )}
      </FormField>
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
        error={errors.contact}
      />
      <DatedFormEnd
        {...form.end}
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

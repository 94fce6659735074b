import { Checkbox, Fieldset, Paragraph, Textarea, Textfield, ValidationMessage } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { changedFields, useDatedForm } from '../../../web/components/dated-form';
import { DatedFormEnd } from '../../../web/components/dated-form-end';
import { FormField } from '../../../web/components/form-field';
import type { HubDetail } from '../places.schemas';
import { useChangeHub } from './api';
import { hubFunctionKey, usePlacesI18n } from './i18n';
import { EditorDetails } from './ui';
import { UnitCombobox } from './unit-combobox';

type HubFunction = HubDetail['functions'][number];
const hubFunctions: HubFunction[] = ['meeting_place', 'service_desk'];

/** For editors, on a hub page: its name, functions, success criteria, evaluation notes and pilot unit, from a date. */
export function HubEditor({ hub, onReload }: { hub: HubDetail; onReload: () => void }) {
  const { t } = usePlacesI18n();
  return (
    <EditorDetails summary={t('hubEdit.summary')}>
      <HubForm hub={hub} onReload={onReload} />
    </EditorDetails>
  );
}

function HubForm({ hub, onReload }: { hub: HubDetail; onReload: () => void }) {
  const { t } = usePlacesI18n();
  const mutation = useChangeHub(hub.id);
  const [name, setName] = useState(hub.name);
  const [functions, setFunctions] = useState<HubFunction[]>(hub.functions);
  const [successCriteria, setSuccessCriteria] = useState(hub.successCriteria ?? '');
  const [evaluationNotes, setEvaluationNotes] = useState(hub.evaluationNotes ?? '');
  const [pilotUnitId, setPilotUnitId] = useState(hub.pilotUnit?.id ?? '');
  const form = useDatedForm({
    fields: ['name', 'functions', 'successCriteria', 'evaluationNotes', 'pilotUnitId'],
    mutation,
    onReload,
    problems: { name: !name.trim() && t('hubEdit.nameRequired') },
  });
  const { fieldIds, errors, server } = form;

  const submit = form.submit(() => {
    const text = (value: string) => value.trim() || null;
    // Only what differs is sent: the change is a new dated version of just those fields.
    const changes = changedFields({
      name: [name.trim(), hub.name],
      functions: [hubFunctions.filter((f) => functions.includes(f)), hub.functions],
      successCriteria: [text(successCriteria), hub.successCriteria],
      evaluationNotes: [text(evaluationNotes), hub.evaluationNotes],
      pilotUnitId: [pilotUnitId || null, hub.pilotUnit?.id ?? null],
    });
    form.sendChanges(changes, (next) =>
      mutation.mutate({ revision: hub.revision, validFrom: form.validFrom, ...next, ...form.sourceChange }),
    );
  });

  return (
    <form className="kp-form" onSubmit={submit} noValidate>
      <Paragraph data-size="sm">{t('hubEdit.help')}</Paragraph>
      <Textfield
        id={fieldIds.name}
        label={t('hubEdit.name')}
        value={name}
        onChange={(e) => setName(e.target.value)}
        error={errors.name}
        required
      />
      <Fieldset id={fieldIds.functions} tabIndex={-1}>
        <Fieldset.Legend>{t('hub.functions')}</Fieldset.Legend>
        {hubFunctions.map((value) => (
          <Checkbox
            key={value}
            label={t(hubFunctionKey(value))}
            value={value}
            checked={functions.includes(value)}
            onChange={(e) => setFunctions(e.target.checked ? [...functions, value] : functions.filter((f) => f !== value))}
          />
        ))}
        {server.functions && <ValidationMessage data-color="danger">{server.functions}</ValidationMessage>}
      </Fieldset>
      <FormField
        id={fieldIds.successCriteria}
        label={t('hub.successCriteria')}
        description={t('hubEdit.successCriteriaHelp')}
        error={server.successCriteria}
      >
        {(control) => <Textarea {...control} rows={3} value={successCriteria} onChange={(e) => setSuccessCriteria(e.target.value)} />}
      </FormField>
      <FormField id={fieldIds.evaluationNotes} label={t('hub.evaluationNotes')} error={server.evaluationNotes}>
        {(control) => <Textarea {...control} rows={4} value={evaluationNotes} onChange={(e) => setEvaluationNotes(e.target.value)} />}
      </FormField>
      <UnitCombobox
        id={fieldIds.pilotUnitId}
        label={t('hubEdit.pilotUnit')}
        description={t('hubEdit.pilotUnitHelp')}
        day={form.day}
        current={hub.pilotUnit}
        value={pilotUnitId}
        onChange={setPilotUnitId}
        error={server.pilotUnitId}
      />
      <DatedFormEnd {...form.end} submitLabel={t('form.editSubmit')} />
    </form>
  );
}

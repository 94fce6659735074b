import {
  Checkbox,
  Details,
  Fieldset,
  Label,
  Paragraph,
  Select,
  Textarea,
  Textfield,
  ValidationMessage,
} from '@digdir/designsystemet-react';
import { useQuery } from '@tanstack/react-query';
import { useId, useMemo, useState, type FormEvent } from 'react';
import type { ChangeHubBody, HubDetail } from '../places.schemas';
import { unitsQuery, useChangeHub } from './api';
import { hubFunctionKey, todayInNorway, usePlacesI18n } from './i18n';
import { isIsoDate } from './search-params';
import { fieldErrors, useFocusWhen } from './ui';
import { DatedFormEnd } from './dated-form-end';

type HubFunction = HubDetail['functions'][number];
const hubFunctions: HubFunction[] = ['meeting_place', 'service_desk'];

/** For editors, on a hub page: its name, functions, success criteria, evaluation notes and pilot unit, from a date. */
export function HubEditor({ hub, onReload }: { hub: HubDetail; onReload: () => void }) {
  const { t } = usePlacesI18n();
  return (
    <Details>
      <Details.Summary>{t('hubEdit.summary')}</Details.Summary>
      <Details.Content>
        <HubForm hub={hub} onReload={onReload} />
      </Details.Content>
    </Details>
  );
}

function HubForm({ hub, onReload }: { hub: HubDetail; onReload: () => void }) {
  const { t, collator } = usePlacesI18n();
  const ids = useId();
  const mutation = useChangeHub(hub.id);
  const [name, setName] = useState(hub.name);
  const [functions, setFunctions] = useState<HubFunction[]>(hub.functions);
  const [successCriteria, setSuccessCriteria] = useState(hub.successCriteria ?? '');
  const [evaluationNotes, setEvaluationNotes] = useState(hub.evaluationNotes ?? '');
  const [pilotUnitId, setPilotUnitId] = useState(hub.pilotUnit?.id ?? '');
  const [validFrom, setValidFrom] = useState(todayInNorway());
  const [source, setSource] = useState('');
  const [tried, setTried] = useState(false);
  const [nothing, setNothing] = useState(false);
  const saved = useFocusWhen(mutation.isSuccess);

  const units = useQuery(unitsQuery(isIsoDate(validFrom) ? validFrom : todayInNorway()));
  const unitOptions = useMemo(
    () => [...(units.data?.units ?? [])].sort((a, b) => collator.compare(a.name, b.name)),
    [units.data, collator],
  );

  const server = fieldErrors(mutation.error);
  const errors = {
    name: tried && !name.trim() ? t('hubEdit.nameRequired') : server.name,
    validFrom: tried && !isIsoDate(validFrom) ? t('form.dateRequired') : server.validFrom,
  };
  const fieldIds = {
    name: `${ids}-name`,
    functions: `${ids}-functions`,
    successCriteria: `${ids}-criteria`,
    evaluationNotes: `${ids}-notes`,
    pilotUnitId: `${ids}-pilot`,
    validFrom: `${ids}-from`,
    source: `${ids}-source`,
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    setNothing(false);
    if (!name.trim() || !isIsoDate(validFrom)) return;
    const text = (value: string) => value.trim() || null;
    const sameFunctions = functions.length === hub.functions.length && functions.every((f) => hub.functions.includes(f));
    // Only what differs is sent: the change is a new dated version of just those fields.
    const next: Omit<ChangeHubBody, 'revision' | 'validFrom'> = {};
    if (name.trim() !== hub.name) next.name = name.trim();
    if (!sameFunctions) next.functions = hubFunctions.filter((f) => functions.includes(f));
    if (text(successCriteria) !== hub.successCriteria) next.successCriteria = text(successCriteria);
    if (text(evaluationNotes) !== hub.evaluationNotes) next.evaluationNotes = text(evaluationNotes);
    if ((pilotUnitId || null) !== (hub.pilotUnit?.id ?? null)) next.pilotUnitId = pilotUnitId || null;
    if (Object.keys(next).length === 0) {
      setNothing(true);
      return;
    }
    mutation.mutate({ revision: hub.revision, validFrom, ...next, ...(source.trim() ? { source: source.trim() } : {}) });
  };

  return (
    <form className="kp-places-form" onSubmit={submit} noValidate>
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
      <div className="kp-places-field">
        <Label htmlFor={fieldIds.successCriteria}>{t('hub.successCriteria')}</Label>
        <Paragraph data-size="sm" id={`${fieldIds.successCriteria}-help`} className="kp-muted">
          {t('hubEdit.successCriteriaHelp')}
        </Paragraph>
        <Textarea
          id={fieldIds.successCriteria}
          rows={3}
          value={successCriteria}
          onChange={(e) => setSuccessCriteria(e.target.value)}
          aria-invalid={server.successCriteria ? true : undefined}
          aria-describedby={`${fieldIds.successCriteria}-help${server.successCriteria ? ` ${fieldIds.successCriteria}-error` : ''}`}
        />
        {server.successCriteria && (
          <ValidationMessage id={`${fieldIds.successCriteria}-error`} data-color="danger">
            {server.successCriteria}
          </ValidationMessage>
        )}
      </div>
      <div className="kp-places-field">
        <Label htmlFor={fieldIds.evaluationNotes}>{t('hub.evaluationNotes')}</Label>
        <Textarea
          id={fieldIds.evaluationNotes}
          rows={4}
          value={evaluationNotes}
          onChange={(e) => setEvaluationNotes(e.target.value)}
          aria-invalid={server.evaluationNotes ? true : undefined}
          aria-describedby={server.evaluationNotes ? `${fieldIds.evaluationNotes}-error` : undefined}
        />
        {server.evaluationNotes && (
          <ValidationMessage id={`${fieldIds.evaluationNotes}-error`} data-color="danger">
            {server.evaluationNotes}
          </ValidationMessage>
        )}
      </div>
      <div className="kp-places-field">
        <Label htmlFor={fieldIds.pilotUnitId}>{t('hubEdit.pilotUnit')}</Label>
        <Paragraph data-size="sm" id={`${fieldIds.pilotUnitId}-help`} className="kp-muted">
          {t('hubEdit.pilotUnitHelp')}
        </Paragraph>
        <Select
          id={fieldIds.pilotUnitId}
          value={pilotUnitId}
          onChange={(e) => setPilotUnitId(e.target.value)}
          aria-invalid={server.pilotUnitId ? true : undefined}
          aria-describedby={`${fieldIds.pilotUnitId}-help${server.pilotUnitId ? ` ${fieldIds.pilotUnitId}-error` : ''}`}
        >
          <option value="">{units.isPending ? t('serviceEdit.unitsLoading') : t('hubEdit.noPilotUnit')}</option>
          {hub.pilotUnit && !unitOptions.some((u) => u.id === hub.pilotUnit?.id) && (
            <option value={hub.pilotUnit.id}>{hub.pilotUnit.name}</option>
          )}
          {unitOptions.map((unit) => (
            <option key={unit.id} value={unit.id}>
              {unit.name}
            </option>
          ))}
        </Select>
        {server.pilotUnitId && (
          <ValidationMessage id={`${fieldIds.pilotUnitId}-error`} data-color="danger">
            {server.pilotUnitId}
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
        submitLabel={t('form.editSubmit')}
        nothingChanged={nothing}
        savedRef={saved}
      />
    </form>
  );
}

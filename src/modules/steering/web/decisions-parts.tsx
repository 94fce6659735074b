import { Button, Label, Select, Textfield } from '@digdir/designsystemet-react';
import { useQuery } from '@tanstack/react-query';
import { useId, useRef, useState, type FormEvent } from 'react';
import { EntityCombobox } from '../../../web/components/combobox/combobox';
import { unitPathOptions } from '../../../web/components/combobox/unit-path-options';
import { ProblemSummary } from '../../../web/components/problem-summary';
import { fieldErrors } from '../../../web/components/write-error';
import {
  decisionBodies,
  decisionStatuses,
  type DecisionBody,
  type DecisionDetail,
  type DecisionStatus,
  type DecisionSummary,
} from '../decisions.schemas';
import { decisionUnitsQuery, useSaveDecision } from './decisions-api';
import { useSteeringI18n, type SteeringKey } from './i18n';

// Pieces of the decisions pages: the status text and the create/edit form.

export const bodies = decisionBodies;
export const statuses = decisionStatuses;
export const bodyKey = (body: DecisionBody) => `decisions.body.${body}` as SteeringKey;
export const statusKey = (status: DecisionStatus | string) => `decisions.status.${status}` as SteeringKey;

export function DecisionForm({
  decision,
  onSaved,
  onCancel,
}: {
  decision?: DecisionDetail;
  onSaved: (saved: DecisionSummary) => void;
  onCancel: () => void;
}) {
  const { t, language, collator } = useSteeringI18n();
  const ids = useId();
  const units = useQuery(decisionUnitsQuery());
  const save = useSaveDecision(decision?.id ?? null);
  const [body, setBody] = useState<DecisionBody>(decision?.body ?? 'city_council');
  const [committeeName, setCommitteeName] = useState(decision?.committeeName ?? '');
  const [meetingDate, setMeetingDate] = useState(decision?.meetingDate ?? '');
  const [caseNumber, setCaseNumber] = useState(decision?.caseNumber ?? '');
  const [archiveReference, setArchiveReference] = useState(decision?.archiveReference ?? '');
  const [title, setTitle] = useState(decision?.title ?? '');
  const [decisionText, setDecisionText] = useState(decision?.decisionText ?? '');
  const [unitId, setUnitId] = useState(decision?.responsibleUnitId ?? '');
  const [deadline, setDeadline] = useState(decision?.deadline ?? '');
  const [status, setStatus] = useState<DecisionStatus>(decision?.status ?? 'not_started');
  const [tried, setTried] = useState(false);
  const summaryRef = useRef<HTMLDivElement>(null);

  const fieldIds = {
    body: `${ids}-body`,
    committeeName: `${ids}-committee`,
    meetingDate: `${ids}-date`,
    caseNumber: `${ids}-case`,
    archiveReference: `${ids}-archive`,
    title: `${ids}-title`,
    decisionText: `${ids}-text`,
    responsibleUnitId: `${ids}-unit`,
    deadline: `${ids}-deadline`,
    status: `${ids}-status`,
  };
  const local: Partial<Record<keyof typeof fieldIds, string>> = {};
  if (tried && !title.trim()) local.title = t('decisions.requiredTitle');
  if (tried && !unitId) local.responsibleUnitId = t('decisions.requiredUnit');
  if (tried && !meetingDate) local.meetingDate = t('decisions.requiredDate');
  if (tried && !caseNumber.trim()) local.caseNumber = t('decisions.requiredCase');
  const server = fieldErrors(save.error, language);
  const problems: Record<string, string> = { ...server, ...local };
  const focusSummary = () => requestAnimationFrame(() => summaryRef.current?.focus());

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (!title.trim() || !unitId || !meetingDate || !caseNumber.trim()) {
      focusSummary();
      return;
    }
    const input = {
      body,
      committeeName: body === 'committee' ? committeeName : null,
      meetingDate,
      caseNumber: caseNumber.trim(),
      archiveReference: archiveReference.trim() || null,
      title: title.trim(),
      decisionText,
      responsibleUnitId: unitId,
      deadline: deadline || null,
      ...(decision ? { status, revision: decision.revision } : {}),
    };
    void save.mutateAsync(input).then(onSaved, focusSummary);
  };

  const error = (name: keyof typeof fieldIds) => problems[name] || undefined;
  return (
    <form className="kp-st-form" onSubmit={submit} noValidate>
      <div ref={summaryRef} tabIndex={-1}>
        <ProblemSummary
          heading={t('decisions.saveFailed')}
          problems={Object.entries(local).map(([name, message]) => ({ id: fieldIds[name as keyof typeof fieldIds], message }))}
          error={save.error}
          fieldIds={fieldIds}
          onReload={onCancel}
        />
      </div>
      <div className="kp-st-form__grid">
        <div className="kp-st-field">
          <Label htmlFor={fieldIds.body}>{t('decisions.fieldBody')}</Label>
          <Select id={fieldIds.body} value={body} onChange={(e) => setBody(e.target.value as DecisionBody)}>
            {bodies.map((b) => (
              <option key={b} value={b}>
                {t(bodyKey(b))}
              </option>
            ))}
          </Select>
        </div>
        {body === 'committee' && (
          <Textfield
            id={fieldIds.committeeName}
            label={t('decisions.fieldCommittee')}
            value={committeeName}
            onChange={(e) => setCommitteeName(e.target.value)}
            error={error('committeeName')}
          />
        )}
        <Textfield
          id={fieldIds.meetingDate}
          type="date"
          label={t('decisions.fieldMeetingDate')}
          value={meetingDate}
          onChange={(e) => setMeetingDate(e.target.value)}
          error={error('meetingDate')}
        />
        <Textfield
          id={fieldIds.caseNumber}
          label={t('decisions.fieldCaseNumber')}
          value={caseNumber}
          onChange={(e) => setCaseNumber(e.target.value)}
          error={error('caseNumber')}
        />
        <Textfield
          id={fieldIds.archiveReference}
          label={t('decisions.fieldArchiveReference')}
          value={archiveReference}
          onChange={(e) => setArchiveReference(e.target.value)}
        />
        <Textfield
          id={fieldIds.deadline}
          type="date"
          label={t('decisions.fieldDeadline')}
          value={deadline}
          onChange={(e) => setDeadline(e.target.value)}
          error={error('deadline')}
        />
      </div>
      <Textfield
        id={fieldIds.title}
        label={t('decisions.fieldTitle')}
        value={title}
        onChange={(e) => setTitle(e.target.value)}
        error={error('title')}
      />
      <Textfield
        id={fieldIds.decisionText}
        multiline
        rows={4}
        label={t('decisions.fieldText')}
        value={decisionText}
        onChange={(e) => setDecisionText(e.target.value)}
      />
      <EntityCombobox
        className="kp-st-field"
        id={fieldIds.responsibleUnitId}
        label={t('decisions.fieldUnit')}
        options={unitPathOptions(units.data?.units ?? [], collator.compare)}
        value={unitId}
        onChange={setUnitId}
        loading={units.isPending}
        error={error('responsibleUnitId')}
      />
      {decision && (
        <div className="kp-st-field">
          <Label htmlFor={fieldIds.status}>{t('decisions.fieldStatus')}</Label>
          <Select id={fieldIds.status} value={status} onChange={(e) => setStatus(e.target.value as DecisionStatus)}>
            {statuses.map((s) => (
              <option key={s} value={s}>
                {t(statusKey(s))}
              </option>
            ))}
          </Select>
        </div>
      )}
      <div className="kp-st-actions">
        <Button type="submit" loading={save.isPending}>
          {t('decisions.save')}
        </Button>
        <Button type="button" variant="secondary" onClick={onCancel}>
          {t('decisions.cancel')}
        </Button>
      </div>
    </form>
  );
}

import { Alert, Button, ErrorSummary, Label, Paragraph, Select, Textfield, ValidationMessage } from '@digdir/designsystemet-react';
import { useQuery } from '@tanstack/react-query';
import { useId, useRef, useState, type FormEvent } from 'react';
import { ApiError, errorMessage } from '../../../web/data/client';
import type { DecisionBody, DecisionDetail, DecisionStatus, DecisionSummary } from '../decisions.schemas';
import { decisionUnitsQuery, useSaveDecision } from './decisions-api';
import { useSteeringI18n, type SteeringKey } from './i18n';

// Pieces of the decisions pages: the status text and the create/edit form.

export const bodies: DecisionBody[] = ['city_council', 'executive_committee', 'committee', 'joint_committee'];
export const statuses: DecisionStatus[] = ['not_started', 'in_progress', 'completed', 'delayed', 'cannot_be_done'];
export const bodyKey = (body: DecisionBody) => `decisions.body.${body}` as SteeringKey;
export const statusKey = (status: DecisionStatus | string) => `decisions.status.${status}` as SteeringKey;

/** The server's message per field, from `details` ([{ path, problem: {nb, en} | string }]). */
export function fieldProblems(error: unknown, language: 'nb' | 'en'): Record<string, string> {
  if (!(error instanceof ApiError) || !Array.isArray(error.details)) return {};
  const result: Record<string, string> = {};
  for (const item of error.details as { path?: unknown; problem?: unknown }[]) {
    const name = typeof item?.path === 'string' ? item.path.replace(/^\//, '').split(/[/.]/)[0] : undefined;
    if (!name || result[name]) continue;
    const problem = item.problem;
    result[name] =
      typeof problem === 'string'
        ? problem
        : typeof problem === 'object' && problem
          ? ((problem as Record<string, string>)[language] ?? '')
          : '';
  }
  return result;
}

export function DecisionForm({
  decision,
  onSaved,
  onCancel,
}: {
  decision?: DecisionDetail;
  onSaved: (saved: DecisionSummary) => void;
  onCancel: () => void;
}) {
  const { t, language } = useSteeringI18n();
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
  const server = fieldProblems(save.error, language);
  const problems: Record<string, string> = { ...server, ...local };
  const stale = save.error instanceof ApiError && save.error.code === 'stale';
  const failed = Object.keys(local).length > 0 || (save.isError && !stale);
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
        {stale && (
          <Alert data-color="warning" role="alert">
            <Paragraph>{t('decisions.stale')}</Paragraph>
            <Button variant="secondary" data-size="sm" type="button" onClick={onCancel}>
              {t('decisions.reload')}
            </Button>
          </Alert>
        )}
        {failed && (
          <ErrorSummary>
            <ErrorSummary.Heading level={3}>{t('decisions.saveFailed')}</ErrorSummary.Heading>
            {save.isError && Object.keys(server).length === 0 && <Paragraph>{errorMessage(save.error, language)}</Paragraph>}
            <ErrorSummary.List>
              {Object.entries(problems)
                .filter(([name]) => name in fieldIds)
                .map(([name, message]) => (
                  <ErrorSummary.Item key={name}>
                    <ErrorSummary.Link href={`#${fieldIds[name as keyof typeof fieldIds]}`}>
                      {message || errorMessage(save.error, language)}
                    </ErrorSummary.Link>
                  </ErrorSummary.Item>
                ))}
            </ErrorSummary.List>
          </ErrorSummary>
        )}
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
      <div className="kp-st-field">
        <Label htmlFor={fieldIds.responsibleUnitId}>{t('decisions.fieldUnit')}</Label>
        <Select
          id={fieldIds.responsibleUnitId}
          value={unitId}
          onChange={(e) => setUnitId(e.target.value)}
          aria-invalid={error('responsibleUnitId') ? true : undefined}
          aria-describedby={error('responsibleUnitId') ? `${fieldIds.responsibleUnitId}-error` : undefined}
        >
          <option value="">{t('decisions.fieldUnitChoose')}</option>
          {(units.data?.units ?? []).map((u) => (
            <option key={u.id} value={u.id}>
              {u.name}
            </option>
          ))}
        </Select>
        {error('responsibleUnitId') && (
          <ValidationMessage id={`${fieldIds.responsibleUnitId}-error`} data-color="danger">
            {error('responsibleUnitId')}
          </ValidationMessage>
        )}
      </div>
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

import { Button, Fieldset, Heading, Label, Paragraph, Radio, Select, Textfield, ValidationMessage } from '@digdir/designsystemet-react';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import type { RequestDetail } from '../leader-support.schemas';
import { ActionError } from './desk-parts';
import { useSupportI18n, type SupportKey } from './i18n';
import { routingPreviewQuery, supportCatalogueQuery, useEscalate, useThirdLine } from './request-api';

// The request actions that ask for something first: resolve (a note), delete (a confirmation),
// escalate (a reason, and where it goes) and third line (who, and why).

/** A small form that opens below the actions; its heading takes the focus when it opens. */
export function ActionForm({
  id,
  title,
  submitLabel,
  danger,
  pending,
  error,
  onReload,
  onCancel,
  onSubmit,
  children,
}: {
  id: string;
  title: string;
  submitLabel: string;
  danger?: boolean;
  pending: boolean;
  error: unknown;
  onReload: () => void;
  onCancel: () => void;
  onSubmit: () => void;
  children: ReactNode;
}) {
  const { t } = useSupportI18n();
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
  return (
    <form
      id={id}
      className="kp-desk-form"
      aria-labelledby={`${id}-title`}
      noValidate
      onSubmit={(event: FormEvent) => {
        event.preventDefault();
        onSubmit();
      }}
    >
      <Heading level={3} data-size="xs" id={`${id}-title`} ref={headingRef} tabIndex={-1}>
        {title}
      </Heading>
      {children}
      <ActionError error={error} onReload={onReload} />
      <div className="kp-desk-form__actions">
        <Button type="submit" data-color={danger ? 'danger' : undefined} loading={pending}>
          {submitLabel}
        </Button>
        <Button type="button" variant="secondary" onClick={onCancel}>
          {t('desk.cancel')}
        </Button>
      </div>
    </form>
  );
}

export function ResolveForm({
  id,
  pending,
  error,
  onReload,
  onCancel,
  onSubmit,
}: {
  id: string;
  pending: boolean;
  error: unknown;
  onReload: () => void;
  onCancel: () => void;
  onSubmit: (note: string) => Promise<void>;
}) {
  const { t } = useSupportI18n();
  const [note, setNote] = useState('');
  return (
    <ActionForm
      id={id}
      title={t('desk.resolve.title')}
      submitLabel={t('desk.resolve.submit')}
      pending={pending}
      error={error}
      onReload={onReload}
      onCancel={onCancel}
      onSubmit={() => void onSubmit(note.trim())}
    >
      <Textfield
        multiline
        rows={4}
        label={t('desk.resolve.note')}
        description={t('desk.resolve.noteHelp')}
        value={note}
        onChange={(event) => setNote(event.target.value)}
      />
    </ActionForm>
  );
}

/** The reason escalation and the third line ask for; the form focuses `${id}-reason` when it is missing. */
function ReasonField({
  id,
  value,
  onChange,
  error,
}: {
  id: string;
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
}) {
  const { t } = useSupportI18n();
  return (
    <Textfield
      id={`${id}-reason`}
      multiline
      rows={3}
      label={t('desk.reason')}
      required
      value={value}
      onChange={(event) => onChange(event.target.value)}
      error={error}
    />
  );
}

export type Run = (write: () => Promise<unknown>, done: SupportKey) => Promise<void>;

/** What the request actions give a step's form: the request, the refusal so far, and how to send. */
type StepFormProps = { id: string; detail: RequestDetail; error: unknown; onReload: () => void; onCancel: () => void; run: Run };

export function EscalateForm({ detail, run, ...frame }: StepFormProps) {
  const { id } = frame;
  const { t } = useSupportI18n();
  const escalate = useEscalate();
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const preview = useQuery({ ...routingPreviewQuery(detail.category.id, detail.unit?.id ?? ''), enabled: Boolean(detail.unit) });
  let target: ReactNode;
  if (!detail.unit) target = t('desk.escalate.noUnit');
  else if (preview.isPending) target = t('common.loading');
  else if (preview.isError) target = t('desk.escalate.previewFailed');
  else if (preview.data.group) target = t('desk.escalate.target', { group: preview.data.group.name });
  else target = t('desk.escalate.noRule');
  return (
    <ActionForm
      {...frame}
      title={t('desk.escalate.title')}
      submitLabel={t('desk.escalate.submit')}
      pending={escalate.isPending}
      onSubmit={() => {
        if (!reason.trim()) {
          setMissing(true);
          document.getElementById(`${id}-reason`)?.focus();
          return;
        }
        setMissing(false);
        void run(
          () => escalate.mutateAsync({ ref: String(detail.number), revision: detail.revision, reason: reason.trim() }),
          'desk.done.escalate',
        );
      }}
    >
      <Paragraph aria-live="polite">{target}</Paragraph>
      <ReasonField id={id} value={reason} onChange={setReason} error={missing ? t('desk.reason.required') : undefined} />
    </ActionForm>
  );
}

export function ThirdLineForm({ detail, run, ...frame }: StepFormProps) {
  const { id } = frame;
  const { t, collator } = useSupportI18n();
  const thirdLine = useThirdLine();
  const catalogue = useQuery(supportCatalogueQuery);
  const groups = (catalogue.data?.groups ?? []).filter((group) => group.line === 3).sort((a, b) => collator.compare(a.name, b.name));
  const [kind, setKind] = useState<'internal' | 'external'>('internal');
  const [groupId, setGroupId] = useState('');
  const [party, setParty] = useState('');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<{ group?: string; party?: string; reason?: string }>({});
  const submit = () => {
    const found: typeof errors = {};
    if (kind === 'internal' && !groupId) found.group = t('desk.thirdLine.groupRequired');
    if (kind === 'external' && !party.trim()) found.party = t('desk.thirdLine.partyRequired');
    if (!reason.trim()) found.reason = t('desk.reason.required');
    setErrors(found);
    const first = found.group ? 'group' : found.party ? 'party' : found.reason ? 'reason' : null;
    if (first) {
      document.getElementById(`${id}-${first}`)?.focus();
      return;
    }
    const base = { ref: String(detail.number), revision: detail.revision, reason: reason.trim() };
    void run(
      () => thirdLine.mutateAsync(kind === 'internal' ? { ...base, kind, groupId } : { ...base, kind, party: party.trim() }),
      'desk.done.thirdLine',
    );
  };
  return (
    <ActionForm
      {...frame}
      title={t('desk.thirdLine.title')}
      submitLabel={t('desk.thirdLine.submit')}
      pending={thirdLine.isPending}
      onSubmit={submit}
    >
      <Fieldset>
        <Fieldset.Legend>{t('desk.thirdLine.kind')}</Fieldset.Legend>
        <Radio
          name={`${id}-kind`}
          value="internal"
          label={t('desk.thirdLine.internal')}
          checked={kind === 'internal'}
          onChange={() => setKind('internal')}
        />
        <Radio
          name={`${id}-kind`}
          value="external"
          label={t('desk.thirdLine.external')}
          checked={kind === 'external'}
          onChange={() => setKind('external')}
        />
      </Fieldset>
      {kind === 'internal' ? (
        <div>
          <Label htmlFor={`${id}-group`}>{t('desk.thirdLine.group')}</Label>
          <Select
            id={`${id}-group`}
            value={groupId}
            onChange={(event) => setGroupId(event.target.value)}
            aria-invalid={errors.group ? true : undefined}
            aria-describedby={errors.group ? `${id}-group-error` : undefined}
          >
            <option value="">{t('desk.choose')}</option>
            {groups.map((group) => (
              <option key={group.id} value={group.id}>
                {group.name}
              </option>
            ))}
          </Select>
          {errors.group && (
            <ValidationMessage id={`${id}-group-error`} data-color="danger">
              {errors.group}
            </ValidationMessage>
          )}
        </div>
      ) : (
        <Textfield
          id={`${id}-party`}
          label={t('desk.thirdLine.party')}
          value={party}
          onChange={(event) => setParty(event.target.value)}
          error={errors.party}
        />
      )}
      <ReasonField id={id} value={reason} onChange={setReason} error={errors.reason} />
    </ActionForm>
  );
}

import {
  Button,
  Fieldset,
  Heading,
  Label,
  Link,
  Paragraph,
  Radio,
  Select,
  Table,
  Tag,
  Textfield,
  ValidationMessage,
} from '@digdir/designsystemet-react';
import { useQuery } from '@tanstack/react-query';
import { Link as RouterLink, useParams } from '@tanstack/react-router';
import { useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { Page } from '../../../web/components/page';
import { ErrorAlert, Loading } from '../../../web/components/status';
import { ApiError } from '../../../web/data/client';
import { useSession } from '../../../web/data/session';
import { priorities, type Priority, type RequestDetail, type Visibility } from '../leader-support.schemas';
import { ActionError, Announcement, Facts, isOpen, RequestLink, Section, useAnnouncer, useSlaText } from './desk-parts';
import { channelKey, lineKey, priorityKey, statusKey, useSupportI18n, type SupportKey } from './i18n';
import {
  attachmentHref,
  requestQuery,
  routingPreviewQuery,
  supportCatalogueQuery,
  useAddMessage,
  useApproveMasterData,
  useChangePriority,
  useCreateChild,
  useEscalate,
  useLinkRequest,
  useLogTime,
  useSelfService,
  useSurvey,
  useTake,
  useThirdLine,
  useTransition,
  useUploadAttachment,
} from './request-api';
import { SupportNav } from './ui';

// One request, for the requester and for the agents: what it is, its service-level clocks, the
// conversation, attachments, time, related requests, history, and the actions the server says the
// signed-in user may take now (`detail.can`). Every write carries the revision read; a refusal
// shows the server's message, a stale one with «Last inn på nytt».

type Announce = (text: string, tone?: 'success' | 'warning') => void;
type Reload = () => Promise<{ data?: RequestDetail }>;

export function RequestPage() {
  const { t, requestNumber } = useSupportI18n();
  const params = useParams({ strict: false }) as { number?: string };
  const ref = (params.number ?? '').replace(/^LS-/i, '');
  const query = useQuery(requestQuery(ref));
  const announcer = useAnnouncer();
  const fallbackTitle = /^\d+$/.test(ref) ? requestNumber(Number(ref)) : t('desk.request.title');

  if (query.isPending) {
    return (
      <Page title={fallbackTitle}>
        <SupportNav />
        <Loading label={t('common.loading')} />
      </Page>
    );
  }
  if (query.isError) {
    const notFound = query.error instanceof ApiError && query.error.status === 404;
    return (
      <Page title={notFound ? t('desk.request.notFound') : fallbackTitle}>
        <SupportNav />
        <ErrorAlert error={query.error} onRetry={notFound ? undefined : () => void query.refetch()} />
      </Page>
    );
  }
  const detail = query.data;
  return (
    <Page title={t('desk.request.heading', { number: requestNumber(detail.number), subject: detail.subject })}>
      <SupportNav />
      <Announcement announcerRef={announcer.ref} message={announcer.message} />
      <RequestView detail={detail} reload={() => query.refetch()} announce={announcer.announce} />
    </Page>
  );
}

function RequestView({ detail, reload, announce }: { detail: RequestDetail; reload: Reload; announce: Announce }) {
  const { data: session } = useSession();
  const isRequester = Boolean(session?.user && detail.requester.userId === session.user.id);
  return (
    <>
      <Overview detail={detail} />
      <Clocks detail={detail} />
      <Actions detail={detail} reload={reload} announce={announce} />
      {detail.fields.length > 0 && <CategoryFields detail={detail} />}
      <Description detail={detail} />
      <Conversation detail={detail} announce={announce} />
      <Attachments detail={detail} announce={announce} />
      {(detail.can.handle || detail.time.entries.length > 0) && <TimeSection detail={detail} announce={announce} />}
      <Related detail={detail} announce={announce} />
      {detail.articles.length > 0 && <Articles detail={detail} isRequester={isRequester} announce={announce} />}
      {(detail.can.rate || detail.survey?.answeredAt) && <Survey detail={detail} announce={announce} />}
      <History detail={detail} />
    </>
  );
}

function Overview({ detail }: { detail: RequestDetail }) {
  const { t, pick, dateTime, requestNumber } = useSupportI18n();
  const items: { term: string; value: ReactNode }[] = [
    { term: t('desk.field.number'), value: requestNumber(detail.number) },
    { term: t('desk.field.status'), value: t(statusKey(detail.status)) },
    { term: t('desk.field.priority'), value: t(priorityKey(detail.priority)) },
    { term: t('desk.field.category'), value: pick(detail.category.name) },
    { term: t('desk.field.lineGroup'), value: `${t(lineKey(detail.line))} – ${detail.group.name}` },
    { term: t('desk.field.assignee'), value: detail.assignee?.displayName ?? t('desk.none') },
    { term: t('desk.field.requester'), value: detail.requester.name },
    { term: t('desk.field.unit'), value: detail.unit?.name ?? t('desk.unknown') },
    { term: t('desk.field.sector'), value: detail.sector?.name ?? t('desk.unknown') },
    { term: t('desk.field.channel'), value: t(channelKey(detail.channel)) },
    { term: t('desk.field.created'), value: dateTime(detail.createdAt) },
  ];
  if (detail.registeredBy) items.push({ term: t('desk.field.registeredBy'), value: detail.registeredBy });
  if (detail.thirdLine) {
    items.push({
      term: t('desk.field.thirdLine'),
      value: t(detail.thirdLine.kind === 'internal' ? 'desk.thirdLine.internalValue' : 'desk.thirdLine.externalValue', {
        party: detail.thirdLine.party,
      }),
    });
  }
  if (detail.selfService) items.push({ term: t('desk.field.selfService'), value: t('desk.yes') });
  if (detail.synthetic) items.push({ term: t('desk.field.data'), value: t('common.synthetic') });
  return (
    <section aria-label={t('desk.overview')}>
      <Facts items={items} />
    </section>
  );
}

function Clocks({ detail }: { detail: RequestDetail }) {
  const { t } = useSupportI18n();
  const ids = useId();
  const slaText = useSlaText();
  return (
    <Section id={`${ids}-sla`} title={t('desk.sla.heading')}>
      <Facts
        items={[
          { term: t('desk.sla.response'), value: slaText(detail.response) },
          { term: t('desk.sla.resolution'), value: slaText(detail.resolution) },
        ]}
      />
    </Section>
  );
}

function CategoryFields({ detail }: { detail: RequestDetail }) {
  const { t, pick } = useSupportI18n();
  const ids = useId();
  return (
    <Section id={`${ids}-fields`} title={t('desk.fields.heading')}>
      <Facts items={detail.fields.map((field) => ({ term: pick(field.label), value: field.value || t('desk.empty') }))} />
    </Section>
  );
}

function Description({ detail }: { detail: RequestDetail }) {
  const { t } = useSupportI18n();
  const ids = useId();
  return (
    <Section id={`${ids}-description`} title={t('desk.description.heading')}>
      {/* Text only: whatever the requester typed (HTML included) is shown as text, never rendered. */}
      {detail.description.trim() ? (
        <p className="kp-desk-text">{detail.description}</p>
      ) : (
        <Paragraph>{t('desk.description.none')}</Paragraph>
      )}
    </Section>
  );
}

// --- Actions --------------------------------------------------------------------------------------

type FormName = 'resolve' | 'delete' | 'escalate' | 'thirdLine';

function Actions({ detail, reload, announce }: { detail: RequestDetail; reload: Reload; announce: Announce }) {
  const { t, requestNumber } = useSupportI18n();
  const ids = useId();
  const ref = String(detail.number);
  const { can, status, revision } = detail;
  const [open, setOpen] = useState<FormName | null>(null);
  const [error, setError] = useState<unknown>(null);
  const take = useTake();
  const transition = useTransition();
  const priority = useChangePriority();
  const approve = useApproveMasterData();

  const toggleId = (name: FormName) => `${ids}-toggle-${name}`;
  const closeForm = (name: FormName | null) => {
    setOpen(null);
    setError(null);
    if (name) requestAnimationFrame(() => document.getElementById(toggleId(name))?.focus());
  };
  const run = async (write: () => Promise<unknown>, done: SupportKey) => {
    setError(null);
    try {
      await write();
      setOpen(null);
      announce(t(done, { number: requestNumber(detail.number) }));
    } catch (caught) {
      setError(caught);
    }
  };
  const reloadAfterRefusal = () => {
    setError(null);
    setOpen(null);
    void reload();
  };

  const onTake = async () => {
    setError(null);
    try {
      await take.mutateAsync({ ref, revision });
      announce(t('desk.done.take', { number: requestNumber(detail.number) }));
    } catch (caught) {
      if (caught instanceof ApiError && (caught.code === 'conflict' || caught.code === 'stale')) {
        // Someone else was quicker: the server's message says who has it; the page is read again.
        await reload();
        announce(caught.message, 'warning');
      } else {
        setError(caught);
      }
    }
  };

  const toggle = (name: FormName) => {
    setError(null);
    setOpen(open === name ? null : name);
  };
  const disclosure = (name: FormName, label: string, danger = false) => (
    <Button
      id={toggleId(name)}
      variant="secondary"
      data-color={danger ? 'danger' : undefined}
      aria-expanded={open === name}
      aria-controls={open === name ? `${ids}-form-${name}` : undefined}
      onClick={() => toggle(name)}
    >
      {label}
    </Button>
  );

  const canStart = can.handle && status === 'new';
  const canWait = can.handle && status === 'in_progress';
  const canResume = can.handle && status === 'waiting';
  const canPriority = can.handle && isOpen(status);
  const any =
    can.take ||
    canStart ||
    canWait ||
    canResume ||
    can.resolve ||
    can.close ||
    can.reopen ||
    can.delete ||
    canPriority ||
    can.escalate ||
    can.thirdLine ||
    can.approveMasterData;
  if (!any) return null;

  return (
    <Section id={`${ids}-actions`} title={t('desk.actions.heading')}>
      <div className="kp-desk-actions">
        {can.take && (
          <Button onClick={() => void onTake()} loading={take.isPending}>
            {t('desk.action.take')}
          </Button>
        )}
        {canStart && (
          <Button
            variant="secondary"
            onClick={() => void run(() => transition.mutateAsync({ ref, revision, action: 'start' }), 'desk.done.start')}
          >
            {t('desk.action.start')}
          </Button>
        )}
        {canWait && (
          <Button
            variant="secondary"
            onClick={() => void run(() => transition.mutateAsync({ ref, revision, action: 'wait' }), 'desk.done.wait')}
          >
            {t('desk.action.wait')}
          </Button>
        )}
        {canResume && (
          <Button
            variant="secondary"
            onClick={() => void run(() => transition.mutateAsync({ ref, revision, action: 'resume' }), 'desk.done.resume')}
          >
            {t('desk.action.resume')}
          </Button>
        )}
        {can.resolve && disclosure('resolve', t('desk.action.resolve'))}
        {can.escalate && disclosure('escalate', t('desk.action.escalate'))}
        {can.thirdLine && disclosure('thirdLine', t('desk.action.thirdLine'))}
        {can.close && (
          <Button
            variant="secondary"
            onClick={() => void run(() => transition.mutateAsync({ ref, revision, action: 'close' }), 'desk.done.close')}
          >
            {t('desk.action.close')}
          </Button>
        )}
        {can.reopen && (
          <Button
            variant="secondary"
            onClick={() => void run(() => transition.mutateAsync({ ref, revision, action: 'reopen' }), 'desk.done.reopen')}
          >
            {t('desk.action.reopen')}
          </Button>
        )}
        {can.approveMasterData && (
          <Button variant="secondary" onClick={() => void run(() => approve.mutateAsync({ ref, revision }), 'desk.done.approve')}>
            {t('desk.action.approve')}
          </Button>
        )}
        {can.delete && disclosure('delete', t('desk.action.delete'), true)}
      </div>
      {canPriority && (
        <PriorityForm
          key={detail.priority}
          current={detail.priority}
          pending={priority.isPending}
          onSubmit={(value) => void run(() => priority.mutateAsync({ ref, revision, priority: value }), 'desk.done.priority')}
        />
      )}
      {!open && <ActionError error={error} onReload={reloadAfterRefusal} />}
      {open === 'resolve' && (
        <ResolveForm
          id={`${ids}-form-resolve`}
          pending={transition.isPending}
          error={error}
          onReload={reloadAfterRefusal}
          onCancel={() => closeForm('resolve')}
          onSubmit={(note) =>
            run(() => transition.mutateAsync({ ref, revision, action: 'resolve', note: note || undefined }), 'desk.done.resolve')
          }
        />
      )}
      {open === 'delete' && (
        <ActionForm
          id={`${ids}-form-delete`}
          title={t('desk.delete.title', { number: requestNumber(detail.number) })}
          submitLabel={t('desk.delete.confirm')}
          danger
          pending={transition.isPending}
          error={error}
          onReload={reloadAfterRefusal}
          onCancel={() => closeForm('delete')}
          onSubmit={() => void run(() => transition.mutateAsync({ ref, revision, action: 'delete' }), 'desk.done.delete')}
        >
          <Paragraph>{t('desk.delete.lead')}</Paragraph>
        </ActionForm>
      )}
      {open === 'escalate' && (
        <EscalateForm
          id={`${ids}-form-escalate`}
          detail={detail}
          error={error}
          onReload={reloadAfterRefusal}
          onCancel={() => closeForm('escalate')}
          run={run}
        />
      )}
      {open === 'thirdLine' && (
        <ThirdLineForm
          id={`${ids}-form-thirdLine`}
          detail={detail}
          error={error}
          onReload={reloadAfterRefusal}
          onCancel={() => closeForm('thirdLine')}
          run={run}
        />
      )}
    </Section>
  );
}

function PriorityForm({ current, pending, onSubmit }: { current: Priority; pending: boolean; onSubmit: (priority: Priority) => void }) {
  const { t } = useSupportI18n();
  const id = useId();
  const [value, setValue] = useState<Priority>(current);
  return (
    <form
      className="kp-desk-actions"
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit(value);
      }}
    >
      <div>
        <Label htmlFor={`${id}-priority`}>{t('desk.field.priority')}</Label>
        <Select id={`${id}-priority`} value={value} onChange={(event) => setValue(event.target.value as Priority)}>
          {priorities.map((option) => (
            <option key={option} value={option}>
              {t(priorityKey(option))}
            </option>
          ))}
        </Select>
      </div>
      <Button type="submit" variant="secondary" disabled={value === current} loading={pending}>
        {t('desk.action.priority')}
      </Button>
    </form>
  );
}

/** A small form that opens below the actions; its heading takes the focus when it opens. */
function ActionForm({
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

function ResolveForm({
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

type Run = (write: () => Promise<unknown>, done: SupportKey) => Promise<void>;

function EscalateForm({
  id,
  detail,
  error,
  onReload,
  onCancel,
  run,
}: {
  id: string;
  detail: RequestDetail;
  error: unknown;
  onReload: () => void;
  onCancel: () => void;
  run: Run;
}) {
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
      id={id}
      title={t('desk.escalate.title')}
      submitLabel={t('desk.escalate.submit')}
      pending={escalate.isPending}
      error={error}
      onReload={onReload}
      onCancel={onCancel}
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
      <Textfield
        id={`${id}-reason`}
        multiline
        rows={3}
        label={t('desk.reason')}
        required
        value={reason}
        onChange={(event) => setReason(event.target.value)}
        error={missing ? t('desk.reason.required') : undefined}
      />
    </ActionForm>
  );
}

function ThirdLineForm({
  id,
  detail,
  error,
  onReload,
  onCancel,
  run,
}: {
  id: string;
  detail: RequestDetail;
  error: unknown;
  onReload: () => void;
  onCancel: () => void;
  run: Run;
}) {
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
      id={id}
      title={t('desk.thirdLine.title')}
      submitLabel={t('desk.thirdLine.submit')}
      pending={thirdLine.isPending}
      error={error}
      onReload={onReload}
      onCancel={onCancel}
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
      <Textfield
        id={`${id}-reason`}
        multiline
        rows={3}
        label={t('desk.reason')}
        required
        value={reason}
        onChange={(event) => setReason(event.target.value)}
        error={errors.reason}
      />
    </ActionForm>
  );
}

// --- Conversation ---------------------------------------------------------------------------------

function Conversation({ detail, announce }: { detail: RequestDetail; announce: Announce }) {
  const { t, dateTime } = useSupportI18n();
  const ids = useId();
  const add = useAddMessage();
  const canInternal = detail.can.seeInternal && detail.can.handle;
  const [visibility, setVisibility] = useState<Visibility>('public');
  const [body, setBody] = useState('');
  const [missing, setMissing] = useState(false);
  const messages = detail.messages.filter((message) => message.visibility === 'public' || detail.can.seeInternal);
  const canWrite = detail.status !== 'closed' && detail.status !== 'deleted';

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!body.trim()) {
      setMissing(true);
      document.getElementById(`${ids}-body`)?.focus();
      return;
    }
    setMissing(false);
    const sent = canInternal ? visibility : 'public';
    try {
      await add.mutateAsync({ ref: String(detail.number), visibility: sent, body });
      setBody('');
      announce(t(sent === 'internal' ? 'desk.done.note' : 'desk.done.reply'));
    } catch {
      // Shown below the form (add.error).
    }
  };

  return (
    <Section id={`${ids}-conversation`} title={t('desk.conversation.heading')}>
      {messages.length === 0 ? (
        <Paragraph>{t('desk.conversation.none')}</Paragraph>
      ) : (
        <ol className="kp-desk-list">
          {messages.map((message) => (
            <li key={message.id}>
              <article
                className={`kp-desk-message${message.visibility === 'internal' ? ' kp-desk-message--internal' : ''}`}
                aria-label={t(message.visibility === 'internal' ? 'desk.message.internalLabel' : 'desk.message.label', {
                  name: message.author.name,
                  time: dateTime(message.createdAt),
                })}
              >
                <div className="kp-desk-message__meta">
                  {message.visibility === 'internal' && (
                    <Tag data-color="warning" data-size="sm">
                      {t('desk.message.internal')}
                    </Tag>
                  )}
                  <span>
                    <strong>{message.author.name}</strong>, {dateTime(message.createdAt)}
                  </span>
                </div>
                <p className="kp-desk-text">{message.body}</p>
              </article>
            </li>
          ))}
        </ol>
      )}
      {canWrite && (
        <form className="kp-desk-form" onSubmit={(event) => void submit(event)} noValidate aria-labelledby={`${ids}-reply-title`}>
          <Heading level={3} data-size="xs" id={`${ids}-reply-title`}>
            {t(canInternal ? 'desk.reply.titleAgent' : 'desk.reply.title')}
          </Heading>
          {canInternal && (
            <Fieldset>
              <Fieldset.Legend>{t('desk.reply.kind')}</Fieldset.Legend>
              <Radio
                name={`${ids}-visibility`}
                value="public"
                label={t('desk.reply.public')}
                checked={visibility === 'public'}
                onChange={() => setVisibility('public')}
              />
              <Radio
                name={`${ids}-visibility`}
                value="internal"
                label={t('desk.reply.internal')}
                checked={visibility === 'internal'}
                onChange={() => setVisibility('internal')}
              />
            </Fieldset>
          )}
          <Textfield
            id={`${ids}-body`}
            multiline
            rows={4}
            label={t('desk.reply.body')}
            value={body}
            onChange={(event) => setBody(event.target.value)}
            error={missing ? t('desk.reply.required') : undefined}
          />
          <ActionError error={add.error} onReload={() => add.reset()} />
          <div className="kp-desk-form__actions">
            <Button type="submit" loading={add.isPending}>
              {t(canInternal && visibility === 'internal' ? 'desk.reply.submitNote' : 'desk.reply.submit')}
            </Button>
          </div>
        </form>
      )}
    </Section>
  );
}

// --- Attachments ----------------------------------------------------------------------------------

function Attachments({ detail, announce }: { detail: RequestDetail; announce: Announce }) {
  const { t, dateTime, number, language } = useSupportI18n();
  const ids = useId();
  const { data: session } = useSession();
  const upload = useUploadAttachment();
  const canInternal = detail.can.seeInternal && detail.can.handle;
  const [visibility, setVisibility] = useState<Visibility>('public');
  const [file, setFile] = useState<File | null>(null);
  const [missing, setMissing] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
  const attachments = detail.attachments.filter((attachment) => attachment.visibility === 'public' || detail.can.seeInternal);
  const canUpload = detail.status !== 'closed' && detail.status !== 'deleted';

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!file) {
      setMissing(true);
      fileInput.current?.focus();
      return;
    }
    setMissing(false);
    try {
      await upload.mutateAsync({
        ref: String(detail.number),
        file,
        visibility: canInternal ? visibility : 'public',
        csrfToken: session?.csrfToken ?? null,
        language,
      });
      announce(t('desk.done.upload', { name: file.name }));
      setFile(null);
      if (fileInput.current) fileInput.current.value = '';
    } catch {
      // Shown below the form (upload.error): the server says what is wrong (too large, a type not allowed).
    }
  };

  return (
    <Section id={`${ids}-attachments`} title={t('desk.attachments.heading')}>
      {attachments.length === 0 ? (
        <Paragraph>{t('desk.attachments.none')}</Paragraph>
      ) : (
        <ul className="kp-desk-list">
          {attachments.map((attachment) => (
            <li key={attachment.id}>
              <Link href={attachmentHref(attachment.id)} download={attachment.fileName}>
                {attachment.fileName}
              </Link>{' '}
              <span className="kp-muted">
                {t('desk.attachments.meta', {
                  size: number(Math.max(1, Math.ceil(attachment.size / 1024))),
                  type: attachment.mediaType,
                  time: dateTime(attachment.createdAt),
                })}
                {attachment.uploadedBy ? ` – ${attachment.uploadedBy}` : ''}
              </span>{' '}
              {attachment.visibility === 'internal' && (
                <Tag data-color="warning" data-size="sm">
                  {t('desk.attachments.internal')}
                </Tag>
              )}
            </li>
          ))}
        </ul>
      )}
      {canUpload && (
        <form className="kp-desk-form" onSubmit={(event) => void submit(event)} noValidate aria-labelledby={`${ids}-upload-title`}>
          <Heading level={3} data-size="xs" id={`${ids}-upload-title`}>
            {t('desk.upload.title')}
          </Heading>
          <div>
            <Label htmlFor={`${ids}-file`}>{t('desk.upload.file')}</Label>
            <Paragraph data-size="sm" id={`${ids}-file-help`} className="kp-muted">
              {t('desk.upload.help')}
            </Paragraph>
            <input
              id={`${ids}-file`}
              ref={fileInput}
              type="file"
              aria-describedby={`${ids}-file-help${missing ? ` ${ids}-file-error` : ''}`}
              aria-invalid={missing ? true : undefined}
              onChange={(event) => {
                setFile(event.target.files?.[0] ?? null);
                upload.reset();
              }}
            />
            {missing && (
              <ValidationMessage id={`${ids}-file-error`} data-color="danger">
                {t('desk.upload.required')}
              </ValidationMessage>
            )}
          </div>
          {canInternal && (
            <Fieldset>
              <Fieldset.Legend>{t('desk.upload.visibility')}</Fieldset.Legend>
              <Radio
                name={`${ids}-file-visibility`}
                value="public"
                label={t('desk.upload.public')}
                checked={visibility === 'public'}
                onChange={() => setVisibility('public')}
              />
              <Radio
                name={`${ids}-file-visibility`}
                value="internal"
                label={t('desk.upload.internal')}
                checked={visibility === 'internal'}
                onChange={() => setVisibility('internal')}
              />
            </Fieldset>
          )}
          <ActionError error={upload.error} onReload={() => upload.reset()} />
          <div className="kp-desk-form__actions">
            <Button type="submit" loading={upload.isPending}>
              {t('desk.upload.submit')}
            </Button>
          </div>
        </form>
      )}
    </Section>
  );
}

// --- Time -----------------------------------------------------------------------------------------

function TimeSection({ detail, announce }: { detail: RequestDetail; announce: Announce }) {
  const { t, dateTime, number, kroner } = useSupportI18n();
  const ids = useId();
  const log = useLogTime();
  const [minutes, setMinutes] = useState('');
  const [note, setNote] = useState('');
  const [invalid, setInvalid] = useState(false);
  const { time } = detail;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const value = Number(minutes);
    if (!Number.isInteger(value) || value < 1 || value > 1440) {
      setInvalid(true);
      document.getElementById(`${ids}-minutes`)?.focus();
      return;
    }
    setInvalid(false);
    try {
      await log.mutateAsync({ ref: String(detail.number), minutes: value, ...(note.trim() ? { note: note.trim() } : {}) });
      setMinutes('');
      setNote('');
      announce(t('desk.done.time', { minutes: number(value) }));
    } catch {
      // Shown below the form.
    }
  };

  return (
    <Section id={`${ids}-time`} title={t('desk.time.heading')}>
      <Paragraph>
        {t('desk.time.total', { minutes: number(time.minutes) })}{' '}
        {time.cost === null ? t('desk.time.noRate') : t('desk.time.cost', { cost: kroner(time.cost) })}
      </Paragraph>
      {time.entries.length > 0 && (
        <div className="kp-table-scroll">
          <Table data-size="sm" className="kp-desk-table">
            <caption>{t('desk.time.caption')}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('desk.time.when')}</Table.HeaderCell>
                <Table.HeaderCell>{t('desk.time.who')}</Table.HeaderCell>
                <Table.HeaderCell>{t('desk.time.line')}</Table.HeaderCell>
                <Table.HeaderCell>{t('desk.time.minutes')}</Table.HeaderCell>
                <Table.HeaderCell>{t('desk.time.note')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {time.entries.map((entry) => (
                <Table.Row key={entry.id}>
                  <Table.Cell>{dateTime(entry.createdAt)}</Table.Cell>
                  <Table.Cell>{entry.userName ?? t('desk.unknown')}</Table.Cell>
                  <Table.Cell>{t(lineKey(entry.line))}</Table.Cell>
                  <Table.Cell>{number(entry.minutes)}</Table.Cell>
                  <Table.Cell>{entry.note ?? ''}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
      )}
      {detail.can.handle && (
        <form className="kp-desk-form" onSubmit={(event) => void submit(event)} noValidate aria-labelledby={`${ids}-time-title`}>
          <Heading level={3} data-size="xs" id={`${ids}-time-title`}>
            {t('desk.time.formTitle')}
          </Heading>
          <Textfield
            id={`${ids}-minutes`}
            type="number"
            inputMode="numeric"
            min={1}
            max={1440}
            label={t('desk.time.minutes')}
            value={minutes}
            onChange={(event) => setMinutes(event.target.value)}
            error={invalid ? t('desk.time.minutesInvalid') : undefined}
          />
          <Textfield label={t('desk.time.note')} value={note} maxLength={500} onChange={(event) => setNote(event.target.value)} />
          <ActionError error={log.error} onReload={() => log.reset()} />
          <div className="kp-desk-form__actions">
            <Button type="submit" loading={log.isPending}>
              {t('desk.time.submit')}
            </Button>
          </div>
        </form>
      )}
    </Section>
  );
}

// --- Related requests -----------------------------------------------------------------------------

function Related({ detail, announce }: { detail: RequestDetail; announce: Announce }) {
  const { t, requestNumber, collator } = useSupportI18n();
  const ids = useId();
  const link = useLinkRequest();
  const child = useCreateChild();
  const catalogue = useQuery({ ...supportCatalogueQuery, enabled: detail.can.handle });
  const groups = [...(catalogue.data?.groups ?? [])].sort((a, b) => a.line - b.line || collator.compare(a.name, b.name));
  const [linkRef, setLinkRef] = useState('');
  const [linkMissing, setLinkMissing] = useState(false);
  const [childSubject, setChildSubject] = useState('');
  const [childGroup, setChildGroup] = useState('');
  const [childDescription, setChildDescription] = useState('');
  const [childErrors, setChildErrors] = useState<{ subject?: string; group?: string }>({});
  const none = !detail.parent && detail.children.length === 0 && detail.links.length === 0;
  if (none && !detail.can.handle) return null;

  const refItem = (item: RequestDetail['children'][number]) => (
    <li key={item.id}>
      <RequestLink number={item.number}>
        {requestNumber(item.number)} {item.subject}
      </RequestLink>{' '}
      ({t(statusKey(item.status))})
    </li>
  );

  const submitLink = async (event: FormEvent) => {
    event.preventDefault();
    if (!linkRef.trim()) {
      setLinkMissing(true);
      document.getElementById(`${ids}-link-ref`)?.focus();
      return;
    }
    setLinkMissing(false);
    try {
      await link.mutateAsync({ ref: String(detail.number), other: linkRef.trim() });
      announce(t('desk.done.link', { ref: linkRef.trim() }));
      setLinkRef('');
    } catch {
      // Shown below the form.
    }
  };

  const submitChild = async (event: FormEvent) => {
    event.preventDefault();
    const found: typeof childErrors = {};
    if (!childSubject.trim()) found.subject = t('desk.child.subjectRequired');
    if (!childGroup) found.group = t('desk.child.groupRequired');
    setChildErrors(found);
    if (found.subject || found.group) {
      document.getElementById(found.subject ? `${ids}-child-subject` : `${ids}-child-group`)?.focus();
      return;
    }
    try {
      await child.mutateAsync({
        ref: String(detail.number),
        subject: childSubject.trim(),
        groupId: childGroup,
        ...(childDescription.trim() ? { description: childDescription } : {}),
      });
      announce(t('desk.done.child'));
      setChildSubject('');
      setChildGroup('');
      setChildDescription('');
    } catch {
      // Shown below the form.
    }
  };

  return (
    <Section id={`${ids}-related`} title={t('desk.related.heading')}>
      {none && <Paragraph>{t('desk.related.none')}</Paragraph>}
      {detail.parent && (
        <Paragraph>
          {t('desk.related.parent')}{' '}
          <RequestLink number={detail.parent.number}>
            {requestNumber(detail.parent.number)} {detail.parent.subject}
          </RequestLink>{' '}
          ({t(statusKey(detail.parent.status))})
        </Paragraph>
      )}
      {detail.children.length > 0 && (
        <>
          <Heading level={3} data-size="xs">
            {t('desk.related.children')}
          </Heading>
          <ul>{detail.children.map(refItem)}</ul>
        </>
      )}
      {detail.links.length > 0 && (
        <>
          <Heading level={3} data-size="xs">
            {t('desk.related.links')}
          </Heading>
          <ul>{detail.links.map(refItem)}</ul>
        </>
      )}
      {detail.can.handle && (
        <>
          <form className="kp-desk-form" onSubmit={(event) => void submitLink(event)} noValidate aria-labelledby={`${ids}-link-title`}>
            <Heading level={3} data-size="xs" id={`${ids}-link-title`}>
              {t('desk.link.title')}
            </Heading>
            <Textfield
              id={`${ids}-link-ref`}
              label={t('desk.link.ref')}
              description={t('desk.link.refHelp')}
              value={linkRef}
              onChange={(event) => setLinkRef(event.target.value)}
              error={linkMissing ? t('desk.link.required') : undefined}
            />
            <ActionError error={link.error} onReload={() => link.reset()} />
            <div className="kp-desk-form__actions">
              <Button type="submit" variant="secondary" loading={link.isPending}>
                {t('desk.link.submit')}
              </Button>
            </div>
          </form>
          {isOpen(detail.status) && (
            <form className="kp-desk-form" onSubmit={(event) => void submitChild(event)} noValidate aria-labelledby={`${ids}-child-title`}>
              <Heading level={3} data-size="xs" id={`${ids}-child-title`}>
                {t('desk.child.title')}
              </Heading>
              <Textfield
                id={`${ids}-child-subject`}
                label={t('desk.child.subject')}
                value={childSubject}
                maxLength={200}
                onChange={(event) => setChildSubject(event.target.value)}
                error={childErrors.subject}
              />
              <div>
                <Label htmlFor={`${ids}-child-group`}>{t('desk.child.group')}</Label>
                <Select
                  id={`${ids}-child-group`}
                  value={childGroup}
                  onChange={(event) => setChildGroup(event.target.value)}
                  aria-invalid={childErrors.group ? true : undefined}
                  aria-describedby={childErrors.group ? `${ids}-child-group-error` : undefined}
                >
                  <option value="">{t('desk.choose')}</option>
                  {groups.map((group) => (
                    <option key={group.id} value={group.id}>
                      {`${group.name} (${t(lineKey(group.line))})`}
                    </option>
                  ))}
                </Select>
                {childErrors.group && (
                  <ValidationMessage id={`${ids}-child-group-error`} data-color="danger">
                    {childErrors.group}
                  </ValidationMessage>
                )}
              </div>
              <Textfield
                multiline
                rows={3}
                label={t('desk.child.description')}
                value={childDescription}
                onChange={(event) => setChildDescription(event.target.value)}
              />
              <ActionError error={child.error} onReload={() => child.reset()} />
              <div className="kp-desk-form__actions">
                <Button type="submit" variant="secondary" loading={child.isPending}>
                  {t('desk.child.submit')}
                </Button>
              </div>
            </form>
          )}
        </>
      )}
    </Section>
  );
}

// --- Knowledge-base articles and self-service ------------------------------------------------------

function Articles({ detail, isRequester, announce }: { detail: RequestDetail; isRequester: boolean; announce: Announce }) {
  const { t } = useSupportI18n();
  const ids = useId();
  const selfService = useSelfService();
  const offerSelfService = isRequester && isOpen(detail.status);
  return (
    <Section id={`${ids}-articles`} title={t('desk.articles.heading')}>
      {offerSelfService && <Paragraph>{t('desk.articles.selfServiceLead')}</Paragraph>}
      <ul className="kp-desk-list">
        {detail.articles.map((article) => (
          <li key={article.id}>
            <Link asChild>
              <RouterLink to="/lederstotte/kunnskapsbase/$key" params={{ key: article.key }}>
                {article.title}
              </RouterLink>
            </Link>
            {offerSelfService && (
              <>
                {' '}
                <Button
                  variant="secondary"
                  data-size="sm"
                  aria-label={t('desk.articles.solvedLabel', { title: article.title })}
                  loading={selfService.isPending && selfService.variables?.articleId === article.id}
                  onClick={() =>
                    void selfService
                      .mutateAsync({ ref: String(detail.number), articleId: article.id })
                      .then(() => announce(t('desk.done.selfService')))
                      .catch(() => undefined)
                  }
                >
                  {t('desk.articles.solved')}
                </Button>
              </>
            )}
          </li>
        ))}
      </ul>
      <ActionError error={selfService.error} onReload={() => selfService.reset()} />
    </Section>
  );
}

// --- Satisfaction survey --------------------------------------------------------------------------

function Survey({ detail, announce }: { detail: RequestDetail; announce: Announce }) {
  const { t, dateTime } = useSupportI18n();
  const ids = useId();
  const survey = useSurvey();
  const [score, setScore] = useState<number | null>(null);
  const [comment, setComment] = useState('');
  const [missing, setMissing] = useState(false);
  const answered = detail.survey?.answeredAt ? detail.survey : null;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (score === null) {
      setMissing(true);
      document.getElementById(`${ids}-score-1`)?.focus();
      return;
    }
    setMissing(false);
    try {
      await survey.mutateAsync({ ref: String(detail.number), score, ...(comment.trim() ? { comment: comment.trim() } : {}) });
      announce(t('desk.done.survey'));
    } catch {
      // Shown below the form.
    }
  };

  return (
    <Section id={`${ids}-survey`} title={t('desk.survey.heading')}>
      {answered && answered.answeredAt && (
        <>
          <Paragraph>
            {answered.score !== null
              ? t('desk.survey.answered', { score: answered.score, time: dateTime(answered.answeredAt) })
              : t('desk.survey.answeredNoScore', { time: dateTime(answered.answeredAt) })}
          </Paragraph>
          {answered.comment && <p className="kp-desk-text">{answered.comment}</p>}
        </>
      )}
      {detail.can.rate && !answered && (
        <form className="kp-desk-form" onSubmit={(event) => void submit(event)} noValidate>
          <Fieldset aria-describedby={missing ? `${ids}-score-error` : undefined}>
            <Fieldset.Legend>{t('desk.survey.question')}</Fieldset.Legend>
            {[1, 2, 3, 4, 5].map((value) => (
              <Radio
                key={value}
                id={`${ids}-score-${value}`}
                name={`${ids}-score`}
                value={String(value)}
                label={t(`desk.survey.score${value}` as SupportKey)}
                checked={score === value}
                onChange={() => setScore(value)}
              />
            ))}
            {missing && (
              <ValidationMessage id={`${ids}-score-error`} data-color="danger">
                {t('desk.survey.required')}
              </ValidationMessage>
            )}
          </Fieldset>
          <Textfield
            multiline
            rows={3}
            label={t('desk.survey.comment')}
            value={comment}
            maxLength={2000}
            onChange={(event) => setComment(event.target.value)}
          />
          <ActionError error={survey.error} onReload={() => survey.reset()} />
          <div className="kp-desk-form__actions">
            <Button type="submit" loading={survey.isPending}>
              {t('desk.survey.submit')}
            </Button>
          </div>
        </form>
      )}
    </Section>
  );
}

// --- History --------------------------------------------------------------------------------------

function History({ detail }: { detail: RequestDetail }) {
  const { t, dateTime, pick } = useSupportI18n();
  const ids = useId();
  return (
    <Section id={`${ids}-history`} title={t('desk.history.heading')}>
      {detail.events.length === 0 ? (
        <Paragraph>{t('desk.history.none')}</Paragraph>
      ) : (
        <ol className="kp-desk-list">
          {detail.events.map((event) => (
            <li key={event.id}>
              <span className="kp-muted">{dateTime(event.createdAt)}</span>
              {event.actorName ? ` – ${event.actorName}` : ''}: {pick(event.text)}
            </li>
          ))}
        </ol>
      )}
    </Section>
  );
}

import { Button, Label, Paragraph, Select } from '@digdir/designsystemet-react';
import { useId, useState } from 'react';
import { priorities, type Priority, type RequestDetail } from '../leader-support.schemas';
import { ActionError, isOpen, Section, useTakeRequest } from './desk-parts';
import { priorityKey, useSupportI18n } from './i18n';
import { useApproveMasterData, useChangePriority, useTransition } from './request-api';
import { ActionForm, EscalateForm, ResolveForm, ThirdLineForm, type Run } from './request-action-forms';
import type { Announce, Reload } from './request-parts';

// The actions the server says the signed-in user may take now (`detail.can`): one-click steps, and
// the steps that need a few words first (a form opening below the buttons).

type FormName = 'resolve' | 'delete' | 'escalate' | 'thirdLine';

export function Actions({ detail, reload, announce }: { detail: RequestDetail; reload: Reload; announce: Announce }) {
  const { t, requestNumber } = useSupportI18n();
  const ids = useId();
  const ref = String(detail.number);
  const { can, status, revision } = detail;
  const [open, setOpen] = useState<FormName | null>(null);
  const [error, setError] = useState<unknown>(null);
  const { takeRequest, take } = useTakeRequest({ announce, reread: reload, onError: setError });
  const transition = useTransition();
  const priority = useChangePriority();
  const approve = useApproveMasterData();

  const toggleId = (name: FormName) => `${ids}-toggle-${name}`;
  const closeForm = (name: FormName | null) => {
    setOpen(null);
    setError(null);
    if (name) requestAnimationFrame(() => document.getElementById(toggleId(name))?.focus());
  };
  const run: Run = async (write, done) => {
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

  // One-click steps in the order shown; each announces what it did.
  const step = (action: 'start' | 'wait' | 'resume' | 'close' | 'reopen') => (
    <Button
      variant="secondary"
      onClick={() => void run(() => transition.mutateAsync({ ref, revision, action }), `desk.done.${action}` as const)}
    >
      {t(`desk.action.${action}` as const)}
    </Button>
  );

  const canStart = can.handle && status === 'new';
  const canWait = can.handle && status === 'in_progress';
  const canResume = can.handle && status === 'waiting';
  const canPriority = can.handle && isOpen(status);
  const any = [can.take, canStart, canWait, canResume, can.resolve, can.close, can.reopen, can.delete, canPriority, can.escalate]
    .concat(can.thirdLine, can.approveMasterData)
    .some(Boolean);
  if (!any) return null;

  return (
    <Section id={`${ids}-actions`} title={t('desk.actions.heading')}>
      <div className="kp-desk-actions">
        {can.take && (
          <Button onClick={() => void takeRequest(detail)} loading={take.isPending}>
            {t('desk.action.take')}
          </Button>
        )}
        {canStart && step('start')}
        {canWait && step('wait')}
        {canResume && step('resume')}
        {can.resolve && disclosure('resolve', t('desk.action.resolve'))}
        {can.escalate && disclosure('escalate', t('desk.action.escalate'))}
        {can.thirdLine && disclosure('thirdLine', t('desk.action.thirdLine'))}
        {can.close && step('close')}
        {can.reopen && step('reopen')}
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

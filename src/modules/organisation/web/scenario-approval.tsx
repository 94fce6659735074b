import { Alert, Button, Dialog, Heading, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useQuery } from '@tanstack/react-query';
import { useId, useMemo, useRef, useState } from 'react';
import { Facts } from '../../../web/components/facts';
import { SectionHeading } from '../../../web/components/section-heading';
import { ErrorAlert, Loading } from '../../../web/components/status';
import { WriteError } from '../../../web/components/write-error';
import { apiRequest } from '../../../web/data/client';
import type { AppliedScenario, Scenario, ScenarioComparison } from '../scenarios.schemas';
import { scenarioComparisonQuery, useApplyScenario, useOrganisationMutation } from './api';
import { isOrgKey, useOrgI18n } from './i18n';

// Approval before apply, on the scenario page: who drafted, submitted and approved it, the
// buttons for what the signed-in user may do now (the server's `actions`), the comments, and the
// confirmation dialog that names what applying changes.

type Transition = 'submit' | 'withdraw' | 'return' | 'approve' | 'reject';

const base = '/api/organisation/scenarios';

function useTransition(id: string) {
  return useOrganisationMutation(({ action, revision, comment }: { action: Transition; revision: number; comment?: string }) =>
    apiRequest<Scenario>('POST', `${base}/${encodeURIComponent(id)}/${action}`, { revision, ...(comment ? { comment } : {}) }),
  );
}

function useAddComment(id: string) {
  return useOrganisationMutation((text: string) => apiRequest<Scenario>('POST', `${base}/${encodeURIComponent(id)}/comments`, { text }));
}

function useDateTime() {
  const { locale } = useOrgI18n();
  return useMemo(() => {
    const format = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Oslo' });
    return (value: string) => format.format(new Date(value));
  }, [locale]);
}

/** Who did what and when, the state's note, and the transitions the user may make. */
export function ApprovalSection({ scenario, onReload }: { scenario: Scenario; onReload: () => void }) {
  const { t } = useOrgI18n();
  const ids = useId();
  const dateTime = useDateTime();
  const transition = useTransition(scenario.id);
  const [comment, setComment] = useState('');
  const [reasonMissing, setReasonMissing] = useState(false);
  const may = (action: Scenario['actions'][number]) => scenario.actions.includes(action);
  const who = (user: Scenario['createdBy'], at: string | null) =>
    t('approval.byOn', { name: user?.name || t('approval.unknownUser'), date: at ? dateTime(at) : '' }).replace(/, $/, '');

  const run = (action: Transition) => {
    const text = comment.trim();
    if ((action === 'return' || action === 'reject') && !text) {
      setReasonMissing(true);
      return;
    }
    setReasonMissing(false);
    transition.mutate({ action, revision: scenario.revision, ...(text ? { comment: text } : {}) }, { onSuccess: () => setComment('') });
  };
  const buttons: { action: Transition; label: string; variant: 'primary' | 'secondary' | 'tertiary'; danger?: boolean }[] = [
    { action: 'submit' as const, label: t('approval.submit'), variant: 'primary' as const },
    { action: 'approve' as const, label: t('approval.approve'), variant: 'primary' as const },
    { action: 'return' as const, label: t('approval.return'), variant: 'secondary' as const },
    { action: 'withdraw' as const, label: t('approval.withdraw'), variant: 'secondary' as const },
    { action: 'reject' as const, label: t('approval.reject'), variant: 'tertiary' as const, danger: true },
  ].filter((b) => may(b.action));
  const needsReason = buttons.some((b) => b.action === 'return' || b.action === 'reject');

  const facts = [
    { term: t('approval.draftedBy'), value: who(scenario.createdBy, scenario.createdAt) },
    ...(scenario.submittedBy ? [{ term: t('approval.submittedBy'), value: who(scenario.submittedBy, scenario.submittedAt) }] : []),
    ...(scenario.approvedBy ? [{ term: t('approval.approvedBy'), value: who(scenario.approvedBy, scenario.approvedAt) }] : []),
    ...(scenario.appliedBy ? [{ term: t('approval.appliedBy'), value: who(scenario.appliedBy, scenario.appliedAt) }] : []),
  ];

  return (
    <section aria-labelledby={`${ids}-heading`} className="kp-org-section">
      <SectionHeading id={`${ids}-heading`}>{t('approval.heading')}</SectionHeading>
      <Facts items={facts} />
      {scenario.status === 'draft' && <Paragraph>{t('approval.draftIntro')}</Paragraph>}
      {scenario.status === 'submitted' && <Paragraph>{t('approval.submittedNote')}</Paragraph>}
      {scenario.status === 'approved' && <Paragraph>{t('approval.approvedNote')}</Paragraph>}
      {scenario.status === 'rejected' && <Paragraph>{t('approval.rejectedNote')}</Paragraph>}
      {(scenario.status === 'submitted' || scenario.status === 'approved') && scenario.baseChanged && (
        <Alert data-color="warning">
          <Paragraph>{t('approval.staleNote')}</Paragraph>
        </Alert>
      )}
      {scenario.draftedByYou && (scenario.status === 'submitted' || scenario.status === 'approved') && (
        <Paragraph>{t('approval.ownScenario')}</Paragraph>
      )}
      <WriteError error={transition.error} onReload={() => (transition.reset(), onReload())} />
      {buttons.length > 0 && (
        <>
          <Textfield
            label={needsReason ? t('approval.reason') : t('approval.comment')}
            multiline
            rows={2}
            value={comment}
            onChange={(event) => setComment(event.target.value)}
            error={reasonMissing ? t('approval.reasonRequired') : undefined}
          />
          <div className="kp-actions-row">
            {buttons.map((b) => (
              <Button
                key={b.action}
                variant={b.variant}
                data-color={b.danger ? 'danger' : undefined}
                loading={transition.isPending && transition.variables?.action === b.action}
                disabled={transition.isPending}
                onClick={() => run(b.action)}
              >
                {b.label}
              </Button>
            ))}
          </div>
        </>
      )}
      {transition.isSuccess && (
        <Paragraph role="status" className="ds-sr-only">
          {t('approval.saved')}
        </Paragraph>
      )}
    </section>
  );
}

/** The comments: who, when, what (and the transition a comment came with); anyone who reads the scenario may add one. */
export function CommentsSection({ scenario, onReload }: { scenario: Scenario; onReload: () => void }) {
  const { t } = useOrgI18n();
  const ids = useId();
  const dateTime = useDateTime();
  const add = useAddComment(scenario.id);
  const [text, setText] = useState('');
  return (
    <section aria-labelledby={`${ids}-heading`} className="kp-org-section">
      <SectionHeading id={`${ids}-heading`}>{t('comments.heading')}</SectionHeading>
      {scenario.comments.length === 0 ? (
        <Paragraph>{t('comments.count', { count: 0 })}</Paragraph>
      ) : (
        <ol className="kp-change-list" aria-labelledby={`${ids}-heading`}>
          {scenario.comments.map((comment) => {
            const actionKey = comment.action ? `comments.action.${comment.action}` : null;
            return (
              <li key={comment.id}>
                <div>
                  <Paragraph data-size="sm">
                    {t('comments.meta', { name: comment.authorName, time: dateTime(comment.createdAt) })}
                    {actionKey && isOrgKey(actionKey) ? ` (${t(actionKey)})` : ''}
                  </Paragraph>
                  <Paragraph>{comment.text}</Paragraph>
                </div>
              </li>
            );
          })}
        </ol>
      )}
      {scenario.actions.includes('comment') && (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            if (text.trim()) add.mutate(text.trim(), { onSuccess: () => setText('') });
          }}
        >
          <Textfield label={t('comments.label')} multiline rows={2} value={text} onChange={(event) => setText(event.target.value)} />
          <WriteError error={add.error} onReload={() => (add.reset(), onReload())} />
          <div className="kp-actions-row">
            <Button type="submit" variant="secondary" loading={add.isPending}>
              {t('comments.add')}
            </Button>
          </div>
        </form>
      )}
    </section>
  );
}

/** What applying changes, per kind, with the units named: the dialog's body (and the summary under the comparison). */
export function ChangeSummaryList({ data }: { data: ScenarioComparison }) {
  const { t } = useOrgI18n();
  return (
    <ul>
      {data.summary.map((entry) => {
        const key = `differenceKind.${entry.kind}`;
        return (
          <li key={entry.kind}>
            {isOrgKey(key) ? t(key, { count: entry.count }) : `${entry.kind}: ${entry.count}`}
            {entry.units.length > 0 && ` ${t('apply.units', { units: entry.units.map((u) => `«${u}»`).join(', ') })}`}
          </li>
        );
      })}
    </ul>
  );
}

/** Apply, for those who may: a button that opens a confirmation naming what will change, then applies. */
export function ApplyWithConfirmation({ scenario, onReload }: { scenario: Scenario; onReload: () => void }) {
  const { t, date } = useOrgI18n();
  const ids = useId();
  const apply = useApplyScenario(scenario.id);
  const [open, setOpen] = useState(false);
  const opener = useRef<HTMLButtonElement>(null);
  const comparison = useQuery({ ...scenarioComparisonQuery(scenario.id, scenario.revision), enabled: open });
  const close = () => {
    setOpen(false);
    opener.current?.focus();
  };
  return (
    <section aria-labelledby={`${ids}-apply`} className="kp-org-section">
      <SectionHeading id={`${ids}-apply`}>{t('scenario.applyHeading')}</SectionHeading>
      <Paragraph>{t('scenario.applyIntro', { date: date(scenario.effectiveDate) })}</Paragraph>
      <WriteError error={apply.error} heading={t('scenario.applyFailed')} onReload={() => (apply.reset(), onReload())} />
      <Button ref={opener} onClick={() => setOpen(true)}>
        {t('apply.open')}
      </Button>
      {open && (
        <Dialog open onClose={close} aria-labelledby={`${ids}-dialog`} closeButton={t('apply.cancel')} closedby="any">
          <Dialog.Block>
            <Heading level={2} data-size="xs" id={`${ids}-dialog`}>
              {t('apply.dialogTitle', { name: scenario.name })}
            </Heading>
          </Dialog.Block>
          <Dialog.Block>
            {comparison.isPending ? (
              <Loading label={t('apply.loading')} />
            ) : comparison.isError ? (
              <ErrorAlert error={comparison.error} onRetry={() => void comparison.refetch()} />
            ) : (
              <>
                <Paragraph>{t('apply.dialogIntro', { date: date(scenario.effectiveDate) })}</Paragraph>
                <ChangeSummaryList data={comparison.data} />
              </>
            )}
            <div className="kp-actions-row">
              <Button
                loading={apply.isPending}
                disabled={!comparison.isSuccess}
                onClick={() =>
                  apply.mutate(
                    { revision: scenario.revision },
                    { onSettled: () => setOpen(false), onSuccess: (_: AppliedScenario) => onReload() },
                  )
                }
              >
                {t('apply.confirm')}
              </Button>
              <Button variant="secondary" onClick={close}>
                {t('apply.cancel')}
              </Button>
            </div>
          </Dialog.Block>
        </Dialog>
      )}
    </section>
  );
}

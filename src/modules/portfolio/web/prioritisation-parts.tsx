import { Alert, Button, Checkbox, Heading, Paragraph, Select, Table, Textfield } from '@digdir/designsystemet-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { ApiError } from '../../../web/data/client';
import { hasPermission, useSession } from '../../../web/data/session';
import { ProblemSummary } from '../../../web/components/problem-summary';
import { SectionHeading } from '../../../web/components/section-heading';
import { ErrorAlert, Loading } from '../../../web/components/status';
import type { OverAllocationDetail, PoolMember } from '../pool.schemas';
import { PortfolioTable } from './portfolio-table';
import { usePortfolioI18n } from './i18n';
import { roleKey } from './pool-member-parts';
import { allocate, fetchAllocations, fetchMembers, poolKeys, thisMonth } from './pool-api';
import { fetchScores, prioritisationKeys, saveScores } from './prioritisation-api';
import './prioritisation.css';
import { EmptyState } from '../../../web/components/empty-state';

// Parts of the initiative page owned by the prioritisation part. Each takes the initiative's id
// (or number), fetches its own data, and invalidates ['portfolio'] after a write.

/** The initiative's score per criterion and weighted score; board members edit the scores. */
export function InitiativeScores({ initiativeId }: { initiativeId: string }) {
  const i18n = usePortfolioI18n();
  const { t, pick, number } = i18n;
  const { data: session } = useSession();
  const canDecide = hasPermission(session, 'portfolio:decide');
  const queryClient = useQueryClient();
  const query = useQuery({ queryKey: prioritisationKeys.scores(initiativeId), queryFn: () => fetchScores(initiativeId) });
  const [draft, setDraft] = useState<Record<string, string> | null>(null);
  const [saved, setSaved] = useState(false);
  const mutation = useMutation({ mutationFn: (scores: Record<string, number | null>) => saveScores(initiativeId, { scores }) });
  if (query.isPending) return <Loading />;
  if (query.error) return <ErrorAlert error={query.error} onRetry={() => query.refetch()} />;
  const data = query.data;
  const value = (key: string, score: number | null) => draft?.[key] ?? (score === null ? '' : String(score));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!draft) return;
    setSaved(false);
    const scores = Object.fromEntries(Object.entries(draft).map(([key, v]) => [key, v === '' ? null : Number(v)]));
    mutation
      .mutateAsync(scores)
      .then(() => {
        setDraft(null);
        setSaved(true);
        return queryClient.invalidateQueries({ queryKey: ['portfolio'] });
      })
      .catch(() => undefined);
  };
  return (
    <section aria-labelledby="kp-pf-scores-title">
      <SectionHeading id="kp-pf-scores-title">{t('prioritisation.scores.title')}</SectionHeading>
      <Paragraph>
        {data.weightedScore === null
          ? t('prioritisation.scores.weightedNone')
          : t('prioritisation.scores.weighted', { score: number(data.weightedScore) })}{' '}
        {data.rank === null
          ? t('prioritisation.scores.notCandidate')
          : t('prioritisation.scores.rank', { rank: data.rank, fits: data.fits ? t('prioritisation.fits') : t('prioritisation.out') })}
      </Paragraph>
      <form onSubmit={submit}>
        <PortfolioTable
          caption={t('prioritisation.scores.caption')}
          headers={[
            t('prioritisation.scores.criterion'),
            { label: t('prioritisation.scores.weight'), className: 'kp-pf-num' },
            t('prioritisation.scores.score'),
          ]}
          scroll={false}
        >
          {data.criteria.map((c) => {
            const label = pick({ nb: c.labelNb, en: c.labelEn });
            return (
              <Table.Row key={c.key}>
                <Table.HeaderCell scope="row">
                  {label} {!c.higherIsBetter && t('prioritisation.whatIf.worse')}
                </Table.HeaderCell>
                <Table.Cell className="kp-pf-num">{number(c.weight)}</Table.Cell>
                <Table.Cell>
                  {canDecide ? (
                    <Select
                      aria-label={t('prioritisation.scores.edit', { label })}
                      value={value(c.key, c.score)}
                      onChange={(e) => setDraft({ ...(draft ?? {}), [c.key]: e.target.value })}
                    >
                      <Select.Option value="">{t('prioritisation.notScored')}</Select.Option>
                      {[1, 2, 3, 4, 5].map((n) => (
                        <Select.Option key={n} value={String(n)}>
                          {n}
                        </Select.Option>
                      ))}
                    </Select>
                  ) : c.score === null ? (
                    t('prioritisation.notScored')
                  ) : (
                    c.score
                  )}
                </Table.Cell>
              </Table.Row>
            );
          })}
        </PortfolioTable>
        {mutation.error && <ErrorAlert error={mutation.error} />}
        {saved && (
          <Alert data-color="success" role="status">
            {t('prioritisation.scores.savedMsg')}
          </Alert>
        )}
        {canDecide && (
          <Button type="submit" disabled={!draft || mutation.isPending}>
            {t('prioritisation.scores.save')}
          </Button>
        )}
      </form>
    </section>
  );
}

/** Allocations to the initiative per member and month; board members allocate here. */
export function InitiativeResources({ initiativeId }: { initiativeId: string }) {
  const i18n = usePortfolioI18n();
  const { t } = i18n;
  const { data: session } = useSession();
  const canDecide = hasPermission(session, 'portfolio:decide');
  const allocations = useQuery({ queryKey: poolKeys.allocations(initiativeId), queryFn: () => fetchAllocations(initiativeId) });
  const members = useQuery({ queryKey: poolKeys.members, queryFn: fetchMembers, enabled: canDecide });
  return (
    <section aria-labelledby="kp-pf-resources-title">
      <SectionHeading id="kp-pf-resources-title">{t('prioritisation.resources.title')}</SectionHeading>
      {allocations.isPending && <Loading />}
      {allocations.error && <ErrorAlert error={allocations.error} />}
      {allocations.data && allocations.data.allocations.length === 0 && <EmptyState>{t('prioritisation.alloc.none')}</EmptyState>}
      {allocations.data && allocations.data.allocations.length > 0 && (
        <PortfolioTable
          caption={t('prioritisation.alloc.listCaption')}
          headers={[
            t('prioritisation.pool.month'),
            t('prioritisation.pool.name'),
            t('prioritisation.pool.role'),
            { label: t('prioritisation.alloc.share'), className: 'kp-pf-num' },
          ]}
          zebra
          scroll={false}
        >
          {allocations.data.allocations.map((a) => (
            <Table.Row key={`${a.memberId}-${a.month}`}>
              <Table.Cell>{i18n.month(a.month)}</Table.Cell>
              <Table.Cell>{a.memberName}</Table.Cell>
              <Table.Cell>{t(roleKey(a.role))}</Table.Cell>
              <Table.Cell className="kp-pf-num">
                {Math.round(a.share * 100)} %
                {a.overrideReason && (
                  <span className="kp-pf-over"> – {t('prioritisation.alloc.overridden', { reason: a.overrideReason })}</span>
                )}
              </Table.Cell>
            </Table.Row>
          ))}
        </PortfolioTable>
      )}
      {canDecide && members.data && <AllocateForm members={members.data.members} initiative={initiativeId} />}
    </section>
  );
}

/** Allocate a member's share to an initiative for some months; over-allocation shows the server's message and offers an override with a reason. */
export function AllocateForm({ members, initiative }: { members: PoolMember[]; initiative?: string }) {
  const { t } = usePortfolioI18n();
  const queryClient = useQueryClient();
  const [memberId, setMemberId] = useState('');
  const [initiativeRef, setInitiativeRef] = useState(initiative ?? '');
  const [month, setMonth] = useState(thisMonth());
  const [months, setMonths] = useState('1');
  const [sharePct, setSharePct] = useState('50');
  const [override, setOverride] = useState(false);
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [over, setOver] = useState<{ message: string; details: OverAllocationDetail[] } | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const mutation = useMutation({ mutationFn: allocate });
  const active = members.filter((m) => m.active);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setDone(null);
    setOver(null);
    const next: Record<string, string> = {};
    if (!memberId) next.member = t('prioritisation.alloc.required');
    if (!initiativeRef.trim()) next.initiative = t('prioritisation.alloc.required');
    if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) next.month = t('prioritisation.alloc.required');
    if (override && !reason.trim()) next.reason = t('prioritisation.alloc.required');
    setErrors(next);
    if (Object.keys(next).length) return;
    mutation
      .mutateAsync({
        memberId,
        initiative: initiativeRef.trim(),
        month,
        months: Math.min(24, Math.max(1, Number(months) || 1)),
        share: Math.min(100, Math.max(0, Number(sharePct) || 0)) / 100,
        ...(override ? { override: true, reason: reason.trim() } : {}),
      })
      .then((result) => {
        setDone(
          t('prioritisation.alloc.done', {
            n: result.written,
            overrides: result.overrides ? t('prioritisation.alloc.doneOverrides', { n: result.overrides }) : '',
          }),
        );
        setOverride(false);
        setReason('');
        return queryClient.invalidateQueries({ queryKey: ['portfolio'] });
      })
      .catch((error: unknown) => {
        if (error instanceof ApiError && error.code === 'conflict') {
          const details = (error.details as { overAllocation?: OverAllocationDetail[] } | undefined)?.overAllocation ?? [];
          setOver({ message: error.message, details });
        }
      });
  };
  const ids = { member: 'kp-pf-alloc-member' };
  return (
    <form className="kp-pf-form" onSubmit={submit} noValidate>
      <ProblemSummary
        heading={t('prioritisation.alloc.errorsTitle')}
        level={2}
        problems={Object.entries(errors).map(([field, message]) => ({ id: `kp-pf-alloc-${field}`, message }))}
      />
      <div>
        <label htmlFor={ids.member}>{t('prioritisation.alloc.member')}</label>
        <Select
          id={ids.member}
          value={memberId}
          onChange={(e) => setMemberId(e.target.value)}
          aria-invalid={errors.member ? true : undefined}
        >
          <Select.Option value="">{t('prioritisation.alloc.choose')}</Select.Option>
          {active.map((m) => (
            <Select.Option key={m.id} value={m.id}>
              {m.name} ({t(roleKey(m.role))})
            </Select.Option>
          ))}
        </Select>
        {errors.member && <Paragraph className="kp-pf-over">{errors.member}</Paragraph>}
      </div>
      {initiative === undefined && (
        <Textfield
          id="kp-pf-alloc-initiative"
          label={t('prioritisation.alloc.initiative')}
          value={initiativeRef}
          onChange={(e) => setInitiativeRef(e.target.value)}
          error={errors.initiative}
        />
      )}
      <Textfield
        id="kp-pf-alloc-month"
        label={t('prioritisation.alloc.month')}
        type="month"
        value={month}
        onChange={(e) => setMonth(e.target.value)}
        error={errors.month}
      />
      <Textfield
        label={t('prioritisation.alloc.months')}
        type="number"
        min={1}
        max={24}
        value={months}
        onChange={(e) => setMonths(e.target.value)}
      />
      <Textfield
        label={t('prioritisation.alloc.share')}
        type="number"
        min={0}
        max={100}
        value={sharePct}
        onChange={(e) => setSharePct(e.target.value)}
      />
      {over && (
        <Alert data-color="danger">
          <Heading level={3} data-size="2xs">
            {t('prioritisation.alloc.overTitle')}
          </Heading>
          <Paragraph>{over.message}</Paragraph>
          <Paragraph>{t('prioritisation.alloc.overHint')}</Paragraph>
        </Alert>
      )}
      {(over || override) && (
        <Checkbox label={t('prioritisation.alloc.override')} checked={override} onChange={(e) => setOverride(e.target.checked)} />
      )}
      {override && (
        <Textfield
          id="kp-pf-alloc-reason"
          label={t('prioritisation.alloc.reason')}
          multiline
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          error={errors.reason}
        />
      )}
      {mutation.error && !(mutation.error instanceof ApiError && mutation.error.code === 'conflict') && (
        <ErrorAlert error={mutation.error} />
      )}
      {done && (
        <Alert data-color="success" role="status">
          {done}
        </Alert>
      )}
      <div>
        <Button type="submit" disabled={mutation.isPending}>
          {t('prioritisation.alloc.submit')}
        </Button>
      </div>
    </form>
  );
}

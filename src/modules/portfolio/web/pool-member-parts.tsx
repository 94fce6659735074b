import { Alert, Button, Checkbox, Heading, Link, Paragraph, Select, Table, Tag, Textfield } from '@digdir/designsystemet-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { SectionHeading } from '../../../web/components/section-heading';
import { ErrorAlert } from '../../../web/components/status';
import { isStale } from '../../../web/components/write-error';
import { poolRoles, type PoolMember, type PoolRole } from '../pool.schemas';
import { PortfolioTable } from './portfolio-table';
import type { PortfolioI18n, PortfolioKey } from './i18n';
import { createMember, putMemberCapacity, thisMonth, updateMember } from './pool-api';

// The resource pool's members: the table, and the board's forms to add a member, edit one and set
// one month's capacity.

export const roleKey = (role: string) => `prioritisation.role.${role}` as PortfolioKey;

/** The pool's roles as a select's options, in the pool's order. */
export function RoleOptions({ t }: { t: PortfolioI18n['t'] }) {
  return poolRoles.map((r) => (
    <Select.Option key={r} value={r}>
      {t(roleKey(r))}
    </Select.Option>
  ));
}

/** The end of a pool form: the refusal, the confirmation, and the submit button. */
function PoolFormEnd({
  error,
  done,
  pending,
  submitLabel,
}: {
  error: Error | null;
  done: string | null;
  pending: boolean;
  submitLabel: string;
}) {
  return (
    <>
      {error && <ErrorAlert error={error} />}
      {done && (
        <Alert data-color="success" role="status">
          {done}
        </Alert>
      )}
      <div>
        <Button type="submit" disabled={pending}>
          {submitLabel}
        </Button>
      </div>
    </>
  );
}

/** A share of a month, as a whole percent 0–100. */
function PercentField(props: { label: string; description: string; value: string; onChange: (text: string) => void; error?: string }) {
  const { onChange, ...rest } = props;
  return <Textfield {...rest} type="number" min={0} max={100} onChange={(e) => onChange(e.target.value)} />;
}
/** How many people a long list shows before «show all». */
export const peopleShown = 40;
export const percent = (share: number) => `${Math.round(share * 100)} %`;

export function MembersTable({ members, i18n }: { members: PoolMember[]; i18n: PortfolioI18n }) {
  const { t } = i18n;
  const [all, setAll] = useState(false);
  const shown = all ? members : members.slice(0, peopleShown);
  return (
    <section aria-labelledby="kp-pf-members-title">
      <SectionHeading id="kp-pf-members-title">{t('prioritisation.pool.members', { n: members.length })}</SectionHeading>
      <Paragraph className="kp-pf-noprint">
        {t('prioritisation.export')} <Link href="/api/portfolio/pool/members/export?format=csv">CSV</Link> ·{' '}
        <Link href="/api/portfolio/pool/members/export?format=xlsx">XLSX</Link> · {t('prioritisation.alloc.listCaption')}:{' '}
        <Link href="/api/portfolio/pool/allocations/export?format=csv">CSV</Link> ·{' '}
        <Link href="/api/portfolio/pool/allocations/export?format=xlsx">XLSX</Link>
      </Paragraph>
      <PortfolioTable
        caption={t('prioritisation.pool.membersCaption')}
        headers={[
          t('prioritisation.pool.name'),
          t('prioritisation.pool.role'),
          t('prioritisation.pool.unit'),
          { label: t('prioritisation.pool.defaultCapacity'), className: 'kp-pf-num' },
        ]}
        zebra
        scroll="focusable"
      >
        {shown.map((m) => (
          <Table.Row key={m.id}>
            <Table.Cell>
              {m.name}
              {!m.active && (
                <>
                  {' '}
                  <Tag data-size="sm">{t('prioritisation.edit.inactive')}</Tag>
                </>
              )}
            </Table.Cell>
            <Table.Cell>{t(roleKey(m.role))}</Table.Cell>
            <Table.Cell>{m.homeUnitName ?? '–'}</Table.Cell>
            <Table.Cell className="kp-pf-num">{percent(m.defaultCapacity)}</Table.Cell>
          </Table.Row>
        ))}
      </PortfolioTable>
      {members.length > shown.length && (
        <Button variant="secondary" data-size="sm" onClick={() => setAll(true)}>
          {t('prioritisation.showAll', { n: members.length })}
        </Button>
      )}
    </section>
  );
}

/** A member's name, role and default capacity (per cent), as the add and edit forms ask for them. */
/** What the member forms edit: name, role and default capacity (a percent, as typed). */
type MemberDraft = { name: string; role: PoolRole; capacityPct: string };

function MemberFields({
  idPrefix,
  draft,
  onDraft,
  errors,
  i18n,
}: {
  idPrefix: string;
  draft: MemberDraft;
  onDraft: (patch: Partial<MemberDraft>) => void;
  errors: { name?: string; capacity?: string };
  i18n: PortfolioI18n;
}) {
  const { t } = i18n;
  return (
    <>
      <Textfield
        label={t('prioritisation.pool.name')}
        value={draft.name}
        onChange={(e) => onDraft({ name: e.target.value })}
        error={errors.name}
      />
      <div>
        <label htmlFor={`${idPrefix}-role`}>{t('prioritisation.pool.role')}</label>
        <Select id={`${idPrefix}-role`} value={draft.role} onChange={(e) => onDraft({ role: e.target.value as PoolRole })}>
          <RoleOptions t={t} />
        </Select>
      </div>
      <PercentField
        label={t('prioritisation.pool.defaultCapacity')}
        description={t('prioritisation.pool.capacityHelp')}
        value={draft.capacityPct}
        onChange={(capacityPct) => onDraft({ capacityPct })}
        error={errors.capacity}
      />
    </>
  );
}

export function AddMember({ i18n }: { i18n: PortfolioI18n }) {
  const { t } = i18n;
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<MemberDraft>({ name: '', role: 'service_designer', capacityPct: '100' });
  const { name, role, capacityPct } = draft;
  const [nameError, setNameError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const mutation = useMutation({ mutationFn: createMember });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setDone(null);
    if (!name.trim()) {
      setNameError(t('prioritisation.alloc.required'));
      return;
    }
    setNameError(null);
    const share = Math.min(100, Math.max(0, Number(capacityPct) || 0)) / 100;
    mutation
      .mutateAsync({ name: name.trim(), role, defaultCapacity: share })
      .then((member) => {
        setDone(t('prioritisation.pool.added', { name: member.name }));
        setDraft((d) => ({ ...d, name: '' }));
        return queryClient.invalidateQueries({ queryKey: ['portfolio'] });
      })
      .catch(() => undefined);
  };
  return (
    <section aria-labelledby="kp-pf-add-title">
      <SectionHeading id="kp-pf-add-title">{t('prioritisation.pool.addTitle')}</SectionHeading>
      <form className="kp-pf-form" onSubmit={submit} noValidate>
        <MemberFields
          idPrefix="kp-pf-new"
          draft={draft}
          onDraft={(patch) => setDraft((d) => ({ ...d, ...patch }))}
          errors={{ name: nameError ?? undefined }}
          i18n={i18n}
        />
        <PoolFormEnd error={mutation.error} done={done} pending={mutation.isPending} submitLabel={t('prioritisation.pool.add')} />
      </form>
    </section>
  );
}

/** Board members edit a member (name, role, default capacity, active) and set one month's capacity. */
export function EditMember({ members, i18n }: { members: PoolMember[]; i18n: PortfolioI18n }) {
  const { t } = i18n;
  const [memberId, setMemberId] = useState('');
  // Kept here, not in the form: the form remounts with the saved values when the revision changes.
  const [notice, setNotice] = useState<{ kind: 'stale' | 'saved'; text: string } | null>(null);
  const member = members.find((m) => m.id === memberId);
  return (
    <section aria-labelledby="kp-pf-edit-title">
      <SectionHeading id="kp-pf-edit-title">{t('prioritisation.edit.title')}</SectionHeading>
      <div className="kp-pf-form">
        <label htmlFor="kp-pf-edit-member">{t('prioritisation.edit.member')}</label>
        <Select
          id="kp-pf-edit-member"
          value={memberId}
          onChange={(e) => {
            setMemberId(e.target.value);
            setNotice(null);
          }}
        >
          <Select.Option value="">{t('prioritisation.alloc.choose')}</Select.Option>
          {members.map((m) => (
            <Select.Option key={m.id} value={m.id}>
              {m.name} ({t(roleKey(m.role))}){m.active ? '' : ` – ${t('prioritisation.edit.inactive')}`}
            </Select.Option>
          ))}
        </Select>
      </div>
      {member && <MemberForm key={`${member.id}-${member.revision}`} member={member} i18n={i18n} onNotice={setNotice} />}
      {notice?.kind === 'stale' && (
        <Alert data-color="warning" role="alert">
          {notice.text}
        </Alert>
      )}
      {notice?.kind === 'saved' && (
        <Alert data-color="success" role="status">
          {notice.text}
        </Alert>
      )}
      {member && <MonthCapacityForm key={member.id} member={member} i18n={i18n} />}
    </section>
  );
}

function MemberForm({
  member,
  i18n,
  onNotice,
}: {
  member: PoolMember;
  i18n: PortfolioI18n;
  onNotice: (notice: { kind: 'stale' | 'saved'; text: string } | null) => void;
}) {
  const { t } = i18n;
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<MemberDraft>({
    name: member.name,
    role: member.role,
    capacityPct: String(Math.round(member.defaultCapacity * 100)),
  });
  const { name, role, capacityPct } = draft;
  const [active, setActive] = useState(member.active);
  const [errors, setErrors] = useState<{ name?: string; capacity?: string }>({});
  const mutation = useMutation({ mutationFn: updateMember });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onNotice(null);
    const pct = Number(capacityPct);
    const next: { name?: string; capacity?: string } = {};
    if (!name.trim()) next.name = t('prioritisation.alloc.required');
    if (capacityPct.trim() === '' || !Number.isFinite(pct) || pct < 0 || pct > 100) next.capacity = t('prioritisation.edit.badPercent');
    setErrors(next);
    if (next.name || next.capacity) return;
    mutation
      .mutateAsync({
        id: member.id,
        name: name.trim(),
        role,
        homeUnitId: member.homeUnitId,
        defaultCapacity: pct / 100,
        active,
        revision: member.revision,
      })
      .then((saved) => {
        onNotice({ kind: 'saved', text: t('prioritisation.edit.saved', { name: saved.name }) });
        return queryClient.invalidateQueries({ queryKey: ['portfolio'] });
      })
      .catch((error: unknown) => {
        if (!isStale(error)) return undefined;
        onNotice({ kind: 'stale', text: t('prioritisation.edit.stale') });
        return queryClient.invalidateQueries({ queryKey: ['portfolio'] });
      });
  };
  return (
    <form className="kp-pf-form" onSubmit={submit} noValidate aria-label={t('prioritisation.edit.title')}>
      <MemberFields
        idPrefix="kp-pf-edit"
        draft={draft}
        onDraft={(patch) => setDraft((d) => ({ ...d, ...patch }))}
        errors={errors}
        i18n={i18n}
      />
      <Checkbox label={t('prioritisation.edit.active')} checked={active} onChange={(e) => setActive(e.target.checked)} />
      {mutation.error && !isStale(mutation.error) && <ErrorAlert error={mutation.error} />}
      <div>
        <Button type="submit" disabled={mutation.isPending}>
          {t('prioritisation.edit.save')}
        </Button>
      </div>
    </form>
  );
}

function MonthCapacityForm({ member, i18n }: { member: PoolMember; i18n: PortfolioI18n }) {
  const { t } = i18n;
  const queryClient = useQueryClient();
  const [month, setMonth] = useState(thisMonth());
  const [capacityPct, setCapacityPct] = useState('');
  const [errors, setErrors] = useState<{ month?: string; capacity?: string }>({});
  const [done, setDone] = useState<string | null>(null);
  const mutation = useMutation({ mutationFn: putMemberCapacity });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setDone(null);
    const pct = Number(capacityPct);
    const next: { month?: string; capacity?: string } = {};
    if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month.trim())) next.month = t('prioritisation.edit.badMonth');
    if (capacityPct.trim() !== '' && (!Number.isFinite(pct) || pct < 0 || pct > 100)) next.capacity = t('prioritisation.edit.badPercent');
    setErrors(next);
    if (next.month || next.capacity) return;
    mutation
      .mutateAsync({ id: member.id, month: month.trim(), capacity: capacityPct.trim() === '' ? null : pct / 100 })
      .then(() => {
        setDone(t('prioritisation.edit.monthSaved', { name: member.name, month: i18n.month(month.trim()) }));
        return queryClient.invalidateQueries({ queryKey: ['portfolio'] });
      })
      .catch(() => undefined);
  };
  return (
    <form className="kp-pf-form" onSubmit={submit} noValidate aria-label={t('prioritisation.edit.monthTitle')}>
      <Heading level={3} data-size="2xs">
        {t('prioritisation.edit.monthTitle')}
      </Heading>
      <Textfield label={t('prioritisation.edit.month')} value={month} onChange={(e) => setMonth(e.target.value)} error={errors.month} />
      <PercentField
        label={t('prioritisation.edit.monthCapacity')}
        description={t('prioritisation.edit.monthHelp')}
        value={capacityPct}
        onChange={setCapacityPct}
        error={errors.capacity}
      />
      <PoolFormEnd error={mutation.error} done={done} pending={mutation.isPending} submitLabel={t('prioritisation.edit.monthSave')} />
    </form>
  );
}

import { Alert, Button, Checkbox, Heading, Link, Paragraph, Select, Table, Tag, Textfield } from '@digdir/designsystemet-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { ApiError } from '../../../web/data/client';
import { hasPermission, useSession } from '../../../web/data/session';
import { Page } from '../../../web/components/page';
import { ErrorAlert, Loading } from '../../../web/components/status';
import { poolRoles, type CapacityReport, type MonthCell, type PoolMember, type PoolRole } from '../pool.schemas';
import { usePortfolioI18n, type PortfolioI18n, type PortfolioKey } from './i18n';
import { createMember, fetchCapacity, fetchMembers, poolKeys, putMemberCapacity, thisMonth, updateMember } from './pool-api';
import { AllocateForm } from './prioritisation-parts';
import { PortfolioNav } from './ui';
import './prioritisation.css';

export const roleKey = (role: string) => `prioritisation.role.${role}` as PortfolioKey;
const peopleShown = 40;

/** /portefolje/kapasitet: the pool's members, the capacity chart per role and person for 12 months, forms to add and allocate. */
export function CapacityPage() {
  const i18n = usePortfolioI18n();
  const { t } = i18n;
  const { data: session } = useSession();
  const canDecide = hasPermission(session, 'portfolio:decide');
  const from = thisMonth();
  const members = useQuery({ queryKey: poolKeys.members, queryFn: fetchMembers });
  const capacity = useQuery({ queryKey: poolKeys.capacity(from, 12), queryFn: () => fetchCapacity(from, 12) });
  return (
    <Page title={t('prioritisation.pool.title')}>
      <PortfolioNav />
      <Paragraph>{t('prioritisation.pool.intro')}</Paragraph>
      {(members.isPending || capacity.isPending) && <Loading />}
      {capacity.error && <ErrorAlert error={capacity.error} onRetry={() => capacity.refetch()} />}
      {capacity.data && <RoleCharts report={capacity.data} i18n={i18n} />}
      {capacity.data && <PeopleTable report={capacity.data} i18n={i18n} />}
      {canDecide && members.data && (
        <section aria-labelledby="kp-pf-alloc-title">
          <Heading level={2} data-size="sm" id="kp-pf-alloc-title">
            {t('prioritisation.alloc.title')}
          </Heading>
          <AllocateForm members={members.data.members} />
        </section>
      )}
      {canDecide && <AddMember i18n={i18n} />}
      {canDecide && members.data && <EditMember members={members.data.members} i18n={i18n} />}
      {members.data && <MembersTable members={members.data.members} i18n={i18n} />}
    </Page>
  );
}

function percent(share: number) {
  return `${Math.round(share * 100)} %`;
}

function Bars({ cells, scale, label, i18n }: { cells: MonthCell[]; scale: number; label: string; i18n: PortfolioI18n }) {
  const width = 12 * 56 + 40;
  const height = 150;
  const bottom = 120;
  const h = (v: number) => (v / Math.max(scale, 0.0001)) * 100;
  return (
    <svg className="kp-pf-chart" viewBox={`0 0 ${width} ${height}`} role="img" aria-label={label}>
      {cells.map((c, index) => {
        const x = 30 + index * 56;
        return (
          <g key={c.month}>
            <rect className="kp-pf-bar--capacity" x={x} y={bottom - h(c.capacity)} width={20} height={h(c.capacity)} />
            <rect
              className={c.over ? 'kp-pf-bar--over' : 'kp-pf-bar--allocated'}
              x={x + 22}
              y={bottom - h(c.allocated)}
              width={20}
              height={h(c.allocated)}
            />
            <text x={x + 21} y={bottom + 14} textAnchor="middle">
              {i18n.month(c.month)}
            </text>
            {c.over && (
              <text x={x + 21} y={bottom + 28} textAnchor="middle" className="kp-pf-over">
                ⚠ {i18n.t('prioritisation.pool.over')}
              </text>
            )}
          </g>
        );
      })}
    </svg>
  );
}

function RoleCharts({ report, i18n }: { report: CapacityReport; i18n: PortfolioI18n }) {
  const { t, number } = i18n;
  return (
    <section aria-labelledby="kp-pf-roles-title">
      <Heading level={2} data-size="sm" id="kp-pf-roles-title">
        {t('prioritisation.pool.chartRoles')}
      </Heading>
      <Paragraph data-size="sm">{t('prioritisation.pool.chartDesc')}</Paragraph>
      {report.roles
        .filter((r) => r.members > 0)
        .map((role) => {
          const scale = Math.max(...role.cells.map((c) => Math.max(c.capacity, c.allocated)), 1);
          const name = t(roleKey(role.role));
          return (
            <div key={role.role}>
              <Heading level={3} data-size="2xs">
                {name} ({role.members})
              </Heading>
              <Bars cells={role.cells} scale={scale} label={name} i18n={i18n} />
              <div className="kp-pf-table-wrap" tabIndex={0}>
                <Table data-size="sm">
                  <caption className="kp-pf-visually-hidden">{name}</caption>
                  <Table.Head>
                    <Table.Row>
                      <Table.HeaderCell>{t('prioritisation.pool.month')}</Table.HeaderCell>
                      {role.cells.map((c) => (
                        <Table.HeaderCell key={c.month} className="kp-pf-num">
                          {i18n.month(c.month)}
                        </Table.HeaderCell>
                      ))}
                    </Table.Row>
                  </Table.Head>
                  <Table.Body>
                    <Table.Row>
                      <Table.HeaderCell scope="row">{t('prioritisation.pool.capacityCol')}</Table.HeaderCell>
                      {role.cells.map((c) => (
                        <Table.Cell key={c.month} className="kp-pf-num">
                          {number(c.capacity)}
                        </Table.Cell>
                      ))}
                    </Table.Row>
                    <Table.Row>
                      <Table.HeaderCell scope="row">{t('prioritisation.pool.allocatedCol')}</Table.HeaderCell>
                      {role.cells.map((c, i) => (
                        <Table.Cell key={c.month} className={`kp-pf-num ${c.over ? 'kp-pf-over' : ''}`}>
                          {number(c.allocated)}
                          {role.overPeople[i]! > 0 && ` (${t('prioritisation.pool.overPeople', { n: role.overPeople[i]! })})`}
                        </Table.Cell>
                      ))}
                    </Table.Row>
                  </Table.Body>
                </Table>
              </div>
            </div>
          );
        })}
    </section>
  );
}

function PeopleTable({ report, i18n }: { report: CapacityReport; i18n: PortfolioI18n }) {
  const { t } = i18n;
  const [role, setRole] = useState<PoolRole | ''>('');
  const [all, setAll] = useState(false);
  const people = report.people.filter((p) => !role || p.role === role).sort((a, b) => b.overCount - a.overCount);
  const shown = all ? people : people.slice(0, peopleShown);
  return (
    <section aria-labelledby="kp-pf-people-title">
      <Heading level={2} data-size="sm" id="kp-pf-people-title">
        {t('prioritisation.pool.chartPeople')}
      </Heading>
      <div className="kp-pf-form">
        <label htmlFor="kp-pf-role-filter">{t('prioritisation.pool.filterRole')}</label>
        <Select id="kp-pf-role-filter" value={role} onChange={(e) => setRole(e.target.value as PoolRole | '')}>
          <Select.Option value="">{t('prioritisation.pool.allRoles')}</Select.Option>
          {poolRoles.map((r) => (
            <Select.Option key={r} value={r}>
              {t(roleKey(r))}
            </Select.Option>
          ))}
        </Select>
      </div>
      <div className="kp-pf-table-wrap" tabIndex={0}>
        <Table data-size="sm" zebra>
          <caption>{t('prioritisation.pool.peopleCaption')}</caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{t('prioritisation.pool.name')}</Table.HeaderCell>
              <Table.HeaderCell>{t('prioritisation.pool.role')}</Table.HeaderCell>
              {report.months.map((m) => (
                <Table.HeaderCell key={m} className="kp-pf-num">
                  {i18n.month(m)}
                </Table.HeaderCell>
              ))}
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {shown.map((p) => (
              <Table.Row key={p.memberId}>
                <Table.HeaderCell scope="row">{p.name}</Table.HeaderCell>
                <Table.Cell>{t(roleKey(p.role))}</Table.Cell>
                {p.cells.map((c) => (
                  <Table.Cell key={c.month} className={`kp-pf-num ${c.over ? 'kp-pf-over' : ''}`}>
                    {percent(c.allocated)} / {percent(c.capacity)}
                    {c.over && (
                      <>
                        {' '}
                        <Tag data-color="danger" data-size="sm">
                          {t('prioritisation.pool.over')}
                        </Tag>
                      </>
                    )}
                  </Table.Cell>
                ))}
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </div>
      {people.length > shown.length && (
        <Paragraph>
          {t('prioritisation.pool.showPeople', { shown: shown.length, n: people.length })}{' '}
          <Button variant="secondary" data-size="sm" onClick={() => setAll(true)}>
            {t('prioritisation.showAll', { n: people.length })}
          </Button>
        </Paragraph>
      )}
    </section>
  );
}

function MembersTable({ members, i18n }: { members: PoolMember[]; i18n: PortfolioI18n }) {
  const { t } = i18n;
  const [all, setAll] = useState(false);
  const shown = all ? members : members.slice(0, peopleShown);
  return (
    <section aria-labelledby="kp-pf-members-title">
      <Heading level={2} data-size="sm" id="kp-pf-members-title">
        {t('prioritisation.pool.members', { n: members.length })}
      </Heading>
      <Paragraph className="kp-pf-noprint">
        {t('prioritisation.export')} <Link href="/api/portfolio/pool/members/export?format=csv">CSV</Link> ·{' '}
        <Link href="/api/portfolio/pool/members/export?format=xlsx">XLSX</Link> · {t('prioritisation.alloc.listCaption')}:{' '}
        <Link href="/api/portfolio/pool/allocations/export?format=csv">CSV</Link> ·{' '}
        <Link href="/api/portfolio/pool/allocations/export?format=xlsx">XLSX</Link>
      </Paragraph>
      <div className="kp-pf-table-wrap" tabIndex={0}>
        <Table data-size="sm" zebra>
          <caption>{t('prioritisation.pool.membersCaption')}</caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{t('prioritisation.pool.name')}</Table.HeaderCell>
              <Table.HeaderCell>{t('prioritisation.pool.role')}</Table.HeaderCell>
              <Table.HeaderCell>{t('prioritisation.pool.unit')}</Table.HeaderCell>
              <Table.HeaderCell className="kp-pf-num">{t('prioritisation.pool.defaultCapacity')}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
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
          </Table.Body>
        </Table>
      </div>
      {members.length > shown.length && (
        <Button variant="secondary" data-size="sm" onClick={() => setAll(true)}>
          {t('prioritisation.showAll', { n: members.length })}
        </Button>
      )}
    </section>
  );
}

function AddMember({ i18n }: { i18n: PortfolioI18n }) {
  const { t } = i18n;
  const queryClient = useQueryClient();
  const [name, setName] = useState('');
  const [role, setRole] = useState<PoolRole>('service_designer');
  const [capacityPct, setCapacityPct] = useState('100');
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
        setName('');
        return queryClient.invalidateQueries({ queryKey: ['portfolio'] });
      })
      .catch(() => undefined);
  };
  return (
    <section aria-labelledby="kp-pf-add-title">
      <Heading level={2} data-size="sm" id="kp-pf-add-title">
        {t('prioritisation.pool.addTitle')}
      </Heading>
      <form className="kp-pf-form" onSubmit={submit} noValidate>
        <Textfield
          label={t('prioritisation.pool.name')}
          value={name}
          onChange={(e) => setName(e.target.value)}
          error={nameError ?? undefined}
        />
        <div>
          <label htmlFor="kp-pf-new-role">{t('prioritisation.pool.role')}</label>
          <Select id="kp-pf-new-role" value={role} onChange={(e) => setRole(e.target.value as PoolRole)}>
            {poolRoles.map((r) => (
              <Select.Option key={r} value={r}>
                {t(roleKey(r))}
              </Select.Option>
            ))}
          </Select>
        </div>
        <Textfield
          label={t('prioritisation.pool.defaultCapacity')}
          description={t('prioritisation.pool.capacityHelp')}
          type="number"
          min={0}
          max={100}
          value={capacityPct}
          onChange={(e) => setCapacityPct(e.target.value)}
        />
        {mutation.error && <ErrorAlert error={mutation.error} />}
        {done && (
          <Alert data-color="success" role="status">
            {done}
          </Alert>
        )}
        <div>
          <Button type="submit" disabled={mutation.isPending}>
            {t('prioritisation.pool.add')}
          </Button>
        </div>
      </form>
    </section>
  );
}

/** Board members edit a member (name, role, default capacity, active) and set one month's capacity. */
function EditMember({ members, i18n }: { members: PoolMember[]; i18n: PortfolioI18n }) {
  const { t } = i18n;
  const [memberId, setMemberId] = useState('');
  // Kept here, not in the form: the form remounts with the saved values when the revision changes.
  const [notice, setNotice] = useState<{ kind: 'stale' | 'saved'; text: string } | null>(null);
  const member = members.find((m) => m.id === memberId);
  return (
    <section aria-labelledby="kp-pf-edit-title">
      <Heading level={2} data-size="sm" id="kp-pf-edit-title">
        {t('prioritisation.edit.title')}
      </Heading>
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
  const [name, setName] = useState(member.name);
  const [role, setRole] = useState<PoolRole>(member.role);
  const [capacityPct, setCapacityPct] = useState(String(Math.round(member.defaultCapacity * 100)));
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
        if (!(error instanceof ApiError && error.code === 'stale')) return undefined;
        onNotice({ kind: 'stale', text: t('prioritisation.edit.stale') });
        return queryClient.invalidateQueries({ queryKey: ['portfolio'] });
      });
  };
  const stale = mutation.error instanceof ApiError && mutation.error.code === 'stale';
  return (
    <form className="kp-pf-form" onSubmit={submit} noValidate aria-label={t('prioritisation.edit.title')}>
      <Textfield label={t('prioritisation.pool.name')} value={name} onChange={(e) => setName(e.target.value)} error={errors.name} />
      <div>
        <label htmlFor="kp-pf-edit-role">{t('prioritisation.pool.role')}</label>
        <Select id="kp-pf-edit-role" value={role} onChange={(e) => setRole(e.target.value as PoolRole)}>
          {poolRoles.map((r) => (
            <Select.Option key={r} value={r}>
              {t(roleKey(r))}
            </Select.Option>
          ))}
        </Select>
      </div>
      <Textfield
        label={t('prioritisation.pool.defaultCapacity')}
        description={t('prioritisation.pool.capacityHelp')}
        type="number"
        min={0}
        max={100}
        value={capacityPct}
        onChange={(e) => setCapacityPct(e.target.value)}
        error={errors.capacity}
      />
      <Checkbox label={t('prioritisation.edit.active')} checked={active} onChange={(e) => setActive(e.target.checked)} />
      {mutation.error && !stale && <ErrorAlert error={mutation.error} />}
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
      <Textfield
        label={t('prioritisation.edit.monthCapacity')}
        description={t('prioritisation.edit.monthHelp')}
        type="number"
        min={0}
        max={100}
        value={capacityPct}
        onChange={(e) => setCapacityPct(e.target.value)}
        error={errors.capacity}
      />
      {mutation.error && <ErrorAlert error={mutation.error} />}
      {done && (
        <Alert data-color="success" role="status">
          {done}
        </Alert>
      )}
      <div>
        <Button type="submit" disabled={mutation.isPending}>
          {t('prioritisation.edit.monthSave')}
        </Button>
      </div>
    </form>
  );
}

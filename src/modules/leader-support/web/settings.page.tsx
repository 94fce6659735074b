import './settings.css';
import {
  Alert,
  Button,
  Checkbox,
  Details,
  ErrorSummary,
  Fieldset,
  Heading,
  Label,
  Paragraph,
  Radio,
  Select,
  Table,
  Textarea,
  Textfield,
  ValidationMessage,
} from '@digdir/designsystemet-react';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useId, useMemo, useRef, useState, type FormEvent, type ReactNode, type RefObject } from 'react';
import { Page } from '../../../web/components/page';
import { ErrorAlert, Loading } from '../../../web/components/status';
import { ApiError, errorMessage } from '../../../web/data/client';
import { hasPermission, useSession } from '../../../web/data/session';
import type { Category, Group, Priority, RoutingRule, Settings, SlaPolicy } from '../leader-support.schemas';
import { lineKey, priorityKey, useSupportI18n } from './i18n';
import {
  groupsQuery,
  routingRulesQuery,
  settingsCatalogueQuery,
  settingsQuery,
  slaPoliciesQuery,
  unitSearchQuery,
  useChangeSettings,
  useCreateRoutingRule,
  useDeleteRoutingRule,
  useDeleteSlaPolicy,
  usePutSlaPolicy,
} from './settings-api';
import { SupportNav } from './ui';

// The desk administrator's settings: opening hours and closed days, rates and targets, service
// levels, routing rules and groups. Agents see the same page read-only.

const weekdays = ['1', '2', '3', '4', '5', '6', '7'] as const;
const priorityList: Priority[] = ['urgent', 'high', 'normal', 'low'];

export function SettingsPage() {
  const { t } = useSupportI18n();
  const { data: session } = useSession();
  const canConfigure = hasPermission(session, 'leader_support:configure');
  const canRead = canConfigure || hasPermission(session, 'leader_support:handle');
  return (
    <Page title={t('settings.title')}>
      <SupportNav />
      {canRead ? <SettingsContent canConfigure={canConfigure} /> : <Alert data-color="warning">{t('settings.noAccess')}</Alert>}
    </Page>
  );
}

function SettingsContent({ canConfigure }: { canConfigure: boolean }) {
  const { t } = useSupportI18n();
  const settings = useQuery(settingsQuery);
  const policies = useQuery(slaPoliciesQuery);
  const rules = useQuery(routingRulesQuery);
  const groups = useQuery(groupsQuery);
  const catalogue = useQuery({ ...settingsCatalogueQuery, enabled: canConfigure });
  const categories = catalogue.data?.categories ?? [];
  const failed = [settings, policies, rules, groups].find((q) => q.isError);
  if (failed) return <ErrorAlert error={failed.error} onRetry={() => void failed.refetch()} />;
  if (!settings.data || !policies.data || !rules.data || !groups.data) return <Loading label={t('settings.loading')} />;
  return (
    <>
      <Paragraph>{t('settings.intro')}</Paragraph>
      {!canConfigure && (
        <Alert data-color="info">
          <Paragraph>{t('settings.readOnly')}</Paragraph>
        </Alert>
      )}
      <HoursSection settings={settings.data} canEdit={canConfigure} />
      <RatesSection settings={settings.data} canEdit={canConfigure} />
      <SlaSection policies={policies.data.policies} categories={categories} canEdit={canConfigure} />
      <RulesSection rules={rules.data.rules} categories={categories} groups={groups.data.groups} canEdit={canConfigure} />
      <GroupsSection groups={groups.data.groups} />
    </>
  );
}

// --- Shared pieces ------------------------------------------------------------------------------

function Section({ id, heading, help, children }: { id: string; heading: string; help: string; children: ReactNode }) {
  return (
    <section className="kp-ls-settings-section" aria-labelledby={id}>
      <Heading level={2} data-size="sm" id={id}>
        {heading}
      </Heading>
      <Paragraph data-size="sm">{help}</Paragraph>
      {children}
    </section>
  );
}

/** A live region that says what was saved; focus moves to it so keyboard users hear it and go on from there. */
function Announcement({ announcerRef, message }: { announcerRef: RefObject<HTMLDivElement | null>; message: string | null }) {
  return (
    <div ref={announcerRef} role="status" tabIndex={-1} className="kp-ls-settings-status">
      {message && (
        <Alert data-color="success">
          <Paragraph>{message}</Paragraph>
        </Alert>
      )}
    </div>
  );
}

function useAnnouncer() {
  const ref = useRef<HTMLDivElement>(null);
  const [message, setMessage] = useState<string | null>(null);
  const announce = (text: string | null) => {
    setMessage(text);
    if (text) requestAnimationFrame(() => ref.current?.focus());
  };
  return { ref, message, announce };
}

/** The server's refusal: a stale revision offers a reload; otherwise its message in an error summary. */
function WriteError({ error, onReload, fieldIds = {} }: { error: unknown; onReload: () => void; fieldIds?: Record<string, string> }) {
  const { t, language } = useSupportI18n();
  if (!error) return null;
  if (error instanceof ApiError && error.code === 'stale') {
    return (
      <Alert data-color="warning" role="alert">
        <Paragraph>{t('settings.stale')}</Paragraph>
        <Button variant="secondary" data-size="sm" type="button" onClick={onReload}>
          {t('settings.reload')}
        </Button>
      </Alert>
    );
  }
  const details = error instanceof ApiError && Array.isArray(error.details) ? (error.details as { path?: string }[]) : [];
  const linked = details
    .map((d) => (typeof d.path === 'string' ? d.path.replace(/^\//, '').split('/')[0] : undefined))
    .filter((name): name is string => Boolean(name && fieldIds[name]));
  return (
    <ErrorSummary>
      <ErrorSummary.Heading level={3}>{t('settings.failed')}</ErrorSummary.Heading>
      {linked.length > 0 ? (
        <ErrorSummary.List>
          {[...new Set(linked)].map((name) => (
            <ErrorSummary.Item key={name}>
              <ErrorSummary.Link href={`#${fieldIds[name]}`}>{errorMessage(error, language)}</ErrorSummary.Link>
            </ErrorSummary.Item>
          ))}
        </ErrorSummary.List>
      ) : (
        <Paragraph>{errorMessage(error, language)}</Paragraph>
      )}
    </ErrorSummary>
  );
}

/** Client-side problems before sending: a summary linking to each field. */
function ProblemSummary({ problems, fieldIds }: { problems: [string, string][]; fieldIds: Record<string, string> }) {
  const { t } = useSupportI18n();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (problems.length > 0) ref.current?.focus();
  }, [problems.length]);
  if (problems.length === 0) return null;
  return (
    <div ref={ref} tabIndex={-1} className="kp-ls-settings-status">
      <ErrorSummary>
        <ErrorSummary.Heading level={3}>{t('settings.failed')}</ErrorSummary.Heading>
        <ErrorSummary.List>
          {problems.map(([name, message]) => (
            <ErrorSummary.Item key={name}>
              <ErrorSummary.Link href={`#${fieldIds[name]}`}>{message}</ErrorSummary.Link>
            </ErrorSummary.Item>
          ))}
        </ErrorSummary.List>
      </ErrorSummary>
    </div>
  );
}

function useWeekdayName() {
  const { locale } = useSupportI18n();
  return useMemo(() => {
    const format = new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' });
    // 1 January 2024 was a Monday.
    return (day: string) => format.format(new Date(Date.UTC(2024, 0, Number(day))));
  }, [locale]);
}

/** «4 t 30 min» */
function useDuration() {
  const { t } = useSupportI18n();
  return (minutes: number) => {
    const hours = Math.floor(minutes / 60);
    const rest = minutes % 60;
    if (hours === 0) return t('settings.durationMinutes', { minutes: rest });
    if (rest === 0) return t('settings.durationHours', { hours });
    return t('settings.duration', { hours, minutes: rest });
  };
}

const isTime = (value: string) => /^([01][0-9]|2[0-3]):[0-5][0-9]$/.test(value);
const isIsoDate = (value: string) => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
};

// --- Opening hours and closed days ------------------------------------------------------------

function HoursSection({ settings, canEdit }: { settings: Settings; canEdit: boolean }) {
  const { t, date } = useSupportI18n();
  const dayName = useWeekdayName();
  const [formKey, setFormKey] = useState(0);
  return (
    <Section id="settings-hours" heading={t('settings.hours.heading')} help={t('settings.hours.help')}>
      {canEdit ? (
        <HoursForm key={formKey} settings={settings} onReload={() => setFormKey((k) => k + 1)} />
      ) : (
        <>
          <div className="kp-table-scroll">
            <Table zebra data-size="sm">
              <caption>{t('settings.hours.caption')}</caption>
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell>{t('settings.hours.weekday')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('settings.hours.open')}</Table.HeaderCell>
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {weekdays.map((day) => {
                  const hours = settings.openingHours[day];
                  return (
                    <Table.Row key={day}>
                      <Table.HeaderCell scope="row">{dayName(day)}</Table.HeaderCell>
                      <Table.Cell>{hours ? `${hours[0]}–${hours[1]}` : t('settings.hours.closed')}</Table.Cell>
                    </Table.Row>
                  );
                })}
              </Table.Body>
            </Table>
          </div>
          <Heading level={3} data-size="xs">
            {t('settings.closedDays.label')}
          </Heading>
          {settings.closedDays.length === 0 ? (
            <Paragraph>{t('settings.closedDays.none')}</Paragraph>
          ) : (
            <ul>
              {settings.closedDays.map((day) => (
                <li key={day}>{date(day)}</li>
              ))}
            </ul>
          )}
        </>
      )}
    </Section>
  );
}

function HoursForm({ settings, onReload }: { settings: Settings; onReload: () => void }) {
  const { t } = useSupportI18n();
  const dayName = useWeekdayName();
  const ids = useId();
  const mutation = useChangeSettings();
  const announcer = useAnnouncer();
  const [days, setDays] = useState(() =>
    Object.fromEntries(
      weekdays.map((day) => {
        const hours = settings.openingHours[day];
        return [day, { open: Boolean(hours), opens: hours?.[0] ?? '08:00', closes: hours?.[1] ?? '15:30' }];
      }),
    ),
  );
  const [closedDays, setClosedDays] = useState(settings.closedDays.join('\n'));
  const [problems, setProblems] = useState<[string, string][]>([]);
  const fieldIds: Record<string, string> = { closedDays: `${ids}-closed`, openingHours: `${ids}-opens-1` };
  for (const day of weekdays) fieldIds[`opens${day}`] = `${ids}-opens-${day}`;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    announcer.announce(null);
    const found: [string, string][] = [];
    for (const day of weekdays) {
      const value = days[day]!;
      if (!value.open) continue;
      if (!isTime(value.opens) || !isTime(value.closes))
        found.push([`opens${day}`, t('settings.hours.timeRequired', { day: dayName(day) })]);
      else if (value.opens >= value.closes) found.push([`opens${day}`, t('settings.hours.before', { day: dayName(day) })]);
    }
    const dates = closedDays
      .split(/\s+/)
      .map((d) => d.trim())
      .filter(Boolean);
    const wrong = dates.find((d) => !isIsoDate(d));
    if (wrong) found.push(['closedDays', t('settings.closedDays.invalid', { value: wrong })]);
    setProblems(found);
    if (found.length > 0) return;
    const openingHours = Object.fromEntries(
      weekdays.map((day) => {
        const value = days[day]!;
        return [day, value.open ? ([value.opens, value.closes] as [string, string]) : null];
      }),
    );
    mutation.mutate(
      { revision: settings.revision, openingHours, closedDays: [...new Set(dates)] },
      { onSuccess: () => announcer.announce(t('settings.saved')) },
    );
  };
  const problemFor = (name: string) => problems.find(([n]) => n === name)?.[1];

  return (
    <form className="kp-ls-settings-form" onSubmit={submit} noValidate>
      <ProblemSummary problems={problems} fieldIds={fieldIds} />
      {weekdays.map((day) => {
        const value = days[day]!;
        const set = (patch: Partial<typeof value>) => setDays({ ...days, [day]: { ...value, ...patch } });
        const problem = problemFor(`opens${day}`);
        return (
          <Fieldset key={day}>
            <Fieldset.Legend>{dayName(day)}</Fieldset.Legend>
            <div className="kp-ls-settings-row">
              <Checkbox label={t('settings.hours.open')} checked={value.open} onChange={(e) => set({ open: e.target.checked })} />
              {value.open && (
                <>
                  <Textfield
                    id={fieldIds[`opens${day}`]}
                    label={t('settings.hours.opens')}
                    type="time"
                    value={value.opens}
                    onChange={(e) => set({ opens: e.target.value })}
                    aria-invalid={problem ? true : undefined}
                  />
                  <Textfield
                    label={t('settings.hours.closes')}
                    type="time"
                    value={value.closes}
                    onChange={(e) => set({ closes: e.target.value })}
                    aria-invalid={problem ? true : undefined}
                  />
                </>
              )}
            </div>
            {problem && <ValidationMessage data-color="danger">{problem}</ValidationMessage>}
          </Fieldset>
        );
      })}
      <div>
        <Label htmlFor={fieldIds.closedDays}>{t('settings.closedDays.label')}</Label>
        <Paragraph data-size="sm" id={`${fieldIds.closedDays}-help`}>
          {t('settings.closedDays.help')}
        </Paragraph>
        <Textarea
          id={fieldIds.closedDays}
          rows={4}
          value={closedDays}
          onChange={(e) => setClosedDays(e.target.value)}
          aria-describedby={`${fieldIds.closedDays}-help`}
          aria-invalid={problemFor('closedDays') ? true : undefined}
        />
        {problemFor('closedDays') && <ValidationMessage data-color="danger">{problemFor('closedDays')}</ValidationMessage>}
      </div>
      <WriteError error={mutation.error} onReload={onReload} fieldIds={fieldIds} />
      <Announcement announcerRef={announcer.ref} message={announcer.message} />
      <div className="kp-ls-settings-actions">
        <Button type="submit" loading={mutation.isPending}>
          {t('settings.hours.save')}
        </Button>
      </div>
    </form>
  );
}

// --- Rates and targets --------------------------------------------------------------------------

function RatesSection({ settings, canEdit }: { settings: Settings; canEdit: boolean }) {
  const { t, kroner } = useSupportI18n();
  const [formKey, setFormKey] = useState(0);
  return (
    <Section id="settings-rates" heading={t('settings.rates.heading')} help={t('settings.rates.help')}>
      {canEdit ? (
        <RatesForm key={formKey} settings={settings} onReload={() => setFormKey((k) => k + 1)} />
      ) : (
        <div className="kp-table-scroll">
          <Table zebra data-size="sm">
            <caption>{t('settings.rates.caption')}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('settings.rates.what')}</Table.HeaderCell>
                <Table.HeaderCell>{t('settings.rates.value')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {(['1', '2', '3'] as const).map((line) => (
                <Table.Row key={line}>
                  <Table.HeaderCell scope="row">{t('settings.rates.line', { line: t(lineKey(Number(line))) })}</Table.HeaderCell>
                  <Table.Cell>{settings.rates[line] === undefined ? t('settings.rates.none') : kroner(settings.rates[line]!)}</Table.Cell>
                </Table.Row>
              ))}
              <Table.Row>
                <Table.HeaderCell scope="row">{t('settings.rates.warnShort')}</Table.HeaderCell>
                <Table.Cell>{settings.warnPercent} %</Table.Cell>
              </Table.Row>
              <Table.Row>
                <Table.HeaderCell scope="row">{t('settings.rates.targetShort')}</Table.HeaderCell>
                <Table.Cell>{settings.firstLineTargetPercent} %</Table.Cell>
              </Table.Row>
            </Table.Body>
          </Table>
        </div>
      )}
    </Section>
  );
}

function RatesForm({ settings, onReload }: { settings: Settings; onReload: () => void }) {
  const { t } = useSupportI18n();
  const ids = useId();
  const mutation = useChangeSettings();
  const announcer = useAnnouncer();
  const [rates, setRates] = useState<Record<string, string>>(() =>
    Object.fromEntries(['1', '2', '3'].map((line) => [line, settings.rates[line] === undefined ? '' : String(settings.rates[line])])),
  );
  const [warn, setWarn] = useState(String(settings.warnPercent));
  const [target, setTarget] = useState(String(settings.firstLineTargetPercent));
  const [problems, setProblems] = useState<[string, string][]>([]);
  const fieldIds: Record<string, string> = {
    rate1: `${ids}-rate1`,
    rate2: `${ids}-rate2`,
    rate3: `${ids}-rate3`,
    rates: `${ids}-rate1`,
    warnPercent: `${ids}-warn`,
    firstLineTargetPercent: `${ids}-target`,
  };
  const whole = (value: string, min: number, max: number) => /^\d+$/.test(value.trim()) && Number(value) >= min && Number(value) <= max;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    announcer.announce(null);
    const found: [string, string][] = [];
    const next: Record<string, number> = {};
    for (const line of ['1', '2', '3']) {
      const text = rates[line]!.trim().replace(',', '.');
      if (text === '') continue;
      const amount = Number(text);
      if (!Number.isFinite(amount) || amount < 0 || amount > 100_000) found.push([`rate${line}`, t('settings.rates.invalid')]);
      else next[line] = amount;
    }
    if (!whole(warn, 1, 99)) found.push(['warnPercent', t('settings.rates.warnInvalid')]);
    if (!whole(target, 1, 100)) found.push(['firstLineTargetPercent', t('settings.rates.targetInvalid')]);
    setProblems(found);
    if (found.length > 0) return;
    mutation.mutate(
      { revision: settings.revision, rates: next, warnPercent: Number(warn), firstLineTargetPercent: Number(target) },
      { onSuccess: () => announcer.announce(t('settings.saved')) },
    );
  };
  const problemFor = (name: string) => problems.find(([n]) => n === name)?.[1];

  return (
    <form className="kp-ls-settings-form" onSubmit={submit} noValidate>
      <ProblemSummary problems={problems} fieldIds={fieldIds} />
      <div className="kp-ls-settings-row">
        {(['1', '2', '3'] as const).map((line) => (
          <Textfield
            key={line}
            id={fieldIds[`rate${line}`]}
            label={t('settings.rates.line', { line: t(lineKey(Number(line))) })}
            inputMode="decimal"
            value={rates[line]}
            onChange={(e) => setRates({ ...rates, [line]: e.target.value })}
            error={problemFor(`rate${line}`)}
          />
        ))}
      </div>
      <Textfield
        id={fieldIds.warnPercent}
        label={t('settings.rates.warn')}
        inputMode="numeric"
        value={warn}
        onChange={(e) => setWarn(e.target.value)}
        error={problemFor('warnPercent')}
      />
      <Textfield
        id={fieldIds.firstLineTargetPercent}
        label={t('settings.rates.target')}
        inputMode="numeric"
        value={target}
        onChange={(e) => setTarget(e.target.value)}
        error={problemFor('firstLineTargetPercent')}
      />
      <WriteError error={mutation.error} onReload={onReload} fieldIds={fieldIds} />
      <Announcement announcerRef={announcer.ref} message={announcer.message} />
      <div className="kp-ls-settings-actions">
        <Button type="submit" loading={mutation.isPending}>
          {t('settings.rates.save')}
        </Button>
      </div>
    </form>
  );
}

// --- Service levels -------------------------------------------------------------------------------

function SlaSection({ policies, categories, canEdit }: { policies: SlaPolicy[]; categories: Category[]; canEdit: boolean }) {
  const { t, pick } = useSupportI18n();
  const duration = useDuration();
  const [editing, setEditing] = useState<string | null>(null);
  const remove = useDeleteSlaPolicy();
  const announcer = useAnnouncer();
  const categoryName = (policy: SlaPolicy) => (policy.category ? pick(policy.category.name) : t('settings.sla.anyCategory'));
  const editingPolicy = policies.find((p) => p.id === editing);

  return (
    <Section id="settings-sla" heading={t('settings.sla.heading')} help={t('settings.sla.help')}>
      <div className="kp-table-scroll">
        <Table zebra data-size="sm">
          <caption>{t('settings.sla.caption')}</caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{t('settings.sla.category')}</Table.HeaderCell>
              <Table.HeaderCell>{t('settings.sla.priority')}</Table.HeaderCell>
              <Table.HeaderCell>{t('settings.sla.response')}</Table.HeaderCell>
              <Table.HeaderCell>{t('settings.sla.resolution')}</Table.HeaderCell>
              {canEdit && <Table.HeaderCell>{t('settings.sla.actions')}</Table.HeaderCell>}
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {policies.map((policy) => {
              const names = { category: categoryName(policy), priority: t(priorityKey(policy.priority)) };
              return (
                <Table.Row key={policy.id}>
                  <Table.HeaderCell scope="row">{names.category}</Table.HeaderCell>
                  <Table.Cell>{names.priority}</Table.Cell>
                  <Table.Cell>{duration(policy.responseMinutes)}</Table.Cell>
                  <Table.Cell>{duration(policy.resolutionMinutes)}</Table.Cell>
                  {canEdit && (
                    <Table.Cell>
                      <div className="kp-ls-settings-actions">
                        <Button
                          variant="secondary"
                          data-size="sm"
                          type="button"
                          aria-label={t('settings.sla.editLabel', names)}
                          onClick={() => {
                            announcer.announce(null);
                            setEditing(policy.id);
                          }}
                        >
                          {t('settings.sla.edit')}
                        </Button>
                        {policy.category && (
                          <Button
                            variant="tertiary"
                            data-size="sm"
                            type="button"
                            aria-label={t('settings.sla.deleteLabel', names)}
                            onClick={() =>
                              remove.mutate(
                                { id: policy.id, revision: policy.revision },
                                { onSuccess: () => announcer.announce(t('settings.sla.deleted')) },
                              )
                            }
                          >
                            {t('settings.sla.delete')}
                          </Button>
                        )}
                      </div>
                    </Table.Cell>
                  )}
                </Table.Row>
              );
            })}
          </Table.Body>
        </Table>
      </div>
      <WriteError error={remove.error} onReload={() => remove.reset()} />
      <Announcement announcerRef={announcer.ref} message={announcer.message} />
      {canEdit && editingPolicy && (
        <SlaForm
          key={`${editingPolicy.id}-${editingPolicy.revision}`}
          heading={t('settings.sla.editing', { category: categoryName(editingPolicy), priority: t(priorityKey(editingPolicy.priority)) })}
          policy={editingPolicy}
          categories={[]}
          onDone={(saved) => {
            setEditing(null);
            if (saved) announcer.announce(t('settings.saved'));
          }}
        />
      )}
      {canEdit && (
        <Details>
          <Details.Summary>{t('settings.sla.add')}</Details.Summary>
          <Details.Content>
            <SlaForm
              policy={null}
              categories={categories}
              onDone={(saved) => {
                if (saved) announcer.announce(t('settings.saved'));
              }}
            />
          </Details.Content>
        </Details>
      )}
    </Section>
  );
}

/** Hours and minutes → minutes; null when not whole numbers (minutes 0–59) or zero in all. */
function toMinutes(hours: string, minutes: string): number | null {
  const h = hours.trim() === '' ? 0 : Number(hours);
  const m = minutes.trim() === '' ? 0 : Number(minutes);
  if (!Number.isInteger(h) || !Number.isInteger(m) || h < 0 || m < 0 || m > 59) return null;
  const total = h * 60 + m;
  return total > 0 ? total : null;
}

function SlaForm({
  heading,
  policy,
  categories,
  onDone,
}: {
  heading?: string;
  /** The policy changed; null: a new one for a category. */
  policy: SlaPolicy | null;
  categories: Category[];
  onDone: (saved: boolean) => void;
}) {
  const { t, pick, collator } = useSupportI18n();
  const ids = useId();
  const mutation = usePutSlaPolicy();
  const [categoryId, setCategoryId] = useState('');
  const [priority, setPriority] = useState<Priority>('normal');
  const [responseHours, setResponseHours] = useState(policy ? String(Math.floor(policy.responseMinutes / 60)) : '');
  const [responseMinutes, setResponseMinutes] = useState(policy ? String(policy.responseMinutes % 60) : '');
  const [resolutionHours, setResolutionHours] = useState(policy ? String(Math.floor(policy.resolutionMinutes / 60)) : '');
  const [resolutionMinutes, setResolutionMinutes] = useState(policy ? String(policy.resolutionMinutes % 60) : '');
  const [problems, setProblems] = useState<[string, string][]>([]);
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (policy) headingRef.current?.focus();
  }, [policy]);
  const fieldIds: Record<string, string> = {
    categoryId: `${ids}-category`,
    priority: `${ids}-priority`,
    responseMinutes: `${ids}-response-hours`,
    resolutionMinutes: `${ids}-resolution-hours`,
  };
  const sorted = [...categories].sort((a, b) => collator.compare(pick(a.name), pick(b.name)));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: [string, string][] = [];
    if (!policy && !categoryId) found.push(['categoryId', t('settings.sla.categoryRequired')]);
    const response = toMinutes(responseHours, responseMinutes);
    const resolution = toMinutes(resolutionHours, resolutionMinutes);
    if (response === null) found.push(['responseMinutes', t('settings.sla.durationInvalid')]);
    if (resolution === null) found.push(['resolutionMinutes', t('settings.sla.durationInvalid')]);
    if (response !== null && resolution !== null && response > resolution)
      found.push(['responseMinutes', t('settings.sla.responseLonger')]);
    setProblems(found);
    if (found.length > 0 || response === null || resolution === null) return;
    mutation.mutate(
      policy
        ? {
            categoryId: policy.category?.id ?? null,
            priority: policy.priority,
            responseMinutes: response,
            resolutionMinutes: resolution,
            revision: policy.revision,
          }
        : { categoryId, priority, responseMinutes: response, resolutionMinutes: resolution },
      { onSuccess: () => onDone(true) },
    );
  };
  const problemFor = (name: string) => problems.find(([n]) => n === name)?.[1];

  return (
    <form
      className="kp-ls-settings-form"
      onSubmit={submit}
      noValidate
      aria-labelledby={heading ? `${ids}-heading` : undefined}
      aria-label={heading ? undefined : t('settings.sla.add')}
    >
      {heading && (
        <Heading level={3} data-size="xs" ref={headingRef} tabIndex={-1} id={`${ids}-heading`}>
          {heading}
        </Heading>
      )}
      <ProblemSummary problems={problems} fieldIds={fieldIds} />
      {!policy && (
        <div className="kp-ls-settings-row">
          <div>
            <Label htmlFor={fieldIds.categoryId}>{t('settings.sla.category')}</Label>
            <Select
              id={fieldIds.categoryId}
              value={categoryId}
              onChange={(e) => setCategoryId(e.target.value)}
              aria-invalid={problemFor('categoryId') ? true : undefined}
            >
              <option value="">{t('settings.sla.pickCategory')}</option>
              {sorted.map((category) => (
                <option key={category.id} value={category.id}>
                  {pick(category.name)}
                </option>
              ))}
            </Select>
            {problemFor('categoryId') && <ValidationMessage data-color="danger">{problemFor('categoryId')}</ValidationMessage>}
          </div>
          <div>
            <Label htmlFor={fieldIds.priority}>{t('settings.sla.priority')}</Label>
            <Select id={fieldIds.priority} value={priority} onChange={(e) => setPriority(e.target.value as Priority)}>
              {priorityList.map((p) => (
                <option key={p} value={p}>
                  {t(priorityKey(p))}
                </option>
              ))}
            </Select>
          </div>
        </div>
      )}
      <div className="kp-ls-settings-row">
        <Textfield
          id={fieldIds.responseMinutes}
          label={t('settings.sla.responseHours')}
          inputMode="numeric"
          value={responseHours}
          onChange={(e) => setResponseHours(e.target.value)}
          aria-invalid={problemFor('responseMinutes') ? true : undefined}
        />
        <Textfield
          label={t('settings.sla.responseMinutes')}
          inputMode="numeric"
          value={responseMinutes}
          onChange={(e) => setResponseMinutes(e.target.value)}
          aria-invalid={problemFor('responseMinutes') ? true : undefined}
        />
      </div>
      {problemFor('responseMinutes') && <ValidationMessage data-color="danger">{problemFor('responseMinutes')}</ValidationMessage>}
      <div className="kp-ls-settings-row">
        <Textfield
          id={fieldIds.resolutionMinutes}
          label={t('settings.sla.resolutionHours')}
          inputMode="numeric"
          value={resolutionHours}
          onChange={(e) => setResolutionHours(e.target.value)}
          aria-invalid={problemFor('resolutionMinutes') ? true : undefined}
        />
        <Textfield
          label={t('settings.sla.resolutionMinutes')}
          inputMode="numeric"
          value={resolutionMinutes}
          onChange={(e) => setResolutionMinutes(e.target.value)}
          aria-invalid={problemFor('resolutionMinutes') ? true : undefined}
        />
      </div>
      {problemFor('resolutionMinutes') && <ValidationMessage data-color="danger">{problemFor('resolutionMinutes')}</ValidationMessage>}
      <WriteError error={mutation.error} onReload={() => onDone(false)} fieldIds={fieldIds} />
      <div className="kp-ls-settings-actions">
        <Button type="submit" loading={mutation.isPending}>
          {policy ? t('settings.sla.save') : t('settings.sla.addSubmit')}
        </Button>
        {policy && (
          <Button type="button" variant="secondary" onClick={() => onDone(false)}>
            {t('settings.cancel')}
          </Button>
        )}
      </div>
    </form>
  );
}

// --- Routing rules --------------------------------------------------------------------------------

function RulesSection({
  rules,
  categories,
  groups,
  canEdit,
}: {
  rules: RoutingRule[];
  categories: Category[];
  groups: Group[];
  canEdit: boolean;
}) {
  const { t, pick } = useSupportI18n();
  const remove = useDeleteRoutingRule();
  const announcer = useAnnouncer();
  const [formKey, setFormKey] = useState(0);
  const names = (rule: RoutingRule) => ({
    category: rule.category ? pick(rule.category.name) : t('settings.rules.anyCategory'),
    area: rule.area ? rule.area.name : t('settings.rules.anyArea'),
  });
  return (
    <Section id="settings-rules" heading={t('settings.rules.heading')} help={t('settings.rules.help')}>
      {rules.length === 0 ? (
        <Paragraph>{t('settings.rules.none')}</Paragraph>
      ) : (
        <div className="kp-table-scroll">
          <Table zebra data-size="sm">
            <caption>{t('settings.rules.caption')}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('settings.rules.category')}</Table.HeaderCell>
                <Table.HeaderCell>{t('settings.rules.area')}</Table.HeaderCell>
                <Table.HeaderCell>{t('settings.rules.group')}</Table.HeaderCell>
                <Table.HeaderCell>{t('settings.rules.note')}</Table.HeaderCell>
                {canEdit && <Table.HeaderCell>{t('settings.rules.actions')}</Table.HeaderCell>}
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {rules.map((rule) => (
                <Table.Row key={rule.id}>
                  <Table.HeaderCell scope="row">{names(rule).category}</Table.HeaderCell>
                  <Table.Cell>{names(rule).area}</Table.Cell>
                  <Table.Cell>{rule.group.name}</Table.Cell>
                  <Table.Cell>{rule.note ?? ''}</Table.Cell>
                  {canEdit && (
                    <Table.Cell>
                      <Button
                        variant="tertiary"
                        data-size="sm"
                        type="button"
                        aria-label={t('settings.rules.deleteLabel', names(rule))}
                        onClick={() =>
                          remove.mutate(
                            { id: rule.id, revision: rule.revision },
                            { onSuccess: () => announcer.announce(t('settings.rules.deleted')) },
                          )
                        }
                      >
                        {t('settings.rules.delete')}
                      </Button>
                    </Table.Cell>
                  )}
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
      )}
      <WriteError error={remove.error} onReload={() => remove.reset()} />
      <Announcement announcerRef={announcer.ref} message={announcer.message} />
      {canEdit && (
        <Details>
          <Details.Summary>{t('settings.rules.add')}</Details.Summary>
          <Details.Content>
            <RuleForm
              key={formKey}
              categories={categories}
              groups={groups.filter((g) => g.line === 2)}
              onAdded={() => {
                setFormKey((k) => k + 1);
                announcer.announce(t('settings.rules.added'));
              }}
            />
          </Details.Content>
        </Details>
      )}
    </Section>
  );
}

function RuleForm({ categories, groups, onAdded }: { categories: Category[]; groups: Group[]; onAdded: () => void }) {
  const { t, pick, collator } = useSupportI18n();
  const ids = useId();
  const mutation = useCreateRoutingRule();
  const [categoryId, setCategoryId] = useState('');
  const [search, setSearch] = useState('');
  const [areaUnitId, setAreaUnitId] = useState('');
  const [groupId, setGroupId] = useState('');
  const [note, setNote] = useState('');
  const [problems, setProblems] = useState<[string, string][]>([]);
  const units = useQuery(unitSearchQuery(search.trim()));
  const fieldIds: Record<string, string> = {
    categoryId: `${ids}-category`,
    areaUnitId: `${ids}-area`,
    groupId: `${ids}-group`,
    note: `${ids}-note`,
  };
  const sortedCategories = [...categories].sort((a, b) => collator.compare(pick(a.name), pick(b.name)));
  const sortedGroups = [...groups].sort((a, b) => collator.compare(a.name, b.name));
  const hits = search.trim().length >= 2 ? (units.data ?? []) : [];

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: [string, string][] = [];
    if (!groupId) found.push(['groupId', t('settings.rules.groupRequired')]);
    setProblems(found);
    if (found.length > 0) return;
    mutation.mutate(
      { categoryId: categoryId || null, areaUnitId: areaUnitId || null, groupId, note: note.trim() || null },
      { onSuccess: onAdded },
    );
  };
  const problemFor = (name: string) => problems.find(([n]) => n === name)?.[1];

  return (
    <form className="kp-ls-settings-form" onSubmit={submit} noValidate aria-label={t('settings.rules.add')}>
      <ProblemSummary problems={problems} fieldIds={fieldIds} />
      <div>
        <Label htmlFor={fieldIds.categoryId}>{t('settings.rules.category')}</Label>
        <Select id={fieldIds.categoryId} value={categoryId} onChange={(e) => setCategoryId(e.target.value)}>
          <option value="">{t('settings.rules.anyCategory')}</option>
          {sortedCategories.map((category) => (
            <option key={category.id} value={category.id}>
              {pick(category.name)}
            </option>
          ))}
        </Select>
      </div>
      <Textfield
        id={`${ids}-search`}
        label={t('settings.rules.areaSearch')}
        description={t('settings.rules.areaSearchHelp')}
        type="search"
        value={search}
        onChange={(e) => setSearch(e.target.value)}
      />
      <Fieldset id={fieldIds.areaUnitId} tabIndex={-1}>
        <Fieldset.Legend>{t('settings.rules.areaResults')}</Fieldset.Legend>
        <Radio
          name={`${ids}-area`}
          label={t('settings.rules.anyArea')}
          value=""
          checked={areaUnitId === ''}
          onChange={() => setAreaUnitId('')}
        />
        {hits.map((unit) => (
          <Radio
            key={unit.id}
            name={`${ids}-area`}
            label={`${unit.name} (${t('settings.rules.level', { level: unit.level })})`}
            value={unit.id}
            checked={areaUnitId === unit.id}
            onChange={() => setAreaUnitId(unit.id)}
          />
        ))}
        <div role="status">
          {search.trim().length >= 2 && units.isFetching && <Paragraph data-size="sm">{t('settings.rules.areaSearching')}</Paragraph>}
          {search.trim().length >= 2 && !units.isFetching && hits.length === 0 && (
            <Paragraph data-size="sm">{t('settings.rules.areaNoHits')}</Paragraph>
          )}
        </div>
      </Fieldset>
      <div>
        <Label htmlFor={fieldIds.groupId}>{t('settings.rules.group')}</Label>
        <Select
          id={fieldIds.groupId}
          value={groupId}
          onChange={(e) => setGroupId(e.target.value)}
          aria-invalid={problemFor('groupId') ? true : undefined}
        >
          <option value="">{t('settings.rules.pickGroup')}</option>
          {sortedGroups.map((group) => (
            <option key={group.id} value={group.id}>
              {group.name}
            </option>
          ))}
        </Select>
        {problemFor('groupId') && <ValidationMessage data-color="danger">{problemFor('groupId')}</ValidationMessage>}
      </div>
      <Textfield id={fieldIds.note} label={t('settings.rules.noteLabel')} value={note} onChange={(e) => setNote(e.target.value)} />
      <WriteError error={mutation.error} onReload={() => mutation.reset()} fieldIds={fieldIds} />
      <div className="kp-ls-settings-actions">
        <Button type="submit" loading={mutation.isPending}>
          {t('settings.rules.addSubmit')}
        </Button>
      </div>
    </form>
  );
}

// --- Groups ---------------------------------------------------------------------------------------

function GroupsSection({ groups }: { groups: Group[] }) {
  const { t } = useSupportI18n();
  return (
    <Section id="settings-groups" heading={t('settings.groups.heading')} help={t('settings.groups.help')}>
      <div className="kp-table-scroll">
        <Table zebra data-size="sm">
          <caption>{t('settings.groups.caption')}</caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{t('settings.groups.name')}</Table.HeaderCell>
              <Table.HeaderCell>{t('settings.groups.line')}</Table.HeaderCell>
              <Table.HeaderCell>{t('settings.groups.unit')}</Table.HeaderCell>
              <Table.HeaderCell>{t('settings.groups.members')}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {groups.map((group) => (
              <Table.Row key={group.id}>
                <Table.HeaderCell scope="row">{group.name}</Table.HeaderCell>
                <Table.Cell>{t(lineKey(group.line))}</Table.Cell>
                <Table.Cell>{group.unit?.name ?? (group.external ? t('settings.groups.external') : '')}</Table.Cell>
                <Table.Cell>
                  {group.members.length === 0 ? (
                    t('settings.groups.noMembers')
                  ) : (
                    <ul className="kp-ls-settings-members">
                      {group.members.map((member) => (
                        <li key={member.userId}>{member.displayName}</li>
                      ))}
                    </ul>
                  )}
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </div>
    </Section>
  );
}

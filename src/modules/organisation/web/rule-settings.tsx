import { Alert, Button, Details, Fieldset, Heading, Label, Paragraph, Select, Textfield } from '@digdir/designsystemet-react';
import { useQuery } from '@tanstack/react-query';
import { useCallback, useId, useMemo, useRef, useState, type FormEvent, type ReactNode, type RefObject } from 'react';
import { flushSync } from 'react-dom';
import { ErrorAlert } from '../../../web/components/status';
import { hasPermission, useSession } from '../../../web/data/session';
import type { LevelException, RuleSetting } from '../rules.schemas';
import {
  levelExceptionsQuery,
  ruleSettingsQuery,
  treeQuery,
  useAddLevelException,
  useEndLevelException,
  useUpdateRuleSetting,
} from './api';
import { DataTable } from './detail-parts';
import { roleKey, useOrgI18n } from './i18n';
import { isIsoDate } from './search-params';
import { FieldError } from './unit-edit';
import { EntityLink, fieldErrors, SectionHeading, WriteError } from './ui';

// The rules' settings on the rules page: the span-of-control threshold per leader role type and
// the level exceptions. Everyone signed in reads them; administrators (organisation:configure)
// change them. Each write carries what was read (a revision), so a change made meanwhile by
// someone else is refused as stale and the form offers to reload.

/** The leader role types in the order of the line, top first (the server's list, same order). */
const spanRoleOrder: RuleSetting['roleType'][] = [
  'chief_executive',
  'director',
  'service_area_head',
  'staff_area_head',
  'unit_leader',
  'department_leader',
];

/**
 * A success message that is announced (role="status") and takes the focus after a save, so
 * keyboard and screen-reader users land on what happened rather than on a vanished form.
 */
export function useAnnouncer() {
  const ref = useRef<HTMLDivElement>(null);
  const [message, setMessage] = useState<string | null>(null);
  const announce = useCallback((text: string) => {
    flushSync(() => setMessage(text));
    ref.current?.focus();
  }, []);
  const clear = useCallback(() => setMessage(null), []);
  return { ref, message, announce, clear };
}

export function Announcement({ announcerRef, message }: { announcerRef: RefObject<HTMLDivElement | null>; message: string | null }) {
  return (
    <div ref={announcerRef} role="status" tabIndex={-1} className="kp-settings-status">
      {message && (
        <Alert data-color="success">
          <Paragraph>{message}</Paragraph>
        </Alert>
      )}
    </div>
  );
}

/** A small form that opens below a table for one row: a legend, fields, the refusal, save and cancel. */
export function RowForm({
  legend,
  onSubmit,
  onCancel,
  error,
  onReload,
  fieldIds,
  errorHeading,
  submitLabel,
  pending,
  danger,
  children,
}: {
  legend: string;
  onSubmit: (event: FormEvent) => void;
  onCancel: () => void;
  error: unknown;
  onReload: () => void;
  fieldIds: Record<string, string>;
  errorHeading?: string;
  submitLabel: string;
  pending: boolean;
  danger?: boolean;
  children: ReactNode;
}) {
  const { t } = useOrgI18n();
  return (
    <form className="kp-org-form kp-row-form" onSubmit={onSubmit} noValidate>
      <Fieldset>
        <Fieldset.Legend>{legend}</Fieldset.Legend>
        {children}
      </Fieldset>
      <WriteError error={error} onReload={onReload} fieldIds={fieldIds} heading={errorHeading} />
      <div className="kp-org-form__actions">
        <Button type="submit" loading={pending} data-color={danger ? 'danger' : undefined}>
          {submitLabel}
        </Button>
        <Button type="button" variant="secondary" onClick={onCancel}>
          {t('settings.cancel')}
        </Button>
      </div>
    </form>
  );
}

/** The "Innstillinger" section below the rules report. */
export function RuleSettingsSection({ date }: { date: string }) {
  const { t } = useOrgI18n();
  const ids = useId();
  const { data: session } = useSession();
  const canEdit = hasPermission(session, 'organisation:configure');
  return (
    <section aria-labelledby={`${ids}-settings`} className="kp-org-section kp-settings">
      <SectionHeading id={`${ids}-settings`}>{t('settings.heading')}</SectionHeading>
      <Paragraph>{t('settings.lead')}</Paragraph>
      {!canEdit && <Paragraph className="kp-muted">{t('settings.readOnly')}</Paragraph>}
      <SpanThresholds canEdit={canEdit} />
      <LevelExceptionList date={date} canEdit={canEdit} />
    </section>
  );
}

function SubHeading({ id, children }: { id: string; children: ReactNode }) {
  return (
    <Heading level={3} data-size="xs" id={id} className="kp-org-subheading">
      {children}
    </Heading>
  );
}

type SpanEdit = { roleType: RuleSetting['roleType']; revision: number; current: number; draft: string };

function SpanThresholds({ canEdit }: { canEdit: boolean }) {
  const { t, number } = useOrgI18n();
  const ids = useId();
  const settings = useQuery(ruleSettingsQuery());
  const mutation = useUpdateRuleSetting();
  const announcer = useAnnouncer();
  const opener = useRef<HTMLButtonElement | null>(null);
  const [editing, setEditing] = useState<SpanEdit | null>(null);
  const [tried, setTried] = useState(false);

  const rows = useMemo(
    () => [...(settings.data?.settings ?? [])].sort((a, b) => spanRoleOrder.indexOf(a.roleType) - spanRoleOrder.indexOf(b.roleType)),
    [settings.data],
  );
  const roleName = (roleType: RuleSetting['roleType']) => t(roleKey(roleType));

  const open = (setting: RuleSetting, button: HTMLButtonElement) => {
    opener.current = button;
    mutation.reset();
    announcer.clear();
    setTried(false);
    // The revision read now is the one sent: a change made by someone else meanwhile is refused.
    setEditing({ roleType: setting.roleType, revision: setting.revision, current: setting.maxSpan, draft: String(setting.maxSpan) });
  };
  const cancel = () => {
    setEditing(null);
    mutation.reset();
    opener.current?.focus();
  };
  const reload = async () => {
    mutation.reset();
    const fresh = await settings.refetch();
    const setting = fresh.data?.settings.find((s) => s.roleType === editing?.roleType);
    if (setting)
      setEditing({ roleType: setting.roleType, revision: setting.revision, current: setting.maxSpan, draft: String(setting.maxSpan) });
  };

  const value = editing ? Number(editing.draft.trim()) : NaN;
  const valid = editing !== null && editing.draft.trim() !== '' && Number.isInteger(value) && value >= 1 && value <= 1000;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (!editing || !valid) return;
    const role = roleName(editing.roleType);
    mutation.mutate(
      { roleType: editing.roleType, revision: editing.revision, maxSpan: value },
      {
        onSuccess: (saved) => {
          setEditing(null);
          announcer.announce(t('span.saved', { role, max: number(saved.maxSpan) }));
        },
      },
    );
  };
  const fieldId = `${ids}-max`;
  const fieldError = tried && !valid ? t('span.invalid') : fieldErrors(mutation.error).maxSpan;

  return (
    <div className="kp-org-section">
      <SubHeading id={`${ids}-heading`}>{t('span.heading')}</SubHeading>
      <Paragraph>{t('span.lead')}</Paragraph>
      {settings.isPending && <Paragraph role="status">{t('settings.loading')}</Paragraph>}
      {settings.isError && <ErrorAlert error={settings.error} onRetry={() => void settings.refetch()} />}
      {settings.data && (
        <DataTable
          caption={t('span.caption')}
          headers={[t('span.role'), t('span.max'), ...(canEdit ? [t('settings.actions')] : [])]}
          numeric={[1]}
          empty={t('common.none')}
          rows={rows.map((setting) => [
            roleName(setting.roleType),
            number(setting.maxSpan),
            ...(canEdit
              ? [
                  <Button
                    key="edit"
                    variant="tertiary"
                    data-size="sm"
                    aria-label={t('span.editLabel', { role: roleName(setting.roleType) })}
                    aria-expanded={editing?.roleType === setting.roleType}
                    aria-controls={editing?.roleType === setting.roleType ? `${ids}-form` : undefined}
                    onClick={(event) => open(setting, event.currentTarget)}
                  >
                    {t('span.edit')}
                  </Button>,
                ]
              : []),
          ])}
        />
      )}
      {canEdit && editing && (
        <div id={`${ids}-form`}>
          <RowForm
            legend={t('span.editLegend', { role: roleName(editing.roleType) })}
            onSubmit={submit}
            onCancel={cancel}
            error={mutation.error}
            onReload={() => void reload()}
            fieldIds={{ maxSpan: fieldId }}
            submitLabel={t('span.save')}
            pending={mutation.isPending}
          >
            <Textfield
              id={fieldId}
              label={t('span.newMax')}
              description={t('span.newMaxHelp', { max: number(editing.current) })}
              inputMode="numeric"
              autoComplete="off"
              value={editing.draft}
              onChange={(event) => setEditing({ ...editing, draft: event.target.value })}
              error={fieldError}
              required
              autoFocus
            />
          </RowForm>
        </div>
      )}
      <Announcement announcerRef={announcer.ref} message={announcer.message} />
    </div>
  );
}

function LevelExceptionList({ date, canEdit }: { date: string; canEdit: boolean }) {
  const { t, date: formatDate, period } = useOrgI18n();
  const ids = useId();
  const exceptions = useQuery(levelExceptionsQuery(date));
  const announcer = useAnnouncer();
  const opener = useRef<HTMLButtonElement | null>(null);
  const [ending, setEnding] = useState<LevelException | null>(null);
  const unitName = (exception: LevelException) => exception.unit.name ?? exception.unit.key;

  return (
    <div className="kp-org-section">
      <SubHeading id={`${ids}-heading`}>{t('exceptions.heading')}</SubHeading>
      <Paragraph>{t('exceptions.lead')}</Paragraph>
      {exceptions.isPending && <Paragraph role="status">{t('settings.loading')}</Paragraph>}
      {exceptions.isError && <ErrorAlert error={exceptions.error} onRetry={() => void exceptions.refetch()} />}
      {exceptions.data && (
        <DataTable
          caption={t('exceptions.caption', { date: formatDate(exceptions.data.date) })}
          headers={[
            t('exceptions.unit'),
            t('exceptions.reason'),
            t('common.source'),
            t('exceptions.period'),
            ...(canEdit ? [t('settings.actions')] : []),
          ]}
          empty={t('exceptions.none')}
          rows={exceptions.data.exceptions.map((exception) => [
            <EntityLink key="unit" kind="unit" id={exception.unit.id} date={exceptions.data.date}>
              {unitName(exception)}
            </EntityLink>,
            exception.reason,
            exception.source ?? '–',
            period(exception.validFrom, exception.validTo),
            ...(canEdit
              ? [
                  exception.validTo === null ? (
                    <Button
                      key="end"
                      variant="tertiary"
                      data-size="sm"
                      aria-label={t('exceptions.endLabel', { unit: unitName(exception) })}
                      aria-expanded={ending?.id === exception.id}
                      aria-controls={ending?.id === exception.id ? `${ids}-end` : undefined}
                      onClick={(event) => {
                        opener.current = event.currentTarget;
                        announcer.clear();
                        setEnding(exception);
                      }}
                    >
                      {t('exceptions.end')}
                    </Button>
                  ) : (
                    '–'
                  ),
                ]
              : []),
          ])}
        />
      )}
      {canEdit && ending && (
        <div id={`${ids}-end`}>
          <EndExceptionForm
            key={ending.id}
            exception={ending}
            date={date}
            onCancel={() => {
              setEnding(null);
              opener.current?.focus();
            }}
            onEnded={(validTo) => {
              setEnding(null);
              announcer.announce(t('exceptions.ended', { unit: unitName(ending), date: formatDate(validTo) }));
            }}
          />
        </div>
      )}
      <Announcement announcerRef={announcer.ref} message={announcer.message} />
      {canEdit && (
        <Details>
          <Details.Summary>{t('exceptions.add')}</Details.Summary>
          <Details.Content>
            <AddExceptionForm
              date={date}
              onAdded={(unit, validFrom) => announcer.announce(t('exceptions.added', { unit, date: formatDate(validFrom) }))}
            />
          </Details.Content>
        </Details>
      )}
    </div>
  );
}

function EndExceptionForm({
  exception,
  date,
  onCancel,
  onEnded,
}: {
  exception: LevelException;
  date: string;
  onCancel: () => void;
  onEnded: (validTo: string) => void;
}) {
  const { t, date: formatDate } = useOrgI18n();
  const ids = useId();
  const mutation = useEndLevelException();
  const [validTo, setValidTo] = useState(date > exception.validFrom ? date : '');
  const [tried, setTried] = useState(false);
  const fieldId = `${ids}-to`;
  const dateError = tried && !isIsoDate(validTo) ? t('edit.dateRequired') : fieldErrors(mutation.error).validTo;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (!isIsoDate(validTo)) return;
    mutation.mutate({ id: exception.id, validTo }, { onSuccess: () => onEnded(validTo) });
  };
  return (
    <RowForm
      legend={t('exceptions.endLegend', { unit: exception.unit.name ?? exception.unit.key })}
      onSubmit={submit}
      onCancel={onCancel}
      error={mutation.error}
      onReload={() => mutation.reset()}
      fieldIds={{ validTo: fieldId }}
      errorHeading={t('exceptions.endFailed')}
      submitLabel={t('exceptions.endSubmit')}
      pending={mutation.isPending}
      danger
    >
      <Textfield
        id={fieldId}
        label={t('exceptions.endDate')}
        description={t('exceptions.endDateHelp', { date: formatDate(exception.validFrom) })}
        type="date"
        value={validTo}
        onChange={(event) => setValidTo(event.target.value)}
        error={dateError}
        required
        autoFocus
      />
    </RowForm>
  );
}

function AddExceptionForm({ date, onAdded }: { date: string; onAdded: (unit: string, validFrom: string) => void }) {
  const { t, collator } = useOrgI18n();
  const ids = useId();
  const mutation = useAddLevelException();
  const tree = useQuery(treeQuery(date));
  const [unitId, setUnitId] = useState('');
  const [reason, setReason] = useState('');
  const [source, setSource] = useState('');
  const [validFrom, setValidFrom] = useState(date);
  const [tried, setTried] = useState(false);

  const units = useMemo(() => [...(tree.data?.units ?? [])].sort((a, b) => collator.compare(a.name, b.name)), [tree.data, collator]);
  const server = fieldErrors(mutation.error);
  const unitError = tried && !unitId ? t('exceptions.unitRequired') : server.unitId;
  const reasonError = tried && !reason.trim() ? t('exceptions.reasonRequired') : server.reason;
  const dateError = tried && !isIsoDate(validFrom) ? t('edit.dateRequired') : server.validFrom;
  const fieldIds = { unitId: `${ids}-unit`, reason: `${ids}-reason`, source: `${ids}-source`, validFrom: `${ids}-from` };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (!unitId || !reason.trim() || !isIsoDate(validFrom)) return;
    const name = units.find((unit) => unit.id === unitId)?.name ?? '';
    mutation.mutate(
      { unitId, reason: reason.trim(), validFrom, ...(source.trim() ? { source: source.trim() } : {}) },
      {
        onSuccess: (created) => {
          setUnitId('');
          setReason('');
          setSource('');
          setTried(false);
          onAdded(created.unit.name ?? name, created.validFrom);
        },
      },
    );
  };

  return (
    <form className="kp-org-form" onSubmit={submit} noValidate>
      <div>
        <Label htmlFor={fieldIds.unitId}>{t('exceptions.unitLabel')}</Label>
        <Select
          id={fieldIds.unitId}
          value={unitId}
          onChange={(event) => setUnitId(event.target.value)}
          aria-invalid={unitError ? true : undefined}
          aria-describedby={unitError ? `${ids}-unit-error` : undefined}
          required
        >
          <option value="">{tree.isPending ? t('exceptions.loadingUnits') : t('exceptions.chooseUnit')}</option>
          {units.map((unit) => (
            <option key={unit.id} value={unit.id}>
              {unit.name} ({t('common.levelN', { level: unit.level })})
            </option>
          ))}
        </Select>
        {unitError && <FieldError id={`${ids}-unit-error`}>{unitError}</FieldError>}
      </div>
      <Textfield
        id={fieldIds.reason}
        label={t('exceptions.reason')}
        description={t('exceptions.reasonHelp')}
        multiline
        rows={3}
        value={reason}
        onChange={(event) => setReason(event.target.value)}
        error={reasonError}
        required
      />
      <Textfield
        id={fieldIds.source}
        label={t('exceptions.source')}
        description={t('exceptions.sourceHelp')}
        value={source}
        onChange={(event) => setSource(event.target.value)}
        error={server.source}
      />
      <Textfield
        id={fieldIds.validFrom}
        label={t('edit.validFrom')}
        description={t('exceptions.validFromHelp')}
        type="date"
        value={validFrom}
        onChange={(event) => setValidFrom(event.target.value)}
        error={dateError}
        required
      />
      <WriteError error={mutation.error} onReload={() => mutation.reset()} fieldIds={fieldIds} heading={t('exceptions.addFailed')} />
      <div className="kp-org-form__actions">
        <Button type="submit" loading={mutation.isPending}>
          {t('exceptions.addSubmit')}
        </Button>
      </div>
    </form>
  );
}

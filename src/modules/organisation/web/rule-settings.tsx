import { Button, Details, Paragraph, Select, Tag, Textfield } from '@digdir/designsystemet-react';
import { useQuery } from '@tanstack/react-query';
import { useId, useMemo, useRef, useState, type FormEvent } from 'react';
import { DataTable } from '../../../web/components/data-table';
import { EntityCombobox } from '../../../web/components/combobox/combobox';
import { unitPathOptions } from '../../../web/components/combobox/unit-path-options';
import { ErrorAlert } from '../../../web/components/status';
import { hasPermission, useSession } from '../../../web/data/session';
import { SectionHeading } from '../../../web/components/section-heading';
import { fieldErrors, WriteError } from '../../../web/components/write-error';
import { FormField } from '../../../web/components/form-field';
import { exceptedRuleIds, type ExceptedRuleId, type LevelException } from '../rules.schemas';
import { levelExceptionsQuery, treeQuery, useAddLevelException, useEndLevelException } from './api';
import { ruleKey, useOrgI18n } from './i18n';
import { isIsoDate } from './search-params';
import { Announcement, RowForm, SubHeading, useAnnouncer } from './settings-forms';
import { SpanThresholds } from './span-thresholds';
import { EntityLink } from './ui';

// The rules' settings on the rules page: the span-of-control threshold per leader role type and
// the rule exceptions (level, span of control, leader line), each marked stale when it no longer
// excuses anything. Everyone signed in reads them; administrators (organisation:configure)
// change them. Each write carries what was read (a revision), so a change made meanwhile by
// someone else is refused as stale and the form offers to reload.

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
            t('exceptions.rule'),
            t('exceptions.reason'),
            t('common.source'),
            t('exceptions.period'),
            ...(canEdit ? [t('settings.actions')] : []),
          ]}
          empty={t('exceptions.none')}
          rows={exceptions.data.exceptions.map((exception) => ({
            key: exception.id,
            cells: [
              <EntityLink key="unit" kind="unit" id={exception.unit.id} date={exceptions.data.date}>
                {unitName(exception)}
              </EntityLink>,
              <span key="rule">
                {t(ruleKey(exception.rule))}
                {exception.stale && (
                  <>
                    {' '}
                    <Tag data-color="warning" data-size="sm">
                      <span aria-hidden="true">▲ </span>
                      {t('exceptions.stale')}: {t('exceptions.staleHelp').toLocaleLowerCase()}
                    </Tag>
                  </>
                )}
              </span>,
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
            ],
          }))}
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
  const [rule, setRule] = useState<ExceptedRuleId>('level_inconsistent');
  const [reason, setReason] = useState('');
  const [source, setSource] = useState('');
  const [validFrom, setValidFrom] = useState(date);
  const [tried, setTried] = useState(false);

  const units = useMemo(() => [...(tree.data?.units ?? [])].sort((a, b) => collator.compare(a.name, b.name)), [tree.data, collator]);
  const server = fieldErrors(mutation.error);
  const unitError = tried && !unitId ? t('exceptions.unitRequired') : server.unitId;
  const reasonError = tried && !reason.trim() ? t('exceptions.reasonRequired') : server.reason;
  const dateError = tried && !isIsoDate(validFrom) ? t('edit.dateRequired') : server.validFrom;
  const fieldIds = {
    unitId: `${ids}-unit`,
    rule: `${ids}-rule`,
    reason: `${ids}-reason`,
    source: `${ids}-source`,
    validFrom: `${ids}-from`,
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (!unitId || !reason.trim() || !isIsoDate(validFrom)) return;
    const name = units.find((unit) => unit.id === unitId)?.name ?? '';
    mutation.mutate(
      { unitId, rule, reason: reason.trim(), validFrom, ...(source.trim() ? { source: source.trim() } : {}) },
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
      <EntityCombobox
        id={fieldIds.unitId}
        label={t('exceptions.unitLabel')}
        options={unitPathOptions(units, collator.compare)}
        value={unitId}
        onChange={setUnitId}
        loading={tree.isPending}
        error={unitError}
        required
      />
      <FormField id={fieldIds.rule} label={t('exceptions.ruleLabel')} description={t('exceptions.ruleHelp')} error={server.rule}>
        {(control) => (
          <Select {...control} value={rule} onChange={(event) => setRule(event.target.value as ExceptedRuleId)}>
            {exceptedRuleIds.map((id) => (
              <Select.Option key={id} value={id}>
                {t(ruleKey(id))}
              </Select.Option>
            ))}
          </Select>
        )}
      </FormField>
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

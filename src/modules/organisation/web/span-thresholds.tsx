import { Button, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useQuery } from '@tanstack/react-query';
import { useId, useMemo, useRef, useState, type FormEvent } from 'react';
import { DataTable } from '../../../web/components/data-table';
import { ErrorAlert } from '../../../web/components/status';
import { fieldErrors } from '../../../web/components/write-error';
import type { RuleSetting } from '../rules.schemas';
import { ruleSettingsQuery, useUpdateRuleSetting } from './api';
import { roleKey, useOrgI18n } from './i18n';
import { Announcement, RowForm, SubHeading, useAnnouncer } from './settings-forms';
import { roleTypes } from './vocabulary';

// The span-of-control threshold per leader role type, on the rules page. Administrators change one
// row at a time; the write carries the revision read, so a change made meanwhile is refused as stale.

type SpanEdit = { roleType: RuleSetting['roleType']; revision: number; current: number; draft: string };

export function SpanThresholds({ canEdit }: { canEdit: boolean }) {
  const { t, number } = useOrgI18n();
  const ids = useId();
  const settings = useQuery(ruleSettingsQuery());
  const mutation = useUpdateRuleSetting();
  const announcer = useAnnouncer();
  const opener = useRef<HTMLButtonElement | null>(null);
  const [editing, setEditing] = useState<SpanEdit | null>(null);
  const [tried, setTried] = useState(false);

  const rows = useMemo(
    // In the order of the line, top first: the vocabulary lists the roles so.
    () => [...(settings.data?.settings ?? [])].sort((a, b) => roleTypes.indexOf(a.roleType) - roleTypes.indexOf(b.roleType)),
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
          rows={rows.map((setting) => ({
            key: setting.roleType,
            cells: [
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
            ],
          }))}
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

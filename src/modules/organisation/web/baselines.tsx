import { Alert, Button, Details, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useId, useRef, useState, type FormEvent } from 'react';
import { DataTable } from '../../../web/components/data-table';
import { hasPermission, useSession } from '../../../web/data/session';
import { fieldErrors, WriteError } from '../../../web/components/write-error';
import type { Baseline } from '../analytics.schemas';
import { useCreateBaseline, useDeleteBaseline, useUpdateBaseline } from './api';
import { useOrgI18n } from './i18n';
import { Announcement, RowForm, useAnnouncer } from './settings-forms';

// The administration baselines of the three former municipalities on the analytics page: the
// table everyone reads, and for organisation editors (organisation:write) forms to add, change
// and delete one. A change or deletion sends the revision read, so one made meanwhile by someone
// else is refused as stale and the form offers to reload.

/** «12,5» and «12.5» alike; null when it is not a number. */
function parseDecimal(text: string): number | null {
  const cleaned = text
    .trim()
    .replace(/[\s\u00a0]/g, '')
    .replace(',', '.');
  if (cleaned === '') return null;
  const value = Number(cleaned);
  return Number.isFinite(value) ? value : null;
}

type Values = { name: string; year: string; adminFte: string; totalFte: string; source: string; comment: string };

const emptyValues: Values = { name: '', year: '', adminFte: '', totalFte: '', source: '', comment: '' };

export function BaselinesTable({ baselines }: { baselines: Baseline[] }) {
  const { t, number, percent } = useOrgI18n();
  const ids = useId();
  const queryClient = useQueryClient();
  const { data: session } = useSession();
  const canWrite = hasPermission(session, 'organisation:write');
  const announcer = useAnnouncer();
  const opener = useRef<HTMLButtonElement | null>(null);
  const [editing, setEditing] = useState<{ id: string; nonce: number } | null>(null);
  const [deleting, setDeleting] = useState<Baseline | null>(null);
  const remove = useDeleteBaseline();
  const editedBaseline = editing ? baselines.find((baseline) => baseline.id === editing.id) : undefined;

  const label = (baseline: Pick<Baseline, 'name' | 'year'>) => ({ name: baseline.name, year: baseline.year });
  const closeAndRefocus = () => {
    setEditing(null);
    setDeleting(null);
    remove.reset();
    opener.current?.focus();
  };
  const confirmRef = useCallback((element: HTMLDivElement | null) => element?.focus(), []);

  return (
    <>
      <DataTable
        caption={t('analytics.baselines')}
        headers={[
          t('analytics.baselineName'),
          t('analytics.year'),
          t('analytics.adminFte'),
          t('analytics.totalFte'),
          t('analytics.adminShare'),
          t('common.source'),
          ...(canWrite ? [t('baselines.actions')] : []),
        ]}
        numeric={[2, 3, 4]}
        empty={t('analytics.noBaselines')}
        rows={baselines.map((baseline) => ({
          key: baseline.id,
          cells: [
            baseline.name,
            baseline.year,
            number(baseline.adminFte),
            number(baseline.totalFte),
            percent(baseline.share),
            baseline.source ?? '–',
            ...(canWrite
              ? [
                  <div key="actions" className="kp-actions-row">
                    <Button
                      variant="tertiary"
                      data-size="sm"
                      aria-label={t('baselines.editLabel', label(baseline))}
                      aria-expanded={editing?.id === baseline.id}
                      aria-controls={editing?.id === baseline.id ? `${ids}-edit` : undefined}
                      onClick={(event) => {
                        opener.current = event.currentTarget;
                        announcer.clear();
                        setDeleting(null);
                        setEditing({ id: baseline.id, nonce: 0 });
                      }}
                    >
                      {t('baselines.edit')}
                    </Button>
                    <Button
                      variant="tertiary"
                      data-size="sm"
                      data-color="danger"
                      aria-label={t('baselines.deleteLabel', label(baseline))}
                      aria-expanded={deleting?.id === baseline.id}
                      aria-controls={deleting?.id === baseline.id ? `${ids}-delete` : undefined}
                      onClick={(event) => {
                        opener.current = event.currentTarget;
                        announcer.clear();
                        remove.reset();
                        setEditing(null);
                        // The revision read now is the one sent.
                        setDeleting(baseline);
                      }}
                    >
                      {t('baselines.delete')}
                    </Button>
                  </div>,
                ]
              : []),
          ],
        }))}
      />
      {canWrite && editing && editedBaseline && (
        <div id={`${ids}-edit`}>
          <BaselineForm
            key={`${editing.id}-${editing.nonce}`}
            baseline={editedBaseline}
            onCancel={closeAndRefocus}
            onSaved={(saved) => {
              setEditing(null);
              announcer.announce(t('baselines.updated', label(saved)));
            }}
            onReload={async () => {
              await queryClient.invalidateQueries({ queryKey: ['organisation'] });
              setEditing((current) => current && { id: current.id, nonce: current.nonce + 1 });
            }}
          />
        </div>
      )}
      {canWrite && deleting && (
        <div id={`${ids}-delete`} ref={confirmRef} tabIndex={-1} className="kp-row-form">
          <Alert data-color="warning">
            <Paragraph>{t('baselines.deleteConfirm', label(deleting))}</Paragraph>
            <div className="kp-org-form__actions">
              <Button
                data-color="danger"
                loading={remove.isPending}
                onClick={() =>
                  remove.mutate(
                    { id: deleting.id, revision: deleting.revision },
                    {
                      onSuccess: () => {
                        setDeleting(null);
                        announcer.announce(t('baselines.deleted', label(deleting)));
                      },
                    },
                  )
                }
              >
                {t('baselines.deleteSubmit')}
              </Button>
              <Button variant="secondary" onClick={closeAndRefocus}>
                {t('settings.cancel')}
              </Button>
            </div>
          </Alert>
          <WriteError
            error={remove.error}
            heading={t('baselines.deleteFailed')}
            onReload={() => {
              remove.reset();
              setDeleting(null);
              void queryClient.invalidateQueries({ queryKey: ['organisation'] });
            }}
          />
        </div>
      )}
      <Announcement announcerRef={announcer.ref} message={announcer.message} />
      {canWrite ? (
        <Details>
          <Details.Summary>{t('baselines.add')}</Details.Summary>
          <Details.Content>
            <Paragraph>{t('baselines.addIntro')}</Paragraph>
            <BaselineForm onSaved={(saved) => announcer.announce(t('baselines.added', label(saved)))} />
          </Details.Content>
        </Details>
      ) : (
        <Paragraph className="kp-muted">{t('baselines.readOnly')}</Paragraph>
      )}
    </>
  );
}

/** Adds a baseline, or (given one) changes it. */
function BaselineForm({
  baseline,
  onSaved,
  onCancel,
  onReload,
}: {
  baseline?: Baseline;
  onSaved: (saved: Baseline) => void;
  onCancel?: () => void;
  onReload?: () => Promise<void>;
}) {
  const { t } = useOrgI18n();
  const ids = useId();
  const create = useCreateBaseline();
  const update = useUpdateBaseline();
  const mutation = baseline ? update : create;
  // What was read when the form opened: the revision sent with the change.
  const [revision] = useState(baseline?.revision);
  const [values, setValues] = useState<Values>(
    baseline
      ? {
          name: baseline.name,
          year: String(baseline.year),
          adminFte: String(baseline.adminFte).replace('.', ','),
          totalFte: String(baseline.totalFte).replace('.', ','),
          source: baseline.source ?? '',
          comment: baseline.comment ?? '',
        }
      : emptyValues,
  );
  const [tried, setTried] = useState(false);
  const set = (field: keyof Values) => (event: { target: { value: string } }) => setValues({ ...values, [field]: event.target.value });

  const year = Number(values.year.trim());
  const yearValid = /^\d{4}$/.test(values.year.trim()) && year >= 1900 && year <= 2100;
  const adminFte = parseDecimal(values.adminFte);
  const totalFte = parseDecimal(values.totalFte);
  const server = fieldErrors(mutation.error);
  const errors = {
    name: tried && !values.name.trim() ? t('baselines.nameRequired') : server.name,
    year: tried && !yearValid ? t('baselines.yearInvalid') : server.year,
    adminFte: tried && (adminFte === null || adminFte < 0) ? t('baselines.fteInvalid') : server.adminFte,
    totalFte: tried && (totalFte === null || totalFte < 0) ? t('baselines.fteInvalid') : server.totalFte,
    source: server.source,
    comment: server.comment,
  };
  const fieldIds = {
    name: `${ids}-name`,
    year: `${ids}-year`,
    adminFte: `${ids}-admin`,
    totalFte: `${ids}-total`,
    source: `${ids}-source`,
    comment: `${ids}-comment`,
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (!values.name.trim() || !yearValid || adminFte === null || adminFte < 0 || totalFte === null || totalFte < 0) return;
    const body = {
      name: values.name.trim(),
      year,
      adminFte,
      totalFte,
      source: values.source.trim() || null,
      comment: values.comment.trim() || null,
    };
    if (baseline && revision !== undefined) {
      update.mutate({ id: baseline.id, revision, ...body }, { onSuccess: onSaved });
    } else {
      create.mutate(body, {
        onSuccess: (saved) => {
          setValues(emptyValues);
          setTried(false);
          onSaved(saved);
        },
      });
    }
  };

  // What every field takes from the form: its id, value, change handler and error.
  const field = (name: keyof Values) => ({ id: fieldIds[name], value: values[name], onChange: set(name), error: errors[name] });
  const fields = (
    <>
      <Textfield
        {...field('name')}
        label={t('baselines.name')}
        description={t('baselines.nameHelp')}
        required
        autoFocus={Boolean(baseline)}
      />
      <Textfield {...field('year')} label={t('baselines.year')} inputMode="numeric" autoComplete="off" required />
      <Textfield
        {...field('adminFte')}
        label={t('baselines.adminFte')}
        description={t('baselines.adminFteHelp')}
        inputMode="decimal"
        autoComplete="off"
        required
      />
      <Textfield
        {...field('totalFte')}
        label={t('baselines.totalFte')}
        description={t('baselines.totalFteHelp')}
        inputMode="decimal"
        autoComplete="off"
        required
      />
      <Textfield {...field('source')} label={t('baselines.source')} description={t('baselines.sourceHelp')} />
      <Textfield {...field('comment')} label={t('baselines.comment')} multiline rows={2} />
    </>
  );

  if (baseline) {
    return (
      <RowForm
        legend={t('baselines.editLegend', { name: baseline.name, year: baseline.year })}
        onSubmit={submit}
        onCancel={() => onCancel?.()}
        error={mutation.error}
        onReload={() => {
          mutation.reset();
          void onReload?.();
        }}
        fieldIds={fieldIds}
        submitLabel={t('baselines.editSubmit')}
        pending={mutation.isPending}
      >
        {fields}
      </RowForm>
    );
  }
  return (
    <form className="kp-org-form" onSubmit={submit} noValidate>
      {fields}
      <WriteError error={mutation.error} onReload={() => mutation.reset()} fieldIds={fieldIds} />
      <div className="kp-org-form__actions">
        <Button type="submit" loading={mutation.isPending}>
          {t('baselines.addSubmit')}
        </Button>
      </div>
    </form>
  );
}

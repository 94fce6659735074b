import { Button, Details, Heading, Label, Select, Textfield, ValidationMessage } from '@digdir/designsystemet-react';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { DataTable } from '../../../web/components/data-table';
import { WriteError } from '../../../web/components/write-error';
import type { Category, Priority, SlaPolicy } from '../leader-support.schemas';
import { Announcement, useAnnouncer } from './desk-parts';
import { priorityKey, useSupportI18n } from './i18n';
import { useDeleteSlaPolicy, usePutSlaPolicy } from './settings-api';
import { priorityList, problemIn, ProblemSummary, Section, useDuration } from './settings-parts';

// Settings: the service levels, the response and resolution time per category and priority.

export function SlaSection({ policies, categories, canEdit }: { policies: SlaPolicy[]; categories: Category[]; canEdit: boolean }) {
  const { t, pick } = useSupportI18n();
  const duration = useDuration();
  const [editing, setEditing] = useState<string | null>(null);
  const remove = useDeleteSlaPolicy();
  const announcer = useAnnouncer();
  const categoryName = (policy: SlaPolicy) => (policy.category ? pick(policy.category.name) : t('settings.sla.anyCategory'));
  const editingPolicy = policies.find((p) => p.id === editing);

  return (
    <Section id="settings-sla" heading={t('settings.sla.heading')} help={t('settings.sla.help')}>
      <DataTable
        caption={t('settings.sla.caption')}
        headers={[t('settings.sla.category'), t('settings.sla.priority'), t('settings.sla.response'), t('settings.sla.resolution')].concat(
          canEdit ? [t('settings.sla.actions')] : [],
        )}
        rowHeaders
        empty=""
        rows={policies.map((policy) => {
          const names = { category: categoryName(policy), priority: t(priorityKey(policy.priority)) };
          const actions = (
            <div className="kp-ls-settings-actions">
              <Button
                variant="secondary"
                data-size="sm"
                type="button"
                aria-label={t('settings.sla.editLabel', names)}
                onClick={() => {
                  announcer.clear();
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
          );
          const cells = [names.category, names.priority, duration(policy.responseMinutes), duration(policy.resolutionMinutes)];
          return { key: policy.id, cells: canEdit ? [...cells, actions] : cells };
        })}
      />
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
  const fieldIds = {
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
  const problemFor = (name: string) => problemIn(problems, name);

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
      <DurationFields
        id={fieldIds.responseMinutes}
        labels={[t('settings.sla.responseHours'), t('settings.sla.responseMinutes')]}
        value={[responseHours, responseMinutes]}
        onChange={([h, m]) => {
          setResponseHours(h);
          setResponseMinutes(m);
        }}
        problem={problemFor('responseMinutes')}
      />
      <DurationFields
        id={fieldIds.resolutionMinutes}
        labels={[t('settings.sla.resolutionHours'), t('settings.sla.resolutionMinutes')]}
        value={[resolutionHours, resolutionMinutes]}
        onChange={([h, m]) => {
          setResolutionHours(h);
          setResolutionMinutes(m);
        }}
        problem={problemFor('resolutionMinutes')}
      />
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

/** Hours and minutes side by side; a problem marks both and is said once below them. */
function DurationFields({
  id,
  labels,
  value,
  onChange,
  problem,
}: {
  id: string;
  labels: [hours: string, minutes: string];
  value: [hours: string, minutes: string];
  onChange: (value: [hours: string, minutes: string]) => void;
  problem?: string;
}) {
  return (
    <>
      <div className="kp-ls-settings-row">
        <Textfield
          id={id}
          label={labels[0]}
          inputMode="numeric"
          value={value[0]}
          onChange={(e) => onChange([e.target.value, value[1]])}
          aria-invalid={problem ? true : undefined}
        />
        <Textfield
          label={labels[1]}
          inputMode="numeric"
          value={value[1]}
          onChange={(e) => onChange([value[0], e.target.value])}
          aria-invalid={problem ? true : undefined}
        />
      </div>
      {problem && <ValidationMessage data-color="danger">{problem}</ValidationMessage>}
    </>
  );
}

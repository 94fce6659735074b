import { Button, Heading, Label, Paragraph, Select, Textfield, ValidationMessage } from '@digdir/designsystemet-react';
import { useQuery } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { DataTable } from '../../../web/components/data-table';
import type { RequestDetail } from '../leader-support.schemas';
import { ActionError, isOpen, RequestLink, Section } from './desk-parts';
import { lineKey, statusKey, useSupportI18n } from './i18n';
import { supportCatalogueQuery, useCreateChild, useLinkRequest, useLogTime } from './request-api';
import type { Announce } from './request-parts';

// The agents' work on a request: time spent (and what it cost), and related requests (parent,
// children, links) with the forms to link one or split off a child.

// --- Time -----------------------------------------------------------------------------------------

export function TimeSection({ detail, announce }: { detail: RequestDetail; announce: Announce }) {
  const { t, dateTime, number, kroner } = useSupportI18n();
  const ids = useId();
  const log = useLogTime();
  const [minutes, setMinutes] = useState('');
  const [note, setNote] = useState('');
  const [invalid, setInvalid] = useState(false);
  const { time } = detail;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const value = Number(minutes);
    if (!Number.isInteger(value) || value < 1 || value > 1440) {
      setInvalid(true);
      document.getElementById(`${ids}-minutes`)?.focus();
      return;
    }
    setInvalid(false);
    try {
      await log.mutateAsync({ ref: String(detail.number), minutes: value, ...(note.trim() ? { note: note.trim() } : {}) });
      setMinutes('');
      setNote('');
      announce(t('desk.done.time', { minutes: number(value) }));
    } catch {
      // Shown below the form.
    }
  };

  return (
    <Section id={`${ids}-time`} title={t('desk.time.heading')}>
      <Paragraph>
        {t('desk.time.total', { minutes: number(time.minutes) })}{' '}
        {time.cost === null ? t('desk.time.noRate') : t('desk.time.cost', { cost: kroner(time.cost) })}
      </Paragraph>
      {time.entries.length > 0 && (
        <DataTable
          className="kp-desk-table"
          caption={t('desk.time.caption')}
          headers={[t('desk.time.when'), t('desk.time.who'), t('desk.time.line'), t('desk.time.minutes'), t('desk.time.note')]}
          empty=""
          rows={time.entries.map((entry) => ({
            key: entry.id,
            cells: [
              dateTime(entry.createdAt),
              entry.userName ?? t('desk.unknown'),
              t(lineKey(entry.line)),
              number(entry.minutes),
              entry.note ?? '',
            ],
          }))}
        />
      )}
      {detail.can.handle && (
        <form className="kp-desk-form" onSubmit={(event) => void submit(event)} noValidate aria-labelledby={`${ids}-time-title`}>
          <Heading level={3} data-size="xs" id={`${ids}-time-title`}>
            {t('desk.time.formTitle')}
          </Heading>
          <Textfield
            id={`${ids}-minutes`}
            type="number"
            inputMode="numeric"
            min={1}
            max={1440}
            label={t('desk.time.minutes')}
            value={minutes}
            onChange={(event) => setMinutes(event.target.value)}
            error={invalid ? t('desk.time.minutesInvalid') : undefined}
          />
          <Textfield label={t('desk.time.note')} value={note} maxLength={500} onChange={(event) => setNote(event.target.value)} />
          <ActionError error={log.error} onReload={() => log.reset()} />
          <div className="kp-desk-form__actions">
            <Button type="submit" loading={log.isPending}>
              {t('desk.time.submit')}
            </Button>
          </div>
        </form>
      )}
    </Section>
  );
}

// --- Related requests -----------------------------------------------------------------------------

export function Related({ detail, announce }: { detail: RequestDetail; announce: Announce }) {
  const { t, requestNumber, collator } = useSupportI18n();
  const ids = useId();
  const link = useLinkRequest();
  const child = useCreateChild();
  const catalogue = useQuery({ ...supportCatalogueQuery, enabled: detail.can.handle });
  const groups = [...(catalogue.data?.groups ?? [])].sort((a, b) => a.line - b.line || collator.compare(a.name, b.name));
  const [linkRef, setLinkRef] = useState('');
  const [linkMissing, setLinkMissing] = useState(false);
  const [childSubject, setChildSubject] = useState('');
  const [childGroup, setChildGroup] = useState('');
  const [childDescription, setChildDescription] = useState('');
  const [childErrors, setChildErrors] = useState<{ subject?: string; group?: string }>({});
  const none = !detail.parent && detail.children.length === 0 && detail.links.length === 0;
  if (none && !detail.can.handle) return null;

  const refItem = (item: RequestDetail['children'][number]) => (
    <li key={item.id}>
      <RequestLink number={item.number}>
        {requestNumber(item.number)} {item.subject}
      </RequestLink>{' '}
      ({t(statusKey(item.status))})
    </li>
  );

  const submitLink = async (event: FormEvent) => {
    event.preventDefault();
    if (!linkRef.trim()) {
      setLinkMissing(true);
      document.getElementById(`${ids}-link-ref`)?.focus();
      return;
    }
    setLinkMissing(false);
    try {
      await link.mutateAsync({ ref: String(detail.number), other: linkRef.trim() });
      announce(t('desk.done.link', { ref: linkRef.trim() }));
      setLinkRef('');
    } catch {
      // Shown below the form.
    }
  };

  const submitChild = async (event: FormEvent) => {
    event.preventDefault();
    const found: typeof childErrors = {};
    if (!childSubject.trim()) found.subject = t('desk.child.subjectRequired');
    if (!childGroup) found.group = t('desk.child.groupRequired');
    setChildErrors(found);
    if (found.subject || found.group) {
      document.getElementById(found.subject ? `${ids}-child-subject` : `${ids}-child-group`)?.focus();
      return;
    }
    try {
      await child.mutateAsync({
        ref: String(detail.number),
        subject: childSubject.trim(),
        groupId: childGroup,
        ...(childDescription.trim() ? { description: childDescription } : {}),
      });
      announce(t('desk.done.child'));
      setChildSubject('');
      setChildGroup('');
      setChildDescription('');
    } catch {
      // Shown below the form.
    }
  };

  return (
    <Section id={`${ids}-related`} title={t('desk.related.heading')}>
      {none && <Paragraph>{t('desk.related.none')}</Paragraph>}
      {detail.parent && (
        <Paragraph>
          {t('desk.related.parent')}{' '}
          <RequestLink number={detail.parent.number}>
            {requestNumber(detail.parent.number)} {detail.parent.subject}
          </RequestLink>{' '}
          ({t(statusKey(detail.parent.status))})
        </Paragraph>
      )}
      {detail.children.length > 0 && (
        <>
          <Heading level={3} data-size="xs">
            {t('desk.related.children')}
          </Heading>
          <ul>{detail.children.map(refItem)}</ul>
        </>
      )}
      {detail.links.length > 0 && (
        <>
          <Heading level={3} data-size="xs">
            {t('desk.related.links')}
          </Heading>
          <ul>{detail.links.map(refItem)}</ul>
        </>
      )}
      {detail.can.handle && (
        <>
          <form className="kp-desk-form" onSubmit={(event) => void submitLink(event)} noValidate aria-labelledby={`${ids}-link-title`}>
            <Heading level={3} data-size="xs" id={`${ids}-link-title`}>
              {t('desk.link.title')}
            </Heading>
            <Textfield
              id={`${ids}-link-ref`}
              label={t('desk.link.ref')}
              description={t('desk.link.refHelp')}
              value={linkRef}
              onChange={(event) => setLinkRef(event.target.value)}
              error={linkMissing ? t('desk.link.required') : undefined}
            />
            <ActionError error={link.error} onReload={() => link.reset()} />
            <div className="kp-desk-form__actions">
              <Button type="submit" variant="secondary" loading={link.isPending}>
                {t('desk.link.submit')}
              </Button>
            </div>
          </form>
          {isOpen(detail.status) && (
            <form className="kp-desk-form" onSubmit={(event) => void submitChild(event)} noValidate aria-labelledby={`${ids}-child-title`}>
              <Heading level={3} data-size="xs" id={`${ids}-child-title`}>
                {t('desk.child.title')}
              </Heading>
              <Textfield
                id={`${ids}-child-subject`}
                label={t('desk.child.subject')}
                value={childSubject}
                maxLength={200}
                onChange={(event) => setChildSubject(event.target.value)}
                error={childErrors.subject}
              />
              <div>
                <Label htmlFor={`${ids}-child-group`}>{t('desk.child.group')}</Label>
                <Select
                  id={`${ids}-child-group`}
                  value={childGroup}
                  onChange={(event) => setChildGroup(event.target.value)}
                  aria-invalid={childErrors.group ? true : undefined}
                  aria-describedby={childErrors.group ? `${ids}-child-group-error` : undefined}
                >
                  <option value="">{t('desk.choose')}</option>
                  {groups.map((group) => (
                    <option key={group.id} value={group.id}>
                      {`${group.name} (${t(lineKey(group.line))})`}
                    </option>
                  ))}
                </Select>
                {childErrors.group && (
                  <ValidationMessage id={`${ids}-child-group-error`} data-color="danger">
                    {childErrors.group}
                  </ValidationMessage>
                )}
              </div>
              <Textfield
                multiline
                rows={3}
                label={t('desk.child.description')}
                value={childDescription}
                onChange={(event) => setChildDescription(event.target.value)}
              />
              <ActionError error={child.error} onReload={() => child.reset()} />
              <div className="kp-desk-form__actions">
                <Button type="submit" variant="secondary" loading={child.isPending}>
                  {t('desk.child.submit')}
                </Button>
              </div>
            </form>
          )}
        </>
      )}
    </Section>
  );
}

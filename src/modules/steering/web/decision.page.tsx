import { Alert, Button, Heading, Label, Link, Paragraph, Select, Table, Tag, Textfield } from '@digdir/designsystemet-react';
import { useQuery } from '@tanstack/react-query';
import { Link as RouterLink, useParams } from '@tanstack/react-router';
import { useId, useRef, useState, type FormEvent } from 'react';
import { DetailPage } from '../../../web/components/detail-page';
import { Facts } from '../../../web/components/facts';
import { ProblemSummary } from '../../../web/components/problem-summary';
import { fieldErrors } from '../../../web/components/write-error';
import type { DecisionDetail, DecisionStatus } from '../decisions.schemas';
import { decisionInitiativesQuery, decisionQuery, useAddNote } from './decisions-api';
import { bodyKey, DecisionForm, statuses, statusKey } from './decisions-parts';
import { useSteeringI18n } from './i18n';
import { SteeringNav } from './ui';
import './decisions.css';
import { SectionHeading } from '../../../web/components/section-heading';
import { EmptyState } from '../../../web/components/empty-state';

/** /styring/vedtak/$id: one decision, its notes as a timeline, status change, linked measures and initiatives. */
export function DecisionPage() {
  const { t } = useSteeringI18n();
  const { id } = useParams({ strict: false }) as { id: string };
  const decision = useQuery(decisionQuery(id));
  return (
    <DetailPage
      query={decision}
      fallbackTitle={t('decisions.title')}
      loadingLabel={t('decisions.loading')}
      header={<SteeringNav />}
      title={(d) => `${d.caseNumber}: ${d.title}`}
    >
      {(d) => <DecisionView key={`${d.id}-${d.revision}`} decision={d} onReload={() => void decision.refetch()} />}
    </DetailPage>
  );
}

function DecisionView({ decision, onReload }: { decision: DecisionDetail; onReload: () => void }) {
  const { t, date, dateTime, kroner } = useSteeringI18n();
  const [editing, setEditing] = useState(false);
  const initiatives = useQuery(decisionInitiativesQuery(decision.id));
  const initiativeList = listOfInitiatives(initiatives.data);

  return (
    <>
      <Paragraph>
        <Link asChild>
          <RouterLink to="/styring/vedtak">{t('decisions.back')}</RouterLink>
        </Link>
      </Paragraph>
      <section aria-labelledby="kp-st-facts">
        <SectionHeading id="kp-st-facts">{t('decisions.facts')}</SectionHeading>
        {decision.overdue && (
          <Alert data-color="danger">
            <Paragraph>{t('decisions.overdueLong')}</Paragraph>
          </Alert>
        )}
        <Facts
          items={[
            {
              term: t('decisions.fieldBody'),
              value:
                decision.body === 'committee' && decision.committeeName
                  ? `${t(bodyKey(decision.body))}: ${decision.committeeName}`
                  : t(bodyKey(decision.body)),
            },
            { term: t('decisions.fieldMeetingDate'), value: date(decision.meetingDate) },
            { term: t('decisions.colCase'), value: decision.caseNumber },
            ...(decision.archiveReference ? [{ term: t('decisions.fieldArchiveReference'), value: decision.archiveReference }] : []),
            { term: t('decisions.fieldUnit'), value: decision.responsibleUnitName },
            ...(decision.responsiblePersonName ? [{ term: t('decisions.person'), value: decision.responsiblePersonName }] : []),
            { term: t('decisions.fieldDeadline'), value: decision.deadline ? date(decision.deadline) : t('decisions.noDeadline') },
            {
              term: t('decisions.fieldStatus'),
              value: (
                <>
                  {t(statusKey(decision.status))}
                  {decision.overdue && (
                    <>
                      {' '}
                      <Tag data-color="danger" data-size="sm">
                        {t('decisions.overdue')}
                      </Tag>
                    </>
                  )}
                  {decision.completedOn && ` (${t('decisions.completedOn').toLowerCase()} ${date(decision.completedOn)})`}
                </>
              ),
            },
            ...(decision.source ? [{ term: t('decisions.source'), value: decision.source }] : []),
          ]}
        />
        {decision.decisionText && <Paragraph className="kp-st-text">{decision.decisionText}</Paragraph>}
        {decision.canEdit && !editing && (
          <Button variant="secondary" className="kp-st-new" onClick={() => setEditing(true)}>
            {t('decisions.edit')}
          </Button>
        )}
        {editing && (
          <div className="kp-st-panel">
            <DecisionForm
              decision={decision}
              onCancel={() => {
                setEditing(false);
                onReload();
              }}
              onSaved={() => setEditing(false)}
            />
          </div>
        )}
      </section>

      <section aria-labelledby="kp-st-notes">
        <SectionHeading id="kp-st-notes">{t('decisions.notes')}</SectionHeading>
        {decision.notes.length === 0 ? (
          <EmptyState>{t('decisions.noNotes')}</EmptyState>
        ) : (
          <ol className="kp-st-timeline">
            {decision.notes.map((note) => (
              <li key={note.id}>
                <Paragraph data-size="sm" className="kp-st-muted">
                  <time dateTime={note.createdAt}>{dateTime(note.createdAt)}</time> · {note.authorName ?? t('decisions.unknownAuthor')}
                </Paragraph>
                {note.statusTo && (
                  <Paragraph data-size="sm">
                    <strong>
                      {t('decisions.statusChange', {
                        from: note.statusFrom ? t(statusKey(note.statusFrom)) : '–',
                        to: t(statusKey(note.statusTo)),
                      })}
                    </strong>
                  </Paragraph>
                )}
                <Paragraph>{note.body}</Paragraph>
              </li>
            ))}
          </ol>
        )}
        {decision.canAddNote && <NoteForm decision={decision} onReload={onReload} />}
      </section>

      <section aria-labelledby="kp-st-adjustments">
        <SectionHeading id="kp-st-adjustments">{t('decisions.adjustments')}</SectionHeading>
        {decision.adjustments.length === 0 ? (
          <EmptyState>{t('decisions.noAdjustments')}</EmptyState>
        ) : (
          <Table data-size="sm" zebra>
            <caption>{t('decisions.adjustments')}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('budget.colArea')}</Table.HeaderCell>
                <Table.HeaderCell>{t('budget.year')}</Table.HeaderCell>
                <Table.HeaderCell>{t('budget.adjTitle')}</Table.HeaderCell>
                <Table.HeaderCell className="kp-st-num">{t('budget.adjAmount')}</Table.HeaderCell>
                <Table.HeaderCell>{t('budget.adjStatus')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {decision.adjustments.map((a) => (
                <Table.Row key={a.id}>
                  <Table.Cell>
                    <Link asChild>
                      <RouterLink to="/styring/budsjett/$code" params={{ code: a.areaCode }} search={{ year: a.year } as never}>
                        {a.areaName}
                      </RouterLink>
                    </Link>
                  </Table.Cell>
                  <Table.Cell>{a.year}</Table.Cell>
                  <Table.Cell>{a.title}</Table.Cell>
                  <Table.Cell className="kp-st-num">{kroner(a.amount)}</Table.Cell>
                  <Table.Cell>{t(`budget.adjStatus.${a.status}` as 'budget.adjStatus.proposed')}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        )}
      </section>

      {initiativeList.length > 0 && (
        <section aria-labelledby="kp-st-initiatives">
          <SectionHeading id="kp-st-initiatives">{t('decisions.initiatives')}</SectionHeading>
          <ul>
            {initiativeList.map((i) => (
              <li key={i.id}>
                {i.number !== undefined ? (
                  <Link href={`/portefolje/initiativ/${encodeURIComponent(String(i.number))}`}>{i.title}</Link>
                ) : (
                  i.title
                )}
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}

/** Whatever shape the portfolio's list has, the initiatives with an id and a title (nothing when it is something else). */
function listOfInitiatives(data: unknown): { id: string; number?: number | string; title: string }[] {
  const items = Array.isArray(data)
    ? data
    : data && typeof data === 'object' && Array.isArray((data as { initiatives?: unknown }).initiatives)
      ? (data as { initiatives: unknown[] }).initiatives
      : [];
  return items.filter((i): i is { id: string; number?: number | string; title: string } =>
    Boolean(
      i && typeof i === 'object' && typeof (i as { id?: unknown }).id === 'string' && typeof (i as { title?: unknown }).title === 'string',
    ),
  );
}

function NoteForm({ decision, onReload }: { decision: DecisionDetail; onReload: () => void }) {
  const { t, language } = useSteeringI18n();
  const ids = useId();
  const add = useAddNote(decision.id);
  const [body, setBody] = useState('');
  const [status, setStatus] = useState<DecisionStatus | ''>('');
  const [tried, setTried] = useState(false);
  const [saved, setSaved] = useState(false);
  const summaryRef = useRef<HTMLDivElement>(null);
  const bodyId = `${ids}-note`;
  const statusId = `${ids}-status`;
  const missing = tried && !body.trim();
  const server = fieldErrors(add.error, language);
  const focusSummary = () => requestAnimationFrame(() => summaryRef.current?.focus());

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    setSaved(false);
    if (!body.trim()) {
      focusSummary();
      return;
    }
    const input = status && status !== decision.status ? { body, status, revision: decision.revision } : { body };
    void add.mutateAsync(input).then(() => {
      setBody('');
      setStatus('');
      setTried(false);
      setSaved(true);
    }, focusSummary);
  };

  return (
    <form className="kp-st-form kp-st-panel" onSubmit={submit} noValidate aria-labelledby={`${ids}-heading`}>
      <Heading level={3} data-size="xs" id={`${ids}-heading`}>
        {t('decisions.addNote')}
      </Heading>
      <div ref={summaryRef} tabIndex={-1}>
        {saved && (
          <Alert data-color="success" role="status">
            <Paragraph>{t('decisions.noteSaved')}</Paragraph>
          </Alert>
        )}
        <ProblemSummary
          heading={t('decisions.noteFailed')}
          level={4}
          problems={missing ? [{ id: bodyId, message: t('decisions.noteRequired') }] : []}
          error={add.error}
          fieldIds={{ body: bodyId, status: statusId }}
          onReload={onReload}
        />
      </div>
      <Textfield
        id={bodyId}
        multiline
        rows={3}
        label={t('decisions.noteBody')}
        value={body}
        onChange={(e) => setBody(e.target.value)}
        error={missing ? t('decisions.noteRequired') : server.body || undefined}
      />
      <div className="kp-st-field">
        <Label htmlFor={statusId}>{t('decisions.noteStatus')}</Label>
        <Select id={statusId} value={status} onChange={(e) => setStatus(e.target.value as DecisionStatus | '')}>
          <option value="">
            {t('decisions.noteStatusSame')} ({t(statusKey(decision.status))})
          </option>
          {statuses
            .filter((s) => s !== decision.status)
            .map((s) => (
              <option key={s} value={s}>
                {t(statusKey(s))}
              </option>
            ))}
        </Select>
        {status === 'cannot_be_done' && <Paragraph data-size="sm">{t('decisions.noteCannotHint')}</Paragraph>}
      </div>
      <div className="kp-st-actions">
        <Button type="submit" loading={add.isPending}>
          {t('decisions.noteSave')}
        </Button>
      </div>
    </form>
  );
}

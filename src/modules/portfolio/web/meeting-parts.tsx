import { Button, Details, Heading, Label, Link as DsLink, Paragraph, Select, Table, Textfield } from '@digdir/designsystemet-react';
import { Link } from '@tanstack/react-router';
import { useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { ProblemSummary } from '../../../web/components/problem-summary';
import { SectionHeading } from '../../../web/components/section-heading';
import { ErrorAlert } from '../../../web/components/status';
import { fieldErrors, WriteError } from '../../../web/components/write-error';
import type { AgendaItem, Meeting, MeetingStatus } from '../board.schemas';
import { addAgendaItem, invalidatePortfolio, removeAgendaItem, updateMeeting } from './board-api';
import { DecisionForm } from './board-decision-parts';
import { Lights, outcomeName, phaseName, pointName, stateName } from './board-parts';
import { usePortfolioI18n } from './i18n';
import { EmptyState } from '../../../web/components/empty-state';

// Parts of a board meeting's page: one agenda item as it goes into the board pack, adding an item,
// the minutes, and the meeting's decisions.

export function AgendaBlock({ meetingId, item, isBoard }: { meetingId: string; item: AgendaItem; isBoard: boolean }) {
  const { t, month, pick } = usePortfolioI18n();
  const queryClient = useQueryClient();
  const headingId = useId();
  const [error, setError] = useState<unknown>(null);
  const [decided, setDecided] = useState<string | null>(null);
  async function remove() {
    try {
      await removeAgendaItem(meetingId, item.initiativeId);
      await invalidatePortfolio(queryClient);
    } catch (e) {
      setError(e);
    }
  }
  return (
    <article className="kp-pf-pack-item" aria-labelledby={headingId}>
      <Heading level={3} data-size="xs" id={headingId}>
        {t('board.meeting.item', { position: item.position, title: item.title, number: item.number })}
      </Heading>
      <Paragraph>
        {t('board.meeting.itemPhase', { phase: phaseName(t, item.phase), state: stateName(t, item.state) })} ·{' '}
        {item.nextDecisionPoint
          ? t('board.meeting.itemNext', { point: pointName(t, item.nextDecisionPoint) })
          : t('board.meeting.itemNoNext')}
      </Paragraph>
      {(item.problem || item.need) && (
        <div>
          <Heading level={4} data-size="2xs">
            {t('board.meeting.problem')}
          </Heading>
          <Paragraph className="kp-pf-pre">{[item.problem, item.need].filter(Boolean).join('\n\n')}</Paragraph>
        </div>
      )}
      {item.note && (
        <Paragraph>
          <strong>{t('board.meeting.note')}:</strong> {item.note}
        </Paragraph>
      )}
      <div>
        <Heading level={4} data-size="2xs">
          {item.latestReport ? t('board.meeting.latest', { period: month(item.latestReport.period) }) : t('board.meeting.noReport')}
        </Heading>
        {item.latestReport && (
          <>
            <Lights report={item.latestReport} />
            {item.latestReport.progress && <Paragraph className="kp-pf-pre">{item.latestReport.progress}</Paragraph>}
          </>
        )}
      </div>
      {item.nextDecisionPoint && item.checklist.length > 0 && (
        <div>
          <Heading level={4} data-size="2xs">
            {t('board.meeting.checklist', { point: item.nextDecisionPoint })}
          </Heading>
          <ul className="kp-pf-pack-checklist">
            {item.checklist.map((c) => (
              <li key={c.key}>{pick(c.label)}</li>
            ))}
          </ul>
        </div>
      )}
      <div className="kp-pf-actions kp-pf-no-print">
        <DsLink asChild>
          <Link to="/portefolje/initiativ/$number" params={{ number: String(item.number) }}>
            {t('board.meeting.open')}
          </Link>
        </DsLink>
        {isBoard && (
          <Button type="button" variant="tertiary" data-size="sm" onClick={() => void remove()}>
            {t('board.meeting.remove', { number: item.number })}
          </Button>
        )}
      </div>
      {error !== null && <ErrorAlert error={error} />}
      <div role="status" className="kp-pf-announce">
        {decided && <Paragraph>{decided}</Paragraph>}
      </div>
      {isBoard && item.nextDecisionPoint && (
        <Details className="kp-pf-no-print">
          <Details.Summary>{t('board.meeting.decideHere', { number: item.number })}</Details.Summary>
          <Details.Content>
            <DecisionForm
              key={`${item.phase}-${item.state}`}
              initiativeId={item.initiativeId}
              meetingId={meetingId}
              onDecided={setDecided}
            />
          </Details.Content>
        </Details>
      )}
    </article>
  );
}

export function AddAgendaForm({ meetingId }: { meetingId: string }) {
  const { t } = usePortfolioI18n();
  const queryClient = useQueryClient();
  const ids = useId();
  const [initiative, setInitiative] = useState('');
  const [note, setNote] = useState('');
  const [missing, setMissing] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [added, setAdded] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setAdded(null);
    const ref = initiative.trim().replace(/^#/, '');
    setMissing(ref === '');
    setError(null);
    if (ref === '') return;
    setPending(true);
    try {
      await addAgendaItem(meetingId, { initiative: ref, note: note.trim() });
      setInitiative('');
      setNote('');
      setAdded(t('board.meeting.added'));
      await invalidatePortfolio(queryClient);
    } catch (refusal) {
      setError(refusal);
    } finally {
      setPending(false);
    }
  }

  return (
    <form className="kp-pf-form kp-pf-no-print" onSubmit={(e) => void submit(e)} noValidate aria-labelledby={`${ids}-heading`}>
      <Heading level={3} data-size="xs" id={`${ids}-heading`}>
        {t('board.meeting.add')}
      </Heading>
      <ProblemSummary
        heading={t('board.failed')}
        level={4}
        problems={missing ? [{ id: `${ids}-initiative`, message: t('board.meeting.addMissing') }] : []}
        error={error}
        fieldIds={{ initiative: `${ids}-initiative` }}
      />
      <div className="kp-pf-form-row">
        <Textfield
          id={`${ids}-initiative`}
          label={t('board.meeting.addInitiative')}
          inputMode="numeric"
          value={initiative}
          onChange={(e) => setInitiative(e.target.value)}
          error={missing ? t('board.meeting.addMissing') : fieldErrors(error).initiative}
        />
        <Textfield label={t('board.meeting.addNote')} value={note} onChange={(e) => setNote(e.target.value)} />
      </div>
      <div role="status" className="kp-pf-announce">
        {added && <Paragraph>{added}</Paragraph>}
      </div>
      <div>
        <Button type="submit" loading={pending}>
          {t('board.meeting.addSubmit')}
        </Button>
      </div>
    </form>
  );
}

export function MinutesForm({ meeting }: { meeting: Meeting }) {
  const { t } = usePortfolioI18n();
  const queryClient = useQueryClient();
  const ids = useId();
  const [minutes, setMinutes] = useState(meeting.minutes);
  // The revision the editor started from: someone else's save in between is refused as stale.
  const [readRevision, setReadRevision] = useState(meeting.revision);
  const [status, setStatus] = useState<MeetingStatus>(meeting.status);
  const [error, setError] = useState<unknown>(null);
  const [pending, setPending] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setPending(true);
    setError(null);
    setSaved(null);
    try {
      const result = await updateMeeting(meeting.id, { minutes, status, revision: readRevision });
      setReadRevision(result.revision);
      setSaved(t('board.meeting.minutesSaved'));
      await invalidatePortfolio(queryClient);
    } catch (refusal) {
      setError(refusal);
    } finally {
      setPending(false);
    }
  }

  return (
    <form className="kp-pf-form kp-pf-no-print" onSubmit={(e) => void submit(e)} noValidate aria-label={t('board.meeting.minutes')}>
      <WriteError
        error={error}
        fieldIds={{ minutes: `${ids}-minutes` }}
        heading={t('board.failed')}
        onReload={() => {
          setError(null);
          void invalidatePortfolio(queryClient);
        }}
      />
      <Textfield
        id={`${ids}-minutes`}
        label={t('board.meeting.minutesLabel')}
        multiline
        rows={8}
        value={minutes}
        onChange={(e) => setMinutes(e.target.value)}
      />
      <div>
        <Label htmlFor={`${ids}-status`}>{t('board.meeting.statusLabel')}</Label>
        <Select id={`${ids}-status`} value={status} onChange={(e) => setStatus(e.target.value as MeetingStatus)}>
          <option value="planned">{t('board.meetings.status.planned')}</option>
          <option value="held">{t('board.meetings.status.held')}</option>
        </Select>
      </div>
      <div role="status" className="kp-pf-announce">
        {saved && <Paragraph>{saved}</Paragraph>}
      </div>
      <div>
        <Button type="submit" loading={pending}>
          {t('board.meeting.saveMinutes')}
        </Button>
      </div>
    </form>
  );
}

export function MeetingDecisions({ meeting }: { meeting: Meeting }) {
  const { t, date } = usePortfolioI18n();
  return (
    <section className="kp-pf-board-section" aria-labelledby="kp-pf-meeting-decisions">
      <SectionHeading id="kp-pf-meeting-decisions">{t('board.meeting.decisions')}</SectionHeading>
      {meeting.decisions.length === 0 ? (
        <EmptyState>{t('board.meeting.decisionsNone')}</EmptyState>
      ) : (
        <div className="kp-table-scroll">
          <Table data-size="sm" className="kp-pf-table">
            <caption>{t('board.meeting.decisionsCaption')}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('board.decisions.col.initiative')}</Table.HeaderCell>
                <Table.HeaderCell>{t('board.decisions.col.point')}</Table.HeaderCell>
                <Table.HeaderCell>{t('board.decisions.col.outcome')}</Table.HeaderCell>
                <Table.HeaderCell>{t('board.decisions.col.rationale')}</Table.HeaderCell>
                <Table.HeaderCell>{t('board.decisions.col.date')}</Table.HeaderCell>
                <Table.HeaderCell>{t('board.decisions.col.by')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {meeting.decisions.map((d) => (
                <Table.Row key={d.id}>
                  <Table.Cell>{`${d.initiativeNumber} – ${d.initiativeTitle}`}</Table.Cell>
                  <Table.Cell>{d.decisionPoint}</Table.Cell>
                  <Table.Cell>{outcomeName(t, d.outcome)}</Table.Cell>
                  <Table.Cell className="kp-pf-pre">{d.rationale}</Table.Cell>
                  <Table.Cell>{date(d.decidedOn)}</Table.Cell>
                  <Table.Cell>{d.decidedBy.name}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
      )}
    </section>
  );
}

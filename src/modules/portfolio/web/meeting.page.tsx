import {
  Button,
  Details,
  ErrorSummary,
  Heading,
  Link as DsLink,
  Paragraph,
  Select,
  Table,
  Label,
  Textfield,
} from '@digdir/designsystemet-react';
import { Link, useParams } from '@tanstack/react-router';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { Page } from '../../../web/components/page';
import { ErrorAlert, Loading } from '../../../web/components/status';
import { ApiError } from '../../../web/data/client';
import { hasPermission, useSession } from '../../../web/data/session';
import type { AgendaItem, Meeting, MeetingStatus } from '../board.schemas';
import { addAgendaItem, invalidatePortfolio, meetingQuery, removeAgendaItem, updateMeeting } from './board-api';
import { DecisionForm, Lights, outcomeName, phaseName, pointName, stateName } from './board-parts';
import { usePortfolioI18n } from './i18n';
import { PortfolioNav } from './ui';
import './board.css';

/** /portefolje/styret/moter/$id: agenda, minutes, the meeting's decisions, and the printable board pack. */
export function MeetingPage() {
  const { t, date } = usePortfolioI18n();
  const { id } = useParams({ strict: false }) as { id?: string };
  const { data: session } = useSession();
  const isBoard = hasPermission(session, 'portfolio:decide');
  const query = useQuery(meetingQuery(id ?? ''));
  if (query.isPending) {
    return (
      <Page title={t('board.title')}>
        <PortfolioNav />
        <Loading label={t('board.loading')} />
      </Page>
    );
  }
  if (query.isError) {
    return (
      <Page title={t('board.title')}>
        <PortfolioNav />
        <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />
      </Page>
    );
  }
  const meeting = query.data;
  return (
    <Page title={meeting.title}>
      <PortfolioNav />
      <div className="kp-pf-actions kp-pf-no-print">
        <DsLink asChild>
          <Link to="/portefolje/styret">{t('board.meeting.back')}</Link>
        </DsLink>
        <Button type="button" variant="secondary" onClick={() => window.print()}>
          {t('board.meeting.print')}
        </Button>
      </div>
      <Paragraph className="kp-pf-print-only">{t('board.meeting.packTitle')}</Paragraph>
      <Paragraph>
        {t('board.meeting.date', { date: date(meeting.date) })} ·{' '}
        {t('board.meeting.status', {
          status: t(meeting.status === 'held' ? 'board.meetings.status.held' : 'board.meetings.status.planned'),
        })}
      </Paragraph>

      <section className="kp-pf-board-section" aria-labelledby="kp-pf-agenda">
        <Heading level={2} data-size="sm" id="kp-pf-agenda">
          {t('board.meeting.agenda')}
        </Heading>
        {meeting.agenda.length === 0 && <Paragraph>{t('board.meeting.agendaNone')}</Paragraph>}
        {meeting.agenda.map((item) => (
          <AgendaBlock key={item.initiativeId} meetingId={meeting.id} item={item} isBoard={isBoard} />
        ))}
        {isBoard && <AddAgendaForm meetingId={meeting.id} />}
      </section>

      <section className="kp-pf-board-section" aria-labelledby="kp-pf-minutes">
        <Heading level={2} data-size="sm" id="kp-pf-minutes">
          {t('board.meeting.minutes')}
        </Heading>
        {isBoard ? (
          <MinutesForm meeting={meeting} />
        ) : (
          <Paragraph className="kp-pf-pre">{meeting.minutes || t('board.meeting.minutesEmpty')}</Paragraph>
        )}
        {isBoard && <Paragraph className="kp-pf-print-only kp-pf-pre">{meeting.minutes}</Paragraph>}
      </section>

      <MeetingDecisions meeting={meeting} />
    </Page>
  );
}

function AgendaBlock({ meetingId, item, isBoard }: { meetingId: string; item: AgendaItem; isBoard: boolean }) {
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

function AddAgendaForm({ meetingId }: { meetingId: string }) {
  const { t } = usePortfolioI18n();
  const queryClient = useQueryClient();
  const ids = useId();
  const [initiative, setInitiative] = useState('');
  const [note, setNote] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [added, setAdded] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setAdded(null);
    const ref = initiative.trim().replace(/^#/, '');
    if (ref === '') {
      setProblem(t('board.meeting.addMissing'));
      return;
    }
    setPending(true);
    setProblem(null);
    try {
      await addAgendaItem(meetingId, { initiative: ref, note: note.trim() });
      setInitiative('');
      setNote('');
      setAdded(t('board.meeting.added'));
      await invalidatePortfolio(queryClient);
    } catch (error) {
      setProblem((error as Error).message);
    } finally {
      setPending(false);
    }
  }

  return (
    <form className="kp-pf-form kp-pf-no-print" onSubmit={(e) => void submit(e)} noValidate aria-labelledby={`${ids}-heading`}>
      <Heading level={3} data-size="xs" id={`${ids}-heading`}>
        {t('board.meeting.add')}
      </Heading>
      {problem && (
        <ErrorSummary>
          <ErrorSummary.Heading level={4}>{t('board.failed')}</ErrorSummary.Heading>
          <ErrorSummary.List>
            <ErrorSummary.Item>
              <ErrorSummary.Link href={`#${ids}-initiative`}>{problem}</ErrorSummary.Link>
            </ErrorSummary.Item>
          </ErrorSummary.List>
        </ErrorSummary>
      )}
      <div className="kp-pf-form-row">
        <Textfield
          id={`${ids}-initiative`}
          label={t('board.meeting.addInitiative')}
          inputMode="numeric"
          value={initiative}
          onChange={(e) => setInitiative(e.target.value)}
          error={problem ?? undefined}
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

function MinutesForm({ meeting }: { meeting: Meeting }) {
  const { t } = usePortfolioI18n();
  const queryClient = useQueryClient();
  const ids = useId();
  const [minutes, setMinutes] = useState(meeting.minutes);
  // The revision the editor started from: someone else's save in between is refused as stale.
  const [readRevision, setReadRevision] = useState(meeting.revision);
  const [status, setStatus] = useState<MeetingStatus>(meeting.status);
  const [problem, setProblem] = useState<{ message: string; stale: boolean } | null>(null);
  const [pending, setPending] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setPending(true);
    setProblem(null);
    setSaved(null);
    try {
      const result = await updateMeeting(meeting.id, { minutes, status, revision: readRevision });
      setReadRevision(result.revision);
      setSaved(t('board.meeting.minutesSaved'));
      await invalidatePortfolio(queryClient);
    } catch (error) {
      setProblem({ message: (error as Error).message, stale: error instanceof ApiError && error.code === 'stale' });
    } finally {
      setPending(false);
    }
  }

  return (
    <form className="kp-pf-form kp-pf-no-print" onSubmit={(e) => void submit(e)} noValidate aria-label={t('board.meeting.minutes')}>
      {problem && (
        <ErrorSummary>
          <ErrorSummary.Heading level={3}>{t('board.failed')}</ErrorSummary.Heading>
          <ErrorSummary.List>
            <ErrorSummary.Item>
              <ErrorSummary.Link href={`#${ids}-minutes`}>{problem.message}</ErrorSummary.Link>
            </ErrorSummary.Item>
          </ErrorSummary.List>
          {problem.stale && (
            <Button type="button" variant="secondary" data-size="sm" onClick={() => void invalidatePortfolio(queryClient)}>
              {t('board.reload')}
            </Button>
          )}
        </ErrorSummary>
      )}
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

function MeetingDecisions({ meeting }: { meeting: Meeting }) {
  const { t, date } = usePortfolioI18n();
  return (
    <section className="kp-pf-board-section" aria-labelledby="kp-pf-meeting-decisions">
      <Heading level={2} data-size="sm" id="kp-pf-meeting-decisions">
        {t('board.meeting.decisions')}
      </Heading>
      {meeting.decisions.length === 0 ? (
        <Paragraph>{t('board.meeting.decisionsNone')}</Paragraph>
      ) : (
        <div className="kp-pf-table-scroll">
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

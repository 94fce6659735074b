import { Button, Details, Heading, Label, Link as DsLink, Paragraph, Select, Table, Textfield } from '@digdir/designsystemet-react';
import { Link } from '@tanstack/react-router';
import { useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { SectionHeading } from '../../../web/components/section-heading';
import { ErrorAlert } from '../../../web/components/status';
import { fieldErrors, WriteError } from '../../../web/components/write-error';
import type { AgendaItem, Meeting, MeetingStatus } from '../board.schemas';
import { addAgendaItem, invalidatePortfolio, removeAgendaItem, updateMeeting } from './board-api';
import { BoardForm, BoardProblems, useBoardWrite } from './board-form';
import { DecisionForm } from './board-decision-parts';
import { Announce, Lights, outcomeName, phaseName, pointName, stateName } from './board-parts';
import { PortfolioTable } from './portfolio-table';
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
      <Announce message={decided} />
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
  const { local, check, error, pending, send } = useBoardWrite<'initiative'>();
  const [added, setAdded] = useState<string | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setAdded(null);
    const ref = initiative.trim().replace(/^#/, '');
    if (!check(ref === '' ? { field: 'initiative', message: t('board.meeting.addMissing') } : null)) return;
    await send(async () => {
      await addAgendaItem(meetingId, { initiative: ref, note: note.trim() });
      setInitiative('');
      setNote('');
      setAdded(t('board.meeting.added'));
      await invalidatePortfolio(queryClient);
    });
  }

  return (
    <BoardForm className="kp-pf-form kp-pf-no-print" headingId={`${ids}-heading`} heading={t('board.meeting.add')} onSubmit={submit}>
      <BoardProblems
        problems={local ? [{ id: `${ids}-initiative`, message: local.message }] : []}
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
          error={local ? local.message : fieldErrors(error).initiative}
        />
        <Textfield label={t('board.meeting.addNote')} value={note} onChange={(e) => setNote(e.target.value)} />
      </div>
      <Announce message={added} />
      <div>
        <Button type="submit" loading={pending}>
          {t('board.meeting.addSubmit')}
        </Button>
      </div>
    </BoardForm>
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
  const { error, setError, pending, send } = useBoardWrite();
  const [saved, setSaved] = useState<string | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    setSaved(null);
    await send(async () => {
      const result = await updateMeeting(meeting.id, { minutes, status, revision: readRevision });
      setReadRevision(result.revision);
      setSaved(t('board.meeting.minutesSaved'));
      await invalidatePortfolio(queryClient);
    });
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
      <Announce message={saved} />
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
        <PortfolioTable
          caption={t('board.meeting.decisionsCaption')}
          headers={[
            t('board.decisions.col.initiative'),
            t('board.decisions.col.point'),
            t('board.decisions.col.outcome'),
            t('board.decisions.col.rationale'),
            t('board.decisions.col.date'),
            t('board.decisions.col.by'),
          ]}
          className="kp-pf-table"
        >
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
        </PortfolioTable>
      )}
    </section>
  );
}

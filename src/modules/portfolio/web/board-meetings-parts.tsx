import { Button, Link as DsLink, Tag, Textfield } from '@digdir/designsystemet-react';
import { Link } from '@tanstack/react-router';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { SectionHeading } from '../../../web/components/section-heading';
import { ErrorAlert, Loading } from '../../../web/components/status';
import { fieldErrors } from '../../../web/components/write-error';
import type { MeetingSummary } from '../board.schemas';
import { BoardForm, BoardProblems, useBoardWrite } from './board-form';
import { createMeeting, invalidatePortfolio, meetingsQuery, todayInNorway } from './board-api';
import { usePortfolioI18n } from './i18n';
import { EmptyState } from '../../../web/components/empty-state';

// The board's meetings, upcoming and past, and the form for a new one.

function MeetingLinks({ meetings }: { meetings: MeetingSummary[] }) {
  const { t, date } = usePortfolioI18n();
  if (meetings.length === 0) return <EmptyState>{t('board.meetings.none')}</EmptyState>;
  return (
    <ul className="kp-pf-meeting-list">
      {meetings.map((m) => (
        <li key={m.id}>
          <DsLink asChild>
            <Link to="/portefolje/styret/moter/$id" params={{ id: m.id }}>
              {`${date(m.date)} – ${m.title}`}
            </Link>
          </DsLink>{' '}
          <Tag data-color={m.status === 'held' ? 'success' : 'info'} data-size="sm">
            {t(m.status === 'held' ? 'board.meetings.status.held' : 'board.meetings.status.planned')}
          </Tag>{' '}
          <span>{t('board.meetings.agendaCount', { count: m.agendaCount })}</span>
        </li>
      ))}
    </ul>
  );
}

export function Meetings({ isBoard }: { isBoard: boolean }) {
  const { t } = usePortfolioI18n();
  const query = useQuery(meetingsQuery);
  return (
    <>
      <section className="kp-pf-board-section" aria-labelledby="kp-pf-upcoming">
        <SectionHeading id="kp-pf-upcoming">{t('board.meetings.upcoming')}</SectionHeading>
        {query.isPending && <Loading label={t('board.loading')} />}
        {query.isError && <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />}
        {query.data && <MeetingLinks meetings={query.data.upcoming} />}
        {isBoard && <NewMeetingForm />}
      </section>
      <section className="kp-pf-board-section" aria-labelledby="kp-pf-past">
        <SectionHeading id="kp-pf-past">{t('board.meetings.past')}</SectionHeading>
        {query.data && <MeetingLinks meetings={query.data.past} />}
      </section>
    </>
  );
}

function NewMeetingForm() {
  const { t } = usePortfolioI18n();
  const queryClient = useQueryClient();
  const ids = useId();
  const [date, setDate] = useState(todayInNorway());
  const [title, setTitle] = useState(t('board.meetings.titleDefault'));
  const { local, check, error, pending, send } = useBoardWrite<'date' | 'title'>();
  const server = fieldErrors(error);
  const fieldError = (field: 'date' | 'title') => (local?.field === field ? local.message : server[field]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found =
      title.trim() === ''
        ? ({ field: 'title', message: t('board.meetings.titleMissing') } as const)
        : date === ''
          ? ({ field: 'date', message: t('board.meetings.dateMissing') } as const)
          : null;
    if (!check(found)) return;
    await send(async () => {
      await createMeeting({ date, title: title.trim() });
      await invalidatePortfolio(queryClient);
    });
  }

  return (
    <BoardForm headingId={`${ids}-heading`} heading={t('board.meetings.new')} onSubmit={submit}>
      <BoardProblems
        problems={local ? [{ id: `${ids}-${local.field}`, message: local.message }] : []}
        error={error}
        fieldIds={{ date: `${ids}-date`, title: `${ids}-title` }}
      />
      <div className="kp-pf-form-row">
        <Textfield
          id={`${ids}-date`}
          label={t('board.meetings.date')}
          type="date"
          value={date}
          onChange={(e) => setDate(e.target.value)}
          error={fieldError('date')}
        />
        <Textfield
          id={`${ids}-title`}
          label={t('board.meetings.title')}
          value={title}
          onChange={(e) => setTitle(e.target.value)}
          error={fieldError('title')}
        />
      </div>
      <div>
        <Button type="submit" loading={pending}>
          {t('board.meetings.create')}
        </Button>
      </div>
    </BoardForm>
  );
}

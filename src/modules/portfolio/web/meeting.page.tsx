import { Button, Link as DsLink, Paragraph } from '@digdir/designsystemet-react';
import { Link, useParams } from '@tanstack/react-router';
import { useQuery } from '@tanstack/react-query';
import { DetailPage } from '../../../web/components/detail-page';
import { SectionHeading } from '../../../web/components/section-heading';
import { hasPermission, useSession } from '../../../web/data/session';
import type { Meeting } from '../board.schemas';
import { meetingQuery } from './board-api';
import { usePortfolioI18n } from './i18n';
import { AddAgendaForm, AgendaBlock, MeetingDecisions, MinutesForm } from './meeting-parts';
import { PortfolioNav } from './ui';
import './board.css';
import { EmptyState } from '../../../web/components/empty-state';

/** /portefolje/styret/moter/$id: agenda, minutes, the meeting's decisions, and the printable board pack. */
export function MeetingPage() {
  const { t } = usePortfolioI18n();
  const { id } = useParams({ strict: false }) as { id?: string };
  const { data: session } = useSession();
  const isBoard = hasPermission(session, 'portfolio:decide');
  const query = useQuery(meetingQuery(id ?? ''));
  return (
    <DetailPage
      query={query}
      fallbackTitle={t('board.title')}
      loadingLabel={t('board.loading')}
      header={<PortfolioNav />}
      title={(meeting) => meeting.title}
    >
      {(meeting) => <MeetingBody meeting={meeting} isBoard={isBoard} />}
    </DetailPage>
  );
}

function MeetingBody({ meeting, isBoard }: { meeting: Meeting; isBoard: boolean }) {
  const { t, date } = usePortfolioI18n();
  return (
    <>
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
        <SectionHeading id="kp-pf-agenda">{t('board.meeting.agenda')}</SectionHeading>
        {meeting.agenda.length === 0 && <EmptyState>{t('board.meeting.agendaNone')}</EmptyState>}
        {meeting.agenda.map((item) => (
          <AgendaBlock key={item.initiativeId} meetingId={meeting.id} item={item} isBoard={isBoard} />
        ))}
        {isBoard && <AddAgendaForm meetingId={meeting.id} />}
      </section>

      <section className="kp-pf-board-section" aria-labelledby="kp-pf-minutes">
        <SectionHeading id="kp-pf-minutes">{t('board.meeting.minutes')}</SectionHeading>
        {isBoard ? (
          <MinutesForm meeting={meeting} />
        ) : (
          <Paragraph className="kp-pf-pre">{meeting.minutes || t('board.meeting.minutesEmpty')}</Paragraph>
        )}
        {isBoard && <Paragraph className="kp-pf-print-only kp-pf-pre">{meeting.minutes}</Paragraph>}
      </section>

      <MeetingDecisions meeting={meeting} />
    </>
  );
}

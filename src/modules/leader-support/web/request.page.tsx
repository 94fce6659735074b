import { useQuery } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { DetailPage } from '../../../web/components/detail-page';
import { useSession } from '../../../web/data/session';
import type { RequestDetail } from '../leader-support.schemas';
import { Announcement, useAnnouncer } from './desk-parts';
import { useSupportI18n } from './i18n';
import { requestQuery } from './request-api';
import { Actions } from './request-actions';
import { Attachments, Conversation } from './request-conversation';
import { Articles, CategoryFields, Clocks, Description, History, Overview, Survey, type Announce, type Reload } from './request-parts';
import { Related, TimeSection } from './request-work';
import { SupportNav } from './ui';

// One request, for the requester and for the agents: what it is, its service-level clocks, the
// conversation, attachments, time, related requests, history, and the actions the server says the
// signed-in user may take now (`detail.can`). Every write carries the revision read; a refusal
// shows the server's message, a stale one with «Last inn på nytt».

export function RequestPage() {
  const { t, requestNumber } = useSupportI18n();
  const params = useParams({ strict: false }) as { number?: string };
  const ref = (params.number ?? '').replace(/^LS-/i, '');
  const query = useQuery(requestQuery(ref));
  const announcer = useAnnouncer();
  return (
    <DetailPage
      query={query}
      fallbackTitle={/^\d+$/.test(ref) ? requestNumber(Number(ref)) : t('desk.request.title')}
      loadingLabel={t('common.loading')}
      header={<SupportNav />}
      title={(detail) => t('desk.request.heading', { number: requestNumber(detail.number), subject: detail.subject })}
    >
      {(detail) => (
        <>
          <Announcement announcerRef={announcer.ref} message={announcer.message} />
          <RequestView detail={detail} reload={() => query.refetch()} announce={announcer.announce} />
        </>
      )}
    </DetailPage>
  );
}

function RequestView({ detail, reload, announce }: { detail: RequestDetail; reload: Reload; announce: Announce }) {
  const { data: session } = useSession();
  const isRequester = Boolean(session?.user && detail.requester.userId === session.user.id);
  return (
    <>
      <Overview detail={detail} />
      <Clocks detail={detail} />
      <Actions detail={detail} reload={reload} announce={announce} />
      {detail.fields.length > 0 && <CategoryFields detail={detail} />}
      <Description detail={detail} />
      <Conversation detail={detail} announce={announce} />
      <Attachments detail={detail} announce={announce} />
      {(detail.can.handle || detail.time.entries.length > 0) && <TimeSection detail={detail} announce={announce} />}
      <Related detail={detail} announce={announce} />
      {detail.articles.length > 0 && <Articles detail={detail} isRequester={isRequester} announce={announce} />}
      {(detail.can.rate || detail.survey?.answeredAt) && <Survey detail={detail} announce={announce} />}
      <History detail={detail} />
    </>
  );
}

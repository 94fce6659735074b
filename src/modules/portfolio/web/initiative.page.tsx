import { Alert } from '@digdir/designsystemet-react';
import { useQuery } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { DetailPage } from '../../../web/components/detail-page';
import { useFocusWhen } from '../../../web/components/use-focus-when';
import type { InitiativeDetail } from '../initiatives.schemas';
import { InitiativeBenefits } from './benefit-parts';
import { InitiativeDecisions } from './board-decision-parts';
import { InitiativeStatusReports } from './board-report-parts';
import { usePortfolioI18n } from './i18n';
import { EditSection, History, InitiativeFacts, InitiativeGoals, InitiativeTags, MergedNotice, MergeSection } from './initiative-parts';
import { initiativeQuery } from './initiatives-api';
import { InitiativeResources, InitiativeScores } from './prioritisation-parts';
import { PortfolioNav } from './ui';
import './initiatives.css';

// One initiative (/portefolje/initiativ/$number): every intake field, goals, decisions followed, the
// other parts' sections (decisions, status reports, scores, resources, benefits), history; edit with
// the revision read (a stale edit says so and offers a reload), merge for the board.

export function InitiativePage() {
  const { t } = usePortfolioI18n();
  const params = useParams({ strict: false }) as { number?: string };
  const ref = (params.number ?? '').replace(/^INI-/i, '');
  const query = useQuery(initiativeQuery(ref));
  return (
    <DetailPage
      query={query}
      fallbackTitle={t('initiatives.detail.title')}
      header={<PortfolioNav />}
      title={(detail) => `${t('initiatives.number', { number: detail.number })} ${detail.title}`}
    >
      {(detail) => <InitiativeBody key={detail.id} detail={detail} reload={() => void query.refetch()} />}
    </DetailPage>
  );
}

function InitiativeBody({ detail, reload }: { detail: InitiativeDetail; reload: () => void }) {
  const { t } = usePortfolioI18n();
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  const savedRef = useFocusWhen<HTMLDivElement>(saved);

  return (
    <>
      {detail.mergedInto && <MergedNotice into={detail.mergedInto} />}
      <InitiativeTags detail={detail} />
      {saved && (
        <div ref={savedRef} tabIndex={-1} role="status">
          <Alert data-color="success">{t('initiatives.detail.saved')}</Alert>
        </div>
      )}
      {editing ? (
        <EditSection
          detail={detail}
          onDone={() => {
            setEditing(false);
            setSaved(true);
          }}
          onCancel={() => setEditing(false)}
          reload={reload}
        />
      ) : (
        <InitiativeFacts
          detail={detail}
          onEdit={() => {
            setSaved(false);
            setEditing(true);
          }}
        />
      )}
      <InitiativeGoals detail={detail} />
      <InitiativeDecisions initiativeId={detail.id} />
      <InitiativeStatusReports initiativeId={detail.id} />
      <InitiativeScores initiativeId={detail.id} />
      <InitiativeResources initiativeId={detail.id} />
      <InitiativeBenefits initiativeId={detail.id} />
      {detail.mayMerge && <MergeSection detail={detail} />}
      <History events={detail.history} />
    </>
  );
}

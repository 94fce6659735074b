import { Link, Paragraph } from '@digdir/designsystemet-react';
import { useQuery } from '@tanstack/react-query';
import { Link as RouterLink, useParams, useSearch } from '@tanstack/react-router';
import { DetailPage } from '../../../web/components/detail-page';
import { hasPermission, useSession } from '../../../web/data/session';
import type { AreaDetail } from '../budget.schemas';
import { areaBudgetQuery } from './budget-api';
import { ActualsSection, AreaFacts, ForecastsSection, MeasuresSection, PlanSection, StatusSection, YearLinks } from './budget-area-parts';
import type { BudgetSearch } from './budget-search';
import { useSteeringI18n } from './i18n';
import { SteeringNav } from './ui';
import './decisions.css';

/** /styring/budsjett/$code: an area's year — status, budget and plan, monthly actuals, forecast, measures with their decisions. */
export function BudgetAreaPage() {
  const { t } = useSteeringI18n();
  const { code } = useParams({ strict: false }) as { code: string };
  const search = useSearch({ strict: false }) as BudgetSearch;
  const detail = useQuery(areaBudgetQuery(code, search.year));
  return (
    <DetailPage
      query={detail}
      fallbackTitle={t('budget.title')}
      loadingLabel={t('budget.loading')}
      header={<SteeringNav />}
      title={({ area }) => `${area.code} ${area.name}`}
    >
      {(data) => <AreaView detail={data} />}
    </DetailPage>
  );
}

function AreaView({ detail }: { detail: AreaDetail }) {
  const { t } = useSteeringI18n();
  const { data: session } = useSession();
  const canWrite = hasPermission(session, 'steering:write');
  return (
    <>
      <Paragraph>
        <Link asChild>
          <RouterLink to="/styring/budsjett" search={{ year: detail.status.year } as never}>
            {t('budget.back')}
          </RouterLink>
        </Link>
      </Paragraph>
      <YearLinks detail={detail} />
      <AreaFacts detail={detail} />
      <StatusSection detail={detail} />
      <PlanSection detail={detail} canWrite={canWrite} />
      <ActualsSection detail={detail} />
      <ForecastsSection detail={detail} canWrite={canWrite} />
      <MeasuresSection detail={detail} canWrite={canWrite} />
    </>
  );
}

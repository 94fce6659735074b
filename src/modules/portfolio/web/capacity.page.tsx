import { Paragraph } from '@digdir/designsystemet-react';
import { useQuery } from '@tanstack/react-query';
import { hasPermission, useSession } from '../../../web/data/session';
import { Page } from '../../../web/components/page';
import { SectionHeading } from '../../../web/components/section-heading';
import { ErrorAlert, Loading } from '../../../web/components/status';
import { usePortfolioI18n } from './i18n';
import { PeopleTable, RoleCharts } from './capacity-chart-parts';
import { fetchCapacity, fetchMembers, poolKeys, thisMonth } from './pool-api';
import { AddMember, EditMember, MembersTable } from './pool-member-parts';
import { AllocateForm } from './prioritisation-parts';
import { PortfolioNav } from './ui';
import './prioritisation.css';

/** /portefolje/kapasitet: the pool's members, the capacity chart per role and person for 12 months, forms to add and allocate. */
export function CapacityPage() {
  const i18n = usePortfolioI18n();
  const { t } = i18n;
  const { data: session } = useSession();
  const canDecide = hasPermission(session, 'portfolio:decide');
  const from = thisMonth();
  const members = useQuery({ queryKey: poolKeys.members, queryFn: fetchMembers });
  const capacity = useQuery({ queryKey: poolKeys.capacity(from, 12), queryFn: () => fetchCapacity(from, 12) });
  return (
    <Page title={t('prioritisation.pool.title')}>
      <PortfolioNav />
      <Paragraph>{t('prioritisation.pool.intro')}</Paragraph>
      {(members.isPending || capacity.isPending) && <Loading />}
      {capacity.error && <ErrorAlert error={capacity.error} onRetry={() => capacity.refetch()} />}
      {capacity.data && <RoleCharts report={capacity.data} i18n={i18n} />}
      {capacity.data && <PeopleTable report={capacity.data} i18n={i18n} />}
      {canDecide && members.data && (
        <section aria-labelledby="kp-pf-alloc-title">
          <SectionHeading id="kp-pf-alloc-title">{t('prioritisation.alloc.title')}</SectionHeading>
          <AllocateForm members={members.data.members} />
        </section>
      )}
      {canDecide && <AddMember i18n={i18n} />}
      {canDecide && members.data && <EditMember members={members.data.members} i18n={i18n} />}
      {members.data && <MembersTable members={members.data.members} i18n={i18n} />}
    </Page>
  );
}

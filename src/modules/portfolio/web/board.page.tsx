import { Link as DsLink, Paragraph, Table } from '@digdir/designsystemet-react';
import { Link } from '@tanstack/react-router';
import { useQuery } from '@tanstack/react-query';
import { Page } from '../../../web/components/page';
import { SectionHeading } from '../../../web/components/section-heading';
import { ErrorAlert, Loading } from '../../../web/components/status';
import { hasPermission, useSession } from '../../../web/data/session';
import { decisionsExportUrl, dueReportsQuery } from './board-api';
import { ChecklistSettings } from './board-checklist-parts';
import { Meetings } from './board-meetings-parts';
import { BoardMembers } from './board-members-parts';
import { phaseName } from './board-parts';
import { usePortfolioI18n } from './i18n';
import { PortfolioNav } from './ui';
import './board.css';
import { EmptyState } from '../../../web/components/empty-state';

/** /portefolje/styret: the board's meetings, the missing status reports, the checklists. */
export function BoardPage() {
  const { t } = usePortfolioI18n();
  const { data: session } = useSession();
  const isBoard = hasPermission(session, 'portfolio:decide');
  return (
    <Page title={t('board.title')}>
      <PortfolioNav />
      <Paragraph>{t('board.intro')}</Paragraph>
      <Meetings isBoard={isBoard} />
      <BoardMembers mayEdit={hasPermission(session, 'users:write')} />
      <DueReports />
      <section className="kp-pf-board-section" aria-labelledby="kp-pf-export">
        <SectionHeading id="kp-pf-export">{t('board.export.heading')}</SectionHeading>
        <div className="kp-pf-actions">
          <DsLink href={decisionsExportUrl('csv')} download>
            {t('board.export.csv')}
          </DsLink>
          <DsLink href={decisionsExportUrl('xlsx')} download>
            {t('board.export.xlsx')}
          </DsLink>
        </div>
      </section>
      <ChecklistSettings isBoard={isBoard} />
    </Page>
  );
}

function DueReports() {
  const { t, month } = usePortfolioI18n();
  const query = useQuery(dueReportsQuery);
  const data = query.data;
  return (
    <section className="kp-pf-board-section" aria-labelledby="kp-pf-due">
      <SectionHeading id="kp-pf-due">{t('board.due.heading')}</SectionHeading>
      {query.isPending && <Loading label={t('board.loading')} />}
      {query.isError && <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />}
      {data && !data.isDue && <Paragraph>{t('board.due.notYet', { period: month(data.period), day: data.dueDay })}</Paragraph>}
      {data && data.isDue && data.initiatives.length === 0 && <EmptyState>{t('board.due.none')}</EmptyState>}
      {data && data.initiatives.length > 0 && (
        <>
          <Paragraph>{t('board.due.intro', { period: month(data.period), day: data.dueDay })}</Paragraph>
          <div className="kp-table-scroll">
            <Table data-size="sm" className="kp-pf-table">
              <caption>{t('board.due.caption', { period: month(data.period) })}</caption>
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell>{t('board.due.col.initiative')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('board.due.col.phase')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('board.due.col.last')}</Table.HeaderCell>
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {data.initiatives.map((i) => (
                  <Table.Row key={i.initiativeId}>
                    <Table.Cell>
                      <DsLink asChild>
                        <Link to="/portefolje/initiativ/$number" params={{ number: String(i.number) }}>
                          {`${i.number} – ${i.title}`}
                        </Link>
                      </DsLink>
                    </Table.Cell>
                    <Table.Cell>{phaseName(t, i.phase)}</Table.Cell>
                    <Table.Cell>{i.lastPeriod ? month(i.lastPeriod) : t('board.due.never')}</Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          </div>
        </>
      )}
    </section>
  );
}

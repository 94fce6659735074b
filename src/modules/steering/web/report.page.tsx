import './reports.css';
import { Alert, Button, Link, Paragraph, Tag } from '@digdir/designsystemet-react';
import { useQuery } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { DetailPage } from '../../../web/components/detail-page';
import type { ReportDetail } from '../reports.schemas';
import { useSteeringI18n } from './i18n';
import { AreaSection, PublishPanel } from './report-section-parts';
import { reportExportUrl, reportQuery } from './reports-api';
import { SteeringNav } from './ui';
import { EmptyState } from '../../../web/components/empty-state';

/** /styring/rapporter/$id: one report per programme area, written, reviewed, published and printed. */
export function ReportPage() {
  const { id } = useParams({ strict: false }) as { id: string };
  const { t } = useSteeringI18n();
  const report = useQuery(reportQuery(id));
  return (
    <DetailPage
      query={report}
      fallbackTitle={t('reports.title')}
      loadingLabel={t('reports.loading')}
      header={
        <div className="kp-st-no-print">
          <SteeringNav />
        </div>
      }
      title={(detail) => detail.title}
    >
      {(detail) => <ReportBody report={detail} />}
    </DetailPage>
  );
}

function ReportBody({ report }: { report: ReportDetail }) {
  const { t, date, dateTime } = useSteeringI18n();
  const published = report.status === 'published';
  return (
    <div className="kp-st-report">
      <div className="kp-st-report-meta">
        <Paragraph>
          {t('reports.asOf', { date: date(report.asOf) })}{' '}
          <Tag data-size="sm" data-color={published ? 'success' : report.status === 'in_review' ? 'warning' : 'neutral'}>
            {t(`reports.status.${report.status}`)}
          </Tag>
        </Paragraph>
        {published && report.publishedAt && (
          <Alert data-color="info" className="kp-st-report-locked">
            <Paragraph>
              <strong>{t('reports.locked', { date: dateTime(report.publishedAt) })}</strong>
              {report.publishedBy ? ` ${t('reports.lockedBy', { name: report.publishedBy })}` : ''}. {t('reports.frozen')}
            </Paragraph>
          </Alert>
        )}
      </div>
      <div className="kp-st-report-actions kp-st-no-print">
        <Button variant="secondary" onClick={() => window.print()}>
          {t('reports.print')}
        </Button>
        <Link href={reportExportUrl(report.id, 'csv')} download>
          {t('reports.export')}
        </Link>
        <Link href={reportExportUrl(report.id, 'xlsx')} download>
          {t('reports.exportXlsx')}
        </Link>
        <Link href={reportExportUrl(report.id, 'docx')} download>
          {t('reports.exportDocx')}
        </Link>
      </div>
      {report.areas.length > 0 && (
        <nav aria-label={t('reports.contents')} className="kp-st-report-contents kp-st-no-print">
          <ul>
            {report.areas.map((area) => (
              <li key={area.areaId}>
                <a href={`#kp-st-area-${area.areaId}`}>
                  {area.code} {area.name}
                </a>{' '}
                – {t(`reports.state.${area.section.state}`)}
              </li>
            ))}
          </ul>
        </nav>
      )}
      {!published && report.canReview && <PublishPanel key={report.revision} report={report} />}
      {report.areas.length === 0 && <EmptyState>{t('reports.noAreas')}</EmptyState>}
      {report.areas.map((area) => (
        <AreaSection key={area.areaId} report={report} area={area} />
      ))}
    </div>
  );
}

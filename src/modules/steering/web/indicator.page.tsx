import { Alert, Table } from '@digdir/designsystemet-react';
import { useQuery } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { useId } from 'react';
import { DetailPage } from '../../../web/components/detail-page';
import { SectionHeading } from '../../../web/components/section-heading';
import type { IndicatorDetail } from '../indicators.schemas';
import { TrendChart } from './indicator-charts';
import { CommentForm, ThresholdForm, ValueForm } from './indicator-form-parts';
import { Comments, IndicatorFacts, PerUnitValues } from './indicator-parts';
import { indicatorQuery } from './indicators-api';
import { useSteeringI18n } from './i18n';
import { StatusLabel } from './status-label';
import { SteeringNav } from './ui';
import './indicators.css';
import { EmptyState } from '../../../web/components/empty-state';

/** /styring/indikatorer/$key: definition, trend, values, owners, comments and measures. */
export function IndicatorPage() {
  const { key = '' } = useParams({ strict: false }) as { key?: string };
  const { t } = useSteeringI18n();
  const indicator = useQuery(indicatorQuery(key));
  return (
    <DetailPage query={indicator} fallbackTitle={t('indicators.detail.title')} header={<SteeringNav />} title={(detail) => detail.name}>
      {(detail) => <IndicatorView detail={detail} />}
    </DetailPage>
  );
}

function IndicatorView({ detail }: { detail: IndicatorDetail }) {
  const { t, number } = useSteeringI18n();
  const ids = useId();
  const unit = detail.unitOfMeasure;
  const fmt = (v: number | null) => (v === null ? '–' : `${number(v)} ${unit}`.trim());
  return (
    <>
      {detail.synthetic && <Alert data-color="info">{t('indicators.detail.synthetic')}</Alert>}
      <IndicatorFacts detail={detail} />

      <SectionHeading id={`${ids}-trend`}>{t('indicators.detail.trend')}</SectionHeading>
      {detail.series.some((p) => p.value !== null) ? (
        <>
          <TrendChart series={detail.series} greenAt={detail.greenAt} redAt={detail.redAt} unit={unit} />
          <div className="kp-table-scroll">
            <Table zebra data-size="sm">
              <caption>{t('indicators.detail.valuesCaption')}</caption>
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell>{t('indicators.col.period')}</Table.HeaderCell>
                  <Table.HeaderCell className="kp-num">{t('indicators.col.value')}</Table.HeaderCell>
                  <Table.HeaderCell className="kp-num">{t('indicators.col.target')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('indicators.col.status')}</Table.HeaderCell>
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {detail.series.map((p) => (
                  <Table.Row key={p.period}>
                    <Table.Cell>{p.period}</Table.Cell>
                    <Table.Cell className="kp-num">{fmt(p.value)}</Table.Cell>
                    <Table.Cell className="kp-num">{fmt(p.target)}</Table.Cell>
                    <Table.Cell>
                      <StatusLabel status={p.status} />
                    </Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          </div>
        </>
      ) : (
        <EmptyState>{t('indicators.detail.noValues')}</EmptyState>
      )}

      <PerUnitValues detail={detail} />

      <Comments detail={detail} />
      {detail.mayCommentFor.length > 0 && <CommentForm detail={detail} />}
      {detail.mayEdit && (
        <>
          <ValueForm detail={detail} />
          <ThresholdForm detail={detail} />
        </>
      )}
    </>
  );
}

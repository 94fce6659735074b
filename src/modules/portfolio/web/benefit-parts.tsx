import './benefits.css';
import { Alert, Button, Details, Paragraph, Table } from '@digdir/designsystemet-react';
import { useQuery } from '@tanstack/react-query';
import { useCallback, useId, useRef, useState, type RefObject } from 'react';
import { flushSync } from 'react-dom';
import { Facts } from '../../../web/components/facts';
import { SectionHeading } from '../../../web/components/section-heading';
import { ErrorAlert, Loading } from '../../../web/components/status';
import type { Benefit } from '../benefits.schemas';
import { initiativeBenefitsQuery } from './benefits-api';
import { TrendChart } from './benefits-charts';
import { AddBenefitForm } from './benefit-add-parts';
import { CloseForm, MeasurementForm, round, statusKey, typeKey } from './benefit-form-parts';
import { PortfolioTable } from './portfolio-table';
import { usePortfolioI18n, type PortfolioI18n } from './i18n';
import { EmptyState } from '../../../web/components/empty-state';

// The initiative's benefits register (gevinstrealiseringsplan): the table, a form to add a benefit,
// and per benefit its trend, measurements, a measurement form and closing. Rendered on the
// initiative page and on the benefits page; it fetches its own data and invalidates ['portfolio'].

function useAnnouncer() {
  const ref = useRef<HTMLDivElement>(null);
  const [message, setMessage] = useState<string | null>(null);
  const announce = useCallback((text: string) => {
    flushSync(() => setMessage(text));
    ref.current?.focus();
  }, []);
  return { ref, message, announce };
}

function Announcement({ announcerRef, message }: { announcerRef: RefObject<HTMLDivElement | null>; message: string | null }) {
  return (
    <div ref={announcerRef} role="status" tabIndex={-1} className="kp-pf-status">
      {message && (
        <Alert data-color="success">
          <Paragraph>{message}</Paragraph>
        </Alert>
      )}
    </div>
  );
}

/** The register of one initiative. */
export function InitiativeBenefits({ initiativeId }: { initiativeId: string }) {
  const { t } = usePortfolioI18n();
  const query = useQuery(initiativeBenefitsQuery(initiativeId));
  const announcer = useAnnouncer();
  const [adding, setAdding] = useState(false);
  const headingId = useId();
  const addButton = useRef<HTMLButtonElement>(null);

  if (query.isPending) return <Loading label={t('benefits.loading')} />;
  if (query.isError) return <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />;
  const { benefits, canWrite } = query.data;

  return (
    <section className="kp-pf-benefits" aria-labelledby={headingId}>
      <SectionHeading id={headingId}>{t('benefits.register')}</SectionHeading>
      <Announcement announcerRef={announcer.ref} message={announcer.message} />
      {benefits.length === 0 ? <EmptyState>{t('benefits.none')}</EmptyState> : <RegisterTable benefits={benefits} />}
      {benefits.map((benefit) => (
        <BenefitDetails key={benefit.id} benefit={benefit} canWrite={canWrite} announce={announcer.announce} />
      ))}
      {!canWrite && <Paragraph data-size="sm">{t('benefits.readOnly')}</Paragraph>}
      {canWrite &&
        (adding ? (
          <AddBenefitForm
            initiativeId={initiativeId}
            onCancel={() => {
              setAdding(false);
              setTimeout(() => addButton.current?.focus());
            }}
            onSaved={(benefit) => {
              setAdding(false);
              announcer.announce(t('benefits.saved', { title: benefit.title }));
            }}
          />
        ) : (
          <div>
            <Button ref={addButton} variant="secondary" onClick={() => setAdding(true)}>
              {t('benefits.add')}
            </Button>
          </div>
        ))}
    </section>
  );
}

/** The latest measurement in words: value, date, and whether it deviates from the plan. */
export function LatestText({ benefit }: { benefit: Benefit }) {
  const { t, number, shortDate } = usePortfolioI18n();
  const latest = benefit.latest;
  if (!latest) return <>{t('benefits.noMeasurement')}</>;
  const planned = number(round(latest.plannedValue));
  return (
    <>
      {number(latest.value)} ({shortDate(latest.measuredOn)})
      <br />
      <span className={latest.deviates ? 'kp-pf-deviates' : undefined}>
        {latest.deviates ? t('benefits.deviates', { planned }) : t('benefits.onPlan', { planned })}
      </span>
    </>
  );
}

function withUnit(i18n: PortfolioI18n, value: number, unit: string) {
  return unit ? `${i18n.number(value)} ${unit}` : i18n.number(value);
}

/** A benefit's row header: its title, marked when synthetic or unplanned. */
export function BenefitTitleCell({ benefit: b }: { benefit: Benefit }) {
  const { t } = usePortfolioI18n();
  return (
    <Table.HeaderCell scope="row">
      {b.synthetic ? `${t('benefits.synthetic')} ` : ''}
      {b.title}
      {!b.planned && ` (${t('benefits.unplanned')})`}
    </Table.HeaderCell>
  );
}

/** When a benefit is expected, marked when overdue. */
export function ExpectedCell({ benefit: b }: { benefit: Benefit }) {
  const { t, shortDate } = usePortfolioI18n();
  return (
    <Table.Cell>
      {shortDate(b.expectedDate)}
      {b.overdue && (
        <>
          <br />
          <span className="kp-pf-deviates">{t('benefits.overdue')}</span>
        </>
      )}
    </Table.Cell>
  );
}

function RegisterTable({ benefits }: { benefits: Benefit[] }) {
  const i18n = usePortfolioI18n();
  const { t } = i18n;
  return (
    <PortfolioTable
      caption={t('benefits.registerCaption')}
      headers={[
        t('benefits.col.title'),
        t('benefits.col.type'),
        t('benefits.col.indicator'),
        t('benefits.col.baselineTarget'),
        t('benefits.col.owner'),
        t('benefits.col.expected'),
        t('benefits.col.status'),
        t('benefits.col.latest'),
      ]}
      zebra
    >
      {benefits.map((b) => (
        <Table.Row key={b.id}>
          <BenefitTitleCell benefit={b} />
          <Table.Cell>{t(typeKey(b.type))}</Table.Cell>
          <Table.Cell>{b.indicator}</Table.Cell>
          <Table.Cell>
            {t('benefits.baselineTarget', {
              baseline: withUnit(i18n, b.baselineValue, b.unitOfMeasure),
              target: withUnit(i18n, b.targetValue, b.unitOfMeasure),
            })}
          </Table.Cell>
          <Table.Cell>
            {b.owner.name}
            <br />
            {b.ownerUnit.name}
          </Table.Cell>
          <ExpectedCell benefit={b} />
          <Table.Cell>{t(statusKey(b.status))}</Table.Cell>
          <Table.Cell>
            <LatestText benefit={b} />
          </Table.Cell>
        </Table.Row>
      ))}
    </PortfolioTable>
  );
}

function BenefitDetails({ benefit, canWrite, announce }: { benefit: Benefit; canWrite: boolean; announce: (text: string) => void }) {
  const i18n = usePortfolioI18n();
  const { t, shortDate, number, kroner } = i18n;
  const open = benefit.status === 'planned' || benefit.status === 'in_realisation';
  return (
    <Details>
      <Details.Summary>{t('benefits.details', { title: benefit.title })}</Details.Summary>
      <Details.Content>
        <div className="kp-pf-benefit-detail">
          <Facts
            items={[
              ...(benefit.annualValue !== null ? [{ term: t('benefits.col.annual'), value: kroner(benefit.annualValue) }] : []),
              ...(benefit.actions ? [{ term: t('benefits.actions'), value: benefit.actions }] : []),
              ...(benefit.assumptions ? [{ term: t('benefits.assumptions'), value: benefit.assumptions }] : []),
              ...(benefit.closedReason ? [{ term: t('benefits.closedReason'), value: benefit.closedReason }] : []),
            ]}
          />
          <TrendChart benefit={benefit} />
          {benefit.measurements.length > 0 && (
            <PortfolioTable
              caption={t('benefits.measurementsCaption', { title: benefit.title })}
              headers={[
                t('benefits.col.measuredOn'),
                { label: t('benefits.col.value'), className: 'kp-num' },
                { label: t('benefits.col.planned'), className: 'kp-num' },
                t('benefits.col.deviation'),
                t('benefits.col.comment'),
              ]}
            >
              {benefit.measurements.map((m) => (
                <Table.Row key={m.id}>
                  <Table.Cell>{shortDate(m.measuredOn)}</Table.Cell>
                  <Table.Cell className="kp-num">{number(m.value)}</Table.Cell>
                  <Table.Cell className="kp-num">{number(round(m.plannedValue))}</Table.Cell>
                  <Table.Cell>{m.deviates ? t('benefits.yes') : t('benefits.no')}</Table.Cell>
                  <Table.Cell>{m.comment ?? ''}</Table.Cell>
                </Table.Row>
              ))}
            </PortfolioTable>
          )}
          {canWrite && open && <MeasurementForm benefit={benefit} announce={announce} />}
          {canWrite && open && <CloseForm benefit={benefit} announce={announce} />}
        </div>
      </Details.Content>
    </Details>
  );
}

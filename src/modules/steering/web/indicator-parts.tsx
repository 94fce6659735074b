import { Link, Paragraph, Details, Table } from '@digdir/designsystemet-react';
import { Link as RouterLink } from '@tanstack/react-router';
import { Facts } from '../../../web/components/facts';
import { SectionHeading } from '../../../web/components/section-heading';
import type { IndicatorDetail } from '../indicators.schemas';
import { useSteeringI18n } from './i18n';
import { StatusLabel } from './status-label';
import { EmptyState } from '../../../web/components/empty-state';

// Parts of an indicator's page: the facts, the values per unit and district, and the comments.
// The forms are in ./indicator-form-parts.

/** What the indicator is, its status now, thresholds, area, owners, goals and source. */
export function IndicatorFacts({ detail }: { detail: IndicatorDetail }) {
  const { t, number } = useSteeringI18n();
  const fmt = (v: number | null) => (v === null ? '–' : `${number(v)} ${detail.unitOfMeasure}`.trim());
  return (
    <Facts
      items={[
        {
          term: t('indicators.detail.status'),
          value: (
            <>
              <StatusLabel status={detail.status} /> {detail.latest ? `${fmt(detail.latest.value)} (${detail.latest.period})` : ''}
            </>
          ),
        },
        { term: t('indicators.detail.definition'), value: detail.definition ?? '–' },
        { term: t('indicators.detail.direction'), value: t(`indicators.direction.${detail.direction}`) },
        { term: t('indicators.detail.frequency'), value: t(`indicators.frequency.${detail.frequency}`) },
        { term: t('indicators.detail.dataSource'), value: t(`indicators.dataSource.${detail.dataSource}`) },
        {
          term: t('indicators.detail.thresholds'),
          value:
            detail.greenAt === null
              ? t('indicators.detail.noThresholds')
              : t('indicators.detail.thresholdText', { green: fmt(detail.greenAt), red: fmt(detail.redAt) }),
        },
        {
          term: t('indicators.detail.area'),
          value: detail.area ? (
            <Link asChild>
              <RouterLink to="/styring/indikatorer" search={{ omrade: detail.area.code }}>
                {detail.area.code} {detail.area.name}
              </RouterLink>
            </Link>
          ) : (
            '–'
          ),
        },
        { term: t('indicators.detail.owners'), value: detail.owners.map((o) => o.name).join(', ') },
        { term: t('indicators.detail.goals'), value: detail.goals.length ? detail.goals.map((g) => g.title).join('; ') : '–' },
        { term: t('indicators.detail.source'), value: detail.source ?? '–' },
      ]}
    />
  );
}

/** The latest values per unit and per district, folded away. */
export function PerUnitValues({ detail }: { detail: IndicatorDetail }) {
  const { t, number } = useSteeringI18n();
  if (detail.units.length === 0 && detail.districts.length === 0) return null;
  return (
    <Details>
      <Details.Summary>
        {t('indicators.detail.perUnit', { units: detail.units.length, districts: detail.districts.length })}
      </Details.Summary>
      <Details.Content>
        <div className="kp-table-scroll">
          <Table zebra data-size="sm">
            <caption>{t('indicators.detail.perUnitCaption')}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('indicators.col.unit')}</Table.HeaderCell>
                <Table.HeaderCell>{t('indicators.col.values')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {detail.units.slice(0, 200).map((row) => (
                <Table.Row key={row.unit.id}>
                  <Table.Cell>{row.unit.name}</Table.Cell>
                  <Table.Cell>{row.values.map((v) => `${v.period}: ${number(v.value)}`).join(' · ')}</Table.Cell>
                </Table.Row>
              ))}
              {detail.districts.map((row) => (
                <Table.Row key={row.district}>
                  <Table.Cell>{t('indicators.detail.district', { n: row.district })}</Table.Cell>
                  <Table.Cell>{row.values.map((v) => `${v.period}: ${number(v.value)}`).join(' · ')}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
      </Details.Content>
    </Details>
  );
}

export function Comments({ detail }: { detail: IndicatorDetail }) {
  const { t, date } = useSteeringI18n();
  return (
    <section aria-labelledby="kp-st-comments">
      <SectionHeading id="kp-st-comments">{t('indicators.comments.title')}</SectionHeading>
      {detail.comments.length === 0 ? (
        <EmptyState>{t('indicators.comments.none')}</EmptyState>
      ) : (
        <ul className="kp-st-comment-list">
          {detail.comments.map((c) => (
            <li key={c.id}>
              <Paragraph data-size="sm">
                <strong>{c.unit?.name ?? t('indicators.comments.analysis')}</strong> · {c.authorName} · {date(c.createdAt)}
                {c.period ? ` · ${t('indicators.col.period')} ${c.period}` : ''}
              </Paragraph>
              <Paragraph>{c.body}</Paragraph>
              {c.measure && (
                <Paragraph>
                  <strong>{t('indicators.comments.measure')}:</strong> {c.measure}
                </Paragraph>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

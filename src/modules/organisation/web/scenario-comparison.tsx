import { Paragraph } from '@digdir/designsystemet-react';
import { useId } from 'react';
import { DataTable } from '../../../web/components/data-table';
import { SectionHeading } from '../../../web/components/section-heading';
import type { ScenarioComparison } from '../scenarios.schemas';
import { BarChart } from '../../../web/components/charts/bar-chart';
import { useOrgI18n } from './i18n';
import { EntityLink } from './ui';

type BeforeAfter = { before: number | null; after: number | null };

/** The organisation now beside the organisation as the scenario makes it, and the differences in words. */
export function ComparisonView({ data }: { data: ScenarioComparison }) {
  const { t, number, percent, pick, date } = useOrgI18n();
  const ids = useId();
  const { comparison } = data;
  const beforeLabel = t('compare.before', { date: date(comparison.before.date) });
  const afterLabel = t('compare.after');

  const delta = (value: BeforeAfter, asShare = false) => {
    if (value.before === null || value.after === null) return t('common.notAvailable');
    const difference = value.after - value.before;
    if (Math.abs(difference) < 1e-9) return t('compare.unchanged');
    const text = asShare ? t('compare.points', { value: number(Math.abs(difference) * 100) }) : number(Math.abs(difference));
    return (
      <span className={difference > 0 ? 'kp-delta-up' : 'kp-delta-down'}>
        {difference > 0 ? t('compare.up', { value: text }) : t('compare.down', { value: text })}
      </span>
    );
  };
  const show = (value: number | null, asShare = false) =>
    value === null ? t('common.notAvailable') : asShare ? percent(value) : number(value);
  const figure = (label: string, value: BeforeAfter, asShare = false) => ({
    key: label,
    cells: [label, show(value.before, asShare), show(value.after, asShare), delta(value, asShare)],
  });

  const rows = [
    figure(t('analytics.units'), comparison.units),
    figure(t('analytics.positions'), comparison.positions),
    figure(t('analytics.headcount'), comparison.headcount),
    figure(t('analytics.fte'), comparison.fte),
    figure(t('compare.postFte'), comparison.postFte),
    figure(t('analytics.layers'), comparison.layers),
    figure(t('compare.adminShareFte'), comparison.administrationShare, true),
    figure(t('compare.adminSharePositions'), comparison.positionAdministrationShare, true),
    figure(t('compare.maxSpan'), { before: comparison.spans.maxBefore, after: comparison.spans.maxAfter }),
    figure(t('compare.overThreshold'), { before: comparison.spans.overThresholdBefore, after: comparison.spans.overThresholdAfter }),
  ];

  return (
    <>
      {data.problems.length > 0 && (
        <Paragraph>
          <strong>{t('scenario.problemsNote', { count: data.problems.length })}</strong>
        </Paragraph>
      )}
      <section aria-labelledby={`${ids}-figures`} className="kp-org-section">
        <SectionHeading id={`${ids}-figures`}>{t('compare.figuresHeading')}</SectionHeading>
        <DataTable
          caption={t('compare.figuresCaption')}
          headers={[t('compare.measure'), beforeLabel, afterLabel, t('compare.change')]}
          numeric={[1, 2]}
          empty=""
          rows={rows}
        />
      </section>
      <section aria-labelledby={`${ids}-levels`} className="kp-org-section">
        <SectionHeading id={`${ids}-levels`}>{t('compare.levelsHeading')}</SectionHeading>
        <BarChart
          title={t('compare.levelsChart')}
          description={t('compare.levelsChartDesc')}
          table={{ heading: t('grid.level') }}
          missing={t('common.notAvailable')}
          categories={comparison.unitsPerLevel.map((level) => t('common.levelShort', { level: level.level }))}
          series={[
            { name: beforeLabel, values: comparison.unitsPerLevel.map((level) => level.before) },
            { name: afterLabel, values: comparison.unitsPerLevel.map((level) => level.after) },
          ]}
          format={number}
        />
      </section>
      <section aria-labelledby={`${ids}-spans`} className="kp-org-section">
        <SectionHeading id={`${ids}-spans`}>{t('compare.spansHeading')}</SectionHeading>
        <DataTable
          caption={t('compare.spansCaption')}
          headers={[t('analytics.leader'), t('position.unit'), beforeLabel, afterLabel, t('analytics.threshold')]}
          numeric={[2, 3, 4]}
          empty={t('compare.noSpanChanges')}
          rows={comparison.spans.changed.map((span) => ({
            key: span.positionId,
            cells: [
              span.before === null ? (
                span.title
              ) : (
                <EntityLink key="p" kind="position" id={span.positionId} date={comparison.before.date}>
                  {span.title}
                </EntityLink>
              ),
              span.unitName,
              span.before === null ? t('compare.new') : number(span.before),
              span.after === null ? t('compare.gone') : number(span.after),
              span.threshold === null ? '–' : number(span.threshold),
            ],
          }))}
        />
      </section>
      <section aria-labelledby={`${ids}-differences`} className="kp-org-section">
        <SectionHeading id={`${ids}-differences`}>
          {t('compare.differencesHeading', { count: comparison.differences.length })}
        </SectionHeading>
        {comparison.differences.length === 0 ? (
          <Paragraph>{t('compare.noDifferences')}</Paragraph>
        ) : (
          <ul aria-label={t('compare.differencesLabel')}>
            {comparison.differences.map((difference, index) => (
              <li key={`${difference.kind}-${difference.subjectId}-${index}`}>{pick(difference.message)}</li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}

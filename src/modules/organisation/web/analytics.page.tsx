import { Alert, Details, Link, Paragraph } from '@digdir/designsystemet-react';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi, Link as RouterLink } from '@tanstack/react-router';
import { useId } from 'react';
import { DataTable } from '../../../web/components/data-table';
import { Page } from '../../../web/components/page';
import { ErrorAlert, Loading } from '../../../web/components/status';
import { AsOfDateForm } from '../../../web/components/as-of-date';
import { SectionHeading } from '../../../web/components/section-heading';
import type { AnalyticsResponse } from '../analytics.schemas';
import { analyticsQuery } from './api';
import { BarChart } from '../../../web/components/charts/bar-chart';
import { BaselinesTable } from './baselines';
import { isOrgKey, todayInNorway, useOrgI18n } from './i18n';
import { BeforeDatasetNote, EntityLink, OrganisationNav } from './ui';

const route = getRouteApi('/organisasjon/analyse');

/** Leaders shown in the span-of-control chart (all are in the table). */
const spanChartSize = 15;

/** Headcount and FTE per level, span of control, layers and the administration share. */
export function AnalyticsPage() {
  const { t, date: formatDate } = useOrgI18n();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const date = search.dato ?? todayInNorway();
  const analytics = useQuery(analyticsQuery(date, search.scenario, search.enhet));
  return (
    <Page title={t('analytics.title')}>
      <OrganisationNav date={search.dato} />
      <Paragraph className="kp-lead">{t('analytics.lead')}</Paragraph>
      {search.scenario ? (
        analytics.data?.scenario && (
          <Alert data-color="info">
            <Paragraph>
              {t('analytics.scenarioShown', { name: analytics.data.scenario.name, date: formatDate(analytics.data.date) })}
            </Paragraph>
            <Paragraph>
              <Link asChild>
                <RouterLink to="/organisasjon/analyse" search={{ dato: search.dato }}>
                  {t('analytics.backToCurrent')}
                </RouterLink>
              </Link>
            </Paragraph>
          </Alert>
        )
      ) : (
        <>
          <AsOfDateForm date={date} label={t('asOf.label')} onChange={(dato) => void navigate({ search: { dato } })} />
          <BeforeDatasetNote date={date} />
        </>
      )}
      {analytics.isPending && <Loading label={t('analytics.loading')} />}
      {analytics.isError && <ErrorAlert error={analytics.error} onRetry={() => void analytics.refetch()} />}
      {analytics.data && <AnalyticsContent data={analytics.data} scenario={search.scenario} dato={search.dato} />}
    </Page>
  );
}

export function KeyFigures({ data }: { data: Pick<AnalyticsResponse, 'totals' | 'layers' | 'administrationShare'> }) {
  const { t, number, percent } = useOrgI18n();
  const figures = [
    { term: t('analytics.units'), value: number(data.totals.units) },
    { term: t('analytics.positions'), value: number(data.totals.positions) },
    { term: t('analytics.headcount'), value: number(data.totals.headcount) },
    { term: t('analytics.fte'), value: number(data.totals.fte) },
    { term: t('analytics.layers'), value: number(data.layers.count) },
    {
      term: t('analytics.adminShare'),
      // A share of a sample (the demo's few people) is not shown as the organisation's.
      value: data.administrationShare.representative ? percent(data.administrationShare.share) : t('analytics.adminShareNoBasis'),
    },
  ];
  return (
    <dl className="kp-stat-grid">
      {figures.map((figure) => (
        <div key={figure.term} className="kp-stat">
          <dt>{figure.term}</dt>
          <dd>{figure.value}</dd>
        </div>
      ))}
    </dl>
  );
}

function AnalyticsContent({ data, scenario, dato }: { data: AnalyticsResponse; scenario?: string; dato?: string }) {
  const { t, number, percent, pick } = useOrgI18n();
  const ids = useId();
  const levelNames = data.levels.map((level) => t('common.levelShort', { level: level.level }));
  const leaders = [...data.spans].sort((a, b) => b.directReports - a.directReports);
  const topLeaders = leaders.slice(0, spanChartSize);
  const roleName = (roleType: string) => {
    const key = `role.${roleType}`;
    return isOrgKey(key) ? t(key) : roleType;
  };
  const admin = data.administrationShare;
  const comparison = data.baselineComparison;
  const shareCategories = [
    t('analytics.shareNowPositions'),
    ...(admin.basis && admin.representative
      ? [t(admin.basis === 'assignmentFte' ? 'analytics.shareNowFte' : 'analytics.shareNowPostFte')]
      : []),
    ...data.baselines.map((baseline) => `${baseline.name} ${baseline.year}`),
    ...(comparison.combinedShare !== null ? [t('analytics.shareCombined')] : []),
  ];
  const shareValues = [
    admin.positions.share,
    ...(admin.basis && admin.representative ? [admin.share] : []),
    ...data.baselines.map((baseline) => baseline.share),
    ...(comparison.combinedShare !== null ? [comparison.combinedShare] : []),
  ];

  return (
    <>
      <KeyFigures data={data} />

      <section aria-labelledby={`${ids}-levels`} className="kp-org-section">
        <SectionHeading id={`${ids}-levels`}>{t('analytics.perLevel')}</SectionHeading>
        <BarChart
          title={t('analytics.unitsPositionsPerLevel')}
          description={t('analytics.unitsPositionsPerLevelDesc')}
          table={{ heading: t('grid.level') }}
          missing={t('common.notAvailable')}
          categories={levelNames}
          series={[
            { name: t('analytics.units'), values: data.levels.map((level) => level.units) },
            { name: t('analytics.positions'), values: data.levels.map((level) => level.positions) },
          ]}
          format={number}
        />
        <BarChart
          title={t('analytics.headcountFtePerLevel')}
          description={t('analytics.headcountFtePerLevelDesc')}
          table={{ heading: t('grid.level') }}
          missing={t('common.notAvailable')}
          categories={levelNames}
          series={[
            { name: t('analytics.headcount'), values: data.levels.map((level) => level.headcount) },
            { name: t('analytics.fte'), values: data.levels.map((level) => level.fte) },
          ]}
          format={number}
        />
        {data.totals.headcount < data.totals.positions / 2 && <Paragraph className="kp-muted">{t('analytics.fewPeople')}</Paragraph>}
      </section>

      <PerUnit data={data} scenario={scenario} dato={dato} />

      <section aria-labelledby={`${ids}-spans`} className="kp-org-section">
        <SectionHeading id={`${ids}-spans`}>{t('analytics.spans')}</SectionHeading>
        <Paragraph>{t('analytics.spansLead', { over: data.spanSummary.overThreshold, count: data.spanSummary.leaders })}</Paragraph>
        <BarChart
          title={t('analytics.spansChart', { count: topLeaders.length })}
          description={t('analytics.spansChartDesc')}
          table={{ heading: t('analytics.leader') }}
          missing={t('common.notAvailable')}
          categories={topLeaders.map((span) => `${span.title} (${span.unitName})`)}
          series={[{ name: t('analytics.directReports'), values: topLeaders.map((span) => span.directReports) }]}
          thresholds={topLeaders.map((span) => span.threshold)}
          thresholdLabel={t('analytics.threshold')}
          flagged={topLeaders.map((span) => span.overThreshold)}
          flagText={t('analytics.overThresholdMark')}
          format={number}
        />
        <Details>
          <Details.Summary>
            {leaders.length < data.spanSummary.leaders
              ? t('analytics.someLeaders', { shown: leaders.length, count: data.spanSummary.leaders })
              : t('analytics.allLeaders', { count: leaders.length })}
          </Details.Summary>
          <Details.Content>
            <DataTable
              caption={t('analytics.spansTable')}
              headers={[
                t('analytics.leader'),
                t('position.unit'),
                t('position.role'),
                t('analytics.directReports'),
                t('analytics.threshold'),
                t('analytics.overThreshold'),
              ]}
              numeric={[3, 4]}
              empty={t('common.none')}
              rows={leaders.map((span) => ({
                key: span.positionId,
                cells: [
                  <EntityLink key="p" kind="position" id={span.positionId} date={data.date}>
                    {span.title}
                  </EntityLink>,
                  <EntityLink key="u" kind="unit" id={span.unitId} date={data.date}>
                    {span.unitName}
                  </EntityLink>,
                  roleName(span.roleType),
                  number(span.directReports),
                  span.threshold === null ? '–' : number(span.threshold),
                  span.overThreshold ? t('analytics.overYes') : t('common.no'),
                ],
              }))}
            />
          </Details.Content>
        </Details>
      </section>

      <section aria-labelledby={`${ids}-layers`} className="kp-org-section">
        <SectionHeading id={`${ids}-layers`}>{t('analytics.layersHeading')}</SectionHeading>
        <Paragraph>{t('analytics.layersLead', { count: data.layers.count })}</Paragraph>
        {data.layers.longestChain.length > 0 && (
          <>
            <Paragraph>{t('analytics.longestChain')}</Paragraph>
            <ol>
              {data.layers.longestChain.map((link) => (
                <li key={link.positionId}>
                  <EntityLink kind="position" id={link.positionId} date={data.date}>
                    {link.title}
                  </EntityLink>
                </li>
              ))}
            </ol>
          </>
        )}
        <BarChart
          title={t('analytics.positionsPerLayer')}
          description={t('analytics.positionsPerLayerDesc')}
          table={{ heading: t('analytics.layer') }}
          missing={t('common.notAvailable')}
          categories={data.layers.positionsPerLayer.map((layer) => t('analytics.layerN', { layer: layer.layer }))}
          series={[{ name: t('analytics.positions'), values: data.layers.positionsPerLayer.map((layer) => layer.positions) }]}
          format={number}
        />
        {data.layers.unreachablePositions > 0 && (
          <Paragraph>{t('analytics.unreachable', { count: data.layers.unreachablePositions })}</Paragraph>
        )}
      </section>

      <section aria-labelledby={`${ids}-admin`} className="kp-org-section">
        <SectionHeading id={`${ids}-admin`}>{t('analytics.adminHeading')}</SectionHeading>
        {admin.representative ? (
          <Paragraph>{pick(admin.note)}</Paragraph>
        ) : (
          <Alert data-color="info">
            <Paragraph>{t('analytics.adminShareSample')}</Paragraph>
            <Paragraph>{pick(admin.note)}</Paragraph>
          </Alert>
        )}
        <Paragraph>
          <strong>{pick(comparison.message)}</strong>
        </Paragraph>
        {/* Only the count of positions and no baselines: nothing to set side by side. */}
        {shareValues.length > 1 && (
          <BarChart
            title={t('analytics.adminChart')}
            description={t('analytics.adminChartDesc')}
            table={{ heading: t('analytics.basis') }}
            missing={t('common.notAvailable')}
            categories={shareCategories}
            series={[{ name: t('analytics.adminShare'), values: shareValues }]}
            format={(value) => percent(value)}
          />
        )}
        <BaselinesTable baselines={data.baselines} />
      </section>
    </>
  );
}

/** Roll-ups per unit as a drill-down: a unit (or the top) and the units directly under it. */
function PerUnit({ data, scenario, dato }: { data: AnalyticsResponse; scenario?: string; dato?: string }) {
  const { t, number } = useOrgI18n();
  const ids = useId();
  const focusId = data.unitFocus?.unitId;
  const parents = new Set(focusId ? [focusId] : data.units.filter((u) => u.parentId === null).map((u) => u.unitId));
  const heads = data.units.filter((u) => parents.has(u.unitId));
  const children = data.units.filter((u) => !parents.has(u.unitId));
  const drill = (unitId: string | undefined, label: string) => (
    <Link asChild>
      <RouterLink to="/organisasjon/analyse" search={{ dato, scenario, enhet: unitId }}>
        {label}
      </RouterLink>
    </Link>
  );
  const row = (u: AnalyticsResponse['units'][number], link: boolean) => ({
    key: u.unitId,
    cells: [link ? drill(u.unitId, u.name) : u.name, u.level, number(u.total.positions), number(u.total.headcount), number(u.total.fte)],
  });
  return (
    <section aria-labelledby={`${ids}-units`} className="kp-org-section">
      <SectionHeading id={`${ids}-units`}>{t('analytics.perUnit')}</SectionHeading>
      <Paragraph>{t('analytics.perUnitLead')}</Paragraph>
      {data.unitFocus && (
        <nav aria-label={t('analytics.perUnitPath')}>
          <Paragraph>
            {drill(undefined, t('analytics.perUnitTop'))}
            {data.unitPath.map((u) => (
              <span key={u.unitId}>
                {' › '}
                {drill(u.unitId, u.name)}
              </span>
            ))}
            {' › '}
            <span aria-current="page">{data.unitFocus.name}</span>
          </Paragraph>
        </nav>
      )}
      <DataTable
        caption={data.unitFocus ? t('analytics.perUnitFocus', { name: data.unitFocus.name }) : t('analytics.perUnitTable')}
        headers={[t('analytics.unitName'), t('analytics.level'), t('analytics.positions'), t('analytics.headcount'), t('analytics.fte')]}
        numeric={[1, 2, 3, 4]}
        empty={t('analytics.perUnitNone')}
        rows={[...heads.map((u) => row(u, false)), ...children.map((u) => row(u, true))]}
      />
    </section>
  );
}

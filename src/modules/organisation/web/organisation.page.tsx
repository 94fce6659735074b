import { Paragraph, Tabs, TabsList, TabsPanel, TabsTab } from '@digdir/designsystemet-react';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { useCallback, useEffect, useMemo } from 'react';
import { Page } from '../../../web/components/page';
import { ErrorAlert, Loading } from '../../../web/components/status';
import { AsOfDateForm } from '../../../web/components/as-of-date';
import { linesQuery, treeQuery } from './api';
import { OrgChart } from './chart/org-chart';
import { buildUnitTree } from './chart/tree-model';
import { prepareLayoutWorker } from './chart/use-chart-layout';
import { UnitTreeGrid } from './chart/unit-tree-grid';
import { todayInNorway, useOrgI18n } from './i18n';
import type { OrganisationView } from './search-params';
import { BeforeDatasetNote, OrganisationNav } from './ui';

const route = getRouteApi('/organisasjon');

/** Units shown expanded from the start: the leadership team, directors and level 2. */
const defaultLevels = 3;

/** The organisation as of a date: an org chart and, as its accessible alternative, a tree grid. */
export function OrganisationPage() {
  const i18n = useOrgI18n();
  const { t } = i18n;
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const goTo = useNavigate();
  const date = search.dato ?? todayInNorway();
  const view: OrganisationView = search.visning ?? 'kart';
  const levels = search.nivaer ?? defaultLevels;

  const tree = useQuery(treeQuery(date));
  // The chart's layout worker starts while the organisation downloads.
  useEffect(() => {
    if (view === 'kart') prepareLayoutWorker();
  }, [view]);
  const lines = useQuery(linesQuery(date));
  const unitTree = useMemo(() => (tree.data ? buildUnitTree(tree.data.units, i18n.collator) : null), [tree.data, i18n.collator]);
  const focusUnit = search.fokus && unitTree ? unitTree.byId.get(search.fokus) : undefined;
  const roots = useMemo(() => (focusUnit ? [focusUnit] : (unitTree?.roots ?? [])), [focusUnit, unitTree]);

  const unitHref = useCallback((id: string) => `/organisasjon/enheter/${encodeURIComponent(id)}?dato=${date}`, [date]);
  const openUnit = (id: string) => void goTo({ to: '/organisasjon/enheter/$id', params: { id }, search: { dato: date } });

  return (
    <Page title={t('overview.title')} documentTitle={t('overview.documentTitle')}>
      <OrganisationNav date={search.dato} />
      <Paragraph className="kp-lead">{t('overview.lead')}</Paragraph>
      <AsOfDateForm
        date={date}
        label={t('asOf.label')}
        onChange={(dato) => void navigate({ search: (prev) => ({ ...prev, dato, fokus: undefined }) })}
      />
      <BeforeDatasetNote date={date} />

      {tree.isPending && <Loading label={t('overview.loading')} />}
      {tree.isError && <ErrorAlert error={tree.error} onRetry={() => void tree.refetch()} />}
      {unitTree && tree.data && (
        <>
          {tree.data.units.length === 0 ? (
            <Paragraph role="status">{t('overview.empty', { date: i18n.date(date) })}</Paragraph>
          ) : (
            <Tabs
              value={view}
              onChange={(value) =>
                void navigate({ search: (prev) => ({ ...prev, visning: value === 'tabell' ? 'tabell' : undefined }), replace: true })
              }
            >
              <TabsList>
                <TabsTab value="kart">{t('overview.tabChart')}</TabsTab>
                <TabsTab value="tabell">{t('overview.tabGrid')}</TabsTab>
              </TabsList>
              <TabsPanel value="kart">
                {view === 'kart' && (
                  <OrgChart
                    tree={unitTree}
                    date={tree.data.date}
                    rootId={focusUnit?.id}
                    onRootChange={(fokus) => void navigate({ search: (prev) => ({ ...prev, fokus }) })}
                    levels={levels}
                    onLevelsChange={(nivaer) => void navigate({ search: (prev) => ({ ...prev, nivaer }), replace: true })}
                    lines={lines.data?.lines ?? null}
                    unitHref={unitHref}
                  />
                )}
              </TabsPanel>
              <TabsPanel value="tabell">
                {view === 'tabell' && (
                  <UnitTreeGrid
                    tree={unitTree}
                    roots={roots}
                    levels={levels}
                    caption={
                      focusUnit
                        ? t('grid.captionFocus', { name: focusUnit.name, date: i18n.date(tree.data.date) })
                        : t('grid.caption', { date: i18n.date(tree.data.date) })
                    }
                    unitHref={unitHref}
                    onOpen={openUnit}
                  />
                )}
              </TabsPanel>
            </Tabs>
          )}
        </>
      )}
    </Page>
  );
}

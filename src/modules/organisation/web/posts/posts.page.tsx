import { Link, Paragraph } from '@digdir/designsystemet-react';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi, Link as RouterLink } from '@tanstack/react-router';
import { useId, useMemo } from 'react';
import { AsOfDateForm } from '../../../../web/components/as-of-date';
import { EntityCombobox } from '../../../../web/components/combobox/combobox';
import { Facts } from '../../../../web/components/facts';
import { Page } from '../../../../web/components/page';
import { SectionHeading } from '../../../../web/components/section-heading';
import { ErrorAlert, Loading } from '../../../../web/components/status';
import type { PostsResponse } from '../../posts.schemas';
import { treeQuery } from '../api';
import { ancestorsOf, buildUnitTree } from '../chart/tree-model';
import { todayInNorway } from '../i18n';
import { BeforeDatasetNote, OrganisationNav } from '../ui';
import { postsQuery } from './posts-api';
import { usePostsI18n } from './posts-i18n';
import { PostsTable } from './posts-table';
import { SourceNotes } from './source-notes';
import { VacanciesList } from './vacancies-list';

const route = getRouteApi('/organisasjon/stillinger-og-arsverk');

/** «Stillinger og årsverk»: FTE roll-ups per unit in an area against the budget, and the vacancy list. */
export function PostsPage() {
  const { t } = usePostsI18n();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const date = search.dato ?? todayInNorway();
  const query = useQuery(postsQuery(date, search.enhet));
  return (
    <Page title={t('page.title')}>
      <OrganisationNav date={search.dato} />
      <Paragraph className="kp-lead">{t('page.intro')}</Paragraph>
      <AsOfDateForm date={date} onChange={(dato) => void navigate({ search: (s) => ({ ...s, dato }) })} />
      <BeforeDatasetNote date={date} />
      <AreaPicker date={date} area={search.enhet} onChange={(enhet) => void navigate({ search: (s) => ({ ...s, enhet }) })} />
      {query.isPending && <Loading label={t('page.loading')} />}
      {query.isError && <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />}
      {query.data && <PostsContent data={query.data} date={date} />}
      {query.data && <VacanciesList date={date} unit={search.enhet} />}
    </Page>
  );
}

function AreaPicker({ date, area, onChange }: { date: string; area?: string; onChange: (unit: string | undefined) => void }) {
  const { t, collator } = usePostsI18n();
  const ids = useId();
  const tree = useQuery(treeQuery(date));
  // The path above each unit tells two of the same name apart.
  const options = useMemo(() => {
    if (!tree.data) return [];
    const model = buildUnitTree(tree.data.units, collator);
    return [...tree.data.units]
      .sort((a, b) => collator.compare(a.name, b.name))
      .map((unit) => ({
        value: unit.id,
        label: unit.name,
        description: ancestorsOf(model, unit.id)
          .reverse()
          .map((id) => model.byId.get(id)?.name ?? '')
          .join(' › '),
      }));
  }, [tree.data, collator]);
  return (
    <EntityCombobox
      id={`${ids}-area`}
      label={t('area.label')}
      description={t('area.help')}
      options={options}
      value={area ?? ''}
      onChange={(value) => onChange(value || undefined)}
      loading={tree.isPending}
    />
  );
}

function PostsContent({ data, date }: { data: PostsResponse; date: string }) {
  const { t, number, date: formatDate } = usePostsI18n();
  const ids = useId();
  const areaName = data.area?.name ?? t('area.whole');
  const up = data.areaPath.at(-2);
  const fte = (value: number | null) => (value === null ? t('unknown') : number(value));
  return (
    <>
      {data.area && (
        <nav aria-label={t('area.label')}>
          <Paragraph>
            <Link asChild>
              <RouterLink to="/organisasjon/stillinger-og-arsverk" search={{ dato: date, enhet: up?.unitId }}>
                {up ? t('area.up', { name: up.name }) : t('area.toTop')}
              </RouterLink>
            </Link>
          </Paragraph>
        </nav>
      )}
      <section aria-labelledby={`${ids}-totals`} className="kp-org-section">
        <SectionHeading id={`${ids}-totals`}>{data.area ? `${t('totals.heading')}: ${areaName}` : t('totals.whole')}</SectionHeading>
        {/* Term and value pairs, which wrap on a phone (a table of five numbers would scroll). */}
        <Facts
          items={[
            { term: t('col.budgeted'), value: fte(data.totals.budgetedFte) },
            { term: t('col.positionsFte'), value: number(data.totals.positionsFte) },
            { term: t('col.filled'), value: number(data.totals.filledFte) },
            { term: t('col.vacant'), value: number(data.totals.vacantFte) },
            { term: t('col.withoutFte'), value: number(data.totals.positionsWithoutFte) },
          ]}
        />
        <SourceNotes figures={data.totals} />
      </section>
      <section aria-labelledby={`${ids}-figures`} className="kp-org-section">
        <SectionHeading id={`${ids}-figures`}>{t('figures.heading')}</SectionHeading>
        {data.rows.length === 0 ? (
          <Paragraph>
            <strong>{t('figures.heading')}:</strong> {t('figures.none')}
          </Paragraph>
        ) : (
          <PostsTable
            rows={data.rows}
            date={date}
            caption={
              data.area
                ? t('figures.caption', { name: areaName, date: formatDate(data.date) })
                : t('figures.captionWhole', { date: formatDate(data.date) })
            }
          />
        )}
      </section>
    </>
  );
}

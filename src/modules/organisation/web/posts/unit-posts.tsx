import { Details, Link, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useQuery } from '@tanstack/react-query';
import { Link as RouterLink } from '@tanstack/react-router';
import { useId, useState } from 'react';
import { BarChart } from '../../../../web/components/charts/bar-chart';
import { DataTable } from '../../../../web/components/data-table';
import { DatedFormEnd } from '../../../../web/components/dated-form-end';
import { useDatedForm } from '../../../../web/components/dated-form';
import { SectionHeading } from '../../../../web/components/section-heading';
import { Loading } from '../../../../web/components/status';
import type { PostFigures, PostsUnitRow } from '../../posts.schemas';
import type { UnitDetail } from '../../records.schemas';
import { formatDecimal, parseDecimal } from './decimal';
import { postsQuery, unitBudgetsQuery, useSetUnitBudget } from './posts-api';
import { usePostsI18n } from './posts-i18n';
import { SourceNotes } from './source-notes';

/**
 * The unit page's «Stillinger og årsverk»: the unit's budget, its FTE roll-up (the unit itself and
 * everything under it) as a chart and a table, what rests on no source, and the budget form.
 */
export function UnitPosts({ unit, date, canWrite }: { unit: UnitDetail; date: string; canWrite: boolean }) {
  const i18n = usePostsI18n();
  const { t, number } = i18n;
  const ids = useId();
  const query = useQuery(postsQuery(date, unit.id));
  const row = query.data?.area ?? null;

  return (
    <section aria-labelledby={`${ids}-posts`} className="kp-org-section">
      <SectionHeading id={`${ids}-posts`}>{t('unit.heading')}</SectionHeading>
      {!row ? (
        <Loading label={t('page.loading')} />
      ) : (
        <>
          <BudgetLine row={row} />
          {row.subtree.positionsFte > 0 || row.subtree.budgetedFte !== null ? (
            <BarChart
              title={t('unit.chartTitle', { name: unit.name })}
              description={t('unit.chartDescription')}
              categories={[t('col.budgeted'), t('col.positionsFte'), t('col.filled'), t('col.vacant')]}
              series={[
                {
                  name: t('unit.subtree'),
                  values: [row.subtree.budgetedFte, row.subtree.positionsFte, row.subtree.filledFte, row.subtree.vacantFte],
                },
              ]}
              format={number}
              missing={t('unknown')}
            />
          ) : null}
          <FiguresTable row={row} name={unit.name} />
          <SourceNotes figures={row.subtree} />
          <Paragraph>
            <Link asChild>
              <RouterLink to="/organisasjon/stillinger-og-arsverk" search={{ dato: date, enhet: unit.id }}>
                {t('unit.seeAll', { name: unit.name })}
              </RouterLink>
            </Link>
          </Paragraph>
          {canWrite && <BudgetForm unit={unit} date={date} row={row} />}
        </>
      )}
    </section>
  );
}

function BudgetLine({ row }: { row: PostsUnitRow }) {
  const { t, number, date } = usePostsI18n();
  if (!row.budget) return <Paragraph>{t('unit.noBudget')}</Paragraph>;
  return (
    <Paragraph>
      {t('unit.budget', { fte: number(row.budget.budgetedFte), date: date(row.budget.validFrom), source: row.budget.source })}
    </Paragraph>
  );
}

function FiguresTable({ row, name }: { row: PostsUnitRow; name: string }) {
  const { t, number } = usePostsI18n();
  const fte = (value: number | null) => (value === null ? t('unknown') : number(value));
  const measures: { key: string; label: string; value: (f: PostFigures) => string }[] = [
    { key: 'budgeted', label: t('col.budgeted'), value: (f) => fte(f.budgetedFte) },
    { key: 'positions', label: t('col.positionsFte'), value: (f) => number(f.positionsFte) },
    { key: 'filled', label: t('col.filled'), value: (f) => number(f.filledFte) },
    { key: 'vacant', label: t('col.vacant'), value: (f) => number(f.vacantFte) },
    { key: 'without', label: t('col.withoutFte'), value: (f) => number(f.positionsWithoutFte) },
  ];
  return (
    <DataTable
      caption={t('unit.tableCaption', { name })}
      headers={[t('unit.measure'), t('unit.own'), t('unit.subtree')]}
      numeric={[1, 2]}
      rowHeaders
      empty={t('figures.none')}
      rows={measures.map((m) => ({ key: m.key, cells: [m.label, m.value(row.own), m.value(row.subtree)] }))}
    />
  );
}

function BudgetForm({ unit, date, row }: { unit: UnitDetail; date: string; row: PostsUnitRow }) {
  const { t, number, date: formatDate } = usePostsI18n();
  const mutation = useSetUnitBudget(unit.id);
  const budgets = useQuery(unitBudgetsQuery(unit.id));
  const [fte, setFte] = useState(row.budget ? formatDecimal(row.budget.budgetedFte) : '');
  const parsed = fte.trim() === '' ? null : parseDecimal(fte);
  const fteOk = parsed === null || (Number.isFinite(parsed) && parsed >= 0);
  const form = useDatedForm({
    fields: ['budgetedFte'],
    mutation,
    onReload: () => void budgets.refetch(),
    validFrom: date,
    problems: { budgetedFte: !fteOk && t('budget.fteInvalid') },
  });
  const sourceMissing = parsed !== null && !form.source.trim();
  const [sourceTried, setSourceTried] = useState(false);

  return (
    <Details>
      <Details.Summary>{t('budget.summary')}</Details.Summary>
      <Details.Content>
        <form
          className="kp-form"
          noValidate
          onSubmit={(event) => {
            setSourceTried(true);
            if (sourceMissing) {
              event.preventDefault();
              document.getElementById(form.fieldIds.source)?.focus();
              return;
            }
            form.submit(() =>
              mutation.mutate({
                revision: budgets.data?.revision ?? unit.revision,
                validFrom: form.validFrom,
                budgetedFte: parsed,
                ...(form.source.trim() ? { source: form.source.trim() } : {}),
              }),
            )(event);
          }}
        >
          <Textfield
            id={form.fieldIds.budgetedFte}
            label={t('budget.fte')}
            description={t('budget.fteHelp')}
            inputMode="decimal"
            value={fte}
            onChange={(event) => setFte(event.target.value)}
            error={form.errors.budgetedFte}
          />
          <DatedFormEnd
            {...form.end}
            sourceError={(sourceTried && sourceMissing && t('budget.sourceRequired')) || form.end.sourceError}
            submitLabel={t('budget.submit')}
          />
        </form>
        <DataTable
          caption={t('budget.historyCaption', { name: unit.name })}
          headers={[t('budget.period'), t('col.budgeted'), t('budget.source')]}
          numeric={[1]}
          empty={t('budget.none')}
          rows={(budgets.data?.items ?? []).map((b) => ({
            key: b.validFrom,
            cells: [
              b.validTo ? `${formatDate(b.validFrom)} – ${formatDate(b.validTo)}` : formatDate(b.validFrom),
              number(b.budgetedFte),
              b.source,
            ],
          }))}
        />
      </Details.Content>
    </Details>
  );
}

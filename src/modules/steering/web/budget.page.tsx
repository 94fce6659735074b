import { Alert, Button, Heading, Label, Link, Paragraph, Table, Textfield } from '@digdir/designsystemet-react';
import { useQuery } from '@tanstack/react-query';
import { Link as RouterLink, useNavigate, useSearch } from '@tanstack/react-router';
import { useId, useRef, useState, type FormEvent } from 'react';
import { Page } from '../../../web/components/page';
import { ErrorAlert, Loading } from '../../../web/components/status';
import { ApiError, errorMessage } from '../../../web/data/client';
import { hasPermission, useSession } from '../../../web/data/session';
import type { AreaBudgetStatus, ImportActualsResult, ImportProblem } from '../budget.schemas';
import { budgetExportHref, budgetOverviewQuery, useImportActuals } from './budget-api';
import { DeviationChart, useMoney } from './budget-parts';
import type { BudgetSearch } from './budget-search';
import { useSteeringI18n } from './i18n';
import { SteeringNav } from './ui';
import './decisions.css';
import { SectionHeading } from '../../../web/components/section-heading';

/** /styring/budsjett: per programme area for a year — budget, actuals to date, forecast, deviation (chart and table), CSV import. */
export function BudgetPage() {
  const { t } = useSteeringI18n();
  const search = useSearch({ strict: false }) as BudgetSearch;
  const navigate = useNavigate();
  const { data: session } = useSession();
  const canWrite = hasPermission(session, 'steering:write');
  const overview = useQuery(budgetOverviewQuery(search.year));
  const year = overview.data?.year ?? search.year ?? new Date().getFullYear();

  return (
    <Page title={t('budget.title')}>
      <SteeringNav />
      <Paragraph>{t('budget.intro')}</Paragraph>
      <YearForm key={year} year={year} onShow={(next) => void navigate({ to: '/styring/budsjett', search: { year: next } as never })} />
      {overview.isPending ? (
        <Loading label={t('budget.loading')} />
      ) : overview.isError ? (
        <ErrorAlert error={overview.error} onRetry={() => void overview.refetch()} />
      ) : (
        <>
          <DeviationChart areas={overview.data.areas} year={overview.data.year} />
          <div className="kp-st-toolbar">
            <Link href={budgetExportHref(overview.data.year, 'csv')} download>
              {t('budget.exportCsv')}
            </Link>
            <Link href={budgetExportHref(overview.data.year, 'xlsx')} download>
              {t('budget.exportXlsx')}
            </Link>
          </div>
          <BudgetTable areas={overview.data.areas} year={overview.data.year} asOfMonth={overview.data.asOfMonth} />
        </>
      )}
      {canWrite && <ImportActuals />}
    </Page>
  );
}

function YearForm({ year, onShow }: { year: number; onShow: (year: number) => void }) {
  const { t } = useSteeringI18n();
  const [value, setValue] = useState(String(year));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const next = Number(value);
    if (Number.isInteger(next) && next >= 2000 && next <= 2100) onShow(next);
  };
  return (
    <form className="kp-st-filters" onSubmit={submit}>
      <Textfield label={t('budget.year')} type="number" min={2000} max={2100} value={value} onChange={(e) => setValue(e.target.value)} />
      <Button type="submit" variant="secondary">
        {t('budget.showYear')}
      </Button>
    </form>
  );
}

function BudgetTable({ areas, year, asOfMonth }: { areas: AreaBudgetStatus[]; year: number; asOfMonth: number }) {
  const { t, month, pick } = useSteeringI18n();
  const { money, pct } = useMoney();
  const monthName = month(`${year}-${String(asOfMonth).padStart(2, '0')}`);
  return (
    <div className="kp-table-scroll">
      <Table data-size="sm" zebra>
        <caption>{t('budget.tableCaption', { year, month: monthName })}</caption>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell>{t('budget.colArea')}</Table.HeaderCell>
            <Table.HeaderCell>{t('budget.colCommittee')}</Table.HeaderCell>
            <Table.HeaderCell className="kp-st-num">{t('budget.colBudget')}</Table.HeaderCell>
            <Table.HeaderCell className="kp-st-num">{t('budget.colActual')}</Table.HeaderCell>
            <Table.HeaderCell className="kp-st-num">{t('budget.colForecast')}</Table.HeaderCell>
            <Table.HeaderCell className="kp-st-num">{t('budget.colDeviation')}</Table.HeaderCell>
            <Table.HeaderCell className="kp-st-num">{t('budget.colDeviationPct')}</Table.HeaderCell>
            <Table.HeaderCell>{t('budget.colDeviationText')}</Table.HeaderCell>
            <Table.HeaderCell className="kp-st-num">{t('budget.colAdjustments')}</Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {areas.map((a) => (
            <Table.Row key={a.areaId}>
              <Table.Cell>
                <Link asChild>
                  <RouterLink to="/styring/budsjett/$code" params={{ code: a.code }} search={{ year } as never}>
                    {`${a.code} ${a.name}`}
                  </RouterLink>
                </Link>
              </Table.Cell>
              <Table.Cell>{a.committee ?? '–'}</Table.Cell>
              <Table.Cell className="kp-st-num">{money(a.budget)}</Table.Cell>
              <Table.Cell className="kp-st-num">{money(a.actualToDate)}</Table.Cell>
              <Table.Cell className="kp-st-num">{money(a.forecast)}</Table.Cell>
              <Table.Cell className="kp-st-num">{a.deviation === null ? '–' : money(a.deviation)}</Table.Cell>
              <Table.Cell className="kp-st-num">{pct(a.deviationPercent)}</Table.Cell>
              <Table.Cell>
                {pick(a.deviationText)}
                {a.deviationStated && ` ${t('budget.stated')}`}
              </Table.Cell>
              <Table.Cell className="kp-st-num">{a.adjustmentCount ? money(a.adjustmentsProposed) : '–'}</Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </div>
  );
}

function ImportActuals() {
  const { t, language } = useSteeringI18n();
  const ids = useId();
  const fileRef = useRef<HTMLInputElement>(null);
  const importer = useImportActuals();
  const [result, setResult] = useState<ImportActualsResult | null>(null);
  const [noFile, setNoFile] = useState(false);
  const problems: ImportProblem[] =
    importer.error instanceof ApiError && Array.isArray(importer.error.details) ? (importer.error.details as ImportProblem[]) : [];

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setResult(null);
    const file = fileRef.current?.files?.[0];
    setNoFile(!file);
    if (!file) return;
    const csv = await file.text();
    void importer.mutateAsync({ fileName: file.name, csv }).then(setResult, () => undefined);
  };

  return (
    <section aria-labelledby={`${ids}-heading`} className="kp-st-panel">
      <SectionHeading id={`${ids}-heading`}>{t('budget.import')}</SectionHeading>
      <Paragraph id={`${ids}-help`}>{t('budget.importHelp')}</Paragraph>
      <form onSubmit={(e) => void submit(e)} className="kp-st-form">
        <div className="kp-st-field">
          <Label htmlFor={`${ids}-file`}>{t('budget.importFile')}</Label>
          <input id={`${ids}-file`} ref={fileRef} type="file" accept=".csv,text/csv" aria-describedby={`${ids}-help`} />
        </div>
        <div className="kp-st-actions">
          <Button type="submit" loading={importer.isPending}>
            {t('budget.importSubmit')}
          </Button>
        </div>
      </form>
      <div role="status" aria-live="polite">
        {noFile && <Paragraph>{t('budget.importNoFile')}</Paragraph>}
        {result && (
          <Alert data-color="success">
            <Paragraph>
              {t('budget.importDone', { written: result.rowsWritten, unchanged: result.unchanged, areas: result.areas })}
            </Paragraph>
          </Alert>
        )}
      </div>
      {importer.isError && (
        <Alert data-color="danger" role="alert" className="kp-st-problems">
          <Paragraph>{problems.length ? t('budget.importFailed') : errorMessage(importer.error, language)}</Paragraph>
          {problems.length > 0 && (
            <>
              <Heading level={3} data-size="xs">
                {t('budget.importProblems')}
              </Heading>
              <ul>
                {problems.map((p, i) => (
                  <li key={i}>
                    {p.row !== null &&
                      `${t('budget.importRow', { row: p.row })}${p.column ? `, ${t('budget.importColumn', { column: p.column })}` : ''}: `}
                    {p.message[language]}
                  </li>
                ))}
              </ul>
            </>
          )}
        </Alert>
      )}
    </section>
  );
}

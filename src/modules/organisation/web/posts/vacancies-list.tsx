import { Link, Paragraph } from '@digdir/designsystemet-react';
import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { DataTable } from '../../../../web/components/data-table';
import { SectionHeading } from '../../../../web/components/section-heading';
import { ErrorAlert, Loading } from '../../../../web/components/status';
import { EntityLink } from '../ui';
import { vacanciesDownloadHref, vacanciesQuery } from './posts-api';
import { usePostsI18n } from './posts-i18n';

/** The positions nobody holds on the date in an area, with vacant since, FTE and the unit path; as CSV or XLSX. */
export function VacanciesList({ date, unit }: { date: string; unit?: string }) {
  const { t, number, date: formatDate } = usePostsI18n();
  const ids = useId();
  const query = useQuery(vacanciesQuery(date, unit));
  const data = query.data;
  return (
    <section aria-labelledby={`${ids}-vacancies`} className="kp-org-section">
      <SectionHeading id={`${ids}-vacancies`}>{t('vacancies.heading')}</SectionHeading>
      <Paragraph>{t('vacancies.help')}</Paragraph>
      {query.isPending && <Loading label={t('page.loading')} />}
      {query.isError && <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />}
      {data && (
        <>
          <Paragraph>
            {t('vacancies.summary', { count: data.total, fte: number(data.totalFte) })}
            {data.withoutFte > 0 && ` ${t('vacancies.withoutFte', { count: data.withoutFte })}`}
          </Paragraph>
          <Paragraph className="kp-posts-downloads">
            <Link href={vacanciesDownloadHref('csv', date, unit)} download>
              {t('download.csv')}
            </Link>
            <Link href={vacanciesDownloadHref('xlsx', date, unit)} download>
              {t('download.xlsx')}
            </Link>
          </Paragraph>
          {data.items.length < data.total && (
            <Paragraph>{t('vacancies.shownFirst', { shown: data.items.length, total: data.total })}</Paragraph>
          )}
          <DataTable
            caption={t('vacancies.caption', { date: formatDate(data.date) })}
            headers={[
              t('vacancies.position'),
              t('vacancies.unit'),
              t('vacancies.path'),
              t('vacancies.fte'),
              t('vacancies.costCentre'),
              t('vacancies.since'),
            ]}
            numeric={[3]}
            empty={t('vacancies.none')}
            rows={data.items.map((v) => ({
              key: v.positionId,
              cells: [
                <EntityLink key="p" kind="position" id={v.positionId} date={date}>
                  {v.title}
                </EntityLink>,
                <EntityLink key="u" kind="unit" id={v.unitId} date={date}>
                  {v.unitName}
                </EntityLink>,
                v.unitPath.slice(0, -1).join(' › '),
                v.fte === null ? t('unknown') : number(v.fte),
                v.costCentre ?? '–',
                formatDate(v.vacantSince),
              ],
            }))}
          />
        </>
      )}
    </section>
  );
}

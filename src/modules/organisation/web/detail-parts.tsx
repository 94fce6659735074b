import { Paragraph, Table } from '@digdir/designsystemet-react';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Page } from '../../../web/components/page';
import { ErrorAlert, Loading } from '../../../web/components/status';
import type { LineEnd } from '../records.schemas';
import { lineTypeKey, useOrgI18n } from './i18n';
import { EntityLink, Holders } from './ui';

/** A table with a caption; says so in words when there are no rows. */
export function DataTable({
  caption,
  headers,
  rows,
  empty,
  numeric = [],
}: {
  caption: string;
  headers: string[];
  rows: ReactNode[][];
  empty: string;
  numeric?: number[];
}) {
  if (rows.length === 0) {
    return (
      <div className="kp-org-section">
        <Paragraph>
          <strong>{caption}:</strong> {empty}
        </Paragraph>
      </div>
    );
  }
  return (
    <div className="kp-table-scroll">
      <Table zebra data-size="sm">
        <caption>{caption}</caption>
        <Table.Head>
          <Table.Row>
            {headers.map((header, i) => (
              <Table.HeaderCell key={header} className={numeric.includes(i) ? 'kp-num' : undefined}>
                {header}
              </Table.HeaderCell>
            ))}
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {rows.map((row, r) => (
            <Table.Row key={r}>
              {row.map((cell, i) => (
                <Table.Cell key={i} className={numeric.includes(i) ? 'kp-num' : undefined}>
                  {cell}
                </Table.Cell>
              ))}
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </div>
  );
}

/**
 * Reporting lines seen from this side: "out" rows say whom this reports to, "in" rows who reports
 * here. `showOwn` adds the column for this side's position (on a unit page, several positions).
 */
export function LinesTable({
  lines,
  date,
  direction,
  showOwn,
}: {
  lines: LineEnd[];
  date: string;
  direction: 'out' | 'in';
  showOwn: boolean;
}) {
  const { t, period } = useOrgI18n();
  const caption = direction === 'out' ? t('lines.outCaption') : t('lines.inCaption');
  const headers = [
    t('lines.type'),
    ...(showOwn ? [direction === 'out' ? t('lines.fromPosition') : t('lines.toPosition')] : []),
    direction === 'out' ? t('lines.reportsTo') : t('lines.reportedBy'),
    t('lines.unit'),
    t('lines.holders'),
    t('common.period'),
  ];
  const rows = lines.map((line) => [
    t(lineTypeKey(line.type)),
    ...(showOwn
      ? [
          <EntityLink key="own" kind="position" id={line.position.id} date={date}>
            {line.position.title}
          </EntityLink>,
        ]
      : []),
    <EntityLink key="other" kind="position" id={line.other.positionId} date={date}>
      {line.other.title}
    </EntityLink>,
    <EntityLink key="unit" kind="unit" id={line.other.unitId} date={date}>
      {line.other.unitName}
    </EntityLink>,
    <Holders key="holders" holders={line.other.holders} date={date} />,
    period(line.validFrom, line.validTo),
  ]);
  return <DataTable caption={caption} headers={headers} rows={rows} empty={direction === 'out' ? t('lines.noneOut') : t('lines.noneIn')} />;
}

/**
 * The frame of a detail page: loading, a not-found or other error with its own title, then the
 * page. `render` gets the loaded record.
 */
export function DetailPage<T>({
  query,
  fallbackTitle,
  loadingLabel,
  title,
  header,
  children,
}: {
  query: ReturnType<typeof useQuery<T>>;
  /** Shown in every state, e.g. the as-of date (a unit that does not exist on one date may on another). */
  header?: ReactNode;
  fallbackTitle: string;
  loadingLabel: string;
  title: (data: T) => string;
  children: (data: T) => ReactNode;
}) {
  const { t } = useOrgI18n();
  if (query.isPending) {
    return (
      <Page title={fallbackTitle}>
        {header}
        <Loading label={loadingLabel} />
      </Page>
    );
  }
  if (query.isError) {
    const notFound = (query.error as { status?: number }).status === 404;
    return (
      <Page title={notFound ? t('detail.notFound') : fallbackTitle}>
        {header}
        <ErrorAlert error={query.error} onRetry={notFound ? undefined : () => void query.refetch()} />
      </Page>
    );
  }
  return (
    <Page title={title(query.data)}>
      {header}
      {children(query.data)}
    </Page>
  );
}

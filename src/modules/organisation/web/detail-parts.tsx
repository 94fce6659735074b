import { DataTable } from '../../../web/components/data-table';
import type { LineEnd } from '../records.schemas';
import { lineTypeKey, useOrgI18n } from './i18n';
import { EntityLink, Holders } from './ui';

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
  const rows = lines.map((line) => ({
    key: line.id,
    cells: [
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
    ],
  }));
  return <DataTable caption={caption} headers={headers} rows={rows} empty={direction === 'out' ? t('lines.noneOut') : t('lines.noneIn')} />;
}

import { Button, Label, Paragraph, Select, Table } from '@digdir/designsystemet-react';
import { useQuery } from '@tanstack/react-query';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useId } from 'react';
import { Page } from '../../../web/components/page';
import { ErrorAlert, Loading } from '../../../web/components/status';
import { initiativePhases, type InitiativePhase, type Roadmap } from '../initiatives.schemas';
import { PortfolioTable } from './portfolio-table';
import { usePortfolioI18n } from './i18n';
import { initiativeOptionsQuery, roadmapQuery } from './initiatives-api';
import type { RoadmapSearch } from './roadmap-search';
import { InitiativeLink, PortfolioNav } from './ui';
import './initiatives.css';
import { EmptyState } from '../../../web/components/empty-state';

// The roadmap (/portefolje/veikart): an SVG timeline by month, a bar per initiative grouped by area and
// coloured by phase (with a legend and text labels), and the same in a table.

/** Phase colours: distinct, each at least 3:1 against white. */
export const phaseColours: Record<InitiativePhase, string> = {
  idea: '#5c5c5c',
  concept: '#0062ba',
  planning: '#6b3fa0',
  execution: '#1b7a3a',
  closing: '#9a5200',
  realisation: '#b3261e',
};

type Row = Roadmap['rows'][number];

const monthIndex = (month: string) => Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;
const monthOf = (index: number) => `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;

/** Where each group header and bar row goes, top to bottom. */
function layOut(groups: { name: string; rows: Row[] }[], top: number, groupHeader: number, rowHeight: number) {
  let y = top;
  const layout = groups.map((group) => {
    const headerY = y;
    y += groupHeader;
    const rows = group.rows.map((row) => {
      const rowY = y;
      y += rowHeight;
      return { row, y: rowY };
    });
    return { group, headerY, rows };
  });
  return { layout, height: y + 8 };
}

export function RoadmapPage() {
  const { t } = usePortfolioI18n();
  const ids = useId();
  const search = useSearch({ strict: false }) as RoadmapSearch;
  const navigate = useNavigate();
  const area = search.area ?? '';
  const setArea = (value: string) =>
    void navigate({ to: '/portefolje/veikart', search: (value ? { area: value } : {}) as never, replace: true, resetScroll: false });
  const options = useQuery(initiativeOptionsQuery);
  const query = useQuery(roadmapQuery(area ? { area } : {}));
  return (
    <Page title={t('initiatives.roadmap.title')}>
      <PortfolioNav />
      <Paragraph>{t('initiatives.roadmap.intro')}</Paragraph>
      <div className="kp-pf-noprint">
        <Button variant="secondary" data-size="sm" onClick={() => window.print()}>
          {t('initiatives.roadmap.print')}
        </Button>
      </div>
      {options.data && (
        <div className="kp-pf-filter kp-pf-noprint kp-pf-short-select">
          <Label htmlFor={`${ids}-area`}>{t('initiatives.overview.area')}</Label>
          <Select id={`${ids}-area`} value={area} onChange={(e) => setArea(e.target.value)} data-size="sm">
            <option value="">{t('initiatives.all')}</option>
            {options.data.areas.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </Select>
        </div>
      )}
      {query.isPending && <Loading />}
      {query.error && <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />}
      {query.data && <RoadmapView data={query.data} />}
    </Page>
  );
}

function RoadmapView({ data }: { data: Roadmap }) {
  const { t, month, collator } = usePortfolioI18n();
  const ids = useId();
  if (data.rows.length === 0)
    return (
      <>
        <EmptyState>{t('initiatives.roadmap.empty')}</EmptyState>
        {data.undated > 0 && <Paragraph>{t('initiatives.roadmap.undated', { count: data.undated })}</Paragraph>}
      </>
    );

  // Groups by area, areas in Norwegian order, «no area» last.
  const groups = new Map<string, { name: string; rows: Row[] }>();
  for (const row of data.rows) {
    const key = row.area?.id ?? '';
    const group = groups.get(key) ?? { name: row.area?.name ?? t('initiatives.roadmap.noArea'), rows: [] };
    group.rows.push(row);
    groups.set(key, group);
  }
  const ordered = [...groups.entries()]
    .sort(([a, ga], [b, gb]) => (a === '' ? 1 : b === '' ? -1 : collator.compare(ga.name, gb.name)))
    .map(([, g]) => g);

  const first = Math.min(...data.rows.map((r) => monthIndex(r.plannedStart)));
  const last = Math.max(...data.rows.map((r) => monthIndex(r.plannedEnd)));
  const months = last - first + 1;
  const labelWidth = 300;
  const monthWidth = Math.max(14, Math.min(48, 760 / months));
  const rowHeight = 24;
  const groupHeader = 26;
  const top = 34;
  const width = labelWidth + months * monthWidth + 10;
  const { layout, height } = layOut(ordered, top, groupHeader, rowHeight);
  const x = (index: number) => labelWidth + (index - first) * monthWidth;
  const years: number[] = [];
  for (let m = first; m <= last; m++) if (m % 12 === 0 || m === first) years.push(m);
  const truncate = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

  return (
    <>
      <figure className="kp-pf-roadmap">
        <figcaption className="kp-pf-h2">{t('initiatives.roadmap.chartTitle')}</figcaption>
        <ul className="kp-pf-legend" aria-label={t('initiatives.roadmap.legend')}>
          {initiativePhases.map((p) => (
            <li key={p}>
              <span className="kp-pf-legend__swatch" style={{ background: phaseColours[p] }} aria-hidden="true" />
              {t(`initiatives.phase.${p}`)}
            </li>
          ))}
        </ul>
        <div className="kp-pf-roadmap__scroll">
          <svg
            role="img"
            aria-labelledby={`${ids}-title ${ids}-desc`}
            viewBox={`0 0 ${width} ${height}`}
            width={width}
            height={height}
            className="kp-pf-roadmap__svg"
          >
            <title id={`${ids}-title`}>{t('initiatives.roadmap.chartTitle')}</title>
            <desc id={`${ids}-desc`}>
              {t('initiatives.roadmap.chartDesc', { count: data.rows.length, from: month(monthOf(first)), to: month(monthOf(last)) })}
            </desc>
            {years.map((m) => (
              <g key={m}>
                <line x1={x(m)} x2={x(m)} y1={top - 18} y2={height} stroke="#c8c8c8" />
                <text x={x(m) + 3} y={top - 6} fontSize="12" fill="#1e1e1e">
                  {m === first ? month(monthOf(m)) : String(Math.floor(m / 12))}
                </text>
              </g>
            ))}
            {layout.map(({ group, headerY, rows }) => (
              <g key={group.name}>
                <text x={4} y={headerY + 18} fontSize="13" fontWeight="bold" fill="#1e1e1e">
                  {truncate(group.name, 44)}
                </text>
                {rows.map(({ row, y: rowY }) => (
                  <g key={row.id}>
                    <text x={12} y={rowY + 16} fontSize="12" fill="#1e1e1e">
                      {truncate(`INI-${row.number} ${row.title}`, 42)}
                    </text>
                    <rect
                      x={x(monthIndex(row.plannedStart))}
                      y={rowY + 4}
                      width={(monthIndex(row.plannedEnd) - monthIndex(row.plannedStart) + 1) * monthWidth - 2}
                      height={rowHeight - 8}
                      rx={3}
                      fill={phaseColours[row.phase]}
                    >
                      <title>{`INI-${row.number} ${row.title}: ${t(`initiatives.phase.${row.phase}`)}, ${month(row.plannedStart)} – ${month(row.plannedEnd)}`}</title>
                    </rect>
                  </g>
                ))}
              </g>
            ))}
          </svg>
        </div>
      </figure>
      {data.undated > 0 && <Paragraph data-size="sm">{t('initiatives.roadmap.undated', { count: data.undated })}</Paragraph>}
      <PortfolioTable
        caption={t('initiatives.roadmap.tableCaption')}
        headers={[
          t('initiatives.overview.col.area'),
          t('initiatives.overview.col.number'),
          t('initiatives.overview.col.title'),
          t('initiatives.overview.col.phase'),
          t('initiatives.roadmap.col.start'),
          t('initiatives.roadmap.col.end'),
        ]}
        zebra
      >
        {ordered.flatMap((group) =>
          group.rows.map((row) => (
            <Table.Row key={row.id}>
              <Table.Cell>{group.name}</Table.Cell>
              <Table.Cell>
                <InitiativeLink number={row.number}>{t('initiatives.number', { number: row.number })}</InitiativeLink>
              </Table.Cell>
              <Table.Cell>{row.title}</Table.Cell>
              <Table.Cell>{t(`initiatives.phase.${row.phase}`)}</Table.Cell>
              <Table.Cell>{month(row.plannedStart)}</Table.Cell>
              <Table.Cell>{month(row.plannedEnd)}</Table.Cell>
            </Table.Row>
          )),
        )}
      </PortfolioTable>
    </>
  );
}

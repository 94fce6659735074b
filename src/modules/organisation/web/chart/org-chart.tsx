import { Button, Label, Paragraph, Select, Spinner, Switch, Textfield } from '@digdir/designsystemet-react';
import { useNavigate } from '@tanstack/react-router';
import {
  memo,
  useCallback,
  useEffect,
  useId,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type KeyboardEvent,
  type PointerEvent,
} from 'react';
import type { TreeUnit } from '../../organisation.schemas';
import type { ChartLine } from '../api';
import { lineTypeKey, todayInNorway, useOrgI18n, type OrgI18n } from '../i18n';
import {
  ancestorsOf,
  childrenOf,
  expandedToLevels,
  findUnits,
  subtreeSize,
  visibleNodes,
  type UnitTree,
  type VisibleNode,
} from './tree-model';
import type { PaperSize } from './pdf-writer';
import { routeCrossLines } from './cross-lines';
import { canvasMeasure, fitLine, fitText, type Measure } from './text-fit';
import { nodeSize, type LayoutResult } from './tidy-layout';
import { useChartLayout } from './use-chart-layout';

type Transform = { x: number; y: number; k: number };

const minZoom = 0.15;
const maxZoom = 2;
const panStep = 80;
const viewportPadding = 24;
const { width: W, height: H } = nodeSize;

export type OrgChartProps = {
  tree: UnitTree;
  date: string;
  /** Show only this unit and what is under it. */
  rootId?: string;
  onRootChange: (id: string | undefined) => void;
  /** How many levels start expanded. */
  levels: number;
  onLevelsChange: (levels: number) => void;
  /** Reporting lines between units; null when the server cannot give them. */
  lines: ChartLine[] | null;
  /** Path of a unit's page (with the as-of date). */
  unitHref: (id: string) => string;
};

/** The org chart: units and their leaders as an SVG tree with pan, zoom, search, focus and export. */
export function OrgChart({ tree, date, rootId, onRootChange, levels, onLevelsChange, lines, unitHref }: OrgChartProps) {
  const i18n = useOrgI18n();
  const { t } = i18n;
  const navigate = useNavigate();
  const ids = useId();

  const focusUnit = rootId ? tree.byId.get(rootId) : undefined;
  const roots = useMemo(() => (focusUnit ? [focusUnit] : tree.roots), [focusUnit, tree]);
  const [expanded, setExpanded] = useState<Set<string>>(() => expandedToLevels(tree, roots, levels));
  const [selectedId, setSelectedId] = useState<string | null>(rootId ?? null);
  const [query, setQuery] = useState('');
  const [submittedQuery, setSubmittedQuery] = useState('');

  // A new tree (another date) or another root: start from the chosen number of levels again.
  const shownFor = useRef({ tree, roots, levels });
  useEffect(() => {
    if (shownFor.current.tree === tree && shownFor.current.roots === roots && shownFor.current.levels === levels) return;
    shownFor.current = { tree, roots, levels };
    setExpanded(expandedToLevels(tree, roots, levels));
  }, [tree, roots, levels]);

  const items = useMemo(() => visibleNodes(tree, roots, expanded), [tree, roots, expanded]);
  const parents = useMemo(() => Int32Array.from(items, (item) => item.parent), [items]);
  const { placed, computing } = useChartLayout(items, parents);
  const totalShownTree = useMemo(() => (focusUnit ? subtreeSize(tree, focusUnit.id) : tree.byId.size), [focusUnit, tree]);

  const found = useMemo(() => (submittedQuery ? findUnits(tree, submittedQuery, 12) : { units: [], typos: false }), [tree, submittedQuery]);
  const matches = found.units;
  // People mode: the leader's name, a vacancy and the count of other positions in each box.
  const [people, setPeople] = useState(false);
  // Text is fitted by its measured width in the chart's own fonts.
  const [measures, setMeasures] = useState(chartMeasures);
  // Measured again once the web font has loaded (until then the fallback font's widths).
  useEffect(() => {
    let current = true;
    void document.fonts?.ready.then(() => current && setMeasures(chartMeasures()));
    return () => {
      current = false;
    };
  }, []);
  const matchIds = useMemo(() => new Set(matches.map((unit) => unit.id)), [matches]);

  // ---- Pan and zoom ------------------------------------------------------------------------

  const viewportRef = useRef<HTMLDivElement>(null);
  const svgRef = useRef<SVGSVGElement>(null);
  const contentRef = useRef<SVGGElement>(null);
  const [transform, setTransform] = useState<Transform>({ x: viewportPadding, y: viewportPadding, k: 1 });
  // For event handlers and effects that need the current value without re-subscribing.
  const transformRef = useRef(transform);
  useLayoutEffect(() => {
    transformRef.current = transform;
  }, [transform]);

  // The viewport's size, kept up to date by a ResizeObserver: reading clientWidth while a large
  // chart is being drawn would force the browser to lay it out there and then.
  const viewportSizeRef = useRef({ width: 800, height: 600 });
  useLayoutEffect(() => {
    const element = viewportRef.current;
    if (!element) return;
    viewportSizeRef.current = { width: element.clientWidth, height: element.clientHeight };
    const observer = new ResizeObserver(([entry]) => {
      if (entry) viewportSizeRef.current = { width: entry.contentRect.width, height: entry.contentRect.height };
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  const viewportSize = () => viewportSizeRef.current;

  const zoomAround = useCallback((factor: number, centre?: { x: number; y: number }) => {
    setTransform((current) => {
      const k = clamp(current.k * factor, minZoom, maxZoom);
      const { width, height } = viewportSize();
      const point = centre ?? { x: width / 2, y: height / 2 };
      return { k, x: point.x - ((point.x - current.x) * k) / current.k, y: point.y - ((point.y - current.y) * k) / current.k };
    });
  }, []);

  /**
   * 'all': the whole chart in view. 'start': readable (at least 60 %), the whole width if that
   * fits, otherwise the top unit centred.
   */
  const fitToView = useCallback((layout: LayoutResult | undefined, mode: 'all' | 'start', rootX?: number) => {
    if (!layout) return;
    const { width, height } = viewportSize();
    const byWidth = (width - viewportPadding * 2) / Math.max(layout.width, 1);
    const byHeight = (height - viewportPadding * 2) / Math.max(layout.height, 1);
    const k = clamp(mode === 'all' ? Math.min(byWidth, byHeight, 1) : clamp(byWidth, 0.6, 1), minZoom, maxZoom);
    const x =
      layout.width * k <= width - viewportPadding * 2
        ? (width - layout.width * k) / 2
        : rootX !== undefined && mode === 'start'
          ? width / 2 - (rootX + W / 2) * k
          : viewportPadding;
    setTransform({ k, x, y: viewportPadding });
  }, []);

  // The wheel zooms around the pointer. A non-passive listener: the page must not scroll as well.
  useEffect(() => {
    const element = viewportRef.current;
    if (!element) return;
    const onWheel = (event: WheelEvent) => {
      event.preventDefault();
      const rect = element.getBoundingClientRect();
      zoomAround(Math.exp(-event.deltaY * 0.0015), { x: event.clientX - rect.left, y: event.clientY - rect.top });
    };
    element.addEventListener('wheel', onWheel, { passive: false });
    return () => element.removeEventListener('wheel', onWheel);
  }, [zoomAround]);

  const drag = useRef<{ pointerId: number; startX: number; startY: number; origin: Transform; moved: boolean } | null>(null);
  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    if (event.button !== 0 || (event.target as Element).closest('a, [role="button"]')) return;
    drag.current = { pointerId: event.pointerId, startX: event.clientX, startY: event.clientY, origin: transformRef.current, moved: false };
    event.currentTarget.setPointerCapture(event.pointerId);
  };
  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    const current = drag.current;
    if (!current || current.pointerId !== event.pointerId) return;
    const dx = event.clientX - current.startX;
    const dy = event.clientY - current.startY;
    if (Math.abs(dx) + Math.abs(dy) > 3) current.moved = true;
    setTransform({ ...current.origin, x: current.origin.x + dx, y: current.origin.y + dy });
  };
  const onPointerUp = (event: PointerEvent<HTMLDivElement>) => {
    if (drag.current?.pointerId === event.pointerId) drag.current = null;
  };

  const onViewportKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const pan = (dx: number, dy: number) => setTransform((current) => ({ ...current, x: current.x + dx, y: current.y + dy }));
    switch (event.key) {
      case 'ArrowLeft':
        pan(panStep, 0);
        break;
      case 'ArrowRight':
        pan(-panStep, 0);
        break;
      case 'ArrowUp':
        pan(0, panStep);
        break;
      case 'ArrowDown':
        pan(0, -panStep);
        break;
      case '+':
      case '=':
        zoomAround(1.25);
        break;
      case '-':
        zoomAround(0.8);
        break;
      case '0':
        fitToView(placed?.layout, 'all');
        break;
      default:
        return;
    }
    event.preventDefault();
  };

  // ---- Keeping the user's place when the layout changes ------------------------------------

  // The unit whose toggle was used (or that was searched for) stays where it was on screen, or is
  // brought into view and focused.
  const anchor = useRef<{ id: string; screenX: number; screenY: number } | null>(null);
  const pendingFocus = useRef<string | null>(null);
  const firstLayoutFor = useRef<UnitTree | TreeUnit | null>(null);

  useLayoutEffect(() => {
    if (!placed) return;
    const { items: shown, layout } = placed;
    const indexOf = (id: string) => shown.findIndex((item) => item.unit.id === id);
    const fitKey = focusUnit ?? tree;
    if (firstLayoutFor.current !== fitKey) {
      firstLayoutFor.current = fitKey;
      anchor.current = null;
      fitToView(layout, 'start', layout.x[0]);
    } else if (anchor.current) {
      const index = indexOf(anchor.current.id);
      if (index >= 0) {
        const { screenX, screenY } = anchor.current;
        setTransform((current) => ({ ...current, x: screenX - layout.x[index]! * current.k, y: screenY - layout.y[index]! * current.k }));
      }
      anchor.current = null;
    }
    if (pendingFocus.current) {
      const index = indexOf(pendingFocus.current);
      if (index >= 0) {
        const id = pendingFocus.current;
        pendingFocus.current = null;
        const { width, height } = viewportSize();
        setTransform((current) => {
          const k = Math.max(current.k, 0.6);
          return { k, x: width / 2 - (layout.x[index]! + W / 2) * k, y: height / 3 - (layout.y[index]! + H / 2) * k };
        });
        requestAnimationFrame(() => svgRef.current?.querySelector<SVGAElement>(`a[data-unit-id="${id}"]`)?.focus({ preventScroll: true }));
      }
    }
  }, [placed, focusUnit, tree, fitToView]);

  const rememberPlace = (id: string) => {
    if (!placed) return;
    const index = placed.items.findIndex((item) => item.unit.id === id);
    if (index < 0) return;
    const { x, y, k } = transformRef.current;
    anchor.current = { id, screenX: x + placed.layout.x[index]! * k, screenY: y + placed.layout.y[index]! * k };
  };

  const toggle = (node: VisibleNode) => {
    rememberPlace(node.unit.id);
    setExpanded((current) => {
      const next = new Set(current);
      if (next.has(node.unit.id)) next.delete(node.unit.id);
      else next.add(node.unit.id);
      return next;
    });
  };

  /** Brings a unit into view: its ancestors expanded, selected, centred and focused. */
  const reveal = (unit: TreeUnit) => {
    if (focusUnit && unit.id !== focusUnit.id && !ancestorsOf(tree, unit.id).includes(focusUnit.id)) onRootChange(undefined);
    setExpanded((current) => new Set([...current, ...ancestorsOf(tree, unit.id)]));
    setSelectedId(unit.id);
    pendingFocus.current = unit.id;
  };

  /** A focused node that is out of view is panned into view. */
  const onNodeFocus = (index: number, id: string) => {
    setSelectedId(id);
    if (!placed) return;
    const { x, y, k } = transformRef.current;
    const { width, height } = viewportSize();
    const left = x + placed.layout.x[index]! * k;
    const top = y + placed.layout.y[index]! * k;
    const inView = left >= 0 && top >= 0 && left + W * k <= width && top + H * k <= height;
    if (!inView)
      setTransform({ k, x: width / 2 - (placed.layout.x[index]! + W / 2) * k, y: height / 2 - (placed.layout.y[index]! + H / 2) * k });
  };

  // The nodes get handlers that never change (so a node re-renders only when its own data does)
  // and call the newest versions of these functions.
  const latest = useRef({
    toggle,
    onNodeFocus,
    open: (id: string) => void navigate({ to: '/organisasjon/enheter/$id', params: { id }, search: { dato: date } }),
    openPerson: (id: string) => void navigate({ to: '/organisasjon/personer/$id', params: { id }, search: { dato: date } }),
  });
  useLayoutEffect(() => {
    latest.current = {
      toggle,
      onNodeFocus,
      open: (id: string) => void navigate({ to: '/organisasjon/enheter/$id', params: { id }, search: { dato: date } }),
      openPerson: (id: string) => void navigate({ to: '/organisasjon/personer/$id', params: { id }, search: { dato: date } }),
    };
  });
  const [handlers] = useState<NodeHandlers>(() => ({
    toggle: (node) => latest.current.toggle(node),
    focus: (index, id) => latest.current.onNodeFocus(index, id),
    open: (id) => latest.current.open(id),
    openPerson: (id) => latest.current.openPerson(id),
  }));

  const selected = selectedId ? tree.byId.get(selectedId) : undefined;
  const exportTitle = focusUnit
    ? t('chart.exportTitleFocus', { name: focusUnit.name, date: i18n.date(date) })
    : t('chart.exportTitle', { date: i18n.date(date) });
  const fileName = `organisasjonskart-${focusUnit ? `${focusUnit.key}-` : ''}${date}`;
  const [exporting, setExporting] = useState<'svg' | 'pdf' | 'png' | null>(null);
  const [exportError, setExportError] = useState(false);
  const [exportProgress, setExportProgress] = useState<string | null>(null);
  const [paper, setPaper] = useState<PaperSize>('a3');

  const linesShown = useMemo(() => (placed && lines ? chartLines(placed.items, placed.layout, lines, tree) : []), [placed, lines, tree]);

  /** The title, the date and the scope: on every page and picture. */
  const exportHeading = () => {
    const shownLevels = Math.min(levels, Math.max(tree.depthCount, 1));
    const lineTypes = [
      t('chart.legendHierarchy'),
      ...(['personnel', 'professional', 'coordination'] as const)
        .filter((type) => linesShown.some((line) => line.type === type))
        .map((type) => t(lineTypeKey(type))),
    ];
    return {
      title: exportTitle,
      lines: [
        `${t('chart.madeOn', { date: i18n.date(todayInNorway()) })} · ${t('chart.scope', {
          unit: focusUnit ? focusUnit.name : t('chart.scopeWhole'),
          levels: t('chart.levelsN', { count: shownLevels }),
          shown: placed?.items.length ?? 0,
          total: totalShownTree,
        })}`,
        t('chart.scopeLines', { lines: lineTypes.join(', ') }),
      ],
      pageLabel: (page: number, pages: number, tile?: { row: number; column: number }) =>
        tile ? t('chart.pageTile', { page, pages, row: tile.row, column: tile.column }) : t('chart.pageOf', { page, pages }),
      mapNote: (pages: number) => t('chart.pageMap', { count: pages }),
    };
  };

  const runExport = async (kind: 'svg' | 'pdf' | 'png') => {
    const svg = svgRef.current;
    const content = contentRef.current;
    if (!svg || !content || !placed) return;
    setExporting(kind);
    setExportError(false);
    setExportProgress(kind === 'png' ? t('chart.exportProgressPng') : null);
    try {
      const bounds = { width: placed.layout.width, height: placed.layout.height };
      const heading = exportHeading();
      const { downloadSvg, downloadPdf, downloadPng } = await import('./chart-export');
      if (kind === 'svg') downloadSvg(svg, content, bounds, heading, `${fileName}.svg`);
      else if (kind === 'png') await downloadPng(svg, content, bounds, heading, `${fileName}.png`);
      else
        await downloadPdf(svg, content, bounds, heading, `${fileName}-${paper}.pdf`, paper, (page, pages) =>
          setExportProgress(t('chart.exportProgress', { page, pages })),
        );
      setExportProgress(t('chart.exportDone'));
    } catch {
      setExportProgress(null);
      setExportError(true);
    } finally {
      setExporting(null);
    }
  };
  const helpId = `${ids}-help`;
  const statusId = `${ids}-status`;

  return (
    <div className="kp-orgchart">
      <div className="kp-orgchart__toolbar">
        <form
          role="search"
          className="kp-orgchart__search"
          onSubmit={(event) => {
            event.preventDefault();
            setSubmittedQuery(query.trim());
          }}
        >
          <Textfield
            label={t('chart.searchLabel')}
            data-size="sm"
            type="search"
            value={query}
            onChange={(event) => setQuery(event.target.value)}
            autoComplete="off"
          />
          <Button type="submit" variant="secondary" data-size="sm">
            {t('chart.searchButton')}
          </Button>
        </form>
        <div className="kp-orgchart__levels">
          <Label htmlFor={`${ids}-levels`} data-size="sm">
            {t('chart.levels')}
          </Label>
          <Select
            id={`${ids}-levels`}
            data-size="sm"
            width="auto"
            value={String(Math.min(levels, Math.max(tree.depthCount, 1)))}
            onChange={(event) => onLevelsChange(Number(event.target.value))}
          >
            {Array.from({ length: Math.max(tree.depthCount, 1) }, (_, i) => i + 1).map((n) => (
              <option key={n} value={n}>
                {n === tree.depthCount ? t('chart.levelsAll', { count: n }) : t('chart.levelsN', { count: n })}
              </option>
            ))}
          </Select>
        </div>
      </div>

      {submittedQuery && (
        <div className="kp-orgchart__results">
          <Paragraph data-size="sm" role="status">
            {matches.length === 0
              ? t('chart.noMatches', { query: submittedQuery })
              : found.typos
                ? t('chart.matchesTolerant', { query: submittedQuery })
                : t('chart.matches', { count: matches.length, query: submittedQuery })}
          </Paragraph>
          {matches.length > 0 && (
            <ul aria-label={t('chart.matchesLabel')} className="kp-orgchart__result-list">
              {matches.map((unit) => (
                <li key={unit.id}>
                  <Button variant="tertiary" data-size="sm" onClick={() => reveal(unit)} aria-pressed={selectedId === unit.id}>
                    {unit.name}
                    <span className="kp-muted"> · {t('common.levelN', { level: unit.level })}</span>
                  </Button>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}

      <div className="kp-orgchart__toolbar">
        <div className="kp-orgchart__group" role="group" aria-label={t('chart.zoomGroup')}>
          <Button variant="secondary" data-size="sm" onClick={() => zoomAround(1.25)} aria-label={t('chart.zoomIn')}>
            +
          </Button>
          <Button variant="secondary" data-size="sm" onClick={() => zoomAround(0.8)} aria-label={t('chart.zoomOut')}>
            −
          </Button>
          <Button variant="secondary" data-size="sm" onClick={() => fitToView(placed?.layout, 'all')}>
            {t('chart.fit')}
          </Button>
          <span className="kp-orgchart__zoom" aria-hidden="true">
            {Math.round(transform.k * 100)} %
          </span>
        </div>
        <div className="kp-orgchart__group" role="group" aria-label={t('chart.focusGroup')}>
          {focusUnit ? (
            <Button variant="secondary" data-size="sm" onClick={() => onRootChange(undefined)}>
              {t('chart.showAll')}
            </Button>
          ) : (
            <Button
              variant="secondary"
              data-size="sm"
              disabled={!selected || childrenOf(tree, selected.id).length === 0}
              // The visible text stays the same whichever unit is selected (a longer text could
              // wrap and move the chart under the pointer); the name is in the accessible name.
              aria-label={selected ? t('chart.focusOn', { name: selected.name }) : undefined}
              onClick={() => selected && onRootChange(selected.id)}
            >
              {t('chart.focusOnSelected')}
            </Button>
          )}
        </div>
        <div className="kp-orgchart__people">
          <Switch
            data-size="sm"
            label={t('chart.people')}
            description={t('chart.peopleHelp')}
            checked={people}
            onChange={(event) => setPeople(event.target.checked)}
          />
        </div>
      </div>
      <div className="kp-orgchart__toolbar">
        <div className="kp-orgchart__group" role="group" aria-label={t('chart.exportGroup')}>
          <Button
            variant="secondary"
            data-size="sm"
            onClick={() => void runExport('svg')}
            loading={exporting === 'svg'}
            disabled={!placed || exporting !== null}
          >
            {t('chart.exportSvg')}
          </Button>
          <Button
            variant="secondary"
            data-size="sm"
            onClick={() => void runExport('png')}
            loading={exporting === 'png'}
            disabled={!placed || exporting !== null}
          >
            {t('chart.exportPng')}
          </Button>
          <div className="kp-orgchart__levels">
            <Label htmlFor={`${ids}-paper`} data-size="sm">
              {t('chart.paperSize')}
            </Label>
            <Select
              id={`${ids}-paper`}
              data-size="sm"
              width="auto"
              value={paper}
              onChange={(event) => setPaper(event.target.value === 'a4' ? 'a4' : 'a3')}
            >
              <option value="a3">{t('chart.paperA3')}</option>
              <option value="a4">{t('chart.paperA4')}</option>
            </Select>
          </div>
          <Button
            variant="secondary"
            data-size="sm"
            onClick={() => void runExport('pdf')}
            loading={exporting === 'pdf'}
            disabled={!placed || exporting !== null}
          >
            {t('chart.exportPdf')}
          </Button>
        </div>
      </div>
      <Paragraph data-size="sm" role="status" className="kp-orgchart__export-status">
        {exportProgress}
      </Paragraph>
      {exportError && (
        <Paragraph role="alert" className="kp-orgchart__error">
          {t('chart.exportFailed')}
        </Paragraph>
      )}

      <div id={statusId} role="status" className="kp-orgchart__status">
        {/* Always mounted: Designsystemet's Spinner looks through every animation in the document
            when it mounts, which is slow once a large chart is on the page. */}
        <Spinner aria-hidden data-size="xs" className="kp-orgchart__spinner" data-hidden={!(computing || !placed) || undefined} />
        {computing || !placed ? (
          <span>{t('chart.computing')}</span>
        ) : (
          <span>
            {focusUnit
              ? t('chart.shownFocus', { shown: placed.items.length, total: totalShownTree, name: focusUnit.name })
              : t('chart.shown', { shown: placed.items.length, total: totalShownTree })}
          </span>
        )}
      </div>
      <p id={helpId} className="ds-sr-only">
        {t('chart.help')}
      </p>

      <div
        ref={viewportRef}
        className="kp-orgchart__viewport"
        tabIndex={0}
        role="group"
        aria-label={t('chart.label')}
        aria-describedby={helpId}
        aria-busy={computing}
        onKeyDown={onViewportKeyDown}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
        onPointerCancel={onPointerUp}
      >
        <svg ref={svgRef} className="kp-orgchart__svg" width="100%" height="100%" aria-label={exportTitle}>
          <title>{exportTitle}</title>
          <g ref={contentRef} transform={`translate(${transform.x} ${transform.y}) scale(${transform.k})`}>
            {placed && (
              <ChartContent
                items={placed.items}
                layout={placed.layout}
                lines={linesShown}
                selectedId={selectedId}
                matchIds={matchIds}
                i18n={i18n}
                unitHref={unitHref}
                handlers={handlers}
                people={people}
                measures={measures}
                date={date}
              />
            )}
          </g>
        </svg>
      </div>
      <Legend linesAvailable={lines !== null} />
    </div>
  );
}

type NodeHandlers = {
  toggle: (node: VisibleNode) => void;
  focus: (index: number, id: string) => void;
  open: (id: string) => void;
  openPerson: (id: string) => void;
};

type Measures = { name: Measure; small: Measure; person: Measure };

/** Measures in the fonts the chart's CSS draws names (600 14px), titles (12px) and people (600 13px) in. */
function chartMeasures(): Measures {
  const family = typeof document === 'undefined' ? 'sans-serif' : getComputedStyle(document.body).fontFamily || 'sans-serif';
  return {
    name: canvasMeasure(`600 14px ${family}`, 14),
    small: canvasMeasure(`12px ${family}`, 12),
    person: canvasMeasure(`600 13px ${family}`, 13),
  };
}

type ChartContentProps = {
  items: VisibleNode[];
  layout: LayoutResult;
  lines: DrawnLine[];
  selectedId: string | null;
  matchIds: ReadonlySet<string>;
  i18n: OrgI18n;
  unitHref: (id: string) => string;
  handlers: NodeHandlers;
  people: boolean;
  measures: Measures;
  date: string;
};

const ChartContent = memo(function ChartContent({
  items,
  layout,
  lines,
  selectedId,
  matchIds,
  i18n,
  unitHref,
  handlers,
  people,
  measures,
  date,
}: ChartContentProps) {
  return (
    <>
      <g className="kp-orgchart__edges" aria-hidden="true">
        {layout.edges.map((d, index) => (d ? <path key={items[index]!.unit.id} d={d} className="kp-orgchart__edge" /> : null))}
      </g>
      <g className="kp-orgchart__nodes">
        {items.map((node, index) => (
          <ChartNode
            key={node.unit.id}
            node={node}
            index={index}
            x={layout.x[index]!}
            y={layout.y[index]!}
            selected={selectedId === node.unit.id}
            match={matchIds.has(node.unit.id)}
            i18n={i18n}
            href={unitHref(node.unit.id)}
            handlers={handlers}
            people={people}
            measures={measures}
            date={date}
          />
        ))}
      </g>
      {/* Routed through the gaps between boxes (cross-lines.ts); on a halo where they cross an edge. */}
      <g className="kp-orgchart__lines" aria-hidden="true">
        {lines.map((line) => (
          <g key={line.id}>
            <path d={line.d} className="kp-orgchart__line-halo" />
            <path d={line.d} className={`kp-orgchart__line kp-orgchart__line--${line.type}`} />
          </g>
        ))}
      </g>
    </>
  );
});

type ChartNodeProps = {
  node: VisibleNode;
  index: number;
  x: number;
  y: number;
  selected: boolean;
  match: boolean;
  i18n: OrgI18n;
  href: string;
  handlers: NodeHandlers;
  people: boolean;
  measures: Measures;
  date: string;
};

/** Room for text in a box: 12 px on each side. */
const textWidth = W - 24;
const nameTop = 20;
const nameLineHeight = 17;

/**
 * One unit: a link to its page (name, leader, holder) and, if it has sub-units, a toggle. In
 * people mode the leader's holder is a link of its own to their person card, a vacant leader
 * position says so, and the count of the unit's other positions is shown.
 */
const ChartNode = memo(function ChartNode({
  node,
  index,
  x,
  y,
  selected,
  match,
  i18n,
  href,
  handlers,
  people,
  measures,
  date,
}: ChartNodeProps) {
  const { t } = i18n;
  const { unit } = node;
  const name = fitText(unit.name, textWidth, 3, measures.name);
  const leaderTitle = unit.leader ? fitLine(unit.leader.title, textWidth, measures.small) : { lines: [t('chart.noLeader')], cut: false };
  const holderName = unit.leader ? (unit.leader.personName ?? t('common.vacant')) : '';
  const holder = fitLine(holderName, textWidth, people ? measures.person : measures.small);
  const others = Math.max(0, unit.positions - (unit.leader ? 1 : 0));
  const label = [
    unit.name,
    t('common.levelN', { level: unit.level }),
    unit.leader
      ? t('chart.leaderLabel', { title: unit.leader.title, holder: unit.leader.personName ?? t('common.vacant') })
      : t('chart.noLeader'),
    ...(people ? [t('chart.others', { count: others })] : []),
  ].join(', ');
  const below = nameTop + (name.lines.length - 1) * nameLineHeight;
  const personId = unit.leader?.personId ?? null;
  const personY = below + 19;
  // No wrapping group per node: on a large chart every element counts (style, layout, paint).
  return (
    <>
      <a
        href={href}
        aria-label={label}
        // React types <a> as the HTML element; this is SVG's, which takes a transform.
        {...({ transform: `translate(${x} ${y})` } as object)}
        className="kp-orgchart__link"
        data-chart-node=""
        data-unit-id={unit.id}
        data-depth={Math.min(node.level, 3)}
        data-selected={selected || undefined}
        data-match={match || undefined}
        onFocus={() => handlers.focus(index, unit.id)}
        onClick={(event) => {
          if (event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
          event.preventDefault();
          handlers.open(unit.id);
        }}
      >
        {/* A tooltip only where the box cuts text short (a title per node costs on large charts). */}
        {(name.cut || leaderTitle.cut || holder.cut) && <title>{label}</title>}
        <rect width={W} height={H} rx={6} className="kp-orgchart__box" />
        {name.lines.map((line, i) => (
          <text key={i} x={12} y={nameTop + i * nameLineHeight} className="kp-orgchart__name">
            {line}
          </text>
        ))}
        {people ? (
          <>
            {/* The holder is its own link (below); a vacancy or no leader is said here. */}
            {!personId && unit.leader && (
              <text x={12} y={personY} className="kp-orgchart__person kp-orgchart__person--vacant">
                {holder.lines[0]}
              </text>
            )}
            <text x={12} y={personY + 15} className="kp-orgchart__leader">
              {leaderTitle.lines[0]}
            </text>
            <text x={12} y={personY + 30} className="kp-orgchart__holder">
              {t('chart.others', { count: others })}
            </text>
          </>
        ) : (
          <>
            <text x={12} y={below + 19} className="kp-orgchart__leader">
              {leaderTitle.lines[0]}
            </text>
            <text x={12} y={below + 34} className="kp-orgchart__holder">
              {holder.lines[0]}
            </text>
          </>
        )}
      </a>
      {people && personId && (
        <a
          href={`/organisasjon/personer/${encodeURIComponent(personId)}?dato=${date}`}
          aria-label={t('chart.openPerson', { name: holderName })}
          {...({ transform: `translate(${x} ${y})` } as object)}
          className="kp-orgchart__person-link"
          data-person-id={personId}
          onFocus={() => handlers.focus(index, unit.id)}
          onClick={(event) => {
            if (event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
            event.preventDefault();
            handlers.openPerson(personId);
          }}
        >
          {holder.cut && <title>{holderName}</title>}
          {/* Shows the focus (and takes the click) around the name. */}
          <rect x={8} y={personY - 14} width={W - 16} height={19} rx={3} className="kp-orgchart__person-focus" />
          <text x={12} y={personY} className="kp-orgchart__person">
            {holder.lines[0]}
          </text>
        </a>
      )}
      {node.childCount > 0 && (
        <g
          role="button"
          tabIndex={0}
          aria-expanded={node.expanded}
          aria-label={
            node.expanded ? t('chart.collapse', { name: unit.name }) : t('chart.expand', { name: unit.name, count: node.childCount })
          }
          transform={`translate(${x + W / 2} ${y + H})`}
          className="kp-orgchart__toggle"
          data-export="omit"
          onClick={() => handlers.toggle(node)}
          onFocus={() => handlers.focus(index, unit.id)}
          onKeyDown={(event) => {
            if (event.key === 'Enter' || event.key === ' ') {
              event.preventDefault();
              event.stopPropagation();
              handlers.toggle(node);
            }
          }}
        >
          <circle r={13} />
          <text y={5} textAnchor="middle" aria-hidden="true">
            {node.expanded ? '−' : `+${node.childCount > 99 ? '' : node.childCount}`}
          </text>
        </g>
      )}
    </>
  );
});

function Legend({ linesAvailable }: { linesAvailable: boolean }) {
  const { t } = useOrgI18n();
  const entries: { className: string; label: string }[] = [
    { className: 'kp-orgchart__edge', label: t('chart.legendHierarchy') },
    ...(linesAvailable
      ? [
          { className: 'kp-orgchart__line kp-orgchart__line--personnel', label: t('chart.legendPersonnel') },
          { className: 'kp-orgchart__line kp-orgchart__line--professional', label: t('chart.legendProfessional') },
          { className: 'kp-orgchart__line kp-orgchart__line--coordination', label: t('chart.legendCoordination') },
        ]
      : []),
  ];
  return (
    <div className="kp-orgchart__legend">
      <h2 className="kp-orgchart__legend-title">{t('chart.legend')}</h2>
      <ul>
        {entries.map((entry) => (
          <li key={entry.label}>
            <svg width="48" height="12" aria-hidden="true">
              <path d="M2,6H46" className={entry.className} />
            </svg>
            {entry.label}
          </li>
        ))}
        <li>
          <svg width="24" height="16" aria-hidden="true">
            <rect x="1" y="1" width="22" height="14" rx="3" className="kp-orgchart__legend-match" />
          </svg>
          {t('chart.legendMatch')}
        </li>
      </ul>
      {!linesAvailable && <p className="kp-muted">{t('chart.linesUnavailable')}</p>}
    </div>
  );
}

type DrawnLine = { id: string; type: ChartLine['type']; d: string };

/**
 * The reporting lines to draw between units shown: professional and coordination lines, and
 * personnel lines that do not simply follow the unit hierarchy (those are the hierarchy's edges),
 * each routed through the gaps between the boxes.
 */
function chartLines(items: VisibleNode[], layout: LayoutResult, lines: ChartLine[], tree: UnitTree): DrawnLine[] {
  const index = new Map(items.map((item, i) => [item.unit.id, i]));
  const kept: { id: string; type: ChartLine['type']; pair: [number, number] }[] = [];
  const seen = new Set<string>();
  for (const line of lines) {
    if (line.fromUnitId === line.toUnitId) continue;
    if (line.type === 'personnel' && tree.byId.get(line.fromUnitId)?.parentId === line.toUnitId) continue;
    const from = index.get(line.fromUnitId);
    const to = index.get(line.toUnitId);
    if (from === undefined || to === undefined) continue;
    const key = `${line.type}:${line.fromUnitId}:${line.toUnitId}`;
    if (seen.has(key)) continue;
    seen.add(key);
    kept.push({ id: line.id, type: line.type, pair: [from, to] });
  }
  if (kept.length === 0) return [];
  const boxes = Array.from(layout.x, (x, i) => ({ x, y: layout.y[i]! }));
  const routes = routeCrossLines(
    boxes,
    kept.map((line) => line.pair),
    layout,
    items.map((item) => item.childCount > 0),
  );
  return kept.map((line, i) => ({ id: line.id, type: line.type, d: routes[i]!.d }));
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

// The org chart's layout, each candidate on the same trees (docs/decisions/0015-org-chart-layout.md):
//   - d3-hierarchy's tidy tree with stacked leaves (src/modules/organisation/web/chart/tidy-layout.ts, in use),
//     with the cross lines routed through the gaps between boxes (chart/cross-lines.ts)
//   - elkjs `layered` on the hierarchy only, and on the hierarchy plus the professional and
//     coordination lines (the only way elkjs routes those around boxes: it lays them out too)
// on a synthetic organisation of 500 units (eight under each, as test/browser/measure-chart.ts)
// and on the built-in Nye Drammen tree. Reports the median of a few runs after one cold run, the
// chart's size, and how many boxes the cross lines pass over ("readable lines").
//
// `npx tsx scripts/bench-org-chart.ts` prints the rows; `npm run bench -- --only org-chart` runs the same.
// Not a test: timings depend on the machine; it reports against the target (500 units ≤ 1 s).
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { routeCrossLines } from '../src/modules/organisation/web/chart/cross-lines.js';
import { layoutTree, nodeSize } from '../src/modules/organisation/web/chart/tidy-layout.js';
import type { BenchRow } from './bench-organisation.js';

const root = path.resolve(import.meta.dirname, '..');
const runs = 5;
const targetMs = 1_000;
const { width: W, height: H } = nodeSize;

/** A tree as the chart hands it to the layout: parent index per node, in pre-order. */
type Tree = { name: string; parents: Int32Array; lines: [number, number][] };

/** 500 units, eight under each, breadth first; one cross line from every 10th unit. */
function syntheticTree(count: number): Tree {
  const breadthFirst = Array.from({ length: count }, (_, i) => (i === 0 ? -1 : Math.floor((i - 1) / 8)));
  const parents = preOrder(breadthFirst);
  const lines: [number, number][] = [];
  for (let i = 10; i < count; i += 10) lines.push([i, (i * 37) % count]);
  return { name: `synthetic, ${count} units`, parents, lines: lines.filter(([a, b]) => a !== b) };
}

/** The built-in organisation with its professional and coordination lines. */
function nyeDrammenTree(): Tree {
  type Dataset = {
    units: { key: string; parentKey: string | null }[];
    positions: { key: string; unitKey: string }[];
    lines: { type: string; fromPositionKey: string; toPositionKey: string }[];
  };
  const file = path.join(root, 'src/modules/organisation/dataset/nye-drammen-2020.json');
  const dataset = JSON.parse(fs.readFileSync(file, 'utf8')) as Dataset;
  const index = new Map(dataset.units.map((unit, i) => [unit.key, i]));
  const breadthFirst = dataset.units.map((unit) => (unit.parentKey ? (index.get(unit.parentKey) ?? -1) : -1));
  const { parents, position } = preOrderWithPositions(breadthFirst);
  const unitOf = new Map(dataset.positions.map((p) => [p.key, index.get(p.unitKey)]));
  const lines: [number, number][] = [];
  for (const line of dataset.lines) {
    if (line.type === 'personnel') continue;
    const from = unitOf.get(line.fromPositionKey);
    const to = unitOf.get(line.toPositionKey);
    if (from !== undefined && to !== undefined && from !== to) lines.push([position[from]!, position[to]!]);
  }
  return { name: `Nye Drammen, ${dataset.units.length} units`, parents, lines };
}

function preOrder(parents: number[]): Int32Array {
  return preOrderWithPositions(parents).parents;
}

/** Reorders a parent list (parents anywhere) into pre-order; `position` maps old index → new. */
function preOrderWithPositions(parents: number[]): { parents: Int32Array; position: Int32Array } {
  const n = parents.length;
  const children: number[][] = Array.from({ length: n }, () => []);
  const roots: number[] = [];
  parents.forEach((p, i) => (p >= 0 ? children[p]!.push(i) : roots.push(i)));
  const order: number[] = [];
  const stack = [...roots].reverse();
  while (stack.length > 0) {
    const i = stack.pop()!;
    order.push(i);
    for (let k = children[i]!.length - 1; k >= 0; k--) stack.push(children[i]![k]!);
  }
  const position = new Int32Array(n);
  order.forEach((old, i) => (position[old] = i));
  return { parents: Int32Array.from(order, (old) => (parents[old]! >= 0 ? position[parents[old]!]! : -1)), position };
}

type Box = { x: number; y: number };
type Outcome = { ms: number; cold: number; width: number; height: number; crossed: number | null };

type Placed = { boxes: Box[]; width: number; height: number; lines: Box[][] | null };

async function measure(run: () => Promise<Placed>): Promise<Outcome> {
  let start = performance.now();
  let result = await run();
  const cold = performance.now() - start;
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    start = performance.now();
    result = await run();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return {
    ms: times[Math.floor(runs / 2)]!,
    cold,
    width: result.width,
    height: result.height,
    crossed: result.lines && boxesCrossed(result.boxes, result.lines),
  };
}

/** How many boxes the cross lines pass over, their own ends not counted (sampled every 8 px). */
function boxesCrossed(boxes: Box[], lines: Box[][]): number {
  let crossed = 0;
  for (const points of lines) {
    const hit = new Set<number>();
    for (let s = 1; s < points.length; s++) {
      const a = points[s - 1]!;
      const b = points[s]!;
      const steps = Math.max(1, Math.ceil(Math.hypot(b.x - a.x, b.y - a.y) / 8));
      for (let t = 0; t <= steps; t++) {
        const px = a.x + ((b.x - a.x) * t) / steps;
        const py = a.y + ((b.y - a.y) * t) / steps;
        boxes.forEach((box, i) => {
          if (px > box.x + 2 && px < box.x + W - 2 && py > box.y + 2 && py < box.y + H - 2) hit.add(i);
        });
      }
    }
    // The line's own two boxes.
    crossed += Math.max(0, hit.size - 2);
  }
  return crossed;
}

async function d3Layout(tree: Tree): Promise<Placed> {
  const layout = layoutTree({ requestId: 0, parents: tree.parents });
  const boxes = Array.from(layout.x, (x, i) => ({ x, y: layout.y[i]! }));
  // The cross lines routed through the gaps (chart/cross-lines.ts), as the chart does after each layout.
  const toggles = Array.from(tree.parents, (_, i) => tree.parents.includes(i));
  const lines = routeCrossLines(boxes, tree.lines, layout, toggles).map((line) => line.points);
  return { boxes, width: layout.width, height: layout.height, lines };
}

// elkjs was measured and not taken (the decision above): loaded only if it is still installed.
type ElkEdge = { id: string; sources: string[]; targets: string[]; sections?: { startPoint: Box; endPoint: Box; bendPoints?: Box[] }[] };
type ElkGraph = {
  id: string;
  layoutOptions?: Record<string, string>;
  x?: number;
  y?: number;
  width?: number;
  height?: number;
  children?: ElkGraph[];
  edges?: ElkEdge[];
};
type Elk = { layout(graph: ElkGraph): Promise<ElkGraph> };

async function loadElk(): Promise<Elk | null> {
  const specifier = 'elkjs/lib/elk.bundled.js';
  try {
    const elkjs = (await import(specifier)) as { default: new () => Elk };
    return new elkjs.default();
  } catch {
    return null;
  }
}

async function elkLayout(elk: Elk, tree: Tree, withLines: boolean): Promise<Placed> {
  const n = tree.parents.length;
  const edges: ElkEdge[] = [];
  tree.parents.forEach((p, i) => p >= 0 && edges.push({ id: `h${i}`, sources: [`n${p}`], targets: [`n${i}`] }));
  if (withLines) tree.lines.forEach(([from, to], i) => edges.push({ id: `l${i}`, sources: [`n${from}`], targets: [`n${to}`] }));
  const graph: ElkGraph = {
    id: 'root',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'DOWN',
      'elk.edgeRouting': 'ORTHOGONAL',
      'elk.spacing.nodeNode': '24',
      'elk.layered.spacing.nodeNodeBetweenLayers': '48',
    },
    children: Array.from({ length: n }, (_, i) => ({ id: `n${i}`, width: W, height: H })),
    edges,
  };
  const result = await elk.layout(graph);
  const boxes = (result.children ?? []).map((child) => ({ x: child.x ?? 0, y: child.y ?? 0 }));
  // Without the cross lines in the graph elkjs routes none of them: nothing to count.
  const lines = withLines
    ? (result.edges ?? [])
        .filter((edge) => edge.id.startsWith('l'))
        .map((edge) => (edge.sections ?? []).flatMap((s) => [s.startPoint, ...(s.bendPoints ?? []), s.endPoint]))
    : null;
  return { boxes, width: result.width ?? 0, height: result.height ?? 0, lines };
}

export async function benchOrgChart(options: { log?: (line: string) => void } = {}): Promise<BenchRow[]> {
  const log = options.log ?? (() => {});
  const rows: BenchRow[] = [];
  const elk = await loadElk();
  for (const tree of [syntheticTree(500), nyeDrammenTree()]) {
    const candidates: [string, (() => Promise<Placed>) | null][] = [
      ['d3-hierarchy tidy tree', () => d3Layout(tree)],
      ['elkjs layered, hierarchy', elk && (() => elkLayout(elk, tree, false))],
      ['elkjs layered, hierarchy + cross lines', elk && (() => elkLayout(elk, tree, true))],
    ];
    for (const [candidate, run] of candidates) {
      if (!run) {
        rows.push({ name: `org chart layout, ${tree.name}: ${candidate}`, value: null, unit: '', note: 'skipped: elkjs is not installed' });
        continue;
      }
      log(`  ${tree.name}: ${candidate}…`);
      const outcome = await measure(run);
      rows.push({
        name: `org chart layout, ${tree.name}: ${candidate}`,
        value: Math.round(outcome.ms * 10) / 10,
        unit: 'ms',
        target: { max: targetMs },
        note:
          `median of ${runs}, first run ${Math.round(outcome.cold)} ms; ${Math.round(outcome.width)} × ${Math.round(outcome.height)} px; ` +
          (outcome.crossed === null ? 'cross lines not routed' : `${tree.lines.length} cross lines pass over ${outcome.crossed} boxes`),
      });
    }
  }
  return rows;
}

async function main(): Promise<void> {
  const rows = await benchOrgChart({ log: (line) => process.stdout.write(`${line}\n`) });
  for (const row of rows) {
    const verdict = row.value === null ? 'skipped' : row.value <= targetMs ? 'ok' : 'OVER';
    process.stdout.write(`${row.name.padEnd(78)} ${`${row.value} ${row.unit}`.padStart(12)} ${verdict}  ${row.note ?? ''}\n`);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().catch((error) => {
    process.stderr.write(`${(error as Error).stack ?? error}\n`);
    process.exit(1);
  });
}

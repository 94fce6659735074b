// The org chart's layout: d3-hierarchy's tidy tree (Reingold–Tilford) places the units; this file
// adds what a paper org chart does and d3 does not: a parent whose children are all leaves gets
// them stacked in columns below it, so a leader of 35 units does not make the chart 8 000 px
// wide, and boxes of different widths (a stack is wider than a box). Runs in a Web Worker.
// Measured against elkjs in docs/decisions/0015-org-chart-layout.md (`npm run bench -- --only org-chart`).
import { hierarchy, tree } from 'd3-hierarchy';

export const nodeSize = { width: 232, height: 120 } as const;

const hGap = 24;
const vGap = 48;
const indent = 24;
const stackTop = 20;
const stackGap = 24;
const maxPerColumn = 10;
const levelHeight = nodeSize.height + vGap;

export type LayoutRequest = {
  /** Which request this answers (the newest wins). */
  requestId: number;
  /** Parent index of each node, in pre-order (a parent comes before its children); -1 for a root. */
  parents: Int32Array;
};

export type LayoutResult = {
  requestId: number;
  /** Top-left corner of each node. */
  x: Float64Array;
  y: Float64Array;
  /** SVG path from each node's parent to the node ('' for a root). */
  edges: string[];
  width: number;
  height: number;
};

/**
 * What d3 places: a unit (index ≥ 0), the stand-ins for a stack of leaves (one per level the stack
 * covers, so neighbours at those levels keep clear of it), or the top that holds the roots.
 */
type Slot = {
  index: number;
  /** Reach left and right of the slot's centre, in px. */
  left: number;
  right: number;
  children: Slot[];
  /** Pre-order position: of two slots on one level, the lower is further left. */
  order: number;
};

export function layoutTree({ requestId, parents }: LayoutRequest): LayoutResult {
  const n = parents.length;
  const { width: W, height: H } = nodeSize;
  const children: number[][] = Array.from({ length: n }, () => []);
  const roots: number[] = [];
  for (let i = 0; i < n; i++) {
    const p = parents[i]!;
    if (p >= 0 && p < i) children[p]!.push(i);
    else roots.push(i);
  }

  // A stack: the columns and rows its leaves take.
  const isStacked = (i: number) => children[i]!.length > 0 && children[i]!.every((k) => children[k]!.length === 0);
  const stackShape = (i: number) => {
    const count = children[i]!.length;
    const rows = Math.min(count, maxPerColumn);
    const cols = Math.ceil(count / rows);
    return { rows, cols, width: indent + cols * W + (cols - 1) * hGap, height: H + stackTop + rows * H + (rows - 1) * stackGap };
  };

  const slots: Slot[] = new Array<Slot>(n);
  for (let i = n - 1; i >= 0; i--) {
    const slot: Slot = { index: i, left: W / 2, right: W / 2, children: [], order: 0 };
    if (isStacked(i)) {
      // The stack hangs from the unit's left edge; stand-ins as wide as it fill the levels it covers.
      const { width, height } = stackShape(i);
      const reach = { left: W / 2, right: Math.max(W / 2, width - W / 2) };
      let parent = slot;
      for (let level = 1; level * levelHeight < height; level++) {
        const standIn: Slot = { index: -1, ...reach, children: [], order: 0 };
        parent.children.push(standIn);
        parent = standIn;
      }
    } else {
      slot.children = children[i]!.map((k) => slots[k]!);
    }
    slots[i] = slot;
  }
  const top: Slot = { index: -2, left: 0, right: 0, children: roots.map((r) => slots[r]!), order: 0 };
  const root = hierarchy(top, (slot) => slot.children);
  let order = 0;
  root.eachBefore((node) => void (node.data.order = order++));

  // Centre to centre: the left one's reach, the right one's, and a gap (twice that between
  // families). d3 passes the two in either order, so sort them first.
  const placed = tree<Slot>()
    .nodeSize([1, levelHeight])
    .separation((a, b) => {
      const [l, r] = a.data.order < b.data.order ? [a, b] : [b, a];
      return l.data.right + r.data.left + (l.parent === r.parent && l.parent?.data !== top ? hGap : hGap * 2);
    })(root);

  const x = new Float64Array(n);
  const y = new Float64Array(n);
  let minX = Infinity;
  let maxX = -Infinity;
  let maxY = 0;
  placed.each((node) => {
    const { index, left, right } = node.data;
    const nodeX = node.x;
    if (index === -2) return;
    minX = Math.min(minX, nodeX - left);
    maxX = Math.max(maxX, nodeX + right);
    if (index < 0) return;
    x[index] = nodeX - W / 2;
    y[index] = (node.depth - 1) * levelHeight;
  });
  if (n === 0) minX = maxX = 0;
  for (let i = 0; i < n; i++) x[i]! -= minX;

  // Stacked leaves and every edge, in pre-order (a parent is placed before its children).
  const edges: string[] = new Array<string>(n).fill('');
  for (let i = 0; i < n; i++) {
    const kids = children[i]!;
    if (kids.length === 0) continue;
    if (isStacked(i)) {
      const { rows, height } = stackShape(i);
      maxY = Math.max(maxY, y[i]! + height);
      const railTop = y[i]! + H;
      const firstRail = x[i]! + indent / 2;
      kids.forEach((k, position) => {
        const col = Math.floor(position / rows);
        const row = position % rows;
        x[k] = x[i]! + indent + col * (W + hGap);
        y[k] = y[i]! + H + stackTop + row * (H + stackGap);
        const midY = y[k]! + H / 2;
        edges[k] =
          col === 0
            ? `M${firstRail},${railTop}V${midY}H${x[k]}`
            : `M${firstRail},${railTop}V${railTop + stackTop / 2}H${x[k]! - hGap / 2}V${midY}H${x[k]}`;
      });
    } else {
      const fromX = x[i]! + W / 2;
      const midY = y[i]! + H + vGap / 2;
      for (const k of kids) edges[k] = `M${fromX},${y[i]! + H}V${midY}H${x[k]! + W / 2}V${y[k]}`;
    }
  }
  for (let i = 0; i < n; i++) maxY = Math.max(maxY, y[i]! + H);

  return { requestId, x, y, edges, width: maxX - minX, height: n === 0 ? 0 : maxY };
}

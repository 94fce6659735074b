// A tidy-tree layout for the org chart, written for this chart (no dependency): each subtree gets a
// box, siblings sit side by side under their parent, and a parent whose children are all leaves
// gets them stacked in columns below it (as on a paper org chart), so a leader of 35 units does
// not make the chart 8 000 px wide. Linear in the number of nodes; runs in a Web Worker.

export const nodeSize = { width: 232, height: 88 } as const;

const hGap = 24;
const vGap = 48;
const indent = 24;
const stackTop = 20;
const stackGap = 24;
const maxPerColumn = 10;

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

  const boxWidth = new Float64Array(n);
  const boxHeight = new Float64Array(n);
  const stacked = new Uint8Array(n);
  const columns = new Int32Array(n);

  // Sizes bottom-up: children have higher indices than their parent.
  for (let i = n - 1; i >= 0; i--) {
    const kids = children[i]!;
    if (kids.length === 0) {
      boxWidth[i] = W;
      boxHeight[i] = H;
    } else if (kids.every((k) => children[k]!.length === 0)) {
      const rows = Math.min(kids.length, maxPerColumn);
      const cols = Math.ceil(kids.length / rows);
      stacked[i] = 1;
      columns[i] = cols;
      boxWidth[i] = Math.max(W, indent + cols * W + (cols - 1) * hGap);
      boxHeight[i] = H + stackTop + rows * H + (rows - 1) * stackGap;
    } else {
      let sum = 0;
      let tallest = 0;
      for (const k of kids) {
        sum += boxWidth[k]!;
        tallest = Math.max(tallest, boxHeight[k]!);
      }
      sum += hGap * (kids.length - 1);
      boxWidth[i] = Math.max(W, sum);
      boxHeight[i] = H + vGap + tallest;
    }
  }

  const x = new Float64Array(n);
  const y = new Float64Array(n);
  const left = new Float64Array(n);
  const top = new Float64Array(n);
  const edges: string[] = new Array<string>(n).fill('');

  let cursor = 0;
  let height = 0;
  for (const r of roots) {
    left[r] = cursor;
    top[r] = 0;
    cursor += boxWidth[r]! + hGap * 2;
    height = Math.max(height, boxHeight[r]!);
  }
  const width = Math.max(0, cursor - hGap * 2);

  // Positions top-down, in pre-order.
  for (let i = 0; i < n; i++) {
    const kids = children[i]!;
    if (stacked[i]) {
      x[i] = left[i]!;
      y[i] = top[i]!;
      const rows = Math.min(kids.length, maxPerColumn);
      const railTop = y[i]! + H;
      const firstRail = x[i]! + indent / 2;
      kids.forEach((k, index) => {
        const col = Math.floor(index / rows);
        const row = index % rows;
        left[k] = left[i]! + indent + col * (W + hGap);
        top[k] = top[i]! + H + stackTop + row * (H + stackGap);
        const rail = col === 0 ? firstRail : left[k]! - hGap / 2;
        const midY = top[k]! + H / 2;
        edges[k] =
          col === 0
            ? `M${firstRail},${railTop}V${midY}H${left[k]}`
            : `M${firstRail},${railTop}V${railTop + stackTop / 2}H${rail}V${midY}H${left[k]}`;
      });
    } else {
      x[i] = left[i]! + boxWidth[i]! / 2 - W / 2;
      y[i] = top[i]!;
      if (kids.length === 0) continue;
      let sum = hGap * (kids.length - 1);
      for (const k of kids) sum += boxWidth[k]!;
      let cx = left[i]! + (boxWidth[i]! - sum) / 2;
      const childTop = top[i]! + H + vGap;
      const fromX = x[i]! + W / 2;
      const midY = y[i]! + H + vGap / 2;
      for (const k of kids) {
        left[k] = cx;
        top[k] = childTop;
        cx += boxWidth[k]! + hGap;
      }
      // A child's own x is known once it is visited; its box centre is where it will sit unless
      // it is stacked (then it sits at the box's left edge).
      for (const k of kids) {
        const childX = stacked[k] ? left[k]! + W / 2 : left[k]! + boxWidth[k]! / 2;
        edges[k] = `M${fromX},${y[i]! + H}V${midY}H${childX}V${childTop}`;
      }
    }
  }

  return { requestId, x, y, edges, width, height };
}

// The path of a professional, coordination or extra personnel line between two units' boxes,
// routed through the gaps between boxes so it never runs over or under one: an orthogonal route
// on a sparse grid of channels (the middle of the gap beside each box, the channel above each box
// and the one between its bottom and the level below, clear of the expand button), found by
// Dijkstra with a cost for each bend. It leaves each box off-centre, away from the hierarchy's
// edges. If no route exists (it always does around the chart), the old curve drawn above is used.
import { nodeSize } from './tidy-layout.js';

const { width: W, height: H } = nodeSize;
/** Lines keep this far from any box. */
const clearance = 4;
const bendCost = 60;
/** How far outside the two boxes the search first looks (most routes stay close). */
const windowMargin = { x: W * 2, y: (H + 48) * 1.5 };

export type Point = { x: number; y: number };
type Box = { x: number; y: number };

export type RoutedLine = { d: string; points: Point[] };

/** The four ways out of a box: the point on its side and the first point in a channel. */
function ports(box: Box): { side: Point; out: Point }[] {
  return [
    { side: { x: box.x + W * 0.75, y: box.y + H }, out: { x: box.x + W * 0.75, y: box.y + H + 24 } },
    { side: { x: box.x + W * 0.75, y: box.y }, out: { x: box.x + W * 0.75, y: box.y - 12 } },
    { side: { x: box.x, y: box.y + H * 0.75 }, out: { x: box.x - 12, y: box.y + H * 0.75 } },
    { side: { x: box.x + W, y: box.y + H * 0.75 }, out: { x: box.x + W + 12, y: box.y + H * 0.75 } },
  ];
}

/** The expand button's circle under a box's bottom middle (radius 13), with room to spare. */
const toggleReach = 16;

type Rect = { left: number; top: number; right: number; bottom: number };

/**
 * Routes lines between boxes (top-left corners, all `nodeSize`) inside a chart of `bounds`.
 * `pairs` are indices into `boxes`; `toggles[i]` says box i has an expand button, which lines
 * keep clear of too.
 */
export function routeCrossLines(
  boxes: readonly Box[],
  pairs: readonly [number, number][],
  bounds: { width: number; height: number },
  toggles: readonly boolean[] = [],
): RoutedLine[] {
  const obstacles: Rect[] = boxes.map((box) => ({
    left: box.x - clearance,
    top: box.y - clearance,
    right: box.x + W + clearance,
    bottom: box.y + H + clearance,
  }));
  boxes.forEach((box, i) => {
    if (toggles[i])
      obstacles.push({
        left: box.x + W / 2 - toggleReach,
        top: box.y + H,
        right: box.x + W / 2 + toggleReach,
        bottom: box.y + H + toggleReach,
      });
  });
  return pairs.map(([from, to]) => {
    const a = boxes[from]!;
    const b = boxes[to]!;
    const near = {
      left: Math.min(a.x, b.x) - windowMargin.x,
      right: Math.max(a.x, b.x) + W + windowMargin.x,
      top: Math.min(a.y, b.y) - windowMargin.y,
      bottom: Math.max(a.y, b.y) + H + windowMargin.y,
    };
    const everywhere = { left: -Infinity, right: Infinity, top: -Infinity, bottom: Infinity };
    const points = route(boxes, obstacles, a, b, near, bounds) ?? route(boxes, obstacles, a, b, everywhere, bounds);
    return points ? { d: pathOf(points), points } : crossLineCurve(a, b);
  });
}

type Window = { left: number; right: number; top: number; bottom: number };

function route(
  boxes: readonly Box[],
  obstacles: readonly Rect[],
  a: Box,
  b: Box,
  window: Window,
  bounds: { width: number; height: number },
): Point[] | null {
  const inWindow = (left: number, top: number, right: number, bottom: number) =>
    right >= window.left && left <= window.right && bottom >= window.top && top <= window.bottom;
  const inside = boxes.filter((box) => inWindow(box.x, box.y, box.x + W, box.y + H));
  const blocking = obstacles.filter((rect) => inWindow(rect.left, rect.top, rect.right, rect.bottom));
  const starts = ports(a);
  const ends = ports(b);
  // Channels: beside, above and below each box, and around the whole chart.
  const xSet = new Set<number>([-24, bounds.width + 24]);
  const ySet = new Set<number>([-24, bounds.height + 36]);
  for (const box of inside) {
    xSet.add(box.x - 12).add(box.x + W + 12);
    ySet.add(box.y - 12).add(box.y + H + 24);
  }
  const xs = [...xSet].filter((x) => x >= window.left - 24 && x <= window.right + 24).sort((p, q) => p - q);
  const ys = [...ySet].filter((y) => y >= window.top - 36 && y <= window.bottom + 36).sort((p, q) => p - q);
  for (const port of [...starts, ...ends]) {
    if (!xs.includes(port.out.x)) insertSorted(xs, port.out.x);
    if (!ys.includes(port.out.y)) insertSorted(ys, port.out.y);
  }
  const nx = xs.length;
  const ny = ys.length;

  // Which grid steps pass through a box: a step right from (i, j), a step down from (i, j).
  const blockedRight = new Uint8Array(nx * ny);
  const blockedDown = new Uint8Array(nx * ny);
  const blockedNode = new Uint8Array(nx * ny);
  for (const { left, top, right, bottom } of blocking) {
    const i0 = lowerBound(xs, left);
    const i1 = upperBound(xs, right);
    const j0 = lowerBound(ys, top);
    const j1 = upperBound(ys, bottom);
    // Rows inside the box's height: steps right whose span meets the box.
    for (let j = j0; j < j1; j++) {
      if (ys[j]! <= top || ys[j]! >= bottom) continue;
      for (let i = Math.max(0, i0 - 1); i < Math.min(nx - 1, i1); i++) {
        if (xs[i + 1]! > left && xs[i]! < right) blockedRight[j * nx + i] = 1;
      }
      for (let i = i0; i < i1; i++) if (xs[i]! > left && xs[i]! < right) blockedNode[j * nx + i] = 1;
    }
    // Columns inside the box's width: steps down whose span meets the box.
    for (let i = i0; i < i1; i++) {
      if (xs[i]! <= left || xs[i]! >= right) continue;
      for (let j = Math.max(0, j0 - 1); j < Math.min(ny - 1, j1); j++) {
        if (ys[j + 1]! > top && ys[j]! < bottom) blockedDown[j * nx + i] = 1;
      }
    }
  }

  // Dijkstra over (node, last direction): 0 horizontal, 1 vertical.
  const size = nx * ny * 2;
  const cost = new Float64Array(size).fill(Infinity);
  const previous = new Int32Array(size).fill(-1);
  const heap = new MinHeap();
  const nodeOf = (p: Point) => ys.indexOf(p.y) * nx + xs.indexOf(p.x);
  for (const start of starts) {
    const node = nodeOf(start.out);
    if (blockedNode[node]) continue;
    // The stub out of the box counts as a move in its own direction.
    const direction = start.side.x === start.out.x ? 1 : 0;
    const state = node * 2 + direction;
    const stub = Math.hypot(start.out.x - start.side.x, start.out.y - start.side.y);
    if (stub < cost[state]!) {
      cost[state] = stub;
      heap.push(state, stub);
    }
  }
  const goals = new Map<number, { side: Point; direction: number }>();
  for (const end of ends) goals.set(nodeOf(end.out), { side: end.side, direction: end.side.x === end.out.x ? 1 : 0 });

  let best = Infinity;
  let bestState = -1;
  while (heap.size > 0) {
    const [state, c] = heap.pop();
    if (c > cost[state]! || c >= best) continue;
    const node = state >> 1;
    const direction = state & 1;
    const goal = goals.get(node);
    if (goal) {
      const total =
        c +
        Math.hypot(goal.side.x - xs[node % nx]!, goal.side.y - ys[Math.floor(node / nx)]!) +
        (goal.direction === direction ? 0 : bendCost);
      if (total < best) {
        best = total;
        bestState = state;
      }
    }
    const i = node % nx;
    const j = Math.floor(node / nx);
    const relax = (next: number, nextDirection: number, length: number) => {
      if (blockedNode[next]) return;
      const nextState = next * 2 + nextDirection;
      const nextCost = c + length + (nextDirection === direction ? 0 : bendCost);
      if (nextCost < cost[nextState]!) {
        cost[nextState] = nextCost;
        previous[nextState] = state;
        heap.push(nextState, nextCost);
      }
    };
    if (i + 1 < nx && !blockedRight[node]) relax(node + 1, 0, xs[i + 1]! - xs[i]!);
    if (i > 0 && !blockedRight[node - 1]) relax(node - 1, 0, xs[i]! - xs[i - 1]!);
    if (j + 1 < ny && !blockedDown[node]) relax(node + nx, 1, ys[j + 1]! - ys[j]!);
    if (j > 0 && !blockedDown[node - nx]) relax(node - nx, 1, ys[j]! - ys[j - 1]!);
  }
  if (bestState < 0) return null;

  const path: Point[] = [goals.get(bestState >> 1)!.side];
  for (let state = bestState; state >= 0; state = previous[state]!) {
    const node = state >> 1;
    path.push({ x: xs[node % nx]!, y: ys[Math.floor(node / nx)]! });
    if (previous[state]! < 0) {
      const start = starts.find((port) => port.out.x === xs[node % nx] && port.out.y === ys[Math.floor(node / nx)]);
      if (start) path.push(start.side);
    }
  }
  return simplify(path.reverse());
}

/** Drops points in the middle of a straight run. */
function simplify(points: Point[]): Point[] {
  const result: Point[] = [];
  for (const point of points) {
    const last = result[result.length - 1];
    if (last && last.x === point.x && last.y === point.y) continue;
    const before = result[result.length - 2];
    if (before && last && ((before.x === last.x && last.x === point.x) || (before.y === last.y && last.y === point.y))) result.pop();
    result.push(point);
  }
  return result;
}

function pathOf(points: Point[]): string {
  return points.map((point, i) => `${i === 0 ? 'M' : 'L'}${round(point.x)},${round(point.y)}`).join('');
}

const round = (value: number) => Math.round(value * 10) / 10;

function insertSorted(list: number[], value: number): void {
  list.splice(lowerBound(list, value), 0, value);
}

/** First index whose value is ≥ `value`. */
function lowerBound(list: readonly number[], value: number): number {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (list[mid]! < value) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** First index whose value is > `value`. */
function upperBound(list: readonly number[], value: number): number {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (list[mid]! <= value) low = mid + 1;
    else high = mid;
  }
  return low;
}

class MinHeap {
  private keys: number[] = [];
  private values: number[] = [];
  get size(): number {
    return this.keys.length;
  }
  push(key: number, value: number): void {
    this.keys.push(key);
    this.values.push(value);
    let i = this.keys.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (this.values[parent]! <= this.values[i]!) break;
      this.swap(i, parent);
      i = parent;
    }
  }
  pop(): [number, number] {
    const top: [number, number] = [this.keys[0]!, this.values[0]!];
    const lastKey = this.keys.pop()!;
    const lastValue = this.values.pop()!;
    if (this.keys.length > 0) {
      this.keys[0] = lastKey;
      this.values[0] = lastValue;
      let i = 0;
      for (;;) {
        const l = i * 2 + 1;
        const r = l + 1;
        let smallest = i;
        if (l < this.keys.length && this.values[l]! < this.values[smallest]!) smallest = l;
        if (r < this.keys.length && this.values[r]! < this.values[smallest]!) smallest = r;
        if (smallest === i) break;
        this.swap(i, smallest);
        i = smallest;
      }
    }
    return top;
  }
  private swap(a: number, b: number): void {
    [this.keys[a], this.keys[b]] = [this.keys[b]!, this.keys[a]!];
    [this.values[a], this.values[b]] = [this.values[b]!, this.values[a]!];
  }
}

/** The fallback: a curve between the facing sides (drawn above the boxes on a halo). */
export function crossLineCurve(from: Point, to: Point): RoutedLine {
  const dx = to.x - from.x;
  const dy = to.y - from.y;
  const vertical = Math.abs(dy) * W > Math.abs(dx) * H;
  const sx = Math.sign(dx) || 1;
  const sy = Math.sign(dy) || 1;
  const start = vertical ? { x: from.x + W * 0.75, y: from.y + (sy > 0 ? H : 0) } : { x: from.x + (sx > 0 ? W : 0), y: from.y + H / 2 };
  const end = vertical ? { x: to.x + W * 0.75, y: to.y + (sy > 0 ? 0 : H) } : { x: to.x + (sx > 0 ? 0 : W), y: to.y + H / 2 };
  const reach = Math.min(120, Math.hypot(end.x - start.x, end.y - start.y) / 3);
  const c1 = vertical ? { x: start.x, y: start.y + sy * reach } : { x: start.x + sx * reach, y: start.y };
  const c2 = vertical ? { x: end.x, y: end.y - sy * reach } : { x: end.x - sx * reach, y: end.y };
  return { d: `M${start.x},${start.y}C${c1.x},${c1.y} ${c2.x},${c2.y} ${end.x},${end.y}`, points: [start, end] };
}

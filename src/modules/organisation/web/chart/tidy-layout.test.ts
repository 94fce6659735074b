import { describe, expect, it } from 'vitest';
import { crossLineCurve, routeCrossLines, type Point } from './cross-lines';
import { layoutTree, nodeSize } from './tidy-layout';

const { width: W, height: H } = nodeSize;

/** Parent indices in pre-order for `count` units, `fanOut` under each (breadth first, then reordered). */
function tree(count: number, fanOut: number): Int32Array {
  const children: number[][] = Array.from({ length: count }, () => []);
  for (let i = 1; i < count; i++) children[Math.floor((i - 1) / fanOut)]!.push(i);
  const order: number[] = [];
  const visit = (i: number) => {
    order.push(i);
    children[i]!.forEach(visit);
  };
  visit(0);
  const position = new Map(order.map((old, i) => [old, i]));
  return Int32Array.from(order, (old) => (old === 0 ? -1 : position.get(Math.floor((old - 1) / fanOut))!));
}

function overlaps(x: Float64Array, y: Float64Array): number {
  let count = 0;
  for (let i = 0; i < x.length; i++)
    for (let j = i + 1; j < x.length; j++) if (Math.abs(x[i]! - x[j]!) < W && Math.abs(y[i]! - y[j]!) < H) count++;
  return count;
}

describe('org chart layout', () => {
  it('places 500 units without overlapping boxes, inside the reported size', () => {
    const result = layoutTree({ requestId: 7, parents: tree(500, 8) });
    expect(result.requestId).toBe(7);
    expect(overlaps(result.x, result.y)).toBe(0);
    for (let i = 0; i < 500; i++) {
      expect(result.x[i]).toBeGreaterThanOrEqual(0);
      expect(result.x[i]! + W).toBeLessThanOrEqual(result.width + 0.001);
      expect(result.y[i]! + H).toBeLessThanOrEqual(result.height + 0.001);
    }
    expect(result.edges[0]).toBe('');
    expect(result.edges.slice(1).every((d) => d.startsWith('M'))).toBe(true);
  });

  it('centres a parent over its children, one level below', () => {
    // 0 → 1, 2 (1 and 2 have children of their own, so they are not stacked).
    const result = layoutTree({ requestId: 1, parents: Int32Array.from([-1, 0, 1, 0, 3]) });
    expect(result.y[1]).toBe(result.y[3]);
    expect(result.y[1]! - result.y[0]!).toBeGreaterThan(H);
    expect(result.x[0]).toBeCloseTo((result.x[1]! + result.x[3]!) / 2);
    expect(result.edges[1]).toMatch(new RegExp(`^M[\\d.]+,${H}V`));
  });

  it('stacks the leaves of a parent in columns of at most ten, and keeps neighbours clear of the stack', () => {
    // Unit 1 has 25 leaves (stacked: three columns); unit 27 beside it has a deep subtree.
    const parents = [-1, 0, ...Array.from({ length: 25 }, () => 1), 0];
    for (let depth = 0; depth < 6; depth++) parents.push(parents.length - 1, parents.length - 1);
    const result = layoutTree({ requestId: 1, parents: Int32Array.from(parents) });
    const leaves = Array.from({ length: 25 }, (_, i) => i + 2);
    expect(new Set(leaves.map((i) => result.x[i])).size).toBe(3);
    expect(leaves.filter((i) => result.x[i] === result.x[2]).length).toBe(10);
    expect(result.x[2]!).toBeGreaterThan(result.x[1]!);
    expect(overlaps(result.x, result.y)).toBe(0);
  });

  it('lays out several roots side by side, and nothing at all', () => {
    const result = layoutTree({ requestId: 1, parents: Int32Array.from([-1, -1, 1]) });
    expect(result.y[0]).toBe(0);
    expect(result.y[1]).toBe(0);
    expect(Math.abs(result.x[1]! - result.x[0]!)).toBeGreaterThanOrEqual(W);
    expect(layoutTree({ requestId: 2, parents: new Int32Array(0) })).toMatchObject({ width: 0, height: 0, edges: [] });
  });

  it('falls back to a curve between the box sides that face each other', () => {
    expect(crossLineCurve({ x: 0, y: 0 }, { x: 0, y: 400 }).d).toMatch(new RegExp(`^M174,${H}C`));
    expect(crossLineCurve({ x: 0, y: 0 }, { x: 800, y: 0 }).d).toMatch(new RegExp(`^M232,${H / 2}C.* 800,${H / 2}$`));
  });
});

/** Whether the segment a–b passes through the inside of a box (its edge may be touched). */
function crossesBox(a: Point, b: Point, box: Point): boolean {
  const left = box.x + 0.5;
  const right = box.x + W - 0.5;
  const top = box.y + 0.5;
  const bottom = box.y + H - 0.5;
  if (a.x === b.x) return a.x > left && a.x < right && Math.max(a.y, b.y) > top && Math.min(a.y, b.y) < bottom;
  if (a.y === b.y) return a.y > top && a.y < bottom && Math.max(a.x, b.x) > left && Math.min(a.x, b.x) < right;
  throw new Error(`not orthogonal: ${JSON.stringify([a, b])}`);
}

/** Whether the segment passes through the expand button under a box (a circle of radius 13). */
function crossesToggle(a: Point, b: Point, box: Point): boolean {
  const cx = box.x + W / 2;
  const cy = box.y + H;
  // The nearest point of the segment to the circle's centre.
  const length = Math.hypot(b.x - a.x, b.y - a.y) || 1;
  const t = Math.max(0, Math.min(1, ((cx - a.x) * (b.x - a.x) + (cy - a.y) * (b.y - a.y)) / length ** 2));
  return Math.hypot(a.x + t * (b.x - a.x) - cx, a.y + t * (b.y - a.y) - cy) < 13;
}

/** A fixed sequence of pseudo-random numbers, so a failure can be replayed. */
function random(seed: number): () => number {
  let state = seed;
  return () => (state = (state * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
}

function checkRoutes(parents: Int32Array, pairCount: number, seed: number) {
  const layout = layoutTree({ requestId: 1, parents });
  const boxes = Array.from(layout.x, (x, i) => ({ x, y: layout.y[i]! }));
  const next = random(seed);
  const pairs: [number, number][] = [];
  while (pairs.length < pairCount) {
    const from = Math.floor(next() * boxes.length);
    const to = Math.floor(next() * boxes.length);
    if (from !== to) pairs.push([from, to]);
  }
  // Every unit with children has an expand button under it; lines keep clear of those too.
  const toggles = Array.from(parents, (_, i) => parents.includes(i));
  const routes = routeCrossLines(boxes, pairs, layout, toggles);
  routes.forEach((route, n) => {
    const [from, to] = pairs[n]!;
    expect(route.d, `line ${n}`).toMatch(/^M[\d.-]+,[\d.-]+(L[\d.-]+,[\d.-]+)+$/);
    // Starts on the first box's edge and ends on the second's.
    const first = route.points[0]!;
    const last = route.points.at(-1)!;
    const onEdge = (p: Point, box: Point) =>
      p.x >= box.x &&
      p.x <= box.x + W &&
      p.y >= box.y &&
      p.y <= box.y + H &&
      (p.x === box.x || p.x === box.x + W || p.y === box.y || p.y === box.y + H);
    expect(onEdge(first, boxes[from]!), `line ${n} starts on its box`).toBe(true);
    expect(onEdge(last, boxes[to]!), `line ${n} ends on its box`).toBe(true);
    // Plain checks, one expect: 500 boxes × every segment would be too many expects.
    const crossings: string[] = [];
    for (let k = 1; k < route.points.length; k++) {
      const a = route.points[k - 1]!;
      const b = route.points[k]!;
      boxes.forEach((box, i) => {
        if (crossesBox(a, b, box)) crossings.push(`line ${n} (${from} → ${to}) segment ${k} crosses box ${i}`);
        if (toggles[i] && crossesToggle(a, b, box)) crossings.push(`line ${n} segment ${k} crosses the button of box ${i}`);
      });
    }
    expect(crossings).toEqual([]);
  });
  return routes;
}

describe('cross lines', () => {
  it('never pass over or under a box: 40 lines on a 500-unit chart', () => {
    checkRoutes(tree(500, 8), 40, 15);
  });

  it('find their way around stacked leaves and into a stack', () => {
    const parents = [-1, 0, ...Array.from({ length: 25 }, () => 1), 0];
    for (let depth = 0; depth < 6; depth++) parents.push(parents.length - 1, parents.length - 1);
    const routes = checkRoutes(Int32Array.from(parents), 60, 7);
    expect(routes.every((route) => route.points.length >= 2)).toBe(true);
  });

  it('leave a box below and enter the box beside from the side that faces it', () => {
    const boxes = [
      { x: 0, y: 0 },
      { x: 600, y: 0 },
    ];
    const [route] = routeCrossLines(boxes, [[0, 1]], { width: 600 + W, height: H });
    expect(route!.points[0]).toEqual({ x: W, y: H * 0.75 });
    expect(route!.points.at(-1)).toEqual({ x: 600, y: H * 0.75 });
    expect(route!.points).toHaveLength(2);
  });
});

import { describe, expect, it } from 'vitest';
import { crossLinePath } from './cross-lines';
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
    expect(result.edges[1]).toMatch(/^M[\d.]+,88V/);
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

  it('draws cross lines from the box sides that face each other', () => {
    expect(crossLinePath({ x: 0, y: 0 }, { x: 0, y: 400 }).d).toMatch(/^M174,88C/);
    expect(crossLinePath({ x: 0, y: 0 }, { x: 800, y: 0 }).d).toMatch(/^M232,44C.* 800,44$/);
    expect(crossLinePath({ x: 800, y: 0 }, { x: 0, y: 0 }).d).toMatch(/^M800,44C.* 232,44$/);
  });
});

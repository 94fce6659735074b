// The path of a professional, coordination or extra personnel line between two units' boxes.
// It leaves and enters each box on the side facing the other (off-centre on the top and bottom, so
// it never lies on a hierarchy edge or the expand button) and the chart draws it above the boxes
// with a halo, so it is never lost behind one. Routing around boxes was measured with elkjs and not
// taken (docs/decisions/0015-org-chart-layout.md).
import { nodeSize } from './tidy-layout.js';

const { width: W, height: H } = nodeSize;
const samples = 16;

type Point = { x: number; y: number };

/** `from` and `to` are the boxes' top-left corners. `points` follow the curve (for measuring). */
export function crossLinePath(from: Point, to: Point): { d: string; points: Point[] } {
  const dx = to.x - from.x;
  const dy = to.y - from.y;
  // Mostly above or below each other (relative to the box's shape): top and bottom sides.
  const vertical = Math.abs(dy) * W > Math.abs(dx) * H;
  const sx = Math.sign(dx) || 1;
  const sy = Math.sign(dy) || 1;
  const start = vertical ? { x: from.x + W * 0.75, y: from.y + (sy > 0 ? H : 0) } : { x: from.x + (sx > 0 ? W : 0), y: from.y + H / 2 };
  const end = vertical ? { x: to.x + W * 0.75, y: to.y + (sy > 0 ? 0 : H) } : { x: to.x + (sx > 0 ? 0 : W), y: to.y + H / 2 };
  const reach = Math.min(120, Math.hypot(end.x - start.x, end.y - start.y) / 3);
  const c1 = vertical ? { x: start.x, y: start.y + sy * reach } : { x: start.x + sx * reach, y: start.y };
  const c2 = vertical ? { x: end.x, y: end.y - sy * reach } : { x: end.x - sx * reach, y: end.y };
  const points: Point[] = [];
  for (let i = 0; i <= samples; i++) {
    const t = i / samples;
    const u = 1 - t;
    points.push({
      x: u * u * u * start.x + 3 * u * u * t * c1.x + 3 * u * t * t * c2.x + t * t * t * end.x,
      y: u * u * u * start.y + 3 * u * u * t * c1.y + 3 * u * t * t * c2.y + t * t * t * end.y,
    });
  }
  return { d: `M${start.x},${start.y}C${c1.x},${c1.y} ${c2.x},${c2.y} ${end.x},${end.y}`, points };
}

/// <reference lib="dom" />
// The org chart's time to show a large organisation, for the browser test and `npm run bench`.
import type { Page } from 'playwright-core';

type SyntheticUnit = {
  id: string;
  key: string;
  name: string;
  kind: string;
  level: number;
  parentId: string | null;
  classification: string;
  nameKnown: boolean;
  leader: { positionId: string; title: string; personName: string | null; personId: string | null } | null;
  positions: number;
  source: string | null;
};

const kinds = ['leadership_team', 'director_area', 'service_area', 'unit', 'department'];

/**
 * A made-up organisation of `count` units: one root, then eight units under each, breadth first,
 * so 500 units are five levels deep. Every unit has a leader, as in a real chart.
 */
export function syntheticUnits(count: number): SyntheticUnit[] {
  const units: SyntheticUnit[] = [];
  for (let i = 0; i < count; i++) {
    const parentIndex = i === 0 ? -1 : Math.floor((i - 1) / 8);
    const depth = parentIndex < 0 ? 0 : units[parentIndex]!.level;
    const id = `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
    units.push({
      id,
      key: `syntetisk-${i}`,
      name: `Syntetisk enhet ${i}`,
      kind: kinds[Math.min(depth, kinds.length - 1)]!,
      level: depth + 1,
      parentId: parentIndex < 0 ? null : units[parentIndex]!.id,
      classification: 'service',
      nameKnown: true,
      leader: {
        positionId: `10000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
        title: `leder for enhet ${i}`,
        personName: i % 3 === 0 ? `Person ${i}` : null,
        personId: i % 3 === 0 ? `20000000-0000-4000-8000-${String(i).padStart(12, '0')}` : null,
      },
      positions: 1 + (i % 4),
      source: null,
    });
  }
  return units;
}

/**
 * Milliseconds from the tree's arrival in the browser until the chart shows all `unitCount` units
 * (every level expanded): building the tree, the layout in the Web Worker, rendering the SVG, and
 * the browser's style, layout and paint of the first frame that has them all.
 * The tree request is answered with a synthetic organisation. The page must be signed in, with
 * `baseURL` set to the app.
 */
export async function measureChart(page: Page, unitCount: number): Promise<number> {
  const units = syntheticUnits(unitCount);
  // A date no other request in this page has asked for, so nothing comes from the cache.
  const date = '2031-05-17';
  await page.route('**/api/organisation/tree?*', (route) =>
    route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify({ date, units }) }),
  );
  try {
    await page.goto(`/organisasjon?dato=${date}&nivaer=6`);
    await page.waitForFunction(
      (count) => {
        const shown = document.querySelectorAll('[data-chart-node]').length;
        const state = window as unknown as { __kpChartInDom?: number; __kpChartPainted?: number };
        if (shown >= count && state.__kpChartInDom === undefined) {
          state.__kpChartInDom = performance.now();
          // The frame with the units in it has been painted once the next task runs after it.
          requestAnimationFrame(() => setTimeout(() => (state.__kpChartPainted = performance.now())));
        }
        return state.__kpChartPainted !== undefined;
      },
      unitCount,
      { polling: 'raf', timeout: 60_000 },
    );
    return await page.evaluate(() => {
      const tree = performance
        .getEntriesByType('resource')
        .find((entry): entry is PerformanceResourceTiming => entry.name.includes('/api/organisation/tree?'));
      const painted = (window as unknown as { __kpChartPainted: number }).__kpChartPainted;
      if (!tree) throw new Error('The tree request was not made');
      return Math.round(painted - tree.responseEnd);
    });
  } finally {
    await page.unroute('**/api/organisation/tree?*');
  }
}

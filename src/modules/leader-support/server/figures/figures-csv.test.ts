import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../../../kernel/index.js';
import type { Figures } from '../../figures.schemas.js';
import { figuresCsv } from './figures-csv.js';

// Labels come from the organisation and the desk's settings (unit, sector and category names),
// which editors type: a name a spreadsheet would run as a formula must arrive as text.
const formulas = ['=HYPERLINK("https://example.com/x";"klikk")', '+1', '-1+1', '@SUM(1)', '\t=1', '\r=1'];

const volume = { created: 2, selfService: 0, resolved: 1, resolvedFirstLine: 1 };
const cost = { minutes: 30, cost: 450.123456 };
const share = { count: 1, of: 2, share: 0.5 };

const figures = {
  from: '2025-01-01',
  to: '2025-12-31',
  computedAt: '2025-12-31T12:00:00.000Z',
  filters: { unit: { id: 'u', name: formulas[0]! }, sectorId: null, categoryId: null, channel: null },
  synthetic: { contains: false, count: 0 },
  totals: { ...volume, open: 1 },
  firstLine: { resolved: 1, firstLine: 1, rate: 2 / 3, targetPercent: 70, definition: { nb: '', en: '' } },
  selfService: { ...share, definition: { nb: '', en: '' } },
  months: [],
  categories: formulas.map((name, i) => ({
    id: `c${i}`,
    key: `k${i}`,
    name: { nb: name, en: name },
    area: 'hr',
    ...volume,
    firstLineRate: 1,
  })),
  sectors: formulas.map((name, i) => ({ id: `s${i}`, name, ...volume, firstLineRate: 1, ...cost })),
  units: formulas.map((name, i) => ({ id: `u${i}`, name, sectorName: name, ...volume, firstLineRate: 1, ...cost })),
  otherUnits: { units: 0, ...volume, ...cost },
  channels: [],
  times: [],
  sla: { response: share, resolution: share },
  backlog: { open: 0, buckets: [] },
  satisfaction: { sent: 0, answered: 0, responseRate: null, mean: null, distribution: [0, 0, 0, 0, 0] },
  cost: { rates: { line1: 900, line2: null, line3: null }, minutesPerLine: [30, 0, 0], total: 450.123456, linesWithoutRate: [] },
} as unknown as Figures;

describe('[ANALYST][FIGURES_CSV]', () => {
  it('neutralises every label a spreadsheet would run as a formula', () => {
    const records = parseCsv(figuresCsv(figures).slice(1), ';').map((r) => r.fields);
    const cells = records.flat();
    for (const formula of formulas) {
      expect(cells).not.toContain(formula);
      expect(cells).toContain(`'${formula}`);
    }
    // Every cell that starts like a formula carries the apostrophe.
    expect(cells.filter((cell) => /^[=+\-@\t\r]/.test(cell))).toEqual([]);
  });

  it('keeps its numbers: four decimals, decimal comma, yes/no in Norwegian', () => {
    const text = figuresCsv(figures);
    expect(text).toContain('\r\nfirstLine;;Løst i 1. linje;rate;0,6667\r\n');
    expect(text).toContain('\r\ncost;;Kostnad;total;450,1235\r\n');
    expect(text).toContain('\r\nsynthetic;;Inneholder syntetiske data;contains;nei\r\n');
  });
});

import { cellsToCsv } from '../../../../kernel/index.js';
import type { Figures } from '../../figures.schemas.js';

// The figures as one CSV file in long format (docs/support-metrics.md, «CSV»): one row per number,
// `section;key;label;measure;value`, so every table of the dashboard fits one sheet and a pivot
// table rebuilds any of them. As a Norwegian Excel opens it with a double click: UTF-8 with a byte
// order mark, `;` between fields, decimal comma, CRLF line ends. Shares are fractions (0,72), times
// hours, costs kroner; an empty value is unknown (no data, or no rate for a line with logged time).
// Written by the kernel's one CSV writer, which also neutralises a label a spreadsheet would run as
// a formula (a unit named «=HYPERLINK(…)»).

type Cell = string | number | boolean | null;

/** Numbers to four decimals, yes/no in Norwegian; the kernel writes the decimal comma. */
function field(value: Cell): Cell {
  if (typeof value === 'number') return Number.isInteger(value) ? value : Math.round(value * 10_000) / 10_000;
  if (typeof value === 'boolean') return value ? 'ja' : 'nei';
  return value;
}

/** The figures as CSV text, byte order mark included. */
export function figuresCsv(figures: Figures): string {
  const rows: Cell[][] = [['section', 'key', 'label', 'measure', 'value']];
  const add = (section: string, key: Cell, label: Cell, measures: Record<string, Cell>) => {
    for (const [measure, value] of Object.entries(measures)) rows.push([section, key, label, measure, value]);
  };
  add('period', null, 'Periode', { from: figures.from, to: figures.to, computedAt: figures.computedAt });
  add('filter', null, 'Filter', {
    unitId: figures.filters.unit?.id ?? null,
    unitName: figures.filters.unit?.name ?? null,
    sectorId: figures.filters.sectorId,
    categoryId: figures.filters.categoryId,
    channel: figures.filters.channel,
  });
  add('synthetic', null, 'Inneholder syntetiske data', { contains: figures.synthetic.contains, count: figures.synthetic.count });
  add('totals', null, 'Totalt', { ...figures.totals });
  add('firstLine', null, 'Løst i 1. linje', {
    resolved: figures.firstLine.resolved,
    firstLine: figures.firstLine.firstLine,
    rate: figures.firstLine.rate,
    target: figures.firstLine.targetPercent / 100,
  });
  add('selfService', null, 'Selvbetjening', {
    count: figures.selfService.count,
    of: figures.selfService.of,
    share: figures.selfService.share,
  });
  for (const m of figures.months) add('month', m.month, m.month, volume(m));
  for (const c of figures.categories) add('category', c.key, c.name.nb, { area: c.area, ...volume(c) });
  for (const s of figures.sectors) add('sector', s.id, s.name ?? 'Uten sektor', { ...volume(s), minutes: s.minutes, cost: s.cost });
  for (const u of figures.units)
    add('unit', u.id, u.name ?? 'Uten enhet', { sector: u.sectorName, ...volume(u), minutes: u.minutes, cost: u.cost });
  if (figures.otherUnits.units > 0)
    add('unit', 'other', `Andre enheter (${figures.otherUnits.units})`, {
      ...volume(figures.otherUnits),
      minutes: figures.otherUnits.minutes,
      cost: figures.otherUnits.cost,
    });
  for (const c of figures.channels) add('channel', c.channel, channelLabels[c.channel], volume(c));
  for (const t of figures.times)
    add('times', t.line === null ? 'all' : `line${t.line}`, t.line === null ? 'Alle linjer' : `${t.line}. linje`, {
      resolved: t.resolved,
      responseMedianHours: t.responseMedianHours,
      responseP90Hours: t.responseP90Hours,
      resolutionMedianHours: t.resolutionMedianHours,
      resolutionP90Hours: t.resolutionP90Hours,
    });
  add('sla', 'response', 'Første svar innen frist', { ...figures.sla.response });
  add('sla', 'resolution', 'Løst innen frist', { ...figures.sla.resolution });
  for (const b of figures.backlog.buckets) add('backlog', b.bucket, backlogLabels[b.bucket], { open: b.count });
  add('satisfaction', null, 'Tilfredshet', {
    sent: figures.satisfaction.sent,
    answered: figures.satisfaction.answered,
    responseRate: figures.satisfaction.responseRate,
    mean: figures.satisfaction.mean,
  });
  figures.satisfaction.distribution.forEach((n, i) => add('satisfaction', `score${i + 1}`, `Karakter ${i + 1}`, { answers: n }));
  add('cost', null, 'Kostnad', {
    rateLine1: figures.cost.rates.line1,
    rateLine2: figures.cost.rates.line2,
    rateLine3: figures.cost.rates.line3,
    minutesLine1: figures.cost.minutesPerLine[0]!,
    minutesLine2: figures.cost.minutesPerLine[1]!,
    minutesLine3: figures.cost.minutesPerLine[2]!,
    total: figures.cost.total,
  });
  return cellsToCsv(rows.map((row) => row.map(field)));
}

function volume(row: { created: number; selfService: number; resolved: number; resolvedFirstLine: number }): Record<string, Cell> {
  return {
    created: row.created,
    selfService: row.selfService,
    resolved: row.resolved,
    resolvedFirstLine: row.resolvedFirstLine,
    firstLineRate: row.resolved > 0 ? row.resolvedFirstLine / row.resolved : null,
  };
}

const channelLabels = { portal: 'Portal', phone: 'Telefon', email: 'E-post' } as const;
const backlogLabels = {
  under1d: 'Under 1 dag',
  d1to3: '1–3 dager',
  d3to7: '3–7 dager',
  d7to30: '7–30 dager',
  over30d: 'Over 30 dager',
} as const;

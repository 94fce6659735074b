import { AppError, compareNorwegian } from '../../../../kernel/index.js';
import { backlogBuckets, type Figures, type FiguresQuery } from '../../figures.schemas.js';
import { channels, type Channel, type Localised } from '../../leader-support.schemas.js';
import type { LeaderSupportDb } from '../leader-support.tables.js';
import {
  selectBacklog,
  selectCreated,
  selectMinutes,
  selectResolved,
  selectSatisfaction,
  selectTimes,
  selectFiguresVersion,
  selectUnitName,
  type FigureFilters,
  type MinutesRow,
  type ResolvedRow,
  type VolumeRow,
} from './figures.queries.js';

// The figures of docs/support-metrics.md, put together from the aggregate queries. The texts of the
// definitions here are what the dashboard shows; keep them and the document saying the same.

export const firstLineDefinition: Localised = {
  nb:
    'Andel av henvendelsene som ble løst i perioden (status løst eller lukket) der høyeste linje som arbeidet med saken var 1. linje. ' +
    'Selvbetjening (lukket av lederen selv fordi en artikkel løste det) er holdt utenfor både teller og nevner.',
  en:
    'Share of the requests resolved in the period (status resolved or closed) whose highest line to work on them was the first line. ' +
    'Self-service (closed by the leader because an article solved it) is left out of both numerator and denominator.',
};

export const selfServiceDefinition: Localised = {
  nb: 'Andel av alle henvendelser opprettet i perioden (unntatt slettede) som lederen lukket selv fordi en artikkel i kunnskapsbasen løste det.',
  en: 'Share of all requests created in the period (deleted ones excepted) that the leader closed because a knowledge-base article solved it.',
};

/** The most the dashboard covers at once. */
const maxDays = 3 * 366 + 1;
const topUnits = 50;

const share = (count: number, of: number) => (of > 0 ? count / of : null);

function invalid(nb: string, en: string, path: string, problem: string): AppError {
  return new AppError('invalid', { message: { nb, en }, details: [{ in: 'querystring', path, problem }] });
}

function isCalendarDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const norwegianToday = (timeZone: string) => new Intl.DateTimeFormat('sv-SE', { timeZone }).format(new Date());

const earliestDay = '1900-01-01';

/** The period asked for: both days or neither; by default the last 12 months up to today. Refused in Norwegian. */
export function readPeriod(query: Pick<FiguresQuery, 'from' | 'to'>, today: string): { from: string; to: string } {
  for (const key of ['from', 'to'] as const) {
    const value = query[key];
    if (value !== undefined && !isCalendarDate(value))
      throw invalid(
        `«${value}» er ikke en gyldig dato i ${key === 'from' ? 'fra' : 'til'}. Skriv datoen som ÅÅÅÅ-MM-DD, for eksempel 2026-01-31.`,
        `"${value}" is not a valid date in ${key}. Write the date as YYYY-MM-DD, for example 2026-01-31.`,
        key,
        'not a date',
      );
    // The figures start long after 1900; earlier years (0001, or year 0 a year before it) only break the arithmetic.
    if (value !== undefined && value < earliestDay)
      throw invalid(
        `«${value}» er for tidlig i ${key === 'from' ? 'fra' : 'til'}. Velg en dato fra ${earliestDay} eller senere.`,
        `"${value}" is too early in ${key}. Choose a date from ${earliestDay} or later.`,
        key,
        'too early',
      );
  }
  const to = query.to ?? today;
  const from = query.from ?? addDays(`${Number(to.slice(0, 4)) - 1}${to.slice(4)}`, 1);
  if (from > to)
    throw invalid(
      `Fra-datoen (${from}) er etter til-datoen (${to}). Velg en fra-dato før til-datoen.`,
      `The from date (${from}) is after the to date (${to}). Choose a from date before the to date.`,
      'from',
      'after to',
    );
  const days = (Date.parse(to) - Date.parse(from)) / 86_400_000 + 1;
  if (days > maxDays)
    throw invalid(
      `Perioden er for lang (${days} dager). Velg høyst tre år om gangen.`,
      `The period is too long (${days} days). Choose at most three years at a time.`,
      'from',
      'period too long',
    );
  return { from, to };
}

/** Every month from `from` to `to` as YYYY-MM. */
function monthsBetween(from: string, to: string): string[] {
  const months: string[] = [];
  let year = Number(from.slice(0, 4));
  let month = Number(from.slice(5, 7));
  const last = to.slice(0, 7);
  for (;;) {
    const key = `${year}-${String(month).padStart(2, '0')}`;
    months.push(key);
    if (key >= last) return months;
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
  }
}

type Rates = Figures['cost']['rates'];

function readRates(raw: unknown): Rates {
  const rates = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const rate = (line: number) => {
    const value = Number(rates[String(line)]);
    return rates[String(line)] !== undefined && rates[String(line)] !== null && Number.isFinite(value) && value >= 0 ? value : null;
  };
  return { line1: rate(1), line2: rate(2), line3: rate(3) };
}

/** Kroner for minutes per line [1, 2, 3]; null when a line with logged time has no rate. */
export function costOf(minutesPerLine: readonly number[], rates: Rates): number | null {
  const perLine = [rates.line1, rates.line2, rates.line3];
  let total = 0;
  for (let i = 0; i < 3; i++) {
    const minutes = minutesPerLine[i] ?? 0;
    if (minutes === 0) continue;
    const rate = perLine[i];
    if (rate === null || rate === undefined) return null;
    total += (minutes / 60) * rate;
  }
  return Math.round(total * 100) / 100;
}

interface Volume {
  created: number;
  selfService: number;
  resolved: number;
  resolvedFirstLine: number;
}

const emptyVolume = (): Volume => ({ created: 0, selfService: 0, resolved: 0, resolvedFirstLine: 0 });

/** Created and resolved rows of one grouping, joined by key. */
function byKey(grouping: VolumeRow['grouping'], created: VolumeRow[], resolved: ResolvedRow[]) {
  const rows = new Map<string, Volume & { name: string | null; sectorName: string | null; key: string | null }>();
  const entry = (key: string | null, name: string | null, sectorName: string | null) => {
    const id = key ?? '';
    let row = rows.get(id);
    if (!row) rows.set(id, (row = { key, name, sectorName, ...emptyVolume() }));
    row.name ??= name;
    row.sectorName ??= sectorName;
    return row;
  };
  for (const row of created.filter((r) => r.grouping === grouping)) {
    const target = entry(row.key, row.name, row.sectorName);
    target.created = row.created;
    target.selfService = row.selfService;
  }
  for (const row of resolved.filter((r) => r.grouping === grouping)) {
    const target = entry(row.key, row.name, row.sectorName);
    target.resolved = row.resolved;
    target.resolvedFirstLine = row.resolvedFirstLine;
  }
  return rows;
}

function minutesByKey(rows: MinutesRow[], grouping: MinutesRow['grouping']): Map<string, number[]> {
  const result = new Map<string, number[]>();
  for (const row of rows.filter((r) => r.grouping === grouping)) {
    const id = row.key ?? '';
    const perLine = result.get(id) ?? [0, 0, 0];
    perLine[row.line - 1] = row.minutes;
    result.set(id, perLine);
  }
  return result;
}

const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);
const byVolumeThenName = (a: Volume & { name: string | null }, b: Volume & { name: string | null }) =>
  b.created - a.created || b.resolved - a.resolved || compareNorwegian(a.name ?? '', b.name ?? '');

export interface FigureScope extends FiguresQuery {
  from?: string;
  to?: string;
}

/** Everything the dashboard shows, for the period and filters asked for. */
export async function computeFigures(db: LeaderSupportDb, query: FigureScope): Promise<Figures> {
  const settings = await db.selectFrom('ls_settings').select(['time_zone', 'rates', 'first_line_target_percent']).executeTakeFirst();
  const timeZone = settings?.time_zone ?? 'Europe/Oslo';
  const { from, to } = readPeriod(query, norwegianToday(timeZone));
  const filters: FigureFilters = {
    from,
    to,
    timeZone,
    unitId: query.unitId,
    sectorId: query.sectorId,
    categoryId: query.categoryId,
    channel: query.channel,
  };
  const computedAt = new Date().toISOString();
  const [created, resolved, times, backlog, satisfaction, minutes, categories, unitName] = await Promise.all([
    selectCreated(db, filters),
    selectResolved(db, filters),
    selectTimes(db, filters),
    selectBacklog(db, filters),
    selectSatisfaction(db, filters),
    selectMinutes(db, filters),
    db.selectFrom('ls_categories').select(['id', 'key', 'name_nb', 'name_en', 'area', 'sort_order']).execute(),
    query.unitId ? selectUnitName(db, query.unitId) : Promise.resolve(null),
  ]);
  const rates = readRates(settings?.rates);

  const all = byKey('all', created, resolved).get('') ?? { ...emptyVolume(), synthetic: 0 };
  const syntheticCount = created.find((r) => r.grouping === 'all')?.synthetic ?? 0;
  const totals = { created: all.created, selfService: all.selfService, resolved: all.resolved, resolvedFirstLine: all.resolvedFirstLine };
  const allResolved = resolved.find((r) => r.grouping === 'all');

  const monthRows = byKey('month', created, resolved);
  const months = monthsBetween(from, to).map((month) => {
    const row = monthRows.get(month) ?? { ...emptyVolume() };
    return {
      month,
      created: row.created,
      selfService: row.selfService,
      resolved: row.resolved,
      resolvedFirstLine: row.resolvedFirstLine,
      firstLineRate: share(row.resolvedFirstLine, row.resolved),
    };
  });

  const categoryInfo = new Map(categories.map((c) => [c.id, c]));
  const categoryRows = [...byKey('category', created, resolved).values()]
    .filter((row) => row.key && categoryInfo.has(row.key))
    .map((row) => {
      const info = categoryInfo.get(row.key!)!;
      return {
        id: info.id,
        key: info.key,
        name: { nb: info.name_nb, en: info.name_en },
        area: info.area,
        created: row.created,
        selfService: row.selfService,
        resolved: row.resolved,
        resolvedFirstLine: row.resolvedFirstLine,
        firstLineRate: share(row.resolvedFirstLine, row.resolved),
        sortName: info.name_nb,
      };
    })
    .sort((a, b) => b.created - a.created || b.resolved - a.resolved || compareNorwegian(a.sortName, b.sortName))
    .map(({ sortName: _sortName, ...row }) => row);

  // A sector's or a unit's volume, first-line rate, minutes and cost.
  const volumeOf = (row: { created: number; selfService: number; resolved: number; resolvedFirstLine: number }, perLine: number[]) => ({
    created: row.created,
    selfService: row.selfService,
    resolved: row.resolved,
    resolvedFirstLine: row.resolvedFirstLine,
    firstLineRate: share(row.resolvedFirstLine, row.resolved),
    minutes: sum(perLine),
    cost: costOf(perLine, rates),
  });
  const sectorMinutes = minutesByKey(minutes, 'sector');
  const sectors = [...byKey('sector', created, resolved).values()].sort(byVolumeThenName).map((row) => {
    const perLine = sectorMinutes.get(row.key ?? '') ?? [0, 0, 0];
    return { id: row.key, name: row.name, ...volumeOf(row, perLine) };
  });

  const unitMinutes = minutesByKey(minutes, 'unit');
  const allUnits = [...byKey('unit', created, resolved).values()].sort(byVolumeThenName).map((row) => {
    const perLine = unitMinutes.get(row.key ?? '') ?? [0, 0, 0];
    return { row, perLine };
  });
  const units = allUnits
    .slice(0, topUnits)
    .map(({ row, perLine }) => ({ id: row.key, name: row.name, sectorName: row.sectorName, ...volumeOf(row, perLine) }));
  const rest = allUnits.slice(topUnits);
  const restPerLine = [0, 1, 2].map((i) => sum(rest.map(({ perLine }) => perLine[i]!)));
  const otherUnits = {
    units: rest.length,
    created: sum(rest.map(({ row }) => row.created)),
    selfService: sum(rest.map(({ row }) => row.selfService)),
    resolved: sum(rest.map(({ row }) => row.resolved)),
    resolvedFirstLine: sum(rest.map(({ row }) => row.resolvedFirstLine)),
    minutes: sum(restPerLine),
    cost: costOf(restPerLine, rates),
  };

  const channelRows = byKey('channel', created, resolved);
  const channelFigures = channels.map((channel: Channel) => {
    const row = channelRows.get(channel) ?? { ...emptyVolume() };
    return {
      channel,
      created: row.created,
      selfService: row.selfService,
      resolved: row.resolved,
      resolvedFirstLine: row.resolvedFirstLine,
    };
  });

  const timeRows = [1, 2, 3, null].map(
    (line) =>
      times.find((t) => t.line === line) ?? {
        line,
        resolved: 0,
        responseMedianHours: null,
        responseP90Hours: null,
        resolutionMedianHours: null,
        resolutionP90Hours: null,
      },
  );

  const totalPerLine = [1, 2, 3].map((line) => minutes.find((m) => m.grouping === 'all' && m.line === line)?.minutes ?? 0);
  const perLineRates = [rates.line1, rates.line2, rates.line3];

  return {
    from,
    to,
    filters: {
      unit: query.unitId ? { id: query.unitId, name: unitName ?? '' } : null,
      sectorId: query.sectorId ?? null,
      categoryId: query.categoryId ?? null,
      channel: query.channel ?? null,
    },
    computedAt,
    synthetic: { contains: syntheticCount > 0, count: syntheticCount },
    totals: { ...totals, open: backlog.open },
    firstLine: {
      resolved: totals.resolved,
      firstLine: totals.resolvedFirstLine,
      rate: share(totals.resolvedFirstLine, totals.resolved),
      targetPercent: settings?.first_line_target_percent ?? 70,
      definition: firstLineDefinition,
    },
    selfService: {
      count: totals.selfService,
      of: totals.created,
      share: share(totals.selfService, totals.created),
      definition: selfServiceDefinition,
    },
    months,
    categories: categoryRows,
    sectors,
    units,
    otherUnits,
    channels: channelFigures,
    times: timeRows,
    sla: {
      response: {
        count: allResolved?.responseMet ?? 0,
        of: allResolved?.responseMeasured ?? 0,
        share: share(allResolved?.responseMet ?? 0, allResolved?.responseMeasured ?? 0),
      },
      resolution: {
        count: allResolved?.resolutionMet ?? 0,
        of: allResolved?.resolutionMeasured ?? 0,
        share: share(allResolved?.resolutionMet ?? 0, allResolved?.resolutionMeasured ?? 0),
      },
    },
    backlog: { open: backlog.open, buckets: backlogBuckets.map((bucket) => ({ bucket, count: backlog[bucket] })) },
    satisfaction: {
      sent: satisfaction.sent,
      answered: satisfaction.answered,
      responseRate: share(satisfaction.answered, satisfaction.sent),
      mean: satisfaction.mean,
      distribution: satisfaction.distribution,
    },
    cost: {
      rates,
      minutesPerLine: totalPerLine,
      total: costOf(totalPerLine, rates),
      linesWithoutRate: [1, 2, 3].filter((line) => totalPerLine[line - 1]! > 0 && perLineRates[line - 1] === null),
    },
  };
}

// Figures are kept while what they count is unchanged (no new request event, the same settings),
// for at most a minute: the dashboard asked again, by another analyst or after a reload, answers at
// once; the first read after a change pays the full price (npm run bench shows both). A minute also
// bounds how stale the backlog's ages and a change made straight in the database can be.
const keepMs = 60_000;
const maxKept = 100;
const keptByDb = new WeakMap<object, Map<string, { version: string; until: number; figures: Figures }>>();

/** computeFigures, kept while unchanged. */
export async function readFigures(db: LeaderSupportDb, query: FigureScope): Promise<Figures> {
  let kept = keptByDb.get(db);
  if (!kept) keptByDb.set(db, (kept = new Map()));
  const key = JSON.stringify([
    query.from,
    query.to,
    query.unitId,
    query.sectorId,
    query.categoryId,
    query.channel,
    norwegianToday('Europe/Oslo'),
  ]);
  const version = await selectFiguresVersion(db);
  const now = Date.now();
  const hit = kept.get(key);
  if (hit && hit.version === version && hit.until > now) return hit.figures;
  const figures = await computeFigures(db, query);
  kept.delete(key);
  kept.set(key, { version, until: now + keepMs, figures });
  for (const [oldKey, entry] of kept) if (kept.size > maxKept || entry.until <= now) kept.delete(oldKey);
  return figures;
}

// Pure helpers for the reports: which date a report is "as of", its title, the order of periods,
// and the budget arithmetic (deviation in kroner and percent). No database here; unit-tested.

export type ReportKind = 'month' | 'tertial' | 'year';

export interface ReportPeriod {
  kind: ReportKind;
  period: string;
  /** 'YYYY-MM-DD': the last day the report covers. */
  asOf: string;
  year: number;
  /** The month of the as-of date (1–12): budget actuals and forecasts are read up to it. */
  asOfMonth: number;
  title: { nb: string; en: string };
}

const monthsNb = ['januar', 'februar', 'mars', 'april', 'mai', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'desember'];
const monthsEn = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

const pad = (n: number) => String(n).padStart(2, '0');

function lastDayOfMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The problem with a kind + period, in both languages; null when it is fine. */
export type PeriodProblem = { nb: string; en: string };

/**
 * Reads a report period: month 'YYYY-MM' (as of the month's last day), tertial 'YYYY-T1' (30 April)
 * or 'YYYY-T2' (31 August) — the third tertial is the annual report — and year 'YYYY' (31 December).
 */
export function reportPeriod(kind: ReportKind, period: string): ReportPeriod | PeriodProblem {
  const text = period.trim();
  if (kind === 'month') {
    const match = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(text);
    if (!match)
      return { nb: 'Måneden må skrives ÅÅÅÅ-MM, for eksempel 2026-03.', en: 'The month must be written YYYY-MM, for example 2026-03.' };
    const year = Number(match[1]);
    const month = Number(match[2]);
    if (!yearInRange(year)) return yearProblem();
    return {
      kind,
      period: text,
      year,
      asOfMonth: month,
      asOf: `${year}-${pad(month)}-${pad(lastDayOfMonth(year, month))}`,
      title: { nb: `Månedsrapport ${monthsNb[month - 1]} ${year}`, en: `Monthly report ${monthsEn[month - 1]} ${year}` },
    };
  }
  if (kind === 'tertial') {
    const match = /^(\d{4})-T([1-3])$/.exec(text);
    if (!match) return { nb: 'Tertialet må skrives ÅÅÅÅ-T1 eller ÅÅÅÅ-T2.', en: 'The tertial must be written YYYY-T1 or YYYY-T2.' };
    if (match[2] === '3')
      return {
        nb: '3. tertial rapporteres i årsrapporten: lag en årsrapport for året i stedet.',
        en: 'The third tertial is reported in the annual report: create an annual report for the year instead.',
      };
    const year = Number(match[1]);
    if (!yearInRange(year)) return yearProblem();
    const tertial = Number(match[2]);
    const asOfMonth = tertial === 1 ? 4 : 8;
    return {
      kind,
      period: text,
      year,
      asOfMonth,
      asOf: `${year}-${pad(asOfMonth)}-${pad(lastDayOfMonth(year, asOfMonth))}`,
      title: { nb: `Tertialrapport ${tertial}. tertial ${year}`, en: `Tertial report, tertial ${tertial} ${year}` },
    };
  }
  const match = /^(\d{4})$/.exec(text);
  if (!match) return { nb: 'Året må skrives ÅÅÅÅ, for eksempel 2026.', en: 'The year must be written YYYY, for example 2026.' };
  const year = Number(match[1]);
  if (!yearInRange(year)) return yearProblem();
  return {
    kind,
    period: text,
    year,
    asOfMonth: 12,
    asOf: `${year}-12-31`,
    title: { nb: `Årsrapport ${year}`, en: `Annual report ${year}` },
  };
}

export function isReportPeriod(value: ReportPeriod | PeriodProblem): value is ReportPeriod {
  return 'asOf' in value;
}

function yearInRange(year: number): boolean {
  return year >= 2000 && year <= 2100;
}

function yearProblem(): PeriodProblem {
  return { nb: 'Året må være mellom 2000 og 2100.', en: 'The year must be between 2000 and 2100.' };
}

/**
 * The last day of an indicator period ('2026', '2026-T1', '2026-04'), or null for a malformed one.
 * An indicator's value counts in a report when its period has ended by the as-of date.
 */
export function periodEnd(period: string): string | null {
  let match = /^(\d{4})$/.exec(period);
  if (match) return `${match[1]}-12-31`;
  match = /^(\d{4})-T([1-3])$/.exec(period);
  if (match) return `${match[1]}-${['04-30', '08-31', '12-31'][Number(match[2]) - 1]}`;
  match = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(period);
  if (match) return `${match[1]}-${match[2]}-${pad(lastDayOfMonth(Number(match[1]), Number(match[2])))}`;
  return null;
}

/** The earliest period a report looks back to for indicator values: the as-of year and the two before. */
export function indicatorWindowStart(asOf: string): string {
  return String(Number(asOf.slice(0, 4)) - 2);
}

export type StatusCounts = { total: number; green: number; yellow: number; red: number; none: number };

/** How many indicators are green, yellow, red or without status. */
export function countStatuses(statuses: readonly ('green' | 'yellow' | 'red' | 'none')[]): StatusCounts {
  const counts: StatusCounts = { total: statuses.length, green: 0, yellow: 0, red: 0, none: 0 };
  for (const status of statuses) counts[status] += 1;
  return counts;
}

// Periods as text, one form per frequency (migrations/0001_steering.sql): '2024' (year),
// '2024-T1'..'2024-T3' (tertial: January–April, May–August, September–December), '2024-01'..'2024-12' (month).
// Pure helpers shared by indicators, imports and reports.

export type PeriodFrequency = 'year' | 'tertial' | 'month';

export interface Period {
  text: string;
  frequency: PeriodFrequency;
  year: number;
  /** 1 for a year, 1–3 for a tertial, 1–12 for a month. */
  index: number;
  /** First and last day, 'YYYY-MM-DD'. */
  start: string;
  end: string;
  /** The last month the period covers, 'YYYY-MM': periods of different frequencies compare by it. */
  endMonth: string;
}

export interface PeriodProblem {
  nb: string;
  en: string;
}

export type PeriodResult = { ok: true; period: Period } | { ok: false; message: PeriodProblem };

const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

const frequencyNames: Record<PeriodFrequency, { nb: string; en: string; example: string }> = {
  year: { nb: 'år (ÅÅÅÅ)', en: 'year (YYYY)', example: '2024' },
  tertial: { nb: 'tertial (ÅÅÅÅ-T1 til ÅÅÅÅ-T3)', en: 'tertial (YYYY-T1 to YYYY-T3)', example: '2024-T2' },
  month: { nb: 'måned (ÅÅÅÅ-MM)', en: 'month (YYYY-MM)', example: '2024-05' },
};

function build(frequency: PeriodFrequency, year: number, index: number): Period {
  const [firstMonth, lastMonth] =
    frequency === 'year' ? [1, 12] : frequency === 'tertial' ? [(index - 1) * 4 + 1, index * 4] : [index, index];
  const text = frequency === 'year' ? String(year) : frequency === 'tertial' ? `${year}-T${index}` : `${year}-${pad(index)}`;
  return {
    text,
    frequency,
    year,
    index,
    start: `${year}-${pad(firstMonth)}-01`,
    end: `${year}-${pad(lastMonth)}-${pad(lastDay(year, lastMonth))}`,
    endMonth: `${year}-${pad(lastMonth)}`,
  };
}

/** Reads a period in any of the three forms, without checking it against a frequency or today. */
export function readPeriod(text: unknown): Period | null {
  if (typeof text !== 'string') return null;
  const match = /^(\d{4})(?:-T(\d)|-(\d{2}))?$/.exec(text.trim());
  if (!match) return null;
  const year = Number(match[1]);
  if (year < 1900 || year > 2100) return null;
  if (match[2] !== undefined) {
    const tertial = Number(match[2]);
    return tertial >= 1 && tertial <= 3 ? build('tertial', year, tertial) : null;
  }
  if (match[3] !== undefined) {
    const month = Number(match[3]);
    return month >= 1 && month <= 12 ? build('month', year, month) : null;
  }
  return build('year', year, 1);
}

/**
 * Checks a period for an indicator: it must exist (no month 13, no T4), have the form of the
 * indicator's frequency, and not lie in the future (it must have started by `today`, 'YYYY-MM-DD').
 */
export function parsePeriod(text: unknown, frequency: PeriodFrequency, today: string): PeriodResult {
  const shown = typeof text === 'string' ? text : String(text);
  const period = readPeriod(text);
  const name = frequencyNames[frequency];
  if (!period)
    return {
      ok: false,
      message: {
        nb: `Perioden «${shown}» finnes ikke. Skriv en periode for ${name.nb}, for eksempel ${name.example}.`,
        en: `The period “${shown}” does not exist. Write a period for ${name.en}, for example ${name.example}.`,
      },
    };
  if (period.frequency !== frequency)
    return {
      ok: false,
      message: {
        nb: `Perioden «${shown}» passer ikke med indikatorens frekvens: skriv ${name.nb}, for eksempel ${name.example}.`,
        en: `The period “${shown}” does not match the indicator's frequency: write a ${name.en}, for example ${name.example}.`,
      },
    };
  if (period.start > today)
    return {
      ok: false,
      message: {
        nb: `Perioden «${shown}» har ikke begynt ennå.`,
        en: `The period “${shown}” has not started yet.`,
      },
    };
  return { ok: true, period };
}

/** The period of a frequency that contains a day ('YYYY-MM-DD'). */
export function periodOf(day: string, frequency: PeriodFrequency): Period {
  const year = Number(day.slice(0, 4));
  const month = Number(day.slice(5, 7));
  if (frequency === 'year') return build('year', year, 1);
  if (frequency === 'tertial') return build('tertial', year, Math.ceil(month / 4));
  return build('month', year, month);
}

/** Orders periods by the month they end, then the longer first (a year before its December). */
export function comparePeriods(a: string, b: string): number {
  const pa = readPeriod(a);
  const pb = readPeriod(b);
  if (!pa || !pb) return a < b ? -1 : a > b ? 1 : 0;
  if (pa.endMonth !== pb.endMonth) return pa.endMonth < pb.endMonth ? -1 : 1;
  return pa.start < pb.start ? -1 : pa.start > pb.start ? 1 : 0;
}

// Made once: building an Intl.DateTimeFormat costs about a millisecond, on every request otherwise.
const osloDate = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Oslo', year: 'numeric', month: '2-digit', day: '2-digit' });

/** Today in Norway, 'YYYY-MM-DD'. */
export function norwegianToday(now: Date = new Date()): string {
  return osloDate.format(now);
}

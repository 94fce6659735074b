// Norwegian public holidays (helligdager and 1./17. mai), computed from the year: nothing to keep up to date.

export interface PublicHoliday {
  date: string;
  name: { nb: string; en: string };
}

/** Easter Sunday of a Gregorian year as 'YYYY-MM-DD' (the anonymous Gregorian computus, Meeus/Jones/Butcher). */
export function easterSunday(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return isoDate(Date.UTC(year, month - 1, day));
}

const cache = new Map<number, PublicHoliday[]>();

/** The twelve Norwegian public holidays of a year, sorted by date (17. mai may share a date with a moving holiday). */
export function norwegianPublicHolidays(year: number): PublicHoliday[] {
  const kept = cache.get(year);
  if (kept) return kept.map((holiday) => ({ ...holiday }));
  const easter = Date.parse(`${easterSunday(year)}T00:00:00Z`);
  const fromEaster = (days: number) => isoDate(easter + days * 86_400_000);
  const fixed = (month: number, day: number) => isoDate(Date.UTC(year, month - 1, day));
  const holidays: PublicHoliday[] = [
    { date: fixed(1, 1), name: { nb: '1. nyttårsdag', en: "New Year's Day" } },
    { date: fromEaster(-3), name: { nb: 'Skjærtorsdag', en: 'Maundy Thursday' } },
    { date: fromEaster(-2), name: { nb: 'Langfredag', en: 'Good Friday' } },
    { date: fromEaster(0), name: { nb: '1. påskedag', en: 'Easter Sunday' } },
    { date: fromEaster(1), name: { nb: '2. påskedag', en: 'Easter Monday' } },
    { date: fixed(5, 1), name: { nb: 'Arbeidernes dag (1. mai)', en: 'Labour Day (1 May)' } },
    { date: fixed(5, 17), name: { nb: 'Grunnlovsdag (17. mai)', en: 'Constitution Day (17 May)' } },
    { date: fromEaster(39), name: { nb: 'Kristi himmelfartsdag', en: 'Ascension Day' } },
    { date: fromEaster(49), name: { nb: '1. pinsedag', en: 'Whit Sunday' } },
    { date: fromEaster(50), name: { nb: '2. pinsedag', en: 'Whit Monday' } },
    { date: fixed(12, 25), name: { nb: '1. juledag', en: 'Christmas Day' } },
    { date: fixed(12, 26), name: { nb: '2. juledag', en: 'Boxing Day' } },
  ];
  holidays.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  cache.set(year, holidays);
  return holidays.map((holiday) => ({ ...holiday }));
}

/** True when the date ('YYYY-MM-DD') is a Norwegian public holiday. */
export function isNorwegianPublicHoliday(date: string): boolean {
  const year = Number(date.slice(0, 4));
  if (!cache.has(year)) norwegianPublicHolidays(year);
  return cache.get(year)!.some((holiday) => holiday.date === date);
}

function isoDate(utcMs: number): string {
  return new Date(utcMs).toISOString().slice(0, 10);
}

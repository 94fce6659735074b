// Open time ("business minutes") in a calendar's time zone. Steps day by day, never minute by minute:
// each day contributes at most one open interval [opens, closes), found with Intl.DateTimeFormat.

import { isNorwegianPublicHoliday } from './holidays.js';

export interface BusinessCalendar {
  timeZone: string;
  /** Keyed by ISO weekday '1' (Monday) … '7' (Sunday): ['08:00', '15:30'] or null when closed. */
  openingHours: Record<string, [string, string] | null>;
  /** Extra closed dates ('YYYY-MM-DD'); Norwegian public holidays are always closed. */
  closedDays: readonly string[];
}

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;
/** How far the day loops look for open time before giving up (a calendar with no open days). */
const MAX_DAYS = 3700;

/** True when the date ('YYYY-MM-DD') has opening hours: its weekday is open, not a public holiday, not a closed day. */
export function isBusinessDay(calendar: BusinessCalendar, date: string): boolean {
  const hours = calendar.openingHours[String(isoWeekday(date))];
  if (!hours) return false;
  if (isNorwegianPublicHoliday(date)) return false;
  return !calendar.closedDays.includes(date);
}

/** The instant when `minutes` of open time have passed after start (a start outside hours counts from the next opening). */
export function addBusinessMinutes(calendar: BusinessCalendar, start: Date, minutes: number): Date {
  return new Date(addBusinessMs(calendar, start.getTime(), minutes * MINUTE_MS));
}

/** Whole open minutes in [from, to); negative (minus the open minutes of [to, from)) when to is before from. */
export function businessMinutesBetween(calendar: BusinessCalendar, from: Date, to: Date): number {
  const a = from.getTime();
  const b = to.getTime();
  if (b < a) return -Math.floor(businessMsBetween(calendar, b, a) / MINUTE_MS);
  return Math.floor(businessMsBetween(calendar, a, b) / MINUTE_MS);
}

/** Open milliseconds in [from, to) (from <= to). */
export function businessMsBetween(calendar: BusinessCalendar, from: number, to: number): number {
  if (to <= from) return 0;
  let total = 0;
  const last = localDate(calendar.timeZone, to);
  let date = localDate(calendar.timeZone, from);
  for (let guard = 0; date <= last && guard < 100_000; guard += 1, date = addDays(date, 1)) {
    const open = openInterval(calendar, date);
    if (!open) continue;
    const start = Math.max(open[0], from);
    const end = Math.min(open[1], to);
    if (end > start) total += end - start;
  }
  return total;
}

/** The instant when `ms` of open time have passed after start. */
export function addBusinessMs(calendar: BusinessCalendar, start: number, ms: number): number {
  if (!(ms > 0)) return start;
  let remaining = ms;
  let date = localDate(calendar.timeZone, start);
  for (let day = 0; day < MAX_DAYS; day += 1, date = addDays(date, 1)) {
    const open = openInterval(calendar, date);
    if (!open) continue;
    const from = Math.max(open[0], start);
    if (from >= open[1]) continue;
    const available = open[1] - from;
    if (remaining <= available) return from + remaining;
    remaining -= available;
  }
  throw new Error(`The calendar has no opening hours within ${MAX_DAYS} days of ${new Date(start).toISOString()}`);
}

/** The open interval [opens, closes) of a local date as UTC milliseconds, or null when closed. */
export function openInterval(calendar: BusinessCalendar, date: string): [number, number] | null {
  if (!isBusinessDay(calendar, date)) return null;
  const hours = calendar.openingHours[String(isoWeekday(date))]!;
  const key = `${calendar.timeZone}|${date}|${hours[0]}|${hours[1]}`;
  const kept = intervals.get(key);
  if (kept) return kept;
  const opens = zonedTime(calendar.timeZone, date, minutesOfDay(hours[0]));
  const closes = zonedTime(calendar.timeZone, date, minutesOfDay(hours[1]));
  const interval: [number, number] | null = closes > opens ? [opens, closes] : null;
  if (intervals.size > 20_000) intervals.clear();
  intervals.set(key, interval);
  return interval;
}
const intervals = new Map<string, [number, number] | null>();

/** ISO weekday of a 'YYYY-MM-DD' date: 1 Monday … 7 Sunday. */
export function isoWeekday(date: string): number {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return day === 0 ? 7 : day;
}

/** The local date ('YYYY-MM-DD') of an instant in a time zone. */
export function localDate(timeZone: string, instant: number): string {
  const p = wallClock(timeZone, instant);
  return `${p.year}-${pad(p.month)}-${pad(p.day)}`;
}

/** The UTC instant of a wall-clock time (minutes after local midnight, 24:00 allowed) on a local date. */
export function zonedTime(timeZone: string, date: string, minutes: number): number {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const wall = Date.UTC(year, month - 1, day, 0, minutes);
  let instant = wall - offsetAt(timeZone, wall);
  const corrected = offsetAt(timeZone, instant);
  if (wall - corrected !== instant) instant = wall - corrected;
  return instant;
}

/** 'HH:MM' → minutes after midnight ('24:00' → 1440). */
export function minutesOfDay(time: string): number {
  const match = /^(\d{1,2}):(\d{2})$/.exec(time);
  if (!match) throw new Error(`Not a time of day: ${time}`);
  return Number(match[1]) * 60 + Number(match[2]);
}

/** The zone's offset from UTC (ms) at an instant. */
function offsetAt(timeZone: string, instant: number): number {
  const whole = instant - (((instant % 1000) + 1000) % 1000);
  const p = wallClock(timeZone, whole);
  return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - whole;
}

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const formats = new Map<string, Intl.DateTimeFormat>();

function wallClock(timeZone: string, instant: number): WallClock {
  let format = formats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formats.set(timeZone, format);
  }
  const p: WallClock = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0 };
  for (const part of format.formatToParts(new Date(instant))) {
    if (part.type in p) p[part.type as keyof WallClock] = Number(part.value);
  }
  if (p.hour === 24) p.hour = 0;
  return p;
}

function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

import type { WriteContext } from '../../../../kernel/index.js';
import type { ChangeSettingsBody, Settings } from '../../leader-support.schemas.js';
import type { LeaderSupportDb } from '../leader-support.tables.js';
import { minutesOfDay } from '../sla/business-time.js';
import { selectSettings } from './settings.queries.js';
import { assertRevision, audit, invalid, isRealDate, norwegianDate } from './shared.js';

const weekdayNames: Record<string, { nb: string; en: string }> = {
  '1': { nb: 'mandag', en: 'Monday' },
  '2': { nb: 'tirsdag', en: 'Tuesday' },
  '3': { nb: 'onsdag', en: 'Wednesday' },
  '4': { nb: 'torsdag', en: 'Thursday' },
  '5': { nb: 'fredag', en: 'Friday' },
  '6': { nb: 'lørdag', en: 'Saturday' },
  '7': { nb: 'søndag', en: 'Sunday' },
};

/** Changes the desk's opening hours, closed days, rates and targets (only the fields sent). */
export async function changeSettings(trx: LeaderSupportDb, context: WriteContext, body: ChangeSettingsBody): Promise<Settings> {
  const row = await trx.selectFrom('ls_settings').select('revision').forUpdate().executeTakeFirstOrThrow();
  assertRevision({ nb: 'innstillingene', en: 'the settings' }, row.revision, body.revision);
  const before = await selectSettings(trx);

  const changes: Record<string, unknown> = {};
  if (body.openingHours !== undefined) changes.opening_hours = JSON.stringify(checkOpeningHours(body.openingHours));
  if (body.closedDays !== undefined) changes.closed_days = JSON.stringify(checkClosedDays(body.closedDays));
  if (body.rates !== undefined) changes.rates = JSON.stringify(body.rates);
  if (body.warnPercent !== undefined) changes.warn_percent = body.warnPercent;
  if (body.firstLineTargetPercent !== undefined) changes.first_line_target_percent = body.firstLineTargetPercent;

  await trx
    .updateTable('ls_settings')
    .set({ ...changes, revision: row.revision + 1 })
    .execute();
  const after = await selectSettings(trx);
  await audit(trx, context, { action: 'change', entityType: 'ls_settings', entityId: null, before, after });
  return after;
}

/** All seven weekdays, each closed (null) or open from a time before it closes. */
function checkOpeningHours(hours: Record<string, [string, string] | null>): Record<string, [string, string] | null> {
  const checked: Record<string, [string, string] | null> = {};
  for (const day of Object.keys(weekdayNames)) {
    const name = weekdayNames[day]!;
    if (!(day in hours)) {
      throw invalid(
        `Åpningstidene mangler ${name.nb}. Oppgi tider eller «stengt» for alle ukedagene.`,
        `The opening hours lack ${name.en}. Give times or "closed" for every weekday.`,
        [{ in: 'body', path: `/openingHours/${day}`, problem: 'missing' }],
      );
    }
    const value = hours[day] ?? null;
    if (value && minutesOfDay(value[0]) >= minutesOfDay(value[1])) {
      throw invalid(
        `Åpningstiden for ${name.nb} må starte før den slutter (${value[0]}–${value[1]}).`,
        `The opening hours for ${name.en} must start before they end (${value[0]}–${value[1]}).`,
        [{ in: 'body', path: `/openingHours/${day}`, problem: 'opens at or after closing' }],
      );
    }
    checked[day] = value ? [value[0], value[1]] : null;
  }
  return checked;
}

/** Real dates, without duplicates, in order. */
function checkClosedDays(days: string[]): string[] {
  days.forEach((day, index) => {
    if (!isRealDate(day)) {
      throw invalid(
        `«${day}» er ikke en gyldig dato. Skriv stengte dager som ÅÅÅÅ-MM-DD, for eksempel 2026-12-24.`,
        `"${day}" is not a valid date. Write closed days as YYYY-MM-DD, for example 2026-12-24.`,
        [{ in: 'body', path: `/closedDays/${index}`, problem: 'not a date' }],
      );
    }
  });
  const unique = [...new Set(days)].sort();
  if (unique.length !== days.length) {
    const twice = days.find((day, index) => days.indexOf(day) !== index)!;
    throw invalid(`Stengt dag ${norwegianDate(twice)} står flere ganger.`, `The closed day ${twice} is listed more than once.`, [
      { in: 'body', path: '/closedDays', problem: 'duplicate' },
    ]);
  }
  return unique;
}

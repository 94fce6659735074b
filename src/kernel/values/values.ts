// Small checks and values every module needs, kept in one place.

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids arrive as any text; one that is not a uuid names nothing (and must not reach a uuid column, where PostgreSQL would fail the cast). */
export function isUuid(value: string): boolean {
  return uuidPattern.test(value);
}

const norwegianDate = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Oslo', year: 'numeric', month: '2-digit', day: '2-digit' });

/** Today's date in Norway as 'YYYY-MM-DD' (the municipality's day, whatever the server's time zone). */
export function todayInNorway(now: Date = new Date()): string {
  return norwegianDate.format(now);
}

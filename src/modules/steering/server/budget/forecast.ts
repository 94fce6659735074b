// Deviation and forecast arithmetic for the budget programme areas: pure, no database.
// Sign convention everywhere: deviation = forecast − budget, so an overspend (merforbruk) is
// positive and an underspend (mindreforbruk) negative. Amounts are whole kroner.

export type DeviationKind = 'overspend' | 'underspend' | 'balance';

/** Forecast minus budget, in kroner; null when either is missing. */
export function deviation(budget: number | null, forecast: number | null): number | null {
  if (budget === null || forecast === null) return null;
  return Math.round(forecast - budget);
}

/** The deviation in percent of the budget, one decimal; null when the budget is missing or zero. */
export function deviationPercent(deviationAmount: number | null, budget: number | null): number | null {
  if (deviationAmount === null || budget === null || budget === 0) return null;
  return Math.round((deviationAmount / Math.abs(budget)) * 1000) / 10;
}

export function deviationKind(deviationAmount: number): DeviationKind {
  if (deviationAmount > 0) return 'overspend';
  if (deviationAmount < 0) return 'underspend';
  return 'balance';
}

const kroner = (amount: number, locale: 'nb' | 'en') =>
  `${new Intl.NumberFormat(locale === 'nb' ? 'nb-NO' : 'en-GB', { maximumFractionDigits: 0 }).format(Math.abs(amount))} kr`;
const percent = (value: number, locale: 'nb' | 'en') =>
  `${new Intl.NumberFormat(locale === 'nb' ? 'nb-NO' : 'en-GB', { maximumFractionDigits: 1 }).format(Math.abs(value))} %`;

/** The deviation stated plainly: «Merforbruk på 1 000 000 kr (2,5 %)» / "Overspend of 1,000,000 kr (2.5 %)". */
export function describeDeviation(deviationAmount: number | null, percentOfBudget: number | null): { nb: string; en: string } {
  if (deviationAmount === null)
    return { nb: 'Avvik ikke beregnet (mangler budsjett eller prognose)', en: 'Deviation not computed (budget or forecast missing)' };
  const kind = deviationKind(deviationAmount);
  if (kind === 'balance') return { nb: 'I balanse (ingen avvik)', en: 'In balance (no deviation)' };
  const pNb = percentOfBudget === null ? '' : ` (${percent(percentOfBudget, 'nb')} av budsjett)`;
  const pEn = percentOfBudget === null ? '' : ` (${percent(percentOfBudget, 'en')} of budget)`;
  return kind === 'overspend'
    ? { nb: `Merforbruk på ${kroner(deviationAmount, 'nb')}${pNb}`, en: `Overspend of ${kroner(deviationAmount, 'en')}${pEn}` }
    : { nb: `Mindreforbruk på ${kroner(deviationAmount, 'nb')}${pNb}`, en: `Underspend of ${kroner(deviationAmount, 'en')}${pEn}` };
}

/** Actuals summed over months 1..asOfMonth; null when no month in that range has an actual. */
export function actualToDate(months: { month: number; amount: number }[], asOfMonth: number): number | null {
  const inRange = months.filter((m) => m.month >= 1 && m.month <= asOfMonth);
  if (inRange.length === 0) return null;
  return inRange.reduce((sum, m) => sum + m.amount, 0);
}

/** The forecast in force as of a month: the latest one made in or before it. */
export function forecastAsOf<T extends { asOfMonth: number }>(forecasts: T[], asOfMonth: number): T | null {
  let best: T | null = null;
  for (const f of forecasts) if (f.asOfMonth <= asOfMonth && (!best || f.asOfMonth > best.asOfMonth)) best = f;
  return best;
}

/** A naive straight-line forecast: actuals to date scaled to twelve months (a suggestion for the form, not stored). */
export function linearForecast(actualYtd: number | null, asOfMonth: number): number | null {
  if (actualYtd === null || asOfMonth < 1) return null;
  return Math.round((actualYtd / asOfMonth) * 12);
}

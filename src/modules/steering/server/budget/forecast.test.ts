import { describe, expect, it } from 'vitest';
import { actualToDate, describeDeviation, deviation, deviationKind, deviationPercent, forecastAsOf, linearForecast } from './forecast.js';

describe('budget deviation arithmetic', () => {
  it('is forecast minus budget: an overspend is positive, an underspend negative', () => {
    expect(deviation(40_000_000, 41_000_000)).toBe(1_000_000);
    expect(deviation(40_000_000, 38_500_000)).toBe(-1_500_000);
    expect(deviation(40_000_000, 40_000_000)).toBe(0);
    expect(deviationKind(1)).toBe('overspend');
    expect(deviationKind(-1)).toBe('underspend');
    expect(deviationKind(0)).toBe('balance');
  });

  it('is missing when the budget or the forecast is missing', () => {
    expect(deviation(null, 10)).toBeNull();
    expect(deviation(10, null)).toBeNull();
  });

  it('gives the percent of the budget with one decimal, none for a zero or missing budget', () => {
    expect(deviationPercent(1_000_000, 40_000_000)).toBe(2.5);
    expect(deviationPercent(-1_000_000, 30_000_000)).toBe(-3.3);
    expect(deviationPercent(1, 3)).toBe(33.3);
    expect(deviationPercent(100, 0)).toBeNull();
    expect(deviationPercent(100, null)).toBeNull();
    expect(deviationPercent(null, 100)).toBeNull();
  });

  it('states the deviation plainly in words', () => {
    expect(describeDeviation(1_000_000, 2.5).nb).toBe('Merforbruk på 1\u00a0000\u00a0000 kr (2,5 % av budsjett)');
    expect(describeDeviation(1_000_000, 2.5).en).toBe('Overspend of 1,000,000 kr (2.5 % of budget)');
    expect(describeDeviation(-250_000, null).nb).toBe('Mindreforbruk på 250\u00a0000 kr');
    expect(describeDeviation(0, 0).nb).toMatch(/^I balanse/);
    expect(describeDeviation(null, null).en).toMatch(/not computed/);
  });

  it('sums actuals to date up to the month asked for, none when nothing is imported', () => {
    const months = [
      { month: 1, amount: 100 },
      { month: 2, amount: 250 },
      { month: 5, amount: 1000 },
    ];
    expect(actualToDate(months, 4)).toBe(350);
    expect(actualToDate(months, 12)).toBe(1350);
    expect(actualToDate([], 4)).toBeNull();
    expect(actualToDate([{ month: 8, amount: 1 }], 4)).toBeNull();
  });

  it('uses the latest forecast made in or before the month', () => {
    const forecasts = [
      { asOfMonth: 4, amount: 1 },
      { asOfMonth: 8, amount: 2 },
    ];
    expect(forecastAsOf(forecasts, 3)).toBeNull();
    expect(forecastAsOf(forecasts, 7)?.amount).toBe(1);
    expect(forecastAsOf(forecasts, 12)?.amount).toBe(2);
  });

  it('suggests a straight-line year-end forecast from actuals to date', () => {
    expect(linearForecast(4_000_000, 4)).toBe(12_000_000);
    expect(linearForecast(null, 4)).toBeNull();
  });
});

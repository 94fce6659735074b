// An indicator's status for one value: the arithmetic every view and report shares.
// For 'higher' is better: green when value >= greenAt, red when value < redAt, yellow between.
// For 'lower' is better: green when value <= greenAt, red when value > redAt, yellow between.
// Without thresholds, a period's target decides: met (green) or not (red). Without either: 'none'.

export type IndicatorStatus = 'green' | 'yellow' | 'red' | 'none';

export interface StatusRule {
  direction: 'higher' | 'lower';
  greenAt: number | null;
  redAt: number | null;
}

export function indicatorStatus(value: number | null | undefined, rule: StatusRule, target?: number | null): IndicatorStatus {
  if (value === null || value === undefined || !Number.isFinite(value)) return 'none';
  const better = (a: number, b: number) => (rule.direction === 'higher' ? a >= b : a <= b);
  if (rule.greenAt !== null && rule.redAt !== null) {
    if (better(value, rule.greenAt)) return 'green';
    if (rule.direction === 'higher' ? value < rule.redAt : value > rule.redAt) return 'red';
    return 'yellow';
  }
  if (target !== null && target !== undefined && Number.isFinite(target)) return better(value, target) ? 'green' : 'red';
  return 'none';
}

/** Thresholds contradict each other when green would be reached before red stops: the message says which way. */
export function thresholdsContradict(rule: StatusRule): boolean {
  if (rule.greenAt === null || rule.redAt === null) return (rule.greenAt === null) !== (rule.redAt === null);
  return rule.direction === 'higher' ? rule.greenAt < rule.redAt : rule.greenAt > rule.redAt;
}

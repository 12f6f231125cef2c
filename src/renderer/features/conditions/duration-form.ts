import type { Condition } from '../../../shared/contract';

type Duration = Extract<Condition, { type: 'duration' }>;
export type DurationMode = 'newDays' | 'atLeastYears' | 'atLeastDays';

/*
 * The core's duration atom holds on day D when the inner condition has held without a break
 * since day S and minDays ≤ D − S ≤ maxDays. "Nieuw in de laatste N dagen" counts the first
 * day as day 1, so maxDays = N − 1. Years are counted as 365.25 days, rounded down, which is
 * the exact day count of any 4-year cycle and off by at most a day otherwise.
 */
const YEAR = 365.25;

export function toDurationForm(d: Duration): { mode: DurationMode; amount: number | undefined } {
  if (d.maxDays !== undefined && d.minDays === undefined) return { mode: 'newDays', amount: d.maxDays + 1 };
  if (d.minDays !== undefined) {
    const years = Math.round(d.minDays / YEAR);
    if (years > 0 && Math.floor(years * YEAR) === d.minDays) return { mode: 'atLeastYears', amount: years };
    return { mode: 'atLeastDays', amount: d.minDays };
  }
  return { mode: 'newDays', amount: undefined };
}

export function fromDurationForm(mode: DurationMode, amount: number | undefined): Pick<Duration, 'minDays' | 'maxDays'> {
  if (amount === undefined) return { minDays: undefined, maxDays: undefined };
  switch (mode) {
    case 'newDays':
      return { minDays: undefined, maxDays: Math.max(0, amount - 1) };
    case 'atLeastYears':
      return { minDays: Math.floor(amount * YEAR), maxDays: undefined };
    case 'atLeastDays':
      return { minDays: amount, maxDays: undefined };
  }
}

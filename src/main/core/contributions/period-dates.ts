import { addDays } from '../../../shared/dutch/dates';

/** Calendar months; the day is clamped to the month's length (31 Jan + 1 month = 28/29 Feb). */
export function addMonths(iso: string, n: number): string {
  const y = Number(iso.slice(0, 4));
  const m = Number(iso.slice(5, 7)) - 1 + n;
  const ny = y + Math.floor(m / 12);
  const nm = ((m % 12) + 12) % 12;
  const last = new Date(Date.UTC(ny, nm + 1, 0)).getUTCDate();
  const d = Math.min(Number(iso.slice(8, 10)), last);
  return `${ny}-${String(nm + 1).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Whole months from a to b (a ≤ b), at least 1. */
export function monthsBetween(a: string, b: string): number {
  const months = (Number(b.slice(0, 4)) - Number(a.slice(0, 4))) * 12 + Number(b.slice(5, 7)) - Number(a.slice(5, 7));
  return Math.max(1, months);
}

/** A step's 'MM-DD' as the first such day on or after the period's start (a season crosses New Year). */
export function resolveMonthDay(periodStart: string, monthDay: string): string {
  const sameYear = `${periodStart.slice(0, 4)}-${monthDay}`;
  if (sameYear >= periodStart) return sameYear;
  return `${Number(periodStart.slice(0, 4)) + 1}-${monthDay}`;
}

export const lastDayOf = (exclusiveEnd: string) => addDays(exclusiveEnd, -1);

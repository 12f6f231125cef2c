import { addDays } from '../../../shared/dutch/dates';

/**
 * TARGET2 business days: interbank SEPA settlement runs every weekday except New Year's Day,
 * Good Friday, Easter Monday, 1 May, 25 and 26 December. Collection dates and lead times
 * count these days, not Dutch public holidays.
 */
function easterSunday(year: number): string {
  // Anonymous Gregorian algorithm (Meeus/Jones/Butcher).
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
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

const closedCache = new Map<number, Set<string>>();
function closedDays(year: number): Set<string> {
  let set = closedCache.get(year);
  if (!set) {
    const easter = easterSunday(year);
    set = new Set([`${year}-01-01`, addDays(easter, -2), addDays(easter, 1), `${year}-05-01`, `${year}-12-25`, `${year}-12-26`]);
    closedCache.set(year, set);
  }
  return set;
}

export function isTarget2Day(iso: string): boolean {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const weekday = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
  return weekday !== 0 && weekday !== 6 && !closedDays(y).has(iso);
}

/** The date itself when it is a business day, else the next one. */
const nextCache = new Map<string, string>();
export function nextTarget2Day(iso: string): string {
  const known = nextCache.get(iso);
  if (known) return known;
  let day = iso;
  while (!isTarget2Day(day)) day = addDays(day, 1);
  if (nextCache.size < 10_000) nextCache.set(iso, day);
  return day;
}

/** `n` business days after `iso` (not counting `iso` itself). */
export function addTarget2Days(iso: string, n: number): string {
  let day = iso;
  for (let k = 0; k < n; ) {
    day = addDays(day, 1);
    if (isTarget2Day(day)) k++;
  }
  return day;
}

import { addDays, easterSunday } from '../../../shared/dutch/dates';

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

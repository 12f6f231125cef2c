/**
 * Day numbers: days since 1970-01-01 in the proleptic Gregorian calendar, by integer
 * arithmetic only (no Date, no time zone, no DST). The one place ISO dates and day numbers are
 * converted: the condition engine's interval algebra, the calendar helpers in dates.ts, the
 * demo generator, the Excel writer and the renderer's timelines all use it.
 */

export function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

export function daysInMonth(y: number, m: number): number {
  if (m === 2) return isLeapYear(y) ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

// Howard Hinnant's days_from_civil; valid for any integer year.
export function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400; // [0, 399]
  const doy = Math.floor((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5) + d - 1; // [0, 365]
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy; // [0, 146096]
  return era * 146097 + doe - 719468;
}

/** Parses four/two digits at [start, end); -1 when any character is not a digit. */
function digitsAt(s: string, start: number, end: number): number {
  let n = 0;
  for (let i = start; i < end; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}

/** [year, month, day] of a valid 'YYYY-MM-DD', or null. */
export function parseYmd(iso: string): [number, number, number] | null {
  if (iso.length !== 10 || iso.charCodeAt(4) !== 45 || iso.charCodeAt(7) !== 45) return null;
  const y = digitsAt(iso, 0, 4);
  const m = digitsAt(iso, 5, 7);
  const d = digitsAt(iso, 8, 10);
  if (y < 0 || m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return null;
  return [y, m, d];
}

/** Day number of an ISO date 'YYYY-MM-DD' (years 0000–9999). Throws RangeError on anything else. */
export function toDay(iso: string): number {
  // Inlined parse: this runs for every dated fact of every relation.
  if (iso.length === 10 && iso.charCodeAt(4) === 45 && iso.charCodeAt(7) === 45) {
    const y = digitsAt(iso, 0, 4);
    const m = digitsAt(iso, 5, 7);
    const d = digitsAt(iso, 8, 10);
    if (y >= 0 && m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m)) return daysFromCivil(y, m, d);
  }
  throw new RangeError(`Not an ISO date: ${String(iso)}`);
}

/** Smallest and largest day numbers `fromDay` can write as 'YYYY-MM-DD'. */
export const MIN_DAY = daysFromCivil(0, 1, 1);
export const MAX_DAY = daysFromCivil(9999, 12, 31);

const PAD2: readonly string[] = Array.from({ length: 100 }, (_, i) => (i < 10 ? `0${i}` : String(i)));

/** ISO date 'YYYY-MM-DD' of a day number (Hinnant's civil_from_days, no Date allocation). */
export function fromDay(n: number): string {
  if (!Number.isInteger(n) || n < MIN_DAY || n > MAX_DAY) {
    throw new RangeError(`Not a representable day number: ${n}`);
  }
  const z = n + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return `${PAD2[Math.floor(y / 100)]!}${PAD2[y % 100]!}-${PAD2[m]!}-${PAD2[d]!}`;
}


/** [year, month, day] of a day number (Hinnant's civil_from_days). */
export function civilFromDays(days: number): [number, number, number] {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return [yoe + era * 400 + (m <= 2 ? 1 : 0), m, d];
}

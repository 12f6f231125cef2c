/**
 * Deliberately simple day-by-day reference implementation of interval-set.ts,
 * for tests and benchmarks ONLY (the oracle / baseline). Never use in product code:
 * it enumerates every day in a bounded window.
 *
 * A set of days is a plain Set<number> of day numbers (days since 1970-01-01).
 * Everything is restricted to a window [lo, hi) so unbounded ends become finite.
 * Calendar conversion goes through the JavaScript Date object in UTC, so it is
 * independent of the integer algorithm in interval-set.ts.
 *
 * This module shares no code with interval-set.ts on purpose.
 */

const MS_PER_DAY = 86_400_000;

/** Half-open window [lo, hi) of day numbers; both finite. */
export interface DayWindow {
  readonly lo: number;
  readonly hi: number;
}

/** A half-open run [from, to) of day numbers; ends may be ±Infinity. */
export interface DayRun {
  readonly from: number;
  readonly to: number;
}

export type DaySet = ReadonlySet<number>;

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/** Day number of 'YYYY-MM-DD' via Date.UTC; throws RangeError for non-dates. */
export function naiveToDay(iso: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/u.exec(iso);
  if (!m) throw new RangeError(`Not an ISO date: ${iso}`);
  const date = new Date(0);
  date.setUTCFullYear(Number(m[1]), Number(m[2]) - 1, Number(m[3])); // not Date.UTC: it maps years 0–99 to 1900–1999
  if (naiveFromDay(date.getTime() / MS_PER_DAY) !== iso) throw new RangeError(`Not an ISO date: ${iso}`);
  return date.getTime() / MS_PER_DAY;
}

/** 'YYYY-MM-DD' of a day number via Date. */
export function naiveFromDay(day: number): string {
  const date = new Date(day * MS_PER_DAY);
  return `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1, 2)}-${pad(date.getUTCDate(), 2)}`;
}

/** Every day of the window. */
export function windowDays(w: DayWindow): Set<number> {
  const out = new Set<number>();
  for (let d = w.lo; d < w.hi; d++) out.add(d);
  return out;
}

/** The days of any (possibly unsorted, overlapping, empty) runs that fall inside the window. */
export function daysOf(runs: readonly DayRun[], w: DayWindow): Set<number> {
  const out = new Set<number>();
  for (const r of runs) {
    for (let d = w.lo; d < w.hi; d++) if (d >= r.from && d < r.to) out.add(d);
  }
  return out;
}

export function naiveUnion(a: DaySet, b: DaySet): Set<number> {
  const out = new Set(a);
  for (const d of b) out.add(d);
  return out;
}

export function naiveIntersect(a: DaySet, b: DaySet): Set<number> {
  const out = new Set<number>();
  for (const d of a) if (b.has(d)) out.add(d);
  return out;
}

export function naiveDifference(a: DaySet, b: DaySet): Set<number> {
  const out = new Set<number>();
  for (const d of a) if (!b.has(d)) out.add(d);
  return out;
}

/** Window days not in `a`. */
export function naiveComplement(a: DaySet, w: DayWindow): Set<number> {
  const out = new Set<number>();
  for (let d = w.lo; d < w.hi; d++) if (!a.has(d)) out.add(d);
  return out;
}

export function naiveContains(a: DaySet, day: number): boolean {
  return a.has(day);
}

export function naiveShift(a: DaySet, days: number): Set<number> {
  const out = new Set<number>();
  for (const d of a) out.add(d + days);
  return out;
}

/** The days of `a` inside the window, as sorted maximal runs of consecutive days. */
export function naiveRuns(a: DaySet, w: DayWindow): DayRun[] {
  const out: DayRun[] = [];
  let start: number | null = null;
  for (let d = w.lo; d <= w.hi; d++) {
    const inSet = d < w.hi && a.has(d);
    if (inSet && start === null) start = d;
    if (!inSet && start !== null) {
      out.push({ from: start, to: d });
      start = null;
    }
  }
  return out;
}

/** Walks left and right from `day` while the days stay in `a` (and in the window). */
export function naiveRunContaining(a: DaySet, day: number, w: DayWindow): DayRun | null {
  if (!a.has(day)) return null;
  let from = day;
  while (from - 1 >= w.lo && a.has(from - 1)) from--;
  let to = day + 1;
  while (to < w.hi && a.has(to)) to++;
  return { from, to };
}

/** Tries day, day+1, … up to the end of the window. */
export function naiveFirstDayOnOrAfter(a: DaySet, day: number, w: DayWindow): number | null {
  for (let d = Math.max(day, w.lo); d < w.hi; d++) if (a.has(d)) return d;
  return null;
}

/**
 * Age in whole years on `dayIso` for someone born on `birthIso`, counted the
 * textbook way: years since birth, minus one if this year's birthday has not
 * come yet. A 29 February birthday is celebrated on 1 March in non-leap years.
 */
export function naiveAgeOn(birthIso: string, dayIso: string): number {
  const [by, bm, bd] = birthIso.split('-').map(Number) as [number, number, number];
  const [y, m, d] = dayIso.split('-').map(Number) as [number, number, number];
  // Leap year iff the day before 1 March is the 29th; asks Date rather than a formula.
  const leap = naiveFromDay(naiveToDay(`${pad(y, 4)}-03-01`) - 1).endsWith('-29');
  let [cm, cd] = [bm, bd];
  if (bm === 2 && bd === 29 && !leap) [cm, cd] = [3, 1];
  const hadBirthday = m > cm || (m === cm && d >= cd);
  return y - by - (hadBirthday ? 0 : 1);
}

/** Window days on which the person's age is in [minAge, maxAge] (no upper bound without maxAge). */
export function naiveAgeDays(birthIso: string, minAge: number, maxAge: number | undefined, w: DayWindow): Set<number> {
  const birth = naiveToDay(birthIso);
  const out = new Set<number>();
  for (let day = Math.max(w.lo, birth); day < w.hi; day++) {
    const age = naiveAgeOn(birthIso, naiveFromDay(day));
    if (age >= minAge && (maxAge === undefined || age <= maxAge)) out.add(day);
  }
  return out;
}

/** Sorted array form, handy for readable test failures. */
export function sortedDays(a: DaySet): number[] {
  return [...a].sort((p, q) => p - q);
}

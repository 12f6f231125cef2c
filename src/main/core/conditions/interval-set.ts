/**
 * Exact set algebra on calendar days, used to evaluate selection conditions
 * (AND/OR/NOT over dated facts) without looping over days.
 *
 * Days are integers: days since 1970-01-01 in the proleptic Gregorian calendar,
 * computed with pure integer arithmetic (no Date, no time zones, no DST).
 * The public boundary speaks ISO 'YYYY-MM-DD' via `toDay` / `fromDay`.
 *
 * An `Interval` is half-open [from, to); `from` may be NEG_INF and `to` POS_INF.
 * An `IntervalSet` is kept normalised: sorted, every interval non-empty, and no two
 * intervals overlapping or touching ([1,3) + [3,5) is stored as [1,5)). Because the
 * normal form is canonical, two sets hold the same days exactly when they are
 * structurally equal.
 *
 * Every operation below assumes normalised inputs (which every function here
 * produces) and runs in linear time over them, or logarithmic for look-ups.
 * Build sets from raw intervals only through `normalize`, `fromPeriod` or
 * `ageInterval`.
 */
import { daysFromCivil, fromDay, isLeapYear, parseYmd, toDay } from '../../../shared/dutch/day-numbers';

export interface Interval {
  readonly from: number;
  readonly to: number;
}

export type IntervalSet = readonly Interval[];

export const NEG_INF = Number.NEGATIVE_INFINITY;
export const POS_INF = Number.POSITIVE_INFINITY;

export const EMPTY: IntervalSet = Object.freeze([]);
export const ALL: IntervalSet = Object.freeze([Object.freeze({ from: NEG_INF, to: POS_INF })]);

// Day numbers <-> ISO dates live in shared/dutch/day-numbers.ts, the one place they are converted.
export { fromDay, MAX_DAY, MIN_DAY, toDay } from '../../../shared/dutch/day-numbers';

// ---------------------------------------------------------------------------
// Construction and normal form
// ---------------------------------------------------------------------------

function isBound(x: number): boolean {
  return Number.isInteger(x) || x === NEG_INF || x === POS_INF;
}

/**
 * True when `set` is in normal form: every interval non-empty with integer (or
 * infinite) ends, sorted, and separated from the next by at least one day.
 */
export function isNormalized(set: readonly Interval[]): boolean {
  let prevTo = NEG_INF;
  for (let i = 0; i < set.length; i++) {
    const { from, to } = set[i]!;
    if (!isBound(from) || !isBound(to) || !(from < to)) return false;
    if (i > 0 && !(from > prevTo)) return false;
    prevTo = to;
  }
  return true;
}

/**
 * Normal form of arbitrary intervals: drops empty ones (from >= to), sorts, and
 * merges overlapping and touching ones. O(n log n). Throws RangeError on NaN or
 * fractional ends.
 */
export function normalize(intervals: readonly Interval[]): IntervalSet {
  const items: Interval[] = [];
  let sorted = true;
  for (const iv of intervals) {
    if (!isBound(iv.from) || !isBound(iv.to)) {
      throw new RangeError(`Interval ends must be integers or ±Infinity: [${iv.from}, ${iv.to})`);
    }
    if (iv.from < iv.to) {
      if (items.length > 0 && iv.from < items[items.length - 1]!.from) sorted = false;
      items.push(iv);
    }
  }
  if (!sorted) items.sort((p, q) => (p.from < q.from ? -1 : p.from > q.from ? 1 : 0)); // not p.from - q.from: -∞ - -∞ is NaN
  const out: Interval[] = [];
  let i = 0;
  while (i < items.length) {
    const first = items[i]!;
    let to = first.to;
    let j = i + 1;
    while (j < items.length && items[j]!.from <= to) {
      if (items[j]!.to > to) to = items[j]!.to;
      j++;
    }
    out.push(to === first.to ? first : { from: first.from, to });
    i = j;
  }
  return out;
}

/**
 * The days of a validity period: `validFrom` inclusive, `validTo` exclusive, null
 * meaning unbounded on that side. Empty when validTo <= validFrom.
 */
export function fromPeriod(validFrom: string | null, validTo: string | null): IntervalSet {
  const from = validFrom === null ? NEG_INF : toDay(validFrom);
  const to = validTo === null ? POS_INF : toDay(validTo);
  return from < to ? [{ from, to }] : EMPTY;
}

/** The set as ISO periods (from inclusive, to exclusive, null = unbounded). */
export function toPeriods(set: IntervalSet): { from: string | null; to: string | null }[] {
  return set.map((iv) => ({
    from: iv.from === NEG_INF ? null : fromDay(iv.from),
    to: iv.to === POS_INF ? null : fromDay(iv.to),
  }));
}

// ---------------------------------------------------------------------------
// Boolean algebra
// ---------------------------------------------------------------------------

export function isEmpty(set: IntervalSet): boolean {
  return set.length === 0;
}

/** a ∪ b (condition OR). Linear merge. */
export function union(a: IntervalSet, b: IntervalSet): IntervalSet {
  if (a.length === 0) return b;
  if (b.length === 0) return a;
  const out: Interval[] = [];
  let i = 0;
  let j = 0;
  let cur: Interval | null = null;
  let curTo = NEG_INF;
  while (i < a.length || j < b.length) {
    const next = j >= b.length || (i < a.length && a[i]!.from <= b[j]!.from) ? a[i++]! : b[j++]!;
    if (cur === null) {
      cur = next;
      curTo = next.to;
    } else if (next.from <= curTo) {
      if (next.to > curTo) curTo = next.to;
    } else {
      out.push(curTo === cur.to ? cur : { from: cur.from, to: curTo });
      cur = next;
      curTo = next.to;
    }
  }
  out.push(curTo === cur!.to ? cur! : { from: cur!.from, to: curTo });
  return out;
}

/** a ∩ b (condition AND). Linear two-pointer sweep. */
export function intersect(a: IntervalSet, b: IntervalSet): IntervalSet {
  if (a.length === 0 || b.length === 0) return EMPTY;
  const out: Interval[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const x = a[i]!;
    const y = b[j]!;
    const from = x.from > y.from ? x.from : y.from;
    const to = x.to < y.to ? x.to : y.to;
    if (from < to) {
      if (from === x.from && to === x.to) out.push(x);
      else if (from === y.from && to === y.to) out.push(y);
      else out.push({ from, to });
    }
    if (x.to < y.to) i++;
    else j++;
  }
  return out;
}

/** All days not in `a` (condition NOT), within (-∞, ∞). */
export function complement(a: IntervalSet): IntervalSet {
  if (a.length === 0) return ALL;
  const out: Interval[] = [];
  let prev = NEG_INF;
  for (const x of a) {
    if (x.from > prev) out.push({ from: prev, to: x.from });
    prev = x.to;
  }
  if (prev < POS_INF) out.push({ from: prev, to: POS_INF });
  return out;
}

/** a \ b: days in a but not in b. Linear sweep. */
export function difference(a: IntervalSet, b: IntervalSet): IntervalSet {
  if (a.length === 0) return EMPTY;
  if (b.length === 0) return a;
  const out: Interval[] = [];
  let j = 0;
  for (const x of a) {
    let start = x.from;
    while (j < b.length && b[j]!.to <= start) j++;
    let k = j;
    let untouched = true;
    while (k < b.length && b[k]!.from < x.to) {
      const y = b[k]!;
      if (y.from > start) out.push({ from: start, to: y.from });
      untouched = false;
      if (y.to > start) start = y.to;
      if (start >= x.to) break;
      k++;
    }
    if (start < x.to) out.push(untouched ? x : { from: start, to: x.to });
    j = k; // b[k] may still overlap the next interval of a
  }
  return out;
}

/** Reduces pairwise (tournament style) so k sets of total size n cost O(n log k). */
function reducePairwise(sets: readonly IntervalSet[], op: (a: IntervalSet, b: IntervalSet) => IntervalSet): IntervalSet[] {
  let level: IntervalSet[] = [...sets];
  while (level.length > 1) {
    const next: IntervalSet[] = [];
    for (let i = 0; i + 1 < level.length; i += 2) next.push(op(level[i]!, level[i + 1]!));
    if (level.length % 2 === 1) next.push(level[level.length - 1]!);
    level = next;
  }
  return level;
}

/** Union of any number of sets; EMPTY for none. */
export function unionAll(sets: readonly IntervalSet[]): IntervalSet {
  return reducePairwise(sets, union)[0] ?? EMPTY;
}

/** Intersection of any number of sets; ALL for none (the identity of AND). */
export function intersectAll(sets: readonly IntervalSet[]): IntervalSet {
  for (const s of sets) if (s.length === 0) return EMPTY;
  return reducePairwise(sets, intersect)[0] ?? ALL;
}

// ---------------------------------------------------------------------------
// Queries and transformations
// ---------------------------------------------------------------------------

/** Index of the first interval whose `to` is greater than `day` (set.length if none). O(log n). */
function firstEndingAfter(set: IntervalSet, day: number): number {
  let lo = 0;
  let hi = set.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (set[mid]!.to > day) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Whether `day` lies in the set. Binary search, O(log n). */
export function contains(set: IntervalSet, day: number): boolean {
  const iv = set[firstEndingAfter(set, day)];
  return iv !== undefined && iv.from <= day;
}

/**
 * The maximal run of consecutive days in the set that contains `day`, or null if
 * `day` is not in the set. Because the normal form never lets intervals touch,
 * this is exactly the interval holding `day`; its length is `to - from` (Infinity
 * for an open-ended run).
 */
export function longestRunContaining(set: IntervalSet, day: number): Interval | null {
  const iv = set[firstEndingAfter(set, day)];
  return iv !== undefined && iv.from <= day ? iv : null;
}

/** The first day >= `day` that lies in the set, or null if there is none. */
export function firstDayOnOrAfter(set: IntervalSet, day: number): number | null {
  const iv = set[firstEndingAfter(set, day)];
  if (iv === undefined) return null;
  return iv.from > day ? iv.from : day;
}

/** The part of the set within [from, to). O(log n + size of result). */
export function clip(set: IntervalSet, from: number, to: number): IntervalSet {
  if (!isBound(from) || !isBound(to)) throw new RangeError(`clip bounds must be integers or ±Infinity: [${from}, ${to})`);
  if (!(from < to)) return EMPTY;
  const out: Interval[] = [];
  for (let i = firstEndingAfter(set, from); i < set.length; i++) {
    const x = set[i]!;
    if (x.from >= to) break;
    if (x.from >= from && x.to <= to) out.push(x);
    else out.push({ from: x.from > from ? x.from : from, to: x.to < to ? x.to : to });
  }
  return out;
}

/** Number of days in the set; Infinity when the set is unbounded. */
export function totalDays(set: IntervalSet): number {
  let n = 0;
  for (const x of set) n += x.to - x.from;
  return n;
}

/** The set moved by a whole number of days (negative = earlier). Unbounded ends stay unbounded. */
export function shift(set: IntervalSet, days: number): IntervalSet {
  if (!Number.isInteger(days)) throw new RangeError(`shift needs a whole number of days, got ${days}`);
  if (days === 0) return set;
  return set.map((x) => ({ from: x.from + days, to: x.to + days }));
}

// ---------------------------------------------------------------------------
// Ages
// ---------------------------------------------------------------------------

/** The day on which someone born on y-m-d turns `age`. */
function birthdayAt(y: number, m: number, d: number, age: number): number {
  const year = y + age;
  // Born on 29 February: in a non-leap year the birthday falls on 1 March, not 28 February.
  // (Dutch law: such a person becomes a year older on 1 March in non-leap years.)
  if (m === 2 && d === 29 && !isLeapYear(year)) return daysFromCivil(year, 3, 1);
  return daysFromCivil(year, m, d);
}

/**
 * The days on which someone born on `birthIso` is at least `minAge` years old and,
 * if `maxAge` is given, at most `maxAge` years old (i.e. younger than maxAge + 1).
 * Result: [birthday minAge, birthday maxAge+1), or open-ended without maxAge.
 * "Between 12 and 17" is ageInterval(b, 12, 17): from the 12th birthday up to the
 * day before the 18th.
 *
 * Age changes on the birthday itself. Someone born on 29 February becomes a year
 * older on 1 March in non-leap years (the Dutch rule), so they turn 18 on
 * 2026-03-01 when born 2008-02-29, and are still 17 on 2026-02-28.
 *
 * minAge must be a non-negative integer; maxAge an integer or omitted/POS_INF.
 * Empty when maxAge < minAge.
 */
export function ageInterval(birthIso: string, minAge: number, maxAge?: number): IntervalSet {
  const ymd = parseYmd(birthIso);
  if (ymd === null) throw new RangeError(`Not an ISO date: ${String(birthIso)}`);
  if (!Number.isInteger(minAge) || minAge < 0) throw new RangeError(`minAge must be a whole number >= 0, got ${minAge}`);
  if (maxAge !== undefined && maxAge !== POS_INF && !Number.isInteger(maxAge)) {
    throw new RangeError(`maxAge must be a whole number, got ${maxAge}`);
  }
  if (maxAge !== undefined && maxAge < minAge) return EMPTY;
  const [y, m, d] = ymd;
  const from = birthdayAt(y, m, d, minAge);
  const to = maxAge === undefined || maxAge === POS_INF ? POS_INF : birthdayAt(y, m, d, maxAge + 1);
  return [{ from, to }];
}

/**
 * The birthdays (age ≥ 1, so not the birth day itself) of someone born on `birthIso` that fall
 * within [from, to), one day each, with the same 29 February rule as `ageInterval`. Unbounded
 * ends are capped at the birth and at 150 years, so "always" stays a finite set.
 */
/**
 * The birth dates ('MM-DD') that can have a birthday within [from, to), by `birthdayAt`'s rule
 * (29 February's falls on 1 March in other years): a filter before `birthdayDays`, which stays
 * exact. Null for a window of a year or more, or unbounded (every birth date can).
 */
export function birthdayMonthDays(from: number, to: number): Set<string> | null {
  if (from === NEG_INF || to === POS_INF || to - from >= 365) return null;
  const out = new Set<string>();
  for (let day = from; day < to; day++) {
    const md = fromDay(day).slice(5);
    out.add(md);
    if (md === '03-01') out.add('02-29');
  }
  return out;
}

export function birthdayDays(birthIso: string, from: number, to: number): IntervalSet {
  const ymd = parseYmd(birthIso);
  if (ymd === null) throw new RangeError(`Not an ISO date: ${String(birthIso)}`);
  const [y, m, d] = ymd;
  const out: Interval[] = [];
  const first = from === NEG_INF ? 1 : Math.max(1, Number(fromDay(from).slice(0, 4)) - y - 1);
  for (let age = first; age <= 150; age++) {
    const day = birthdayAt(y, m, d, age);
    if (day >= to) break;
    if (day >= from) out.push({ from: day, to: day + 1 });
  }
  return out;
}

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ALL,
  EMPTY,
  MAX_DAY,
  MIN_DAY,
  NEG_INF,
  POS_INF,
  ageInterval,
  birthdayDays,
  birthdayMonthDays,
  clip,
  complement,
  contains,
  difference,
  firstDayOnOrAfter,
  fromDay,
  fromPeriod,
  intersect,
  intersectAll,
  isEmpty,
  isNormalized,
  longestRunContaining,
  normalize,
  shift,
  toDay,
  toPeriods,
  totalDays,
  union,
  unionAll,
} from './interval-set';
import type { Interval, IntervalSet } from './interval-set';
import {
  daysOf,
  naiveAgeDays,
  naiveAgeOn,
  naiveComplement,
  naiveDifference,
  naiveFirstDayOnOrAfter,
  naiveFromDay,
  naiveIntersect,
  naiveRunContaining,
  naiveRuns,
  naiveShift,
  naiveToDay,
  naiveUnion,
  windowDays,
} from '../../../../test/support/naive-days';
import type { DaySet, DayWindow } from '../../../../test/support/naive-days';

const iv = (from: number, to: number): Interval => ({ from, to });

function isRealDate(iso: string): boolean {
  try {
    naiveToDay(iso);
    return true;
  } catch {
    return false;
  }
}
const d = toDay;

// ---------------------------------------------------------------------------
// Helpers shared by the property tests
// ---------------------------------------------------------------------------

/**
 * The normal-form invariants, checked independently of `isNormalized` (which is
 * itself under test): integer or infinite ends, non-empty, sorted, non-touching.
 */
function expectNormal(set: IntervalSet): IntervalSet {
  for (let i = 0; i < set.length; i++) {
    const { from, to } = set[i]!;
    expect(Number.isInteger(from) || from === NEG_INF, `from of #${i}`).toBe(true);
    expect(Number.isInteger(to) || to === POS_INF, `to of #${i}`).toBe(true);
    expect(from, `interval #${i} non-empty`).toBeLessThan(to);
    if (i > 0) expect(from, `interval #${i} separated from the previous one`).toBeGreaterThan(set[i - 1]!.to);
  }
  expect(isNormalized(set)).toBe(true);
  return set;
}

/**
 * Generated finite ends all lie strictly inside this window, so comparing inside
 * it decides everything: the clipped structure, and whether an end is unbounded
 * (the set holds the window's first/last day exactly when it is).
 */
const W: DayWindow = { lo: -100, hi: 250 };

const days = (set: IntervalSet): Set<number> => daysOf(set, W);

function expectSameAsNaive(exact: IntervalSet, naive: DaySet): void {
  expectNormal(exact);
  expect(clip(exact, W.lo, W.hi)).toEqual(naiveRuns(naive, W));
  expect(exact.length > 0 && exact[0]!.from === NEG_INF).toBe(naive.has(W.lo));
  expect(exact.length > 0 && exact[exact.length - 1]!.to === POS_INF).toBe(naive.has(W.hi - 1));
}

/** Raw, unnormalised intervals: overlapping, touching, empty, reversed and unbounded ones all occur. */
const rawInterval: fc.Arbitrary<Interval> = fc.oneof(
  // Free-form, ends in [-63, 200].
  fc
    .record({
      a: fc.integer({ min: -60, max: 160 }),
      len: fc.integer({ min: -3, max: 40 }),
      lowInf: fc.integer({ min: 0, max: 9 }),
      highInf: fc.integer({ min: 0, max: 9 }),
    })
    .map(({ a, len, lowInf, highInf }) => iv(lowInf === 0 ? NEG_INF : a, highInf === 0 ? POS_INF : a + len)),
  // On a grid of 5, so that touching intervals are common.
  fc
    .record({ a: fc.integer({ min: -12, max: 32 }), len: fc.integer({ min: 0, max: 6 }) })
    .map(({ a, len }) => iv(5 * a, 5 * (a + len))),
);
const rawIntervals = fc.array(rawInterval, { maxLength: 10 });
const intervalSet: fc.Arbitrary<IntervalSet> = rawIntervals.map(normalize);
const dayInWindow = fc.integer({ min: W.lo, max: W.hi - 1 });

type Expr =
  | { readonly op: 'atom'; readonly index: number }
  | { readonly op: 'and' | 'or'; readonly left: Expr; readonly right: Expr }
  | { readonly op: 'not'; readonly arg: Expr };

/** Condition trees of depth <= 4 over atoms taken from a small pool (so atoms repeat, as in real conditions). */
const POOL_SIZE = 4;
const exprArbs: fc.Arbitrary<Expr>[] = [fc.nat(POOL_SIZE - 1).map((index): Expr => ({ op: 'atom', index }))];
for (let depth = 1; depth <= 4; depth++) {
  const sub = exprArbs[depth - 1]!;
  exprArbs.push(
    fc.oneof(
      exprArbs[0]!,
      fc.tuple(sub, sub).map(([left, right]): Expr => ({ op: 'and', left, right })),
      fc.tuple(sub, sub).map(([left, right]): Expr => ({ op: 'or', left, right })),
      sub.map((arg): Expr => ({ op: 'not', arg })),
    ),
  );
}
const exprOfDepth4 = exprArbs[4]!;

function evalExact(e: Expr, pool: readonly IntervalSet[]): IntervalSet {
  switch (e.op) {
    case 'atom':
      return pool[e.index]!;
    case 'and':
      return expectNormal(intersect(evalExact(e.left, pool), evalExact(e.right, pool)));
    case 'or':
      return expectNormal(union(evalExact(e.left, pool), evalExact(e.right, pool)));
    case 'not':
      return expectNormal(complement(evalExact(e.arg, pool)));
  }
}

function evalNaive(e: Expr, pool: readonly DaySet[]): DaySet {
  switch (e.op) {
    case 'atom':
      return pool[e.index]!;
    case 'and':
      return naiveIntersect(evalNaive(e.left, pool), evalNaive(e.right, pool));
    case 'or':
      return naiveUnion(evalNaive(e.left, pool), evalNaive(e.right, pool));
    case 'not':
      return naiveComplement(evalNaive(e.arg, pool), W);
  }
}

// ---------------------------------------------------------------------------
// Day numbers
// ---------------------------------------------------------------------------

describe('toDay / fromDay', () => {
  it('counts days from 1970-01-01 without time zones', () => {
    expect(toDay('1970-01-01')).toBe(0);
    expect(toDay('1969-12-31')).toBe(-1);
    expect(toDay('2000-01-01')).toBe(10957);
    expect(toDay('2000-03-01')).toBe(11017);
    expect(fromDay(0)).toBe('1970-01-01');
    expect(fromDay(-1)).toBe('1969-12-31');
  });

  it('knows leap years: every 4th, not centuries, except every 400th', () => {
    expect(d('2024-03-01') - d('2024-02-28')).toBe(2);
    expect(d('2023-03-01') - d('2023-02-28')).toBe(1);
    expect(d('1900-03-01') - d('1900-02-28')).toBe(1);
    expect(d('2000-03-01') - d('2000-02-28')).toBe(2);
    expect(d('2100-03-01') - d('2100-02-28')).toBe(1);
    expect(() => toDay('1900-02-29')).toThrow(RangeError);
    expect(toDay('2000-02-29')).toBe(11016);
  });

  it('round-trips every day from 1900 to 2100 and agrees with Date', () => {
    const first = d('1900-01-01');
    const last = d('2100-12-31');
    expect(last - first + 1).toBe(201 * 365 + 49); // leap years 1904–2096 incl. 2000; 1900 and 2100 are not
    const mismatches: string[] = [];
    for (let n = first; n <= last; n++) {
      const iso = fromDay(n);
      if (iso !== naiveFromDay(n) || toDay(iso) !== n) mismatches.push(`${n} -> ${iso}`);
    }
    expect(mismatches).toEqual([]);
  });

  it('round-trips the extremes of four-digit years', () => {
    expect(fromDay(MIN_DAY)).toBe('0000-01-01');
    expect(fromDay(MAX_DAY)).toBe('9999-12-31');
    expect(toDay('0000-01-01')).toBe(MIN_DAY);
    expect(toDay('0000-03-01') - toDay('0000-02-28')).toBe(2); // year 0 is a leap year
    expect(toDay('0001-01-01')).toBe(naiveToDay('0001-01-01'));
    expect(() => fromDay(MIN_DAY - 1)).toThrow(RangeError);
    expect(() => fromDay(MAX_DAY + 1)).toThrow(RangeError);
  });

  it('rejects malformed and impossible dates', () => {
    for (const bad of ['', '2023-1-01', '2023-01-1', '2023/01/01', '20230101', '2023-00-10', '2023-13-01', '2023-04-31', '2023-02-29', 'abcd-ef-gh', ' 2023-01-01', '2023-01-01T00:00']) {
      expect(() => toDay(bad), bad).toThrow(RangeError);
    }
  });

  it('rejects day numbers that are not whole finite days', () => {
    for (const bad of [0.5, NaN, POS_INF, NEG_INF]) expect(() => fromDay(bad)).toThrow(RangeError);
  });

  it('agrees with Date on random days across the full four-digit range', () => {
    fc.assert(
      fc.property(fc.integer({ min: MIN_DAY, max: MAX_DAY }), (n) => {
        expect(fromDay(n)).toBe(naiveFromDay(n));
        expect(toDay(fromDay(n))).toBe(n);
      }),
    );
  });
});

// ---------------------------------------------------------------------------
// Construction
// ---------------------------------------------------------------------------

describe('normalize', () => {
  it('merges touching intervals', () => {
    expect(normalize([iv(1, 3), iv(3, 5)])).toEqual([iv(1, 5)]);
  });

  it('keeps intervals one day apart separate', () => {
    expect(normalize([iv(1, 3), iv(4, 5)])).toEqual([iv(1, 3), iv(4, 5)]);
  });

  it('sorts, merges overlaps and drops empty or reversed intervals', () => {
    expect(normalize([iv(10, 12), iv(7, 7), iv(2, 6), iv(9, 4), iv(1, 3), iv(11, 15)])).toEqual([iv(1, 6), iv(10, 15)]);
  });

  it('handles unbounded ends', () => {
    expect(normalize([iv(5, POS_INF), iv(NEG_INF, 0), iv(0, 2)])).toEqual([iv(NEG_INF, 2), iv(5, POS_INF)]);
    expect(normalize([iv(NEG_INF, 3), iv(NEG_INF, 1), iv(2, POS_INF)])).toEqual(ALL);
  });

  it('rejects NaN and fractional ends', () => {
    expect(() => normalize([iv(NaN, 3)])).toThrow(RangeError);
    expect(() => normalize([iv(1, 2.5)])).toThrow(RangeError);
  });

  it('gives the same days as the raw intervals, in normal form, idempotently and order-independently', () => {
    fc.assert(
      fc.property(rawIntervals, (raw) => {
        const set = normalize(raw);
        expectSameAsNaive(set, daysOf(raw, W));
        expect(normalize(set)).toEqual(set);
        expect(normalize([...raw].reverse())).toEqual(set);
      }),
    );
  });
});

describe('isNormalized', () => {
  it('rejects touching, overlapping, unsorted and empty intervals', () => {
    expect(isNormalized([iv(1, 3), iv(3, 5)])).toBe(false);
    expect(isNormalized([iv(1, 4), iv(3, 5)])).toBe(false);
    expect(isNormalized([iv(6, 8), iv(1, 3)])).toBe(false);
    expect(isNormalized([iv(2, 2)])).toBe(false);
    expect(isNormalized([iv(1, 3), iv(4, 5)])).toBe(true);
    expect(isNormalized(EMPTY)).toBe(true);
    expect(isNormalized(ALL)).toBe(true);
  });
});

describe('fromPeriod / toPeriods', () => {
  it('treats validTo as exclusive and null as unbounded', () => {
    expect(fromPeriod('2010-05-01', null)).toEqual([iv(d('2010-05-01'), POS_INF)]);
    expect(fromPeriod(null, '2010-05-01')).toEqual([iv(NEG_INF, d('2010-05-01'))]);
    expect(fromPeriod(null, null)).toEqual(ALL);
    expect(fromPeriod('2010-05-01', '2010-05-02')).toEqual([iv(d('2010-05-01'), d('2010-05-02'))]);
  });

  it('is empty for a period that ends on or before its start', () => {
    expect(fromPeriod('2010-05-01', '2010-05-01')).toEqual(EMPTY);
    expect(fromPeriod('2010-05-02', '2010-05-01')).toEqual(EMPTY);
  });

  it('writes periods back as ISO dates with null for unbounded ends', () => {
    const set = union(fromPeriod(null, '2001-01-01'), fromPeriod('2010-05-01', null));
    expect(toPeriods(set)).toEqual([
      { from: null, to: '2001-01-01' },
      { from: '2010-05-01', to: null },
    ]);
    expect(toPeriods(EMPTY)).toEqual([]);
  });

  it('an address that ends the day the next one starts gives one contiguous period', () => {
    const addresses = unionAll([fromPeriod('2005-01-01', '2010-05-01'), fromPeriod('2010-05-01', null)]);
    expect(toPeriods(addresses)).toEqual([{ from: '2005-01-01', to: null }]);
  });

  it('round-trips any set through periods', () => {
    fc.assert(
      fc.property(intervalSet, (set) => {
        expect(unionAll(toPeriods(set).map((p) => fromPeriod(p.from, p.to)))).toEqual(set);
      }),
    );
  });
});

// ---------------------------------------------------------------------------
// Boolean algebra: examples
// ---------------------------------------------------------------------------

describe('set operations on examples', () => {
  const a = [iv(1, 5), iv(10, 20)];
  const b = [iv(3, 12), iv(20, 25)];

  it('union merges overlaps and touching ends', () => {
    expect(union(a, b)).toEqual([iv(1, 25)]);
    expect(union([iv(1, 3)], [iv(3, 5)])).toEqual([iv(1, 5)]);
    expect(union([iv(1, 3)], [iv(4, 5)])).toEqual([iv(1, 3), iv(4, 5)]);
  });

  it('intersect keeps only shared days', () => {
    expect(intersect(a, b)).toEqual([iv(3, 5), iv(10, 12)]);
    expect(intersect([iv(1, 3)], [iv(3, 5)])).toEqual(EMPTY);
  });

  it('complement of EMPTY is ALL and of ALL is EMPTY', () => {
    expect(complement(EMPTY)).toEqual(ALL);
    expect(complement(ALL)).toEqual(EMPTY);
  });

  it('complement handles bounded and unbounded ends', () => {
    expect(complement(a)).toEqual([iv(NEG_INF, 1), iv(5, 10), iv(20, POS_INF)]);
    expect(complement([iv(NEG_INF, 0), iv(7, POS_INF)])).toEqual([iv(0, 7)]);
  });

  it('difference removes days, possibly splitting intervals', () => {
    expect(difference(a, b)).toEqual([iv(1, 3), iv(12, 20)]);
    expect(difference([iv(0, 100)], [iv(10, 20), iv(30, 40)])).toEqual([iv(0, 10), iv(20, 30), iv(40, 100)]);
    expect(difference(ALL, [iv(0, 1)])).toEqual([iv(NEG_INF, 0), iv(1, POS_INF)]);
  });

  it('unionAll of nothing is EMPTY and intersectAll of nothing is ALL', () => {
    expect(unionAll([])).toEqual(EMPTY);
    expect(intersectAll([])).toEqual(ALL);
    expect(intersectAll([a, b, [iv(4, 11)]])).toEqual([iv(4, 5), iv(10, 11)]);
  });

  it('isEmpty only for the empty set', () => {
    expect(isEmpty(EMPTY)).toBe(true);
    expect(isEmpty(intersect(a, [iv(5, 10)]))).toBe(true);
    expect(isEmpty(a)).toBe(false);
  });

  it('EMPTY and ALL cannot be mutated', () => {
    expect(Object.isFrozen(EMPTY)).toBe(true);
    expect(Object.isFrozen(ALL)).toBe(true);
    expect(Object.isFrozen(ALL[0])).toBe(true);
  });

  it('evaluates a realistic condition: lives in Utrecht and not a member, on date', () => {
    const inUtrecht = unionAll([fromPeriod('2001-01-01', '2010-05-01'), fromPeriod('2015-03-01', null)]);
    const member = fromPeriod('2008-01-01', '2016-01-01');
    const result = intersect(inUtrecht, complement(member));
    expect(toPeriods(result)).toEqual([
      { from: '2001-01-01', to: '2008-01-01' },
      { from: '2016-01-01', to: null },
    ]);
    expect(contains(result, d('2007-12-31'))).toBe(true);
    expect(contains(result, d('2008-01-01'))).toBe(false);
  });
});

describe('queries on examples', () => {
  const set = [iv(NEG_INF, 0), iv(5, 10), iv(20, POS_INF)];

  it('contains respects half-open ends', () => {
    expect(contains(set, -1_000_000)).toBe(true);
    expect(contains(set, 0)).toBe(false);
    expect(contains(set, 5)).toBe(true);
    expect(contains(set, 9)).toBe(true);
    expect(contains(set, 10)).toBe(false);
    expect(contains(set, 1_000_000)).toBe(true);
    expect(contains(EMPTY, 0)).toBe(false);
  });

  it('longestRunContaining returns the whole run around the day', () => {
    expect(longestRunContaining(set, 7)).toEqual(iv(5, 10));
    expect(longestRunContaining(set, 10)).toBeNull();
    expect(longestRunContaining(set, 25)).toEqual(iv(20, POS_INF));
  });

  it('contiguous membership length spans periods that touch', () => {
    const memberships = unionAll([fromPeriod('2010-01-01', '2012-01-01'), fromPeriod('2012-01-01', '2013-01-01')]);
    const run = longestRunContaining(memberships, d('2012-06-01'))!;
    expect(run.to - run.from).toBe(d('2013-01-01') - d('2010-01-01'));
  });

  it('firstDayOnOrAfter returns the day itself or the next start', () => {
    expect(firstDayOnOrAfter(set, -3)).toBe(-3);
    expect(firstDayOnOrAfter(set, 0)).toBe(5);
    expect(firstDayOnOrAfter(set, 12)).toBe(20);
    expect(firstDayOnOrAfter([iv(1, 3)], 3)).toBeNull();
    expect(firstDayOnOrAfter(EMPTY, 0)).toBeNull();
  });

  it('clip restricts to a window, open windows included', () => {
    expect(clip(set, -2, 7)).toEqual([iv(-2, 0), iv(5, 7)]);
    expect(clip(set, NEG_INF, 6)).toEqual([iv(NEG_INF, 0), iv(5, 6)]);
    expect(clip(set, 3, 3)).toEqual(EMPTY);
  });

  it('totalDays counts days and is Infinity for unbounded sets', () => {
    expect(totalDays([iv(1, 5), iv(10, 20)])).toBe(14);
    expect(totalDays(EMPTY)).toBe(0);
    expect(totalDays(set)).toBe(POS_INF);
  });

  it('shift moves finite ends and leaves unbounded ends alone', () => {
    expect(shift(set, 3)).toEqual([iv(NEG_INF, 3), iv(8, 13), iv(23, POS_INF)]);
    expect(() => shift(set, 0.5)).toThrow(RangeError);
  });
});

// ---------------------------------------------------------------------------
// Ages
// ---------------------------------------------------------------------------

describe('ageInterval', () => {
  it('a person is 12 to 17 from the 12th birthday up to the day before the 18th', () => {
    expect(toPeriods(ageInterval('2000-06-15', 12, 17))).toEqual([{ from: '2012-06-15', to: '2018-06-15' }]);
  });

  it('without maxAge the interval is open-ended', () => {
    expect(toPeriods(ageInterval('2000-06-15', 65))).toEqual([{ from: '2065-06-15', to: null }]);
  });

  it('age 0 starts on the day of birth', () => {
    expect(toPeriods(ageInterval('2000-06-15', 0, 0))).toEqual([{ from: '2000-06-15', to: '2001-06-15' }]);
  });

  it('someone born on 29 February turns a year older on 1 March in non-leap years', () => {
    expect(toPeriods(ageInterval('2008-02-29', 18))).toEqual([{ from: '2026-03-01', to: null }]);
    const adult = ageInterval('2008-02-29', 18);
    expect(contains(adult, d('2026-02-28'))).toBe(false);
    expect(contains(adult, d('2026-03-01'))).toBe(true);
  });

  it('someone born on 29 February has the birthday on 29 February in leap years', () => {
    expect(toPeriods(ageInterval('2004-02-29', 20, 20))).toEqual([{ from: '2024-02-29', to: '2025-03-01' }]);
    expect(toPeriods(ageInterval('1996-02-29', 4, 4))).toEqual([{ from: '2000-02-29', to: '2001-03-01' }]);
    expect(toPeriods(ageInterval('1896-02-29', 4, 4))).toEqual([{ from: '1900-03-01', to: '1901-03-01' }]); // 1900 no leap year
  });

  it('someone born on 28 February or 1 March is unaffected by leap years', () => {
    expect(toPeriods(ageInterval('2008-02-28', 1, 1))).toEqual([{ from: '2009-02-28', to: '2010-02-28' }]);
    expect(toPeriods(ageInterval('2008-03-01', 1, 1))).toEqual([{ from: '2009-03-01', to: '2010-03-01' }]);
  });

  it('is empty when maxAge is below minAge and rejects bad input', () => {
    expect(ageInterval('2000-06-15', 18, 17)).toEqual(EMPTY);
    expect(() => ageInterval('2000-06-15', -1)).toThrow(RangeError);
    expect(() => ageInterval('2000-06-15', 1.5)).toThrow(RangeError);
    expect(() => ageInterval('2000-06-15', 1, 2.5)).toThrow(RangeError);
    expect(() => ageInterval('2001-02-29', 1)).toThrow(RangeError);
  });

  const birthIso = fc.oneof(
    fc.integer({ min: d('1896-01-01'), max: d('2096-12-31') }).map(fromDay),
    // Around the leap day, where the rules bite.
    fc
      .tuple(fc.integer({ min: 1896, max: 2096 }), fc.constantFrom('02-28', '02-29', '03-01'))
      .map(([y, md]) => `${y}-${md}`)
      .filter(isRealDate), // drops 29 February of non-leap years
  );

  it('agrees with a per-day textbook age on every day of the window', () => {
    fc.assert(
      fc.property(
        birthIso,
        fc.integer({ min: 0, max: 12 }),
        fc.option(fc.integer({ min: -2, max: 5 }), { nil: undefined }),
        (birth, minAge, extra) => {
          const maxAge = extra === undefined ? undefined : minAge + extra;
          const born = d(birth);
          const w = { lo: born - 3, hi: born + 366 * ((maxAge ?? minAge) + 3) };
          const exact = expectNormal(ageInterval(birth, minAge, maxAge));
          expect(clip(exact, w.lo, w.hi)).toEqual(naiveRuns(naiveAgeDays(birth, minAge, maxAge, w), w));
        },
      ),
      { numRuns: 40 },
    );
  });

  it('agrees with a textbook age on days around birthdays', () => {
    fc.assert(
      fc.property(birthIso, fc.integer({ min: 0, max: 110 }), fc.integer({ min: -3, max: 3 }), (birth, age, offset) => {
        const birthYearDay = d(birth) + Math.round(age * 365.2425) + offset;
        const day = fromDay(birthYearDay);
        expect(contains(ageInterval(birth, age, age), birthYearDay)).toBe(naiveAgeOn(birth, day) === age);
      }),
      { numRuns: 2000 },
    );
  });
});

// ---------------------------------------------------------------------------
// Properties against the naive oracle
// ---------------------------------------------------------------------------

describe('agreement with the day-by-day oracle', () => {
  it('union', () => {
    fc.assert(fc.property(intervalSet, intervalSet, (a, b) => expectSameAsNaive(union(a, b), naiveUnion(days(a), days(b)))));
  });

  it('intersect', () => {
    fc.assert(
      fc.property(intervalSet, intervalSet, (a, b) => expectSameAsNaive(intersect(a, b), naiveIntersect(days(a), days(b)))),
    );
  });

  it('complement', () => {
    fc.assert(fc.property(intervalSet, (a) => expectSameAsNaive(complement(a), naiveComplement(days(a), W))));
  });

  it('difference', () => {
    fc.assert(
      fc.property(intervalSet, intervalSet, (a, b) => expectSameAsNaive(difference(a, b), naiveDifference(days(a), days(b)))),
    );
  });

  it('unionAll and intersectAll over any number of sets', () => {
    fc.assert(
      fc.property(fc.array(intervalSet, { maxLength: 7 }), (sets) => {
        expectSameAsNaive(unionAll(sets), sets.map(days).reduce(naiveUnion, new Set<number>()));
        expectSameAsNaive(intersectAll(sets), sets.map(days).reduce(naiveIntersect, windowDays(W)));
      }),
    );
  });

  it('condition trees of AND/OR/NOT up to depth 4', () => {
    fc.assert(
      fc.property(fc.array(intervalSet, { minLength: POOL_SIZE, maxLength: POOL_SIZE }), exprOfDepth4, (pool, expr) => {
        expectSameAsNaive(evalExact(expr, pool), evalNaive(expr, pool.map(days)));
      }),
      { numRuns: 300 },
    );
  });

  it('contains', () => {
    fc.assert(fc.property(intervalSet, dayInWindow, (a, day) => {
        expect(contains(a, day)).toBe(days(a).has(day));
      }),
    );
  });

  it('longestRunContaining (clipped to the window)', () => {
    fc.assert(
      fc.property(intervalSet, dayInWindow, (a, day) => {
        const run = longestRunContaining(a, day);
        const clipped = run === null ? null : { from: Math.max(run.from, W.lo), to: Math.min(run.to, W.hi) };
        expect(clipped).toEqual(naiveRunContaining(days(a), day, W));
      }),
    );
  });

  it('firstDayOnOrAfter', () => {
    fc.assert(
      fc.property(intervalSet, dayInWindow, (a, day) => {
        expect(firstDayOnOrAfter(a, day)).toBe(naiveFirstDayOnOrAfter(days(a), day, W));
      }),
    );
  });

  it('clip', () => {
    // Bounds are often an end of the set itself, where off-by-one mistakes live.
    const bound = (a: IntervalSet): fc.Arbitrary<number> =>
      fc.oneof(dayInWindow, fc.constantFrom(NEG_INF, POS_INF, ...a.flatMap((x) => [x.from, x.to, x.from - 1, x.to - 1])));
    const setAndBounds = intervalSet.chain((a) => fc.tuple(fc.constant(a), bound(a), bound(a)));
    fc.assert(
      fc.property(setAndBounds, ([a, from, to]) => {
        const window = from < to ? daysOf([iv(from, to)], W) : new Set<number>();
        const clipped = expectNormal(clip(a, from, to));
        expect(clip(clipped, W.lo, W.hi)).toEqual(naiveRuns(naiveIntersect(days(a), window), W));
        expect(clipped).toEqual(intersect(a, from < to ? [iv(from, to)] : EMPTY));
      }),
    );
  });

  it('totalDays', () => {
    fc.assert(
      fc.property(intervalSet, (a) => {
        const unbounded = a.length > 0 && (a[0]!.from === NEG_INF || a[a.length - 1]!.to === POS_INF);
        expect(totalDays(a)).toBe(unbounded ? POS_INF : days(a).size);
      }),
    );
  });

  it('shift', () => {
    const wide: DayWindow = { lo: W.lo - 40, hi: W.hi + 40 };
    fc.assert(
      fc.property(intervalSet, fc.integer({ min: -40, max: 40 }), (a, k) => {
        const shifted = expectNormal(shift(a, k));
        const expected = naiveIntersect(naiveShift(daysOf(a, wide), k), windowDays(W));
        expect(clip(shifted, W.lo, W.hi)).toEqual(naiveRuns(expected, W));
        expect(shift(shifted, -k)).toEqual(a);
      }),
    );
  });
});

// ---------------------------------------------------------------------------
// Algebraic laws (exact equality: the normal form is canonical)
// ---------------------------------------------------------------------------

describe('algebraic laws', () => {
  const law = (name: string, prop: (a: IntervalSet, b: IntervalSet, c: IntervalSet) => void): void => {
    it(name, () => {
      fc.assert(fc.property(intervalSet, intervalSet, intervalSet, prop));
    });
  };

  law('De Morgan: NOT (a OR b) = NOT a AND NOT b', (a, b) => {
    expect(complement(union(a, b))).toEqual(intersect(complement(a), complement(b)));
  });
  law('De Morgan: NOT (a AND b) = NOT a OR NOT b', (a, b) => {
    expect(complement(intersect(a, b))).toEqual(union(complement(a), complement(b)));
  });
  law('idempotence', (a) => {
    expect(union(a, a)).toEqual(a);
    expect(intersect(a, a)).toEqual(a);
  });
  law('absorption', (a, b) => {
    expect(union(a, intersect(a, b))).toEqual(a);
    expect(intersect(a, union(a, b))).toEqual(a);
  });
  law('complement involution', (a) => {
    expect(complement(complement(a))).toEqual(a);
  });
  law('complement laws: a OR NOT a = ALL, a AND NOT a = EMPTY', (a) => {
    expect(union(a, complement(a))).toEqual(ALL);
    expect(intersect(a, complement(a))).toEqual(EMPTY);
  });
  law('identities: EMPTY and ALL', (a) => {
    expect(union(a, EMPTY)).toEqual(a);
    expect(intersect(a, ALL)).toEqual(a);
    expect(union(a, ALL)).toEqual(ALL);
    expect(intersect(a, EMPTY)).toEqual(EMPTY);
  });
  law('commutativity', (a, b) => {
    expect(union(a, b)).toEqual(union(b, a));
    expect(intersect(a, b)).toEqual(intersect(b, a));
  });
  law('associativity', (a, b, c) => {
    expect(union(union(a, b), c)).toEqual(union(a, union(b, c)));
    expect(intersect(intersect(a, b), c)).toEqual(intersect(a, intersect(b, c)));
  });
  law('distributivity', (a, b, c) => {
    expect(intersect(a, union(b, c))).toEqual(union(intersect(a, b), intersect(a, c)));
    expect(union(a, intersect(b, c))).toEqual(intersect(union(a, b), union(a, c)));
  });
  law('difference is AND NOT', (a, b) => {
    expect(difference(a, b)).toEqual(intersect(a, complement(b)));
  });
  law('n-ary forms equal folded binary ones', (a, b, c) => {
    expect(unionAll([a, b, c])).toEqual(union(union(a, b), c));
    expect(intersectAll([a, b, c])).toEqual(intersect(intersect(a, b), c));
  });
});

describe('birthdayMonthDays', () => {
  it('holds every birth date with a birthday in the window (29 February on 1 March in other years): a filter that loses nobody', () => {
    const day = fc.integer({ min: toDay('1990-01-01'), max: toDay('2040-12-31') });
    const birth = fc.integer({ min: toDay('1920-01-01'), max: toDay('2020-12-31') }).map(fromDay);
    fc.assert(
      fc.property(day, fc.integer({ min: 1, max: 364 }), birth, (from, length, b) => {
        const monthDays = birthdayMonthDays(from, from + length)!;
        if (birthdayDays(b, from, from + length).length > 0) expect(monthDays.has(b.slice(5))).toBe(true);
        // And it filters: at most the window's own days, and 29 February.
        expect(monthDays.size).toBeLessThanOrEqual(length + 1);
      }),
      { numRuns: 2_000 },
    );
    // A leap-day birthday falls on 1 March in 2027, so a window of that day alone holds it.
    expect([...birthdayMonthDays(toDay('2027-03-01'), toDay('2027-03-02'))!].sort()).toEqual(['02-29', '03-01']);
    expect(birthdayDays('2000-02-29', toDay('2027-03-01'), toDay('2027-03-02'))).toHaveLength(1);
    expect(birthdayMonthDays(toDay('2026-01-01'), toDay('2027-01-01'))).toBeNull();
    expect(birthdayMonthDays(NEG_INF, toDay('2027-01-01'))).toBeNull();
  });
});

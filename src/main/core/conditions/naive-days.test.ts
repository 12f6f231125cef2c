import { describe, expect, it } from 'vitest';
import {
  daysOf,
  naiveAgeDays,
  naiveAgeOn,
  naiveComplement,
  naiveFirstDayOnOrAfter,
  naiveFromDay,
  naiveRunContaining,
  naiveRuns,
  naiveToDay,
  sortedDays,
} from '../../../../test/support/naive-days';

// The oracle must itself be right, or the property tests prove nothing.
describe('naive day oracle', () => {
  const w = { lo: 0, hi: 20 };

  it('numbers days from 1970-01-01 in UTC', () => {
    expect(naiveToDay('1970-01-01')).toBe(0);
    expect(naiveToDay('1969-12-31')).toBe(-1);
    expect(naiveToDay('2000-03-01')).toBe(11017);
    expect(naiveFromDay(11017)).toBe('2000-03-01');
  });

  it('handles years below 100 without the Date.UTC 19xx shift', () => {
    expect(naiveFromDay(naiveToDay('0050-06-15'))).toBe('0050-06-15');
  });

  it('rejects dates that do not exist', () => {
    expect(() => naiveToDay('2023-02-29')).toThrow(RangeError);
    expect(() => naiveToDay('2023-04-31')).toThrow(RangeError);
    expect(() => naiveToDay('2023-4-01')).toThrow(RangeError);
  });

  it('enumerates runs clipped to the window, including unbounded ones', () => {
    const days = daysOf([{ from: -Infinity, to: 3 }, { from: 5, to: 7 }, { from: 6, to: 9 }, { from: 18, to: Infinity }], w);
    expect(sortedDays(days)).toEqual([0, 1, 2, 5, 6, 7, 8, 18, 19]);
    expect(naiveRuns(days, w)).toEqual([
      { from: 0, to: 3 },
      { from: 5, to: 9 },
      { from: 18, to: 20 },
    ]);
    expect(naiveRuns(naiveComplement(days, w), w)).toEqual([
      { from: 3, to: 5 },
      { from: 9, to: 18 },
    ]);
  });

  it('finds runs and next days by walking', () => {
    const days = daysOf([{ from: 5, to: 9 }], w);
    expect(naiveRunContaining(days, 6, w)).toEqual({ from: 5, to: 9 });
    expect(naiveRunContaining(days, 9, w)).toBeNull();
    expect(naiveFirstDayOnOrAfter(days, 0, w)).toBe(5);
    expect(naiveFirstDayOnOrAfter(days, 7, w)).toBe(7);
    expect(naiveFirstDayOnOrAfter(days, 9, w)).toBeNull();
  });

  it('counts age the textbook way, with 29 February birthdays on 1 March in non-leap years', () => {
    expect(naiveAgeOn('2000-06-15', '2018-06-14')).toBe(17);
    expect(naiveAgeOn('2000-06-15', '2018-06-15')).toBe(18);
    expect(naiveAgeOn('2008-02-29', '2026-02-28')).toBe(17);
    expect(naiveAgeOn('2008-02-29', '2026-03-01')).toBe(18);
    expect(naiveAgeOn('2008-02-29', '2028-02-28')).toBe(19);
    expect(naiveAgeOn('2008-02-29', '2028-02-29')).toBe(20);
    const born = naiveToDay('2008-02-29');
    const days = naiveAgeDays('2008-02-29', 1, 1, { lo: born, hi: born + 800 });
    expect(naiveRuns(days, { lo: born, hi: born + 800 })).toEqual([
      { from: naiveToDay('2009-03-01'), to: naiveToDay('2010-03-01') },
    ]);
  });
});

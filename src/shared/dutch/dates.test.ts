import { describe, expect, it } from 'vitest';
import {
  addDays,
  addYears,
  ageOn,
  daysBetween,
  excelSerialToIso,
  formatDutchDate,
  formatDutchDateLong,
  isIsoDate,
  parseDutchDate,
  todayIso,
} from './dates';

const today = '2025-06-15';
const parse = (raw: string): ReturnType<typeof parseDutchDate> => parseDutchDate(raw, { today });

describe('parseDutchDate', () => {
  it('reads the usual Dutch notations, day first', () => {
    for (const raw of ['3-7-1961', '03-07-1961', '3/7/1961', '3.7.1961', '1961-07-03', '19610703', '03071961', ' 3 - 7 - 1961 ']) {
      expect(parse(raw)).toEqual({ ok: true, value: '1961-07-03' });
    }
  });
  it('reads Dutch month names and abbreviations', () => {
    for (const raw of ['3 juli 1961', '3 jul 1961', '3 jul. 1961', '3 JULI 1961', '3-jul-61', '03 Juli 61']) {
      expect(parse(raw)).toEqual({ ok: true, value: '1961-07-03' });
    }
    expect(parse('1 mrt 2000')).toEqual({ ok: true, value: '2000-03-01' });
    expect(parse('12 okt 1990')).toEqual({ ok: true, value: '1990-10-12' });
    expect(parse('31 mei 2001')).toEqual({ ok: true, value: '2001-05-31' });
  });
  it('puts two-digit years after the current year in the 1900s', () => {
    expect(parse('03-07-61')).toEqual({ ok: true, value: '1961-07-03' });
    expect(parse('3/7/61')).toEqual({ ok: true, value: '1961-07-03' });
    expect(parse('1-1-25')).toEqual({ ok: true, value: '2025-01-01' });
    expect(parse('1-1-26')).toEqual({ ok: true, value: '1926-01-01' });
    expect(parse('1-1-00')).toEqual({ ok: true, value: '2000-01-01' });
    expect(parse('030761')).toEqual({ ok: true, value: '1961-07-03' });
  });
  it('honours an explicit pivot year', () => {
    expect(parseDutchDate('1-1-30', { pivotYear: 40 })).toEqual({ ok: true, value: '2030-01-01' });
    expect(parseDutchDate('1-1-30', { pivotYear: 20 })).toEqual({ ok: true, value: '1930-01-01' });
    expect(parseDutchDate('1-1-30', { pivotYear: 2035 })).toEqual({ ok: true, value: '2030-01-01' });
  });
  it('rejects impossible dates', () => {
    expect(parse('31-2-2020')).toEqual({ ok: false, code: 'DATE_INVALID', details: { year: 2020, month: 2, day: 31 } });
    expect(parse('29-2-2023')).toMatchObject({ ok: false, code: 'DATE_INVALID' });
    expect(parse('29-2-1900')).toMatchObject({ ok: false, code: 'DATE_INVALID' });
    expect(parse('1-13-2020')).toMatchObject({ ok: false, code: 'DATE_INVALID' });
    expect(parse('2020-02-30')).toMatchObject({ ok: false, code: 'DATE_INVALID' });
    expect(parse('0-1-2020')).toMatchObject({ ok: false, code: 'DATE_INVALID' });
  });
  it('accepts real leap days', () => {
    expect(parse('29-2-2024')).toEqual({ ok: true, value: '2024-02-29' });
    expect(parse('29-2-2000')).toEqual({ ok: true, value: '2000-02-29' });
  });
  it('rejects garbage', () => {
    for (const raw of ['', 'gisteren', '3 juliet 1961', '3-7', '1961', '3-7-196', '3-7/1961', '12:30', '3 juli']) {
      expect(parse(raw)).toEqual({ ok: false, code: 'DATE_INVALID_FORMAT' });
    }
  });
});

describe('excelSerialToIso', () => {
  it('converts serials of the 1900 date system', () => {
    expect(excelSerialToIso(1)).toBe('1900-01-01');
    expect(excelSerialToIso(59)).toBe('1900-02-28');
    expect(excelSerialToIso(61)).toBe('1900-03-01');
    expect(excelSerialToIso(22465)).toBe('1961-07-03');
    expect(excelSerialToIso(25569)).toBe('1970-01-01');
    expect(excelSerialToIso(45658)).toBe('2025-01-01');
  });
  it('maps the nonexistent 1900-02-29 (serial 60) to 28 February', () => {
    expect(excelSerialToIso(60)).toBe('1900-02-28');
  });
  it('drops the time of day', () => {
    expect(excelSerialToIso(45658.75)).toBe('2025-01-01');
  });
  it('throws on non-numbers', () => {
    expect(() => excelSerialToIso(Number.NaN)).toThrow(RangeError);
  });
});

describe('formatting', () => {
  it('writes short and long Dutch dates without leading zeros', () => {
    expect(formatDutchDate('1961-07-03')).toBe('3-7-1961');
    expect(formatDutchDate('2024-12-31')).toBe('31-12-2024');
    expect(formatDutchDateLong('1961-07-03')).toBe('3 juli 1961');
    expect(formatDutchDateLong('2000-03-01')).toBe('1 maart 2000');
  });
  it('returns non-dates unchanged', () => {
    expect(formatDutchDate('')).toBe('');
    expect(formatDutchDateLong('kapot')).toBe('kapot');
  });
});

describe('isIsoDate', () => {
  it('accepts only real dates in YYYY-MM-DD', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2023-02-29')).toBe(false);
    expect(isIsoDate('2024-2-29')).toBe(false);
    expect(isIsoDate('2024-02-29T00:00:00Z')).toBe(false);
  });
});

describe('date arithmetic', () => {
  it('adds days across months, years and leap days', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2023-02-28', 1)).toBe('2023-03-01');
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
    expect(addDays('2025-03-30', -30)).toBe('2025-02-28');
    expect(addDays('2025-10-26', 1)).toBe('2025-10-27');
  });
  it('adds years and moves 29 February to 28 February when needed', () => {
    expect(addYears('2024-02-29', 1)).toBe('2025-02-28');
    expect(addYears('2024-02-29', 4)).toBe('2028-02-29');
    expect(addYears('2025-01-31', -7)).toBe('2018-01-31');
  });
  it('counts days between dates', () => {
    expect(daysBetween('2025-01-01', '2025-12-31')).toBe(364);
    expect(daysBetween('2024-03-01', '2024-02-01')).toBe(-29);
    expect(daysBetween('1900-01-01', '2000-01-01')).toBe(36524);
  });
  it('throws on a value that is not an ISO date', () => {
    expect(() => addDays('3-7-1961', 1)).toThrow(RangeError);
  });
});

describe('ageOn', () => {
  it('counts completed years', () => {
    expect(ageOn('1961-07-03', '2025-07-02')).toBe(63);
    expect(ageOn('1961-07-03', '2025-07-03')).toBe(64);
    expect(ageOn('2010-01-01', '2010-01-01')).toBe(0);
  });
  it('lets a leap-day child turn older on 1 March in other years', () => {
    expect(ageOn('2008-02-29', '2025-02-28')).toBe(16);
    expect(ageOn('2008-02-29', '2025-03-01')).toBe(17);
    expect(ageOn('2008-02-29', '2024-02-29')).toBe(16);
  });
});

describe('todayIso', () => {
  it('uses the local calendar date', () => {
    expect(todayIso(new Date(2025, 0, 5, 0, 30))).toBe('2025-01-05');
    expect(todayIso(new Date(2025, 11, 31, 23, 59))).toBe('2025-12-31');
  });
});

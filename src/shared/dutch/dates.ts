import { fail, ok } from './result';
import type { Result } from './result';
import { civilFromDays, daysFromCivil, daysInMonth } from './day-numbers';

/*
 * Calendar arithmetic on plain integers (days since 1970-01-01, proleptic
 * Gregorian, converted in day-numbers.ts) so that no time zone or DST shift can move a date.
 */

function isValidYmd(y: number, m: number, d: number): boolean {
  return (
    Number.isInteger(y) && y >= 1 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m)
  );
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

function toIso(y: number, m: number, d: number): string {
  return `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`;
}

function parseIso(iso: string): [number, number, number] | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/u.exec(iso);
  if (!m) return null;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  return isValidYmd(y, mo, d) ? [y, mo, d] : null;
}

// Arithmetic helpers get their input from the database; a bad value is a bug, not user input.
function requireIso(iso: string): [number, number, number] {
  const parts = parseIso(iso);
  if (!parts) throw new RangeError(`Not an ISO date: ${iso}`);
  return parts;
}

/** True for a real calendar date written as 'YYYY-MM-DD'. */
export function isIsoDate(s: string): boolean {
  return parseIso(s) !== null;
}

/** The local calendar date of `now` (not UTC: 00:30 in Amsterdam is still today). */
export function todayIso(now: Date): string {
  return toIso(now.getFullYear(), now.getMonth() + 1, now.getDate());
}

const MONTHS: Record<string, number> = {
  januari: 1, jan: 1,
  februari: 2, feb: 2, febr: 2,
  maart: 3, mrt: 3, mar: 3, maa: 3,
  april: 4, apr: 4,
  mei: 5,
  juni: 6, jun: 6,
  juli: 7, jul: 7,
  augustus: 8, aug: 8,
  september: 9, sep: 9, sept: 9,
  oktober: 10, okt: 10, oct: 10,
  november: 11, nov: 11,
  december: 12, dec: 12,
};

const MONTH_NAMES = [
  'januari', 'februari', 'maart', 'april', 'mei', 'juni',
  'juli', 'augustus', 'september', 'oktober', 'november', 'december',
];

export interface ParseDateOptions {
  /**
   * Two-digit years above this go to 19xx, the rest to 20xx. Default: the
   * two-digit year of `today`, which suits birth dates. A four-digit value
   * (e.g. 2030) is taken modulo 100.
   */
  pivotYear?: number;
  /** ISO date used for the default pivot; defaults to the local date. */
  today?: string;
}

function expandYear(digits: string, opts: ParseDateOptions | undefined): number {
  const y = Number(digits);
  if (digits.length !== 2) return y;
  const today = opts?.today && isIsoDate(opts.today) ? opts.today : todayIso(new Date());
  const pivot = (opts?.pivotYear ?? Number(today.slice(0, 4))) % 100;
  return y > pivot ? 1900 + y : 2000 + y;
}

function checked(y: number, m: number, d: number): Result<string> {
  return isValidYmd(y, m, d) ? ok(toIso(y, m, d)) : fail('DATE_INVALID', { year: y, month: m, day: d });
}

/**
 * Dates as Dutch people and old spreadsheets write them: '3-7-1961', '03-07-61',
 * '3/7/61', '3.7.1961', '1961-07-03', '19610703', '3 juli 1961', '3 jul. 1961'.
 * Day comes before month (Dutch order). Codes: DATE_INVALID_FORMAT, DATE_INVALID.
 */
export function parseDutchDate(raw: string, opts?: ParseDateOptions): Result<string> {
  const s = raw.replace(/\s+/gu, ' ').trim().toLowerCase();
  let m: RegExpExecArray | null;

  if ((m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/u.exec(s))) {
    return checked(Number(m[1]), Number(m[2]), Number(m[3]));
  }
  if ((m = /^(\d{1,2})\s?([-/.])\s?(\d{1,2})\s?\2\s?(\d{4}|\d{2})$/u.exec(s))) {
    return checked(expandYear(m[4] ?? '', opts), Number(m[3]), Number(m[1]));
  }
  if ((m = /^(\d{1,2})[ .-]?([a-z]+)\.?[ .-]?(\d{4}|\d{2})$/u.exec(s))) {
    const month = MONTHS[m[2] ?? ''];
    if (month === undefined) return fail('DATE_INVALID_FORMAT');
    return checked(expandYear(m[3] ?? '', opts), month, Number(m[1]));
  }
  if ((m = /^(\d{4})(\d{2})(\d{2})$/u.exec(s))) {
    const y = Number(m[1]);
    // 'yyyymmdd' is the norm; '03071961' (ddmmyyyy) cannot start with a plausible year.
    if (y >= 1000) return checked(y, Number(m[2]), Number(m[3]));
    const dm = /^(\d{2})(\d{2})(\d{4})$/u.exec(s);
    if (dm) return checked(Number(dm[3]), Number(dm[2]), Number(dm[1]));
  }
  if ((m = /^(\d{2})(\d{2})(\d{2})$/u.exec(s))) {
    return checked(expandYear(m[3] ?? '', opts), Number(m[2]), Number(m[1]));
  }
  return fail('DATE_INVALID_FORMAT');
}

/**
 * Excel 1900 date system. Excel counts a nonexistent 1900-02-29 (serial 60), so
 * serials from 61 on are one day ahead of a true count from 1899-12-31. Serial 60
 * itself has no real date and maps to 1900-02-28. Time fractions are dropped.
 */
export function excelSerialToIso(serial: number): string {
  if (!Number.isFinite(serial)) throw new RangeError(`Not an Excel date serial: ${serial}`);
  const whole = Math.floor(serial);
  const offset = whole >= 60 ? whole - 1 : whole;
  const [y, m, d] = civilFromDays(daysFromCivil(1899, 12, 31) + offset);
  return toIso(y, m, d);
}

/** '1961-07-03' → '3-7-1961'. Anything that is not an ISO date is returned unchanged. */
export function formatDutchDate(iso: string): string {
  const p = parseIso(iso);
  return p ? `${p[2]}-${p[1]}-${p[0]}` : iso;
}

/** '1961-07-03' → '3 juli 1961'. Anything that is not an ISO date is returned unchanged. */
export function formatDutchDateLong(iso: string): string {
  const p = parseIso(iso);
  return p ? `${p[2]} ${MONTH_NAMES[p[1] - 1] ?? ''} ${p[0]}` : iso;
}

export function addDays(iso: string, n: number): string {
  const [y, m, d] = requireIso(iso);
  const [ny, nm, nd] = civilFromDays(daysFromCivil(y, m, d) + Math.trunc(n));
  return toIso(ny, nm, nd);
}

/** Calendar years; 29 February becomes 28 February in a non-leap year. */
export function addYears(iso: string, n: number): string {
  const [y, m, d] = requireIso(iso);
  const ny = y + Math.trunc(n);
  return toIso(ny, m, Math.min(d, daysInMonth(ny, m)));
}

/** Days from a to b (positive when b is later). */
export function daysBetween(a: string, b: string): number {
  const [ay, am, ad] = requireIso(a);
  const [by, bm, bd] = requireIso(b);
  return daysFromCivil(by, bm, bd) - daysFromCivil(ay, am, ad);
}

/**
 * Completed years on a date. Someone born on 29 February turns a year older on
 * 1 March in non-leap years.
 */
export function ageOn(birthIso: string, onIso: string): number {
  const [by, bm, bd] = requireIso(birthIso);
  const [oy, om, od] = requireIso(onIso);
  const beforeBirthday = om < bm || (om === bm && od < bd);
  return oy - by - (beforeBirthday ? 1 : 0);
}

/** Easter Sunday (ISO date) of a year: the Dutch and TARGET2 holidays that move with it follow from it. */
export function easterSunday(year: number): string {
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

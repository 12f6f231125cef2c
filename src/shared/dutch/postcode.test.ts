import { describe, expect, it } from 'vitest';
import { normalizePostcode, postcodeDigits } from './postcode';

describe('normalizePostcode (NL)', () => {
  it('normalises to four digits, one space, two capitals', () => {
    expect(normalizePostcode('1234ab')).toEqual({ ok: true, value: '1234 AB' });
    expect(normalizePostcode('1234 AB')).toEqual({ ok: true, value: '1234 AB' });
    expect(normalizePostcode(' 1234  ab ')).toEqual({ ok: true, value: '1234 AB' });
    expect(normalizePostcode('9999zz', 'NL')).toEqual({ ok: true, value: '9999 ZZ' });
    expect(normalizePostcode('1000aa', null)).toEqual({ ok: true, value: '1000 AA' });
    expect(normalizePostcode('1000aa', 'nl')).toEqual({ ok: true, value: '1000 AA' });
  });
  it('rejects a leading zero', () => {
    expect(normalizePostcode('0123 AB')).toEqual({ ok: false, code: 'POSTCODE_INVALID_FORMAT' });
  });
  it('rejects the letter pairs SA, SD and SS', () => {
    for (const letters of ['SA', 'SD', 'SS', 'sa']) {
      expect(normalizePostcode(`1234 ${letters}`)).toEqual({
        ok: false,
        code: 'POSTCODE_FORBIDDEN_LETTERS',
        details: { letters: letters.toUpperCase() },
      });
    }
  });
  it('accepts F, I, O, Q, U and Y, which are in use since 2005', () => {
    for (const letters of ['FI', 'OQ', 'UY', 'AF', 'SB', 'YS']) {
      expect(normalizePostcode(`1234${letters}`)).toEqual({ ok: true, value: `1234 ${letters}` });
    }
  });
  it('rejects wrong shapes', () => {
    for (const raw of ['123 AB', '12345 AB', '1234 A', '1234 ABC', 'AB 1234', '1234-AB', '1234 A1']) {
      expect(normalizePostcode(raw)).toEqual({ ok: false, code: 'POSTCODE_INVALID_FORMAT' });
    }
  });
  it('reports empty input separately', () => {
    expect(normalizePostcode('   ')).toEqual({ ok: false, code: 'POSTCODE_EMPTY' });
  });
});

describe('normalizePostcode (abroad)', () => {
  it('only trims and upper-cases', () => {
    expect(normalizePostcode(' sw1a  1aa ', 'GB')).toEqual({ ok: true, value: 'SW1A 1AA' });
    expect(normalizePostcode('1000', 'BE')).toEqual({ ok: true, value: '1000' });
    expect(normalizePostcode('0123', 'DE')).toEqual({ ok: true, value: '0123' });
  });
});

describe('postcodeDigits', () => {
  it('returns the PC4 as a number', () => {
    expect(postcodeDigits('1234 AB')).toBe(1234);
    expect(postcodeDigits('9999zz')).toBe(9999);
    expect(postcodeDigits('1234')).toBe(1234);
  });
  it('returns null for non-Dutch shapes', () => {
    expect(postcodeDigits('0123 AB')).toBeNull();
    expect(postcodeDigits('SW1A 1AA')).toBeNull();
    expect(postcodeDigits('')).toBeNull();
  });
});

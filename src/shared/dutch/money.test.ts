import { describe, expect, it } from 'vitest';
import { formatAmount, parseAmount } from './money';

const cents = (raw: string): number | string => {
  const r = parseAmount(raw);
  return r.ok ? r.value : r.code;
};

describe('parseAmount', () => {
  it('reads Dutch notation', () => {
    expect(cents('€ 12,50')).toBe(1250);
    expect(cents('12,50')).toBe(1250);
    expect(cents('1.234,56')).toBe(123456);
    expect(cents('€\u00a01.234.567,89')).toBe(123456789);
    expect(cents('-3,5')).toBe(-350);
    expect(cents('0,05')).toBe(5);
    expect(cents(',50')).toBe(50);
  });
  it('reads whole euros, including the 12,- notation', () => {
    expect(cents('25')).toBe(2500);
    expect(cents('12,-')).toBe(1200);
    expect(cents('€ 12,--')).toBe(1200);
  });
  it('reads spreadsheet notation with a decimal point', () => {
    expect(cents('1234.56')).toBe(123456);
    expect(cents('12.5')).toBe(1250);
    expect(cents('1,234.56')).toBe(123456);
  });
  it('reads a single dot with three digits as thousands', () => {
    expect(cents('1.234')).toBe(123400);
  });
  it('accepts the currency as EUR or €, before or after, and signs on either side', () => {
    expect(cents('EUR 12,50')).toBe(1250);
    expect(cents('eur12,50')).toBe(1250);
    expect(cents('12,50 €')).toBe(1250);
    expect(cents('-€ 12,50')).toBe(-1250);
    expect(cents('€ -12,50')).toBe(-1250);
    expect(cents('EUR -12,50')).toBe(-1250);
    expect(cents('−7,00')).toBe(-700);
    expect(cents('+7')).toBe(700);
    expect(cents('-0,00')).toBe(0);
  });
  it('refuses more than two decimals', () => {
    expect(parseAmount('12,505')).toEqual({ ok: false, code: 'AMOUNT_TOO_MANY_DECIMALS', details: { decimals: 3 } });
    expect(cents('1234.567')).toBe('AMOUNT_TOO_MANY_DECIMALS');
  });
  it('refuses malformed numbers', () => {
    for (const raw of ['abc', '12,50,0', '1.23.4', '12 euro', '€', '1,2.3', '--5', '12a']) {
      expect(cents(raw)).toBe('AMOUNT_INVALID_FORMAT');
    }
    expect(cents('12.34.56')).toBe('AMOUNT_INVALID_FORMAT');
  });
  it('reports empty input separately', () => {
    expect(cents('  ')).toBe('AMOUNT_EMPTY');
  });
  it('refuses amounts that cannot be counted exactly in cents', () => {
    expect(cents('999999999999999999')).toBe('AMOUNT_TOO_LARGE');
  });
});

describe('formatAmount', () => {
  it('writes Dutch notation with a euro sign and a plain space', () => {
    expect(formatAmount(1250)).toBe('€ 12,50');
    expect(formatAmount(123456)).toBe('€ 1.234,56');
    expect(formatAmount(123456789)).toBe('€ 1.234.567,89');
    expect(formatAmount(5)).toBe('€ 0,05');
    expect(formatAmount(0)).toBe('€ 0,00');
    expect(formatAmount(-1250)).toBe('€ -12,50');
  });
  it('round-trips with parseAmount', () => {
    for (const c of [0, 1, 99, 100, 123456, -350, 100000000]) {
      expect(parseAmount(formatAmount(c))).toEqual({ ok: true, value: c });
    }
  });
});

import { describe, expect, it } from 'vitest';
import { normalizePhone, phoneDigits } from './phone';

const norm = (raw: string): string => {
  const r = normalizePhone(raw);
  return r.ok ? r.value : r.code;
};

describe('normalizePhone', () => {
  it('writes Dutch mobile numbers as 06-12345678 however they were typed', () => {
    for (const raw of ['06-12345678', '0612345678', '06 1234 5678', '+31 6 12345678', '+31612345678', '0031612345678', '+31 (0)6 1234 5678', '06.12.34.56.78']) {
      expect(norm(raw)).toBe('06-12345678');
    }
  });
  it('splits landline numbers after the area code', () => {
    expect(norm('0201234567')).toBe('020-1234567');
    expect(norm('+31 10 123 4567')).toBe('010-1234567');
    expect(norm('0513 123456')).toBe('0513-123456');
    expect(norm('(0299) 123456')).toBe('0299-123456');
    expect(norm('088 123 4567')).toBe('088-1234567');
  });
  it('keeps information numbers of variable length', () => {
    expect(norm('0800 1234')).toBe('0800-1234');
    expect(norm('0900-1234567')).toBe('0900-1234567');
  });
  it('restores the leading 0 a spreadsheet dropped', () => {
    expect(norm('612345678')).toBe('06-12345678');
  });
  it('keeps foreign numbers readable with a + prefix', () => {
    expect(norm('+32 2 123 45 67')).toBe('+32 2 123 45 67');
    expect(norm('0032 2 123 45 67')).toBe('+32 2 123 45 67');
    expect(norm('+49 (0)30 1234567')).toBe('+49 30 1234567');
  });
  it('rejects letters, too short and malformed numbers', () => {
    for (const raw of ['', 'onbekend', '06-1234567a', '12345', '06-1234567', '06-123456789', '+31 6 1234', '+32 12', '06+12345678']) {
      expect(norm(raw)).toBe('PHONE_INVALID');
    }
  });
});

describe('phoneDigits', () => {
  it('indexes Dutch numbers in national digits', () => {
    expect(phoneDigits('06-12345678')).toBe('0612345678');
    expect(phoneDigits('+31 6 12345678')).toBe('0612345678');
    expect(phoneDigits('0031 6 12345678')).toBe('0612345678');
    expect(phoneDigits('+31 (0)6 12345678')).toBe('0612345678');
  });
  it('indexes foreign numbers with 00', () => {
    expect(phoneDigits('+32 2 123 45 67')).toBe('003221234567');
  });
});

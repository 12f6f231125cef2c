import { describe, expect, it } from 'vitest';
import { formatRfReference, makeRfReference, validateRfReference } from './rf-reference';

describe('RF creditor reference (ISO 11649)', () => {
  it('makes the standard\'s published example RF18 5390 0754 7034', () => {
    expect(makeRfReference('539007547034')).toBe('RF18539007547034');
    expect(formatRfReference('RF18539007547034')).toBe('RF18 5390 0754 7034');
    expect(validateRfReference('RF18 5390 0754 7034')).toEqual({ ok: true, value: 'RF18539007547034' });
  });

  it('makes the widely quoted letters example RF71 2348 231 (check digits over letters too)', () => {
    // EPC's and the Finnish banks' example for a short reference.
    expect(makeRfReference('2348231')).toBe('RF712348231');
    expect(validateRfReference('rf71 2348 231')).toEqual({ ok: true, value: 'RF712348231' });
  });

  it('rejects a wrong check digit, a too long reference and other characters', () => {
    expect(validateRfReference('RF19539007547034')).toMatchObject({ ok: false, code: 'RF_REFERENCE_CHECK_DIGITS' });
    expect(validateRfReference('RF18' + '1'.repeat(22))).toMatchObject({ ok: false, code: 'RF_REFERENCE_INVALID_FORMAT' });
    expect(validateRfReference('RF18-5390')).toMatchObject({ ok: false, code: 'RF_REFERENCE_INVALID_FORMAT' });
    expect(() => makeRfReference('')).toThrow(RangeError);
  });

  it('every reference it makes validates, and changing one character breaks it', () => {
    for (const p of ['1', 'ABC', '202700000000001', 'Z'.repeat(21)]) {
      const ref = makeRfReference(p);
      expect(validateRfReference(ref).ok).toBe(true);
      const last = ref.at(-1)!;
      const changed = ref.slice(0, -1) + (last === '0' ? '1' : '0');
      expect(validateRfReference(changed).ok).toBe(false);
    }
  });
});

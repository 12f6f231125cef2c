import { describe, expect, it } from 'vitest';
import { formatPaymentReference, makePaymentReference, paymentReferenceCheckDigit, validatePaymentReference } from './payment-reference';

describe('betalingskenmerk', () => {
  it('computes the check digit of the published 16-digit example (5)000 0567 8901 2345', () => {
    // Betaalvereniging / XMLdation example: weighted sum 215, 215 mod 11 = 6, 11 - 6 = 5.
    expect(paymentReferenceCheckDigit('000056789012345')).toBe(5);
    expect(makePaymentReference('000056789012345')).toBe('5000056789012345');
    expect(validatePaymentReference('5000 0567 8901 2345')).toEqual({ ok: true, value: '5000056789012345' });
  });

  it('accepts the published 14-digit example with length code 2 (12 2345 3462 2567)', () => {
    expect(validatePaymentReference('12 2345 3462 2567')).toEqual({ ok: true, value: '12234534622567' });
  });

  it('maps 10 to 1 and 11 to 0', () => {
    // 6 × 2 = 12 ≡ 1 (mod 11): C = 10 → 1. 11 × 1 … a sum of 0 ≡ 0: C = 11 → 0.
    expect(paymentReferenceCheckDigit('000000000000006')).toBe(1);
    expect(paymentReferenceCheckDigit('000000000000000')).toBe(0);
    // 7 × 2 = 14 ≡ 3: C = 8 (the ordinary case beside them).
    expect(paymentReferenceCheckDigit('000000000000007')).toBe(8);
  });

  it('rejects a wrong check digit, a wrong length code and letters', () => {
    expect(validatePaymentReference('4000056789012345')).toMatchObject({ ok: false, code: 'PAYMENT_REFERENCE_CHECK_DIGIT' });
    expect(validatePaymentReference('13234534622567')).toMatchObject({ ok: false, code: 'PAYMENT_REFERENCE_INVALID_LENGTH' });
    expect(validatePaymentReference('12345678')).toMatchObject({ ok: false, code: 'PAYMENT_REFERENCE_INVALID_LENGTH' });
    expect(validatePaymentReference('50000A6789012345')).toMatchObject({ ok: false, code: 'PAYMENT_REFERENCE_INVALID_FORMAT' });
    expect(validatePaymentReference('1234567')).toEqual({ ok: true, value: '1234567' });
  });

  it('prints in groups of four', () => {
    expect(formatPaymentReference('5000056789012345')).toBe('5000 0567 8901 2345');
  });
});

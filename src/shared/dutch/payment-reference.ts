import { fail, ok, type Result } from './result';

/**
 * The Dutch betalingskenmerk (Betaalvereniging, "Specificaties betalingskenmerk"): 7–16
 * digits. 16 digits = check digit + 15 digits; 9–14 digits = check digit + length code +
 * 7–12 digits; 7 digits carry no check. The check digit is a weighted modulus 11 over every
 * digit after it (length code included), weights 2,4,8,5,10,9,7,3,6,1 from the right,
 * repeating; C = 11 − (sum mod 11), with 10 → 1 and 11 → 0.
 */
const WEIGHTS = [2, 4, 8, 5, 10, 9, 7, 3, 6, 1] as const;
const LENGTH_CODE: Record<number, string> = { 9: '7', 10: '8', 11: '9', 12: '0', 13: '1', 14: '2' };

export function paymentReferenceCheckDigit(digits: string): number {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    const d = Number(digits[digits.length - 1 - i]);
    sum += d * WEIGHTS[i % WEIGHTS.length]!;
  }
  const c = 11 - (sum % 11);
  return c === 10 ? 1 : c === 11 ? 0 : c;
}

/** A 16-digit betalingskenmerk for a 15-digit payload (e.g. year + invoice sequence). */
export function makePaymentReference(payload: string): string {
  if (!/^\d{15}$/u.test(payload)) throw new RangeError(`payload must be 15 digits: ${payload}`);
  return `${paymentReferenceCheckDigit(payload)}${payload}`;
}

/** Spaces and dots allowed ('5000 0567 8901 2345'); codes PAYMENT_REFERENCE_INVALID_FORMAT, _LENGTH, _CHECK_DIGIT. */
export function validatePaymentReference(raw: string): Result<string> {
  const s = raw.replace(/[\s.]/gu, '');
  if (!/^\d+$/u.test(s)) return fail('PAYMENT_REFERENCE_INVALID_FORMAT');
  if (s.length === 7) return ok(s);
  if (s.length !== 16 && !LENGTH_CODE[s.length]) return fail('PAYMENT_REFERENCE_INVALID_LENGTH', { length: s.length });
  if (s.length !== 16 && s[1] !== LENGTH_CODE[s.length]) return fail('PAYMENT_REFERENCE_INVALID_LENGTH', { length: s.length });
  if (Number(s[0]) !== paymentReferenceCheckDigit(s.slice(1))) return fail('PAYMENT_REFERENCE_CHECK_DIGIT');
  return ok(s);
}

/** Groups of four from the left, as printed on an invoice: '5000 0567 8901 2345'. */
export function formatPaymentReference(ref: string): string {
  return ref.replace(/(\d{4})(?=\d)/gu, '$1 ');
}

import { mod97Of } from './iban';
import { formatPaymentReference } from './payment-reference';
import { fail, ok, type Result } from './result';

/**
 * The international structured creditor reference (ISO 11649, "RF-referentie"): 'RF', two
 * check digits, then 1–21 letters or digits. The check digits make the whole, moved so
 * 'RF' + digits come last and letters read as 10..35, equal 1 modulo 97 (as an IBAN).
 * Banks across SEPA recognise it; the Dutch betalingskenmerk is recognised only by Dutch banks.
 */
export function makeRfReference(payload: string): string {
  const p = payload.toUpperCase();
  if (!/^[A-Z0-9]{1,21}$/u.test(p)) throw new RangeError(`RF payload must be 1-21 letters or digits: ${payload}`);
  return `RF${String(98 - mod97Of(`${p}RF00`)).padStart(2, '0')}${p}`;
}

/** Spaces allowed ('RF18 5390 0754 7034'); codes RF_REFERENCE_INVALID_FORMAT, RF_REFERENCE_CHECK_DIGITS. */
export function validateRfReference(raw: string): Result<string> {
  const s = raw.replace(/\s/gu, '').toUpperCase();
  if (!/^RF\d{2}[A-Z0-9]{1,21}$/u.test(s)) return fail('RF_REFERENCE_INVALID_FORMAT');
  if (mod97Of(s.slice(4) + s.slice(0, 4)) !== 1) return fail('RF_REFERENCE_CHECK_DIGITS');
  return ok(s);
}

/** Groups of four, as printed: 'RF18 5390 0754 7034'. */
export function formatRfReference(ref: string): string {
  return ref.replace(/(.{4})(?=.)/gu, '$1 ');
}

/** An invoice's reference as printed, whichever kind it is. */
export function formatCreditorReference(ref: string): string {
  return ref.startsWith('RF') ? formatRfReference(ref) : formatPaymentReference(ref);
}

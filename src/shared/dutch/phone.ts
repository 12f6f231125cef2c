import { fail, ok } from './result';
import type { Result } from './result';

// Geographic area codes with two digits after the 0 (010 Rotterdam, 020 Amsterdam, ...);
// all others have three (0513, 0299, ...).
const TWO_DIGIT_AREAS = new Set([
  '10', '13', '15', '20', '23', '24', '26', '30', '33', '35', '36', '38', '40', '43', '45', '46',
  '50', '53', '55', '58', '70', '71', '72', '73', '74', '75', '76', '77', '78', '79',
  // Non-geographic numbers written the same way (085-1234567, 088-...).
  '84', '85', '87', '88', '91',
]);
// Information and free numbers have variable length: 0800-1234, 0900-1234567.
const SERVICE_PREFIXES = ['0800', '0900', '0906', '0909'];

function formatNational(digits: string): string | null {
  const service = SERVICE_PREFIXES.find((p) => digits.startsWith(p));
  if (service) {
    return digits.length >= 8 && digits.length <= 11 ? `${service}-${digits.slice(4)}` : null;
  }
  if (digits.length !== 10) return null;
  if (digits.startsWith('06')) return `06-${digits.slice(2)}`;
  const area = digits.slice(1, 3);
  if (TWO_DIGIT_AREAS.has(area)) return `0${area}-${digits.slice(3)}`;
  return `${digits.slice(0, 4)}-${digits.slice(4)}`;
}

/**
 * Readable, consistent form. Dutch numbers (also written +31 / 0031 / +31 (0)) become
 * national notation: '06-12345678', '020-1234567', '0513-123456'. Foreign numbers keep
 * the user's grouping with a '+' prefix. Nine digits without a prefix are taken as a
 * Dutch number whose leading 0 a spreadsheet dropped. Code: PHONE_INVALID.
 */
export function normalizePhone(raw: string): Result<string> {
  const s = raw.replace(/\(0\)/gu, ' ').replace(/\s+/gu, ' ').trim();
  if (!s || !/^\+?[\d\s\-./()]+$/u.test(s)) return fail('PHONE_INVALID');
  const digits = s.replace(/\D/gu, '');

  let international: string | null = null;
  if (s.startsWith('+')) international = digits;
  else if (digits.startsWith('00')) international = digits.slice(2);

  if (international !== null) {
    if (international.startsWith('31')) {
      const national = formatNational(`0${international.slice(2)}`);
      return national ? ok(national) : fail('PHONE_INVALID');
    }
    // E.164 allows at most 15 digits; fewer than 8 is not a subscriber number anywhere we mail.
    if (international.length < 8 || international.length > 15) return fail('PHONE_INVALID');
    const body = s.startsWith('+') ? s.slice(1) : s.replace(/^0\s*0/u, '');
    return ok(`+${body.replace(/^[\s\-./]+/u, '')}`);
  }

  const national = formatNational(digits.length === 9 && !digits.startsWith('0') ? `0${digits}` : digits);
  return national ? ok(national) : fail('PHONE_INVALID');
}

/** Digits only for search indexing; +31/0031 become 0, other '+' prefixes become 00. */
export function phoneDigits(raw: string): string {
  const s = raw.replace(/\(0\)/gu, '').trim();
  let digits = s.replace(/\D/gu, '');
  if (s.startsWith('+')) digits = `00${digits}`;
  return digits.startsWith('0031') ? `0${digits.slice(4)}` : digits;
}

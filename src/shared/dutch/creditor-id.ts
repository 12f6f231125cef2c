import { fail, ok, type Result } from './result';

/**
 * The SEPA creditor identifier (Incassant-ID): country, 2 check digits, a 3-character
 * business code that the check skips, and the national identifier. Dutch ones are
 * NLccZZZ + 8-digit KvK number + 4-digit suffix (19 characters).
 * Check digits: ISO 7064 MOD 97-10 over <national id><country>00, cc = 98 − mod 97.
 */
function mod97(s: string): number {
  let r = 0;
  for (const ch of s) {
    const c = ch.charCodeAt(0);
    const v = c >= 65 ? c - 55 : c - 48;
    r = v >= 10 ? (r * 100 + v) % 97 : (r * 10 + v) % 97;
  }
  return r;
}

export function creditorIdCheckDigits(country: string, nationalId: string): string {
  return String(98 - mod97(`${nationalId}${country}00`)).padStart(2, '0');
}

/** Codes: CREDITOR_ID_INVALID_FORMAT, CREDITOR_ID_INVALID_CHECKSUM. */
export function validateCreditorId(raw: string): Result<string> {
  const id = raw.replace(/[\s.-]/gu, '').toUpperCase();
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{3}[A-Z0-9]{1,28}$/u.test(id) || id.length > 35) return fail('CREDITOR_ID_INVALID_FORMAT');
  if (id.startsWith('NL') && !/^NL\d{2}[A-Z0-9]{3}\d{12}$/u.test(id)) return fail('CREDITOR_ID_INVALID_FORMAT');
  const country = id.slice(0, 2);
  if (mod97(`${id.slice(7)}${country}${id.slice(2, 4)}`) !== 1) return fail('CREDITOR_ID_INVALID_CHECKSUM');
  return ok(id);
}

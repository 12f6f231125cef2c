import { parseCsvRecords } from './csv';
import { fail, ok } from './result';
import type { Result } from './result';

/**
 * IBAN lengths from the SWIFT IBAN registry. All SEPA countries are present;
 * a country missing here is still accepted when its checksum is right, so an
 * outdated list never blocks a real account.
 */
const IBAN_LENGTHS: Record<string, number> = {
  AD: 24, AE: 23, AL: 28, AT: 20, AZ: 28, BA: 20, BE: 16, BG: 22, BH: 22, BR: 29,
  BY: 28, CH: 21, CR: 22, CY: 28, CZ: 24, DE: 22, DK: 18, DO: 28, EE: 20, EG: 29,
  ES: 24, FI: 18, FO: 18, FR: 27, GB: 22, GE: 22, GI: 23, GL: 18, GR: 27, GT: 28,
  HR: 21, HU: 28, IE: 22, IL: 23, IQ: 23, IS: 26, IT: 27, JO: 30, KW: 30, KZ: 20,
  LB: 28, LC: 32, LI: 21, LT: 20, LU: 20, LV: 21, MC: 27, MD: 24, ME: 22, MK: 19,
  MR: 27, MT: 31, MU: 30, NL: 18, NO: 15, PK: 24, PL: 28, PS: 29, PT: 25, QA: 29,
  RO: 24, RS: 22, SA: 24, SC: 31, SE: 24, SI: 19, SK: 24, SM: 27, ST: 25, SV: 28,
  TL: 23, TN: 24, TR: 26, UA: 29, VA: 22, VG: 24, XK: 20,
};

/** Electronic form: no spaces, dots or hyphens, upper case. */
export function normalizeIban(raw: string): string {
  return raw.replace(/[\s.\-]/gu, '').toUpperCase();
}

/** ISO 7064 MOD 97-10, letters as 10..35, exact at any length (IBAN and the RF creditor reference share it). */
export function mod97Of(digitsAndLetters: string): number {
  let remainder = 0;
  for (const ch of digitsAndLetters) {
    const code = ch.charCodeAt(0);
    const value = code >= 65 ? code - 55 : code - 48;
    remainder = value >= 10 ? (remainder * 100 + value) % 97 : (remainder * 10 + value) % 97;
  }
  return remainder;
}

/** Over the rearranged IBAN: 1 for a valid one. */
function mod97(iban: string): number {
  return mod97Of(iban.slice(4) + iban.slice(0, 4));
}

/** ISO 13616 check digits for a BBAN: 98 − (BBAN + country + '00') mod 97 (demo data, test files). */
export function ibanCheckDigits(country: string, bban: string): string {
  return String(98 - mod97Of(`${bban}${country}00`)).padStart(2, '0');
}

/**
 * Codes: IBAN_INVALID_FORMAT, IBAN_INVALID_LENGTH (details: expected, actual),
 * IBAN_INVALID_CHECKSUM. The old Dutch 11-test is deliberately not applied:
 * legacy accounts fail it.
 */
export function validateIban(raw: string): Result<string> {
  const iban = normalizeIban(raw);
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/u.test(iban)) return fail('IBAN_INVALID_FORMAT');
  const country = iban.slice(0, 2);
  const expected = IBAN_LENGTHS[country];
  if (expected !== undefined && iban.length !== expected) {
    return fail('IBAN_INVALID_LENGTH', { expected, actual: iban.length });
  }
  if (country === 'NL' && !/^NL\d{2}[A-Z]{4}\d{10}$/u.test(iban)) return fail('IBAN_INVALID_FORMAT');
  if (mod97(iban) !== 1) return fail('IBAN_INVALID_CHECKSUM');
  return ok(iban);
}

/** Paper form in groups of four: 'NL91 ABNA 0417 1643 00'. */
export function formatIban(iban: string): string {
  return normalizeIban(iban).replace(/(.{4})(?=.)/gu, '$1 ');
}

export interface BankInfo {
  bic: string;
  bank: string | null;
}

/** Reads nl-bankcode-bic.csv (`bankcode,bic,naam`). */
export function parseBankCodeBicTable(csv: string): Map<string, BankInfo> {
  const table = new Map<string, BankInfo>();
  for (const r of parseCsvRecords(csv)) {
    const code = (r['bankcode'] ?? '').toUpperCase();
    const bic = (r['bic'] ?? '').toUpperCase();
    if (!/^[A-Z]{4}$/u.test(code) || !bic) continue;
    table.set(code, { bic, bank: r['naam'] || null });
  }
  return table;
}

/** BIC derived from the bank code (IBAN positions 5–8). Dutch IBANs only. */
export function bicForIban(iban: string, table: Map<string, BankInfo>): string | null {
  const v = validateIban(iban);
  if (!v.ok || !v.value.startsWith('NL')) return null;
  return table.get(v.value.slice(4, 8))?.bic ?? null;
}

/** Codes: BIC_INVALID_LENGTH (not 8 or 11), BIC_INVALID_FORMAT. */
export function validateBic(raw: string): Result<string> {
  const bic = raw.replace(/\s+/gu, '').toUpperCase();
  if (bic.length !== 8 && bic.length !== 11) return fail('BIC_INVALID_LENGTH', { actual: bic.length });
  // 4 bank letters, 2 country letters, 2 location chars, optional 3 branch chars.
  if (!/^[A-Z]{4}[A-Z]{2}[A-Z0-9]{2}(?:[A-Z0-9]{3})?$/u.test(bic)) return fail('BIC_INVALID_FORMAT');
  return ok(bic);
}

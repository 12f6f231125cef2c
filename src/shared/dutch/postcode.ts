import { fail, ok } from './result';
import type { Result } from './result';

// PostNL never issues these letter pairs (historical connotations).
const FORBIDDEN_LETTERS = new Set(['SA', 'SD', 'SS']);

function isNetherlands(country: string | null | undefined): boolean {
  const c = (country ?? '').trim().toUpperCase();
  return c === '' || c === 'NL';
}

/**
 * Dutch postcodes become '1234 AB'. Other countries are only trimmed and
 * upper-cased, as their formats are not ours to police.
 * Codes: POSTCODE_EMPTY, POSTCODE_INVALID_FORMAT, POSTCODE_FORBIDDEN_LETTERS.
 */
export function normalizePostcode(raw: string, country?: string | null): Result<string> {
  const trimmed = raw.replace(/\s+/gu, ' ').trim();
  if (!trimmed) return fail('POSTCODE_EMPTY');
  if (!isNetherlands(country)) return ok(trimmed.toUpperCase());

  const m = /^([1-9]\d{3})([A-Z]{2})$/u.exec(trimmed.replace(/ /gu, '').toUpperCase());
  if (!m) return fail('POSTCODE_INVALID_FORMAT');
  const digits = m[1] ?? '';
  const letters = m[2] ?? '';
  if (FORBIDDEN_LETTERS.has(letters)) return fail('POSTCODE_FORBIDDEN_LETTERS', { letters });
  return ok(`${digits} ${letters}`);
}

/** The PC4 part as a number (1234 for '1234 AB'), for range rules; null if not Dutch-shaped. */
export function postcodeDigits(postcode: string): number | null {
  const m = /^\s*([1-9]\d{3})(?:\s*[A-Za-z]{2})?\s*$/u.exec(postcode);
  return m?.[1] ? Number(m[1]) : null;
}

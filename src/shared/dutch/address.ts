import { normalizePostcode } from './postcode';
import { fail, ok } from './result';
import type { Result } from './result';
import { collapseSpaces } from './text';

export interface PostalAddress {
  street?: string | null;
  houseNumber?: number | null;
  houseLetter?: string | null;
  houseNumberSuffix?: string | null;
  /** Full text such as 'Postbus 123' or 'Antwoordnummer 123'; replaces the street line. */
  poBox?: string | null;
  postcode?: string | null;
  city?: string | null;
  /** ISO 3166 alpha-2; empty means NL. */
  country?: string | null;
}

export type HouseNumberParts = Pick<PostalAddress, 'houseNumber' | 'houseLetter' | 'houseNumberSuffix'>;

// BAG limits for huisnummer.
const HOUSE_NUMBER_MIN = 1;
const HOUSE_NUMBER_MAX = 99999;

function clean(s: string | null | undefined): string {
  return s ? collapseSpaces(s) : '';
}

// A stored suffix may still carry the separator the user typed ('-2', ' bis').
function bareSuffix(s: string | null | undefined): string {
  return clean(s).replace(/^[-\s/]+/u, '');
}

/** '12A', '12-2', '12A-2': the letter is glued on, the suffix follows a hyphen. */
export function formatHouseNumber(a: HouseNumberParts): string {
  if (a.houseNumber === null || a.houseNumber === undefined) return '';
  const suffix = bareSuffix(a.houseNumberSuffix);
  return `${a.houseNumber}${clean(a.houseLetter).toUpperCase()}${suffix ? `-${suffix}` : ''}`;
}

// Dutch names of the countries members most often live in; anything else falls back to the code.
const DUTCH_COUNTRY_NAMES: Record<string, string> = {
  AT: 'Oostenrijk', AW: 'Aruba', BE: 'België', CH: 'Zwitserland', CW: 'Curaçao', DE: 'Duitsland',
  DK: 'Denemarken', ES: 'Spanje', FR: 'Frankrijk', GB: 'Verenigd Koninkrijk', IE: 'Ierland',
  IT: 'Italië', LU: 'Luxemburg', NL: 'Nederland', NO: 'Noorwegen', PL: 'Polen', PT: 'Portugal',
  SE: 'Zweden', SR: 'Suriname', SX: 'Sint Maarten', US: 'Verenigde Staten',
};

export function dutchCountryName(code: string): string | null {
  return DUTCH_COUNTRY_NAMES[code.trim().toUpperCase()] ?? null;
}

export interface AddressLinesOptions {
  countryName?: (code: string) => string;
}

/**
 * Label lines per PostNL: street + number (or the PO box line), then
 * '1234 AB  PLAATS' (two spaces, place in capitals), then the country in capitals
 * when abroad. Empty parts are skipped: a label must not contain blank lines.
 */
export function addressLines(a: PostalAddress, opts?: AddressLinesOptions): string[] {
  const country = clean(a.country).toUpperCase() || 'NL';
  const isNl = country === 'NL';
  const lines: string[] = [];

  const poBox = clean(a.poBox);
  const streetLine = poBox || [clean(a.street), formatHouseNumber(a)].filter((x) => x !== '').join(' ');
  if (streetLine) lines.push(streetLine);

  const rawPostcode = clean(a.postcode);
  const normalized = rawPostcode ? normalizePostcode(rawPostcode, country) : null;
  const postcode = normalized?.ok ? normalized.value : rawPostcode.toUpperCase();
  const city = clean(a.city).toUpperCase();
  // Foreign lines follow the common 'postcode city' form with a single space.
  const placeLine = [postcode, city].filter((x) => x !== '').join(isNl ? '  ' : ' ');
  if (placeLine) lines.push(placeLine);

  if (!isNl) {
    const name = opts?.countryName?.(country) ?? dutchCountryName(country) ?? country;
    lines.push(name.toUpperCase());
  }
  return lines;
}

/** Integer 1–99999 (BAG). Code: HOUSE_NUMBER_INVALID. */
export function validateHouseNumber(raw: number | string): Result<number> {
  const n = typeof raw === 'number' ? raw : /^\s*\d+\s*$/u.test(raw) ? Number(raw) : Number.NaN;
  if (!Number.isInteger(n) || n < HOUSE_NUMBER_MIN || n > HOUSE_NUMBER_MAX) {
    return fail('HOUSE_NUMBER_INVALID', { min: HOUSE_NUMBER_MIN, max: HOUSE_NUMBER_MAX });
  }
  return ok(n);
}

/** An ISO 3166 alpha-2 country code, returned in upper case. Code: COUNTRY_INVALID. */
export function validateCountry(raw: string): Result<string> {
  const s = raw.trim().toUpperCase();
  return /^[A-Z]{2}$/u.test(s) ? ok(s) : fail('COUNTRY_INVALID');
}

/** A single letter, returned in upper case. Code: HOUSE_LETTER_INVALID. */
export function validateHouseLetter(raw: string): Result<string> {
  const s = raw.trim();
  return /^[A-Za-z]$/u.test(s) ? ok(s.toUpperCase()) : fail('HOUSE_LETTER_INVALID');
}

/** Up to 4 letters/digits ('2', 'bis', 'hs'); a leading '-' is dropped. Code: HOUSE_NUMBER_SUFFIX_INVALID. */
export function validateHouseNumberSuffix(raw: string): Result<string> {
  const s = bareSuffix(raw);
  return /^[A-Za-z0-9]{1,4}$/u.test(s) ? ok(s) : fail('HOUSE_NUMBER_SUFFIX_INVALID', { max: 4 });
}

export interface SplitHouseNumber {
  houseNumber: number;
  houseLetter: string | null;
  houseNumberSuffix: string | null;
}

/**
 * Splits an imported house-number cell: '12' , '12A', '12 a', '12-2', '12A-2', '12 bis'.
 * Code: HOUSE_NUMBER_INVALID.
 */
export function splitHouseNumber(raw: string): Result<SplitHouseNumber> {
  const m = /^(\d{1,5})(?:\s?([A-Za-z])(?![A-Za-z]))?(?:\s*[-/]?\s*([A-Za-z0-9]{1,4}))?$/u.exec(raw.trim());
  if (!m) return fail('HOUSE_NUMBER_INVALID');
  const number = validateHouseNumber(m[1] ?? '');
  if (!number.ok) return number;
  return ok({
    houseNumber: number.value,
    houseLetter: m[2] ? m[2].toUpperCase() : null,
    houseNumberSuffix: m[3] ?? null,
  });
}

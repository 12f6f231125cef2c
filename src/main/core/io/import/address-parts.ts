import { splitHouseNumber, validateHouseNumberSuffix } from '../../../../shared/dutch/address';
import { fail, ok, type Result } from '../../../../shared/dutch/result';
import { collapseSpaces } from '../../../../shared/dutch/text';
import { lookupPc4, type Pc4Info } from '../../../../shared/dutch/pc4';

export interface StreetParts {
  street: string | null;
  houseNumber: number | null;
  houseLetter: string | null;
  houseNumberSuffix: string | null;
  poBox: string | null;
}

/**
 * One 'Adres' cell → street and house number: 'Dorpsstraat 12', 'Molenweg 7a',
 * 'Keizersgracht 100, hs', 'Plein 1944 12' (the last number is the house number),
 * 'Postbus 123'. Code: ADDRESS_LINE_INVALID.
 */
export function parseAddressLine(raw: string): Result<StreetParts> {
  const s = collapseSpaces(raw);
  const box = /^(postbus|antwoordnummer)\s*(\d{1,6})$/i.exec(s);
  if (box) {
    const word = (box[1] ?? '').toLowerCase() === 'postbus' ? 'Postbus' : 'Antwoordnummer';
    return ok({ street: null, houseNumber: null, houseLetter: null, houseNumberSuffix: null, poBox: `${word} ${box[2]}` });
  }
  const m = /^(.*\S)\s+(\d{1,5}(?:\s?[A-Za-z](?![A-Za-z]))?(?:\s*[-/,]?\s*[A-Za-z0-9]{1,4})?)$/.exec(s);
  if (!m || !/\p{L}/u.test(m[1] ?? '')) return fail('ADDRESS_LINE_INVALID');
  const number = splitHouseNumber((m[2] ?? '').replace(',', ' '));
  if (!number.ok) return fail('ADDRESS_LINE_INVALID');
  return ok({ street: (m[1] ?? '').replace(/,\s*$/, '').trim(), poBox: null, ...number.value });
}

/** A 'Toev.' cell: a single letter is the huisletter, anything else the toevoeging ('-2', 'bis', 'hs'). */
export function parseSuffix(raw: string, hasLetter: boolean): Result<{ houseLetter?: string; houseNumberSuffix?: string }> {
  const s = raw.trim();
  if (!hasLetter && /^[A-Za-z]$/.test(s)) return ok({ houseLetter: s.toUpperCase() });
  const v = validateHouseNumberSuffix(s);
  return v.ok ? ok({ houseNumberSuffix: v.value }) : v;
}

/**
 * A city as typed → the spelling of the PC4 table when it names the same place
 * ('UTRECHT' → 'Utrecht', "'S-HERTOGENBOSCH" → "'s-Hertogenbosch"); otherwise as typed.
 */
export function canonicalCity(city: string, postcode: string | null, pc4: Map<string, Pc4Info>): string {
  if (!postcode) return city;
  const info = lookupPc4(pc4, postcode);
  const key = city.toLowerCase();
  return info?.places.find((p) => p.toLowerCase() === key) ?? city;
}

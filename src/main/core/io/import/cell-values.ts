import { excelSerialToIso, isIsoDate, parseDutchDate } from '../../../../shared/dutch/dates';
import { dutchCountryName } from '../../../../shared/dutch/address';
import { parseAmount } from '../../../../shared/dutch/money';
import { fail, ok, type Result } from '../../../../shared/dutch/result';
import { collapseSpaces, foldDiacritics } from '../../../../shared/dutch/text';
import type { CellValue } from '../read/source-table';

const UNUSUAL_SPACE = /\s\s|[^\S ]/;

/** Cell → trimmed text ('' for empty), inner whitespace collapsed. Numbers keep their digits (no '1e+21'). */
export function textOf(v: CellValue): string {
  if (v === null) return '';
  if (typeof v === 'object') return v.date;
  if (typeof v === 'number') return Number.isInteger(v) ? v.toFixed(0) : String(v);
  const t = String(v).trim();
  return UNUSUAL_SPACE.test(t) ? collapseSpaces(t) : t;
}

/**
 * A file has few distinct words in columns like Aanhef, Geslacht, Land or Soort; the
 * lookups are pure, so they are cached (bounded: a column of free text cannot grow it).
 */
function memo<T>(fn: (s: string) => T, max = 2_000): (s: string) => T {
  const cache = new Map<string, T>();
  return (s) => {
    let hit = cache.get(s);
    if (hit === undefined) {
      hit = fn(s);
      if (cache.size < max) cache.set(s, hit);
    }
    return hit;
  };
}

/** Like textOf, but line breaks inside the cell (Alt+Enter in Excel) stay. */
export function multilineTextOf(v: CellValue): string {
  if (typeof v !== 'string') return textOf(v);
  return v
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.replace(/[ \t\u00a0]+/g, ' ').trim())
    .join('\n')
    .trim();
}

// Excel's serial range for 1900-01-01 … 9999-12-31.
const MAX_SERIAL = 2_958_465;

/**
 * A date cell: a real Excel date, an Excel serial (a number, or five digits in text as
 * a CSV export of a date column shows), or Dutch text ('3-7-1961', '03-07-61', '1961-07-03').
 */
export function dateOf(v: CellValue, today: string): Result<string> {
  if (v !== null && typeof v === 'object') return isIsoDate(v.date) ? ok(v.date) : fail('DATE_INVALID');
  if (typeof v === 'number') {
    return v >= 1 && v <= MAX_SERIAL ? ok(excelSerialToIso(v)) : fail('DATE_INVALID');
  }
  const s = textOf(v);
  if (/^\d{5}$/.test(s)) return ok(excelSerialToIso(Number(s)));
  return parseDutchDate(s, { today });
}

/** Integer cents from '€ 12,50', '25,00', '12,-' or a number cell. */
export function centsOf(v: CellValue): Result<number> {
  if (typeof v === 'number') {
    const cents = Math.round(v * 100);
    return Math.abs(cents / 100 - v) < 1e-9 ? ok(cents) : fail('AMOUNT_TOO_MANY_DECIMALS');
  }
  return parseAmount(textOf(v));
}

function wordKey(s: string): string {
  return foldDiacritics(s).toLowerCase().replace(/[.,:;]/g, ' ').replace(/\s+/g, ' ').trim();
}

export interface PersonForm {
  gender: 'm' | 'v' | 'x';
  addressForm: 'heer' | 'mevrouw' | 'neutraal';
}

const MALE: PersonForm = { gender: 'm', addressForm: 'heer' };
const FEMALE: PersonForm = { gender: 'v', addressForm: 'mevrouw' };
const NEUTRAL: PersonForm = { gender: 'x', addressForm: 'neutraal' };

const FORM_WORDS = new Map<string, PersonForm>([
  ...['m', 'man', 'mannelijk', 'male', 'heer', 'de heer', 'dhr', 'meneer', 'mijnheer', 'hr', 'mr', 'mister', 'jongen'].map((w) => [w, MALE] as const),
  ...['v', 'vrouw', 'vrouwelijk', 'f', 'female', 'woman', 'mevrouw', 'mevr', 'mw', 'mej', 'mejuffrouw', 'mrs', 'ms', 'miss', 'meisje'].map((w) => [w, FEMALE] as const),
  ...['x', 'neutraal', 'anders', 'divers', 'non binair', 'nonbinair', 'non-binair', 'nb', 'o', 'other', 'mx'].map((w) => [w, NEUTRAL] as const),
]);

const formOfText = memo((text: string): Result<PersonForm> => {
  const key = wordKey(text).replace(/^(geachte|beste|aan)\s+/, '');
  const hit = FORM_WORDS.get(key) ?? FORM_WORDS.get(key.replace(/-/g, ' '));
  return hit ? ok(hit) : fail('SALUTATION_UNKNOWN');
});

/** 'Dhr.', 'De heer', 'Geachte mevrouw', 'M', 'V', 'man' → gender and aanspreekvorm. Code: SALUTATION_UNKNOWN. */
export function formOf(v: CellValue): Result<PersonForm> {
  return formOfText(textOf(v));
}

const KIND_WORDS = new Map<string, 'person' | 'organisation'>([
  ...['persoon', 'person', 'p', 'prive', 'particulier', 'individu', 'natuurlijk persoon', 'individual'].map((w) => [w, 'person'] as const),
  ...['organisatie', 'organisation', 'organization', 'o', 'bedrijf', 'b', 'company', 'vereniging', 'stichting', 'instelling', 'rechtspersoon', 'zakelijk'].map((w) => [w, 'organisation'] as const),
]);

export function kindOf(v: CellValue): Result<'person' | 'organisation'> {
  const hit = KIND_WORDS.get(wordKey(textOf(v)));
  return hit ? ok(hit) : fail('KIND_UNKNOWN');
}

const COUNTRY_WORDS = new Map<string, string>([
  ['holland', 'NL'], ['the netherlands', 'NL'], ['netherlands', 'NL'], ['nederland', 'NL'],
  ['belgium', 'BE'], ['belgie', 'BE'], ['duitsland', 'DE'], ['germany', 'DE'], ['deutschland', 'DE'],
  ['frankrijk', 'FR'], ['france', 'FR'], ['luxembourg', 'LU'], ['engeland', 'GB'], ['united kingdom', 'GB'], ['uk', 'GB'],
  ['verenigde staten', 'US'], ['usa', 'US'], ['united states', 'US'], ['spanje', 'ES'], ['spain', 'ES'],
]);
for (const code of ['AT', 'AW', 'BE', 'CH', 'CW', 'DE', 'DK', 'ES', 'FR', 'GB', 'IE', 'IT', 'LU', 'NL', 'NO', 'PL', 'PT', 'SE', 'SR', 'SX', 'US']) {
  const name = dutchCountryName(code);
  if (name) COUNTRY_WORDS.set(wordKey(name), code);
}

const countryOfText = memo((s: string): Result<string> => {
  if (/^[A-Za-z]{2}$/.test(s)) return ok(s.toUpperCase());
  const hit = COUNTRY_WORDS.get(wordKey(s));
  return hit ? ok(hit) : fail('COUNTRY_UNKNOWN');
});

/** 'Nederland', 'België', 'Germany', 'nl' → ISO code. Code: COUNTRY_UNKNOWN. */
export function countryOf(v: CellValue): Result<string> {
  return countryOfText(textOf(v));
}

export function booleanOf(v: CellValue): Result<boolean> {
  if (typeof v === 'boolean') return ok(v);
  const s = wordKey(textOf(v));
  if (['ja', 'j', 'yes', 'y', 'true', 'waar', '1', 'x', 'wel'].includes(s)) return ok(true);
  if (['nee', 'n', 'no', 'false', 'onwaar', '0', 'niet'].includes(s)) return ok(false);
  return fail('BOOLEAN_INVALID');
}

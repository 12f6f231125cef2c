import type { FormatterModule } from 'i18next';

/** 47733 → '47.733' (nl) or '47,733' (en). */
export function numberLocale(lng: string | undefined): string {
  return lng === 'en' ? 'en-GB' : 'nl-NL';
}

/**
 * Numbers put into a text ({{count}}, {{total}}, {{rows}} …) are written the Dutch way,
 * '47.733' not '47733', in one place instead of at every call. Interpolation values that are
 * identifiers, not quantities (a relation number, a code, a year), are left as they are.
 */
const IDENTIFIERS = new Set(['number', 'code', 'value', 'raw', 'key', 'text', 'stored', 'old', 'new', 'year', 'postcode', 'row', 'line', 'column', 'age', 'min', 'max']);

export const numberFormatter: FormatterModule = {
  type: 'formatter',
  init: () => undefined,
  add: () => undefined,
  addCached: () => undefined,
  format(value: unknown, _format, lng, options) {
    if (typeof value !== 'number' || !Number.isFinite(value)) return value as string;
    const key = (options as { interpolationkey?: string } | undefined)?.interpolationkey;
    // `keepNumber`, `removedNumber`, …: relation numbers are identifiers wherever they appear.
    if (key && (IDENTIFIERS.has(key) || /Number$/.test(key))) return String(value);
    return new Intl.NumberFormat(numberLocale(lng)).format(value);
  },
};

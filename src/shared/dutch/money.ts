import { fail, ok } from './result';
import type { Result } from './result';

function groupsOfThree(intPart: string, sep: string): string | null {
  const groups = intPart.split(sep);
  const [head, ...tail] = groups;
  if (!head || !/^\d{1,3}$/u.test(head) || !tail.every((g) => /^\d{3}$/u.test(g))) return null;
  return groups.join('');
}

/**
 * Euro amount to integer cents. Dutch notation first ('1.234,56', '12,50', '12,-'),
 * but '1234.56' from spreadsheets also works. A single dot followed by exactly three
 * digits ('1.234') is read as a thousands separator, as a Dutch user means it.
 * Codes: AMOUNT_EMPTY, AMOUNT_INVALID_FORMAT, AMOUNT_TOO_MANY_DECIMALS, AMOUNT_TOO_LARGE.
 */
export function parseAmount(raw: string): Result<number> {
  let s = raw.replace(/[\s\u00a0\u202f]+/gu, '').replace(/\u2212/gu, '-');
  if (!s) return fail('AMOUNT_EMPTY');

  let sign: '-' | '+' | null = null;
  // Sign may stand before or after the currency: '-€12,50', '€-12,50'.
  for (let i = 0; i < 3; i++) {
    if (s.startsWith('-') || s.startsWith('+')) {
      if (sign !== null) return fail('AMOUNT_INVALID_FORMAT');
      sign = s.startsWith('-') ? '-' : '+';
      s = s.slice(1);
    } else if (s.startsWith('€')) {
      s = s.slice(1);
    } else if (/^eur/iu.test(s)) {
      s = s.slice(3);
    }
  }
  s = s.replace(/(?:€|eur)$/iu, '');
  // '12,-' and '12,--' are the Dutch way of writing whole euros.
  s = s.replace(/[.,]-{1,2}$/u, '');
  if (!/^[\d.,]*\d[\d.,]*$/u.test(s)) return fail('AMOUNT_INVALID_FORMAT');

  const lastComma = s.lastIndexOf(',');
  const lastDot = s.lastIndexOf('.');
  const commas = s.split(',').length - 1;
  const dots = s.split('.').length - 1;
  let intPart: string | null;
  let frac = '';

  if (commas > 0 && dots > 0) {
    const decimalSep = lastComma > lastDot ? ',' : '.';
    const groupSep = decimalSep === ',' ? '.' : ',';
    if ((decimalSep === ',' ? commas : dots) > 1) return fail('AMOUNT_INVALID_FORMAT');
    const idx = s.lastIndexOf(decimalSep);
    frac = s.slice(idx + 1);
    intPart = groupsOfThree(s.slice(0, idx), groupSep);
  } else if (commas + dots === 0) {
    intPart = s;
  } else {
    const sep = commas > 0 ? ',' : '.';
    const count = commas + dots;
    const idx = s.lastIndexOf(sep);
    const before = s.slice(0, idx);
    const after = s.slice(idx + 1);
    const isGrouping = count > 1 || (sep === '.' && after.length === 3 && /^\d{1,3}$/u.test(before));
    if (isGrouping) {
      intPart = groupsOfThree(s, sep);
    } else {
      frac = after;
      intPart = before || '0';
    }
  }

  if (intPart === null || !/^\d+$/u.test(intPart) || !/^\d*$/u.test(frac)) {
    return fail('AMOUNT_INVALID_FORMAT');
  }
  if (frac.length > 2) return fail('AMOUNT_TOO_MANY_DECIMALS', { decimals: frac.length });

  const cents = Number(intPart) * 100 + Number(frac.padEnd(2, '0'));
  if (!Number.isSafeInteger(cents)) return fail('AMOUNT_TOO_LARGE');
  return ok(sign === '-' && cents !== 0 ? -cents : cents);
}

/** Dutch notation with a plain space: '€ 1.234,56', negative '€ -12,50'. */
export function formatAmount(cents: number): string {
  const whole = Math.round(cents);
  const abs = Math.abs(whole);
  const euros = Math.floor(abs / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/gu, '.');
  const rest = String(abs % 100).padStart(2, '0');
  return `€ ${whole < 0 ? '-' : ''}${euros},${rest}`;
}

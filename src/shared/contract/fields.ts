import { z } from 'zod';
import { normalizeEmail } from '../dutch/email';
import { validateIban, validateBic } from '../dutch/iban';
import { normalizeInitials } from '../dutch/names';
import { normalizePhone } from '../dutch/phone';
import { isIsoDate } from '../dutch/dates';
import type { Result } from '../dutch/result';

/**
 * Field schemas shared by every contract. Dutch normalisation happens here, at the boundary,
 * so the core only ever stores normalised values. Issue messages are codes (the UI maps
 * them to Dutch), never prose.
 */

export const id = z.string().min(1).max(64);

/**
 * Characters no text field may hold: C0 controls (NUL, ESC of ANSI escapes, …), DEL, C1
 * controls, and the bidi embeddings, overrides and isolates that make text display other
 * than it reads. Multi-line text (notes, descriptions) may hold tabs and line breaks;
 * single-line text (names, streets, labels) may not.
 */
const FORBIDDEN_MULTILINE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/u;
const FORBIDDEN_SINGLE_LINE = /[\u0000-\u001F\u007F-\u009F\u2028\u2029\u202A-\u202E\u2066-\u2069]/u;
export const TEXT_CONTROL_CHARACTER = 'TEXT_CONTROL_CHARACTER';

/** Whether `s` holds a character no stored text may hold (the one rule every door applies). */
export function hasControlCharacter(s: string, opts: { multiline?: boolean } = {}): boolean {
  return (opts.multiline ? FORBIDDEN_MULTILINE : FORBIDDEN_SINGLE_LINE).test(s);
}

/** A plain string that refuses control characters: the base of every text field schema. */
export function plainText(opts: { multiline?: boolean } = {}) {
  return z.string().refine((s) => !hasControlCharacter(s, opts), { message: TEXT_CONTROL_CHARACTER });
}

/** Trimmed, non-empty, single-line text: names of groups, types, tags, labels. */
export function requiredText(max: number, emptyCode?: string) {
  return z
    .string()
    .trim()
    .min(1, emptyCode ? { message: emptyCode } : undefined)
    .max(max, { message: 'TEXT_TOO_LONG' })
    .refine((s) => !hasControlCharacter(s), { message: TEXT_CONTROL_CHARACTER });
}

export const isoDate = z
  .string()
  .refine((s) => isIsoDate(s), { message: 'DATE_INVALID' });

/** Trimmed text; empty becomes null so "cleared" and "never set" are the same thing. */
export function optionalText(max = 500, opts: { multiline?: boolean } = {}) {
  return plainText(opts)
    .max(max, { message: 'TEXT_TOO_LONG' })
    .nullish()
    .transform((s) => {
      const t = s?.trim() ?? '';
      return t === '' ? null : t;
    });
}

export const optionalDate = z
  .string()
  .nullish()
  .transform((s) => (s?.trim() ? s.trim() : null))
  .refine((s) => s === null || isIsoDate(s), { message: 'DATE_INVALID' });

/** Turns a Dutch helper's Result into a zod transform step. */
export function fromResult(fn: (raw: string) => Result<string>) {
  return plainText()
    .nullish()
    .transform((raw, ctx) => {
      const t = raw?.trim() ?? '';
      if (t === '') return null;
      const r = fn(t);
      if (r.ok) return r.value;
      ctx.addIssue({ code: 'custom', message: r.code });
      return z.NEVER;
    });
}

export const optionalEmail = fromResult(normalizeEmail);
export const optionalIban = fromResult(validateIban);
export const optionalBic = fromResult(validateBic);
export const optionalPhone = fromResult(normalizePhone);
export const optionalInitials = plainText()
  .max(30, { message: 'TEXT_TOO_LONG' })
  .nullish()
  .transform((s) => (s?.trim() ? normalizeInitials(s) : null));

export const optionalUrl = plainText()
  .max(500)
  .nullish()
  .transform((raw, ctx) => {
    const t = raw?.trim() ?? '';
    if (t === '') return null;
    const withScheme = /^[a-z]+:\/\//i.test(t) ? t : `https://${t}`;
    try {
      const u = new URL(withScheme);
      if (u.protocol === 'http:' || u.protocol === 'https:') return u.toString();
    } catch {
      // fall through to the issue below
    }
    ctx.addIssue({ code: 'custom', message: 'URL_INVALID' });
    return z.NEVER;
  });

export const pageInput = {
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(500).default(100),
};

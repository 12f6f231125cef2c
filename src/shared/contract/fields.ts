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

export const isoDate = z
  .string()
  .refine((s) => isIsoDate(s), { message: 'DATE_INVALID' });

/** Trimmed text; empty becomes null so "cleared" and "never set" are the same thing. */
export function optionalText(max = 500) {
  return z
    .string()
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
function fromResult(fn: (raw: string) => Result<string>) {
  return z
    .string()
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
export const optionalInitials = z
  .string()
  .max(30, { message: 'TEXT_TOO_LONG' })
  .nullish()
  .transform((s) => (s?.trim() ? normalizeInitials(s) : null));

export const optionalUrl = z
  .string()
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

import { normalizePostcode } from '../../shared/dutch/postcode';
import { validateBic, validateIban } from '../../shared/dutch/iban';
import { normalizeEmail } from '../../shared/dutch/email';
import { normalizePhone } from '../../shared/dutch/phone';
import { validateCountry, validateHouseLetter, validateHouseNumber, validateHouseNumberSuffix } from '../../shared/dutch/address';
import type { FieldIssue } from '../../shared/errors';
import type { Result } from '../../shared/dutch/result';
import { parseDateText } from './dates';

/*
 * Instant client-side checks with the same Dutch helpers the core uses, so the user sees
 * the message on the field while typing; the core re-validates anyway.
 */

export type Check = (value: string) => Result<unknown>;

const optional =
  (fn: (s: string) => Result<unknown>): Check =>
  (s) =>
    s.trim() === '' ? { ok: true, value: null } : fn(s);

export const checks = {
  postcode: (country: string): Check => optional((s) => normalizePostcode(s, country || 'NL')),
  iban: optional(validateIban),
  bic: optional(validateBic),
  email: optional(normalizeEmail),
  phone: optional(normalizePhone),
  date: (s: string) => parseDateText(s),
  kvk: optional((s) => (/^\d{8}$/.test(s.replace(/[\s.]/g, '')) ? { ok: true, value: s } : { ok: false, code: 'KVK_INVALID' })),
  houseNumber: optional(validateHouseNumber),
  houseLetter: optional(validateHouseLetter),
  houseNumberSuffix: optional(validateHouseNumberSuffix),
  country: optional(validateCountry),
} as const;

/** Runs the checks of a form: field → check. Returns issues with the form's field names. */
export function runChecks<V extends object>(values: V, table: Partial<Record<keyof V & string, Check>>): FieldIssue[] {
  const issues: FieldIssue[] = [];
  for (const [field, check] of Object.entries(table) as [keyof V & string, Check | undefined][]) {
    const raw: unknown = values[field];
    if (!check || typeof raw !== 'string') continue;
    const r = check(raw);
    if (!r.ok) issues.push({ field, code: r.code, details: r.details });
  }
  return issues;
}

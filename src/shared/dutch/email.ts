import { fail, ok } from './result';
import type { Result } from './result';

const LOCAL_PART = /^[\p{L}\p{N}!#$%&'*+/=?^_`{|}~-]+(?:\.[\p{L}\p{N}!#$%&'*+/=?^_`{|}~-]+)*$/u;
const DOMAIN_LABEL = /^[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?$/u;
const TOP_LEVEL = /^(?:\p{L}{2,}|xn--[a-z0-9-]+)$/u;

/**
 * Trimmed, lower-cased address. The check is pragmatic (no quoted local parts or
 * IP literals) and catches the typical typos: 'jan@gmail,com', 'jan@gmail', 'jan@@x.nl'.
 * Code: EMAIL_INVALID.
 */
export function normalizeEmail(raw: string): Result<string> {
  let s = raw.trim().replace(/^mailto:/iu, '');
  // Pasted from a mail client: 'Jan <jan@example.nl>' or '<jan@example.nl>'.
  const angle = /<([^<>]+)>\s*$/u.exec(s);
  if (angle?.[1]) s = angle[1];
  s = s.trim().toLowerCase();

  if (s.length > 254) return fail('EMAIL_INVALID');
  const at = s.lastIndexOf('@');
  if (at < 1) return fail('EMAIL_INVALID');
  const local = s.slice(0, at);
  const domain = s.slice(at + 1);
  if (local.length > 64 || !LOCAL_PART.test(local)) return fail('EMAIL_INVALID');

  const labels = domain.split('.');
  const tld = labels[labels.length - 1] ?? '';
  if (labels.length < 2 || !labels.every((l) => DOMAIN_LABEL.test(l)) || !TOP_LEVEL.test(tld)) {
    return fail('EMAIL_INVALID');
  }
  return ok(s);
}

/** 'jan@Example.NL' → 'example.nl'; null without an '@'. */
export function emailDomain(email: string): string | null {
  const at = email.lastIndexOf('@');
  if (at < 0) return null;
  const domain = email.slice(at + 1).trim().toLowerCase();
  return domain || null;
}

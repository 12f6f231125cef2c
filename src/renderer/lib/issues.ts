import type { TFunction } from 'i18next';
import type { ErrorBody, FieldIssue } from '../../shared/errors';

/** 'fields.iban' → 'iban', 'address.postcode' → 'postcode', 'values.kleur' stays as is. */
export function fieldKey(path: string, stripPrefixes: readonly string[] = ['fields.', 'address.', 'link.']): string {
  for (const p of stripPrefixes) if (path.startsWith(p)) return path.slice(p.length);
  return path;
}

/** snake_case database columns (audit log) → the camelCase names the labels are keyed by. */
export function camelCase(column: string): string {
  return column.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

/** The Dutch (or English) label of a field path; unknown fields show their last segment. */
export function fieldLabel(t: TFunction, path: string): string {
  const last = path.split('.').pop() ?? path;
  return t(`fields.label.${last}`, { defaultValue: last });
}

/** Only the problem: "ongeldige postcode (verwacht 1234 AB)". */
export function issueMessage(t: TFunction, issue: Pick<FieldIssue, 'code' | 'details'>): string {
  const generic = issue.code.startsWith('INPUT_') ? t('errors.issue.INPUT_GENERIC') : t('errors.issue.UNKNOWN', { code: issue.code });
  return t(`errors.issue.${issue.code}`, { ...(issue.details ?? {}), defaultValue: generic });
}

/** Field and problem: "Postcode: ongeldige postcode (verwacht 1234 AB)". */
export function issueText(t: TFunction, issue: FieldIssue, labelFor: (path: string) => string = (p) => fieldLabel(t, p)): string {
  const message = issueMessage(t, issue);
  return issue.field ? `${labelFor(issue.field)}: ${message}` : message;
}

/** One sentence for an error without field issues (conflicts, not found, network…). */
export function errorText(t: TFunction, body: ErrorBody): string {
  const reason = typeof body.details?.['reason'] === 'string' ? body.details['reason'] : null;
  if (reason) {
    const text = t(`errors.reason.${reason}`, { ...body.details, defaultValue: '' });
    if (text) return text;
  }
  if (body.code === 'NOT_FOUND') {
    const entity = typeof body.details?.['entity'] === 'string' ? body.details['entity'] : '';
    return t('errors.code.NOT_FOUND', { entity: t(`errors.entity.${entity}`, { defaultValue: entity }) });
  }
  return t(`errors.code.${body.code}`, { defaultValue: t('errors.code.INTERNAL') });
}

/** Field issues keyed by form field (prefixes stripped), first message per field wins. */
export function issuesByField(t: TFunction, issues: FieldIssue[] | undefined, stripPrefixes?: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of issues ?? []) {
    const key = fieldKey(issue.field, stripPrefixes);
    out[key] ??= issueMessage(t, issue);
  }
  return out;
}

import type { TFunction } from 'i18next';
import type { ErrorBody, FieldIssue } from '../../../shared/errors';
import { errorText, fieldLabel, issueMessage } from '../../lib/issues';

/*
 * The codes of this feature (MEMBERSHIP_ATOM_IN_RULE, UNIT_TREE_CYCLE…) are translated here
 * first, then the app-wide catalogue takes over. The app-wide catalogue (nl-errors.ts) is
 * spread after ours, so our texts live under memberships.errors instead of errors.*.
 */

export function membershipFieldLabel(t: TFunction, path: string): string {
  const last = path.split('.').pop() ?? path;
  return t(`memberships.errors.field.${last}`, { defaultValue: fieldLabel(t, path) });
}

export function membershipIssueMessage(t: TFunction, issue: Pick<FieldIssue, 'code' | 'details'>): string {
  return t(`memberships.errors.issue.${issue.code}`, { ...(issue.details ?? {}), defaultValue: issueMessage(t, issue) });
}

export function membershipIssueText(t: TFunction, issue: FieldIssue): string {
  const message = membershipIssueMessage(t, issue);
  return issue.field ? `${membershipFieldLabel(t, issue.field)}: ${message}` : message;
}

/** One sentence for a failure without field issues. */
export function membershipErrorText(t: TFunction, body: ErrorBody): string {
  const reason = typeof body.details?.['reason'] === 'string' ? body.details['reason'] : null;
  if (reason) {
    const text = t(`memberships.errors.reason.${reason}`, { ...body.details, defaultValue: '' });
    if (text) return text;
  }
  const entity = typeof body.details?.['entity'] === 'string' ? body.details['entity'] : null;
  if (body.code === 'NOT_FOUND' && entity) {
    const name = t(`memberships.errors.entity.${entity}`, { defaultValue: '' });
    if (name) return t('errors.code.NOT_FOUND', { entity: name });
  }
  return errorText(t, body);
}

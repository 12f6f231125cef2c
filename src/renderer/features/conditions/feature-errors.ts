import type { TFunction } from 'i18next';
import type { ErrorBody, FieldIssue } from '../../../shared/errors';
import { errorText, fieldLabel, issueMessage } from '../../lib/issues';

/*
 * The codes of groups, selections and conditions (CONDITION_CYCLE, NAME_TAKEN, IN_USE…) live
 * in this feature's catalogue under `conditions.errors`, because the shared mapper reads
 * only `errors.*` from nl-errors.ts. These wrappers look here first and fall back to it.
 */

function own(t: TFunction, key: string, options: Record<string, unknown> = {}): string {
  return t(`conditions.errors.${key}`, { ...options, defaultValue: '' });
}

export function featureIssueMessage(t: TFunction, issue: Pick<FieldIssue, 'code' | 'details'>): string {
  return own(t, `issue.${issue.code}`, issue.details ?? {}) || issueMessage(t, issue);
}

export function featureFieldLabel(t: TFunction, path: string): string {
  const last = path.split('.').pop() ?? path;
  return own(t, `field.${last}`) || fieldLabel(t, path);
}

export function featureIssueText(t: TFunction, issue: FieldIssue): string {
  const message = featureIssueMessage(t, issue);
  return issue.field ? `${featureFieldLabel(t, issue.field)}: ${message}` : message;
}

interface UsedBy {
  kind: string;
  name: string;
}

function isUsedBy(value: unknown): value is UsedBy[] {
  return Array.isArray(value) && value.every((v) => typeof v === 'object' && v !== null && typeof (v as UsedBy).name === 'string');
}

/** 'groep "Bestuur", selectie "Leden Utrecht"' for CONFLICT details.usedBy. */
export function usedByText(t: TFunction, usedBy: unknown): string {
  if (!isUsedBy(usedBy)) return '';
  return usedBy.map((u) => t('conditions.errors.usedByItem', { kind: own(t, `kind.${u.kind}`) || u.kind, name: u.name })).join(', ');
}

/** One sentence for a failed call, naming the dependants when something is still in use. */
export function featureErrorText(t: TFunction, body: ErrorBody): string {
  const reason = typeof body.details?.['reason'] === 'string' ? body.details['reason'] : null;
  if (reason) {
    const text = own(t, `reason.${reason}`, { usedBy: usedByText(t, body.details?.['usedBy']) });
    if (text) return text;
  }
  if (body.code === 'NOT_FOUND') {
    const entity = typeof body.details?.['entity'] === 'string' ? body.details['entity'] : '';
    const name = own(t, `entity.${entity}`);
    if (name) return t('errors.code.NOT_FOUND', { entity: name });
  }
  return errorText(t, body);
}

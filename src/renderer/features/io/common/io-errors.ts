import type { TFunction } from 'i18next';
import type { ImportIssue } from '../../../../shared/contract/io';
import type { ErrorBody, FieldIssue } from '../../../../shared/errors';
import { errorText, fieldLabel, issueMessage } from '../../../lib/issues';

/*
 * Import, export and merge have their own codes (INFIX_UNKNOWN, MATCH_AMBIGUOUS, CANCELLED…).
 * They live in this feature's catalogue under `io.errors`, because the shared mapper reads
 * only `errors.*`; these wrappers look here first and fall back to the shared texts, so the
 * common codes (IBAN_INVALID_CHECKSUM, POSTCODE_INVALID_FORMAT…) read the same everywhere.
 */

function own(t: TFunction, key: string, options: Record<string, unknown> = {}): string {
  return t(`io.errors.${key}`, { ...options, defaultValue: '' });
}

const MATCH_KEYS = new Set(['number', 'email', 'nameBirthPostcode']);

/** Details that are codes themselves (a match key) become words before they go into a sentence. */
function readableDetails(t: TFunction, details: Record<string, string | number> | undefined): Record<string, string | number> {
  const out: Record<string, string | number> = { ...(details ?? {}) };
  for (const k of ['key', 'matchedBy']) {
    const v = out[k];
    if (typeof v === 'string' && MATCH_KEYS.has(v)) out[k] = t(`io.options.matchKey.${v}`);
  }
  return out;
}

export function ioIssueMessage(t: TFunction, issue: Pick<FieldIssue, 'code' | 'details'>): string {
  const details = readableDetails(t, issue.details);
  return own(t, `issue.${issue.code}`, details) || issueMessage(t, { code: issue.code, details });
}

function ioFieldLabel(t: TFunction, path: string): string {
  const last = path.split('.').pop() ?? path;
  return own(t, `field.${last}`) || fieldLabel(t, path);
}

export function ioIssueText(t: TFunction, issue: FieldIssue): string {
  const message = ioIssueMessage(t, issue);
  return issue.field ? `${ioFieldLabel(t, issue.field)}: ${message}` : message;
}

/** "Rij 6, kolom IBAN: controlegetal klopt niet (waarde: NL00 ABNA 0000 0000 00)". */
export function importIssueText(t: TFunction, issue: ImportIssue): string {
  const message = ioIssueMessage(t, issue);
  const where =
    issue.field && issue.column !== null && issue.column >= 0
      ? t('io.issue.rowColumn', { row: issue.row, column: issue.field })
      : issue.row > 0
        ? t('io.issue.row', { row: issue.row })
        : '';
  const text = where ? `${where}: ${message}` : message;
  return issue.raw !== null && issue.raw !== '' ? `${text} ${t('io.issue.raw', { raw: issue.raw })}` : text;
}

/** Why a row gets its outcome: MATCHED_BY_NUMBER → "gevonden op lidnummer". */
export function outcomeReasonText(t: TFunction, code: string): string {
  return t(`io.reason.${code}`, { defaultValue: code });
}

/** One sentence for a failed io call (cancelled, changed meanwhile, already undone…). */
export function ioErrorText(t: TFunction, body: ErrorBody): string {
  const reason = typeof body.details?.['reason'] === 'string' ? body.details['reason'] : null;
  if (reason) {
    const text = own(t, `reason.${reason}`, body.details ?? {});
    if (text) return text;
  }
  return errorText(t, body);
}

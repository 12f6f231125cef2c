import type { DomainError } from '../../shared/errors';
import { CliError } from './cli-error';
import { dutchText, entityText } from './error-text';

/** What the treasurer can do next when a record is missing: a CLI hint, not a second copy of the app's text. */
const NEXT_STEP: Record<string, string> = {
  feeSchedule: "zet ze met 'contributions schedule --set'",
  contributionRun: "zie 'contributions runs'",
};

/** A blocking problem of a run in the app's Dutch (one text per code, see error-text.ts). */
export function problemText(code: string, details?: Record<string, unknown>): string {
  return dutchText(code, details);
}

/**
 * Contribution refusals (a missing invoice, schedule, run or payment; a CONFLICT with a
 * reason) as one line of the app's own Dutch, with the run's problems below; others fall through.
 */
export function contributionRefusal(e: DomainError): CliError | null {
  const entity = String(e.details?.['entity'] ?? '');
  if (e.code === 'NOT_FOUND' && entity in { invoice: 1, feeSchedule: 1, contributionRun: 1, payment: 1 }) {
    const hint = NEXT_STEP[entity];
    const what = `${entityText(entity)} (${String(e.details?.['id'])})`;
    return new CliError(`${dutchText('NOT_FOUND', { entity: what })}${hint ? ` ${hint[0]!.toUpperCase()}${hint.slice(1)}.` : ''}`);
  }
  const reason = typeof e.details?.['reason'] === 'string' ? e.details['reason'] : undefined;
  if (e.code !== 'CONFLICT' || !reason) return null;
  const text = dutchText(reason, e.details);
  if (text === reason) return null;
  const problems = (e.details?.['problems'] as { code: string; name: string }[] | undefined) ?? [];
  return new CliError(text, undefined, problems.map((p) => `${p.name}: ${problemText(p.code)}`));
}

import type { CoreContext } from '../context';
import { reapplyErasures } from '../privacy/anonymise';

/**
 * Steps that run on the administration right after a restore, before anyone works in it:
 * the one place where "a restore must not bring X back" is enforced. The privacy erasure
 * list (kept outside the backups) is re-applied here, so an anonymised person cannot return
 * with an older backup. Each step runs in the writer, in order; a failing step fails the
 * restore's reopen (the restored file stays, the steps run again at the next attempt only
 * if the caller retries: steps must be idempotent).
 */
export interface AfterRestoreStep {
  /** For logs and tests. */
  name: string;
  run(ctx: CoreContext, info: { restoredFrom: string }): void;
}

export const AFTER_RESTORE_STEPS: AfterRestoreStep[] = [
  // Idempotent: a relation already anonymised in the restored file is skipped.
  { name: 'privacy.reapplyErasures', run: (ctx) => void reapplyErasures(ctx) },
];

export function runAfterRestoreSteps(ctx: CoreContext, info: { restoredFrom: string }, steps: readonly AfterRestoreStep[] = AFTER_RESTORE_STEPS): string[] {
  for (const step of steps) step.run(ctx, info);
  return steps.map((s) => s.name);
}

import type { MethodName } from '../../../shared/contract';
import type { BackupReason } from './backup-files';

/**
 * The operations that get an automatic backup first: the big ones a user may regret (an
 * import, a merge, a contribution run, a rule, unit or type change that recomputes every
 * relation). Their dry runs (previews) change nothing and get none. Migrations get their
 * copy in db/migrate.ts, restores in the restore itself.
 */
const dry = (input: unknown) => (input as { dryRun?: boolean } | null)?.dryRun === true;

export const BACKUP_BEFORE: Partial<Record<MethodName, (input: unknown) => BackupReason | null>> = {
  'io.commitImport': () => 'import',
  'io.commitImportPlan': () => 'import',
  'dedupe.merge': (i) => (dry(i) ? null : 'merge'),
  'contributionRuns.run': (i) => (dry(i) ? null : 'contributions'),
  'rules.setVersion': (i) => (dry(i) ? null : 'rules'),
  'rules.removeVersion': (i) => (dry(i) ? null : 'rules'),
  'units.create': (i) => (dry(i) ? null : 'rules'),
  'units.update': (i) => (dry(i) ? null : 'rules'),
  'units.move': (i) => (dry(i) ? null : 'rules'),
  'units.delete': (i) => (dry(i) ? null : 'rules'),
  'membershipTypes.update': (i) => (dry(i) ? null : 'rules'),
};

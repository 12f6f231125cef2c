import type { RowOutcome } from '../../../../shared/contract/io';

export type OutcomeFilter = 'all' | 'create' | 'update' | 'skip' | 'reject' | 'duplicates' | 'warnings';

export function matchesFilter(row: RowOutcome, filter: OutcomeFilter): boolean {
  switch (filter) {
    case 'all':
      return true;
    case 'duplicates':
      return row.duplicateOfRows.length > 0;
    case 'warnings':
      return row.issues.some((i) => i.severity === 'warning');
    default:
      return row.outcome === filter;
  }
}

export const OUTCOME_COLOR: Record<RowOutcome['outcome'], string> = { create: 'teal', update: 'blue', skip: 'gray', reject: 'red' };

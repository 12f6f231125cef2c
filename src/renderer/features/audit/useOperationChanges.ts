import { useCallback, useState } from 'react';
import type { AuditEntryDto, AuditOperationDto } from '../../../shared/contract';
import { call } from '../../rpc/client';

/** How many further changes "show more" loads at a time. */
export const CHANGES_PAGE = 500;

/** The changes of one operation: its first ones, then page after page through all of them. */
export function useOperationChanges(op: AuditOperationDto, scope: { relationId?: string; table?: string }) {
  const [extra, setExtra] = useState<AuditEntryDto[]>([]);
  const [loading, setLoading] = useState(false);
  const [failed, setFailed] = useState(false);
  const entries = [...op.entries, ...extra];
  const offset = entries.length;
  const more = useCallback(() => {
    setLoading(true);
    call('audit.changes', { operationId: op.id, ...scope, offset, limit: CHANGES_PAGE }).then(
      (r) => {
        setExtra((old) => [...old, ...r.rows]);
        setLoading(false);
        setFailed(false);
      },
      () => {
        setLoading(false);
        setFailed(true);
      },
    );
    // scope is a fresh object per render: its fields are the dependencies.
  }, [op.id, scope.relationId, scope.table, offset]);
  return { entries, more, loading, failed, remaining: op.changes - entries.length };
}

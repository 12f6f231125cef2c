import { useCallback, useEffect, useRef, useState } from 'react';
import type { AuditEntryDto } from '../../../shared/contract';
import { call, onEvent } from '../../rpc/client';

const PAGE = 200;

export interface AuditLog {
  rows: AuditEntryDto[];
  total: number | null;
  loadMore: () => void;
  loading: boolean;
  failed: boolean;
}

/**
 * History newest first, a page at a time ("meer laden"). Any change reloads from the top,
 * as the newest entries are what the user just did.
 */
export function useAuditLog(relationId?: string): AuditLog {
  const [rows, setRows] = useState<AuditEntryDto[]>([]);
  const [total, setTotal] = useState<number | null>(null);
  const [loading, setLoading] = useState(false);
  const [failed, setFailed] = useState(false);
  const seq = useRef(0);

  const fetchFrom = useCallback(
    (offset: number, limit: number) => {
      const mine = ++seq.current;
      setLoading(true);
      const request = relationId
        ? call('audit.forRelation', { relationId, offset, limit })
        : call('audit.list', { offset, limit });
      request.then(
        (r) => {
          if (mine !== seq.current) return;
          setRows((old) => (offset === 0 ? r.rows : [...old, ...r.rows]));
          setTotal(r.total);
          setLoading(false);
          setFailed(false);
        },
        () => {
          if (mine !== seq.current) return;
          setLoading(false);
          setFailed(true);
        },
      );
    },
    [relationId],
  );

  useEffect(() => {
    setRows([]);
    setTotal(null);
    fetchFrom(0, PAGE);
    return onEvent((e) => {
      if (e.name.endsWith('.changed')) fetchFrom(0, PAGE);
    });
  }, [fetchFrom]);

  const loadMore = useCallback(() => fetchFrom(rows.length, PAGE), [fetchFrom, rows.length]);
  return { rows, total, loadMore, loading, failed };
}

import { useCallback, useEffect, useRef, useState } from 'react';
import type { AuditOperationDto } from '../../../shared/contract';
import { call, onEvent } from '../../rpc/client';
import { useQuery } from '../../rpc/useQuery';

const PAGE = 50;

export interface AuditFilter {
  relationId?: string;
  from?: string;
  to?: string;
  kind?: string;
  table?: string;
  actor?: string;
}

export interface AuditOperations {
  rows: AuditOperationDto[];
  total: number | null;
  loadMore: () => void;
  loading: boolean;
  failed: boolean;
}

/**
 * History as operations, newest first, a page at a time ("meer laden"), each with its first
 * changes. Any change reloads from the top, as the newest entries are what the user just did.
 */
export function useAuditOperations(filter: AuditFilter): AuditOperations {
  const [rows, setRows] = useState<AuditOperationDto[]>([]);
  const [total, setTotal] = useState<number | null>(null);
  const [loading, setLoading] = useState(false);
  const [failed, setFailed] = useState(false);
  const seq = useRef(0);
  const key = JSON.stringify(filter);

  const fetchFrom = useCallback(
    (offset: number) => {
      const mine = ++seq.current;
      setLoading(true);
      call('audit.operations', { ...(JSON.parse(key) as AuditFilter), offset, limit: PAGE }).then(
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
    [key],
  );

  useEffect(() => {
    setRows([]);
    setTotal(null);
    fetchFrom(0);
    return onEvent((e) => {
      if (e.name.endsWith('.changed')) fetchFrom(0);
    });
  }, [fetchFrom]);

  const loadMore = useCallback(() => fetchFrom(rows.length), [fetchFrom, rows.length]);
  return { rows, total, loadMore, loading, failed };
}

/** What the History filters offer: the kinds of operation, kinds of record and people in the log. */
export function useAuditFacets() {
  return useQuery('audit.facets', {});
}

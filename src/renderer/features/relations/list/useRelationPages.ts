import { useCallback, useEffect, useRef, useState } from 'react';
import type { Input, RelationSummary } from '../../../../shared/contract';
import { call, onEvent } from '../../../rpc/client';

export type ListQuery = Omit<Input<'relations.list'>, 'offset' | 'limit'>;

export interface RelationPages {
  /** null until the first page answered. */
  total: number | null;
  row: (index: number) => RelationSummary | undefined;
  /** Ask for the pages covering rows [first, last]; cached and in-flight pages are skipped. */
  ensure: (first: number, last: number) => void;
  failed: boolean;
}

/**
 * Lazily fetched, cached pages of relations.list for a virtualised list. Only the pages the
 * visible window touches are requested, so 100,000 rows cost a handful of calls. After a
 * change event the visible pages are fetched again while the old rows stay on screen.
 */
export function useRelationPages(query: ListQuery, pageSize = 100): RelationPages {
  const [total, setTotal] = useState<number | null>(null);
  const [failed, setFailed] = useState(false);
  const [, setVersion] = useState(0);
  const pages = useRef(new Map<number, RelationSummary[]>());
  const stale = useRef(new Map<number, RelationSummary[]>());
  const inflight = useRef(new Set<number>());
  const generation = useRef(0);
  const lastRange = useRef<[number, number]>([0, 0]);
  const key = JSON.stringify(query);

  const fetchPage = useCallback(
    (page: number) => {
      const gen = generation.current;
      inflight.current.add(page);
      call('relations.list', { ...(JSON.parse(key) as ListQuery), offset: page * pageSize, limit: pageSize }).then(
        (r) => {
          if (gen !== generation.current) return;
          inflight.current.delete(page);
          pages.current.set(page, r.rows);
          setTotal(r.total);
          setFailed(false);
          setVersion((v) => v + 1);
        },
        () => {
          if (gen !== generation.current) return;
          inflight.current.delete(page);
          setFailed(true);
        },
      );
    },
    [key, pageSize],
  );

  const ensure = useCallback(
    (first: number, last: number) => {
      lastRange.current = [first, last];
      const from = Math.floor(Math.max(first, 0) / pageSize);
      const to = Math.floor(Math.max(last, 0) / pageSize);
      for (let p = from; p <= to; p++) {
        if (!pages.current.has(p) && !inflight.current.has(p)) fetchPage(p);
      }
    },
    [fetchPage, pageSize],
  );

  const restart = useCallback(
    (keepRows: boolean) => {
      generation.current++;
      stale.current = keepRows ? new Map([...stale.current, ...pages.current]) : new Map();
      pages.current = new Map();
      inflight.current = new Set();
      const [first, last] = lastRange.current;
      ensure(first, last);
    },
    [ensure],
  );

  // A new sort or filter starts from the top with nothing cached.
  useEffect(() => {
    setTotal(null);
    lastRange.current = [0, 0];
    restart(false);
  }, [restart]);

  useEffect(
    () =>
      onEvent((e) => {
        if (e.name === 'relations.changed') restart(true);
      }),
    [restart],
  );

  const row = useCallback(
    (index: number) => {
      const page = Math.floor(index / pageSize);
      return (pages.current.get(page) ?? stale.current.get(page))?.[index % pageSize];
    },
    [pageSize],
  );

  return { total, row, ensure, failed };
}

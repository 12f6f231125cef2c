import { useEffect, useRef, useState } from 'react';
import type { RelationSummary } from '../../../shared/contract';
import { call } from '../../rpc/client';

// Short: people type keys 50 ms or more apart, so a longer wait would only add latency; this
// still folds a paste or a held key into one query. Answers to older queries are dropped anyway.
export const SEARCH_DEBOUNCE_MS = 15;

export interface SearchState {
  rows: RelationSummary[];
  more: boolean;
  searching: boolean;
  failed: boolean;
}

/** Search as you type: debounced, and answers to older queries are dropped. */
export function useRelationSearch(query: string, limit = 20): SearchState {
  const [state, setState] = useState<SearchState>({ rows: [], more: false, searching: false, failed: false });
  const seq = useRef(0);

  useEffect(() => {
    const mine = ++seq.current;
    if (query.trim() === '') {
      setState({ rows: [], more: false, searching: false, failed: false });
      return;
    }
    setState((s) => ({ ...s, searching: true }));
    const timer = window.setTimeout(() => {
      call('relations.search', { query, limit }).then(
        (r) => mine === seq.current && setState({ rows: r.rows, more: r.more, searching: false, failed: false }),
        () => mine === seq.current && setState({ rows: [], more: false, searching: false, failed: true }),
      );
    }, SEARCH_DEBOUNCE_MS);
    return () => window.clearTimeout(timer);
  }, [query, limit]);

  return state;
}

import { useCallback, useEffect, useRef, useState } from 'react';
import type { Input, MethodName, Output } from '../../shared/contract';
import type { EventName } from '../../shared/contract/events';
import { call, onEvent, RpcError } from './client';

export interface QueryState<T> {
  data: T | undefined;
  error: RpcError | null;
  loading: boolean;
  reload: () => void;
}

export interface QueryOptions {
  /** Event names that make the query reload ('relations.changed', …). */
  refreshOn?: EventName[];
  /** Skip the call (e.g. no id yet). */
  enabled?: boolean;
}

function toRpcError(method: string, e: unknown): RpcError {
  return e instanceof RpcError ? e : new RpcError(method, { code: 'INTERNAL', details: { reason: String(e) } });
}

/**
 * One read call with loading/error state, re-run when its params change or a listed event
 * arrives. Stale answers (params changed while in flight) are dropped.
 */
export function useQuery<M extends MethodName>(method: M, params: Input<M>, opts: QueryOptions = {}): QueryState<Output<M>> {
  const [data, setData] = useState<Output<M> | undefined>(undefined);
  const [error, setError] = useState<RpcError | null>(null);
  const [loading, setLoading] = useState(true);
  const [tick, setTick] = useState(0);
  const key = JSON.stringify(params);
  const enabled = opts.enabled ?? true;
  const refreshOn = (opts.refreshOn ?? []).join('|');
  const latest = useRef(0);

  useEffect(() => {
    if (!enabled) return;
    const seq = ++latest.current;
    setLoading(true);
    call(method, JSON.parse(key) as Input<M>).then(
      (result) => {
        if (seq !== latest.current) return;
        setData(result);
        setError(null);
        setLoading(false);
      },
      (e: unknown) => {
        if (seq !== latest.current) return;
        setError(toRpcError(method, e));
        setLoading(false);
      },
    );
  }, [method, key, enabled, tick]);

  useEffect(() => {
    if (!refreshOn) return;
    const names = new Set(refreshOn.split('|'));
    return onEvent((e) => {
      if (names.has(e.name)) setTick((t) => t + 1);
    });
  }, [refreshOn]);

  const reload = useCallback(() => setTick((t) => t + 1), []);
  return { data, error, loading, reload };
}

export type MutationResult<T> = { ok: true; value: T } | { ok: false; error: RpcError };

export interface MutationState<M extends MethodName> {
  run: (params: Input<M>) => Promise<MutationResult<Output<M>>>;
  busy: boolean;
  error: RpcError | null;
  reset: () => void;
}

/** One write call; `run` never throws: it resolves to the value or the error (also kept in state). */
export function useMutation<M extends MethodName>(method: M): MutationState<M> {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<RpcError | null>(null);
  const run = useCallback(
    async (params: Input<M>): Promise<MutationResult<Output<M>>> => {
      setBusy(true);
      setError(null);
      try {
        return { ok: true, value: await call(method, params) };
      } catch (e) {
        const error = toRpcError(method, e);
        setError(error);
        return { ok: false, error };
      } finally {
        setBusy(false);
      }
    },
    [method],
  );
  const reset = useCallback(() => setError(null), []);
  return { run, busy, error, reset };
}

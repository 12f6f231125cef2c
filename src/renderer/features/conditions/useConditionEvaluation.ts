import { useEffect, useRef, useState } from 'react';
import type { Condition, EvaluationMoment, EvaluationResult } from '../../../shared/contract';
import { call, onEvent, RpcError } from '../../rpc/client';
import { isComplete } from './condition-model';

export const EVALUATE_DEBOUNCE_MS = 300;
const REFRESH = new Set(['relations.changed', 'groups.changed', 'selections.changed', 'memberships.changed', 'classification.changed']);

export interface EvaluationState {
  result: EvaluationResult | null;
  loading: boolean;
  error: RpcError | null;
  /** Some row still lacks a value: nothing is evaluated until it is filled in. */
  incomplete: boolean;
}

interface Options {
  condition: Condition | null;
  moment: EvaluationMoment | null;
  offset?: number;
  limit?: number;
}

/**
 * Live count and results of an unsaved condition while it is being edited: debounced, the
 * answer to an older draft is dropped, and data changes elsewhere re-run it.
 */
export function useConditionEvaluation({ condition, moment, offset = 0, limit = 10 }: Options): EvaluationState {
  const [state, setState] = useState<EvaluationState>({ result: null, loading: false, error: null, incomplete: false });
  const [tick, setTick] = useState(0);
  const seq = useRef(0);
  const complete = isComplete(condition);
  const isNull = condition === null;
  const key = complete && moment ? JSON.stringify({ condition, moment, offset, limit }) : null;

  useEffect(() => {
    const mine = ++seq.current;
    if (!key) {
      setState({ result: null, loading: false, error: null, incomplete: !isNull });
      return;
    }
    setState((s) => ({ ...s, loading: true, incomplete: false }));
    const timer = window.setTimeout(() => {
      call('conditions.evaluate', JSON.parse(key) as { condition: Condition; moment: EvaluationMoment; offset: number; limit: number }).then(
        (result) => mine === seq.current && setState({ result, loading: false, error: null, incomplete: false }),
        (e: unknown) =>
          mine === seq.current &&
          setState({ result: null, loading: false, error: e instanceof RpcError ? e : new RpcError('conditions.evaluate', { code: 'INTERNAL' }), incomplete: false }),
      );
    }, EVALUATE_DEBOUNCE_MS);
    return () => window.clearTimeout(timer);
    // `condition` matters only through `key` and whether it is null.
  }, [key, tick, isNull]);

  useEffect(() => onEvent((e) => REFRESH.has(e.name) && setTick((x) => x + 1)), []);
  return state;
}

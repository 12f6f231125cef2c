import type { CoreContext } from '../context';
import type { Condition } from '../../../shared/contract/conditions';
import { DomainError } from '../../../shared/errors';
import { NEG_INF, POS_INF, fromDay } from './interval-set';
import type { RelationIntervals } from './relation-intervals';

/** What one evaluation shares: the window of days that matters, an optional relation filter, and memoised references. */
export interface EvalScope {
  ctx: CoreContext;
  /** Day numbers, `to` exclusive; facts outside are not even read. */
  window: { from: number; to: number };
  /** Only these relations (incremental recompute), or all. */
  relationIds: string[] | null;
  /** Groups and selections being evaluated, to refuse cycles. */
  stack: string[];
  cache: Map<string, RelationIntervals>;
  /** Rows read once and filtered in memory by many atoms (e.g. 200 unit rules over one address table). */
  facts: Map<string, unknown>;
  /**
   * Many atoms of the same kind will follow (a membership recompute: all kinds; the overview:
   * the kinds its figures use more than once): read their fact tables once and filter in
   * memory. Otherwise each atom lets SQLite filter, which is faster for one.
   */
  bulk: boolean | ReadonlySet<Condition['type']>;
  evaluate: (condition: Condition, scope: EvalScope) => RelationIntervals;
}

/** Whether atoms of this kind read their table once for the scope (see `bulk`). */
export function inBulk(scope: EvalScope, type: Condition['type']): boolean {
  return scope.bulk === true || (scope.bulk !== false && scope.bulk.has(type));
}

/** SQL bounds of the window as ISO strings ('0000-01-01'/'9999-12-31' for unbounded ends). */
export function windowParams(scope: EvalScope): { wfrom: string; wto: string } {
  return {
    wfrom: scope.window.from === NEG_INF ? '0000-01-01' : fromDay(scope.window.from),
    wto: scope.window.to === POS_INF ? '9999-12-31' : fromDay(scope.window.to),
  };
}

/** A `WHERE` fragment keeping rows whose period [valid_from, valid_to) overlaps the window. */
export function overlapsWindow(alias: string): string {
  return `(${alias}.valid_to IS NULL OR ${alias}.valid_to > @wfrom) AND (${alias}.valid_from IS NULL OR ${alias}.valid_from < @wto)`;
}

/** A `WHERE` fragment for the relation filter; binds @ids as a JSON array. */
export function relationFilter(scope: EvalScope, column: string): { sql: string; params: { ids?: string } } {
  if (!scope.relationIds) return { sql: '1', params: {} };
  return { sql: `${column} IN (SELECT value FROM json_each(@ids))`, params: { ids: JSON.stringify(scope.relationIds) } };
}

/** Evaluates a referenced group or selection once per evaluation, refusing reference cycles. */
export function withReference(scope: EvalScope, ref: string, compute: (scope: EvalScope) => RelationIntervals): RelationIntervals {
  // Keyed by window and filter too: a duration atom reads a wider window than its parent,
  // and a link target is evaluated for everyone.
  const key = `${ref}@${scope.window.from}:${scope.window.to}:${scope.relationIds ? 'subset' : 'all'}`;
  const cached = scope.cache.get(key);
  if (cached) return cached;
  if (scope.stack.includes(ref)) throw new DomainError('VALIDATION_FAILED', { cycle: [...scope.stack, ref] }, [{ field: 'condition', code: 'CONDITION_CYCLE' }]);
  const inner: EvalScope = { ...scope, stack: [...scope.stack, ref] };
  const result = compute(inner);
  scope.cache.set(key, result);
  return result;
}

/** A number per relation filter (scopes derived from one share its array): part of a facts key. */
const filterIds = new WeakMap<string[], number>();
let nextFilterId = 0;

/**
 * Reads a fact table once per evaluation scope. The facts are shared by scopes derived from
 * it (a duration reads a wider window, a link target everyone) and, in the overview, by many
 * evaluations: so the key carries the window (unless the rows are read for all days) and the
 * relation filter the rows were read with.
 */
export function cachedFacts<T>(scope: EvalScope, key: string, load: () => T, opts: { allDays?: boolean } = {}): T {
  let filter = '*';
  if (scope.relationIds) {
    if (!filterIds.has(scope.relationIds)) filterIds.set(scope.relationIds, nextFilterId++);
    filter = String(filterIds.get(scope.relationIds));
  }
  const full = `${key}@${opts.allDays ? '*' : `${scope.window.from}:${scope.window.to}`}:${filter}`;
  if (!scope.facts.has(full)) scope.facts.set(full, load());
  return scope.facts.get(full) as T;
}

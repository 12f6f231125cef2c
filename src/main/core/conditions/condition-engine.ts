import type { CoreContext } from '../context';
import type { Condition, EvaluationMoment } from '../../../shared/contract/conditions';
import { NEG_INF, POS_INF, clip, isEmpty, toDay, totalDays, type IntervalSet } from './interval-set';
import { and, not, or, NOBODY, EVERYBODY, resolve, type RelationIntervals } from './relation-intervals';
import type { EvalScope } from './eval-scope';
import * as relationAtoms from './atoms/relation-atoms';
import * as datedAtoms from './atoms/dated-atoms';
import * as financeAtoms from './atoms/finance-atoms';
import * as signalAtoms from './atoms/signal-atoms';

type Evaluators = { [T in Condition['type']]: (c: Extract<Condition, { type: T }>, scope: EvalScope) => RelationIntervals };

/** One evaluator per condition type; a domain that adds an atom to the contract adds it here, or compilation fails. */
const EVALUATORS: Evaluators = {
  and: (c, scope) => (c.items.length === 0 ? EVERYBODY : c.items.map((i) => scope.evaluate(i, scope)).reduce(and)),
  or: (c, scope) => (c.items.length === 0 ? NOBODY : c.items.map((i) => scope.evaluate(i, scope)).reduce(or)),
  not: (c, scope) => not(scope.evaluate(c.item, scope)),
  kind: relationAtoms.kindAtom,
  relationType: relationAtoms.relationTypeAtom,
  age: relationAtoms.ageAtom,
  birthDate: relationAtoms.birthDateAtom,
  gender: relationAtoms.genderAtom,
  alive: relationAtoms.aliveAtom,
  tag: relationAtoms.tagAtom,
  customField: relationAtoms.customFieldAtom,
  address: datedAtoms.addressAtom,
  link: datedAtoms.linkAtom,
  groupMember: datedAtoms.groupMemberAtom,
  selection: datedAtoms.selectionAtom,
  duration: datedAtoms.durationAtom,
  subscription: datedAtoms.subscriptionAtom,
  membership: datedAtoms.membershipAtom,
  paymentMethod: financeAtoms.paymentMethodAtom,
  openInvoices: financeAtoms.openInvoicesAtom,
  contributionAmount: financeAtoms.contributionAmountAtom,
  birthday: signalAtoms.birthdayAtom,
  dataSignal: signalAtoms.dataSignalAtom,
};

function evaluateNode(condition: Condition, scope: EvalScope): RelationIntervals {
  const evaluator = EVALUATORS[condition.type] as (c: Condition, s: EvalScope) => RelationIntervals;
  return evaluator(condition, scope);
}

export type Window = { from: number; to: number };

export function windowOf(moment: EvaluationMoment | 'always'): Window {
  if (moment === 'always') return { from: NEG_INF, to: POS_INF };
  if ('on' in moment) {
    const d = toDay(moment.on);
    return { from: d, to: d + 1 };
  }
  return { from: toDay(moment.from), to: toDay(moment.to) };
}

export function newScope(ctx: CoreContext, window: Window, relationIds: string[] | null = null, bulk = false): EvalScope {
  return { ctx, window, relationIds, stack: [], cache: new Map(), facts: new Map(), bulk, evaluate: evaluateNode };
}

/** The raw per-relation result, before it is limited to existing relations. */
export function evaluateIntervals(scope: EvalScope, condition: Condition): RelationIntervals {
  return scope.evaluate(condition, scope);
}

/**
 * For every relation not in the trash (or only `relationIds`), the days within the moment on
 * which the condition holds. Relations for which it never holds are left out.
 */
export function evaluateCondition(
  ctx: CoreContext,
  condition: Condition,
  moment: EvaluationMoment | 'always',
  opts: { relationIds?: string[] } = {},
): Map<string, IntervalSet> {
  const universe = opts.relationIds
    ? (ctx.sqlite
        .prepare('SELECT id FROM relations WHERE deleted_at IS NULL AND id IN (SELECT value FROM json_each(?))')
        .all(JSON.stringify(opts.relationIds)) as { id: string }[])
    : (ctx.sqlite.prepare('SELECT id FROM relations WHERE deleted_at IS NULL').all() as { id: string }[]);
  return evaluateIn(ctx, universe.map((r) => r.id), condition, moment, opts.relationIds ?? null, new Map());
}

/**
 * Many conditions at once (the overview's figures): the same evaluation as `evaluateCondition`
 * for each, sharing the universe read and, per window, the memoised references.
 */
export function evaluateConditions(ctx: CoreContext, items: { condition: Condition; moment: EvaluationMoment }[]): Map<string, IntervalSet>[] {
  const universe = (ctx.sqlite.prepare('SELECT id FROM relations WHERE deleted_at IS NULL').all() as { id: string }[]).map((r) => r.id);
  const caches = new Map<string, Map<string, RelationIntervals>>();
  const memo = new Map<string, RelationIntervals>();
  return items.map(({ condition, moment }) => {
    const w = windowOf(moment);
    const key = `${w.from}:${w.to}`;
    if (!caches.has(key)) caches.set(key, new Map());
    return evaluateIn(ctx, universe, condition, moment, null, caches.get(key)!, memo);
  });
}

/** `resolve`, but with nobody in the fallback only the listed relations are looked at (not all 100,000). */
const universeSets = new WeakMap<string[], Set<string>>();
function resolveIn(r: RelationIntervals, universe: string[], window: Window): Map<string, IntervalSet> {
  if (!isEmpty(clip(r.fallback, window.from, window.to))) return resolve(r, universe, window);
  let set = universeSets.get(universe);
  if (!set) universeSets.set(universe, (set = new Set(universe)));
  const u = set;
  return resolve(r, [...r.map.keys()].filter((id) => u.has(id)), window);
}

/**
 * Evaluation that remembers each sub-condition per window: the overview's figures share
 * parts ("is a member", "is alive"), which are then evaluated once for all of them.
 */
function memoEvaluate(memo: Map<string, RelationIntervals>): EvalScope['evaluate'] {
  const evaluate: EvalScope['evaluate'] = (condition, scope) => {
    const key = `${scope.window.from}:${scope.window.to}:${scope.relationIds ? scope.relationIds.join(',') : '*'}:${JSON.stringify(condition)}`;
    const hit = memo.get(key);
    if (hit) return hit;
    const result = evaluateNode(condition, scope);
    memo.set(key, result);
    return result;
  };
  return evaluate;
}

function evaluateIn(
  ctx: CoreContext,
  universe: string[],
  condition: Condition,
  moment: EvaluationMoment | 'always',
  relationIds: string[] | null,
  cache: Map<string, RelationIntervals>,
  memo?: Map<string, RelationIntervals>,
): Map<string, IntervalSet> {
  const window = windowOf(moment);
  const scope = { ...newScope(ctx, window, relationIds), cache, ...(memo ? { evaluate: memoEvaluate(memo) } : {}) };
  const result = evaluateIntervals(scope, condition);
  const found = resolveIn(result, universe, window);
  if (moment !== 'always' && 'wholePeriod' in moment && moment.wholePeriod) {
    // "For the whole period": only relations for which it holds on every day of the window.
    for (const [id, days] of found) if (totalDays(days) < window.to - window.from) found.delete(id);
  }
  return found;
}

import type { CoreContext } from '../context';
import type { Condition, EvaluationMoment } from '../../../shared/contract/conditions';
import { NEG_INF, POS_INF, toDay, totalDays, type IntervalSet } from './interval-set';
import { and, not, or, NOBODY, EVERYBODY, resolve, type RelationIntervals } from './relation-intervals';
import type { EvalScope } from './eval-scope';
import * as relationAtoms from './atoms/relation-atoms';
import * as datedAtoms from './atoms/dated-atoms';
import * as financeAtoms from './atoms/finance-atoms';

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
  const window = windowOf(moment);
  const scope = newScope(ctx, window, opts.relationIds ?? null);
  const result = evaluateIntervals(scope, condition);
  const universe = opts.relationIds
    ? (ctx.sqlite
        .prepare('SELECT id FROM relations WHERE deleted_at IS NULL AND id IN (SELECT value FROM json_each(?))')
        .all(JSON.stringify(opts.relationIds)) as { id: string }[])
    : (ctx.sqlite.prepare('SELECT id FROM relations WHERE deleted_at IS NULL').all() as { id: string }[]);
  const found = resolve(result, universe.map((r) => r.id), window);
  if (moment !== 'always' && 'wholePeriod' in moment && moment.wholePeriod) {
    // "For the whole period": only relations for which it holds on every day of the window.
    for (const [id, days] of found) if (totalDays(days) < window.to - window.from) found.delete(id);
  }
  return found;
}

import type { CoreContext } from '../context';
import type { Condition, EvaluationMoment } from '../../../shared/contract/conditions';
import { NEG_INF, POS_INF, clip, contains, firstDayOnOrAfter, isEmpty, toDay, totalDays, type IntervalSet } from './interval-set';
import { and, not, or, NOBODY, EVERYBODY, resolve, type RelationIntervals } from './relation-intervals';
import type { EvalScope } from './eval-scope';
import * as relationAtoms from './atoms/relation-atoms';
import * as datedAtoms from './atoms/dated-atoms';
import * as financeAtoms from './atoms/finance-atoms';
import * as signalAtoms from './atoms/signal-atoms';
import { liveRelations } from './atoms/relation-rows';
import { admitted, keptResult, keptTables, keptWhere, type DaysTest } from './kept-results';
import { andBits, andNotBits, bitsOf, countWithin, forEachWithin, orBits, relationNumbers, type Bits } from './relation-bits';
import { auditMark, keepable } from '../db/audit-mark';

type Evaluators = { [T in Condition['type']]: (c: Extract<Condition, { type: T }>, scope: EvalScope) => RelationIntervals };

/** One evaluator per condition type; a domain that adds an atom to the contract adds it here, or compilation fails. */
const EVALUATORS: Evaluators = {
  and: (c, scope) => (c.items.length === 0 ? EVERYBODY : keptFirst(c.items).map((i) => scope.evaluate(i, scope)).reduce(and)),
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

/**
 * The items of an AND with the kept ones (kept-results.ts) taken together as one AND, first:
 * "a living member" of "a living member with a birthday in the next 14 days" is then kept, and
 * the rest is intersected with it (the same days: AND does not depend on order or grouping).
 */
function keptFirst(items: Condition[]): Condition[] {
  const kept = items.filter((i) => keptTables(i));
  if (kept.length < 2 || kept.length === items.length) return items;
  return [{ type: 'and', items: kept }, ...items.filter((i) => !keptTables(i))];
}

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

export function newScope(ctx: CoreContext, window: Window, relationIds: string[] | null = null, bulk: EvalScope['bulk'] = false): EvalScope {
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
  return evaluateIn(ctx, universe.map((r) => r.id), condition, moment, opts.relationIds ?? null, new Map(), undefined, 'result', opts.relationIds ? null : markNow(ctx)) as Map<string, IntervalSet>;
}

/**
 * Many conditions at once (the overview's figures, the chart's lines): the same evaluation as
 * `evaluateCondition` for each, sharing the universe read, the memoised sub-conditions and
 * references, and the fact tables (read once, in bulk, and filtered in memory per atom).
 */
export function evaluateConditions(ctx: CoreContext, items: { condition: Condition; moment: EvaluationMoment }[]): Map<string, IntervalSet>[] {
  return evaluateMany(ctx, items, 'result');
}

function evaluateMany(ctx: CoreContext, items: { condition: Condition; moment: EvaluationMoment }[], want: 'result'): Map<string, IntervalSet>[];
function evaluateMany(ctx: CoreContext, items: { condition: Condition; moment: EvaluationMoment }[], want: 'count'): number[];
function evaluateMany(ctx: CoreContext, items: { condition: Condition; moment: EvaluationMoment }[], want: 'result' | 'count'): (Map<string, IntervalSet> | number)[] {
  const live = liveRelations(ctx);
  const universe = live.ids;
  universeBits.set(universe, live.bits);
  const caches = new Map<string, Map<string, RelationIntervals>>();
  const shared: Shared = { memo: new Map(), dayMemo: new Map(), facts: new Map(), bulk: repeatedKinds(items.map((i) => i.condition)) };
  const mark = markNow(ctx);
  return items.map(({ condition, moment }) => {
    const w = windowOf(moment);
    const key = `${w.from}:${w.to}`;
    if (!caches.has(key)) caches.set(key, new Map());
    return evaluateIn(ctx, universe, condition, moment, null, caches.get(key)!, shared, want, mark);
  });
}

/**
 * How many relations meet each condition: `evaluateConditions(...)[i].size`, the same
 * evaluation, without building the result (on one day, the found ids are only counted).
 */
export function countConditions(ctx: CoreContext, items: { condition: Condition; moment: EvaluationMoment }[]): number[] {
  return evaluateMany(ctx, items, 'count');
}

/** The audit row kept results are read up to (kept-results.ts), or null inside a transaction (nothing kept then). */
function markNow(ctx: CoreContext): number | null {
  return keepable(ctx.sqlite) ? auditMark(ctx.sqlite) : null;
}

const ALL_DAYS: Window = { from: NEG_INF, to: POS_INF };

/**
 * What an evaluation keeps (kept-results.ts): whether a node is read from its kept result (kept,
 * or to be kept now), up to audit row `mark`; null: nothing is kept in this evaluation.
 */
type Keeps = { mark: number; node: (condition: Condition, json: string) => boolean } | null;

/**
 * Evaluation for everyone that takes a node's kept all-days result where it is kept
 * (kept-results.ts: a node's days do not depend on the window asked, which only limits what
 * is read), else `inner`. The full evaluation reads the fact tables as the evaluation asking
 * does (in bulk for the kinds a shared evaluation uses more than once) and evaluates the node's items with `inner` (memoised in a shared evaluation): only the nodes
 * asked are kept, not their parts (the parts of "a member aged 18–29" would double the
 * memory). The one after a change evaluates the changed relations with the relation filter.
 */
function keptEvaluate(inner: EvalScope['evaluate'], keeps: Keeps): EvalScope['evaluate'] {
  if (keeps === null) return inner;
  const evaluate: EvalScope['evaluate'] = (condition, scope) => {
    const key = scope.relationIds === null ? JSON.stringify(condition) : null;
    if (key !== null && keeps.node(condition, key)) {
      const kept = keptResult(
        scope.ctx,
        keeps.mark,
        condition,
        key,
        () => evaluateNode(condition, { ...newScope(scope.ctx, ALL_DAYS, null, scope.bulk), facts: scope.facts, evaluate: inner }),
        (ids) => evaluateNode(condition, newScope(scope.ctx, ALL_DAYS, ids)),
      );
      if (kept) return kept;
    }
    return inner(condition, scope);
  };
  return evaluate;
}

/** What the evaluations of `evaluateConditions` share. */
interface Shared {
  memo: Map<string, RelationIntervals>;
  dayMemo: Map<string, DaySet>;
  facts: Map<string, unknown>;
  bulk: ReadonlySet<Condition['type']>;
}

/** The kinds of atom that occur more than once in the conditions (distinct sub-conditions counted once, as they are memoised). */
function repeatedKinds(conditions: Condition[]): Set<Condition['type']> {
  const seen = new Set<string>();
  const count = new Map<Condition['type'], number>();
  const visit = (c: Condition) => {
    const key = JSON.stringify(c);
    if (seen.has(key)) return;
    seen.add(key);
    count.set(c.type, (count.get(c.type) ?? 0) + 1);
    if (c.type === 'and' || c.type === 'or') c.items.forEach(visit);
    else if (c.type === 'not' || c.type === 'duration') visit(c.item);
    else if (c.type === 'link' && c.target) visit(c.target);
  };
  conditions.forEach(visit);
  return new Set([...count].filter(([, n]) => n > 1).map(([type]) => type));
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

/**
 * A condition on one day: the relations that meet it, or (negated) all but those. On a single
 * day AND, OR and NOT are set operations on relations, so the combinators need no
 * per-relation interval sets (with 100,000 relations, a NOT alone is 100,000 of them); the
 * sets are bits of relation numbers (relation-bits.ts), so each is a pass over a few thousand words.
 * Every other node is evaluated by its evaluator as always and then read on the day.
 */
interface DaySet {
  bits: Bits;
  negated: boolean;
}

function dayAnd(a: DaySet, b: DaySet): DaySet {
  if (a.negated && b.negated) return { bits: orBits(a.bits, b.bits), negated: true };
  if (a.negated || b.negated) {
    const [pos, neg] = a.negated ? [b, a] : [a, b];
    return { bits: andNotBits(pos.bits, neg.bits), negated: false };
  }
  return { bits: andBits(a.bits, b.bits), negated: false };
}

const dayNot = (a: DaySet): DaySet => ({ bits: a.bits, negated: !a.negated });
// De Morgan: a ∨ b = ¬(¬a ∧ ¬b).
const dayOr = (a: DaySet, b: DaySet): DaySet => dayNot(dayAnd(dayNot(a), dayNot(b)));
const NO_BITS: Bits = new Uint32Array(0);

/**
 * The relations whose days pass `test` when the fallback's do not, or fail it when they pass
 * (the negated form then): read from a kept result's flat layout (kept-results.ts), else from its map.
 */
function where(scope: EvalScope, r: RelationIntervals, test: DaysTest): DaySet {
  const fallback = test.holds(r.fallback);
  const flat = keptWhere(scope.ctx.sqlite, r, fallback, test);
  if (flat) return { bits: flat, negated: fallback };
  const ids: string[] = [];
  for (const [id, set] of r.map) if (test.holds(set) !== fallback) ids.push(id);
  return { bits: bitsOf(relationNumbers(scope.ctx.sqlite), ids), negated: fallback };
}

/** Holds on `day`. */
const onDayTest = (day: number): DaysTest => ({ holds: (set) => contains(set, day), holdsInOne: (from, to) => from <= day && day < to });

/** Holds on some day of the window (its clipped set is not empty). */
const NEVER: DaysTest = { holds: () => false, holdsInOne: () => false };
const inWindowTest = (w: Window): DaysTest =>
  w.from >= w.to
    ? NEVER
    : {
        holds: (set) => {
          const first = firstDayOnOrAfter(set, w.from);
          return first !== null && first < w.to;
        },
        holdsInOne: (from, to) => from < w.to && to > w.from,
      };

/** Who meets the node's result on `day`. */
const onDay = (scope: EvalScope, r: RelationIntervals, day: number): DaySet => where(scope, r, onDayTest(day));

/** An atom on the day: the ids straight from its rows where it has that form, else its result read on the day. */
function atomOnDay(condition: Condition, scope: EvalScope, day: number): DaySet {
  const ids = condition.type === 'membership' ? datedAtoms.membershipOnDay(condition, scope) : null;
  return ids ? { bits: bitsOf(relationNumbers(scope.ctx.sqlite), ids), negated: false } : onDay(scope, scope.evaluate(condition, scope), day);
}

function evaluateOnDay(condition: Condition, scope: EvalScope, day: number, memo: Map<string, DaySet>, keeps: Keeps): DaySet {
  const json = JSON.stringify(condition);
  const key = `${day}:${scope.relationIds ? scope.relationIds.join(',') : '*'}:${json}`;
  const hit = memo.get(key);
  if (hit) return hit;
  const each = (items: Condition[]) => items.map((i) => evaluateOnDay(i, scope, day, memo, keeps));
  const result =
    // A kept node is read on the day as a whole; a duration is read from its item's runs (its bounds move with the date).
    keeps && condition.type !== 'duration' && keeps.node(condition, json)
      ? onDay(scope, scope.evaluate(condition, scope), day)
      : condition.type === 'and'
      ? each(condition.items).reduce(dayAnd, { bits: NO_BITS, negated: true })
      : condition.type === 'or'
        ? each(condition.items).reduce(dayOr, { bits: NO_BITS, negated: false })
        : condition.type === 'not'
          ? dayNot(evaluateOnDay(condition.item, scope, day, memo, keeps))
          : condition.type === 'duration'
            ? // The item's runs read on the day, without transforming every relation's history.
              where(scope, datedAtoms.durationItem(condition, scope), {
                holds: (set) => datedAtoms.durationHoldsOn(set, condition.minDays, condition.maxDays, day),
                holdsInOne: (from, to) => datedAtoms.durationHoldsInRun(from, to, condition.minDays, condition.maxDays, day),
              })
            : atomOnDay(condition, scope, day);
  memo.set(key, result);
  return result;
}

/** The universe as bits, once per universe read (a shared evaluation's comes with its kept relation rows). */
const universeBits = new WeakMap<string[], Bits>();
function bitsOfUniverse(ctx: CoreContext, universe: string[]): Bits {
  let bits = universeBits.get(universe);
  if (!bits) universeBits.set(universe, (bits = bitsOf(relationNumbers(ctx.sqlite), universe)));
  return bits;
}

function evaluateIn(
  ctx: CoreContext,
  universe: string[],
  condition: Condition,
  moment: EvaluationMoment | 'always',
  relationIds: string[] | null,
  cache: Map<string, RelationIntervals>,
  shared?: Shared,
  want: 'result' | 'count' = 'result',
  mark: number | null = null,
): Map<string, IntervalSet> | number {
  const window = windowOf(moment);
  // Asked once per node and evaluation (kept-results.ts admitted): the day's reading and the node's evaluation agree.
  const decided = new Map<string, boolean>();
  const keeps: Keeps =
    mark === null || relationIds !== null
      ? null
      : {
          mark,
          node: (c, json) => {
            let d = decided.get(json);
            if (d === undefined) decided.set(json, (d = keptTables(c) !== null && admitted(ctx, json, shared !== undefined)));
            return d;
          },
        };
  const scope: EvalScope = {
    ...newScope(ctx, window, relationIds, shared?.bulk ?? false),
    cache,
    evaluate: keptEvaluate(shared ? memoEvaluate(shared.memo) : evaluateNode, keeps),
    ...(shared ? { facts: shared.facts } : {}),
  };
  if (window.to === window.from + 1) {
    // One day: the result is who meets it, each on that day.
    const found = evaluateOnDay(condition, scope, window.from, shared?.dayMemo ?? new Map(), keeps);
    const within = bitsOfUniverse(ctx, universe);
    // The count is of the very bits the result lists (the universe's relations in or, negated, not in them).
    if (want === 'count') return countWithin(within, found.bits, found.negated);
    const days: IntervalSet = [{ from: window.from, to: window.to }];
    const out = new Map<string, IntervalSet>();
    const { ids } = relationNumbers(ctx.sqlite);
    forEachWithin(within, found.bits, found.negated, (i) => out.set(ids[i]!, days));
    return out;
  }
  const result = evaluateIntervals(scope, condition);
  const wholePeriod = moment !== 'always' && 'wholePeriod' in moment && moment.wholePeriod;
  // A count is of who holds on some day of the window: the relations the result lists with days left after clipping.
  if (want === 'count' && !wholePeriod) {
    const found = where(scope, result, inWindowTest(window));
    return countWithin(bitsOfUniverse(ctx, universe), found.bits, found.negated);
  }
  const found = resolveIn(result, universe, window);
  if (wholePeriod) {
    // "For the whole period": only relations for which it holds on every day of the window.
    for (const [id, days] of found) if (totalDays(days) < window.to - window.from) found.delete(id);
  }
  return want === 'count' ? found.size : found;
}

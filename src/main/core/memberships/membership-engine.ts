import type { CoreContext } from '../context';
import type { Condition } from '../../../shared/contract';
import { newScope } from '../conditions/condition-engine';
import type { EvalScope } from '../conditions/eval-scope';
import { ALL, EMPTY, NEG_INF, POS_INF, complement, fromPeriod, intersect, isEmpty, unionAll, type IntervalSet } from '../conditions/interval-set';
import { and, fromFacts, not, or, type RelationIntervals } from '../conditions/relation-intervals';
import { GENERAL, loadModel, versionPeriods, type MembershipModel, type TypeModel } from './membership-model';
import { rowMapper } from '../db/row-mapper';

/** For one (unit, type): per relation, the days of membership. */
export type Computed = Map<string, Map<string, IntervalSet>>;
export const key = (unitId: string, typeId: string) => `${unitId}|${typeId}`;

const constant = (set: IntervalSet): RelationIntervals => ({ fallback: set, map: new Map() });

/**
 * Computes memberships from dated facts with interval arithmetic, for everyone or for some
 * relations. A relation holds type T in unit U on day D when on D:
 *  - it satisfies T's base rule,
 *  - U is active (between its start and stop date) and so is every ancestor,
 *  - it satisfies the rule version in force of U and of every ancestor, along the parent
 *    chain in force on D (general rule and the rule for T, where the unit has them),
 * or when an exception places it in U or a unit under U on D (then the unit rules are
 * ignored, and its rule-based memberships of T in other units are suppressed: the exception
 * replaces the placement; the base rule still applies unless the exception says otherwise).
 */
export function computeMemberships(ctx: CoreContext, relationIds: string[] | null, model: MembershipModel = loadModel(ctx)): Computed {
  // Bulk: every unit rule is a condition over the same few fact tables, so read them once,
  // whether for everyone or for the one relation a write touched.
  const scope = newScope(ctx, { from: NEG_INF, to: POS_INF }, relationIds, true);
  const memo = new Map<string, RelationIntervals>();
  // Many units share conditions (every unit repeats the base rule, several rules the same
  // postcode list): evaluate each distinct condition once.
  const evaluate = (c: Condition) => {
    const k = JSON.stringify(c);
    let r = memo.get(k);
    if (!r) memo.set(k, (r = scope.evaluate(c, scope)));
    return r;
  };
  const out: Computed = new Map();
  const universe = relationIds ? new Set(relationIds) : null;
  for (const type of model.types) {
    // A broken base rule: nothing of this type can be computed (its rows stay as stored).
    if (!type.baseCondition) continue;
    const perUnit = computeType(scope, model, type, evaluate);
    for (const [unitId, result] of perUnit) {
      const map = new Map<string, IntervalSet>();
      for (const [id, set] of result.map) if (set.length && (!universe || universe.has(id))) map.set(id, set);
      out.set(key(unitId, type.id), map);
    }
  }
  return out;
}

function computeType(
  scope: EvalScope,
  model: MembershipModel,
  type: TypeModel,
  evaluate: (c: Condition) => RelationIntervals,
): Map<string, RelationIntervals> {
  const base = evaluate(type.baseCondition as Condition);
  const active = (unitId: string) => {
    const u = model.units.get(unitId);
    return u ? fromPeriod(u.startDate, u.endDate) : EMPTY;
  };

  const eligible = new Map<string, RelationIntervals>();
  const visiting = new Set<string>();
  const eligibleFor = (unitId: string): RelationIntervals => {
    const known = eligible.get(unitId);
    if (known) return known;
    const unit = model.units.get(unitId);
    if (!unit || visiting.has(unitId)) return constant(EMPTY);
    visiting.add(unitId);
    const pieces: RelationIntervals[] = [];
    const segments = ruleSegments(unit.rules.get(GENERAL) ?? [], unit.rules.get(type.id) ?? []);
    for (const placement of unit.placements) {
      const placed = intersect(active(unitId), fromPeriod(placement.validFrom, placement.validTo));
      if (isEmpty(placed)) continue;
      const parent = placement.parentId ? eligibleFor(placement.parentId) : base;
      for (const segment of segments) {
        const days = intersect(placed, segment.days);
        if (isEmpty(days)) continue;
        // Rules first: their matches are few, and intersecting sparse sets walks the smaller one.
        const matched = segment.conditions.reduce((acc, c) => and(evaluate(c), acc), parent);
        pieces.push(clipTo(matched, days));
      }
    }
    visiting.delete(unitId);
    const result = pieces.length === 0 ? constant(EMPTY) : pieces.reduce(or);
    eligible.set(unitId, result);
    return result;
  };

  const exceptions = exceptionFacts(scope, type, base);
  const exceptionIn = new Map<string, RelationIntervals>();
  const exceptionsUnder = (unitId: string, depth = 0): RelationIntervals => {
    const known = exceptionIn.get(unitId);
    if (known) return known;
    if (depth > 64) return constant(EMPTY);
    const direct = exceptions.byUnit.get(unitId) ?? constant(EMPTY);
    const fromChildren = (model.children.get(unitId) ?? []).map((c) => clipTo(exceptionsUnder(c.unitId, depth + 1), fromPeriod(c.validFrom, c.validTo)));
    const result = clipTo([direct, ...fromChildren].reduce(or), active(unitId));
    exceptionIn.set(unitId, result);
    return result;
  };

  const result = new Map<string, RelationIntervals>();
  for (const unitId of model.units.keys()) {
    const byRules = eligibleFor(unitId);
    if (exceptions.all.map.size === 0) {
      result.set(unitId, byRules);
      continue;
    }
    const here = exceptionsUnder(unitId);
    const elsewhere = and(exceptions.all, not(here));
    result.set(unitId, or(and(byRules, not(elsewhere)), here));
  }
  return result;
}

/** A set restricted to some days: maps every relation's days through one intersection. */
function clipTo(r: RelationIntervals, days: IntervalSet): RelationIntervals {
  const map = new Map<string, IntervalSet>();
  for (const [id, set] of r.map) {
    const v = intersect(set, days);
    if (!isEmpty(v)) map.set(id, v);
  }
  return { fallback: intersect(r.fallback, days), map };
}

type Version = { condition: Condition | null; validFrom: string | null };

/**
 * Cuts time into stretches in which one version of the general rule and one of the type's
 * rule are in force (or none: before a unit's first version nothing is restricted).
 */
function ruleSegments(general: Version[], typed: Version[]): { days: IntervalSet; conditions: Condition[] }[] {
  const stretches = (versions: Version[]) => {
    const periods = versionPeriods(versions).map((v) => ({ days: fromPeriod(v.validFrom, v.validTo), conditions: v.condition ? [v.condition] : [] }));
    const gap = complement(unionAll(periods.map((p) => p.days)));
    return isEmpty(gap) ? periods : [...periods, { days: gap, conditions: [] as Condition[] }];
  };
  const out: { days: IntervalSet; conditions: Condition[] }[] = [];
  for (const g of stretches(general)) {
    for (const t of stretches(typed)) {
      const days = intersect(g.days, t.days);
      if (!isEmpty(days)) out.push({ days, conditions: [...g.conditions, ...t.conditions] });
    }
  }
  return out;
}

const exceptionRow = rowMapper('membership exception', { id: 'text', unitId: 'text', vf: 'text?', vt: 'text?', ignoreBase: 'int' });

/** Exception periods of one type, already limited by the base rule where it applies. */
function exceptionFacts(scope: EvalScope, type: TypeModel, base: RelationIntervals) {
  const filter = scope.relationIds ? `AND relation_id IN (SELECT value FROM json_each(@ids))` : '';
  const rows = exceptionRow.all(
    scope.ctx.sqlite
      .prepare(
        `SELECT relation_id AS id, unit_id AS unitId, valid_from AS vf, valid_to AS vt, ignore_base_rule AS ignoreBase
           FROM membership_exceptions WHERE membership_type_id = @type ${filter}`,
      )
      .all({ type: type.id, ...(scope.relationIds ? { ids: JSON.stringify(scope.relationIds) } : {}) }),
  );
  const byUnit = new Map<string, [string, IntervalSet][]>();
  const all: [string, IntervalSet][] = [];
  for (const r of rows) {
    const period = fromPeriod(r.vf, r.vt);
    const baseDays = r.ignoreBase ? ALL : (base.map.get(r.id) ?? base.fallback);
    const days = intersect(period, baseDays);
    byUnit.set(r.unitId, [...(byUnit.get(r.unitId) ?? []), [r.id, days]]);
    all.push([r.id, days]);
  }
  return { all: fromFacts(all), byUnit: new Map([...byUnit].map(([u, facts]) => [u, fromFacts(facts)])) };
}

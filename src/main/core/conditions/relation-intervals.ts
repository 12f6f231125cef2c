import { ALL, EMPTY, clip, complement, intersect, isEmpty, union, type IntervalSet } from './interval-set';

/**
 * For every relation, the days on which a condition holds. Sparse: relations not in `map`
 * have `fallback` (EMPTY for "nobody unless listed", ALL after a NOT). This keeps NOT cheap
 * and lets AND iterate only the relations that can still match.
 */
export interface RelationIntervals {
  fallback: IntervalSet;
  map: Map<string, IntervalSet>;
}

export const NOBODY: RelationIntervals = { fallback: EMPTY, map: new Map() };
export const EVERYBODY: RelationIntervals = { fallback: ALL, map: new Map() };

export function valueFor(r: RelationIntervals, id: string): IntervalSet {
  return r.map.get(id) ?? r.fallback;
}

/** Collects dated facts per relation (each fact a set, unioned). */
export function fromFacts(facts: Iterable<[string, IntervalSet]>): RelationIntervals {
  const map = new Map<string, IntervalSet>();
  for (const [id, set] of facts) {
    if (isEmpty(set)) continue;
    const prev = map.get(id);
    if (!prev) map.set(id, set);
    // Stored periods often repeat (a member of a unit is one of its ancestors on the same days): keep the covering one.
    else if (!covers(prev, set)) map.set(id, covers(set, prev) ? set : union(prev, set));
  }
  return { fallback: EMPTY, map };
}

/** Whether the one interval of `a` holds all of `b` (a cheap test before a union). */
function covers(a: IntervalSet, b: IntervalSet): boolean {
  return a.length === 1 && b.length > 0 && a[0]!.from <= b[0]!.from && a[0]!.to >= b[b.length - 1]!.to;
}

function combine(a: RelationIntervals, b: RelationIntervals, op: (x: IntervalSet, y: IntervalSet) => IntervalSet): RelationIntervals {
  const fallback = op(a.fallback, b.fallback);
  const map = new Map<string, IntervalSet>();
  const visit = (id: string) => {
    if (map.has(id)) return;
    const v = op(valueFor(a, id), valueFor(b, id));
    if (v !== fallback) map.set(id, v);
  };
  for (const id of a.map.keys()) visit(id);
  for (const id of b.map.keys()) visit(id);
  return { fallback, map };
}

export function and(a: RelationIntervals, b: RelationIntervals): RelationIntervals {
  // With an EMPTY fallback only listed relations can match: iterate the smaller side.
  if (isEmpty(a.fallback) && isEmpty(b.fallback)) {
    const [small, large] = a.map.size <= b.map.size ? [a, b] : [b, a];
    const map = new Map<string, IntervalSet>();
    for (const [id, set] of small.map) {
      const other = large.map.get(id);
      if (!other) continue;
      const v = intersect(set, other);
      if (!isEmpty(v)) map.set(id, v);
    }
    return { fallback: EMPTY, map };
  }
  return combine(a, b, intersect);
}

export function or(a: RelationIntervals, b: RelationIntervals): RelationIntervals {
  return combine(a, b, union);
}

export function not(a: RelationIntervals): RelationIntervals {
  const map = new Map<string, IntervalSet>();
  for (const [id, set] of a.map) map.set(id, complement(set));
  return { fallback: complement(a.fallback), map };
}

/** Every relation of the universe with its (clipped) set; relations whose set is empty are left out. */
export function resolve(r: RelationIntervals, universe: Iterable<string>, window: { from: number; to: number }): Map<string, IntervalSet> {
  const out = new Map<string, IntervalSet>();
  const fallback = clip(r.fallback, window.from, window.to);
  for (const id of universe) {
    const set = r.map.has(id) ? clip(r.map.get(id) ?? EMPTY, window.from, window.to) : fallback;
    if (!isEmpty(set)) out.set(id, set);
  }
  return out;
}

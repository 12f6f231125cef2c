import type { CoreContext } from '../context';
import type { Condition } from '../../../shared/contract/conditions';
import { changedSince, touchedSince } from '../db/audit-mark';
import { contains, type IntervalSet } from './interval-set';
import type { RelationIntervals } from './relation-intervals';

/**
 * Results of whole (sub-)conditions kept between evaluations, over all days (session 7).
 *
 * The overview asks the same conditions ("a member of Lid", "a member aged 18–29", "a living
 * member" under the jubilees, "joined": a run of membership that starts) on another date each
 * time, and after an edit. A node's days do not depend on the window it is asked for: the
 * window only limits what is read, and the engine reads the result within the window (a day is
 * read on that day, a period clipped to it; a duration looks back, never ahead). So a node that
 * reads only tables whose changes the audit log ties to a relation is evaluated once over all
 * days, kept per connection with the audit row it is up to date with (db/audit-mark.ts), and
 * after a write evaluated again for the relations the audit log names only (the engine's
 * relation filter, as the membership recompute uses it), which replace theirs in the kept
 * result. A change of a row without a relation (a membership type), or of many relations,
 * evaluates it again in full. Nothing is kept from inside a transaction (the caller passes no
 * mark then). overview-fast-path.test.ts compares the kept answers with fresh ones after edits.
 */

/** The audited tables whose rows a node's all-days result depends on; null: not kept (dated by the window, or not tied to a relation). */
export function keptTables(c: Condition): string[] | null {
  switch (c.type) {
    case 'membership':
      return ['memberships', 'membership_types'];
    case 'alive':
    case 'kind':
    case 'age':
      return ['relations'];
    case 'address':
      return ['addresses'];
    case 'dataSignal':
      // suspectedDuplicate is kept by core/dedupe (kept-scan.ts) and depends on today.
      return c.signal === 'suspectedDuplicate' ? null : SIGNAL_TABLES[c.signal];
    case 'and':
    case 'or': {
      const all = new Set<string>();
      for (const item of c.items) {
        const t = keptTables(item);
        if (!t) return null;
        t.forEach((x) => all.add(x));
      }
      return [...all];
    }
    case 'not':
    case 'duration':
      return keptTables(c.item);
    default:
      return null;
  }
}

/** The tables of each signal (signal-atoms.ts). */
const SIGNAL_TABLES: Record<Exclude<Extract<Condition, { type: 'dataSignal' }>['signal'], 'suspectedDuplicate'>, string[]> = {
  noEmail: ['relations'],
  invalidPostcode: ['addresses'],
  debitWithoutIban: ['payment_settings', 'relations'],
  debitWithoutMandate: ['payment_settings', 'sepa_mandates'],
  returnedDebit: ['sepa_mandates'],
};

/**
 * Tables whose rows can concern another relation than the one the audit log names: the payment
 * settings name the payer (a parent pays for a child), and the debit signals are the payer's.
 * A change there evaluates the node again in full.
 */
const WHOLE_TABLES = new Set(['payment_settings']);

interface Kept {
  mark: number;
  tables: string[];
  result: RelationIntervals;
}

/** Kept results per connection, the most recently used last; bounded, as any condition asked for everyone is kept. */
const stores = new WeakMap<object, Map<string, Kept>>();
const MAX_KEPT = 48;
/** More changed relations than this: evaluating the node again in full is cheaper than for the changed ones. */
const MAX_CHANGED = 5_000;

/** The audit log asked once per tables and marks for all kept nodes (they were mostly kept at the same mark). */
const asked = new WeakMap<object, { to: number; answers: Map<string, ReturnType<typeof changedSince>> }>();
function changesOf(ctx: CoreContext, tables: string[], from: number, to: number): ReturnType<typeof changedSince> {
  let a = asked.get(ctx.sqlite);
  if (!a || a.to !== to) asked.set(ctx.sqlite, (a = { to, answers: new Map() }));
  const key = `${from}:${[...tables].sort().join(',')}`;
  let answer = a.answers.get(key);
  if (!answer) a.answers.set(key, (answer = changedSince(ctx.sqlite, tables, from, to)));
  return answer;
}

const sameSet = (a: IntervalSet, b: IntervalSet) => a.length === b.length && a.every((iv, i) => iv.from === b[i]!.from && iv.to === b[i]!.to);

/**
 * The kept all-days result of `condition` for everyone, up to date with audit row `mark`, or
 * null when the node is not kept. `full` evaluates it over all days for everyone; `forRelations`
 * for the given relations only (the same evaluation with the engine's relation filter).
 */
export function keptResult(
  ctx: CoreContext,
  mark: number,
  condition: Condition,
  key: string,
  full: () => RelationIntervals,
  forRelations: (ids: string[]) => RelationIntervals,
): RelationIntervals | null {
  const tables = keptTables(condition);
  if (!tables) return null;
  let store = stores.get(ctx.sqlite);
  if (!store) stores.set(ctx.sqlite, (store = new Map()));
  const k = store.get(key);
  const keep = (result: RelationIntervals) => {
    kept.add(result);
    store.delete(key);
    store.set(key, { mark, tables, result });
    while (store.size > MAX_KEPT) store.delete(store.keys().next().value!);
    return result;
  };
  // The kept map is its own (it is patched in place below; an evaluator may return a shared constant).
  const fresh = () => {
    const r = full();
    return keep({ fallback: r.fallback, map: new Map(r.map) });
  };
  if (!k || k.mark > mark) return fresh();
  if (k.mark === mark) return keep(k.result);
  const changed = changesOf(ctx, tables, k.mark, mark);
  if (changed.unattached || changed.relations.size > MAX_CHANGED) return fresh();
  const whole = tables.filter((t) => WHOLE_TABLES.has(t));
  if (whole.length > 0 && touchedSince(ctx.sqlite, whole, k.mark, mark)) return fresh();
  if (changed.relations.size > 0) {
    const ids = [...changed.relations];
    const part = forRelations(ids);
    if (!sameSet(part.fallback, k.result.fallback)) return fresh();
    // Patched in place: the engine reads a kept result within one call and hands out only copies of it (resolved, or read on a day).
    for (const id of ids) {
      const set = part.map.get(id);
      if (set) k.result.map.set(id, set);
      else k.result.map.delete(id);
    }
    flat.delete(k.result);
  }
  k.mark = mark;
  return keep(k.result);
}

/**
 * A kept result laid out flat for reading it on a day (the overview reads each kept node on
 * another date each time): the relations in an array, one-interval sets as two typed arrays.
 */
interface Flat {
  ids: string[];
  from: Float64Array;
  to: Float64Array;
  /** The sets of more than one interval (else undefined). */
  many: (IntervalSet | undefined)[];
}
const flat = new WeakMap<RelationIntervals, Flat>();
const kept = new WeakSet<RelationIntervals>();

function flatten(r: RelationIntervals): Flat {
  const n = r.map.size;
  const f: Flat = { ids: new Array<string>(n), from: new Float64Array(n), to: new Float64Array(n), many: new Array<IntervalSet | undefined>(n) };
  let i = 0;
  for (const [id, set] of r.map) {
    f.ids[i] = id;
    if (set.length === 1) {
      f.from[i] = set[0]!.from;
      f.to[i] = set[0]!.to;
    } else if (set.length === 0) {
      // Holds on no day: an empty interval.
      f.from[i] = 0;
      f.to[i] = 0;
    } else f.many[i] = set;
    i++;
  }
  return f;
}

/**
 * The relations of a kept result for which `holdsIn` on `day` differs from `fallback` (the
 * fallback's answer): `onDay` of the engine for a kept result, without walking the map;
 * `holdsInOne` is `holdsIn` of a set of one interval [from, to). Null for a result not kept.
 */
export function keptDiffersOn(
  r: RelationIntervals,
  day: number,
  fallback: boolean,
  holdsIn: (set: IntervalSet, day: number) => boolean = contains,
  holdsInOne: (from: number, to: number, day: number) => boolean = (from, to, d) => from <= d && d < to,
): Set<string> | null {
  if (!kept.has(r)) return null;
  let f = flat.get(r);
  if (!f) flat.set(r, (f = flatten(r)));
  const ids = new Set<string>();
  const { from, to, many } = f;
  for (let i = 0; i < f.ids.length; i++) {
    const set = many[i];
    const holds = set ? holdsIn(set, day) : holdsInOne(from[i]!, to[i]!, day);
    if (holds !== fallback) ids.add(f.ids[i]!);
  }
  return ids;
}

/** Forget every kept result of a connection (tests: a fresh computation to compare with). */
export function forgetKeptResults(ctx: CoreContext): void {
  stores.delete(ctx.sqlite);
}

/** What is kept for a connection (the bench's memory figure): per node, its key and how many relations it lists. */
export function keptSummary(ctx: CoreContext): { key: string; relations: number }[] {
  return [...(stores.get(ctx.sqlite) ?? new Map<string, Kept>())].map(([key, k]) => ({ key, relations: k.result.map.size }));
}

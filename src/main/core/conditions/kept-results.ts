import type { CoreContext } from '../context';
import type { Condition } from '../../../shared/contract/conditions';
import { changedSince, touchedSince } from '../db/audit-mark';
import type Database from 'better-sqlite3';
import { EMPTY, NEG_INF, POS_INF, type IntervalSet } from './interval-set';
import { emptyBits, relationNumbers, setBit, type Bits, type RelationNumbers } from './relation-bits';
import type { RelationIntervals } from './relation-intervals';
import { asInt32, asUint32, decodeSections, encodeSections, noteDerivedChange, readDerived, registerDerivedPart } from '../db/derived-state';

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
 * mark then). A single evaluation's node is kept from its second ask (`admitted`, below).
 * overview-fast-path.test.ts compares the kept answers with fresh ones after edits.
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
/** A connection's kept results; the first time, what was stored at the last close (db/derived-state.ts), brought up to date by `keptResult` like any kept node. */
function storeOf(sqlite: Database.Database): Map<string, Kept> {
  let store = stores.get(sqlite);
  if (!store) stores.set(sqlite, (store = loadStored(sqlite)));
  return store;
}
const MAX_KEPT = 48;
/** More changed relations than this: evaluating the node again in full is cheaper than for the changed ones. */
const MAX_CHANGED = 5_000;

/**
 * A node asked by a single evaluation (a list, a selection while it is edited, a report, the
 * CLI) is kept on its second ask: a condition asked once would otherwise cost its all-days
 * evaluation and take one of the MAX_KEPT places, pushing out the overview's figures (editing
 * a selection asks a new condition at every step). The keys asked once, per connection, bounded.
 * A shared evaluation (the overview, the chart) asks its conditions again on every date: kept at once.
 */
const askedOnce = new WeakMap<object, Set<string>>();
const MAX_ASKED_ONCE = 512;

/** Whether the node of `key` is (to be) kept: kept already, asked by a shared evaluation, or asked before. */
export function admitted(ctx: CoreContext, key: string, shared: boolean): boolean {
  if (shared || storeOf(ctx.sqlite).has(key)) return true;
  let seen = askedOnce.get(ctx.sqlite);
  if (!seen) askedOnce.set(ctx.sqlite, (seen = new Set()));
  if (seen.has(key)) return true;
  seen.add(key);
  if (seen.size > MAX_ASKED_ONCE) seen.delete(seen.values().next().value!);
  return false;
}

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
  const store = storeOf(ctx.sqlite);
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
    noteDerivedChange(ctx.sqlite, PART, 'rebuilt');
    return keep({ fallback: r.fallback, map: new Map(r.map) });
  };
  if (!k || k.mark > mark) return fresh();
  if (k.mark === mark) return keep(k.result);
  noteDerivedChange(ctx.sqlite, PART, 'patched');
  const changed = changesOf(ctx, tables, k.mark, mark);
  if (changed.unattached || changed.relations.size > MAX_CHANGED) return fresh();
  const whole = tables.filter((t) => WHOLE_TABLES.has(t));
  if (whole.length > 0 && touchedSince(ctx.sqlite, whole, k.mark, mark)) return fresh();
  if (changed.relations.size > 0) {
    const ids = [...changed.relations];
    const part = forRelations(ids);
    if (!sameSet(part.fallback, k.result.fallback)) return fresh();
    // Patched in place: the engine reads a kept result within one call and hands out only copies of it (resolved, or read on a day).
    // A stored result whose map was never asked for is patched in its flat layout only (its map is made from that when asked).
    if (!unmade.has(k.result))
      for (const id of ids) {
        const set = part.map.get(id);
        if (set) k.result.map.set(id, set);
        else k.result.map.delete(id);
      }
    patchFlat(ctx.sqlite, k.result, ids, part.map);
  }
  k.mark = mark;
  return keep(k.result);
}

/**
 * A kept result laid out flat for reading it on a day (the overview reads each kept node on
 * another date each time), indexed by relation number (relation-bits.ts): what each relation
 * holds, one-interval sets as two typed arrays. A change patches the entries of the changed
 * relations only (kept results are patched after every edit).
 */
interface Flat {
  /** 0: not listed (the fallback), 1: one interval [from, to), 2: more (in `many`), 3: no day. */
  shape: Uint8Array;
  from: Float64Array;
  to: Float64Array;
  many: Map<number, IntervalSet>;
}
const flat = new WeakMap<RelationIntervals, Flat>();
const kept = new WeakSet<RelationIntervals>();

function put(f: Flat, i: number, set: IntervalSet | undefined): void {
  f.many.delete(i);
  if (!set) f.shape[i] = 0;
  else if (set.length === 0) f.shape[i] = 3;
  else if (set.length === 1) {
    f.shape[i] = 1;
    f.from[i] = set[0]!.from;
    f.to[i] = set[0]!.to;
  } else {
    f.shape[i] = 2;
    f.many.set(i, set);
  }
}

/** What `put` put at `i`: the relation's set, or undefined when it is not listed (the fallback). */
function setAt(f: Flat, i: number): IntervalSet | undefined {
  const s = f.shape[i]!;
  return s === 0 ? undefined : s === 1 ? [{ from: f.from[i]!, to: f.to[i]! }] : s === 2 ? f.many.get(i)! : EMPTY;
}

function withRoom(f: Flat, size: number): Flat {
  if (size <= f.shape.length) return f;
  const n = Math.max(size, Math.ceil(f.shape.length * 1.25));
  const grown: Flat = { shape: new Uint8Array(n), from: new Float64Array(n), to: new Float64Array(n), many: f.many };
  grown.shape.set(f.shape);
  grown.from.set(f.from);
  grown.to.set(f.to);
  return grown;
}

function flatten(r: RelationIntervals, numbers: RelationNumbers): Flat {
  const at = [...r.map.keys()].map((id) => numbers.numberOf(id));
  const n = numbers.ids.length;
  const f: Flat = { shape: new Uint8Array(n), from: new Float64Array(n), to: new Float64Array(n), many: new Map() };
  let k = 0;
  for (const set of r.map.values()) put(f, at[k++]!, set);
  return f;
}

/** Brings a kept result's flat layout (if it has one) up to date for `ids`, whose sets are now those of `sets`. */
function patchFlat(sqlite: Database.Database, r: RelationIntervals, ids: readonly string[], sets: ReadonlyMap<string, IntervalSet>): void {
  let f = flat.get(r);
  if (!f) return;
  const numbers = relationNumbers(sqlite);
  const at = ids.map((id) => numbers.numberOf(id));
  f = withRoom(f, numbers.ids.length);
  flat.set(r, f);
  ids.forEach((id, k) => put(f, at[k]!, sets.get(id)));
}

/** A test of a relation's days (on a day, or within a window), and the same test of one interval [from, to) for the flat layout. */
export interface DaysTest {
  holds: (set: IntervalSet) => boolean;
  holdsInOne: (from: number, to: number) => boolean;
}

/**
 * The relations of a kept result whose days pass `test` when the fallback's do not, or fail it
 * when the fallback's pass (`fallback`: the fallback's answer), as bits of their numbers:
 * without walking the map. Null for a result not kept.
 */
export function keptWhere(sqlite: Database.Database, r: RelationIntervals, fallback: boolean, test: DaysTest): Bits | null {
  if (!kept.has(r)) return null;
  const numbers = relationNumbers(sqlite);
  let f = flat.get(r);
  if (!f) flat.set(r, (f = flatten(r, numbers)));
  const bits = emptyBits(numbers);
  const { shape, from, to } = f;
  const { holds, holdsInOne } = test;
  const noDay = holds(EMPTY);
  for (let i = 0; i < shape.length; i++) {
    const s = shape[i]!;
    if (s === 0) continue;
    const passes = s === 1 ? holdsInOne(from[i]!, to[i]!) : s === 3 ? noDay : holds(f.many.get(i)!);
    if (passes !== fallback) setBit(bits, i);
  }
  return bits;
}

/** Forget every kept result of a connection (tests: a fresh computation to compare with). */
export function forgetKeptResults(ctx: CoreContext): void {
  stores.delete(ctx.sqlite);
}

/** How many relations a kept result lists (from its flat layout while its map is not made). */
function listed(r: RelationIntervals): number {
  const f = flat.get(r);
  if (!unmade.has(r) || !f) return r.map.size;
  let n = 0;
  for (let i = 0; i < f.shape.length; i++) if (f.shape[i] !== 0) n++;
  return n;
}

/** What is kept for a connection (the bench's memory figure): per node, its key and how many relations it lists. */
export function keptSummary(ctx: CoreContext): { key: string; relations: number }[] {
  return [...storeOf(ctx.sqlite)].map(([key, k]) => ({ key, relations: listed(k.result) }));
}

/*
 * Stored across closing the file (db/derived-state.ts). The body: the relation numbering the
 * flat layouts are indexed by (ids in number order), and per kept node its key, its mark, its
 * fallback and its flat layout (shape, the one-interval sets, the larger ones). Read back, a
 * node is its flat layout (what the one-day walk and the counts read) and its map is made from
 * that the first time something asks for it (a period's AND, a list): reading 30 maps of
 * 860,000 sets in all would cost more than the overview may take.
 */
const PART = 'conditions.kept-results';

/** Stored results whose map is not made yet. */
const unmade = new WeakSet<RelationIntervals>();

function intervalsOf(values: Int32Array): IntervalSet {
  const set: { from: number; to: number }[] = [];
  for (let i = 0; i + 1 < values.length; i += 2) set.push({ from: fromStored(values[i]!), to: fromStored(values[i + 1]!) });
  return set;
}

function flatValues(set: IntervalSet, into: number[]): void {
  for (const iv of set) into.push(iv.from, iv.to);
}

/*
 * Days are stored as 32-bit integers (half the room and the time of doubles): day numbers are
 * whole and far inside the range, the unbounded ends are its two extremes.
 */
const INT_NEG = -2_147_483_648;
const INT_POS = 2_147_483_647;
const toStored = (day: number) => (day === NEG_INF ? INT_NEG : day === POS_INF ? INT_POS : day);
const fromStored = (v: number) => (v === INT_NEG ? NEG_INF : v === INT_POS ? POS_INF : v);
function storedDays(values: readonly number[]): Int32Array {
  const out = new Int32Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const day = values[i]!;
    if (day !== NEG_INF && day !== POS_INF && (!Number.isInteger(day) || day <= INT_NEG || day >= INT_POS)) throw new RangeError(`not a storable day: ${day}`);
    out[i] = toStored(day);
  }
  return out;
}

/** A stored node: its flat layout, and a map made from it when first asked for. */
function storedResult(fallback: IntervalSet, f: Flat, numbers: RelationNumbers): RelationIntervals {
  let map: Map<string, IntervalSet> | null = null;
  const r: RelationIntervals = {
    fallback,
    get map() {
      if (!map) {
        const now = flat.get(r)!;
        map = new Map();
        for (let i = 0; i < now.shape.length; i++) {
          const set = setAt(now, i);
          if (set) map.set(numbers.ids[i]!, set);
        }
        unmade.delete(r);
      }
      return map;
    },
  };
  unmade.add(r);
  return r;
}

function saveStored(sqlite: Database.Database): Buffer | null {
  const store = stores.get(sqlite);
  if (!store || store.size === 0) return null;
  const numbers = relationNumbers(sqlite);
  const nodes: { key: string; mark: number }[] = [];
  const sections: ArrayBufferView[] = [];
  for (const [key, k] of store) {
    let f = flat.get(k.result);
    if (!f) flat.set(k.result, (f = flatten(k.result, numbers)));
    const ones: number[] = [];
    const counts: number[] = [];
    const many: number[] = [];
    for (let i = 0; i < f.shape.length; i++) {
      const s = f.shape[i]!;
      if (s === 1) ones.push(f.from[i]!, f.to[i]!);
      else if (s === 2) {
        const set = f.many.get(i)!;
        counts.push(set.length);
        flatValues(set, many);
      }
    }
    const fallback: number[] = [];
    flatValues(k.result.fallback, fallback);
    nodes.push({ key, mark: k.mark });
    sections.push(f.shape, storedDays(ones), Uint32Array.from(counts), storedDays(many), storedDays(fallback));
  }
  return encodeSections({ ids: numbers.ids, nodes }, sections);
}

function loadStored(sqlite: Database.Database): Map<string, Kept> {
  const store = new Map<string, Kept>();
  const body = readDerived(sqlite, PART);
  if (!body) return store;
  try {
    const { head, sections } = decodeSections(body);
    const { ids, nodes } = head as { ids: string[]; nodes: { key: string; mark: number }[] };
    const numbers = relationNumbers(sqlite);
    // The stored numbering onto this connection's (the same numbers when nothing was numbered before).
    const at = new Uint32Array(ids.length);
    ids.forEach((id, i) => (at[i] = numbers.numberOf(id)));
    const size = numbers.ids.length;
    nodes.forEach((node, n) => {
      const [shape, ones, counts, many, fallback] = sections.slice(n * 5, n * 5 + 5) as [Uint8Array, Uint8Array, Uint8Array, Uint8Array, Uint8Array];
      const tables = keptTables(JSON.parse(node.key) as Condition);
      if (!tables) return;
      const one = asInt32(ones);
      const count = asUint32(counts);
      const values = asInt32(many);
      const f: Flat = { shape: new Uint8Array(size), from: new Float64Array(size), to: new Float64Array(size), many: new Map() };
      let o = 0;
      let c = 0;
      let v = 0;
      for (let i = 0; i < shape.length; i++) {
        const s = shape[i]!;
        if (s === 0) continue;
        const j = at[i]!;
        f.shape[j] = s;
        if (s === 1) {
          f.from[j] = fromStored(one[o++]!);
          f.to[j] = fromStored(one[o++]!);
        } else if (s === 2) {
          const length = count[c++]!;
          f.many.set(j, intervalsOf(values.subarray(v, v + 2 * length)));
          v += 2 * length;
        }
      }
      const result = storedResult(intervalsOf(asInt32(fallback)), f, numbers);
      flat.set(result, f);
      kept.add(result);
      store.set(node.key, { mark: node.mark, tables, result });
    });
  } catch {
    // A body this build cannot read: computed again.
    return new Map();
  }
  return store;
}

registerDerivedPart({
  name: PART,
  oldestMark: (sqlite) => {
    const marks = [...(stores.get(sqlite)?.values() ?? [])].map((k) => k.mark);
    return marks.length ? Math.min(...marks) : null;
  },
  save: saveStored,
});

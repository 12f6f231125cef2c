import type Database from 'better-sqlite3';
import type { CoreContext } from '../context';
import { auditMark, changedSince, keepable } from '../db/audit-mark';

/**
 * A fact table kept between evaluations (the overview on another date, the chart, the list
 * behind a number): reading 222,000 membership periods into JavaScript costs more than the
 * overview may take. The rows are kept per relation with the audit row they are up to date
 * with (db/audit-mark.ts); after a change only the changed relations' rows are read again
 * (all of them when a row without a relation changed, e.g. a membership type's code, or more
 * than a tenth of the relations). What is derived from the rows (indexes) is rebuilt once per
 * change. Inside a transaction nothing is kept (it may roll back).
 */
export interface KeptFacts<R> {
  byRelation: ReadonlyMap<string, readonly R[]>;
  /** `make` once per version of the rows. */
  derived: <T>(key: string, make: (rows: ReadonlyMap<string, readonly R[]>) => T) => T;
}

interface Kept {
  mark: number;
  byRelation: Map<string, unknown[]>;
  derived: Map<string, unknown>;
}

const stores = new WeakMap<Database.Database, Map<string, Kept>>();

function group<R>(rows: [string, R][], into = new Map<string, R[]>()): Map<string, R[]> {
  for (const [id, r] of rows) {
    const list = into.get(id);
    if (list) list.push(r);
    else into.set(id, [r]);
  }
  return into;
}

function view<R>(k: Kept): KeptFacts<R> {
  return {
    byRelation: k.byRelation as Map<string, R[]>,
    derived: <T>(key: string, make: (rows: ReadonlyMap<string, readonly R[]>) => T): T => {
      if (!k.derived.has(key)) k.derived.set(key, make(k.byRelation as Map<string, R[]>));
      return k.derived.get(key) as T;
    },
  };
}

/**
 * The rows of fact table `name` for every relation, as `load` reads them (`ids` null for all,
 * else only those relations), kept while `tables` (the audited tables they come from) are unchanged.
 */
export function keptFacts<R>(ctx: CoreContext, name: string, tables: readonly string[], load: (ids: string[] | null) => [string, R][]): KeptFacts<R> {
  const sqlite = ctx.sqlite;
  const mark = auditMark(sqlite);
  let store = stores.get(sqlite);
  if (!store) stores.set(sqlite, (store = new Map()));
  const k = store.get(name);
  const fresh = (): Kept => ({ mark, byRelation: group(load(null)), derived: new Map() });
  if (k && k.mark === mark) return view(k);
  if (!keepable(sqlite)) return view(fresh());
  if (!k || k.mark > mark) {
    const made = fresh();
    store.set(name, made);
    return view(made);
  }
  const changed = changedSince(sqlite, tables, k.mark, mark);
  if (changed.unattached || changed.relations.size > k.byRelation.size / 10) {
    const made = fresh();
    store.set(name, made);
    return view(made);
  }
  if (changed.relations.size > 0) {
    const ids = [...changed.relations];
    for (const id of ids) k.byRelation.delete(id);
    group(load(ids), k.byRelation);
    k.derived.clear();
  }
  k.mark = mark;
  return view(k);
}

/** Whether fact table `name` is kept for this connection (up to date or not): then reading it through keptFacts patches, not reads all. */
export function hasKeptFacts(sqlite: Database.Database, name: string): boolean {
  return stores.get(sqlite)?.has(name) ?? false;
}

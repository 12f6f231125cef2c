import type Database from 'better-sqlite3';
import { withPageCacheOfAtLeast } from '../db/page-cache';
import { keepAboveStoredIds } from '../db/record-ids';
import type { CoreContext } from '../context';
import * as schema from '../db/schema';
import { createSearchTriggers, dropSearchTriggers, rebuildSearchIndex } from '../db/search-index';
import { deferIndexes, type DeferredIndexes } from './deferred-indexes';
import { insertRows } from '../db/bulk-insert';
import { insertPlan, rowValues, type InsertPlan } from './insert-plan';
import { suspendInsertAudit, type SuspendedAudit } from './set-based-audit';
import { userTable } from './user-tables';

/** The relation tables, typed, in an order where parents come before children. */
export const BULK_TABLES = {
  relationTypes: schema.relationTypes,
  linkTypes: schema.linkTypes,
  customFields: schema.customFields,
  tags: schema.tags,
  relations: schema.relations,
  addresses: schema.addresses,
  relationTypeAssignments: schema.relationTypeAssignments,
  relationLinks: schema.relationLinks,
  customValues: schema.customValues,
  relationTags: schema.relationTags,
} as const;

export type BulkTableName = keyof typeof BULK_TABLES;
export const BULK_TABLE_NAMES = Object.keys(BULK_TABLES) as BulkTableName[];

type InsertOf<T extends BulkTableName> = (typeof BULK_TABLES)[T]['$inferInsert'];
/** A row as drizzle types it for insert; a relation's display name and sort key are derived, never given. */
export type BulkRow<T extends BulkTableName> = T extends 'relations' ? Omit<InsertOf<T>, 'displayName' | 'sortKey'> : InsertOf<T>;

export interface BulkLoader {
  insert<T extends BulkTableName>(table: T, row: BulkRow<T>): void;
  /** Rows inserted so far per relation table. */
  readonly counts: Readonly<Record<BulkTableName, number>>;
}

/** What bulkLoad hands out: also any other user table, by its drizzle key (user-tables.ts). */
export interface UserTableLoader extends BulkLoader {
  insertRow(key: string, row: Record<string, unknown>): void;
  /** Rows inserted so far into the table with this key. */
  count(key: string): number;
  /**
   * Writes the rows still waiting to go in (they are inserted in groups). Only a caller that
   * reads loaded tables back before its load function returns needs it.
   */
  flush(): void;
}

/** Rows per multi-row INSERT while loading (as db/bulk-insert.ts writes them). */
const ROWS_AT_ONCE = 32;

export interface BulkLoadOptions {
  /**
   * The administration is empty (demo, JSON import): build the secondary indexes of the
   * tables filled and of audit_log once at the end (deferred-indexes.ts) instead of per row.
   */
  deferIndexes?: boolean;
  /** Called after each step with its duration, for progress and benchmarks. */
  onPhase?: (phase: BulkPhase, ms: number) => void;
}

export type BulkPhase = 'rows' | 'audit' | 'indexes' | 'statistics' | 'searchIndex';

function assertInsideOperation(sqlite: Database.Database): void {
  const row = sqlite.prepare('SELECT operation AS op FROM audit_context WHERE id = 1').get() as { op: number | null } | undefined;
  if (!sqlite.inTransaction || !row?.op) throw new Error('bulkLoad must run inside ctx.write');
}

// 128 MB of page cache while loading: random-key B-tree inserts (uuid ids, names, audit
// keys) otherwise spill pages to the WAL again and again.
const BULK_CACHE_KIB = 131_072;

/**
 * The fast path for loading many rows (demo data, JSON import, CSV import): one raw
 * prepared statement per table, inside the caller's operation (ctx.write), so every row is
 * audited under that operation; the audit rows are written set-based at the end (see
 * set-based-audit.ts). The search triggers are dropped for the load and the FTS index is
 * rebuilt once. All of it happens in the caller's transaction, and a failure rolls that
 * transaction back: nothing is ever half-loaded, half-indexed or unaudited.
 * Foreign keys are checked at commit (defer_foreign_keys), so rows may come in any order.
 */
export function bulkLoad<R>(ctx: CoreContext, fn: (loader: UserTableLoader) => R, opts: BulkLoadOptions = {}): R {
  const { sqlite } = ctx;
  assertInsideOperation(sqlite);
  const plans = new Map<string, InsertPlan>();
  const counts = new Map<string, number>();
  const suspended: SuspendedAudit[] = [];
  const deferred: DeferredIndexes[] = [];
  const planOf = (key: string): InsertPlan => {
    let plan = plans.get(key);
    if (!plan) {
      const { name, table } = userTable(key);
      if (opts.deferIndexes && !sqlite.prepare(`SELECT 1 FROM ${name} LIMIT 1`).get()) deferred.push(deferIndexes(sqlite, name));
      const audit = suspendInsertAudit(sqlite, name);
      if (audit) suspended.push(audit);
      plans.set(key, (plan = insertPlan(sqlite, table)));
    }
    return plan;
  };
  const coreCounts = Object.fromEntries(BULK_TABLE_NAMES.map((t) => [t, 0])) as Record<BulkTableName, number>;
  // Rows wait per table and go in 32 at a time (db/bulk-insert.ts): about a fifth cheaper
  // than one statement run per row. Foreign keys are deferred, so a child row may land
  // before its parent's; everything waiting is written before the audit rows are.
  const pending = new Map<InsertPlan, unknown[][]>();
  const flush = (plan: InsertPlan, rows: unknown[][]) => {
    insertRows(sqlite, plan.table, plan.columnNames, rows);
    rows.length = 0;
  };
  const flushAll = () => {
    for (const [plan, rows] of pending) flush(plan, rows);
  };
  const insertRow = (key: string, row: Record<string, unknown>) => {
    const plan = planOf(key);
    let rows = pending.get(plan);
    if (!rows) pending.set(plan, (rows = []));
    rows.push(rowValues(plan, row));
    if (rows.length === ROWS_AT_ONCE) flush(plan, rows);
    counts.set(key, (counts.get(key) ?? 0) + 1);
    if (key in coreCounts) coreCounts[key as BulkTableName]++;
  };
  const loader: UserTableLoader = {
    insert: (table, row) => insertRow(table, row as Record<string, unknown>),
    insertRow,
    counts: coreCounts,
    count: (key) => counts.get(key) ?? 0,
    flush: flushAll,
  };
  sqlite.pragma('defer_foreign_keys = ON');
  return withPageCacheOfAtLeast(sqlite, BULK_CACHE_KIB, () => {
    dropSearchTriggers(sqlite);
    // The audit rows of a load arrive in record order, so these two keys come in random order.
    if (opts.deferIndexes) deferred.push(deferIndexes(sqlite, 'audit_log', ['audit_relation_idx', 'audit_record_idx']));
    try {
      let t = performance.now();
      const lap = (phase: BulkPhase) => {
        const now = performance.now();
        opts.onPhase?.(phase, now - t);
        t = now;
      };
      const result = fn(loader);
      flushAll();
      // Loaded records keep the ids they came with (a JSON import, the demo): ids given after
      // the load (the memberships computed before the commit, too) must come after them.
      if (ctx.recordIds) keepAboveStoredIds(sqlite, ctx.recordIds, [...plans.keys()].map((k) => userTable(k).name));
      lap('rows');
      for (const s of suspended) s.resume();
      lap('audit');
      // CREATE INDEX sorts with a helper thread when allowed: the second core does half the work.
      const threads = sqlite.pragma('threads', { simple: true }) as number;
      sqlite.pragma('threads = 2');
      try {
        for (const d of deferred) d.restore();
      } finally {
        sqlite.pragma(`threads = ${threads}`);
      }
      lap('indexes');
      refreshStatistics(sqlite, [...plans.keys()]);
      lap('statistics');
      rebuildSearchIndex(sqlite);
      createSearchTriggers(sqlite);
      lap('searchIndex');
      return result;
    } catch (e) {
      // A failed load dooms the whole operation: roll back here, so not even a caller that
      // catches the error could commit rows without their audit entries or search triggers.
      // (ctx.write then rethrows; any later write in it is refused by the audit guard.)
      if (sqlite.inTransaction) sqlite.exec('ROLLBACK');
      throw e;
    }
  });
}

/**
 * Planner statistics for the tables just loaded (what PRAGMA optimize would do). Without
 * them SQLite guesses that `deleted_at IS NULL` is selective and feeds the FTS rebuild in
 * updated_at order; FTS5 then flushes a segment at every out-of-order rowid and the rebuild
 * of 100k relations takes ~4x longer than in rowid (= number) order.
 */
function refreshStatistics(sqlite: Database.Database, keys: string[]): void {
  // A sample per index is enough for the planner (as PRAGMA optimize does) and 5x cheaper.
  const limit = sqlite.pragma('analysis_limit', { simple: true }) as number;
  sqlite.pragma('analysis_limit = 1000');
  try {
    for (const key of keys) sqlite.exec(`ANALYZE ${userTable(key).name}`);
  } finally {
    sqlite.pragma(`analysis_limit = ${limit}`);
  }
}

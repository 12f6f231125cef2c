import type Database from 'better-sqlite3';
import { getTableColumns, getTableName } from 'drizzle-orm';
import type { SQLiteColumn, SQLiteTable } from 'drizzle-orm/sqlite-core';
import type { CoreContext } from '../context';
import * as schema from '../db/schema';
import { createSearchTriggers, dropSearchTriggers, rebuildSearchIndex } from '../db/search-index';
import { derivedNames } from '../relations/relation-names';
import { suspendInsertAudit, type SuspendedAudit } from './set-based-audit';

/**
 * The user tables a bulk load may fill, keyed by their camelCase name (the same names the
 * JSON exchange format uses), in an order where parents come before children.
 */
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
/** A row as drizzle types it for insert; a relation's display name and sort key are derived here, never given. */
export type BulkRow<T extends BulkTableName> = T extends 'relations' ? Omit<InsertOf<T>, 'displayName' | 'sortKey'> : InsertOf<T>;

export interface BulkLoader {
  insert<T extends BulkTableName>(table: T, row: BulkRow<T>): void;
  /** Rows inserted so far per table. */
  readonly counts: Readonly<Record<BulkTableName, number>>;
}

interface TablePlan {
  keys: string[];
  booleans: boolean[];
  fallbacks: unknown[];
  /** Reused for every row: better-sqlite3 copies bound values during run(). */
  values: unknown[];
  /** Where a relation's derived display name and sort key go; -1 for other tables. */
  displayNameAt: number;
  sortKeyAt: number;
  stmt: Database.Statement;
}

function planFor(sqlite: Database.Database, table: SQLiteTable): TablePlan {
  const columns = Object.entries(getTableColumns(table) as Record<string, SQLiteColumn>);
  const keys = columns.map(([key]) => key);
  const sql = `INSERT INTO ${getTableName(table)} (${columns.map(([, c]) => c.name).join(', ')})
               VALUES (${columns.map(() => '?').join(', ')})`;
  return {
    keys,
    booleans: columns.map(([, c]) => c.columnType === 'SQLiteBoolean'),
    // Static defaults from the schema (country 'NL', position 0, …), as drizzle would apply them.
    fallbacks: columns.map(([, c]) => (c.hasDefault && c.default !== undefined ? c.default : null)),
    values: new Array<unknown>(columns.length),
    displayNameAt: table === schema.relations ? keys.indexOf('displayName') : -1,
    sortKeyAt: table === schema.relations ? keys.indexOf('sortKey') : -1,
    stmt: sqlite.prepare(sql),
  };
}

function bindValues(plan: TablePlan, row: Record<string, unknown>): unknown[] {
  const { keys, booleans, fallbacks, values } = plan;
  for (let i = 0; i < keys.length; i++) {
    let v = row[keys[i] as string];
    if (v === undefined) v = fallbacks[i];
    // better-sqlite3 binds no booleans; the schema stores them as 0/1.
    values[i] = booleans[i] && v !== null ? (v ? 1 : 0) : v;
  }
  if (plan.displayNameAt >= 0) {
    const names = relationNames(row);
    values[plan.displayNameAt] = names.displayName;
    values[plan.sortKeyAt] = names.sortKey;
  }
  return values;
}

function assertInsideOperation(sqlite: Database.Database): void {
  const row = sqlite.prepare('SELECT operation_id AS op FROM audit_context WHERE id = 1').get() as { op: string | null } | undefined;
  if (!sqlite.inTransaction || !row?.op) throw new Error('bulkLoad must run inside ctx.write');
}

// 128 MB of page cache while loading: random-key B-tree inserts (uuid ids, audit indexes)
// otherwise spill pages to the WAL again and again.
const BULK_CACHE_KIB = 131_072;

export interface BulkLoadOptions {
  /** Called after each step with its duration, for progress and benchmarks. */
  onPhase?: (phase: 'rows' | 'audit' | 'statistics' | 'searchIndex', ms: number) => void;
}

/**
 * The fast path for loading many rows (demo data, JSON import, CSV import): one raw
 * prepared statement per table, inside the caller's operation (ctx.write), so every row is
 * audited under that operation; the audit rows are written set-based at the end (see
 * set-based-audit.ts). The search triggers are dropped for the load and the FTS index is
 * rebuilt once. All of it happens in the caller's transaction, and a failure rolls that
 * transaction back: nothing is ever half-loaded, half-indexed or unaudited.
 * Foreign keys are checked at commit (defer_foreign_keys), so rows may come in any order.
 */
export function bulkLoad<R>(ctx: CoreContext, fn: (loader: BulkLoader) => R, opts: BulkLoadOptions = {}): R {
  const { sqlite } = ctx;
  assertInsideOperation(sqlite);
  const plans = new Map<BulkTableName, TablePlan>();
  const suspended: SuspendedAudit[] = [];
  const counts = Object.fromEntries(BULK_TABLE_NAMES.map((t) => [t, 0])) as Record<BulkTableName, number>;
  const planOf = (t: BulkTableName) => {
    let p = plans.get(t);
    if (!p) {
      const audit = suspendInsertAudit(sqlite, getTableName(BULK_TABLES[t]));
      if (audit) suspended.push(audit);
      plans.set(t, (p = planFor(sqlite, BULK_TABLES[t])));
    }
    return p;
  };
  const loader: BulkLoader = {
    counts,
    insert(table, row) {
      const plan = planOf(table);
      plan.stmt.run(bindValues(plan, row as Record<string, unknown>));
      counts[table]++;
    },
  };
  const previousCache = sqlite.pragma('cache_size', { simple: true }) as number;
  sqlite.pragma('defer_foreign_keys = ON');
  sqlite.pragma(`cache_size = -${BULK_CACHE_KIB}`);
  dropSearchTriggers(sqlite);
  try {
    let t = performance.now();
    const lap = (phase: Parameters<NonNullable<BulkLoadOptions['onPhase']>>[0]) => {
      const now = performance.now();
      opts.onPhase?.(phase, now - t);
      t = now;
    };
    const result = fn(loader);
    lap('rows');
    for (const s of suspended) s.resume();
    lap('audit');
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
  } finally {
    sqlite.pragma(`cache_size = ${previousCache}`);
  }
}

/**
 * Planner statistics for the tables just loaded (what PRAGMA optimize would do). Without
 * them SQLite guesses that `deleted_at IS NULL` is selective and feeds the FTS rebuild in
 * updated_at order; FTS5 then flushes a segment at every out-of-order rowid and the rebuild
 * of 100k relations takes ~4x longer than in rowid (= number) order.
 */
function refreshStatistics(sqlite: Database.Database, tables: BulkTableName[]): void {
  for (const t of tables) sqlite.exec(`ANALYZE ${getTableName(BULK_TABLES[t])}`);
}

function text(v: unknown): string | null {
  return typeof v === 'string' ? v : null;
}

function relationNames(r: Record<string, unknown>): { displayName: string; sortKey: string } {
  return derivedNames(r['kind'] === 'organisation' ? 'organisation' : 'person', {
    initials: text(r['initials']),
    firstName: text(r['firstName']),
    infix: text(r['infix']),
    lastName: text(r['lastName']),
    exactName: r['exactName'] === true,
    name: text(r['name']),
    email: text(r['email']),
  });
}

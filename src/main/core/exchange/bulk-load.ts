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

interface ColumnPlan {
  key: string;
  isBoolean: boolean;
  fallback: unknown;
}

interface TablePlan {
  columns: ColumnPlan[];
  stmt: Database.Statement;
}

function planFor(sqlite: Database.Database, table: SQLiteTable): TablePlan {
  const columns = Object.entries(getTableColumns(table) as Record<string, SQLiteColumn>).map(([key, col]) => ({
    key,
    name: col.name,
    isBoolean: col.columnType === 'SQLiteBoolean',
    // Static defaults from the schema (country 'NL', position 0, …), as drizzle would apply them.
    fallback: col.hasDefault && col.default !== undefined ? col.default : null,
  }));
  const sql = `INSERT INTO ${getTableName(table)} (${columns.map((c) => c.name).join(', ')})
               VALUES (${columns.map(() => '?').join(', ')})`;
  return { columns, stmt: sqlite.prepare(sql) };
}

function bindValues(plan: TablePlan, row: Record<string, unknown>): unknown[] {
  const out = new Array<unknown>(plan.columns.length);
  for (let i = 0; i < plan.columns.length; i++) {
    const c = plan.columns[i] as ColumnPlan;
    let v = row[c.key];
    if (v === undefined) v = c.fallback;
    // better-sqlite3 binds no booleans; the schema stores them as 0/1.
    out[i] = c.isBoolean && v !== null ? (v ? 1 : 0) : v;
  }
  return out;
}

function assertInsideOperation(sqlite: Database.Database): void {
  const row = sqlite.prepare('SELECT operation_id AS op FROM audit_context WHERE id = 1').get() as { op: string | null } | undefined;
  if (!sqlite.inTransaction || !row?.op) throw new Error('bulkLoad must run inside ctx.write');
}

// 128 MB of page cache while loading: random-key B-tree inserts (uuid ids, audit indexes)
// otherwise spill pages to the WAL again and again.
const BULK_CACHE_KIB = Number(process.env.BULK_CACHE ?? 131_072);

/**
 * The fast path for loading many rows (demo data, JSON import, CSV import): one raw
 * prepared statement per table, inside the caller's operation (ctx.write), so every row is
 * audited under that operation; the audit rows are written set-based at the end (see
 * set-based-audit.ts). The search triggers are dropped for the load and the FTS index is
 * rebuilt once. All of it happens in the caller's transaction: a failure rolls the
 * triggers back too, and nothing is ever half-indexed or unaudited.
 * Foreign keys are checked at commit (defer_foreign_keys), so rows may come in any order.
 */
export function bulkLoad<R>(ctx: CoreContext, fn: (loader: BulkLoader) => R): R {
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
      const values = row as Record<string, unknown>;
      const full = table === 'relations' ? { ...values, ...relationNames(values) } : values;
      const plan = planOf(table);
      plan.stmt.run(bindValues(plan, full));
      counts[table]++;
    },
  };
  const previousCache = sqlite.pragma('cache_size', { simple: true }) as number;
  if (!process.env.NO_DEFER) sqlite.pragma('defer_foreign_keys = ON');
  sqlite.pragma(`cache_size = -${BULK_CACHE_KIB}`);
  dropSearchTriggers(sqlite);
  try {
    return fn(loader);
  } finally {
    // Also when fn threw: a caller that catches and commits anyway must still get audited,
    // indexed rows and its triggers back. (When SQLite already rolled back, there is nothing to do.)
    if (sqlite.inTransaction) {
      for (const s of suspended) { const t0 = performance.now(); s.resume(); console.log('audit', s.table, Math.round(performance.now() - t0)); }
      const t0 = performance.now(); if (!process.env.NO_FTS) rebuildSearchIndex(sqlite); console.log('fts', performance.now() - t0);
      createSearchTriggers(sqlite);
    }
    sqlite.pragma(`cache_size = ${previousCache}`);
  }
}

function relationNames(r: Record<string, unknown>): { displayName: string; sortKey: string } {
  const text = (k: string) => (typeof r[k] === 'string' ? (r[k] as string) : null);
  const kind = r['kind'] === 'organisation' ? 'organisation' : 'person';
  return derivedNames(kind, {
    initials: text('initials'),
    firstName: text('firstName'),
    infix: text('infix'),
    lastName: text('lastName'),
    exactName: r['exactName'] === true,
    name: text('name'),
    email: text('email'),
  });
}

import type Database from 'better-sqlite3';
import { getTableColumns, getTableName } from 'drizzle-orm';
import type { SQLiteColumn, SQLiteTable } from 'drizzle-orm/sqlite-core';
import type { CoreContext } from '../../context';
import { BULK_TABLES, type BulkLoader, type BulkTableName } from '../../exchange/bulk-load';
import { insertPlan, runInsert, type InsertPlan } from '../../exchange/insert-plan';

/**
 * The same interface as the bulk loader, for small imports: plain prepared inserts with the
 * audit and search triggers left in place (rebuilding the whole search index for ten rows
 * would cost more than it saves).
 */
export function directLoader(ctx: CoreContext): BulkLoader {
  const plans = new Map<BulkTableName, InsertPlan>();
  const counts = Object.fromEntries(Object.keys(BULK_TABLES).map((t) => [t, 0])) as Record<BulkTableName, number>;
  return {
    counts,
    insert(table, row) {
      let plan = plans.get(table);
      if (!plan) plans.set(table, (plan = insertPlan(ctx.sqlite, BULK_TABLES[table])));
      runInsert(plan, row as Record<string, unknown>);
      counts[table]++;
    },
  };
}

/** Prepared `UPDATE table SET <changed columns> WHERE id = ?`, one statement per column set. */
export function updater(ctx: CoreContext) {
  const cache = new Map<string, Database.Statement>();
  const names = new Map<SQLiteTable, Record<string, string>>();
  const columnName = (table: SQLiteTable, key: string) => {
    let map = names.get(table);
    if (!map) {
      map = Object.fromEntries(Object.entries(getTableColumns(table) as Record<string, SQLiteColumn>).map(([k, c]) => [k, c.name]));
      names.set(table, map);
    }
    const name = map[key];
    if (!name) throw new Error(`No column ${key} in ${getTableName(table)}`);
    return name;
  };
  return (table: SQLiteTable, id: string, set: Record<string, unknown>): void => {
    const keys = Object.keys(set);
    if (keys.length === 0) return;
    const sig = `${getTableName(table)}:${keys.join(',')}`;
    let stmt = cache.get(sig);
    if (!stmt) {
      stmt = ctx.sqlite.prepare(`UPDATE ${getTableName(table)} SET ${keys.map((k) => `${columnName(table, k)} = ?`).join(', ')} WHERE id = ?`);
      cache.set(sig, stmt);
    }
    stmt.run(...keys.map((k) => (typeof set[k] === 'boolean' ? (set[k] ? 1 : 0) : set[k])), id);
  };
}

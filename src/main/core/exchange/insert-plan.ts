import type Database from 'better-sqlite3';
import { getTableColumns, getTableName } from 'drizzle-orm';
import type { SQLiteColumn, SQLiteTable } from 'drizzle-orm/sqlite-core';
import * as schema from '../db/schema';
import { derivedNamesOfRow } from '../relations/relation-names';

/** One prepared INSERT for a table, with its columns in drizzle order, bound from camelCase rows. */
export interface InsertPlan {
  keys: string[];
  booleans: boolean[];
  fallbacks: unknown[];
  /** Reused for every row: better-sqlite3 copies bound values during run(). */
  values: unknown[];
  /** Where a relation's derived display name and sort key go; -1 for other tables. */
  displayNameAt: number;
  sortKeyAt: number;
  table: string;
  columnNames: string[];
  stmt: Database.Statement;
}

export function insertPlan(sqlite: Database.Database, table: SQLiteTable): InsertPlan {
  const columns = Object.entries(getTableColumns(table) as Record<string, SQLiteColumn>);
  const keys = columns.map(([key]) => key);
  const isRelations = table === schema.relations;
  return {
    keys,
    booleans: columns.map(([, c]) => c.columnType === 'SQLiteBoolean'),
    // Static defaults from the schema (country 'NL', position 0, …), as drizzle would apply them.
    fallbacks: columns.map(([, c]) => (c.hasDefault && c.default !== undefined ? c.default : null)),
    values: new Array<unknown>(columns.length),
    displayNameAt: isRelations ? keys.indexOf('displayName') : -1,
    sortKeyAt: isRelations ? keys.indexOf('sortKey') : -1,
    table: getTableName(table),
    columnNames: columns.map(([, c]) => c.name),
    stmt: sqlite.prepare(
      `INSERT INTO ${getTableName(table)} (${columns.map(([, c]) => c.name).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`,
    ),
  };
}

/** Fills `values` (in column order) from a camelCase row. */
function bindRow(plan: InsertPlan, row: Record<string, unknown>, values: unknown[]): unknown[] {
  const { keys, booleans, fallbacks } = plan;
  for (let i = 0; i < keys.length; i++) {
    let v = row[keys[i] as string];
    if (v === undefined) v = fallbacks[i];
    // better-sqlite3 binds no booleans; the schema stores them as 0/1.
    values[i] = booleans[i] && v !== null ? (v ? 1 : 0) : v;
  }
  // Derived columns are always computed here (relations/relation-names.ts), never taken from the row.
  if (plan.displayNameAt >= 0) {
    const names = derivedNamesOfRow(row);
    values[plan.displayNameAt] = names.displayName;
    values[plan.sortKeyAt] = names.sortKey;
  }
  return values;
}

export function runInsert(plan: InsertPlan, row: Record<string, unknown>): void {
  plan.stmt.run(bindRow(plan, row, plan.values));
}

/** The row's values in column order, as a new array (for multi-row INSERTs, db/bulk-insert.ts). */
export function rowValues(plan: InsertPlan, row: Record<string, unknown>): unknown[] {
  return bindRow(plan, row, new Array<unknown>(plan.keys.length));
}

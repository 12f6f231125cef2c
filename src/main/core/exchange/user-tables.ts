import { getTableName } from 'drizzle-orm';
import { getTableConfig, type SQLiteTable } from 'drizzle-orm/sqlite-core';
import { AUDITED_TABLES } from '../db/audit-triggers';
import * as schema from '../db/schema';

/**
 * Every table holding user data, as the audit machinery lists them (db/audit-triggers.ts),
 * keyed by its drizzle export name (`relationTypeAssignments`): the unit of a bulk load and
 * a section of the JSON exchange format. Derived, so a table another domain adds is
 * exported, imported and counted without a change here.
 */
export interface UserTable {
  key: string;
  name: string;
  table: SQLiteTable;
  /** Single-column references: column key → referenced table key. */
  references: { column: string; target: string }[];
}

const keyOf = new Map<SQLiteTable, string>(
  Object.entries(schema).flatMap(([key, value]) => (AUDITED_TABLES.some((t) => t.table === value) ? [[value as SQLiteTable, key] as const] : [])),
);

function referencesOf(table: SQLiteTable): UserTable['references'] {
  const columnKey = new Map(Object.entries(table as unknown as Record<string, unknown>).map(([k, c]) => [c, k]));
  return getTableConfig(table).foreignKeys.flatMap((fk) => {
    const r = fk.reference();
    const target = keyOf.get(r.foreignTable);
    const column = r.columns.length === 1 ? columnKey.get(r.columns[0]) : undefined;
    return target && column ? [{ column, target }] : [];
  });
}

export const USER_TABLES: UserTable[] = AUDITED_TABLES.map(({ table }) => ({
  key: keyOf.get(table) ?? getTableName(table),
  name: getTableName(table),
  table,
  references: referencesOf(table),
}));

const byKey = new Map(USER_TABLES.map((t) => [t.key, t]));

export function userTable(key: string): UserTable {
  const t = byKey.get(key);
  if (!t) throw new RangeError(`not a user table: ${key}`);
  return t;
}

export function isUserTableKey(key: string): boolean {
  return byKey.has(key);
}

/**
 * Tables a brand-new administration already fills with defaults (setup/default-data.ts).
 * They do not make it "not empty", and a load that brings its own rows replaces them.
 */
export const SEEDED_TABLES = new Set(['relation_types', 'link_types', 'group_roles']);

/**
 * Tables the core computes from the others (memberships from rules and facts). They are
 * never taken from outside (a JSON import recomputes them) and never replayed by an undo
 * (it recomputes them for the relations it touched); a recompute is no conflicting change.
 */
export const COMPUTED_TABLES = new Set(['memberships']);

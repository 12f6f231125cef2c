import { sql } from 'drizzle-orm';
import { blob, index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { actionNameSql, tableNameSql } from '../audit-codes';

/**
 * One user-visible action (an edit, an import, a merge): the unit of history and of undo.
 * `id` (a UUID) is how the rest of the program names it; audit rows refer to it by `seq`, its
 * integer key, so the UUID is stored once and not in every audit row (compact history).
 */
export const operations = sqliteTable(
  'operations',
  {
    seq: integer('seq').primaryKey(),
    id: text('id').notNull().unique(),
    kind: text('kind').notNull(),
    actor: text('actor').notNull(),
    at: integer('at').notNull(),
    /** JSON with what the operation was about, e.g. the RPC method and its target. */
    summary: text('summary'),
  },
  (t) => [index('operations_at_idx').on(t.at)],
);

/**
 * Filled by triggers only (see audit-triggers.ts): one row per inserted record (keys only: its
 * values are the live row's, or its delete image's, with later updates reversed —
 * db/row-image.ts `createdImages`), one per deleted record (the whole row as JSON) and one
 * per changed field on update. Compact (docs/architecture.md, "Compact history"): the
 * operation by its integer `seq`, record and relation ids as 16-byte blobs when they are UUIDs
 * (db/audit-keys.ts), other ids as text, the table and the action as small integers
 * (db/audit-codes.ts; migration 0015).
 */
export const auditLog = sqliteTable(
  'audit_log',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    operation: integer('operation')
      .notNull()
      .references(() => operations.seq),
    /** The table as a small integer (db/audit-codes.ts), or its name for a table without a code. */
    tableCode: integer('table_code').notNull(),
    /** Read-only: computed from table_code, never stored. */
    tableName: text('table_name').generatedAlwaysAs(sql.raw(tableNameSql()), { mode: 'virtual' }),
    recordId: blob('record_id').notNull(),
    /** The relation the change belongs to, so a relation's History finds address and link edits too. */
    relationId: blob('relation_id'),
    /** 0 insert, 1 update, 2 delete (db/audit-codes.ts): an insert costs no byte. */
    actionCode: integer('action_code').notNull(),
    /** Read-only: computed from action_code, never stored. */
    action: text('action', { enum: ['insert', 'update', 'delete'] }).generatedAlwaysAs(sql.raw(actionNameSql()), { mode: 'virtual' }),
    field: text('field'),
    oldValue: text('old_value'),
    newValue: text('new_value'),
  },
  (t) => [
    index('audit_relation_idx').on(t.relationId, t.id),
    index('audit_record_idx').on(t.tableCode, t.recordId),
    index('audit_operation_idx').on(t.operation),
  ],
);

/**
 * A single row naming the operation the current transaction belongs to. Audit triggers read
 * it, and refuse the write when it is empty: no write can bypass the audit log.
 * (A TEMP table would be neater, but triggers in the main schema cannot see temp objects.)
 */
export const auditContext = sqliteTable('audit_context', {
  id: integer('id').primaryKey(),
  /** operations.seq of the operation being written. */
  operation: integer('operation'),
});

export const settings = sqliteTable('settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});

/**
 * What the core computed from the data and keeps across closing the file (db/derived-state.ts):
 * the overview's kept results, the duplicate scan's pairs, the open items, each stamped with
 * the audit row it is up to date with. A cache, not data: never audited, exported or shown,
 * always checked against the audit log before it is used, and computed again when it is gone.
 */
export const derivedState = sqliteTable('derived_state', {
  name: text('name').primaryKey(),
  data: blob('data', { mode: 'buffer' }).notNull(),
});

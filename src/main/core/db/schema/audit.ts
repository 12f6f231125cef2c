import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/** One user-visible action (an edit, an import, a merge): the unit of history and of undo. */
export const operations = sqliteTable(
  'operations',
  {
    id: text('id').primaryKey(),
    kind: text('kind').notNull(),
    actor: text('actor').notNull(),
    at: integer('at').notNull(),
    /** JSON with what the operation was about, e.g. the RPC method and its target. */
    summary: text('summary'),
  },
  (t) => [index('operations_at_idx').on(t.at)],
);

/**
 * Filled by triggers only (see audit-triggers.ts): one row per inserted or deleted record
 * (the whole row as JSON) and one per changed field on update.
 */
export const auditLog = sqliteTable(
  'audit_log',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    operationId: text('operation_id')
      .notNull()
      .references(() => operations.id),
    tableName: text('table_name').notNull(),
    recordId: text('record_id').notNull(),
    /** The relation the change belongs to, so a relation's History finds address and link edits too. */
    relationId: text('relation_id'),
    action: text('action', { enum: ['insert', 'update', 'delete'] }).notNull(),
    field: text('field'),
    oldValue: text('old_value'),
    newValue: text('new_value'),
  },
  (t) => [
    index('audit_relation_idx').on(t.relationId, t.id),
    index('audit_record_idx').on(t.tableName, t.recordId),
    index('audit_operation_idx').on(t.operationId),
  ],
);

/**
 * A single row naming the operation the current transaction belongs to. Audit triggers read
 * it, and refuse the write when it is empty: no write can bypass the audit log.
 * (A TEMP table would be neater, but triggers in the main schema cannot see temp objects.)
 */
export const auditContext = sqliteTable('audit_context', {
  id: integer('id').primaryKey(),
  operationId: text('operation_id'),
});

export const settings = sqliteTable('settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});

import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { relations } from './relations';

/**
 * "Geen dubbel": a pair the user said are two different relations. Stored with the smaller
 * id first so (a, b) and (b, a) are one row; scans, imports and the quick-entry warning skip it.
 */
export const duplicateDismissals = sqliteTable(
  'duplicate_dismissals',
  {
    id: text('id').primaryKey(),
    relationAId: text('relation_a_id')
      .notNull()
      .references(() => relations.id, { onDelete: 'cascade' }),
    relationBId: text('relation_b_id')
      .notNull()
      .references(() => relations.id, { onDelete: 'cascade' }),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [uniqueIndex('duplicate_dismissals_uq').on(t.relationAId, t.relationBId), index('duplicate_dismissals_b_idx').on(t.relationBId)],
);

/**
 * Where a merged-away relation went: its old id and number lead to the survivor, so an old
 * link, a search by the old number, a change request or a bank line naming it still land.
 * A later merge of the survivor moves these rows on like any other reference.
 */
export const relationRedirects = sqliteTable(
  'relation_redirects',
  {
    id: text('id').primaryKey(),
    oldRelationId: text('old_relation_id').notNull(),
    oldNumber: integer('old_number').notNull(),
    relationId: text('relation_id')
      .notNull()
      .references(() => relations.id, { onDelete: 'cascade' }),
    /** The merge operation that made it. */
    operationId: text('operation_id').notNull(),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [
    uniqueIndex('relation_redirects_old_id_uq').on(t.oldRelationId),
    uniqueIndex('relation_redirects_old_number_uq').on(t.oldNumber),
    index('relation_redirects_relation_idx').on(t.relationId),
  ],
);

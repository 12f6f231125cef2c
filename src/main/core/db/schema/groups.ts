import { index, integer, sqliteTable, text, uniqueIndex, type AnySQLiteColumn } from 'drizzle-orm/sqlite-core';
import { relations } from './relations';

/**
 * Groups of any type in one tree: boards, committees, working groups, mailing lists
 * (verzendlijsten), contribution groups. A group is static (only hand-entered members),
 * smart (a condition) or smart with hand-added and hand-excluded members on top, all dated.
 */
export const groups = sqliteTable(
  'groups',
  {
    id: text('id').primaryKey(),
    parentId: text('parent_id').references((): AnySQLiteColumn => groups.id, { onDelete: 'restrict' }),
    name: text('name').notNull(),
    type: text('type', { enum: ['board', 'committee', 'working_group', 'mailing_list', 'contribution', 'other'] }).notNull(),
    /** JSON condition (src/shared/contract/conditions.ts); NULL for a static group. */
    condition: text('condition'),
    description: text('description'),
    position: integer('position').notNull().default(0),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [index('groups_parent_idx').on(t.parentId)],
);

/** Roles within a group: voorzitter, secretaris, penningmeester, lid, and user-defined. */
export const groupRoles = sqliteTable(
  'group_roles',
  {
    id: text('id').primaryKey(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    position: integer('position').notNull().default(0),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [uniqueIndex('group_roles_code_uq').on(t.code)],
);

/**
 * Hand-entered membership facts with validity [valid_from, valid_to). `mode = 'exclude'`
 * removes a relation from a smart group's computed members for that period.
 */
export const groupMembers = sqliteTable(
  'group_members',
  {
    id: text('id').primaryKey(),
    groupId: text('group_id')
      .notNull()
      .references(() => groups.id, { onDelete: 'cascade' }),
    relationId: text('relation_id')
      .notNull()
      .references(() => relations.id, { onDelete: 'cascade' }),
    roleId: text('role_id').references(() => groupRoles.id, { onDelete: 'restrict' }),
    mode: text('mode', { enum: ['include', 'exclude'] }).notNull().default('include'),
    validFrom: text('valid_from'),
    validTo: text('valid_to'),
    notes: text('notes'),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [
    index('group_members_group_idx').on(t.groupId, t.relationId),
    index('group_members_relation_idx').on(t.relationId),
  ],
);

/** A saved selection: a named condition, evaluated on any date. */
export const selections = sqliteTable(
  'selections',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    condition: text('condition').notNull(),
    description: text('description'),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [uniqueIndex('selections_name_uq').on(t.name)],
);

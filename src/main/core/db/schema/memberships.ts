import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { relations } from './relations';
import { groups } from './groups';

/** Subscription types (Lidmaatschap, Blad, Nieuwsbrief…): the dated fact most base rules test. */
export const subscriptionTypes = sqliteTable(
  'subscription_types',
  {
    id: text('id').primaryKey(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    position: integer('position').notNull().default(0),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [uniqueIndex('subscription_types_code_uq').on(t.code)],
);

export const subscriptions = sqliteTable(
  'subscriptions',
  {
    id: text('id').primaryKey(),
    relationId: text('relation_id')
      .notNull()
      .references(() => relations.id, { onDelete: 'cascade' }),
    typeId: text('type_id')
      .notNull()
      .references(() => subscriptionTypes.id, { onDelete: 'restrict' }),
    /** Subscription number as the association knows it (abonnementsnummer). */
    number: text('number'),
    quantity: integer('quantity').notNull().default(1),
    startDate: text('start_date').notNull(),
    /** Exclusive, like every period: the first day without the subscription. */
    endDate: text('end_date'),
    endReason: text('end_reason'),
    /** JSON array of relation ids receiving it when they are not the subscriber (e.g. a company paying for employees). */
    recipients: text('recipients'),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [index('subscriptions_relation_idx').on(t.relationId), index('subscriptions_type_idx').on(t.typeId, t.relationId)],
);

/** A tree of units (organen): organisation at the root, then regions, municipalities, departments. */
export const units = sqliteTable('units', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  /** What kind of unit, as the association calls it: Organisatie, Provincie, Gemeente, Afdeling… */
  level: text('level'),
  startDate: text('start_date'),
  /** Stop date (exclusive): all memberships under the unit end here. */
  endDate: text('end_date'),
  /** The unit's own relation in the CRM, when the unit action created one. */
  relationId: text('relation_id').references(() => relations.id, { onDelete: 'set null' }),
  membersGroupId: text('members_group_id').references(() => groups.id, { onDelete: 'set null' }),
  boardGroupId: text('board_group_id').references(() => groups.id, { onDelete: 'set null' }),
  position: integer('position').notNull().default(0),
  createdAt: integer('created_at').notNull(),
  updatedAt: integer('updated_at').notNull(),
});

/** Where a unit hangs in the tree over time: moving a unit from a date ends one placement and starts another. */
export const unitPlacements = sqliteTable(
  'unit_placements',
  {
    id: text('id').primaryKey(),
    unitId: text('unit_id')
      .notNull()
      .references(() => units.id, { onDelete: 'cascade' }),
    /** NULL: a root (an organisation). */
    parentId: text('parent_id').references(() => units.id, { onDelete: 'restrict' }),
    validFrom: text('valid_from'),
    validTo: text('valid_to'),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [index('unit_placements_unit_idx').on(t.unitId), index('unit_placements_parent_idx').on(t.parentId)],
);

export const membershipTypes = sqliteTable(
  'membership_types',
  {
    id: text('id').primaryKey(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    /** JSON condition every holder must satisfy, whatever the unit (e.g. an active Lidmaatschap subscription). */
    baseCondition: text('base_condition').notNull(),
    position: integer('position').notNull().default(0),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [uniqueIndex('membership_types_code_uq').on(t.code)],
);

/**
 * A version of a unit's rule, in force from `valid_from` until the next version of the same
 * (unit, type) starts. type NULL = the unit's general rule. condition NULL = no restriction
 * from this version on (a rule removed as of a date).
 */
export const unitRules = sqliteTable(
  'unit_rules',
  {
    id: text('id').primaryKey(),
    unitId: text('unit_id')
      .notNull()
      .references(() => units.id, { onDelete: 'cascade' }),
    membershipTypeId: text('membership_type_id').references(() => membershipTypes.id, { onDelete: 'cascade' }),
    condition: text('condition'),
    validFrom: text('valid_from'),
    note: text('note'),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [index('unit_rules_unit_idx').on(t.unitId, t.membershipTypeId, t.validFrom)],
);

/** Places a relation in a unit of choice for a period, whatever that unit's rules say. */
export const membershipExceptions = sqliteTable(
  'membership_exceptions',
  {
    id: text('id').primaryKey(),
    relationId: text('relation_id')
      .notNull()
      .references(() => relations.id, { onDelete: 'cascade' }),
    unitId: text('unit_id')
      .notNull()
      .references(() => units.id, { onDelete: 'cascade' }),
    membershipTypeId: text('membership_type_id')
      .notNull()
      .references(() => membershipTypes.id, { onDelete: 'cascade' }),
    validFrom: text('valid_from'),
    validTo: text('valid_to'),
    /** Also ignore the type's base rule (honorary membership without a subscription). */
    ignoreBaseRule: integer('ignore_base_rule', { mode: 'boolean' }).notNull().default(false),
    reason: text('reason'),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [index('membership_exceptions_relation_idx').on(t.relationId), index('membership_exceptions_unit_idx').on(t.unitId)],
);

/**
 * Computed, never entered: one row per maximal run of consecutive qualifying days.
 * end_date is exclusive (the first day no longer qualifying); NULL = still running.
 */
export const memberships = sqliteTable(
  'memberships',
  {
    id: text('id').primaryKey(),
    relationId: text('relation_id')
      .notNull()
      .references(() => relations.id, { onDelete: 'cascade' }),
    unitId: text('unit_id')
      .notNull()
      .references(() => units.id, { onDelete: 'cascade' }),
    membershipTypeId: text('membership_type_id')
      .notNull()
      .references(() => membershipTypes.id, { onDelete: 'cascade' }),
    startDate: text('start_date'),
    endDate: text('end_date'),
  },
  (t) => [
    index('memberships_relation_idx').on(t.relationId, t.unitId, t.membershipTypeId),
    index('memberships_unit_idx').on(t.unitId, t.membershipTypeId, t.startDate),
    // Periods ending in a date range (system-tasks.ts: an age category that changes next year), without a scan of every period.
    index('memberships_end_idx').on(t.endDate),
  ],
);

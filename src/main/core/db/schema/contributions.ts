import { index, integer, sqliteTable, text, uniqueIndex, type AnySQLiteColumn } from 'drizzle-orm/sqlite-core';
import { relations } from './relations';

/**
 * Contributions and invoicing. Money is integer cents everywhere; dates 'YYYY-MM-DD'.
 * A run writes invoices with lines and instalments; payments are allocated to invoices.
 * Open amounts and balances are computed, never stored, so they cannot drift.
 */

/** Who pays what, and how: one row per relation that deviates from the schedule's defaults. */
export const paymentSettings = sqliteTable(
  'payment_settings',
  {
    id: text('id').primaryKey(),
    relationId: text('relation_id')
      .notNull()
      .references(() => relations.id, { onDelete: 'cascade' }),
    method: text('method', { enum: ['incasso', 'factuur', 'contant'] }).notNull(),
    frequency: text('frequency', { enum: ['jaar', 'halfjaar', 'kwartaal', 'maand'] }).notNull().default('jaar'),
    /** Another relation pays this relation's contribution (a parent for a child). */
    payerRelationId: text('payer_relation_id').references(() => relations.id, { onDelete: 'set null' }),
    exempt: integer('exempt', { mode: 'boolean' }).notNull().default(false),
    exemptReason: text('exempt_reason'),
    /** Replaces the computed amount for each membership type billed. */
    overrideCents: integer('override_cents'),
    overrideReason: text('override_reason'),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [uniqueIndex('payment_settings_relation_uq').on(t.relationId), index('payment_settings_payer_idx').on(t.payerRelationId)],
);

/** A fee schedule for one period, versioned: saving never overwrites, it adds a version. */
export const feeSchedules = sqliteTable(
  'fee_schedules',
  {
    id: text('id').primaryKey(),
    periodCode: text('period_code').notNull(),
    version: integer('version').notNull(),
    /** The schedule as documented in docs/contributions.md (JSON, checked by the contract). */
    definition: text('definition').notNull(),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [uniqueIndex('fee_schedules_period_version_uq').on(t.periodCode, t.version)],
);

export const contributionRuns = sqliteTable(
  'contribution_runs',
  {
    id: text('id').primaryKey(),
    periodCode: text('period_code').notNull(),
    scheduleId: text('schedule_id')
      .notNull()
      .references(() => feeSchedules.id, { onDelete: 'restrict' }),
    invoiceDate: text('invoice_date').notNull(),
    /** open: can be undone as a whole; closed: exported or sent, only credit notes from here. */
    status: text('status', { enum: ['open', 'closed'] }).notNull().default('open'),
    invoiceCount: integer('invoice_count').notNull(),
    totalCents: integer('total_cents').notNull(),
    createdAt: integer('created_at').notNull(),
    closedAt: integer('closed_at'),
  },
  (t) => [index('contribution_runs_period_idx').on(t.periodCode)],
);

export const invoices = sqliteTable(
  'invoices',
  {
    id: text('id').primaryKey(),
    /** Prefix + year + sequence, e.g. 'C2027-00001': gapless per year. */
    number: text('number').notNull(),
    year: integer('year').notNull(),
    sequence: integer('sequence').notNull(),
    relationId: text('relation_id')
      .notNull()
      .references(() => relations.id, { onDelete: 'restrict' }),
    runId: text('run_id').references(() => contributionRuns.id, { onDelete: 'restrict' }),
    kind: text('kind', { enum: ['invoice', 'credit'] }).notNull().default('invoice'),
    creditsInvoiceId: text('credits_invoice_id').references((): AnySQLiteColumn => invoices.id, { onDelete: 'restrict' }),
    invoiceDate: text('invoice_date').notNull(),
    dueDate: text('due_date').notNull(),
    paymentMethod: text('payment_method', { enum: ['incasso', 'factuur', 'contant'] }).notNull(),
    /** Dutch betalingskenmerk (16 digits with check digit), derived from year and sequence. */
    paymentReference: text('payment_reference').notNull(),
    description: text('description'),
    totalCents: integer('total_cents').notNull(),
    sentAt: integer('sent_at'),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('invoices_number_uq').on(t.number),
    uniqueIndex('invoices_year_sequence_uq').on(t.year, t.sequence),
    index('invoices_relation_idx').on(t.relationId),
    index('invoices_run_idx').on(t.runId),
    index('invoices_credits_idx').on(t.creditsInvoiceId),
  ],
);

export const invoiceLines = sqliteTable(
  'invoice_lines',
  {
    id: text('id').primaryKey(),
    invoiceId: text('invoice_id')
      .notNull()
      .references(() => invoices.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    kind: text('kind', { enum: ['contribution', 'surcharge', 'one_off', 'manual', 'credit'] }).notNull(),
    /** Whom the line is for (a child on the parent's invoice). */
    memberRelationId: text('member_relation_id').references(() => relations.id, { onDelete: 'set null' }),
    /** What a run billed: with member and type, the key that stops a period being billed twice. */
    periodCode: text('period_code'),
    membershipTypeCode: text('membership_type_code'),
    /** One-off charges: billed once per member, ever. */
    chargeCode: text('charge_code'),
    description: text('description').notNull(),
    amountCents: integer('amount_cents').notNull(),
    /** VAT in basis points (2100 = 21%); NULL = exempt, as most associations are. */
    vatRate: integer('vat_rate'),
  },
  (t) => [index('invoice_lines_invoice_idx').on(t.invoiceId), index('invoice_lines_member_idx').on(t.memberRelationId, t.periodCode)],
);

/** Instalments: an invoice paid in halves, quarters or months has one due date per part. */
export const invoiceInstalments = sqliteTable(
  'invoice_instalments',
  {
    id: text('id').primaryKey(),
    invoiceId: text('invoice_id')
      .notNull()
      .references(() => invoices.id, { onDelete: 'cascade' }),
    sequence: integer('sequence').notNull(),
    dueDate: text('due_date').notNull(),
    amountCents: integer('amount_cents').notNull(),
  },
  (t) => [index('invoice_instalments_invoice_idx').on(t.invoiceId, t.sequence)],
);

export const payments = sqliteTable(
  'payments',
  {
    id: text('id').primaryKey(),
    relationId: text('relation_id').references(() => relations.id, { onDelete: 'restrict' }),
    paymentDate: text('payment_date').notNull(),
    amountCents: integer('amount_cents').notNull(),
    method: text('method', { enum: ['bank', 'incasso', 'contant'] }).notNull().default('bank'),
    reference: text('reference'),
    note: text('note'),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [index('payments_relation_idx').on(t.relationId, t.paymentDate)],
);

/** One payment can settle several invoices; what is not allocated is a credit of the payer. */
export const paymentAllocations = sqliteTable(
  'payment_allocations',
  {
    id: text('id').primaryKey(),
    paymentId: text('payment_id')
      .notNull()
      .references(() => payments.id, { onDelete: 'cascade' }),
    invoiceId: text('invoice_id')
      .notNull()
      .references(() => invoices.id, { onDelete: 'restrict' }),
    amountCents: integer('amount_cents').notNull(),
  },
  (t) => [index('payment_allocations_payment_idx').on(t.paymentId), index('payment_allocations_invoice_idx').on(t.invoiceId)],
);

/** Reminders sent: 1 herinnering, 2 tweede herinnering, 3 aanmaning (the WIK 14-day letter). */
export const invoiceReminders = sqliteTable(
  'invoice_reminders',
  {
    id: text('id').primaryKey(),
    invoiceId: text('invoice_id')
      .notNull()
      .references(() => invoices.id, { onDelete: 'cascade' }),
    stage: integer('stage').notNull(),
    reminderDate: text('reminder_date').notNull(),
    /** Pay by: for the aanmaning 14 days after the letter is deemed received. */
    deadline: text('deadline').notNull(),
    openCents: integer('open_cents').notNull(),
    /** Collection costs the aanmaning announces (WIK scale); charged only after the deadline. */
    statedCostsCents: integer('stated_costs_cents').notNull().default(0),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [index('invoice_reminders_invoice_idx').on(t.invoiceId, t.stage)],
);

import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { relations } from './relations';
import { invoices, payments } from './contributions';
import { sepaBatchItems, sepaMandates } from './sepa';

/**
 * Bank statements (issue 12): a CAMT.053 or MT940 file read into entries, each entry matched
 * to invoices (by a payment through the contributions' payments and allocations) or left for
 * the treasurer, with the rule that matched it. A batch credit is kept as its own entry and
 * expanded into one child entry per collected transaction. Returns keep their reason code.
 */

export const bankStatements = sqliteTable(
  'bank_statements',
  {
    id: text('id').primaryKey(),
    format: text('format', { enum: ['camt053', 'mt940'] }).notNull(),
    /** ING or Rabobank style of MT940, 'iso' for CAMT. */
    dialect: text('dialect').notNull(),
    accountIban: text('account_iban').notNull(),
    /** The bank's statement id (Stmt/Id, :20:/:28C:). */
    statementRef: text('statement_ref'),
    fileName: text('file_name').notNull(),
    /** SHA-256 of the file, hex. */
    fileHash: text('file_hash').notNull(),
    fromDate: text('from_date'),
    toDate: text('to_date'),
    openingCents: integer('opening_cents'),
    closingCents: integer('closing_cents'),
    /** Entries in the file, and how many of them were already known (an overlapping statement). */
    entryCount: integer('entry_count').notNull(),
    duplicateCount: integer('duplicate_count').notNull(),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [index('bank_statements_account_idx').on(t.accountIban, t.toDate)],
);

export const bankEntries = sqliteTable(
  'bank_entries',
  {
    id: text('id').primaryKey(),
    statementId: text('statement_id')
      .notNull()
      .references(() => bankStatements.id, { onDelete: 'restrict' }),
    accountIban: text('account_iban').notNull(),
    /** The bank's own reference (AcctSvcrRef, MT940 :61: bank reference); with the account, unique: a re-import adds nothing twice. */
    bankRef: text('bank_ref').notNull(),
    /** The batch credit this transaction was expanded from. */
    parentEntryId: text('parent_entry_id'),
    /** credit, debit; batch: a batch credit (its children carry the transactions); return: a returned or refunded debit. */
    kind: text('kind', { enum: ['credit', 'debit', 'batch', 'return'] }).notNull(),
    bookingDate: text('booking_date').notNull(),
    valueDate: text('value_date'),
    /** Signed: positive is money in. */
    amountCents: integer('amount_cents').notNull(),
    counterpartyName: text('counterparty_name'),
    counterpartyIban: text('counterparty_iban'),
    endToEndId: text('end_to_end_id'),
    mandateRef: text('mandate_ref'),
    pmtInfId: text('pmt_inf_id'),
    /** Structured creditor reference (betalingskenmerk or RF). */
    structuredRef: text('structured_ref'),
    remittance: text('remittance'),
    /** Bank transaction code (Domn/Fmly/SubFmly, or MT940 GVC / transaction type). */
    bankTxCode: text('bank_tx_code'),
    returnCode: text('return_code'),
    /** matched, unmatched (for the treasurer), returned (a return handled), expanded (a batch credit), ignored (by hand). */
    status: text('status', { enum: ['matched', 'unmatched', 'returned', 'expanded', 'ignored'] }).notNull(),
    /** The rule that matched it: end_to_end_id, payment_reference, iban_amount, name_amount, manual, batch. */
    matchRule: text('match_rule'),
    /** Why, as a code with its details (JSON: { code, invoices, … }), for the reason shown. */
    matchReason: text('match_reason'),
    relationId: text('relation_id').references(() => relations.id, { onDelete: 'restrict' }),
    paymentId: text('payment_id').references(() => payments.id, { onDelete: 'set null' }),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('bank_entries_ref_uq').on(t.accountIban, t.bankRef),
    index('bank_entries_statement_idx').on(t.statementId),
    index('bank_entries_status_idx').on(t.status, t.bookingDate),
    index('bank_entries_parent_idx').on(t.parentEntryId),
  ],
);

/** A returned or refunded direct debit and what was done about it. */
export const bankReturns = sqliteTable(
  'bank_returns',
  {
    id: text('id').primaryKey(),
    entryId: text('entry_id')
      .notNull()
      .references(() => bankEntries.id, { onDelete: 'restrict' }),
    /** The reason code as the bank sent it (AC04, MD06, …), known to us or not, and its text. */
    code: text('code').notNull(),
    codeText: text('code_text').notNull(),
    batchItemId: text('batch_item_id').references(() => sepaBatchItems.id, { onDelete: 'restrict' }),
    invoiceId: text('invoice_id').references(() => invoices.id, { onDelete: 'restrict' }),
    relationId: text('relation_id').references(() => relations.id, { onDelete: 'restrict' }),
    mandateId: text('mandate_id').references(() => sepaMandates.id, { onDelete: 'restrict' }),
    /** The negative payment that reopened the invoice. */
    reversalPaymentId: text('reversal_payment_id').references(() => payments.id, { onDelete: 'set null' }),
    mandateEnded: integer('mandate_ended', { mode: 'boolean' }).notNull().default(false),
    feeInvoiceId: text('fee_invoice_id').references(() => invoices.id, { onDelete: 'set null' }),
    /** The treasurer's follow-up task (its system key). */
    taskKey: text('task_key'),
    /** Insufficient funds: wanted for a retry batch, or exhausted after the set number of tries; none otherwise. */
    retry: text('retry', { enum: ['wanted', 'exhausted', 'none'] }).notNull().default('none'),
    /** The batch that retried it (set by the collection export). */
    retryBatchId: text('retry_batch_id'),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [uniqueIndex('bank_returns_entry_uq').on(t.entryId), index('bank_returns_invoice_idx').on(t.invoiceId), index('bank_returns_retry_idx').on(t.retry)],
);

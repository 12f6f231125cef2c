import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { relations } from './relations';
import { contributionRuns, invoices } from './contributions';

/**
 * SEPA direct debit (issue 12). Mandates belong to the debtor relation; a batch is one
 * exported collection file; its items tie each invoice to the EndToEndId it was collected
 * with, so a bank statement (a batch credit, a return) leads back to the invoice.
 * Creditor settings (name, IBAN, Incassant-ID, bank profile, limits) live in `settings`.
 */

export const sepaMandates = sqliteTable(
  'sepa_mandates',
  {
    id: text('id').primaryKey(),
    relationId: text('relation_id')
      .notNull()
      .references(() => relations.id, { onDelete: 'restrict' }),
    /** The mandate reference (max 35, EPC set): stable, never reissued to anyone else. */
    reference: text('reference').notNull(),
    signedOn: text('signed_on').notNull(),
    iban: text('iban').notNull(),
    bic: text('bic'),
    /** RCUR: recurrent (contribution); OOFF: one-off. */
    kind: text('kind', { enum: ['RCUR', 'OOFF'] }).notNull().default('RCUR'),
    /** active; revoked by the debtor; expired after 36 months unused; ended by a return code (closed account, deceased). */
    status: text('status', { enum: ['active', 'revoked', 'expired', 'ended'] }).notNull().default('active'),
    endedOn: text('ended_on'),
    /** Why it ended: a return code (MD07, AC04…) or a short text. */
    endReason: text('end_reason'),
    /** Date of the last collection that used it (for the 36-month expiry). */
    lastUsedOn: text('last_used_on'),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [uniqueIndex('sepa_mandates_reference_uq').on(t.reference), index('sepa_mandates_relation_idx').on(t.relationId, t.status)],
);

/**
 * An amendment (new IBAN, mandate reference change, creditor id change) not yet reported to
 * the bank: the next collection carries it in AmdmntInfDtls and then marks it reported.
 */
export const sepaMandateAmendments = sqliteTable(
  'sepa_mandate_amendments',
  {
    id: text('id').primaryKey(),
    mandateId: text('mandate_id')
      .notNull()
      .references(() => sepaMandates.id, { onDelete: 'cascade' }),
    amendedOn: text('amended_on').notNull(),
    kind: text('kind', { enum: ['iban', 'reference', 'creditor_id'] }).notNull(),
    /** The value before the change (old IBAN, old reference, old creditor id). */
    previousValue: text('previous_value').notNull(),
    /** Evidence, e.g. the Overstapservice notice (a blob id) or a signed form. */
    evidenceBlobId: text('evidence_blob_id'),
    note: text('note'),
    /** The batch that reported it to the bank; NULL = still to be reported. */
    reportedInBatchId: text('reported_in_batch_id'),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [index('sepa_mandate_amendments_mandate_idx').on(t.mandateId)],
);

/** One exported pain.008 (collection) or pain.001 (refund) file. */
export const sepaBatches = sqliteTable(
  'sepa_batches',
  {
    id: text('id').primaryKey(),
    kind: text('kind', { enum: ['collection', 'refund'] }).notNull(),
    runId: text('run_id').references(() => contributionRuns.id, { onDelete: 'restrict' }),
    /** pain.008.001.02, pain.008.001.08, pain.001.001.03, … */
    messageVersion: text('message_version').notNull(),
    msgId: text('msg_id').notNull(),
    /** SHA-256 of the exported file, hex. */
    fileHash: text('file_hash'),
    fileName: text('file_name'),
    /** The exported file itself (blobs.id), kept so it can be downloaded again and is in every backup. */
    fileBlobId: text('file_blob_id'),
    transactionCount: integer('transaction_count').notNull(),
    controlSumCents: integer('control_sum_cents').notNull(),
    /** The file's PmtInfIds (a JSON array, in file order): what a bank statement's batch entry names. */
    pmtInfIds: text('pmt_inf_ids').notNull().default('[]'),
    /** draft: built, not exported; exported: written to a file (the run closes); cancelled. */
    status: text('status', { enum: ['draft', 'exported', 'cancelled'] }).notNull().default('draft'),
    /** Retry of an earlier batch (insufficient funds), and how many times retried. */
    retryOfBatchId: text('retry_of_batch_id'),
    createdAt: integer('created_at').notNull(),
    exportedAt: integer('exported_at'),
  },
  (t) => [uniqueIndex('sepa_batches_msg_id_uq').on(t.msgId), index('sepa_batches_run_idx').on(t.runId)],
);

/** One transaction in a batch: an invoice (or refund) with its EndToEndId and PmtInfId. */
export const sepaBatchItems = sqliteTable(
  'sepa_batch_items',
  {
    id: text('id').primaryKey(),
    batchId: text('batch_id')
      .notNull()
      .references(() => sepaBatches.id, { onDelete: 'cascade' }),
    /** The payment-information block (one per collection date and sequence type). */
    pmtInfId: text('pmt_inf_id').notNull(),
    collectionDate: text('collection_date').notNull(),
    sequenceType: text('sequence_type', { enum: ['FRST', 'RCUR', 'OOFF', 'FNAL'] }),
    endToEndId: text('end_to_end_id').notNull(),
    invoiceId: text('invoice_id').references(() => invoices.id, { onDelete: 'restrict' }),
    relationId: text('relation_id')
      .notNull()
      .references(() => relations.id, { onDelete: 'restrict' }),
    mandateId: text('mandate_id').references(() => sepaMandates.id, { onDelete: 'restrict' }),
    iban: text('iban').notNull(),
    amountCents: integer('amount_cents').notNull(),
    remittance: text('remittance'),
  },
  (t) => [
    uniqueIndex('sepa_batch_items_e2e_uq').on(t.endToEndId),
    // A statement's batch entry is expanded by its PmtInfId; the batch's own PmtInfIds are on the batch.
    // No index leads with batch_id: a batch is never deleted (it is cancelled by its status), and an
    // export writes one index fewer. A delete of a batch would scan the items for its cascade.
    index('sepa_batch_items_pmt_inf_idx').on(t.pmtInfId),
    index('sepa_batch_items_invoice_idx').on(t.invoiceId),
  ],
);

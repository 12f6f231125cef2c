import { z } from 'zod';
import { defineContract } from './define';
import { fromResult, id, isoDate, optionalBic, optionalText, pageInput, requiredText } from './fields';
import { fileOutput } from './io';
import { validateIban } from '../dutch/iban';
import { validateCreditorId } from '../dutch/creditor-id';

/** A required value checked by a Dutch helper (IBAN, Incassant-ID): empty is REQUIRED. */
function required(fn: Parameters<typeof fromResult>[0]) {
  return fromResult(fn).refine((v): v is string => v !== null && v !== undefined, { message: 'REQUIRED' });
}
const cents = z.number().int({ message: 'AMOUNT_NOT_CENTS' }).min(1).max(99_999_999_999);

/**
 * The mandate reference (MndtId): at most 35 characters of the EPC set without spaces, not
 * starting with '/' and without '//'. Stable: once used it is never given to anyone else.
 */
export const mandateReference = z
  .string()
  .trim()
  .regex(/^(?!\/)(?!.*\/\/)[A-Za-z0-9/\-?:().,'+]{1,35}$/u, { message: 'MANDATE_REFERENCE_INVALID' });

// ── creditor settings ──────────────────────────────────────────────────────
/**
 * The association as creditor, and what its bank takes: message version (pain.008.001.02
 * by default, .08 where the bank takes it), one batch per file, file size and name rules,
 * the contract's limits, the lead time and the retry count for insufficient funds.
 */
export const creditorSettings = z.object({
  name: requiredText(70, 'REQUIRED'),
  iban: required(validateIban),
  bic: optionalBic,
  creditorId: required(validateCreditorId),
  debitVersion: z.enum(['02', '08']).default('02'),
  refundVersion: z.enum(['03', '09']).default('03'),
  /**
   * 'rcur': RCUR from the first debit (allowed since the 2016 SDD Core rulebook; what banks
   * and peers do now). 'frst_rcur': FRST for a mandate's first debit, then RCUR (for a bank
   * that still wants it). One-off mandates are always OOFF.
   */
  sequencePolicy: z.enum(['rcur', 'frst_rcur']).default('rcur'),
  /** One payment-information block per file (some banks reject more). */
  oneBatchPerFile: z.boolean().default(false),
  /** TARGET2 business days between the day of export and the collection date (bank cut-off). */
  leadDays: z.number().int().min(1).max(15).default(2),
  maxTransactionCents: cents.nullable().default(null),
  maxMonthCents: cents.nullable().default(null),
  /** Rabobank: 3 MB, names ≤ 35 characters ending in .xml, a name never reused. */
  maxFileBytes: z.number().int().min(1000).max(1_000_000_000).nullable().default(null),
  maxFileNameLength: z.number().int().min(8).max(255).nullable().default(35),
  /** How often a debit returned for insufficient funds (AM04, MS02) may be collected again. */
  retryLimit: z.number().int().min(0).max(5).default(1),
});
export type CreditorSettings = z.output<typeof creditorSettings>;

// ── mandates ───────────────────────────────────────────────────────────────
export const MANDATE_STATUSES = ['active', 'revoked', 'expired', 'ended'] as const;
export const mandateAmendmentDto = z.object({
  id,
  amendedOn: z.string(),
  kind: z.enum(['iban', 'reference', 'creditor_id']),
  previousValue: z.string(),
  evidenceBlobId: z.string().nullable(),
  note: z.string().nullable(),
  reportedInBatchId: z.string().nullable(),
});
export const mandateDto = z.object({
  id,
  relationId: id,
  relationNumber: z.number().int(),
  relationName: z.string(),
  reference: z.string(),
  signedOn: z.string(),
  iban: z.string(),
  bic: z.string().nullable(),
  kind: z.enum(['RCUR', 'OOFF']),
  status: z.enum(MANDATE_STATUSES),
  endedOn: z.string().nullable(),
  endReason: z.string().nullable(),
  lastUsedOn: z.string().nullable(),
  /** 36 months after the last debit (or the signature when never used): the mandate lapses then. */
  expiresOn: z.string(),
  /** Active but past expiresOn: flagged, and refused by a collection. */
  lapsed: z.boolean(),
  pendingAmendments: z.number().int(),
  amendments: z.array(mandateAmendmentDto),
});
export type MandateDto = z.infer<typeof mandateDto>;

export const newMandate = z.object({
  relationId: id,
  /** Empty: the next free reference for the relation (M<number>-<n>). */
  reference: mandateReference.optional(),
  signedOn: isoDate,
  iban: required(validateIban),
  bic: optionalBic,
  kind: z.enum(['RCUR', 'OOFF']).default('RCUR'),
});
export const mandateAmendment = z
  .object({
    id,
    amendedOn: isoDate,
    iban: fromResult(validateIban),
    bic: optionalBic,
    reference: mandateReference.optional(),
    /** The Overstapservice notice or a signed form, kept as evidence. */
    evidenceBlobId: id.nullish(),
    note: optionalText(300),
  })
  .refine((a) => a.iban || a.reference, { message: 'AMENDMENT_EMPTY', path: ['iban'] });

// ── batches ────────────────────────────────────────────────────────────────
export const sepaProblemDto = z.object({
  code: z.string(),
  invoiceId: id.nullable(),
  invoiceNumber: z.string().nullable(),
  relationId: id.nullable(),
  name: z.string().nullable(),
  detail: z.string().nullable(),
});
export type SepaProblemDto = z.infer<typeof sepaProblemDto>;
export const sepaGroupDto = z.object({
  pmtInfId: z.string(),
  date: z.string(),
  sequenceType: z.enum(['FRST', 'RCUR', 'OOFF']).nullable(),
  count: z.number().int(),
  sumCents: z.number().int(),
});
export const sepaItemDto = z.object({
  invoiceId: id.nullable(),
  invoiceNumber: z.string().nullable(),
  relationId: id,
  name: z.string(),
  iban: z.string(),
  mandateReference: z.string().nullable(),
  amountCents: z.number().int(),
  date: z.string(),
  sequenceType: z.enum(['FRST', 'RCUR', 'OOFF']).nullable(),
  endToEndId: z.string(),
  remittance: z.string(),
  amended: z.boolean(),
});
export type SepaItemDto = z.infer<typeof sepaItemDto>;
/** One file of a batch export: its own MsgId and record (a bank taking one batch per file gets several). */
export const sepaFileDto = z.object({
  batchId: id.nullable(),
  msgId: z.string(),
  fileName: z.string(),
  fileHash: z.string(),
  fileBytes: z.number().int(),
  pmtInfIds: z.array(z.string()),
  transactionCount: z.number().int(),
  controlSumCents: z.number().int(),
  /** The file itself, when saved. */
  file: fileOutput.nullable(),
});
export type SepaFileDto = z.infer<typeof sepaFileDto>;
/**
 * The export's totals over all its files. msgId, fileName, fileHash, fileBytes, batchId and
 * file are those of the first file: the only one unless the bank takes one batch per file.
 */
export const sepaBatchResultDto = z.object({
  saved: z.boolean(),
  batchId: id.nullable(),
  kind: z.enum(['collection', 'refund']),
  messageVersion: z.string(),
  msgId: z.string(),
  fileName: z.string(),
  fileHash: z.string().nullable(),
  fileBytes: z.number().int(),
  transactionCount: z.number().int(),
  controlSumCents: z.number().int(),
  amendments: z.number().int(),
  groups: z.array(sepaGroupDto),
  items: z.array(sepaItemDto),
  problems: z.array(sepaProblemDto),
  /** The file itself, when saved. */
  file: fileOutput.nullable(),
  files: z.array(sepaFileDto),
});
export type SepaBatchResultDto = z.infer<typeof sepaBatchResultDto>;

export const sepaBatchDto = z.object({
  id,
  kind: z.enum(['collection', 'refund']),
  runId: id.nullable(),
  periodCode: z.string().nullable(),
  messageVersion: z.string(),
  msgId: z.string(),
  fileHash: z.string().nullable(),
  fileName: z.string().nullable(),
  /** The file is kept in the administration (every batch exported since it was). */
  fileKept: z.boolean(),
  transactionCount: z.number().int(),
  controlSumCents: z.number().int(),
  status: z.enum(['draft', 'exported', 'cancelled']),
  retryOfBatchId: id.nullable(),
  pmtInfIds: z.array(z.string()),
  createdAt: z.number().int(),
  exportedAt: z.number().int().nullable(),
});
export type SepaBatchDto = z.infer<typeof sepaBatchDto>;

const fileName = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9._-]{1,255}$/u, { message: 'FILE_NAME_INVALID' });

/** What to collect: a run's incasso invoices, or explicit invoices (a retry of returned items). */
export const collectionInput = z
  .object({
    runId: id.optional(),
    invoiceIds: z.array(id).min(1).max(200_000).optional(),
    /** The batch the invoices were returned from (insufficient funds): counted against the retry limit. */
    retryOfBatchId: id.optional(),
    /** Earliest collection date; an invoice due later is collected on its due date. Default: the first date the lead time allows. */
    date: isoDate.optional(),
    version: z.enum(['02', '08']).optional(),
    fileName: fileName.optional(),
    dryRun: z.boolean().default(false),
    itemLimit: z.number().int().min(0).max(200_000).default(200),
  })
  .refine((q) => (q.runId === undefined) !== (q.invoiceIds === undefined), { message: 'RUN_OR_INVOICES', path: ['runId'] });
export type CollectionInput = z.output<typeof collectionInput>;

export const refundInput = z.object({
  date: isoDate.optional(),
  version: z.enum(['03', '09']).optional(),
  fileName: fileName.optional(),
  dryRun: z.boolean().default(false),
  itemLimit: z.number().int().min(0).max(200_000).default(200),
});
export type RefundInput = z.output<typeof refundInput>;

export const sepaContract = defineContract({
  'sepa.getCreditor': { input: z.object({}), output: z.object({ settings: creditorSettings.nullable() }) },
  'sepa.setCreditor': { input: z.object({ settings: creditorSettings }), output: z.object({ settings: creditorSettings, amendedMandates: z.number().int() }) },
  'mandates.list': {
    input: z.object({ relationId: id.optional(), status: z.enum(MANDATE_STATUSES).optional(), lapsed: z.boolean().optional(), ...pageInput }),
    output: z.object({ rows: z.array(mandateDto), total: z.number().int() }),
  },
  'mandates.create': { input: newMandate, output: mandateDto },
  'mandates.amend': { input: mandateAmendment, output: mandateDto },
  'mandates.revoke': { input: z.object({ id, endedOn: isoDate, reason: optionalText(200) }), output: mandateDto },
  'sepaBatches.collect': { input: collectionInput, output: sepaBatchResultDto },
  'sepaBatches.refunds': { input: refundInput, output: sepaBatchResultDto },
  /** The exported file as it was written, kept in the administration. */
  'sepaBatches.file': { input: z.object({ id }), output: fileOutput },
  'sepaBatches.list': { input: z.object({ kind: z.enum(['collection', 'refund']).optional(), ...pageInput }), output: z.object({ rows: z.array(sepaBatchDto), total: z.number().int() }) },
});

import { z } from 'zod';
import { defineContract } from './define';
import { id, pageInput, requiredText } from './fields';
import { fileBytes } from './io';

/**
 * Bank statements (issue 12): import of a CAMT.053 or MT940 file (previewed as the real
 * operation rolled back, then committed from the held plan), the entries with the rule and
 * reason of each match, returns with their reason codes, and matching by hand.
 */
const iban = z.string().trim().regex(/^[A-Za-z]{2}\d{2}[A-Za-z0-9 ]{10,34}$/u, { message: 'IBAN_INVALID' });

export const bankSettings = z.object({
  /** The association's own accounts; a statement of another account is refused. Empty: the first statement's account becomes it. */
  accounts: z.array(iban).max(10).default([]),
  /** Charged to the debtor on every return (0: none). */
  returnFeeCents: z.number().int().min(0).max(10_000).default(0),
  /** Times an invoice is collected again after insufficient funds (AM04). */
  maxRetries: z.number().int().min(0).max(5).default(2),
});
export type BankSettings = z.output<typeof bankSettings>;

export const bankEntryStatus = z.enum(['matched', 'unmatched', 'returned', 'expanded', 'ignored']);
export const bankMatchRule = z.enum(['end_to_end_id', 'payment_reference', 'iban_amount', 'name_amount', 'manual', 'batch']);

/** Why: a code (bank.match.<code>) and its parameters. */
export const matchReason = z.object({ code: z.string() }).catchall(z.union([z.string(), z.number(), z.null()]));

export const bankEntryDto = z.object({
  id: z.string(),
  statementId: z.string(),
  parentEntryId: z.string().nullable(),
  kind: z.enum(['credit', 'debit', 'batch', 'return']),
  bookingDate: z.string(),
  amountCents: z.number().int(),
  counterpartyName: z.string().nullable(),
  counterpartyIban: z.string().nullable(),
  endToEndId: z.string().nullable(),
  structuredRef: z.string().nullable(),
  remittance: z.string().nullable(),
  returnCode: z.string().nullable(),
  status: bankEntryStatus,
  matchRule: bankMatchRule.nullable(),
  reason: matchReason,
  relationId: z.string().nullable(),
  relationName: z.string().nullable(),
  paymentId: z.string().nullable(),
});
export type BankEntryDto = z.infer<typeof bankEntryDto>;

export const bankReturnDto = z.object({
  id: z.string(),
  entryId: z.string(),
  bookingDate: z.string(),
  amountCents: z.number().int(),
  code: z.string(),
  codeText: z.string(),
  knownCode: z.boolean(),
  relationId: z.string().nullable(),
  relationName: z.string().nullable(),
  invoiceId: z.string().nullable(),
  invoiceNumber: z.string().nullable(),
  mandateEnded: z.boolean(),
  feeInvoiceNumber: z.string().nullable(),
  retry: z.enum(['wanted', 'exhausted', 'none']),
  taskKey: z.string().nullable(),
});
export type BankReturnDto = z.infer<typeof bankReturnDto>;

export const bankStatementDto = z.object({
  id: z.string(),
  format: z.enum(['camt053', 'mt940']),
  dialect: z.string(),
  accountIban: z.string(),
  statementRef: z.string().nullable(),
  fileName: z.string(),
  fromDate: z.string().nullable(),
  toDate: z.string().nullable(),
  entryCount: z.number().int(),
  duplicateCount: z.number().int(),
  createdAt: z.number().int(),
});

const counts = z.object({ matched: z.number().int(), unmatched: z.number().int(), returned: z.number().int(), expanded: z.number().int(), ignored: z.number().int() });

export const bankImportResult = z.object({
  saved: z.boolean(),
  dryRun: z.boolean(),
  statement: z.object({
    id: z.string().nullable(),
    format: z.enum(['camt053', 'mt940']),
    dialect: z.string(),
    accountIban: z.string(),
    fromDate: z.string().nullable(),
    toDate: z.string().nullable(),
    fileName: z.string(),
  }),
  entryCount: z.number().int(),
  duplicateCount: z.number().int(),
  newCount: z.number().int(),
  counts,
  /** The first new entries (itemLimit), with their outcome. */
  entries: z.array(bankEntryDto),
});
export type BankImportResult = z.infer<typeof bankImportResult>;

export const bankCandidateDto = z.object({
  invoiceId: z.string(),
  number: z.string(),
  relationId: z.string(),
  relationName: z.string(),
  dueDate: z.string(),
  openCents: z.number().int(),
  paymentReference: z.string(),
});

export const bankContract = defineContract({
  'bank.getSettings': { input: z.object({}), output: bankSettings },
  'bank.setSettings': { input: z.object({ settings: bankSettings }), output: bankSettings },
  /** Reads and matches a statement. dryRun (the default): the real import rolled back, held as a plan for bank.commit. */
  'bank.import': {
    input: z.object({ file: fileBytes, fileName: requiredText(255), dryRun: z.boolean().default(true), itemLimit: z.number().int().min(0).max(10_000).default(200), jobId: z.string().max(64).optional() }),
    output: bankImportResult.extend({ planId: z.string().nullable() }),
  },
  /** Saves the statement previewed by bank.import (its planId): the same operation, for real. */
  'bank.commit': { input: z.object({ planId: id, jobId: z.string().max(64).optional() }), output: bankImportResult },
  'bank.entries': {
    input: z.object({ status: bankEntryStatus.optional(), statementId: id.optional(), search: z.string().max(100).optional(), ...pageInput }),
    output: z.object({ rows: z.array(bankEntryDto), total: z.number().int() }),
  },
  'bank.returns': {
    input: z.object({ retry: z.enum(['wanted', 'exhausted', 'none']).optional(), ...pageInput }),
    output: z.object({ rows: z.array(bankReturnDto), total: z.number().int() }),
  },
  'bank.statements': { input: z.object({ ...pageInput }), output: z.object({ rows: z.array(bankStatementDto), total: z.number().int() }) },
  /** Open invoices an entry could pay: by number or name when searched, else the same amount first. */
  'bank.candidates': { input: z.object({ entryId: id, search: z.string().max(100).optional() }), output: z.object({ rows: z.array(bankCandidateDto) }) },
  /** Matches an unmatched entry by hand: a payment on the invoices chosen (in order), or for a return the reversal of the one chosen. */
  'bank.match': { input: z.object({ entryId: id, invoiceIds: z.array(id).min(1).max(50) }), output: bankEntryDto },
  'bank.ignore': { input: z.object({ entryId: id, note: requiredText(200) }), output: bankEntryDto },
  /** Undoes a match by hand (or an ignore): the payment goes, the entry is unmatched again. */
  'bank.unmatch': { input: z.object({ entryId: id }), output: bankEntryDto },
});

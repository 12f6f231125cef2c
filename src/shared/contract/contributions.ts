import { z } from 'zod';
import { defineContract } from './define';
import { id, isoDate, optionalBic, optionalEmail, optionalIban, optionalText, pageInput, requiredText } from './fields';
import { feeSchedule, paymentFrequency, paymentMethod } from './fee-schedule';
import { fileBytes, fileOutput } from './io';

const cents = z.number().int({ message: 'AMOUNT_NOT_CENTS' }).min(-100_000_000).max(100_000_000);
const periodCode = z.string().trim().regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,19}$/, { message: 'CODE_INVALID' });

// ── settings ───────────────────────────────────────────────────────────────
/**
 * The association itself, one setting for every document that names it: invoices and
 * reminders (sender), the EPC payment QR code (the account paid to) and SEPA files (the
 * creditor's name, IBAN and BIC).
 */
export const associationSettings = z.object({
  name: optionalText(70),
  addressLines: z.array(requiredText(70)).max(4).default([]),
  iban: optionalIban,
  bic: optionalBic,
  email: optionalEmail,
});
export type AssociationSettings = z.output<typeof associationSettings>;

export const invoicingSettings = z.object({
  /** Before the year in every number: 'C' gives C2027-00001. */
  invoicePrefix: z.string().trim().regex(/^[A-Za-z]{0,6}$/, { message: 'PREFIX_INVALID' }).default('C'),
  termDays: z.number().int().min(0).max(365).default(14),
  /** Days between reminder stages, and after the due date before the first. */
  reminderDays: z.number().int().min(1).max(365).default(14),
  /**
   * The reference printed on new invoices: the Dutch betalingskenmerk (16 digits, Dutch banks)
   * or the international RF creditor reference (ISO 11649, every SEPA bank). Both carry the
   * invoice's year and sequence; invoices already written keep theirs.
   */
  referenceKind: z.enum(['betalingskenmerk', 'rf']).default('betalingskenmerk'),
  /**
   * The association as it stands on invoices and reminders, and the account the EPC payment
   * QR code pays to. A view of the one association setting (core/association): the SEPA
   * creditor settings show the same name, IBAN and BIC.
   */
  sender: associationSettings.default({ name: null, addressLines: [], iban: null, bic: null, email: null }),
});
export type InvoicingSettings = z.output<typeof invoicingSettings>;

export const paymentSettingsFields = z
  .object({
    method: paymentMethod,
    frequency: paymentFrequency.default('jaar'),
    payerRelationId: id.nullable().default(null),
    exempt: z.boolean().default(false),
    exemptReason: optionalText(200),
    overrideCents: cents.min(0).nullable().default(null),
    overrideReason: optionalText(200),
  })
  .superRefine((s, ctx) => {
    if (s.exempt && !s.exemptReason) ctx.addIssue({ code: 'custom', path: ['exemptReason'], message: 'REASON_REQUIRED' });
    if (s.overrideCents !== null && !s.overrideReason) ctx.addIssue({ code: 'custom', path: ['overrideReason'], message: 'REASON_REQUIRED' });
  });
export const paymentSettingsDto = z.object({
  method: paymentMethod,
  frequency: paymentFrequency,
  payerRelationId: id.nullable(),
  payerName: z.string().nullable(),
  exempt: z.boolean(),
  exemptReason: z.string().nullable(),
  overrideCents: z.number().int().nullable(),
  overrideReason: z.string().nullable(),
});
export type PaymentSettingsDto = z.infer<typeof paymentSettingsDto>;

// ── schedules and runs ─────────────────────────────────────────────────────
export const feeScheduleVersionDto = z.object({
  id,
  periodCode: z.string(),
  version: z.number().int(),
  name: z.string().nullable(),
  start: z.string(),
  end: z.string(),
  createdAt: z.number().int(),
});

export const runLineDto = z.object({
  kind: z.enum(['contribution', 'surcharge', 'one_off']),
  memberRelationId: id.nullable(),
  memberName: z.string().nullable(),
  membershipTypeCode: z.string().nullable(),
  chargeCode: z.string().nullable(),
  description: z.string(),
  amountCents: z.number().int(),
});
export const runInvoiceDto = z.object({
  payerRelationId: id,
  payerNumber: z.number().int(),
  payerName: z.string(),
  method: paymentMethod,
  frequency: paymentFrequency,
  lines: z.array(runLineDto),
  totalCents: z.number().int(),
  instalments: z.array(z.object({ dueDate: z.string(), amountCents: z.number().int() })),
  /** Filled in by the commit. */
  number: z.string().nullable(),
});
export type RunInvoiceDto = z.infer<typeof runInvoiceDto>;
export const runProblemDto = z.object({ code: z.string(), relationId: id, name: z.string(), detail: z.string().nullable() });
export type RunProblemDto = z.infer<typeof runProblemDto>;

export const runResultDto = z.object({
  saved: z.boolean(),
  runId: id.nullable(),
  periodCode: z.string(),
  scheduleVersion: z.number().int(),
  invoiceCount: z.number().int(),
  lineCount: z.number().int(),
  totalCents: z.number().int(),
  alreadyBilled: z.number().int(),
  problems: z.array(runProblemDto),
  exempt: z.array(z.object({ relationId: id, name: z.string(), reason: z.string() })),
  /** The first `itemLimit` invoices (all counts and totals cover every invoice). */
  invoices: z.array(runInvoiceDto),
  /** A dry run without problems holds what it computed: committing this plan writes exactly that. */
  planId: z.string().nullable(),
});
export type RunResultDto = z.infer<typeof runResultDto>;

export const runDto = z.object({
  id,
  periodCode: z.string(),
  scheduleVersion: z.number().int(),
  invoiceDate: z.string(),
  status: z.enum(['open', 'closed']),
  invoiceCount: z.number().int(),
  totalCents: z.number().int(),
  createdAt: z.number().int(),
});
export type RunDto = z.infer<typeof runDto>;

// ── invoices, payments, open items ─────────────────────────────────────────
export const invoiceSummaryDto = z.object({
  id,
  number: z.string(),
  relationId: id,
  relationName: z.string(),
  relationNumber: z.number().int(),
  runId: id.nullable(),
  kind: z.enum(['invoice', 'credit']),
  invoiceDate: z.string(),
  dueDate: z.string(),
  paymentMethod,
  paymentReference: z.string(),
  description: z.string().nullable(),
  totalCents: z.number().int(),
  paidCents: z.number().int(),
  openCents: z.number().int(),
  sent: z.boolean(),
  reminderStage: z.number().int(),
});
export type InvoiceSummaryDto = z.infer<typeof invoiceSummaryDto>;

export const invoiceLineDto = z.object({
  id,
  position: z.number().int(),
  kind: z.string(),
  memberRelationId: id.nullable(),
  memberName: z.string().nullable(),
  description: z.string(),
  amountCents: z.number().int(),
  vatRate: z.number().int().nullable(),
});
export const invoiceDetailDto = invoiceSummaryDto.extend({
  lines: z.array(invoiceLineDto),
  instalments: z.array(z.object({ sequence: z.number().int(), dueDate: z.string(), amountCents: z.number().int(), openCents: z.number().int() })),
  allocations: z.array(z.object({ paymentId: id, paymentDate: z.string(), amountCents: z.number().int() })),
  reminders: z.array(z.object({ stage: z.number().int(), reminderDate: z.string(), deadline: z.string(), statedCostsCents: z.number().int() })),
  creditsInvoiceNumber: z.string().nullable(),
  creditedBy: z.array(z.string()),
});
export type InvoiceDetailDto = z.infer<typeof invoiceDetailDto>;

export const manualLine = z.object({
  description: requiredText(300, 'REQUIRED'),
  amountCents: cents,
  /** Basis points: 2100 = 21%. Omitted: no VAT (most associations are exempt). */
  vatRate: z.number().int().min(0).max(10_000).nullable().default(null),
});

export const paymentDto = z.object({
  id,
  relationId: id.nullable(),
  relationName: z.string().nullable(),
  paymentDate: z.string(),
  amountCents: z.number().int(),
  method: z.enum(['bank', 'incasso', 'contant']),
  reference: z.string().nullable(),
  allocations: z.array(z.object({ invoiceId: id, invoiceNumber: z.string(), amountCents: z.number().int() })),
  unallocatedCents: z.number().int(),
});
export type PaymentDto = z.infer<typeof paymentDto>;

export const AGEING_BUCKETS = ['notDue', 'd0_30', 'd31_60', 'd61_90', 'd90plus'] as const;
const buckets = z.object(Object.fromEntries(AGEING_BUCKETS.map((b) => [b, z.number().int()])) as Record<(typeof AGEING_BUCKETS)[number], z.ZodNumber>);
export const openItemDto = invoiceSummaryDto.extend({ daysOverdue: z.number().int(), buckets });
export type OpenItemDto = z.infer<typeof openItemDto>;

export const reminderResultDto = z.object({
  saved: z.boolean(),
  stage: z.number().int(),
  rows: z.array(
    z.object({ invoiceId: id, number: z.string(), relationName: z.string(), openCents: z.number().int(), deadline: z.string(), statedCostsCents: z.number().int() }),
  ),
});

const dryRun = z.boolean().default(false);

const documentRequest = z.object({
  format: z.enum(['docx', 'pdf']).default('pdf'),
  output: z.enum(['single', 'perInvoice']).default('single'),
  template: fileBytes.optional(),
  jobId: z.string().min(1).max(64).optional(),
});
const documentFile = fileOutput.extend({ documents: z.number().int() });

export const contributionsContract = defineContract({
  'contributions.getSettings': { input: z.object({}), output: invoicingSettings },
  'contributions.setSettings': { input: z.object({ settings: invoicingSettings }), output: invoicingSettings },
  'paymentSettings.get': { input: z.object({ relationId: id }), output: z.object({ settings: paymentSettingsDto.nullable() }) },
  'paymentSettings.set': {
    input: z.object({ relationId: id, settings: paymentSettingsFields.nullable() }),
    output: z.object({ settings: paymentSettingsDto.nullable() }),
  },
  'feeSchedules.list': { input: z.object({}), output: z.object({ rows: z.array(feeScheduleVersionDto) }) },
  'feeSchedules.get': {
    input: z.object({ periodCode, version: z.number().int().min(1).optional() }),
    output: z.object({ id, version: z.number().int(), schedule: feeSchedule }),
  },
  'feeSchedules.save': { input: z.object({ schedule: feeSchedule }), output: z.object({ id, version: z.number().int() }) },
  'contributionRuns.run': {
    input: z.object({
      periodCode,
      invoiceDate: isoDate.optional(),
      dryRun,
      itemLimit: z.number().int().min(0).max(1_000_000).default(500),
      /** Commit the plan a dry run returned (refused as RUN_DATA_CHANGED when data changed since). */
      planId: z.string().min(1).max(64).optional(),
      jobId: z.string().min(1).max(64).optional(),
    }),
    output: runResultDto,
  },
  'contributionRuns.list': { input: z.object({}), output: z.object({ rows: z.array(runDto) }) },
  'contributionRuns.undo': { input: z.object({ runId: id }), output: z.object({ removedInvoices: z.number().int() }) },
  'contributionRuns.close': { input: z.object({ runId: id }), output: runDto },
  'invoices.list': {
    input: z.object({ relationId: id.optional(), runId: id.optional(), open: z.boolean().default(false), ...pageInput }),
    output: z.object({ rows: z.array(invoiceSummaryDto), total: z.number().int() }),
  },
  'invoices.get': { input: z.object({ id: id.optional(), number: z.string().max(40).optional() }), output: invoiceDetailDto },
  'invoices.create': {
    input: z.object({
      relationId: id,
      invoiceDate: isoDate.optional(),
      dueDate: isoDate.optional(),
      paymentMethod: paymentMethod.optional(),
      description: optionalText(200),
      lines: z.array(manualLine).min(1).max(200),
    }),
    output: invoiceDetailDto,
  },
  'invoices.setLines': { input: z.object({ id, lines: z.array(manualLine).min(1).max(200) }), output: invoiceDetailDto },
  'invoices.markSent': { input: z.object({ ids: z.array(id).min(1).max(1_000_000) }), output: z.object({ sent: z.number().int() }) },
  'invoices.credit': { input: z.object({ id, reason: optionalText(200), invoiceDate: isoDate.optional() }), output: invoiceDetailDto },
  'payments.add': {
    input: z
      .object({
        invoiceIds: z.array(id).max(500).default([]),
        relationId: id.optional(),
        amountCents: cents.refine((c) => c > 0, { message: 'AMOUNT_NOT_POSITIVE' }),
        date: isoDate,
        method: z.enum(['bank', 'incasso', 'contant']).default('bank'),
        reference: optionalText(140),
        note: optionalText(500),
      })
      .superRefine((p, ctx) => {
        if (p.invoiceIds.length === 0 && !p.relationId) ctx.addIssue({ code: 'custom', path: ['invoiceIds'], message: 'REQUIRED' });
      }),
    output: paymentDto,
  },
  'payments.list': { input: z.object({ relationId: id.optional(), ...pageInput }), output: z.object({ rows: z.array(paymentDto), total: z.number().int() }) },
  'payments.remove': { input: z.object({ id }), output: z.object({ removed: z.boolean() }) },
  'openItems.list': {
    input: z.object({ asOf: isoDate.optional(), relationId: id.optional(), olderThanDays: z.number().int().min(0).optional(), ...pageInput }),
    output: z.object({ rows: z.array(openItemDto), total: z.number().int(), totals: buckets, openCents: z.number().int() }),
  },
  'contributions.ofRelation': {
    input: z.object({ relationId: id }),
    output: z.object({
      settings: paymentSettingsDto.nullable(),
      invoices: z.array(invoiceSummaryDto),
      payments: z.array(paymentDto),
      invoicedCents: z.number().int(),
      paidCents: z.number().int(),
      /** Positive: the relation owes; negative: the association owes (an overpayment). */
      balanceCents: z.number().int(),
    }),
  },
  'reminders.run': {
    input: z.object({ stage: z.number().int().min(1).max(3), date: isoDate.optional(), dryRun }),
    output: reminderResultDto,
  },
  /** Invoice letters of a run or of the invoices named: .docx (the user's template or the shipped one) or PDF, one file or a zip per invoice. */
  'invoices.documents': {
    input: documentRequest
      .extend({ runId: id.optional(), invoiceIds: z.array(id).max(200_000).optional() })
      .refine((q) => q.runId !== undefined || (q.invoiceIds?.length ?? 0) > 0, { path: ['invoiceIds'], message: 'REQUIRED' }),
    output: documentFile,
  },
  /** The letters of the reminders of one stage recorded on one date (default today). */
  'reminders.documents': {
    input: documentRequest.extend({ stage: z.number().int().min(1).max(3), date: isoDate.optional() }),
    output: documentFile,
  },
});

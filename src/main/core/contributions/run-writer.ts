import { withPageCacheOfAtLeast } from '../db/page-cache';
import type { CoreContext } from '../context';
import { addDays } from '../../../shared/dutch/dates';
import { suspendInsertAudit } from '../exchange/set-based-audit';
import { invoiceWriter } from './invoice-writer';
import type { RunInvoice } from './run-model';

interface RunHeader {
  runId: string;
  periodCode: string;
  invoiceDate: string;
  termDays: number;
  description: string;
}

/**
 * Writes a run's invoices (inside the run's operation) and returns their numbers in order.
 * A run writes three rows per invoice; their audit rows are written set-based at the end by
 * the bulk-load mechanism (exchange/set-based-audit.ts): the very rows the insert triggers
 * would write, at a fraction of the cost.
 */
export function writeRunInvoices(ctx: CoreContext, run: RunHeader, invoices: RunInvoice[]): string[] {
  const writer = invoiceWriter(ctx);
  // As the bulk load does: a large run touches more index pages than the default cache holds.
  return withPageCacheOfAtLeast(ctx.sqlite, invoices.length > 10_000 ? 262_144 : 0, () => writeAll(writer, run, invoices, ctx));
}

function writeAll(writer: ReturnType<typeof invoiceWriter>, run: RunHeader, invoices: RunInvoice[], ctx: CoreContext): string[] {
  const suspended = ['invoices', 'invoice_lines', 'invoice_instalments'].map((t) => suspendInsertAudit(ctx.sqlite, t));
  try {
    return writer
      .writeMany(
        invoices.map((inv) => ({
          relationId: inv.payerRelationId,
          runId: run.runId,
          kind: 'invoice',
          creditsInvoiceId: null,
          invoiceDate: run.invoiceDate,
          dueDate: inv.instalments[0]?.dueDate ?? addDays(run.invoiceDate, run.termDays),
          paymentMethod: inv.method,
          description: run.description,
          lines: inv.lines.map((l) => ({
            kind: l.kind,
            memberRelationId: l.memberRelationId,
            periodCode: l.kind === 'contribution' ? run.periodCode : null,
            membershipTypeCode: l.membershipTypeCode,
            chargeCode: l.chargeCode,
            description: l.description,
            amountCents: l.amountCents,
            vatRate: null,
          })),
          instalments: inv.instalments,
        })),
      )
      .map((w) => w.number);
  } finally {
    for (const s of suspended) s?.resume();
  }
}

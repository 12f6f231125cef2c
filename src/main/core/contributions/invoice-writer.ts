import type { CoreContext } from '../context';
import { makePaymentReference } from '../../../shared/dutch/payment-reference';
import { makeRfReference } from '../../../shared/dutch/rf-reference';
import type { PaymentMethod } from '../../../shared/contract/fee-schedule';
import { getInvoicingSettings } from './invoicing-settings';
import { insertRows } from '../db/bulk-insert';

export interface NewLine {
  kind: 'contribution' | 'surcharge' | 'one_off' | 'manual' | 'credit';
  memberRelationId: string | null;
  periodCode: string | null;
  membershipTypeCode: string | null;
  chargeCode: string | null;
  description: string;
  amountCents: number;
  vatRate: number | null;
}

export interface NewInvoice {
  relationId: string;
  runId: string | null;
  kind: 'invoice' | 'credit';
  creditsInvoiceId: string | null;
  invoiceDate: string;
  dueDate: string;
  paymentMethod: PaymentMethod;
  description: string | null;
  lines: NewLine[];
  instalments: { dueDate: string; amountCents: number }[];
}

const INVOICE_COLUMNS = ['id', 'number', 'year', 'sequence', 'relation_id', 'run_id', 'kind', 'credits_invoice_id', 'invoice_date', 'due_date', 'payment_method',
  'payment_reference', 'description', 'total_cents', 'created_at', 'updated_at'] as const;
const LINE_COLUMNS = ['id', 'invoice_id', 'position', 'kind', 'member_relation_id', 'period_code', 'membership_type_code', 'charge_code', 'description', 'amount_cents', 'vat_rate'] as const;
const INSTALMENT_COLUMNS = ['id', 'invoice_id', 'sequence', 'due_date', 'amount_cents'] as const;

/** One invoice's rows, in the column order above. */
interface InvoiceRows {
  id: string;
  number: string;
  invoice: unknown[];
  lines: unknown[][];
  instalments: unknown[][];
}

/**
 * Writes invoices with their lines and instalments, numbering them without gaps per year
 * (the next number is the year's highest + 1, and only the newest numbers can ever be
 * removed, by undoing a run). Must run inside an operation. `write` inserts one invoice at
 * once (the caller may read it back); `writeMany` inserts a run's invoices table by table
 * with multi-row INSERTs (db/bulk-insert.ts): the same rows in the same order.
 */
export function invoiceWriter(ctx: CoreContext) {
  const { invoicePrefix, referenceKind } = getInvoicingSettings(ctx);
  const reference = referenceKind === 'rf' ? makeRfReference : makePaymentReference;
  const maxSeq = ctx.sqlite.prepare('SELECT coalesce(max(sequence), 0) AS n FROM invoices WHERE year = ?');
  const next = new Map<number, number>();
  const now = ctx.now();
  // Ids in insertion order: appending to the primary keys and to audit_log's record index
  // instead of inserting at random places is what keeps a run of 100,000 invoices in seconds.
  // The file's compact ids (db/record-ids.ts) are in that order already and short, one per
  // row; injected ids (tests) get one per writer and a counter, as before. Ids stay opaque text.
  const base = ctx.recordIds ? null : ctx.newId();
  const idOf = (parent: string, suffix: string) => (base === null ? ctx.newId() : `${parent}${suffix}`);
  let count = 0;

  function rowsOf(inv: NewInvoice): InvoiceRows {
    const year = Number(inv.invoiceDate.slice(0, 4));
    const sequence = (next.get(year) ?? (maxSeq.get(year) as { n: number }).n) + 1;
    next.set(year, sequence);
    const id = idOf(base ?? '', `.${String(++count).padStart(7, '0')}`);
    const number = `${invoicePrefix}${year}-${String(sequence).padStart(5, '0')}`;
    const totalCents = inv.lines.reduce((s, l) => s + l.amountCents, 0);
    const invoice = [
      id, number, year, sequence, inv.relationId, inv.runId, inv.kind, inv.creditsInvoiceId, inv.invoiceDate, inv.dueDate, inv.paymentMethod,
      reference(`${year}${String(sequence).padStart(11, '0')}`), inv.description, totalCents, now, now,
    ];
    const lines = inv.lines.map((l, position) => [
      idOf(id, `.l${String(position).padStart(3, '0')}`), id, position, l.kind, l.memberRelationId, l.periodCode, l.membershipTypeCode, l.chargeCode, l.description, l.amountCents, l.vatRate,
    ]);
    const parts = inv.instalments.length > 0 ? inv.instalments : [{ dueDate: inv.dueDate, amountCents: totalCents }];
    const instalments = parts.map((p, k) => [idOf(id, `.t${String(k + 1).padStart(2, '0')}`), id, k + 1, p.dueDate, p.amountCents]);
    return { id, number, invoice, lines, instalments };
  }

  function insertAll(written: InvoiceRows[]): void {
    // Parents first: every line's and instalment's invoice exists when it is inserted.
    insertRows(ctx.sqlite, 'invoices', INVOICE_COLUMNS, written.map((w) => w.invoice));
    insertRows(ctx.sqlite, 'invoice_lines', LINE_COLUMNS, written.flatMap((w) => w.lines));
    insertRows(ctx.sqlite, 'invoice_instalments', INSTALMENT_COLUMNS, written.flatMap((w) => w.instalments));
  }

  return {
    write(inv: NewInvoice): { id: string; number: string } {
      const rows = rowsOf(inv);
      insertAll([rows]);
      return { id: rows.id, number: rows.number };
    },
    writeMany(invoices: readonly NewInvoice[]): { id: string; number: string }[] {
      const rows = invoices.map(rowsOf);
      insertAll(rows);
      return rows.map((r) => ({ id: r.id, number: r.number }));
    },
  };
}

import type { CoreContext } from '../context';
import { makePaymentReference } from '../../../shared/dutch/payment-reference';
import { makeRfReference } from '../../../shared/dutch/rf-reference';
import type { PaymentMethod } from '../../../shared/contract/fee-schedule';
import { getInvoicingSettings } from './invoicing-settings';

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

/**
 * Writes invoices with their lines and instalments, numbering them without gaps per year
 * (the next number is the year's highest + 1, and only the newest numbers can ever be
 * removed, by undoing a run). Must run inside an operation. Prepared once per call, so a
 * run of 100,000 invoices is three prepared INSERTs in a loop.
 */
export function invoiceWriter(ctx: CoreContext) {
  const { invoicePrefix, referenceKind } = getInvoicingSettings(ctx);
  const reference = referenceKind === 'rf' ? makeRfReference : makePaymentReference;
  const maxSeq = ctx.sqlite.prepare('SELECT coalesce(max(sequence), 0) AS n FROM invoices WHERE year = ?');
  // Positional parameters: at 100,000 invoices binding by name costs more than the inserts.
  const insertInvoice = ctx.sqlite.prepare(
    `INSERT INTO invoices (id, number, year, sequence, relation_id, run_id, kind, credits_invoice_id, invoice_date, due_date, payment_method,
                           payment_reference, description, total_cents, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertLine = ctx.sqlite.prepare(
    `INSERT INTO invoice_lines (id, invoice_id, position, kind, member_relation_id, period_code, membership_type_code, charge_code, description, amount_cents, vat_rate)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertInstalment = ctx.sqlite.prepare(
    'INSERT INTO invoice_instalments (id, invoice_id, sequence, due_date, amount_cents) VALUES (?, ?, ?, ?, ?)',
  );
  const next = new Map<number, number>();
  const now = ctx.now();
  // Ids in insertion order (one fresh id per writer, then a counter): appending to the primary
  // keys and to audit_log's record index instead of inserting at random places is what keeps
  // a run of 100,000 invoices in seconds. Ids stay opaque text.
  const base = ctx.newId();
  let count = 0;
  return {
    write(inv: NewInvoice): { id: string; number: string } {
      const year = Number(inv.invoiceDate.slice(0, 4));
      const sequence = (next.get(year) ?? (maxSeq.get(year) as { n: number }).n) + 1;
      next.set(year, sequence);
      const id = `${base}.${String(++count).padStart(7, '0')}`;
      const number = `${invoicePrefix}${year}-${String(sequence).padStart(5, '0')}`;
      const totalCents = inv.lines.reduce((s, l) => s + l.amountCents, 0);
      insertInvoice.run(
        id, number, year, sequence, inv.relationId, inv.runId, inv.kind, inv.creditsInvoiceId, inv.invoiceDate, inv.dueDate, inv.paymentMethod,
        reference(`${year}${String(sequence).padStart(11, '0')}`), inv.description, totalCents, now, now,
      );
      inv.lines.forEach((l, position) =>
        insertLine.run(`${id}.l${String(position).padStart(3, '0')}`, id, position, l.kind, l.memberRelationId, l.periodCode, l.membershipTypeCode, l.chargeCode, l.description, l.amountCents, l.vatRate),
      );
      const parts = inv.instalments.length > 0 ? inv.instalments : [{ dueDate: inv.dueDate, amountCents: totalCents }];
      parts.forEach((p, k) => insertInstalment.run(`${id}.t${String(k + 1).padStart(2, '0')}`, id, k + 1, p.dueDate, p.amountCents));
      return { id, number };
    },
  };
}

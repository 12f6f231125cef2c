import type { CoreContext } from '../context';
import type { Operation } from '../audit/operation-writer';
import { statement } from '../db/statement-cache';
import { DomainError, notFound } from '../../../shared/errors';
import { AGEING_BUCKETS, type OpenItemDto, type PaymentDto } from '../../../shared/contract/contributions';
import { daysBetween } from '../../../shared/dutch/dates';
import { getRelationRow } from '../relations/relations.repo';
import { INVOICE_FIGURES, OPEN_EXPR, instalmentsWithOpen, toSummary, type FigureRow } from './invoices.repo';

interface AddPayment {
  invoiceIds: string[];
  relationId?: string | undefined;
  amountCents: number;
  date: string;
  method: 'bank' | 'incasso' | 'contant';
  reference: string | null;
  note: string | null;
}

const openOf = (f: FigureRow) => (f.kind === 'credit' ? 0 : f.total_cents - f.paid - f.credited);

/**
 * Registers a payment and allocates it: to the invoices named, in that order, or else to the
 * relation's oldest open invoices. A payment smaller than what is open leaves the rest open
 * (partial); what is left over stays unallocated as the payer's credit (overpayment).
 */
export function addPayment(ctx: CoreContext, p: AddPayment): PaymentDto {
  return ctx.write('payments.add', { invoiceIds: p.invoiceIds, amountCents: p.amountCents }, (op) => {
    // The filter sits inside the figures query, on the indexed columns: as a CTE SQLite computed every invoice's figures first.
    const figures = (where: string, arg: unknown, outer = '1 = 1') =>
      statement(ctx.sqlite, `SELECT * FROM (${INVOICE_FIGURES} WHERE ${where}) f WHERE ${outer}`).all(arg) as FigureRow[];
    let targets: FigureRow[];
    if (p.invoiceIds.length > 0) {
      const found = new Map(figures('i.id IN (SELECT value FROM json_each(?))', JSON.stringify(p.invoiceIds)).map((f) => [f.id, f]));
      targets = p.invoiceIds.map((id) => {
        const f = found.get(id);
        if (!f) throw notFound('invoice', id);
        return f;
      });
      const debtors = new Set(targets.map((t) => t.relation_id));
      if (debtors.size > 1 || (p.relationId && !debtors.has(p.relationId))) {
        throw new DomainError('VALIDATION_FAILED', undefined, [{ field: 'invoiceIds', code: 'INVOICES_OF_SEVERAL_RELATIONS' }]);
      }
    } else {
      getRelationRow(ctx, p.relationId!);
      targets = figures('i.relation_id = ?', p.relationId, `${OPEN_EXPR} > 0 ORDER BY f.due_date, f.year, f.sequence`);
    }
    return bookPayment(ctx, op, p, targets.map((t) => ({ id: t.id, number: t.number, relationId: t.relation_id, relationName: t.relation_name, openCents: openOf(t) })));
  });
}

/** An invoice a payment is allocated to, as the caller already knows it (its open amount now). */
export interface PaymentTarget {
  id: string;
  number: string;
  relationId: string;
  relationName: string;
  openCents: number;
}

/**
 * addPayment for a caller that already holds the invoices' figures and keeps them up to date
 * itself (a bank statement books thousands in one operation): the same rows, without reading
 * each invoice again. The targets must be one relation's.
 */
export function addPaymentTo(ctx: CoreContext, p: AddPayment, targets: PaymentTarget[]): PaymentDto {
  return ctx.write('payments.add', { invoiceIds: p.invoiceIds, amountCents: p.amountCents }, (op) => bookPayment(ctx, op, p, targets));
}

function bookPayment(ctx: CoreContext, op: Operation, p: AddPayment, targets: PaymentTarget[]): PaymentDto {
  const relationId = targets[0]?.relationId ?? p.relationId ?? null;
  const paymentId = ctx.newId();
  statement(ctx.sqlite, 'INSERT INTO payments (id, relation_id, payment_date, amount_cents, method, reference, note, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)').run(
    paymentId, relationId, p.date, p.amountCents, p.method, p.reference, p.note, ctx.now(),
  );
  const allocate = statement(ctx.sqlite, 'INSERT INTO payment_allocations (id, payment_id, invoice_id, amount_cents) VALUES (?, ?, ?, ?)');
  let left = p.amountCents;
  const allocations: PaymentDto['allocations'] = [];
  for (const t of targets) {
    const share = Math.min(left, Math.max(0, t.openCents));
    if (share <= 0) continue;
    allocate.run(ctx.newId(), paymentId, t.id, share);
    allocations.push({ invoiceId: t.id, invoiceNumber: t.number, amountCents: share });
    left -= share;
  }
  op.changed('contributions.changed', { paymentId });
  // What was just written, without reading it back (a bank statement books thousands in one go).
  if (targets.length === 0) return getPayments(ctx, { id: paymentId, offset: 0, limit: 1 }).rows[0]!;
  return { id: paymentId, relationId, relationName: targets[0]!.relationName, paymentDate: p.date, amountCents: p.amountCents, method: p.method, reference: p.reference, allocations, unallocatedCents: left };
}

/**
 * Money that went back out: a returned or refunded direct debit (the invoice is open again by
 * what it had been paid, never more) or a refund paid out of a credit (no invoice). Booked
 * as a negative payment so the relation's balance and History show it; the allocation is
 * negative on the invoice it reopens.
 */
export function addReversal(
  ctx: CoreContext,
  r: { relationId: string; invoiceId: string | null; amountCents: number; date: string; method: 'bank' | 'incasso'; reference: string | null; note: string | null },
): { paymentId: string; reopenedCents: number } {
  return ctx.write('payments.add', { invoiceIds: r.invoiceId ? [r.invoiceId] : [], amountCents: -r.amountCents }, (op) => {
    let reopened = 0;
    if (r.invoiceId) {
      const { paid } = statement(ctx.sqlite, 'SELECT coalesce(sum(amount_cents), 0) AS paid FROM payment_allocations WHERE invoice_id = ?').get(r.invoiceId) as { paid: number };
      reopened = Math.max(0, Math.min(r.amountCents, paid));
    }
    const paymentId = ctx.newId();
    statement(
        ctx.sqlite,
'INSERT INTO payments (id, relation_id, payment_date, amount_cents, method, reference, note, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
      .run(paymentId, r.relationId, r.date, -r.amountCents, r.method, r.reference, r.note, ctx.now());
    if (reopened > 0) statement(ctx.sqlite, 'INSERT INTO payment_allocations (id, payment_id, invoice_id, amount_cents) VALUES (?, ?, ?, ?)').run(ctx.newId(), paymentId, r.invoiceId, -reopened);
    op.changed('contributions.changed', { paymentId, ...(r.invoiceId ? { invoiceId: r.invoiceId } : {}) });
    return { paymentId, reopenedCents: reopened };
  });
}

export function removePayment(ctx: CoreContext, id: string): { removed: boolean } {
  return ctx.write('payments.remove', { id }, (op) => {
    statement(ctx.sqlite, 'DELETE FROM payment_allocations WHERE payment_id = ?').run(id);
    const removed = statement(ctx.sqlite, 'DELETE FROM payments WHERE id = ?').run(id).changes > 0;
    if (!removed) throw notFound('payment', id);
    op.changed('contributions.changed', { paymentId: id });
    return { removed };
  });
}

export function getPayments(ctx: CoreContext, q: { id?: string; relationId?: string | undefined; offset: number; limit: number }): { rows: PaymentDto[]; total: number } {
  const [where, arg] = q.id ? ['p.id = ?', q.id] : q.relationId ? ['p.relation_id = ?', q.relationId] : ['1 = ?', 1];
  const rows = ctx.sqlite
    .prepare(
      `SELECT p.id, p.relation_id AS relationId, r.display_name AS relationName, p.payment_date AS paymentDate, p.amount_cents AS amountCents,
              p.method, p.reference,
              coalesce((SELECT json_group_array(json_object('invoiceId', a.invoice_id, 'invoiceNumber', i.number, 'amountCents', a.amount_cents))
                          FROM payment_allocations a JOIN invoices i ON i.id = a.invoice_id WHERE a.payment_id = p.id), '[]') AS allocations
         FROM payments p LEFT JOIN relations r ON r.id = p.relation_id WHERE ${where}
        ORDER BY p.payment_date DESC, p.created_at DESC LIMIT ? OFFSET ?`,
    )
    .all(arg, q.limit, q.offset) as (Omit<PaymentDto, 'allocations' | 'unallocatedCents'> & { allocations: string })[];
  const { n } = statement(ctx.sqlite, `SELECT count(*) AS n FROM payments p WHERE ${where}`).get(arg) as { n: number };
  return {
    rows: rows.map((r) => {
      const allocations = JSON.parse(r.allocations) as PaymentDto['allocations'];
      return { ...r, allocations, unallocatedCents: r.amountCents - allocations.reduce((s, a) => s + a.amountCents, 0) };
    }),
    total: n,
  };
}

type Bucket = (typeof AGEING_BUCKETS)[number];
function bucketOf(daysOverdue: number): Bucket {
  if (daysOverdue < 0) return 'notDue';
  if (daysOverdue <= 30) return 'd0_30';
  if (daysOverdue <= 60) return 'd31_60';
  if (daysOverdue <= 90) return 'd61_90';
  return 'd90plus';
}
const emptyBuckets = () => Object.fromEntries(AGEING_BUCKETS.map((b) => [b, 0])) as Record<Bucket, number>;

/**
 * Open items with ageing: each instalment's open part counts in the bucket of its own days
 * past due (an invoice paid in quarters is partly current, partly late).
 */
export function openItems(ctx: CoreContext, q: { asOf: string; relationId?: string | undefined; olderThanDays?: number | undefined; offset: number; limit: number }) {
  const rows = ctx.sqlite
    .prepare(`WITH f AS (${INVOICE_FIGURES}) SELECT * FROM f WHERE ${OPEN_EXPR} > 0 ${q.relationId ? 'AND f.relation_id = @relationId' : ''} ORDER BY f.due_date, f.year, f.sequence`)
    .all(q.relationId ? { relationId: q.relationId } : {}) as FigureRow[];
  const parts = ctx.sqlite
    .prepare(
      `SELECT invoice_id AS invoiceId, sequence, due_date AS dueDate, amount_cents AS amountCents FROM invoice_instalments
        WHERE invoice_id IN (SELECT value FROM json_each(?)) ORDER BY invoice_id, sequence`,
    )
    .all(JSON.stringify(rows.map((r) => r.id))) as { invoiceId: string; sequence: number; dueDate: string; amountCents: number }[];
  const byInvoice = new Map<string, typeof parts>();
  for (const p of parts) byInvoice.set(p.invoiceId, [...(byInvoice.get(p.invoiceId) ?? []), p]);
  const totals = emptyBuckets();
  const items: OpenItemDto[] = [];
  for (const f of rows) {
    const buckets = emptyBuckets();
    let oldest = Number.NEGATIVE_INFINITY;
    for (const inst of instalmentsWithOpen(byInvoice.get(f.id) ?? [{ sequence: 1, dueDate: f.due_date, amountCents: f.total_cents }], f.paid + f.credited)) {
      if (inst.openCents <= 0) continue;
      const days = daysBetween(inst.dueDate, q.asOf);
      buckets[bucketOf(days)] += inst.openCents;
      oldest = Math.max(oldest, days);
    }
    if (q.olderThanDays !== undefined && oldest <= q.olderThanDays) continue;
    for (const b of AGEING_BUCKETS) totals[b] += buckets[b];
    items.push({ ...toSummary(f), daysOverdue: Math.max(0, oldest), buckets });
  }
  return {
    rows: items.slice(q.offset, q.offset + q.limit),
    total: items.length,
    totals,
    openCents: AGEING_BUCKETS.reduce((s, b) => s + totals[b], 0),
  };
}

/** What a relation was billed and paid: the balance is the difference (negative: a credit). */
export function relationBalance(ctx: CoreContext, relationId: string) {
  const { invoiced } = ctx.sqlite.prepare('SELECT coalesce(sum(total_cents), 0) AS invoiced FROM invoices WHERE relation_id = ?').get(relationId) as { invoiced: number };
  const { paid } = ctx.sqlite.prepare('SELECT coalesce(sum(amount_cents), 0) AS paid FROM payments WHERE relation_id = ?').get(relationId) as { paid: number };
  return { invoicedCents: invoiced, paidCents: paid, balanceCents: invoiced - paid };
}

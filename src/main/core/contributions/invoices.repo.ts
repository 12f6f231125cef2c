import type { CoreContext } from '../context';
import { notFound } from '../../../shared/errors';
import type { InvoiceDetailDto, InvoiceSummaryDto } from '../../../shared/contract/contributions';

/**
 * Paid, credited and open are computed from allocations and credit notes, never stored.
 * A credit note settles the invoice it credits; its own open amount is zero.
 */
export const INVOICE_FIGURES = `
  SELECT i.*, r.display_name AS relation_name, r.number AS relation_number,
         coalesce((SELECT sum(a.amount_cents) FROM payment_allocations a WHERE a.invoice_id = i.id), 0) AS paid,
         coalesce((SELECT -sum(c.total_cents) FROM invoices c WHERE c.credits_invoice_id = i.id), 0) AS credited,
         coalesce((SELECT max(m.stage) FROM invoice_reminders m WHERE m.invoice_id = i.id), 0) AS stage
    FROM invoices i JOIN relations r ON r.id = i.relation_id`;

export const OPEN_EXPR = `CASE WHEN f.kind = 'credit' THEN 0 ELSE f.total_cents - f.paid - f.credited END`;

export interface FigureRow {
  id: string;
  number: string;
  relation_id: string;
  relation_name: string;
  relation_number: number;
  run_id: string | null;
  kind: 'invoice' | 'credit';
  invoice_date: string;
  due_date: string;
  payment_method: InvoiceSummaryDto['paymentMethod'];
  payment_reference: string;
  description: string | null;
  total_cents: number;
  paid: number;
  credited: number;
  stage: number;
  sent_at: number | null;
  credits_invoice_id: string | null;
}

export function toSummary(r: FigureRow): InvoiceSummaryDto {
  return {
    id: r.id,
    number: r.number,
    relationId: r.relation_id,
    relationName: r.relation_name,
    relationNumber: r.relation_number,
    runId: r.run_id,
    kind: r.kind,
    invoiceDate: r.invoice_date,
    dueDate: r.due_date,
    paymentMethod: r.payment_method,
    paymentReference: r.payment_reference,
    description: r.description,
    totalCents: r.total_cents,
    paidCents: r.paid,
    openCents: r.kind === 'credit' ? 0 : Math.max(0, r.total_cents - r.paid - r.credited),
    sent: r.sent_at !== null,
    reminderStage: r.stage,
  };
}

export function listInvoices(ctx: CoreContext, q: { relationId?: string | undefined; runId?: string | undefined; open: boolean; offset: number; limit: number }) {
  const where: string[] = [];
  const args: Record<string, unknown> = { offset: q.offset, limit: q.limit };
  if (q.relationId) {
    where.push('f.relation_id = @relationId');
    args.relationId = q.relationId;
  }
  if (q.runId) {
    where.push('f.run_id = @runId');
    args.runId = q.runId;
  }
  if (q.open) where.push(`${OPEN_EXPR} > 0`);
  const sql = `WITH f AS (${INVOICE_FIGURES}) SELECT * FROM f ${where.length ? `WHERE ${where.join(' AND ')}` : ''}`;
  const rows = ctx.sqlite.prepare(`${sql} ORDER BY f.year DESC, f.sequence DESC LIMIT @limit OFFSET @offset`).all(args) as FigureRow[];
  const { n } = ctx.sqlite.prepare(`SELECT count(*) AS n FROM (${sql})`).get(args) as { n: number };
  return { rows: rows.map(toSummary), total: n };
}

export function invoiceIdByNumber(ctx: CoreContext, number: string): string {
  const row = ctx.sqlite.prepare('SELECT id FROM invoices WHERE number = ? COLLATE NOCASE').get(number.trim()) as { id: string } | undefined;
  if (!row) throw notFound('invoice', number);
  return row.id;
}

export function getFigures(ctx: CoreContext, id: string): FigureRow {
  const row = ctx.sqlite.prepare(`WITH f AS (${INVOICE_FIGURES}) SELECT * FROM f WHERE f.id = ?`).get(id) as FigureRow | undefined;
  if (!row) throw notFound('invoice', id);
  return row;
}

/** Instalments are settled in due order by what was paid or credited. */
export function instalmentsWithOpen(parts: { sequence: number; dueDate: string; amountCents: number }[], settled: number) {
  let left = settled;
  return parts.map((p) => {
    const covered = Math.max(0, Math.min(p.amountCents, left));
    left -= covered;
    return { ...p, openCents: p.amountCents - covered };
  });
}

/**
 * Reads invoices with every detail, its statements prepared once: letters for a run of
 * thousands read them one after another.
 */
export function invoiceReader(ctx: CoreContext): (id: string) => InvoiceDetailDto {
  const figures = ctx.sqlite.prepare(`WITH f AS (${INVOICE_FIGURES}) SELECT * FROM f WHERE f.id = ?`);
  const lineRows = ctx.sqlite.prepare(
    `SELECT l.id, l.position, l.kind, l.member_relation_id AS memberRelationId, r.display_name AS memberName, l.description,
            l.amount_cents AS amountCents, l.vat_rate AS vatRate
       FROM invoice_lines l LEFT JOIN relations r ON r.id = l.member_relation_id WHERE l.invoice_id = ? ORDER BY l.position`,
  );
  const partRows = ctx.sqlite.prepare('SELECT sequence, due_date AS dueDate, amount_cents AS amountCents FROM invoice_instalments WHERE invoice_id = ? ORDER BY sequence');
  const allocationRows = ctx.sqlite.prepare(
    `SELECT a.payment_id AS paymentId, p.payment_date AS paymentDate, a.amount_cents AS amountCents
       FROM payment_allocations a JOIN payments p ON p.id = a.payment_id WHERE a.invoice_id = ? ORDER BY p.payment_date, a.id`,
  );
  const reminderRows = ctx.sqlite.prepare(
    `SELECT stage, reminder_date AS reminderDate, deadline, stated_costs_cents AS statedCostsCents FROM invoice_reminders WHERE invoice_id = ? ORDER BY stage`,
  );
  const creditRows = ctx.sqlite.prepare('SELECT number FROM invoices WHERE credits_invoice_id = ? ORDER BY sequence');
  const numberOf = ctx.sqlite.prepare('SELECT number FROM invoices WHERE id = ?');
  return (id) => {
    const f = figures.get(id) as FigureRow | undefined;
    if (!f) throw notFound('invoice', id);
    const parts = partRows.all(id) as { sequence: number; dueDate: string; amountCents: number }[];
    const original = f.credits_invoice_id ? (numberOf.get(f.credits_invoice_id) as { number: string }) : null;
    return {
      ...toSummary(f),
      lines: lineRows.all(id) as InvoiceDetailDto['lines'],
      instalments: f.kind === 'credit' ? parts.map((p) => ({ ...p, openCents: 0 })) : instalmentsWithOpen(parts, f.paid + f.credited),
      allocations: allocationRows.all(id) as InvoiceDetailDto['allocations'],
      reminders: reminderRows.all(id) as InvoiceDetailDto['reminders'],
      creditsInvoiceNumber: original?.number ?? null,
      creditedBy: (creditRows.all(id) as { number: string }[]).map((c) => c.number),
    };
  };
}

export function getInvoice(ctx: CoreContext, id: string): InvoiceDetailDto {
  return invoiceReader(ctx)(id);
}

import type { CoreContext } from '../context';
import { addDays } from '../../../shared/dutch/dates';
import { DomainError } from '../../../shared/errors';
import type { PaymentMethod } from '../../../shared/contract/fee-schedule';
import type { InvoiceDetailDto } from '../../../shared/contract/contributions';
import { getRelationRow } from '../relations/relations.repo';
import { invoiceWriter, type NewLine } from './invoice-writer';
import { getInvoicingSettings } from './invoicing-settings';
import { getFigures, getInvoice } from './invoices.repo';

interface ManualLine {
  description: string;
  amountCents: number;
  vatRate: number | null;
}

const manual = (l: ManualLine): NewLine => ({ kind: 'manual', memberRelationId: null, periodCode: null, membershipTypeCode: null, chargeCode: null, ...l });

/** A one-off invoice by hand (a kit deposit, a late entry fee): numbered like any other. */
export function createInvoice(
  ctx: CoreContext,
  input: { relationId: string; invoiceDate?: string | undefined; dueDate?: string | undefined; paymentMethod?: PaymentMethod | undefined; description: string | null; lines: ManualLine[] },
): InvoiceDetailDto {
  return ctx.write('invoices.create', { relationId: input.relationId }, (op) => {
    getRelationRow(ctx, input.relationId);
    const invoiceDate = input.invoiceDate ?? ctx.today();
    const method =
      input.paymentMethod ??
      ((ctx.sqlite.prepare('SELECT method FROM payment_settings WHERE relation_id = ?').get(input.relationId) as { method: PaymentMethod } | undefined)?.method ?? 'factuur');
    if (input.lines.reduce((s, l) => s + l.amountCents, 0) < 0) throw new DomainError('VALIDATION_FAILED', undefined, [{ field: 'lines', code: 'NEGATIVE_TOTAL' }]);
    const { id } = invoiceWriter(ctx).write({
      relationId: input.relationId,
      runId: null,
      kind: 'invoice',
      creditsInvoiceId: null,
      invoiceDate,
      dueDate: input.dueDate ?? addDays(invoiceDate, getInvoicingSettings(ctx).termDays),
      paymentMethod: method,
      description: input.description,
      lines: input.lines.map(manual),
      instalments: [],
    });
    op.changed('contributions.changed', { invoiceId: id });
    return getInvoice(ctx, id);
  });
}

/** Lines can change until the invoice is sent; the instalments follow the new total. */
export function setInvoiceLines(ctx: CoreContext, id: string, lines: ManualLine[]): InvoiceDetailDto {
  return ctx.write('invoices.setLines', { id }, (op) => {
    const f = getFigures(ctx, id);
    if (f.sent_at !== null) throw new DomainError('CONFLICT', { reason: 'INVOICE_SENT', id });
    if (f.kind === 'credit' || f.paid > 0 || f.credited > 0) throw new DomainError('CONFLICT', { reason: 'INVOICE_SETTLED', id });
    const total = lines.reduce((s, l) => s + l.amountCents, 0);
    if (total < 0) throw new DomainError('VALIDATION_FAILED', undefined, [{ field: 'lines', code: 'NEGATIVE_TOTAL' }]);
    // Lines a run wrote keep their keys (member, period, type), so an edited line still counts as billed.
    const old = ctx.sqlite.prepare('SELECT * FROM invoice_lines WHERE invoice_id = ? ORDER BY position').all(id) as Record<string, unknown>[];
    ctx.sqlite.prepare('DELETE FROM invoice_lines WHERE invoice_id = ?').run(id);
    const insert = ctx.sqlite.prepare(
      `INSERT INTO invoice_lines (id, invoice_id, position, kind, member_relation_id, period_code, membership_type_code, charge_code, description, amount_cents, vat_rate)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    lines.forEach((l, i) => {
      const o = old[i];
      insert.run(ctx.newId(), id, i, o?.kind ?? 'manual', o?.member_relation_id ?? null, o?.period_code ?? null, o?.membership_type_code ?? null, o?.charge_code ?? null, l.description, l.amountCents, l.vatRate);
    });
    const parts = ctx.sqlite.prepare('SELECT id, amount_cents AS a FROM invoice_instalments WHERE invoice_id = ? ORDER BY sequence').all(id) as { id: string; a: number }[];
    const share = Math.trunc(total / Math.max(1, parts.length));
    const update = ctx.sqlite.prepare('UPDATE invoice_instalments SET amount_cents = ? WHERE id = ?');
    parts.forEach((p, k) => update.run(k === 0 ? total - share * (parts.length - 1) : share, p.id));
    ctx.sqlite.prepare('UPDATE invoices SET total_cents = ?, updated_at = ? WHERE id = ?').run(total, ctx.now(), id);
    op.changed('contributions.changed', { invoiceId: id });
    return getInvoice(ctx, id);
  });
}

/** Sending (or exporting) an invoice closes its run: from then on only credit notes correct it. */
export function markSent(ctx: CoreContext, ids: string[]): { sent: number } {
  return ctx.write('invoices.markSent', { count: ids.length }, (op) => {
    const json = JSON.stringify(ids);
    const sent = ctx.sqlite.prepare('UPDATE invoices SET sent_at = ?, updated_at = ? WHERE sent_at IS NULL AND id IN (SELECT value FROM json_each(?))').run(ctx.now(), ctx.now(), json).changes;
    ctx.sqlite
      .prepare(`UPDATE contribution_runs SET status = 'closed', closed_at = ? WHERE status = 'open' AND id IN (SELECT run_id FROM invoices WHERE id IN (SELECT value FROM json_each(?)))`)
      .run(ctx.now(), json);
    op.changed('contributions.changed', { invoiceIds: ids });
    return { sent };
  });
}

/**
 * A credit note instead of deleting: the lines negated (or the rest, after an earlier partial
 * credit). What was already paid becomes the relation's credit, a refund due.
 */
export function creditInvoice(ctx: CoreContext, id: string, reason: string | null, invoiceDate?: string): InvoiceDetailDto {
  return ctx.write('invoices.credit', { id }, (op) => {
    const f = getFigures(ctx, id);
    if (f.kind === 'credit') throw new DomainError('CONFLICT', { reason: 'IS_CREDIT_NOTE', id });
    if (f.credited >= f.total_cents) throw new DomainError('CONFLICT', { reason: 'ALREADY_CREDITED', id });
    const lines = ctx.sqlite.prepare('SELECT * FROM invoice_lines WHERE invoice_id = ? ORDER BY position').all(id) as Record<string, string | number | null>[];
    const date = invoiceDate ?? ctx.today();
    const full = f.credited === 0;
    const newLines: NewLine[] = full
      ? lines.map((l) => ({ ...manual({ description: `Creditering: ${String(l.description)}`, amountCents: -Number(l.amount_cents), vatRate: l.vat_rate === null ? null : Number(l.vat_rate) }), kind: 'credit' }))
      : [{ ...manual({ description: `Creditering rest factuur ${f.number}`, amountCents: -(f.total_cents - f.credited), vatRate: null }), kind: 'credit' }];
    const { id: creditId } = invoiceWriter(ctx).write({
      relationId: f.relation_id,
      runId: null,
      kind: 'credit',
      creditsInvoiceId: id,
      invoiceDate: date,
      dueDate: date,
      paymentMethod: f.payment_method,
      description: reason ? `Creditnota bij ${f.number}: ${reason}` : `Creditnota bij ${f.number}`,
      lines: newLines,
      instalments: [],
    });
    op.changed('contributions.changed', { invoiceId: creditId });
    return getInvoice(ctx, creditId);
  });
}

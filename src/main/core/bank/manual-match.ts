import type { CoreContext } from '../context';
import { DomainError, notFound } from '../../../shared/errors';
import { formatAmount } from '../../../shared/dutch/money';
import type { BankEntryDto } from '../../../shared/contract/bank';
import { addPayment, addReversal, removePayment } from '../contributions/payments';
import { getEntry } from './bank.repo';
import type { MatchReason } from './match-rules';

const refuse = (reason: string) => new DomainError('CONFLICT', { reason });

function entryOrThrow(ctx: CoreContext, entryId: string): BankEntryDto {
  const e = getEntry(ctx, entryId);
  if (!e) throw notFound('bankEntry', entryId);
  return e;
}

const setOutcome = (ctx: CoreContext, id: string, o: { status: string; rule: string | null; reason: MatchReason; relationId: string | null; paymentId: string | null }) =>
  ctx.sqlite
    .prepare('UPDATE bank_entries SET status = ?, match_rule = ?, match_reason = ?, relation_id = ?, payment_id = ?, updated_at = ? WHERE id = ?')
    .run(o.status, o.rule, JSON.stringify(o.reason), o.relationId, o.paymentId, ctx.now(), id);

/**
 * The treasurer matches an entry the rules left: money in becomes a payment on the invoices
 * chosen (partial, over and combined as addPayment books them); a return whose collection
 * was not found reopens the invoice chosen.
 */
export function matchByHand(ctx: CoreContext, entryId: string, invoiceIds: string[]): BankEntryDto {
  return ctx.write('bank.match', { entryId, invoiceIds }, (op) => {
    const e = entryOrThrow(ctx, entryId);
    if (e.status !== 'unmatched') throw refuse('BANK_ENTRY_NOT_OPEN');
    if (invoiceIds.length === 0) throw refuse('BANK_MATCH_NO_INVOICES');
    if (e.amountCents >= 0) {
      const p = addPayment(ctx, { invoiceIds, amountCents: e.amountCents, date: e.bookingDate, method: 'bank', reference: e.endToEndId ?? e.structuredRef, note: 'Bankafschrift, met de hand gekoppeld' });
      const numbers = p.allocations.map((a) => a.invoiceNumber).join(', ') || invoiceIds.join(', ');
      const fit = invoiceIds.length > 1 ? 'combined' : p.unallocatedCents > 0 ? 'over' : 'exact';
      setOutcome(ctx, entryId, { status: 'matched', rule: 'manual', reason: { code: 'MANUAL', invoices: numbers, fit, over: formatAmount(p.unallocatedCents) }, relationId: p.relationId, paymentId: p.id });
    } else {
      const inv = ctx.sqlite.prepare('SELECT id, number, relation_id AS relationId FROM invoices WHERE id = ?').get(invoiceIds[0]) as { id: string; number: string; relationId: string } | undefined;
      if (!inv) throw notFound('invoice', invoiceIds[0]!);
      const r = addReversal(ctx, { relationId: inv.relationId, invoiceId: inv.id, amountCents: -e.amountCents, date: e.bookingDate, method: e.kind === 'return' ? 'incasso' : 'bank', reference: e.endToEndId, note: 'Bankafschrift, met de hand gekoppeld' });
      ctx.sqlite.prepare('UPDATE bank_returns SET invoice_id = ?, relation_id = ?, reversal_payment_id = ? WHERE entry_id = ?').run(inv.id, inv.relationId, r.paymentId, entryId);
      setOutcome(ctx, entryId, { status: e.kind === 'return' ? 'returned' : 'matched', rule: 'manual', reason: { code: 'MANUAL', invoices: inv.number, fit: 'exact' }, relationId: inv.relationId, paymentId: r.paymentId });
    }
    op.changed('bank.changed', { entryIds: [entryId] });
    return entryOrThrow(ctx, entryId);
  });
}

/** Not a contribution (bank costs, a grant): out of the list, with the treasurer's note. */
export function ignoreEntry(ctx: CoreContext, entryId: string, note: string): BankEntryDto {
  return ctx.write('bank.ignore', { entryId }, (op) => {
    const e = entryOrThrow(ctx, entryId);
    if (e.status !== 'unmatched') throw refuse('BANK_ENTRY_NOT_OPEN');
    setOutcome(ctx, entryId, { status: 'ignored', rule: 'manual', reason: { code: 'IGNORED', note }, relationId: null, paymentId: null });
    op.changed('bank.changed', { entryIds: [entryId] });
    return entryOrThrow(ctx, entryId);
  });
}

/** Takes back a match by hand or an ignore: the payment it booked goes, the entry waits again. */
export function unmatchEntry(ctx: CoreContext, entryId: string): BankEntryDto {
  return ctx.write('bank.unmatch', { entryId }, (op) => {
    const e = entryOrThrow(ctx, entryId);
    if (e.matchRule !== 'manual') throw refuse('BANK_ENTRY_NOT_MATCHED');
    setOutcome(ctx, entryId, { status: 'unmatched', rule: null, reason: { code: e.amountCents < 0 ? 'DEBIT' : 'NO_MATCH' }, relationId: null, paymentId: null });
    if (e.paymentId) {
      ctx.sqlite.prepare('UPDATE bank_returns SET invoice_id = NULL, relation_id = NULL, reversal_payment_id = NULL WHERE entry_id = ?').run(entryId);
      removePayment(ctx, e.paymentId);
    }
    op.changed('bank.changed', { entryIds: [entryId] });
    return entryOrThrow(ctx, entryId);
  });
}

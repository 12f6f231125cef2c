import type { CoreContext } from '../context';
import { validatePaymentReference } from '../../../shared/dutch/payment-reference';
import { foldName, type BookInvoice, type OpenBook } from './open-book';

/** Why an entry was matched (or not): a code with what the reason text needs. */
export interface MatchReason {
  code: string;
  [param: string]: string | number | null | undefined;
}

export type MatchRule = 'end_to_end_id' | 'payment_reference' | 'iban_amount' | 'name_amount' | 'manual' | 'batch';

export type CreditMatch = { rule: MatchRule; reason: MatchReason; relationId: string; invoices: BookInvoice[] } | { rule: null; reason: MatchReason };

export interface CreditFacts {
  amountCents: number;
  endToEndId: string | null;
  structuredRef: string | null;
  remittance: string | null;
  counterpartyIban: string | null;
  counterpartyName: string | null;
}

interface InvoiceKey {
  id: string;
  number: string;
  relation_id: string;
}

/**
 * The matching rules, in order, for money coming in: EndToEndId (our own collection, booked
 * one by one) → a structured reference (betalingskenmerk, RF, or the invoice number in the
 * description) → IBAN + amount → name + amount. The first rule that finds something decides,
 * and says why; when a rule finds more than one candidate the entry waits for the treasurer.
 */
export function createMatcher(ctx: CoreContext, book: OpenBook) {
  const byE2e = ctx.sqlite.prepare(
    `SELECT bi.invoice_id AS invoiceId, bi.relation_id AS relationId, b.kind FROM sepa_batch_items bi JOIN sepa_batches b ON b.id = bi.batch_id WHERE bi.end_to_end_id = ?`,
  );
  const byKenmerk = ctx.sqlite.prepare('SELECT id, number, relation_id FROM invoices WHERE year = ? AND sequence = ? AND payment_reference = ?');
  const byNumber = ctx.sqlite.prepare('SELECT id, number, relation_id FROM invoices WHERE number = ?');
  const invoiceRow = ctx.sqlite.prepare('SELECT id, number, relation_id, due_date AS dueDate, payment_reference AS paymentReference FROM invoices WHERE id = ?');

  /** An invoice as the book knows it, or (paid already) with nothing open. */
  function bookInvoice(id: string): BookInvoice | null {
    const known = book.invoices.get(id);
    if (known) return known;
    const r = invoiceRow.get(id) as (InvoiceKey & { dueDate: string; paymentReference: string }) | undefined;
    if (!r) return null;
    return { id: r.id, number: r.number, relationId: r.relation_id, relationName: book.relation(r.relation_id).name, dueDate: r.dueDate, paymentReference: r.paymentReference, openCents: 0 };
  }

  function collectionItem(e2e: string | null): { invoiceId: string | null; relationId: string; kind: 'collection' | 'refund' } | null {
    if (!e2e) return null;
    return (byE2e.get(e2e) as { invoiceId: string | null; relationId: string; kind: 'collection' | 'refund' } | undefined) ?? null;
  }

  function kenmerkInvoice(ref: string): InvoiceKey | null {
    const v = validatePaymentReference(ref);
    if (!v.ok || v.value.length !== 16) return null;
    return (byKenmerk.get(Number(v.value.slice(1, 5)), Number(v.value.slice(5)), v.value) as InvoiceKey | undefined) ?? null;
  }

  function referencesIn(f: CreditFacts): { code: string; ref: string; inv: InvoiceKey }[] {
    const found: { code: string; ref: string; inv: InvoiceKey }[] = [];
    const add = (code: string, ref: string, inv: InvoiceKey | null) => {
      if (inv && !found.some((x) => x.inv.id === inv.id)) found.push({ code, ref, inv });
    };
    const tryRef = (raw: string) => {
      const s = raw.replace(/[\s.]/gu, '').toUpperCase();
      if (/^RF\d{2}[A-Z0-9]{1,21}$/u.test(s)) {
        if (!validRf(s)) return;
        const payload = s.slice(4).replace(/^0+(?=\d{16}$)/u, '');
        add('RF_REFERENCE', s, kenmerkInvoice(payload) ?? ((byNumber.get(payload) as InvoiceKey | undefined) ?? null));
      } else if (/^\d{16}$/u.test(s)) add('PAYMENT_REFERENCE', s, kenmerkInvoice(s));
    };
    if (f.structuredRef) tryRef(f.structuredRef);
    const text = f.remittance ?? '';
    for (const m of text.matchAll(/(?<![\d])(\d{4}[ .]?\d{4}[ .]?\d{4}[ .]?\d{4})(?![\d])/gu)) tryRef(m[1]!);
    for (const m of text.toUpperCase().matchAll(/\bRF\d{2}[A-Z0-9]{1,21}\b/gu)) tryRef(m[0]);
    for (const m of text.toUpperCase().matchAll(/\b([A-Z]{0,6}\d{4}-\d{5})\b/gu)) add('INVOICE_NUMBER', m[1]!, (byNumber.get(m[1]) as InvoiceKey | undefined) ?? null);
    return found;
  }

  function matchCredit(f: CreditFacts): CreditMatch {
    // 1. EndToEndId: one of our own collections, booked on its own.
    const item = collectionItem(f.endToEndId);
    if (item?.kind === 'collection' && item.invoiceId) {
      const inv = bookInvoice(item.invoiceId);
      if (inv) return { rule: 'end_to_end_id', reason: { code: 'E2E', ref: f.endToEndId }, relationId: inv.relationId, invoices: [inv] };
    }
    // 2. A structured payment reference, or invoice numbers in the text (one transfer may pay several).
    const refs = referencesIn(f);
    if (refs.length > 0) {
      const relationId = refs[0]!.inv.relation_id;
      const invoices = refs.filter((r) => r.inv.relation_id === relationId).map((r) => bookInvoice(r.inv.id)!);
      return { rule: 'payment_reference', reason: { code: refs[0]!.code, ref: refs[0]!.ref }, relationId, invoices };
    }
    // 3. The account the money came from, and the amount.
    if (f.counterpartyIban) {
      const owners = [...(book.relationsByIban.get(f.counterpartyIban) ?? [])];
      const open = owners.flatMap((r) => book.openOf(r));
      const exact = open.filter((i) => i.openCents === f.amountCents);
      const exactOwners = new Set(exact.map((i) => i.relationId));
      if (exactOwners.size === 1) return { rule: 'iban_amount', reason: { code: 'IBAN_AMOUNT', iban: f.counterpartyIban }, relationId: exact[0]!.relationId, invoices: [exact[0]!] };
      if (exactOwners.size > 1) return { rule: null, reason: { code: 'SEVERAL_CANDIDATES', invoices: exact.map((i) => i.number).join(', ') } };
      for (const owner of owners) {
        const mine = book.openOf(owner);
        if (mine.length > 1 && mine.reduce((s, i) => s + i.openCents, 0) === f.amountCents) {
          return { rule: 'iban_amount', reason: { code: 'IBAN_COMBINED', iban: f.counterpartyIban }, relationId: owner, invoices: mine };
        }
      }
    }
    // 4. The payer's name and the amount.
    if (f.counterpartyName) {
      const words = new Set(foldName(f.counterpartyName).split(' '));
      const fits = book.withOpenAmount(f.amountCents).filter((i) => {
        const s = book.relation(i.relationId).surname;
        return s !== null && s.length > 1 && words.has(s);
      });
      const owners = new Set(fits.map((i) => i.relationId));
      if (owners.size === 1) return { rule: 'name_amount', reason: { code: 'NAME_AMOUNT', name: f.counterpartyName }, relationId: fits[0]!.relationId, invoices: [fits[0]!] };
      if (owners.size > 1) return { rule: null, reason: { code: 'SEVERAL_CANDIDATES', invoices: fits.map((i) => i.number).join(', ') } };
    }
    return { rule: null, reason: { code: 'NO_MATCH' } };
  }

  return { matchCredit, collectionItem, bookInvoice };
}

/** ISO 11649: move the first four characters to the end, letters as 10..35, mod 97 = 1. */
function validRf(s: string): boolean {
  const moved = s.slice(4) + s.slice(0, 4);
  let rest = 0;
  for (const ch of moved) {
    const v = /\d/u.test(ch) ? ch : String(ch.charCodeAt(0) - 55);
    for (const d of v) rest = (rest * 10 + Number(d)) % 97;
  }
  return rest === 1;
}

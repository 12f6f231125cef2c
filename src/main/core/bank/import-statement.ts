import { createHash } from 'node:crypto';
import type { CoreContext } from '../context';
import { writeOrPreview, type Operation } from '../audit/operation-writer';
import { addPaymentTo, addReversal } from '../contributions/payments';
import { createInvoice } from '../contributions/invoices';
import { ensureSystemTask, RETURN_TASK_PREFIX } from '../tasks/system-tasks';
import { endMandate } from '../sepa/mandate-status';
import { addDays } from '../../../shared/dutch/dates';
import { formatAmount } from '../../../shared/dutch/money';
import { normalizeIban } from '../../../shared/dutch/iban';
import { getBankSettings } from './bank-settings';
import { OpenBook, type BookInvoice } from './open-book';
import { createMatcher, type MatchReason, type MatchRule } from './match-rules';
import { returnCodeText, returnPolicy } from './return-policy';
import { readStatement } from './read-statement';
import { badStatement, type ParsedStatement, type StatementEntry } from './statement';
import { listEntries } from './bank.repo';
import { suspendInsertAudits } from '../exchange/set-based-audit';
import type { BankImportResult } from '../../../shared/contract/bank';

export interface ImportOptions {
  bytes: Uint8Array;
  fileName: string;
  dryRun: boolean;
  /** How many of the new entries the result lists (the counts always cover all). */
  itemLimit: number;
  onProgress?: ((done: number, total: number) => void) | undefined;
}

type Status = 'matched' | 'unmatched' | 'returned' | 'expanded' | 'ignored';

interface EntryRow {
  parentEntryId: string | null;
  kind: 'credit' | 'debit' | 'batch' | 'return';
  e: Omit<StatementEntry, 'transactions' | 'batchCount'>;
}


/**
 * Reads a statement and books it as one operation: new entries only (the bank's reference,
 * with the account, is remembered, so an overlapping statement adds nothing twice), batch
 * credits expanded into their transactions, every credit matched by the rules in order,
 * every return handled (invoice reopened, mandate ended where the code says so, optional
 * fee, a task, a retry mark). The dry run is this very operation rolled back.
 */
export function importStatement(ctx: CoreContext, opts: ImportOptions): BankImportResult {
  const parsed = readStatement(opts.bytes);
  const fileHash = createHash('sha256').update(opts.bytes).digest('hex');
  const summary = { fileName: opts.fileName, account: parsed.accountIban, entries: parsed.entries.length };
  // A statement read before in full adds nothing: run it rolled back, so not even an operation is recorded.
  const known = ctx.sqlite.prepare('SELECT 1 FROM bank_entries WHERE account_iban = ? AND bank_ref = ?').pluck();
  const nothingNew = parsed.entries.every((e) => known.get(parsed.accountIban, e.bankRef));
  const { saved, result } = writeOrPreview(ctx.write, opts.dryRun || nothingNew, 'bank.import', summary, (op) => bookStatement(ctx, op, parsed, { ...opts, fileHash }));
  return { ...result, saved: saved && result.newCount > 0, dryRun: opts.dryRun };
}

function checkAccount(ctx: CoreContext, iban: string): void {
  const settings = getBankSettings(ctx);
  const own = new Set([...settings.accounts.map(normalizeIban), ...(ctx.sqlite.prepare('SELECT DISTINCT account_iban AS a FROM bank_statements').all() as { a: string }[]).map((r) => r.a)]);
  if (own.size > 0 && !own.has(iban)) throw badStatement('BANK_WRONG_ACCOUNT', { found: iban, expected: [...own].join(', ') });
}

function bookStatement(ctx: CoreContext, op: Operation, parsed: ParsedStatement, opts: ImportOptions & { fileHash: string }): Omit<BankImportResult, 'saved' | 'dryRun'> {
  checkAccount(ctx, parsed.accountIban);
  const settings = getBankSettings(ctx);
  const now = ctx.now();
  const statementId = ctx.newId();
  const known = ctx.sqlite.prepare('SELECT 1 FROM bank_entries WHERE account_iban = ? AND bank_ref = ?').pluck();
  const fresh = parsed.entries.filter((e) => !known.get(parsed.accountIban, e.bankRef));
  const duplicateCount = parsed.entries.length - fresh.length;
  if (fresh.length > 0) ctx.sqlite
    .prepare(
      `INSERT INTO bank_statements (id, format, dialect, account_iban, statement_ref, file_name, file_hash, from_date, to_date, opening_cents, closing_cents, entry_count, duplicate_count, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(statementId, parsed.format, parsed.dialect, parsed.accountIban, parsed.statementRef, opts.fileName, opts.fileHash, parsed.fromDate, parsed.toDate, parsed.openingCents, parsed.closingCents, parsed.entries.length, duplicateCount, now);

  const book = new OpenBook(ctx);
  const matcher = createMatcher(ctx, book);
  const insert = ctx.sqlite.prepare(
    `INSERT INTO bank_entries (id, statement_id, account_iban, bank_ref, parent_entry_id, kind, booking_date, value_date, amount_cents, counterparty_name, counterparty_iban,
        end_to_end_id, mandate_ref, pmt_inf_id, structured_ref, remittance, bank_tx_code, return_code, status, match_rule, match_reason, relation_id, payment_id, created_at, updated_at)
     VALUES (@id, @statementId, @account, @bankRef, @parentEntryId, @kind, @bookingDate, @valueDate, @amountCents, @counterpartyName, @counterpartyIban,
        @endToEndId, @mandateRef, @pmtInfId, @structuredRef, @remittance, @bankTxCode, @returnCode, @status, @matchRule, @matchReason, @relationId, @paymentId, @now, @now)`,
  );
  const counts = { matched: 0, unmatched: 0, returned: 0, expanded: 0, ignored: 0 };
  const newIds: string[] = [];

  function write(row: EntryRow, outcome: { status: Status; rule: MatchRule | null; reason: MatchReason; relationId: string | null; paymentId: string | null }, id = ctx.newId()): string {
    const { e } = row;
    insert.run({
      id,
      statementId,
      account: parsed.accountIban,
      bankRef: e.bankRef,
      parentEntryId: row.parentEntryId,
      kind: row.kind,
      bookingDate: e.bookingDate,
      valueDate: e.valueDate,
      amountCents: e.amountCents,
      counterpartyName: e.counterpartyName,
      counterpartyIban: e.counterpartyIban,
      endToEndId: e.endToEndId,
      mandateRef: e.mandateRef,
      pmtInfId: e.pmtInfId,
      structuredRef: e.structuredRef,
      remittance: e.remittance,
      bankTxCode: e.bankTxCode,
      returnCode: e.returnCode,
      status: outcome.status,
      matchRule: outcome.rule,
      matchReason: JSON.stringify(outcome.reason),
      relationId: outcome.relationId,
      paymentId: outcome.paymentId,
      now,
    });
    counts[outcome.status]++;
    newIds.push(id);
    return id;
  }

  /** Books a payment on the matched invoices and says how the amount fitted. */
  function pay(e: EntryRow['e'], relationId: string, invoices: BookInvoice[], method: 'bank' | 'incasso', note: string): { paymentId: string; fit: MatchReason } {
    const open = invoices.reduce((s, i) => s + i.openCents, 0);
    // The book holds each invoice's open amount as of this entry: no re-read per payment.
    const p = addPaymentTo(ctx, {
      invoiceIds: invoices.map((i) => i.id),
      relationId,
      amountCents: e.amountCents,
      date: e.bookingDate,
      method,
      reference: e.endToEndId ?? e.structuredRef ?? e.bankRef,
      note,
    }, invoices);
    for (const a of p.allocations) book.paid(a.invoiceId, a.amountCents);
    const fit = invoices.length > 1 ? 'combined' : e.amountCents < open ? 'partial' : e.amountCents > open ? 'over' : 'exact';
    return {
      paymentId: p.id,
      fit: { code: fit, invoices: invoices.map((i) => i.number).join(', '), relation: book.relation(relationId).name, open: formatAmount(Math.max(0, open - e.amountCents)), over: formatAmount(p.unallocatedCents) },
    };
  }

  function credit(row: EntryRow, batch: string | null): void {
    const { e } = row;
    const m = matcher.matchCredit(e);
    if (m.rule === null) {
      write(row, { status: 'unmatched', rule: null, reason: m.reason, relationId: null, paymentId: null });
      return;
    }
    const viaBatch = batch !== null && m.rule === 'end_to_end_id';
    const { paymentId, fit } = pay(e, m.relationId, m.invoices, m.rule === 'end_to_end_id' ? 'incasso' : 'bank', `Bankafschrift ${opts.fileName}`);
    const reason: MatchReason = { ...m.reason, ...(viaBatch ? { code: 'BATCH_E2E', batch } : {}), invoices: fit['invoices'], relation: fit['relation'], fit: fit.code, open: fit['open'], over: fit['over'] };
    write(row, { status: 'matched', rule: viaBatch ? 'batch' : m.rule, reason, relationId: m.relationId, paymentId });
  }

  function debit(row: EntryRow): void {
    const { e } = row;
    const item = matcher.collectionItem(e.endToEndId);
    if (item?.kind === 'refund') {
      // A refund we paid out of a member's credit (our pain.001): the credit is used up.
      const r = addReversal(ctx, { relationId: item.relationId, invoiceId: null, amountCents: -e.amountCents, date: e.bookingDate, method: 'bank', reference: e.endToEndId, note: `Terugbetaling, bankafschrift ${opts.fileName}` });
      write(row, { status: 'matched', rule: 'end_to_end_id', reason: { code: 'REFUND_PAID', ref: e.endToEndId, relation: book.relation(item.relationId).name }, relationId: item.relationId, paymentId: r.paymentId });
      return;
    }
    write(row, { status: 'unmatched', rule: null, reason: { code: 'DEBIT' }, relationId: null, paymentId: null });
  }

  const itemOf = ctx.sqlite.prepare(
    `SELECT bi.id, bi.invoice_id AS invoiceId, bi.relation_id AS relationId, bi.mandate_id AS mandateId FROM sepa_batch_items bi WHERE bi.end_to_end_id = ?`,
  );
  const byMandateRef = ctx.sqlite.prepare(`SELECT id, relation_id AS relationId FROM sepa_mandates WHERE reference = ?`);
  const earlierRetries = ctx.sqlite.prepare(`SELECT count(*) FROM bank_returns WHERE invoice_id = ? AND retry <> 'none'`).pluck();
  const insertReturn = ctx.sqlite.prepare(
    `INSERT INTO bank_returns (id, entry_id, code, code_text, batch_item_id, invoice_id, relation_id, mandate_id, reversal_payment_id, mandate_ended, fee_invoice_id, task_key, retry, created_at)
     VALUES (@id, @entryId, @code, @codeText, @batchItemId, @invoiceId, @relationId, @mandateId, @reversalPaymentId, @mandateEnded, @feeInvoiceId, @taskKey, @retry, @now)`,
  );

  function returned(row: EntryRow): void {
    const { e } = row;
    const code = (e.returnCode ?? 'MS03').toUpperCase();
    const codeText = returnCodeText(code, e.returnText);
    const item = e.endToEndId ? (itemOf.get(e.endToEndId) as { id: string; invoiceId: string | null; relationId: string; mandateId: string | null } | undefined) : undefined;
    const mandate = !item && e.mandateRef ? (byMandateRef.get(e.mandateRef) as { id: string; relationId: string } | undefined) : undefined;
    const relationId = item?.relationId ?? mandate?.relationId ?? null;
    const mandateId = item?.mandateId ?? mandate?.id ?? null;
    const invoice = item?.invoiceId ? matcher.bookInvoice(item.invoiceId) : null;
    const entryId = ctx.newId();
    const amount = Math.abs(e.amountCents);
    if (!relationId) {
      write(row, { status: 'unmatched', rule: null, reason: { code: 'RETURN_NO_INVOICE', ref: e.endToEndId ?? e.mandateRef, returnCode: code }, relationId: null, paymentId: null }, entryId);
      insertReturn.run({ id: ctx.newId(), entryId, code, codeText, batchItemId: null, invoiceId: null, relationId: null, mandateId: null, reversalPaymentId: null, mandateEnded: 0, feeInvoiceId: null, taskKey: null, retry: 'none', now });
      return;
    }
    const relationName = book.relation(relationId).name;
    const reversal = addReversal(ctx, { relationId, invoiceId: invoice?.id ?? null, amountCents: amount, date: e.bookingDate, method: 'incasso', reference: e.endToEndId, note: `Storno ${code}: ${codeText}` });
    if (invoice) book.paid(invoice.id, -reversal.reopenedCents);
    const policy = returnPolicy(code);
    const ended = policy.endsMandate && mandateId ? endMandate(ctx, mandateId, { code, date: e.bookingDate }).ended : false;
    let feeInvoiceId: string | null = null;
    if (settings.returnFeeCents > 0) {
      const fee = createInvoice(ctx, {
        relationId,
        invoiceDate: ctx.today(),
        paymentMethod: 'factuur',
        description: 'Stornokosten',
        lines: [{ description: `Stornokosten ${code}${invoice ? ` (factuur ${invoice.number})` : ''}`, amountCents: settings.returnFeeCents, vatRate: null }],
      });
      feeInvoiceId = fee.id;
    }
    let retry: 'wanted' | 'exhausted' | 'none' = 'none';
    if (policy.retry && invoice) retry = (earlierRetries.get(invoice.id) as number) < settings.maxRetries ? 'wanted' : 'exhausted';
    const taskKey = `${RETURN_TASK_PREFIX}${entryId}`;
    const actions = [
      invoice ? `Factuur ${invoice.number} staat weer open (${formatAmount(reversal.reopenedCents)}).` : null,
      ended ? 'De machtiging is beëindigd; vraag een nieuwe machtiging of laat per factuur betalen.' : null,
      feeInvoiceId ? `Stornokosten ${formatAmount(settings.returnFeeCents)} in rekening gebracht.` : null,
      retry === 'wanted' ? 'Wordt opnieuw geïncasseerd in de volgende herhaalbatch.' : retry === 'exhausted' ? `Al ${settings.maxRetries} keer opnieuw geïncasseerd: vraag om betaling per overboeking.` : null,
    ].filter(Boolean);
    ensureSystemTask(ctx, {
      systemKey: taskKey,
      title: `Incasso gestorneerd (${code}): ${relationName}`,
      notes: `${codeText}. ${actions.join(' ')}`.trim(),
      relationId,
      dueDate: addDays(ctx.today(), 7),
    });
    write(
      row,
      {
        status: 'returned',
        rule: 'end_to_end_id',
        reason: { code: 'RETURN', returnCode: code, ref: e.endToEndId, invoices: invoice?.number ?? '—', relation: relationName },
        relationId,
        paymentId: reversal.paymentId,
      },
      entryId,
    );
    insertReturn.run({ id: ctx.newId(), entryId, code, codeText, batchItemId: item?.id ?? null, invoiceId: invoice?.id ?? null, relationId, mandateId, reversalPaymentId: reversal.paymentId, mandateEnded: ended ? 1 : 0, feeInvoiceId, taskKey, retry, now });
    op.changed('tasks.changed', {});
  }

  const batchItems = ctx.sqlite.prepare(
    `SELECT bi.end_to_end_id AS endToEndId, bi.amount_cents AS amountCents, bi.iban, bi.mandate_id AS mandateId, r.display_name AS name
       FROM sepa_batch_items bi JOIN sepa_batches b ON b.id = bi.batch_id JOIN relations r ON r.id = bi.relation_id
      WHERE bi.pmt_inf_id = ? AND b.status <> 'cancelled' ORDER BY bi.rowid`,
  );

  function single(row: EntryRow, batch: string | null): void {
    if (row.e.returnCode || (row.e.amountCents < 0 && row.e.reversal)) return returned({ ...row, kind: 'return' });
    if (row.e.amountCents >= 0) return credit({ ...row, kind: 'credit' }, batch);
    return debit({ ...row, kind: 'debit' });
  }

  function entry(e: StatementEntry): void {
    const { transactions, batchCount, ...flat } = e;
    const isBatch = transactions.length > 1 || (batchCount ?? 0) > 1 || (e.pmtInfId !== null && e.endToEndId === null && !e.returnCode && batchCount !== null);
    if (!isBatch) return single({ parentEntryId: null, kind: 'credit', e: flat }, null);
    const batch = e.pmtInfId ?? '—';
    let children: EntryRow['e'][];
    if (transactions.length > 1) {
      children = transactions.map((t, k) => ({
        ...flat,
        bankRef: `${e.bankRef}/${t.bankRef ?? t.endToEndId ?? k + 1}`,
        amountCents: Math.sign(e.amountCents || 1) * t.amountCents,
        counterpartyName: t.counterpartyName,
        counterpartyIban: t.counterpartyIban,
        endToEndId: t.endToEndId,
        mandateRef: t.mandateRef,
        remittance: t.remittance,
        structuredRef: t.structuredRef,
        returnCode: t.returnCode ?? flat.returnCode,
        returnText: t.returnText ?? flat.returnText,
      }));
    } else {
      const items = e.pmtInfId ? (batchItems.all(e.pmtInfId) as { endToEndId: string; amountCents: number; iban: string; name: string }[]) : [];
      const expected = items.reduce((s, i) => s + i.amountCents, 0);
      if (items.length === 0 || expected !== e.amountCents) {
        const reason: MatchReason = items.length === 0 ? { code: 'BATCH_UNKNOWN', batch } : { code: 'BATCH_AMOUNT_DIFFERS', batch, amount: formatAmount(e.amountCents), expected: formatAmount(expected) };
        write({ parentEntryId: null, kind: 'batch', e: flat }, { status: 'unmatched', rule: null, reason, relationId: null, paymentId: null });
        return;
      }
      children = items.map((i) => ({ ...flat, bankRef: `${e.bankRef}/${i.endToEndId}`, amountCents: i.amountCents, counterpartyName: i.name, counterpartyIban: i.iban, endToEndId: i.endToEndId, remittance: null, structuredRef: null }));
    }
    const parentId = write({ parentEntryId: null, kind: 'batch', e: flat }, { status: 'expanded', rule: 'batch', reason: { code: 'BATCH_EXPANDED', batch, count: children.length }, relationId: null, paymentId: null });
    for (const c of children) single({ parentEntryId: parentId, kind: 'credit', e: c }, batch);
  }

  // As a contribution run does: the audit rows of the many payments, allocations and entries
  // are written set-based at the end (parents first), not one trigger call per row.
  const suspended = suspendInsertAudits(ctx.sqlite, ['payments', 'payment_allocations', 'bank_entries', 'bank_returns']);
  try {
    fresh.forEach((e, k) => {
      entry(e);
      if (opts.onProgress && (k + 1) % 500 === 0) opts.onProgress(k + 1, fresh.length);
    });
  } finally {
    suspended.resume();
  }
  opts.onProgress?.(fresh.length, fresh.length);
  if (fresh.length > 0) op.changed('bank.changed', { statementId });

  return {
    statement:
      fresh.length > 0
        ? { id: statementId, format: parsed.format, dialect: parsed.dialect, accountIban: parsed.accountIban, fromDate: parsed.fromDate, toDate: parsed.toDate, fileName: opts.fileName }
        : { id: null, format: parsed.format, dialect: parsed.dialect, accountIban: parsed.accountIban, fromDate: parsed.fromDate, toDate: parsed.toDate, fileName: opts.fileName },
    entryCount: parsed.entries.length,
    duplicateCount,
    newCount: fresh.length,
    counts,
    entries: listEntries(ctx, { ids: newIds.slice(0, opts.itemLimit), offset: 0, limit: opts.itemLimit }).rows,
  };
}

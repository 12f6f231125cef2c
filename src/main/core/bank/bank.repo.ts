import type { CoreContext } from '../context';
import type { BankEntryDto, BankReturnDto } from '../../../shared/contract/bank';
import { INVOICE_FIGURES, OPEN_EXPR } from '../contributions/invoices.repo';
import { isKnownReturnCode } from './return-policy';

const ENTRY_SELECT = `SELECT e.id, e.statement_id AS statementId, e.parent_entry_id AS parentEntryId, e.kind, e.booking_date AS bookingDate, e.amount_cents AS amountCents,
       e.counterparty_name AS counterpartyName, e.counterparty_iban AS counterpartyIban, e.end_to_end_id AS endToEndId, e.structured_ref AS structuredRef,
       e.remittance, e.return_code AS returnCode, e.status, e.match_rule AS matchRule, e.match_reason AS reason, e.relation_id AS relationId,
       r.display_name AS relationName, e.payment_id AS paymentId
  FROM bank_entries e LEFT JOIN relations r ON r.id = e.relation_id`;

type EntryRow = Omit<BankEntryDto, 'reason'> & { reason: string | null };
const toDto = (r: EntryRow): BankEntryDto => ({ ...r, reason: r.reason ? (JSON.parse(r.reason) as BankEntryDto['reason']) : { code: 'NO_MATCH' } });

/** Entries by status (newest booking first), statement, search (name, IBAN, description, reference), or by id. */
export function listEntries(ctx: CoreContext, q: { ids?: string[]; status?: string | undefined; statementId?: string | undefined; search?: string | undefined; offset: number; limit: number }) {
  const where: string[] = [];
  const args: Record<string, unknown> = { offset: q.offset, limit: q.limit };
  if (q.ids) {
    if (q.ids.length === 0) return { rows: [], total: 0 };
    where.push('e.id IN (SELECT value FROM json_each(@ids))');
    args.ids = JSON.stringify(q.ids);
  }
  if (q.status) {
    where.push('e.status = @status');
    args.status = q.status;
  }
  if (q.statementId) {
    where.push('e.statement_id = @statementId');
    args.statementId = q.statementId;
  }
  if (q.search?.trim()) {
    where.push(`(e.counterparty_name LIKE @s OR e.counterparty_iban LIKE @s OR e.remittance LIKE @s OR e.end_to_end_id LIKE @s OR r.display_name LIKE @s)`);
    args.s = `%${q.search.trim().replace(/[%_]/gu, '')}%`;
  }
  const w = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const order = q.ids ? 'ORDER BY e.rowid' : 'ORDER BY e.booking_date DESC, e.rowid';
  const rows = ctx.sqlite.prepare(`${ENTRY_SELECT} ${w} ${order} LIMIT @limit OFFSET @offset`).all(args) as EntryRow[];
  const { n } = ctx.sqlite.prepare(`SELECT count(*) AS n FROM bank_entries e LEFT JOIN relations r ON r.id = e.relation_id ${w}`).get(args) as { n: number };
  return { rows: rows.map(toDto), total: n };
}

export function getEntry(ctx: CoreContext, id: string): BankEntryDto | null {
  return listEntries(ctx, { ids: [id], offset: 0, limit: 1 }).rows[0] ?? null;
}

export function listReturns(ctx: CoreContext, q: { retry?: string | undefined; offset: number; limit: number }): { rows: BankReturnDto[]; total: number } {
  const w = q.retry ? 'WHERE b.retry = @retry' : '';
  const args = { retry: q.retry, offset: q.offset, limit: q.limit };
  const rows = ctx.sqlite
    .prepare(
      `SELECT b.id, b.entry_id AS entryId, e.booking_date AS bookingDate, e.amount_cents AS amountCents, b.code, b.code_text AS codeText,
              b.relation_id AS relationId, r.display_name AS relationName, b.invoice_id AS invoiceId, i.number AS invoiceNumber,
              b.mandate_ended AS mandateEnded, f.number AS feeInvoiceNumber, b.retry, b.task_key AS taskKey
         FROM bank_returns b JOIN bank_entries e ON e.id = b.entry_id LEFT JOIN relations r ON r.id = b.relation_id
         LEFT JOIN invoices i ON i.id = b.invoice_id LEFT JOIN invoices f ON f.id = b.fee_invoice_id
         ${w} ORDER BY e.booking_date DESC, b.rowid LIMIT @limit OFFSET @offset`,
    )
    .all(args) as (Omit<BankReturnDto, 'mandateEnded' | 'knownCode'> & { mandateEnded: number })[];
  const { n } = ctx.sqlite.prepare(`SELECT count(*) AS n FROM bank_returns b ${w}`).get(args) as { n: number };
  return { rows: rows.map((r) => ({ ...r, mandateEnded: r.mandateEnded === 1, knownCode: isKnownReturnCode(r.code) })), total: n };
}

export function listStatements(ctx: CoreContext, q: { offset: number; limit: number }) {
  const rows = ctx.sqlite
    .prepare(
      `SELECT id, format, dialect, account_iban AS accountIban, statement_ref AS statementRef, file_name AS fileName, from_date AS fromDate, to_date AS toDate,
              entry_count AS entryCount, duplicate_count AS duplicateCount, created_at AS createdAt
         FROM bank_statements ORDER BY created_at DESC, rowid DESC LIMIT ? OFFSET ?`,
    )
    .all(q.limit, q.offset) as { id: string; format: 'camt053' | 'mt940'; dialect: string; accountIban: string; statementRef: string | null; fileName: string; fromDate: string | null; toDate: string | null; entryCount: number; duplicateCount: number; createdAt: number }[];
  const { n } = ctx.sqlite.prepare('SELECT count(*) AS n FROM bank_statements').get() as { n: number };
  return { rows, total: n };
}

/** Open invoices an entry could pay: matching the search (number, name), else the same amount or the payer's account first. */
export function candidates(ctx: CoreContext, entry: BankEntryDto, search: string | undefined) {
  const s = search?.trim();
  const amount = Math.abs(entry.amountCents);
  const rows = ctx.sqlite
    .prepare(
      `WITH f AS (${INVOICE_FIGURES})
       SELECT f.id AS invoiceId, f.number, f.relation_id AS relationId, f.relation_name AS relationName, f.due_date AS dueDate,
              ${OPEN_EXPR} AS openCents, f.payment_reference AS paymentReference
         FROM f JOIN relations rel ON rel.id = f.relation_id
        WHERE f.kind = 'invoice' AND ${entry.amountCents < 0 ? 'f.paid > 0' : `${OPEN_EXPR} > 0`}
          ${s ? `AND (f.number LIKE @s OR f.relation_name LIKE @s OR f.payment_reference LIKE @digits)` : ''}
        ORDER BY (${OPEN_EXPR} = @amount OR f.total_cents = @amount) DESC, (rel.iban = @iban) DESC, f.due_date
        LIMIT 50`,
    )
    .all({ s: `%${s ?? ''}%`, digits: `%${(s ?? '').replace(/\D/gu, '') || '-'}%`, amount, iban: entry.counterpartyIban ?? '' }) as {
    invoiceId: string;
    number: string;
    relationId: string;
    relationName: string;
    dueDate: string;
    openCents: number;
    paymentReference: string;
  }[];
  return { rows };
}

import type { Condition } from '../../../../shared/contract/conditions';
import { addDays } from '../../../../shared/dutch/dates';
import { ALL, fromPeriod, unionAll, type IntervalSet } from '../interval-set';
import { fromFacts, type RelationIntervals } from '../relation-intervals';
import { relationFilter, type EvalScope } from '../eval-scope';

/*
 * Atoms over the contribution administration: how a relation pays, whether it has invoices
 * long overdue, and what its contribution is. The facts are the stored invoices, payments
 * and settings; the open-invoice atom is dated (an invoice is overdue from a day until the
 * day it is paid), the other two hold on every day.
 */

type Atom<T extends Condition['type']> = (c: Extract<Condition, { type: T }>, scope: EvalScope) => RelationIntervals;

/**
 * "Payment method is": the relation's own setting, or — without one — the default of the
 * newest fee schedule, as a run would bill it (factuur when there is no schedule yet).
 */
export const paymentMethodAtom: Atom<'paymentMethod'> = (c, scope) => {
  const filter = relationFilter(scope, 'r.id');
  const newest = scope.ctx.sqlite.prepare('SELECT definition FROM fee_schedules ORDER BY created_at DESC, version DESC LIMIT 1').pluck().get() as string | undefined;
  const fallback = (newest ? (JSON.parse(newest) as { defaults?: { method?: string } }).defaults?.method : undefined) ?? 'factuur';
  const rows = scope.ctx.sqlite
    .prepare(
      `SELECT r.id FROM relations r LEFT JOIN payment_settings s ON s.relation_id = r.id
        WHERE coalesce(s.method, @fallback) IN (SELECT value FROM json_each(@methods)) AND ${filter.sql}`,
    )
    .pluck()
    .all({ fallback, methods: JSON.stringify(c.methods), ...filter.params }) as string[];
  return fromFacts(rows.map((id): [string, IntervalSet] => [id, ALL]));
};

interface InstalmentRow {
  relationId: string;
  invoiceId: string;
  dueDate: string;
  /** The invoice's amount due up to and including this instalment. */
  upTo: number;
}

/**
 * "Has open invoices older than N days": on day d the relation (the debtor) has an
 * instalment due more than N days before d that is not yet settled on d. Settled means the
 * payments allocated to the invoice (by payment date) and its credit notes (by their date)
 * cover the instalment and those before it: the order open items age them in. So the atom
 * holds from due date + N + 1 until the day it is paid, and a payment made later does not
 * change what was true before it.
 */
export const openInvoicesAtom: Atom<'openInvoices'> = (c, scope) => {
  const filter = relationFilter(scope, 'i.relation_id');
  const parts = scope.ctx.sqlite
    .prepare(
      `SELECT i.relation_id AS relationId, i.id AS invoiceId, t.due_date AS dueDate,
              sum(t.amount_cents) OVER (PARTITION BY i.id ORDER BY t.sequence) AS upTo
         FROM invoices i JOIN invoice_instalments t ON t.invoice_id = i.id
        WHERE i.kind = 'invoice' AND i.total_cents > 0 AND ${filter.sql}`,
    )
    .all(filter.params) as InstalmentRow[];
  // Settlements per invoice in date order: allocations by payment date, credit notes by their date.
  const settlements = new Map<string, { date: string; cents: number }[]>();
  const rows = scope.ctx.sqlite
    .prepare(
      `SELECT a.invoice_id AS id, p.payment_date AS date, a.amount_cents AS cents
         FROM payment_allocations a JOIN payments p ON p.id = a.payment_id JOIN invoices i ON i.id = a.invoice_id WHERE ${filter.sql}
       UNION ALL
       SELECT c.credits_invoice_id, c.invoice_date, -c.total_cents
         FROM invoices c JOIN invoices i ON i.id = c.credits_invoice_id WHERE c.kind = 'credit' AND ${filter.sql}
       ORDER BY 2`,
    )
    .all(filter.params) as { id: string; date: string; cents: number }[];
  for (const r of rows) {
    let list = settlements.get(r.id);
    if (!list) settlements.set(r.id, (list = []));
    list.push(r);
  }
  const byRelation = new Map<string, IntervalSet[]>();
  for (const part of parts) {
    let settled = 0;
    let paidOn: string | null = null;
    for (const s of settlements.get(part.invoiceId) ?? []) {
      settled += s.cents;
      if (settled >= part.upTo) {
        paidOn = s.date;
        break;
      }
    }
    // Older than N days on day d: d − due > N, so from due + N + 1; no longer open from the day it is paid.
    const set = fromPeriod(addDays(part.dueDate, c.olderThanDays + 1), paidOn);
    if (set.length === 0) continue;
    let list = byRelation.get(part.relationId);
    if (!list) byRelation.set(part.relationId, (list = []));
    list.push(set);
  }
  return fromFacts([...byRelation].map(([id, sets]): [string, IntervalSet] => [id, unionAll(sets)]));
};

/**
 * "Contribution amount between": the relation's own contribution lines (as the member
 * billed, whoever pays) in one period, or in the newest period it was billed for — the
 * figure the {contributie} merge field shows. Credit notes do not change it.
 */
export const contributionAmountAtom: Atom<'contributionAmount'> = (c, scope) => {
  const filter = relationFilter(scope, 'l.member_relation_id');
  const rows = scope.ctx.sqlite
    .prepare(
      `WITH lines AS (
         SELECT l.member_relation_id AS id, l.period_code AS period, l.amount_cents AS cents,
                max(i.year * 1000000 + i.sequence) OVER (PARTITION BY l.member_relation_id, l.period_code) AS latest
           FROM invoice_lines l JOIN invoices i ON i.id = l.invoice_id
          WHERE l.kind = 'contribution' AND i.kind = 'invoice' AND (@period IS NULL OR l.period_code = @period) AND ${filter.sql}
       ), per AS (SELECT id, period, sum(cents) AS cents, max(latest) AS latest FROM lines GROUP BY id, period)
       SELECT id, cents FROM per p WHERE latest = (SELECT max(latest) FROM per q WHERE q.id = p.id)`,
    )
    .all({ period: c.periodCode ?? null, ...filter.params }) as { id: string; cents: number }[];
  const min = c.minCents ?? Number.NEGATIVE_INFINITY;
  const max = c.maxCents ?? Number.POSITIVE_INFINITY;
  return fromFacts(rows.filter((r) => r.cents >= min && r.cents <= max).map((r): [string, IntervalSet] => [r.id, ALL]));
};

import type { CoreContext } from '../context';
import { addDays, formatDutchDate } from '../../../shared/dutch/dates';
import type { ReportTable } from './report-table';

export type ContributionsGrouping = 'year' | 'run' | 'type';

type InvoiceRow = { id: string; year: number; runId: string | null; runPeriod: string | null; runDate: string | null; total: number; paid: number; credited: number };
type Bucket = { key: string; label: string; invoices: Set<string>; billed: number; credited: number; paid: number };

/**
 * Splits `amount` over parts in proportion to their weights, in whole cents that add up to
 * `amount` exactly (the rest goes to the largest parts first), so per-type figures reconcile.
 */
export function prorate(amount: number, weights: number[]): number[] {
  const total = weights.reduce((a, b) => a + b, 0);
  if (total === 0 || amount === 0) return weights.map((_, i) => (i === 0 ? amount : 0));
  const exact = weights.map((w) => (amount * w) / total);
  const out = exact.map((x) => Math.trunc(x));
  let rest = amount - out.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => ({ i, frac: Math.abs(x - Math.trunc(x)) })).sort((a, b) => b.frac - a.frac || a.i - b.i);
  for (let k = 0; rest !== 0 && k < order.length * 2; k++) {
    const step = Math.sign(rest);
    out[order[k % order.length]!.i]! += step;
    rest -= step;
  }
  return out;
}

/**
 * What was billed in [from, to) (invoice date), what of it was credited and paid up to `asOf`,
 * and what is open: per invoice year, contribution run or membership type. Billed, credited,
 * paid and open are the invoices' own figures (as in Openstaand), so the totals reconcile with
 * the invoices and payments; per type, an invoice's credits and payments are shared over its
 * lines in proportion to the line amounts.
 */
export function contributionsReport(ctx: CoreContext, q: { from: string; to: string; groupBy: ContributionsGrouping; asOf: string }): ReportTable {
  const invoices = ctx.sqlite
    .prepare(
      `SELECT i.id, i.year, i.run_id AS runId, r.period_code AS runPeriod, r.invoice_date AS runDate, i.total_cents AS total,
              coalesce((SELECT sum(a.amount_cents) FROM payment_allocations a JOIN payments p ON p.id = a.payment_id WHERE a.invoice_id = i.id AND p.payment_date <= @asOf), 0) AS paid,
              coalesce((SELECT -sum(c.total_cents) FROM invoices c WHERE c.credits_invoice_id = i.id AND c.invoice_date <= @asOf), 0) AS credited
         FROM invoices i LEFT JOIN contribution_runs r ON r.id = i.run_id
        WHERE i.kind = 'invoice' AND i.invoice_date >= @from AND i.invoice_date < @to
        ORDER BY i.year, i.sequence`,
    )
    .all({ from: q.from, to: q.to, asOf: q.asOf }) as InvoiceRow[];
  const buckets = new Map<string, Bucket>();
  const add = (key: string, label: string, invoiceId: string, billed: number, credited: number, paid: number) => {
    let b = buckets.get(key);
    if (!b) buckets.set(key, (b = { key, label, invoices: new Set(), billed: 0, credited: 0, paid: 0 }));
    b.invoices.add(invoiceId);
    b.billed += billed;
    b.credited += credited;
    b.paid += paid;
  };
  if (q.groupBy === 'type') {
    const lines = ctx.sqlite.prepare(
      `SELECT l.amount_cents AS amount, l.membership_type_code AS code, t.name FROM invoice_lines l LEFT JOIN membership_types t ON t.code = l.membership_type_code
        WHERE l.invoice_id = ? ORDER BY l.position`,
    );
    for (const inv of invoices) {
      const ls = lines.all(inv.id) as { amount: number; code: string | null; name: string | null }[];
      const weights = ls.map((l) => l.amount);
      const credited = prorate(inv.credited, weights);
      const paid = prorate(inv.paid, weights);
      ls.forEach((l, i) => add(l.code ?? '', l.name ?? (l.code ? l.code : 'Overige regels'), inv.id, l.amount, credited[i]!, paid[i]!));
    }
  } else
    for (const inv of invoices) {
      if (q.groupBy === 'year') add(String(inv.year), String(inv.year), inv.id, inv.total, inv.credited, inv.paid);
      else add(inv.runId ?? '', inv.runId ? `${inv.runPeriod} (${formatDutchDate(inv.runDate!)})` : 'Losse facturen', inv.id, inv.total, inv.credited, inv.paid);
    }
  const rows = [...buckets.values()]
    .sort((a, b) => (q.groupBy === 'type' ? a.label.localeCompare(b.label, 'nl') : a.label.localeCompare(b.label)))
    .map((b) => ({ group: b.label, invoices: b.invoices.size, billed: b.billed, credited: b.credited, paid: b.paid, open: b.billed - b.credited - b.paid }));
  const sum = (k: 'billed' | 'credited' | 'paid' | 'open') => rows.reduce((s, r) => s + r[k], 0);
  const label = { year: 'Jaar', run: 'Contributierun', type: 'Lidmaatschapstype' }[q.groupBy];
  return {
    title: 'Contributie: gefactureerd, betaald, open',
    subtitle: `Factuurdatum ${formatDutchDate(q.from)} t/m ${formatDutchDate(addDays(q.to, -1))}; betalingen en crediteringen t/m ${formatDutchDate(q.asOf)}`,
    columns: [
      { key: 'group', label, type: 'text' },
      { key: 'invoices', label: 'Facturen', type: 'integer' },
      { key: 'billed', label: 'Gefactureerd', type: 'amount' },
      { key: 'credited', label: 'Gecrediteerd', type: 'amount' },
      { key: 'paid', label: 'Betaald', type: 'amount' },
      { key: 'open', label: 'Open', type: 'amount' },
    ],
    rows,
    totals: { group: 'Totaal', invoices: invoices.length, billed: sum('billed'), credited: sum('credited'), paid: sum('paid'), open: sum('open') },
  };
}

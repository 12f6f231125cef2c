import type Database from 'better-sqlite3';
import { INVOICE_FIGURES, OPEN_EXPR } from './invoices.repo';

/** What letters and lists show about a relation's contribution (merge fields, export columns). */
export interface RecordFinance {
  method: 'incasso' | 'factuur' | 'contant' | null;
  /** The relation's own contribution lines in the newest period billed. */
  contributionCents: number | null;
  openCents: number;
  /** The oldest open invoice, else the newest invoice of which the relation is the debtor. */
  invoiceNumber: string | null;
}

export const NO_FINANCE: RecordFinance = { method: null, contributionCents: null, openCents: 0, invoiceNumber: null };

/** Batch loader for a JSON array of relation ids (the records loader's batches). */
export function financeLoader(sqlite: Database.Database) {
  const methods = sqlite.prepare(`SELECT s.relation_id AS id, s.method FROM json_each(?) j JOIN payment_settings s ON s.relation_id = j.value`);
  const lines = sqlite.prepare(
    `SELECT l.member_relation_id AS id, l.period_code AS period, l.amount_cents AS cents, i.year, i.sequence
       FROM json_each(?) j JOIN invoice_lines l ON l.member_relation_id = j.value JOIN invoices i ON i.id = l.invoice_id
      WHERE l.kind = 'contribution' ORDER BY i.year DESC, i.sequence DESC`,
  );
  const invoices = sqlite.prepare(
    `WITH f AS (${INVOICE_FIGURES} WHERE i.relation_id IN (SELECT value FROM json_each(?)))
     SELECT f.relation_id AS id, f.number, ${OPEN_EXPR} AS open FROM f ORDER BY f.year, f.sequence`,
  );
  return (json: string): Map<string, RecordFinance> => {
    const out = new Map<string, RecordFinance>();
    const get = (id: string) => {
      let f = out.get(id);
      if (!f) out.set(id, (f = { ...NO_FINANCE }));
      return f;
    };
    for (const m of methods.all(json) as { id: string; method: RecordFinance['method'] }[]) get(m.id).method = m.method;
    const newestPeriod = new Map<string, string | null>();
    for (const l of lines.all(json) as { id: string; period: string | null; cents: number }[]) {
      if (!newestPeriod.has(l.id)) newestPeriod.set(l.id, l.period);
      if (newestPeriod.get(l.id) === l.period) get(l.id).contributionCents = (get(l.id).contributionCents ?? 0) + l.cents;
    }
    for (const i of invoices.all(json) as { id: string; number: string; open: number }[]) {
      const f = get(i.id);
      if (i.open > 0) {
        if (f.openCents === 0) f.invoiceNumber = i.number;
        f.openCents += i.open;
      } else if (f.openCents === 0) f.invoiceNumber = i.number;
    }
    return out;
  };
}

import type { CoreContext } from '../context';
import { statement } from '../db/statement-cache';
import { INVOICE_FIGURES, OPEN_EXPR } from '../contributions/invoices.repo';
import { normalizeIban } from '../../../shared/dutch/iban';

export interface BookInvoice {
  id: string;
  number: string;
  relationId: string;
  relationName: string;
  dueDate: string;
  paymentReference: string;
  openCents: number;
}

export interface BookRelation {
  id: string;
  name: string;
  /** Name words folded (no accents, lower case), for the name + amount rule. */
  surname: string | null;
}

/**
 * The open invoices and who owes them, read once per statement and kept up to date in
 * memory as entries are booked, so matching 10,000 entries asks the database little.
 * Invoices already paid are looked up by their indexed keys when a reference names them.
 */
export class OpenBook {
  readonly invoices = new Map<string, BookInvoice>();
  readonly byRelation = new Map<string, BookInvoice[]>();
  readonly byAmount = new Map<number, BookInvoice[]>();
  readonly relations = new Map<string, BookRelation>();
  readonly relationsByIban = new Map<string, Set<string>>();

  constructor(private readonly ctx: CoreContext) {
    const rows = ctx.sqlite
      .prepare(
        `WITH f AS (${INVOICE_FIGURES}) SELECT f.id, f.number, f.relation_id AS relationId, f.relation_name AS relationName, f.due_date AS dueDate,
                f.payment_reference AS paymentReference, ${OPEN_EXPR} AS openCents
           FROM f WHERE ${OPEN_EXPR} > 0 ORDER BY f.due_date, f.year, f.sequence`,
      )
      .all() as BookInvoice[];
    for (const r of rows) this.add(r);
    const people = ctx.sqlite
      .prepare(`SELECT id, display_name AS name, last_name AS lastName, name AS orgName, iban FROM relations WHERE deleted_at IS NULL AND (iban IS NOT NULL OR id IN (SELECT value FROM json_each(?)))`)
      .all(JSON.stringify([...this.byRelation.keys()])) as { id: string; name: string; lastName: string | null; orgName: string | null; iban: string | null }[];
    for (const p of people) {
      this.relations.set(p.id, { id: p.id, name: p.name, surname: surnameKey(p.lastName ?? p.orgName) });
      if (p.iban) this.linkIban(p.iban, p.id);
    }
    const mandates = ctx.sqlite.prepare(`SELECT relation_id AS relationId, iban FROM sepa_mandates`).all() as { relationId: string; iban: string }[];
    for (const m of mandates) this.linkIban(m.iban, m.relationId);
  }

  private linkIban(iban: string, relationId: string) {
    const key = normalizeIban(iban);
    let set = this.relationsByIban.get(key);
    if (!set) this.relationsByIban.set(key, (set = new Set()));
    set.add(relationId);
  }

  private add(inv: BookInvoice) {
    this.invoices.set(inv.id, inv);
    push(this.byRelation, inv.relationId, inv);
    push(this.byAmount, inv.openCents, inv);
  }

  relation(id: string): BookRelation {
    let r = this.relations.get(id);
    if (!r) {
      const row = this.ctx.sqlite.prepare('SELECT display_name AS name, last_name AS lastName, name AS orgName FROM relations WHERE id = ?').get(id) as { name: string; lastName: string | null; orgName: string | null } | undefined;
      r = { id, name: row?.name ?? '?', surname: surnameKey(row?.lastName ?? row?.orgName ?? null) };
      this.relations.set(id, r);
    }
    return r;
  }

  openOf(relationId: string): BookInvoice[] {
    return (this.byRelation.get(relationId) ?? []).filter((i) => i.openCents > 0);
  }

  withOpenAmount(cents: number): BookInvoice[] {
    return (this.byAmount.get(cents) ?? []).filter((i) => i.openCents === cents);
  }

  /** After a payment (or a reversal) moved `delta` cents onto the invoice's paid amount. */
  paid(invoiceId: string, delta: number) {
    const inv = this.invoices.get(invoiceId);
    if (!inv) return this.reload(invoiceId);
    inv.openCents -= delta;
    if (inv.openCents > 0) push(this.byAmount, inv.openCents, inv);
  }

  /** An invoice not in the book (it was paid) read again after a write reopened it. */
  private reload(invoiceId: string) {
    const row = statement(
      this.ctx.sqlite,
      `WITH f AS (${INVOICE_FIGURES}) SELECT f.id, f.number, f.relation_id AS relationId, f.relation_name AS relationName, f.due_date AS dueDate,
                f.payment_reference AS paymentReference, ${OPEN_EXPR} AS openCents FROM f WHERE f.id = ?`,
    ).get(invoiceId) as BookInvoice | undefined;
    if (row) this.add(row);
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, v: V) {
  const list = map.get(key);
  if (list) list.push(v);
  else map.set(key, [v]);
}

/** Lower case without accents, ij as y, only letters and spaces. */
export function foldName(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/ij/gu, 'y')
    .replace(/[^a-z]+/gu, ' ')
    .trim();
}

/** The last word of the surname (the core of "van den Berg"), folded. */
function surnameKey(lastName: string | null): string | null {
  if (!lastName) return null;
  const words = foldName(lastName).split(' ').filter(Boolean);
  return words.at(-1) ?? null;
}

import { DomainError } from '../../../shared/errors';

/** One transaction inside a batch credit, as the bank detailed it (CAMT "met batchdetails"). */
export interface StatementTransaction {
  amountCents: number;
  endToEndId: string | null;
  mandateRef: string | null;
  counterpartyName: string | null;
  counterpartyIban: string | null;
  remittance: string | null;
  structuredRef: string | null;
  returnCode: string | null;
  returnText: string | null;
  /** Its own bank reference, when the bank gives one. */
  bankRef: string | null;
}

/** One booked entry of a statement, in the terms both formats share. */
export interface StatementEntry {
  /** The bank's reference (AcctSvcrRef, MT940 bank reference), or one derived from the entry's content. */
  bankRef: string;
  bookingDate: string;
  valueDate: string | null;
  /** Signed: positive is money in. */
  amountCents: number;
  /** The bank marked it as a reversal (RvslInd, MT940 RC/RD). */
  reversal: boolean;
  bankTxCode: string | null;
  counterpartyName: string | null;
  counterpartyIban: string | null;
  endToEndId: string | null;
  mandateRef: string | null;
  pmtInfId: string | null;
  structuredRef: string | null;
  remittance: string | null;
  returnCode: string | null;
  returnText: string | null;
  /** A batch (collective) entry: the number of transactions it books, null for a single one. */
  batchCount: number | null;
  /** The batch's transactions when the statement details them; empty otherwise. */
  transactions: StatementTransaction[];
}

export interface ParsedStatement {
  format: 'camt053' | 'mt940';
  /** 'iso' for CAMT; 'ing' or 'rabobank' for MT940. */
  dialect: string;
  accountIban: string;
  statementRef: string | null;
  fromDate: string | null;
  toDate: string | null;
  openingCents: number | null;
  closingCents: number | null;
  entries: StatementEntry[];
}

/** A statement that cannot be read: the reason code names what is wrong (nl/en texts in the errors catalogue). */
export function badStatement(reason: string, details: Record<string, unknown> = {}): DomainError {
  return new DomainError('VALIDATION_FAILED', { reason, ...details });
}

/** '1.234,56' / '1234.56' / '1234,5' → cents, exactly (no floating point). */
export function amountToCents(raw: string): number | null {
  const s = raw.trim();
  const m = /^(\d+)(?:[.,](\d{0,2}))?$/u.exec(s);
  if (!m) return null;
  return Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
}

/** A reference from the entry's content, for banks that give none (Rabobank MT940, some CAMT): the same entry gives the same key on every import. */
export function contentRef(e: Omit<StatementEntry, 'bankRef'>, occurrence: number): string {
  const parts = [e.bookingDate, e.amountCents, e.counterpartyIban ?? '', e.endToEndId ?? '', e.pmtInfId ?? '', e.remittance ?? '', e.returnCode ?? '', occurrence];
  return `~${simpleHash(parts.join('|'))}`;
}

function simpleHash(s: string): string {
  // FNV-1a, two rounds with different seeds: short, stable, and collisions need the same day, amount and text anyway.
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193) >>> 0;
    b = Math.imul(b ^ c, 0x5bd1e995) >>> 0;
  }
  return a.toString(16).padStart(8, '0') + b.toString(16).padStart(8, '0');
}

/** Gives entries without a bank reference one derived from their content; identical entries on one day count up. */
export function fillContentRefs(entries: (Omit<StatementEntry, 'bankRef'> & { bankRef: string | null })[]): StatementEntry[] {
  const seen = new Map<string, number>();
  return entries.map((e) => {
    if (e.bankRef) return e as StatementEntry;
    const base = contentRef(e, 0);
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    return { ...e, bankRef: n === 0 ? base : contentRef(e, n) };
  });
}

/** NOTPROVIDED and friends mean "no reference". */
export function realRef(v: string | null | undefined): string | null {
  const s = v?.trim();
  if (!s || /^(NOTPROVIDED|NONREF|NOT PROVIDED)$/iu.test(s)) return null;
  return s;
}

import type { CoreContext } from '../context';
import { loadAllRecords } from './dedupe-records';
import { loadWeights } from './dedupe-store';
import { typedRecord } from './quick-entry';
import { blockingKeys, prepare, scorePair, type Prepared } from './scorer';

/** What the import dry run needs of a row: its fields and first address. */
export interface ImportRowValues {
  kind: 'person' | 'organisation';
  fields: Partial<Record<string, string | null>>;
  address: Partial<Record<string, string | number | null>>;
}

export interface SimilarExisting {
  number: number;
  displayName: string;
  score: number;
  /** The fields that agreed, in Dutch ("e-mail, geboortedatum"): shown verbatim in the dry run's issue list. */
  reasons: string;
}

// The import's issue details are printed as they are (also by the CLI), so they carry Dutch words.
const DUTCH_FIELD: Record<string, string> = {
  lastName: 'achternaam', firstName: 'voornaam', birthDate: 'geboortedatum', gender: 'geslacht', orgName: 'naam',
  kvk: 'KvK-nummer', emailDomain: 'e-maildomein', email: 'e-mail', phone: 'telefoon', address: 'adres', iban: 'IBAN',
};

/*
 * A row is prepared once for both checks (within the file, against the administration): at
 * 100,000 rows preparing (name keys, sound keys, the infix split) costs about as much as the
 * comparisons. Keyed by the row object, which the dry run holds until it is done.
 */
const preparedRows = new WeakMap<ImportRowValues, Prepared>();

function preparedRow(ctx: CoreContext, row: ImportRowValues): Prepared {
  let p = preparedRows.get(row);
  if (!p) preparedRows.set(row, (p = prepareRow(ctx, row)));
  return p;
}

function prepareRow(ctx: CoreContext, row: ImportRowValues): Prepared {
  const f = row.fields;
  const houseNumber = Number(row.address['houseNumber']);
  return prepare(
    typedRecord({
      kind: row.kind,
      email: f['email'] ?? undefined,
      initials: f['initials'] ?? undefined,
      firstName: f['firstName'] ?? undefined,
      infix: f['infix'] ?? undefined,
      lastName: f['lastName'] ?? undefined,
      birthDate: f['birthDate'] ?? undefined,
      name: f['name'] ?? undefined,
      kvkNumber: f['kvkNumber'] ?? undefined,
      phone: f['mobile'] ?? f['phone'] ?? undefined,
      postcode: typeof row.address['postcode'] === 'string' ? row.address['postcode'] : undefined,
      houseNumber: Number.isInteger(houseNumber) && houseNumber > 0 ? houseNumber : undefined,
    }),
    ctx.reference.infixes,
  );
}

const reasonsOf = (s: ReturnType<typeof scorePair>) =>
  s.fields.filter((x) => x.outcome === 'agree').map((x) => DUTCH_FIELD[x.field] ?? x.field).join(', ');

/** Rows of one file that look like the same relation, with the scorer's reasons. */
export interface FileDuplicate {
  rows: number[];
  reasons: string;
}

/**
 * For the import dry run: rows within the file that double each other, by the same scorer
 * as the scan and the quick entry (blocked on the same keys, so linear in the file). Each
 * row lists at most `maxRows` others; the reasons are those of its best-scoring pair.
 */
export function fileDuplicates(ctx: CoreContext, rows: (ImportRowValues & { row: number })[], maxRows: number): Map<number, FileDuplicate> {
  const weights = loadWeights(ctx);
  const blocks = new Map<string, { row: number; p: Prepared }[]>();
  const out = new Map<number, { rows: Set<number>; best: number; reasons: string }>();
  const note = (row: number, other: number, score: number, reasons: string) => {
    let d = out.get(row);
    if (!d) out.set(row, (d = { rows: new Set(), best: -Infinity, reasons: '' }));
    if (d.rows.size < maxRows) d.rows.add(other);
    if (score > d.best) Object.assign(d, { best: score, reasons });
  };
  for (const r of rows) {
    const p = preparedRow(ctx, r);
    const compared = new Set<number>();
    for (const k of blockingKeys(p)) {
      const list = blocks.get(k);
      for (const other of list ?? []) {
        if (compared.has(other.row) || compared.size >= maxRows * 10) continue;
        compared.add(other.row);
        const s = scorePair(p, other.p, weights, 'suspects');
        if (!s.suspect) continue;
        const reasons = reasonsOf(s);
        note(r.row, other.row, s.score, reasons);
        note(other.row, r.row, s.score, reasons);
      }
      // A key every row shares (one club e-mail address) stays bounded: later rows compare with the first few.
      if (!list) blocks.set(k, [{ row: r.row, p }]);
      else if (list.length < maxRows * 10) list.push({ row: r.row, p });
    }
  }
  return new Map([...out].map(([row, d]) => [row, { rows: [...d.rows].sort((a, b) => a - b), reasons: d.reasons }]));
}

/**
 * For the import dry run: the existing relation a new row most likely doubles, by the same
 * scorer as the scan and the quick-entry warning. The administration is prepared and blocked
 * once per import (lazily, on the first row), so each row costs a few comparisons.
 */
export function createImportDuplicateCheck(ctx: CoreContext): (row: ImportRowValues) => SimilarExisting | null {
  let built: { weights: ReturnType<typeof loadWeights>; blocks: Map<string, Prepared[]> } | null = null;
  const build = () => {
    const blocks = new Map<string, Prepared[]>();
    for (const rec of loadAllRecords(ctx)) {
      const p = prepare(rec, ctx.reference.infixes);
      for (const k of blockingKeys(p)) {
        const list = blocks.get(k);
        if (list) list.push(p);
        else blocks.set(k, [p]);
      }
    }
    return { weights: loadWeights(ctx), blocks };
  };
  return (row) => {
    built ??= build();
    const typed = preparedRow(ctx, row);
    let best: SimilarExisting | null = null;
    const seen = new Set<string>();
    for (const k of blockingKeys(typed)) {
      for (const other of built.blocks.get(k) ?? []) {
        if (seen.has(other.rec.id)) continue;
        seen.add(other.rec.id);
        const s = scorePair(typed, other, built.weights, 'suspects');
        if (s.suspect && (!best || s.score > best.score)) {
          best = {
            number: other.rec.number,
            displayName: other.rec.displayName,
            score: s.score,
            reasons: reasonsOf(s),
          };
        }
      }
    }
    return best;
  };
}

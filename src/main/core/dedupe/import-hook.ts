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
    const f = row.fields;
    const houseNumber = Number(row.address['houseNumber']);
    const typed = prepare(
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
    let best: SimilarExisting | null = null;
    const seen = new Set<string>();
    for (const k of blockingKeys(typed)) {
      for (const other of built.blocks.get(k) ?? []) {
        if (seen.has(other.rec.id)) continue;
        seen.add(other.rec.id);
        const s = scorePair(typed, other, built.weights);
        if (s.suspect && (!best || s.score > best.score)) {
          best = {
            number: other.rec.number,
            displayName: other.rec.displayName,
            score: s.score,
            reasons: s.fields.filter((x) => x.outcome === 'agree').map((x) => DUTCH_FIELD[x.field] ?? x.field).join(', '),
          };
        }
      }
    }
    return best;
  };
}

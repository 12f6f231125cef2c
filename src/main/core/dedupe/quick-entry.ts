import { IDENTIFYING_FIELDS, type DuplicatePair, type FieldScore } from '../../../shared/contract/dedupe';
import { normalizeEmail } from '../../../shared/dutch/email';
import { normalizePostcode } from '../../../shared/dutch/postcode';
import type { CoreContext } from '../context';
import { loadCandidates } from './dedupe-records';
import { dismissedWith, loadWeights } from './dedupe-store';
import { addressKey, prepare, scorePair, type DedupeRecord } from './scorer';

export interface TypedRelation {
  kind?: 'person' | 'organisation' | undefined;
  excludeId?: string | undefined;
  email?: string | undefined;
  initials?: string | undefined;
  firstName?: string | undefined;
  infix?: string | undefined;
  lastName?: string | undefined;
  birthDate?: string | undefined;
  postcode?: string | undefined;
  houseNumber?: number | undefined;
  phone?: string | undefined;
  name?: string | undefined;
  kvkNumber?: string | undefined;
}

export interface SimilarMatch {
  id: string;
  number: number;
  displayName: string;
  score: number;
  /** The fields that agreed or were similar: the reason shown. */
  fields: FieldScore[];
}

export function typedRecord(q: TypedRelation): DedupeRecord {
  const email = q.email ? normalizeEmail(q.email) : null;
  const pc = q.postcode ? normalizePostcode(q.postcode) : null;
  const addr = pc?.ok ? addressKey({ postcode: pc.value, houseNumber: q.houseNumber ?? null }) : null;
  const emailValue = email?.ok ? email.value : null;
  return {
    id: q.excludeId ?? '',
    number: 0,
    kind: q.kind ?? 'person',
    displayName: '',
    initials: q.initials ?? null,
    firstName: q.firstName ?? null,
    infix: q.infix ?? null,
    lastName: q.lastName ?? null,
    birthDate: q.birthDate ?? null,
    name: q.name ?? null,
    kvkNumber: q.kvkNumber ?? null,
    emailDomain: emailValue ? (emailValue.split('@')[1] ?? null) : null,
    emails: emailValue ? [emailValue] : [],
    phones: q.phone ? [q.phone] : [],
    addresses: addr ? [addr] : [],
  };
}

/**
 * Existing relations the one being typed (or imported) may be, by the same scorer as the scan.
 * While a form is half filled, a field not typed yet could still agree: a pair is shown when
 * an identifier agrees and the score plus what the untyped fields could still add reaches
 * the threshold. "Geen dubbel" pairs are left out.
 */
export function findSimilarRelations(ctx: CoreContext, q: TypedRelation, opts: { complete?: boolean } = {}): SimilarMatch[] {
  const rec = typedRecord(q);
  if (!rec.emails.length && !rec.birthDate && !rec.addresses.length && !rec.kvkNumber && !rec.phones.length && !rec.emailDomain) return [];
  const weights = loadWeights(ctx);
  const mine = prepare(rec, ctx.reference.infixes);
  const dismissed = q.excludeId ? dismissedWith(ctx, q.excludeId) : new Set<string>();
  const out: (SimilarMatch & { pair: DuplicatePair })[] = [];
  for (const c of loadCandidates(ctx, rec)) {
    if (c.id === q.excludeId || dismissed.has(c.id)) continue;
    const scored = scorePair(mine, prepare(c, ctx.reference.infixes), weights);
    const identified = scored.fields.some((f) => f.outcome === 'agree' && IDENTIFYING_FIELDS.includes(f.field));
    if (!identified) continue;
    const couldAdd = opts.complete
      ? 0
      : scored.fields.filter((f) => f.outcome === 'missing' && f.a === null).reduce((s, f) => s + Math.max(0, weights.fields[f.field].agree), 0);
    if (scored.score + couldAdd < weights.threshold) continue;
    out.push({
      id: c.id,
      number: c.number,
      displayName: c.displayName,
      score: scored.score,
      fields: scored.fields.filter((f) => f.outcome === 'agree' || f.outcome === 'similar'),
      pair: scored,
    });
  }
  return out
    .sort((a, b) => b.score - a.score || a.number - b.number)
    .slice(0, 10)
    .map(({ pair: _p, ...m }) => m);
}

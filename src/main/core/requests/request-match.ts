import type { CoreContext } from '../context';
import type { FieldValues } from './request-fields';
import { resolveRelation } from '../dedupe/dedupe-store';
import { findSimilarRelations } from '../dedupe/quick-entry';

export interface MatchProbe {
  number: number | null;
  email: string | null;
  name: string | null;
  values: FieldValues;
}

export interface Match {
  relationId: string;
  by: 'number' | 'email' | 'scorer';
}

/**
 * The duplicate scorer's door: given what the request says about the person, the relation it
 * most likely is, or null. The same scorer as the scan and the quick entry (dedupe), with the
 * form taken as complete; two candidates scoring the same are left for the user to assign.
 */
export type RelationScorer = (ctx: CoreContext, probe: MatchProbe) => string | null;
export const duplicateScorer: RelationScorer = (ctx, probe) => {
  const v = probe.values;
  const text = (x: string | null | undefined) => (x && x.trim() ? x.trim() : undefined);
  const houseNumber = Number(v.houseNumber);
  const found = findSimilarRelations(
    ctx,
    {
      kind: 'person',
      email: text(probe.email ?? v.email),
      initials: text(v.initials),
      firstName: text(v.firstName),
      infix: text(v.infix),
      lastName: text(v.lastName),
      birthDate: text(v.birthDate),
      postcode: text(v.postcode),
      houseNumber: Number.isInteger(houseNumber) && houseNumber > 0 ? houseNumber : undefined,
      phone: text(v.mobile) ?? text(v.phone),
    },
    { complete: true },
  );
  const [best, second] = found;
  if (!best || (second && second.score === best.score)) return null;
  return best.id;
};

/** Where a relation went when it was merged into another (dedupe's redirects). */
export function followMergedTo(ctx: CoreContext, relationId: string): string {
  return resolveRelation(ctx, { id: relationId })?.id ?? relationId;
}

/** Member number, then e-mail (only when exactly one relation has it), then the scorer. */
export function matchRequest(ctx: CoreContext, probe: MatchProbe, scorer: RelationScorer = duplicateScorer): Match | null {
  if (probe.number !== null) {
    // A member writing an old number of a relation merged since lands on the survivor.
    const r = resolveRelation(ctx, { number: probe.number });
    if (r && ctx.sqlite.prepare('SELECT 1 FROM relations WHERE id = ? AND deleted_at IS NULL').get(r.id)) return { relationId: r.id, by: 'number' };
  }
  if (probe.email) {
    const rows = ctx.sqlite
      .prepare('SELECT id FROM relations WHERE deleted_at IS NULL AND (lower(email) = lower(@e) OR lower(email2) = lower(@e)) LIMIT 2')
      .all({ e: probe.email }) as { id: string }[];
    if (rows.length === 1 && rows[0]) return { relationId: followMergedTo(ctx, rows[0].id), by: 'email' };
  }
  const scored = scorer(ctx, probe);
  return scored ? { relationId: followMergedTo(ctx, scored), by: 'scorer' } : null;
}

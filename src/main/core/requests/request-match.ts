import type { CoreContext } from '../context';
import type { FieldValues } from './request-fields';
import { resolveRelation } from '../dedupe/dedupe-store';

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
 * most likely is (above the scorer's threshold), or null. The Dutch-name scorer is being built
 * with duplicates/merge; until it lands this is null and such requests wait unmatched for the
 * user to assign them.
 */
export type RelationScorer = (ctx: CoreContext, probe: MatchProbe) => string | null;
export const duplicateScorer: RelationScorer | null = null;

/** Where a relation went when it was merged into another (dedupe's redirects). */
export function followMergedTo(ctx: CoreContext, relationId: string): string {
  return resolveRelation(ctx, { id: relationId })?.id ?? relationId;
}

/** Member number, then e-mail (only when exactly one relation has it), then the scorer. */
export function matchRequest(ctx: CoreContext, probe: MatchProbe, scorer: RelationScorer | null = duplicateScorer): Match | null {
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
  const scored = scorer?.(ctx, probe) ?? null;
  return scored ? { relationId: followMergedTo(ctx, scored), by: 'scorer' } : null;
}

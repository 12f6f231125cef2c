import type { CoreContext } from '../../context';
import type { EvalScope } from '../eval-scope';
import { cachedFacts } from '../eval-scope';
import { keptFacts } from '../kept-facts';
import { emptyBits, relationNumbers, setBit, type Bits } from '../relation-bits';

/** "Has no e-mail address": the one definition, for the SQL of the atom and for the kept rows. */
export const NO_EMAIL_SQL = `coalesce(trim(email), '') = '' AND coalesce(trim(email2), '') = ''`;

/** The columns of a relation that its undated atoms (kind, age, alive, birthday, no e-mail) read. */
export interface RelationRow {
  id: string;
  kind: string;
  birth: string | null;
  death: string | null;
  noEmail: boolean;
  trashed: boolean;
  /** Its relation number (relation-bits.ts), given when the row is read. */
  n: number;
}

function read(ctx: CoreContext, ids: string[] | null): [string, RelationRow][] {
  const numbers = relationNumbers(ctx.sqlite);
  return (
    ctx.sqlite
      .prepare(`SELECT id, kind, birth_date, death_date, ${NO_EMAIL_SQL}, deleted_at IS NOT NULL FROM relations WHERE ${ids ? 'id IN (SELECT value FROM json_each(?))' : '1'}`)
      .raw()
      .all(...(ids ? [JSON.stringify(ids)] : [])) as [string, string, string | null, string | null, number, number][]
  ).map(([id, kind, birth, death, noEmail, trashed]) => [id, { id, kind, birth, death, noEmail: noEmail === 1, trashed: trashed === 1, n: numbers.numberOf(id) }]);
}

/**
 * In a shared evaluation of everyone (the overview: seven age bands, birthdays, "birth date
 * unknown", the signals) each such atom would read the 100,000 relation rows again: they read
 * these rows instead, kept between evaluations (kept-facts.ts), and apply the same test in
 * memory. Null otherwise: the atom lets SQLite filter (one atom, or a relation filter).
 */
export function sharedRelationRows(scope: EvalScope): RelationRow[] | null {
  if (scope.bulk === false || scope.relationIds) return null;
  return cachedFacts(scope, 'relations', () => kept(scope.ctx).derived('rows', (byRelation) => [...byRelation.values()].flat()), { allDays: true });
}

const kept = (ctx: CoreContext) => keptFacts(ctx, 'relations', ['relations'], (ids) => read(ctx, ids));

/** The relations not in the trash (a shared evaluation's universe), from the same kept rows: their ids, and as bits of their numbers. */
export function liveRelations(ctx: CoreContext): { ids: string[]; bits: Bits } {
  return kept(ctx).derived('live', (byRelation) => {
    const live = [...byRelation.values()].flat().filter((r) => !r.trashed);
    const bits = emptyBits(relationNumbers(ctx.sqlite));
    for (const r of live) setBit(bits, r.n);
    return { ids: live.map((r) => r.id), bits };
  });
}

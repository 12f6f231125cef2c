import type { CoreContext } from '../../context';
import type { EvalScope } from '../eval-scope';
import { cachedFacts } from '../eval-scope';
import { keptFacts } from '../kept-facts';

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
}

function read(ctx: CoreContext, ids: string[] | null): [string, RelationRow][] {
  return (
    ctx.sqlite
      .prepare(`SELECT id, kind, birth_date, death_date, ${NO_EMAIL_SQL}, deleted_at IS NOT NULL FROM relations WHERE ${ids ? 'id IN (SELECT value FROM json_each(?))' : '1'}`)
      .raw()
      .all(...(ids ? [JSON.stringify(ids)] : [])) as [string, string, string | null, string | null, number, number][]
  ).map(([id, kind, birth, death, noEmail, trashed]) => [id, { id, kind, birth, death, noEmail: noEmail === 1, trashed: trashed === 1 }]);
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

/** The relations not in the trash (a shared evaluation's universe), from the same kept rows. */
export function liveRelationIds(ctx: CoreContext): string[] {
  return kept(ctx).derived('live', (byRelation) => [...byRelation.values()].flat().filter((r) => !r.trashed).map((r) => r.id));
}

import type { CoreContext } from '../../context';
import type { EvalScope } from '../eval-scope';
import { cachedFacts, inBulk } from '../eval-scope';
import type { Condition } from '../../../../shared/contract/conditions';
import { hasKeptFacts, keptFacts } from '../kept-facts';
import { bitsOf, emptyBits, relationNumbers, setBit, type Bits } from '../relation-bits';
import { auditMark, keepable } from '../../db/audit-mark';

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
export function sharedRelationRows(scope: EvalScope, kind: Condition['type']): RelationRow[] | null {
  if (scope.bulk === false || scope.relationIds) return null;
  // A kind asked once reads its own rows, unless they are kept already (the overview read back from the file asks only the birthdays).
  if (!inBulk(scope, kind) && !hasKeptFacts(scope.ctx.sqlite, 'relations')) return null;
  return cachedFacts(scope, 'relations', () => kept(scope.ctx).derived('rows', (byRelation) => [...byRelation.values()].flat()), { allDays: true });
}

const kept = (ctx: CoreContext) => keptFacts(ctx, 'relations', ['relations'], (ids) => read(ctx, ids));

/** The relations not in the trash (a shared evaluation's universe), from the same kept rows: their ids, and as bits of their numbers. */
export function liveRelations(ctx: CoreContext): { ids: string[]; bits: Bits } {
  // Right after opening, with the figures read back from the file (db/derived-state.ts), the rows themselves may never be
  // needed: their ids alone cost a tenth of reading them. Once the rows are kept, the universe comes with them.
  if (!hasKeptFacts(ctx.sqlite, 'relations')) {
    const mark = auditMark(ctx.sqlite);
    const hit = liveOnly.get(ctx.sqlite);
    if (hit && hit.mark === mark) return hit.live;
    const ids = ctx.sqlite.prepare('SELECT id FROM relations WHERE deleted_at IS NULL').pluck().all() as string[];
    const live = { ids, bits: bitsOf(relationNumbers(ctx.sqlite), ids) };
    if (keepable(ctx.sqlite)) liveOnly.set(ctx.sqlite, { mark, live });
    return live;
  }
  return kept(ctx).derived('live', (byRelation) => {
    const live = [...byRelation.values()].flat().filter((r) => !r.trashed);
    const bits = emptyBits(relationNumbers(ctx.sqlite));
    for (const r of live) setBit(bits, r.n);
    return { ids: live.map((r) => r.id), bits };
  });
}
const liveOnly = new WeakMap<CoreContext['sqlite'], { mark: number; live: { ids: string[]; bits: Bits } }>();

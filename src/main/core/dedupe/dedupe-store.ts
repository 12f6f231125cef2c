import { DEFAULT_DEDUPE_WEIGHTS, dedupeWeights, type DedupeWeights } from '../../../shared/contract/dedupe';
import type { CoreContext } from '../context';

const WEIGHTS_KEY = 'dedupe.weights';

/** The scorer's weights and threshold: a preference in `settings`, the defaults until changed. */
export function loadWeights(ctx: CoreContext): DedupeWeights {
  const row = ctx.sqlite.prepare('SELECT value FROM settings WHERE key = ?').get(WEIGHTS_KEY) as { value: string } | undefined;
  // Stored by an older version and no longer valid: fall back rather than fail every scan.
  const parsed = row ? dedupeWeights.safeParse(JSON.parse(row.value)) : null;
  return parsed?.success ? parsed.data : DEFAULT_DEDUPE_WEIGHTS;
}

export function saveWeights(ctx: CoreContext, weights: DedupeWeights | null): void {
  if (weights === null) ctx.sqlite.prepare('DELETE FROM settings WHERE key = ?').run(WEIGHTS_KEY);
  else
    ctx.sqlite
      .prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value')
      .run(WEIGHTS_KEY, JSON.stringify(weights));
}

const ordered = (a: string, b: string): [string, string] => (a < b ? [a, b] : [b, a]);
export const pairKey = (a: string, b: string) => ordered(a, b).join('|');

/** All "Geen dubbel" pairs as `a|b` keys (smaller id first). */
export function dismissedPairs(ctx: CoreContext): Set<string> {
  const rows = ctx.sqlite.prepare('SELECT relation_a_id AS a, relation_b_id AS b FROM duplicate_dismissals').all() as { a: string; b: string }[];
  return new Set(rows.map((r) => `${r.a}|${r.b}`));
}

/** The relations a given one was declared "not a duplicate" of. */
export function dismissedWith(ctx: CoreContext, id: string): Set<string> {
  const rows = ctx.sqlite
    .prepare('SELECT relation_b_id AS o FROM duplicate_dismissals WHERE relation_a_id = ? UNION SELECT relation_a_id FROM duplicate_dismissals WHERE relation_b_id = ?')
    .all(id, id) as { o: string }[];
  return new Set(rows.map((r) => r.o));
}

/** Records "Geen dubbel"; false when it was already recorded. Runs inside the caller's operation. */
export function insertDismissal(ctx: CoreContext, x: string, y: string): boolean {
  const [a, b] = ordered(x, y);
  return (
    ctx.sqlite
      .prepare('INSERT INTO duplicate_dismissals (id, relation_a_id, relation_b_id, created_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING')
      .run(ctx.newId(), a, b, ctx.now()).changes > 0
  );
}

export function deleteDismissal(ctx: CoreContext, x: string, y: string): boolean {
  const [a, b] = ordered(x, y);
  return ctx.sqlite.prepare('DELETE FROM duplicate_dismissals WHERE relation_a_id = ? AND relation_b_id = ?').run(a, b).changes > 0;
}

/** Follows a merged-away id or number to the relation it lives on in now. */
export function resolveRelation(ctx: CoreContext, q: { id?: string | undefined; number?: number | undefined }): { id: string; number: number; redirected: boolean } | null {
  const direct = (q.id !== undefined
    ? ctx.sqlite.prepare('SELECT id, number FROM relations WHERE id = ?').get(q.id)
    : ctx.sqlite.prepare('SELECT id, number FROM relations WHERE number = ?').get(q.number)) as { id: string; number: number } | undefined;
  if (direct) return { ...direct, redirected: false };
  const via = (q.id !== undefined
    ? ctx.sqlite.prepare('SELECT r.id, r.number FROM relation_redirects d JOIN relations r ON r.id = d.relation_id WHERE d.old_relation_id = ?').get(q.id)
    : ctx.sqlite.prepare('SELECT r.id, r.number FROM relation_redirects d JOIN relations r ON r.id = d.relation_id WHERE d.old_number = ?').get(q.number)) as
    | { id: string; number: number }
    | undefined;
  return via ? { ...via, redirected: true } : null;
}

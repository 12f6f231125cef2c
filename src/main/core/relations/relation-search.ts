import { foldDiacritics } from '../../../shared/dutch/text';
import { phoneDigits } from '../../../shared/dutch/phone';
import type { CoreContext } from '../context';
import type { RelationSummary } from '../../../shared/contract';
import { loadSummaries } from './relation-summaries';
import { statement } from '../db/statement-cache';
import { resolveRelation } from '../dedupe/dedupe-store';

/** How many matches are sorted by name before we say "more, refine your search". */
const CANDIDATES = 200;

/**
 * User text → FTS5 query: every word must match as a prefix, in any column. Quoting each
 * token keeps FTS syntax (AND, NEAR, *, ") typed by the user from being interpreted.
 */
export function toFtsQuery(text: string): string | null {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  // "06-1234 5678" or "+31 6 123": search the digits as one token, as the index stores them.
  const tokens = /^\+?[\d\s\-().]{4,}$/.test(trimmed) && /\d{3}/.test(trimmed.replace(/\D/g, ''))
    ? [phoneDigits(trimmed)]
    : foldDiacritics(trimmed).toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  if (tokens.length === 0) return null;
  return tokens.map((t) => `"${t}"*`).join(' AND ');
}

export function searchRelations(
  ctx: CoreContext,
  text: string,
  limit: number,
): { rows: RelationSummary[]; more: boolean } {
  const query = toFtsQuery(text);
  if (!query) return { rows: [], more: false };
  // CROSS JOIN fixes the order: FTS matches first, then their rows. Left to itself the planner
  // walks all relations in name order probing the matches (50 ms instead of 0.5 ms at 100k).
  const found = statement(
    ctx.sqlite,
    `SELECT r.id FROM (SELECT rowid FROM relations_fts WHERE relations_fts MATCH ? LIMIT ${CANDIDATES + 1}) f
       CROSS JOIN relations r ON r.number = f.rowid
      WHERE r.deleted_at IS NULL
      ORDER BY r.sort_key, r.id
      LIMIT ?`,
  ).all(query, limit + 1) as { id: string }[];
  // A merged-away relation's number finds the survivor.
  if (/^\d{1,9}$/.test(text.trim())) {
    const via = resolveRelation(ctx, { number: Number(text.trim()) });
    if (via?.redirected && !found.some((r) => r.id === via.id)) found.unshift({ id: via.id });
  }
  const more = found.length > limit;
  return { rows: loadSummaries(ctx, found.slice(0, limit).map((r) => r.id)), more };
}

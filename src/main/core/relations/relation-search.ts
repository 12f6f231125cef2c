import { foldDiacritics } from '../../../shared/dutch/text';
import { phoneDigits } from '../../../shared/dutch/phone';
import type { CoreContext } from '../context';
import type { RelationSummary } from '../../../shared/contract';
import { loadSummaries } from './relation-summaries';
import { statement } from '../db/statement-cache';
import { resolveRelation } from '../dedupe/dedupe-store';
import { rowMapper, type MappedRow } from '../db/row-mapper';

/** How many matches of one kind are ranked before we say "more, refine your search". */
const CANDIDATES = 200;

/** The words of what was typed, as the index folds them ('Wiśniewski' → 'wisniewski'). */
export function searchTokens(text: string): string[] {
  const trimmed = text.trim();
  if (trimmed === '') return [];
  // "06-1234 5678" or "+31 6 123": search the digits as one token, as the index stores them.
  if (/^\+?[\d\s\-().]{4,}$/.test(trimmed) && /\d{3}/.test(trimmed.replace(/\D/g, ''))) return [phoneDigits(trimmed)];
  return foldDiacritics(trimmed).toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
}

/**
 * User text → FTS5 query: every word must match as a prefix, in any column. Quoting each
 * token keeps FTS syntax (AND, NEAR, *, ") typed by the user from being interpreted.
 */
export function toFtsQuery(text: string): string | null {
  const tokens = searchTokens(text);
  return tokens.length === 0 ? null : tokens.map((t) => `"${t}"*`).join(' AND ');
}

/**
 * How well a relation's name answers the words typed: 0 the name is exactly what was typed,
 * 1 the name starts with it (the last word may be unfinished), 2 the words appear in the
 * name in that order, 3 they appear somewhere in the name.
 */
export function nameRank(displayName: string, tokens: readonly string[]): number {
  return wordsRank(searchTokens(displayName), tokens);
}

/** nameRank on a name already split into search words. */
export function wordsRank(words: readonly string[], tokens: readonly string[]): number {
  if (words.length === tokens.length && words.every((w, i) => w === tokens[i])) return 0;
  const last = tokens.length - 1;
  const fitsAt = (start: number) =>
    tokens.every((t, i) => {
      const w = words[start + i];
      return w !== undefined && (i === last ? w.startsWith(t) : w === t);
    });
  if (fitsAt(0)) return 1;
  for (let s = 1; s + tokens.length <= words.length; s++) if (fitsAt(s)) return 2;
  return 3;
}

const candidateRow = rowMapper('search candidate', { id: 'text', display_name: 'text', sort_key: 'text' });
type Candidate = MappedRow<typeof candidateRow>;

const MATCHES = (where: string) => `SELECT r.id, r.display_name, r.sort_key
   FROM (SELECT rowid FROM relations_fts WHERE relations_fts MATCH ? LIMIT ${CANDIDATES + 1}) f
   CROSS JOIN relations r ON r.number = f.rowid
  WHERE r.deleted_at IS NULL ${where}`;

/**
 * Search ranks what the secretary most likely meant first: relations whose name is what was
 * typed, then names that start with it, then other name matches, and only then matches on
 * street, e-mail, phone or city (each tier in name order). Each tier is its own bounded FTS
 * query, so a common street word ("Jan" in Jan Steenstraat) cannot crowd the eleven Jan de
 * Vries out of the candidates.
 */
export function searchRelations(
  ctx: CoreContext,
  text: string,
  limit: number,
): { rows: RelationSummary[]; more: boolean } {
  const tokens = searchTokens(text);
  if (tokens.length === 0) return { rows: [], more: false };
  const anywhere = tokens.map((t) => `"${t}"*`).join(' AND ');
  // CROSS JOIN fixes the order: FTS matches first, then their rows. Left to itself the planner
  // walks all relations in name order probing the matches (50 ms instead of 0.5 ms at 100k).
  const matches = statement(ctx.sqlite, MATCHES(''));
  // The typed words as a phrase in the name (last one a prefix) finds exact and starting names
  // even when thousands of names contain each word somewhere.
  const phrase = tokens.length > 1 ? candidateRow.all(matches.all(`name : "${tokens.join(' ')}"*`)) : [];
  const inName = candidateRow.all(matches.all(`name : (${anywhere})`));
  const ranked = new Map<string, { c: Candidate; rank: number }>();
  for (const c of [...phrase, ...inName]) if (!ranked.has(c.id)) ranked.set(c.id, { c, rank: nameRank(c.display_name, tokens) });
  let more = phrase.length > CANDIDATES || inName.length > CANDIDATES;
  const byRank = [...ranked.values()].sort((a, b) => a.rank - b.rank || cmp(a.c.sort_key, b.c.sort_key) || cmp(a.c.id, b.c.id));
  const ids = byRank.map((x) => x.c.id);
  if (ids.length <= limit) {
    // Names did not fill the page: street, e-mail, phone, city and number matches follow.
    const rest = candidateRow.all(statement(ctx.sqlite, `${MATCHES('')} ORDER BY r.sort_key, r.id`).all(anywhere)).filter((c) => !ranked.has(c.id));
    ids.push(...rest.map((c) => c.id));
  }
  // A merged-away relation's number finds the survivor.
  if (/^\d{1,9}$/.test(text.trim())) {
    const via = resolveRelation(ctx, { number: Number(text.trim()) });
    if (via?.redirected && !ids.includes(via.id)) ids.unshift(via.id);
  }
  more = more || ids.length > limit;
  return { rows: loadSummaries(ctx, ids.slice(0, limit)), more };
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

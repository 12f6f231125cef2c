import type { ImportIssue, MatchKey } from '../../../../shared/contract/io';
import { nameKey, type ExistingIndex } from './existing-index';
import type { ImportRecord } from './import-record';

function keyOf(rec: ImportRecord, key: MatchKey): string | null {
  switch (key) {
    case 'number':
      return rec.number === null ? null : String(rec.number);
    case 'email':
      return rec.fields.email ?? null;
    case 'nameBirthPostcode':
      return nameKey({ ...rec.fields, postcode: (rec.address.postcode as string | null | undefined) ?? null });
  }
}

export type MatchResult =
  | { kind: 'none' }
  | { kind: 'match'; id: string; by: MatchKey; conflicts: ImportIssue[] }
  | { kind: 'reject'; issue: ImportIssue };

function rowIssue(rec: ImportRecord, code: string, details?: Record<string, string | number>): ImportIssue {
  return { row: rec.row, column: null, field: null, code, severity: 'error', raw: null, ...(details ? { details } : {}) };
}

/**
 * The existing relation a row is about: the first key (in the user's order) that points to
 * exactly one relation wins. Another key pointing elsewhere is reported; a key that points
 * to several relations is passed over, and if no key decides, the row is ambiguous.
 */
export function matchRecord(rec: ImportRecord, keys: MatchKey[], index: ExistingIndex): MatchResult {
  let found: { id: string; by: MatchKey } | null = null;
  let ambiguous: { by: MatchKey; count: number } | null = null;
  const conflicts: ImportIssue[] = [];
  for (const key of keys) {
    const k = keyOf(rec, key);
    if (k === null) continue;
    let ids: string[];
    if (key === 'number') {
      const hit = index.byNumber.get(Number(k));
      if (hit?.deleted) return { kind: 'reject', issue: rowIssue(rec, 'NUMBER_IN_TRASH', { number: Number(k) }) };
      ids = hit ? [hit.id] : [];
    } else {
      ids = (key === 'email' ? index.byEmail : index.byName).get(k) ?? [];
    }
    if (ids.length > 1) {
      ambiguous ??= { by: key, count: index.counts.get(`${key === 'email' ? 'email' : 'name'}:${k}`) ?? ids.length };
      continue;
    }
    const [id] = ids;
    if (!id) continue;
    if (!found) found = { id, by: key };
    else if (found.id !== id) conflicts.push({ ...rowIssue(rec, 'MATCH_CONFLICT', { matchedBy: found.by, key }), severity: 'warning' });
  }
  if (found) return { kind: 'match', ...found, conflicts };
  if (ambiguous) return { kind: 'reject', issue: rowIssue(rec, 'MATCH_AMBIGUOUS', { key: ambiguous.by, count: ambiguous.count }) };
  return { kind: 'none' };
}

/** How many other rows a suspected duplicate names; a key shared by hundreds of rows is a pattern, not a pair. */
export const MAX_DUPLICATE_ROWS = 10;

/**
 * Rows of the file that share a match key with another row: suspected duplicates, row → the
 * other rows (at most MAX_DUPLICATE_ROWS of them, so a file where every row shares a key
 * stays linear).
 */
export function duplicatesInFile(records: ImportRecord[], keys: MatchKey[]): Map<number, number[]> {
  const groups = new Map<string, number[]>();
  for (const rec of records) {
    for (const key of keys) {
      const k = keyOf(rec, key);
      if (k === null) continue;
      const g = `${key}:${k}`;
      const rows = groups.get(g);
      if (rows) rows.push(rec.row);
      else groups.set(g, [rec.row]);
    }
  }
  const out = new Map<number, Set<number>>();
  for (const rows of groups.values()) {
    if (rows.length < 2) continue;
    const sample = rows.slice(0, MAX_DUPLICATE_ROWS + 1);
    for (const r of rows) {
      let others = out.get(r);
      if (!others) out.set(r, (others = new Set()));
      for (const x of sample) if (x !== r && others.size < MAX_DUPLICATE_ROWS) others.add(x);
    }
  }
  return new Map([...out].map(([r, others]) => [r, [...others].sort((a, b) => a - b)]));
}

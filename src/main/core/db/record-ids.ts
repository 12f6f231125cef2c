import type Database from 'better-sqlite3';

/**
 * Record ids of an administration (issue 10 item 7, docs/architecture.md "Compact ids"):
 * a counter per file, written as a length letter and the number in base 36 — 'a0' … 'az',
 * 'b10' … 'bzz', 'c100' …, five characters for the 100,000-relation demo's 1.3 million
 * records instead of a UUID's 36. Every id sits in its row, in the indexes on its column and
 * in every row and index that refers to it, so this is the largest part of the file after the
 * data itself.
 *
 * Why this shape:
 * - the length letter makes text order number order, so ids made later sort later and
 *   B-tree inserts stay append-only (full pages);
 * - lower case and a leading letter: never all digits (no confusion with a relation number,
 *   no spreadsheet turning it into a number), no two ids that differ only in case;
 * - ids are opaque text everywhere else: UUIDs of older records stay as they are and are
 *   never confused with these (no dashes).
 *
 * The counter's next value is kept in `settings` (unaudited: no History line per write),
 * written inside each operation's transaction after its work, so a rolled-back operation
 * (a dry run) rolls it back with the rows that used it, and a committed row's id is always
 * below the stored counter: an id is never given twice, also not after a reopen. Ids given
 * outside a write (none are stored then) only leave a gap. A restore keeps the higher
 * counter of the two files and an import moves it past the ids it brought
 * (`keepAbove`), so no id of a record that existed is given to another one.
 */
export const RECORD_IDS_KEY = 'record_ids.next';

/** The id of counter value `n` (a non-negative safe integer). */
export function compactId(n: number): string {
  const digits = n.toString(36);
  return String.fromCharCode(96 + digits.length) + digits;
}

/** The counter value of a compact id; null for any other id (a UUID, a test's 'id-0001'). */
export function compactIdValue(id: string): number | null {
  if (!/^[a-z][0-9a-z]+$/.test(id)) return null;
  const digits = id.slice(1);
  if (id.charCodeAt(0) - 96 !== digits.length || (digits.length > 1 && digits[0] === '0')) return null;
  const n = parseInt(digits, 36);
  return Number.isSafeInteger(n) ? n : null;
}

export interface RecordIds {
  newId(): string;
  /** Reads the stored counter again (at the start of every operation): never behind the file. */
  sync(): void;
  /** Stores the counter if ids were given since; inside the operation's transaction. */
  persist(): void;
  /** Moves the counter past every compact id in `ids` (imported records keep their ids). */
  keepAbove(ids: Iterable<string>): void;
}

export function createRecordIds(sqlite: Database.Database): RecordIds {
  const read = sqlite.prepare('SELECT value FROM settings WHERE key = ?').pluck();
  const write = sqlite.prepare(
    'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  );
  let next: number | null = null;
  let stored = 0;
  let scanned = false;
  const load = (): number => {
    const v = read.get(RECORD_IDS_KEY) as string | undefined;
    if (v === undefined) {
      // A file without a counter yet (new, or written by a version before compact ids): no
      // stored id may look like one of ours by chance, so start past any that does. Once per
      // session; the first operation then stores the counter (stored -1: always written).
      if (!scanned) next = Math.max(next ?? 0, highestStored(sqlite));
      scanned = true;
      stored = -1;
    } else stored = Number(v);
    next = Math.max(next ?? 0, stored);
    return next;
  };
  return {
    newId() {
      const n = next ?? load();
      next = n + 1;
      return compactId(n);
    },
    sync() {
      load();
    },
    persist() {
      if (next === null || next <= stored) return;
      write.run(RECORD_IDS_KEY, String(next));
      stored = next;
    },
    keepAbove(ids) {
      let n = next ?? load();
      for (const id of ids) {
        const v = compactIdValue(id);
        if (v !== null && v >= n) n = v + 1;
      }
      next = n;
    },
  };
}

/** One past the highest compact id in any table with a text `id` column (0 when there is none). */
function highestStored(sqlite: Database.Database): number {
  const tables = sqlite
    .prepare(
      `SELECT m.name FROM sqlite_master m WHERE m.type = 'table'
          AND EXISTS (SELECT 1 FROM pragma_table_info(m.name) c WHERE c.name = 'id' AND lower(c.type) = 'text')`,
    )
    .pluck()
    .all() as string[];
  return nextAfterStoredIds(sqlite, tables);
}

/** One past the highest compact id stored in `tables` (0 when there is none). */
function nextAfterStoredIds(sqlite: Database.Database, tables: readonly string[]): number {
  let n = 0;
  for (const t of tables) {
    const hasId = (sqlite.prepare(`SELECT count(*) FROM pragma_table_info('${t}') WHERE name = 'id'`).pluck().get() as number) > 0;
    if (!hasId) continue;
    const v = sqlite.prepare(`SELECT max(id) FROM ${t} WHERE id GLOB '[a-z][0-9a-z]*' AND length(id) = unicode(id) - 95`).pluck().get() as string | null;
    const value = v === null ? null : compactIdValue(v);
    if (value !== null && value >= n) n = value + 1;
  }
  return n;
}

/**
 * Moves the counter past the highest compact id stored in `tables` (records written under
 * ids they brought, as a JSON import does). Among compact ids text order is number order, so
 * one max() per table finds it; UUIDs and other ids are left out by their shape.
 */
export function keepAboveStoredIds(sqlite: Database.Database, recordIds: RecordIds, tables: readonly string[]): void {
  const n = nextAfterStoredIds(sqlite, tables);
  if (n > 0) recordIds.keepAbove([compactId(n - 1)]);
}

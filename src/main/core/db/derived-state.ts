import zlib from 'node:zlib';
import type Database from 'better-sqlite3';
import type { z } from 'zod';
import { openKeyed } from './database-key';

/**
 * Derived state that survives closing the file (issue 15: the first overview after opening).
 *
 * The overview keeps what it computed between calls (kept results over all days, the duplicate
 * scan's pairs, the open items), each with the audit row it is up to date with
 * (db/audit-mark.ts). Computing that from nothing costs seconds at 100,000 relations, and a
 * secretary opens the file on the overview every day. So each part is stored in the file
 * itself (`derived_state`, encrypted with it, consistent with the data it came from in every
 * copy and backup) and read back on first use after opening, where the part brings it up to
 * date through the audit log exactly as it does between two calls.
 *
 * Stored is a cache, never data: not audited (its rows are not a change of anything), not
 * exported, and dropped (computed again) when its format or the schema's migrations differ from
 * this build's, or when it cannot be read. Every write is checked by the audit log's marks,
 * which only grow (AUTOINCREMENT), so a stored part is never read for a later state than its own.
 */

/** Bump when a stored body's layout, or what a stored part means (an atom's rule), changes. */
export const DERIVED_FORMAT = 1;

/** One part of the derived state: its name, and what is kept of it per connection. */
export interface DerivedPart {
  name: string;
  /** The oldest audit mark of what is kept (parts of it may be up to date with a later one), or null when nothing is. */
  oldestMark(sqlite: Database.Database): number | null;
  /** The body to store, or null when nothing is kept. */
  save(sqlite: Database.Database): Buffer | null;
}

const parts: DerivedPart[] = [];

/** Parts register once, when their module loads. */
export function registerDerivedPart(part: DerivedPart): void {
  if (!parts.some((p) => p.name === part.name)) parts.push(part);
}

/**
 * How what a part keeps differs from what was last stored or read, per connection: 'patched'
 * (brought up to date through the audit log, cheap to repeat) or 'rebuilt' (computed in full).
 * Absent: nothing to store.
 */
const changes = new WeakMap<Database.Database, Map<string, 'patched' | 'rebuilt'>>();

/** A part tells what it did to what it keeps (only outside a transaction: nothing is kept inside one). */
export function noteDerivedChange(sqlite: Database.Database, name: string, how: 'patched' | 'rebuilt'): void {
  let m = changes.get(sqlite);
  if (!m) changes.set(sqlite, (m = new Map()));
  if (m.get(name) !== 'rebuilt') m.set(name, how);
}

const read = new WeakMap<Database.Database, Set<string>>();

/** The stored JSON body of part `name` checked by `schema`, the first time a connection asks (after that, or when there is none that passes, null). */
export function readDerivedJsonOnce<T>(sqlite: Database.Database, name: string, schema: z.ZodType<T>): T | null {
  let asked = read.get(sqlite);
  if (!asked) read.set(sqlite, (asked = new Set()));
  if (asked.has(name)) return null;
  asked.add(name);
  const parsed = schema.safeParse(readDerivedJson(sqlite, name));
  return parsed.success ? parsed.data : null;
}

/** The schema's identity: the newest migration applied (a migration may change rows without the audit log). */
function schemaStamp(sqlite: Database.Database): number {
  try {
    return Number((sqlite.prepare('SELECT max(created_at) AS at FROM __drizzle_migrations').get() as { at: number | null }).at ?? 0);
  } catch {
    return 0;
  }
}

function header(sqlite: Database.Database): Buffer {
  return Buffer.from(JSON.stringify({ format: DERIVED_FORMAT, schema: schemaStamp(sqlite) }));
}

/** The stored body of part `name`, or null when there is none this build can read. */
export function readDerived(sqlite: Database.Database, name: string): Buffer | null {
  try {
    const row = sqlite.prepare('SELECT data FROM derived_state WHERE name = ?').get(name) as { data: Buffer } | undefined;
    if (!row) return null;
    const raw = zlib.inflateRawSync(row.data);
    const length = raw.readUInt32LE(0);
    if (raw.subarray(4, 4 + length).toString('utf8').trimEnd() !== header(sqlite).toString('utf8')) return null;
    return raw.subarray(4 + length);
  } catch {
    // No table yet (a file opened read-only before its migration), a damaged row: computed again.
    return null;
  }
}

/** A stored JSON body, or null (none, or not JSON: computed again). */
function readDerivedJson(sqlite: Database.Database, name: string): unknown {
  const body = readDerived(sqlite, name);
  if (!body) return null;
  try {
    return JSON.parse(body.toString('utf8')) as unknown;
  } catch {
    return null;
  }
}

function pack(sqlite: Database.Database, body: Buffer): Buffer {
  // The header padded with spaces to a multiple of 8 after its length: the body's typed arrays can then be read in place.
  const json = header(sqlite).toString('utf8');
  const h = Buffer.from(json.padEnd(json.length + ((8 - ((4 + json.length) % 8)) % 8), ' '));
  const length = Buffer.alloc(4);
  length.writeUInt32LE(h.length);
  // Level 1: the bodies are typed arrays of day numbers, most alike; a higher level costs more time than it saves room.
  return zlib.deflateRawSync(Buffer.concat([length, h, body]), { level: 1 });
}

/** Where a connection's derived state is written: itself, another connection to the same file (the reader's), or nowhere. */
export type DerivedWriter = (rows: { name: string; data: Buffer }[]) => void;
const writers = new WeakMap<Database.Database, DerivedWriter>();

const REPLACE = 'INSERT INTO derived_state (name, data) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET data = excluded.data';

function writeOn(target: Database.Database, rows: { name: string; data: Buffer }[]): void {
  const put = target.prepare(REPLACE);
  target.transaction(() => rows.forEach((r) => put.run(r.name, r.data)))();
}

/**
 * How `sqlite` stores its derived state: a writable connection on itself; the reader (read
 * only) through a short-lived connection of its own, which gives up at once when the writer
 * holds the file (stored next time); a read-only administration not at all.
 */
export function allowDerivedWrites(sqlite: Database.Database, opts: { file: string; password: string | null; via: 'self' | 'side' | 'none' }): void {
  if (opts.via === 'none' || sqlite.memory) return;
  if (opts.via === 'self') writers.set(sqlite, (rows) => writeOn(sqlite, rows));
  else
    writers.set(sqlite, (rows) => {
      const side = openKeyed(opts.file, opts.password, { fileMustExist: true });
      try {
        side.pragma('busy_timeout = 200');
        writeOn(side, rows);
      } finally {
        side.close();
      }
    });
}

/**
 * Stores the parts that changed since they were last stored or read: on 'close' every change,
 * when 'idle' only after a part was computed in full (what is costly to do again; a patch is
 * stored at close). Never throws: a cache that cannot be written now (a full disk, the file
 * busy, read-only media) is computed again next time, and the fault shows at the next real write.
 */
export function storeDerived(sqlite: Database.Database, when: 'idle' | 'close'): string[] {
  const write = writers.get(sqlite);
  // Only a connection that answered the overview stores: the app's writer, or a CLI command, keeps a few nodes of its own,
  // and storing those would replace the reader's whole state with them.
  if (!write || !answered.has(sqlite) || !sqlite.open || sqlite.inTransaction) return [];
  const changed = changes.get(sqlite);
  if (!changed || changed.size === 0 || (when === 'idle' && ![...changed.values()].includes('rebuilt'))) return [];
  try {
    const saved = parts.flatMap((p) => {
      if (!changed.has(p.name)) return [];
      // Kept from before a person was anonymised, it still holds her days by id: not stored (it is brought up to date,
      // and then stored, after the next look at the overview).
      const mark = p.oldestMark(sqlite);
      if (mark !== null && anonymisedSince(sqlite, mark)) return [];
      const body = p.save(sqlite);
      return body ? [{ name: p.name, data: pack(sqlite, body) }] : [];
    });
    if (saved.length > 0) write(saved);
    saved.forEach((r) => changed.delete(r.name));
    return saved.map((r) => r.name);
  } catch {
    return [];
  }
}

const timers = new WeakMap<Database.Database, NodeJS.Timeout>();
/** The connections that answered the overview or its chart. */
const answered = new WeakSet<Database.Database>();
const IDLE_STORE_MS = 3_000;

/** After the overview or its chart: store what was computed in full once the connection has been left alone for a moment; from now on this connection stores at close too. */
export function storeDerivedWhenIdle(sqlite: Database.Database): void {
  if (!writers.has(sqlite)) return;
  answered.add(sqlite);
  clearTimeout(timers.get(sqlite));
  const timer = setTimeout(() => {
    timers.delete(sqlite);
    storeDerived(sqlite, 'idle');
  }, IDLE_STORE_MS);
  // A CLI command or a test may end before: closing stores then.
  timer.unref();
  timers.set(sqlite, timer);
}

/** At close: store what changed, before the connection goes. */
export function storeDerivedAtClose(sqlite: Database.Database): void {
  clearTimeout(timers.get(sqlite));
  timers.delete(sqlite);
  storeDerived(sqlite, 'close');
}

/** Whether a person was anonymised after audit row `mark` (privacy/anonymise.ts drops what is stored). */
function anonymisedSince(sqlite: Database.Database, mark: number): boolean {
  return (
    sqlite
      .prepare(`SELECT 1 FROM operations WHERE kind = 'privacy.anonymise' AND seq > coalesce((SELECT operation FROM audit_log WHERE id = ?), 0) LIMIT 1`)
      .get(mark) !== undefined
  );
}

/** Drops everything stored (the anonymisation of a person: it holds her days by id); the next opening computes it again. */
export function dropDerivedState(sqlite: Database.Database): void {
  sqlite.prepare('DELETE FROM derived_state').run();
}

/** A body of named typed-array sections behind a JSON head (the parts' own layout). */
export function encodeSections(head: unknown, sections: ArrayBufferView[]): Buffer {
  const json = Buffer.from(JSON.stringify({ head, sizes: sections.map((s) => s.byteLength) }));
  const prefix = Buffer.alloc(4);
  prefix.writeUInt32LE(json.length);
  // Each section starts at a multiple of 8, so it can be read in place as its typed array.
  const chunks: Buffer[] = [prefix, json];
  let at = 4 + json.length;
  for (const s of sections) {
    const pad = (8 - (at % 8)) % 8;
    if (pad) chunks.push(Buffer.alloc(pad));
    at += pad;
    chunks.push(Buffer.from(s.buffer, s.byteOffset, s.byteLength));
    at += s.byteLength;
  }
  return Buffer.concat(chunks);
}

export function decodeSections(body: Buffer): { head: unknown; sections: Uint8Array[] } {
  const length = body.readUInt32LE(0);
  const { head, sizes } = JSON.parse(body.subarray(4, 4 + length).toString('utf8')) as { head: unknown; sizes: number[] };
  // Typed-array views need their offset aligned: in place when the body is (pack pads the header), else a copy.
  let aligned: Uint8Array = body;
  if (body.byteOffset % 8 !== 0) {
    aligned = new Uint8Array(body.length);
    aligned.set(body);
  }
  const sections: Uint8Array[] = [];
  let at = 4 + length;
  for (const size of sizes) {
    at += (8 - (at % 8)) % 8;
    if (at + size > body.length) throw new RangeError('derived state: a section runs past the end');
    sections.push(aligned.subarray(at, at + size));
    at += size;
  }
  return { head, sections };
}

/** A section (decodeSections: aligned) as Int32 / Uint32 values, in place. */
export const asInt32 = (s: Uint8Array) => new Int32Array(s.buffer, s.byteOffset, s.byteLength / 4);
export const asUint32 = (s: Uint8Array) => new Uint32Array(s.buffer, s.byteOffset, s.byteLength / 4);

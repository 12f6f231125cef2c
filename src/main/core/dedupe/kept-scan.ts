import type Database from 'better-sqlite3';
import type { CoreContext } from '../context';
import { auditMark, changedSince, keepable } from '../db/audit-mark';
import { z } from 'zod';
import { noteDerivedChange, readDerivedJsonOnce, registerDerivedPart } from '../db/derived-state';
import { allRecordsInSteps, loadLiveRecords } from './dedupe-records';
import { dismissedPairs, loadWeights, pairKey } from './dedupe-store';
import { MAX_BLOCK, scanSteps } from './scan';
import { blockingKeys, prepare, scorePair, type Prepared } from './scorer';

/**
 * The duplicate scan's suspected pairs, kept between changes. A full scan reads and scores
 * every relation (seconds at 100,000), and the overview asks after every edit; an edit touches
 * a few relations. So the pairs are kept with the blocks they were found in, and after a change
 * only the relations the audit log names (rows of `relations` and `addresses` since the last
 * look) are scored again against their blocks. The result is the full scan's (scanPrepared:
 * same blocking, same MAX_BLOCK rule, same scorer); kept-scan.test.ts compares the two after
 * every kind of edit.
 *
 * "Geen dubbel" pairs are left out when read (the table is small and audited anyway), so a
 * dismissal needs no rescoring. A change of the weights, of today (the scan reads the
 * addresses in force today) or more changed relations than a tenth of all rescans in full.
 */
interface Kept {
  today: string;
  weights: string;
  /** audit_log.id up to which the changes are in. */
  mark: number;
  prepared: Map<string, Prepared>;
  keys: Map<string, string[]>;
  blocks: Map<string, Set<string>>;
  /** Suspected pairs (`pairKey`), dismissals not applied, and per relation its pairs. */
  pairs: Set<string>;
  pairsOf: Map<string, Set<string>>;
  /**
   * Read back from the file (db/derived-state.ts): the pairs only, without the records and
   * blocks a rescoring needs. Good while nothing it reads changed; a change builds it in full.
   */
  storedOnly?: boolean;
}

const kept = new WeakMap<Database.Database, Kept>();

const eligible = (size: number) => size >= 2 && size <= MAX_BLOCK;

function addPair(k: Kept, a: string, b: string): void {
  const key = pairKey(a, b);
  k.pairs.add(key);
  for (const id of [a, b]) (k.pairsOf.get(id) ?? k.pairsOf.set(id, new Set()).get(id)!).add(key);
}

function removePair(k: Kept, key: string): void {
  if (!k.pairs.delete(key)) return;
  const [a, b] = key.split('|') as [string, string];
  k.pairsOf.get(a)?.delete(key);
  k.pairsOf.get(b)?.delete(key);
}

function build(ctx: CoreContext, today: string, weights: string, mark: number): Kept {
  const steps = buildSteps(ctx, today, weights, mark);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** How many records a step of `buildSteps` prepares and places. */
const STEP_RECORDS = 4_000;

/** The build in steps (a few milliseconds each), so it can also be made in slices between requests (`completeInSlices`). */
function* buildSteps(ctx: CoreContext, today: string, weights: string, mark: number): Generator<void, Kept, void> {
  const read = allRecordsInSteps(ctx);
  let step = read.next();
  for (; !step.done; step = read.next()) yield;
  const records = step.value;
  const k: Kept = { today, weights, mark, prepared: new Map(), keys: new Map(), blocks: new Map(), pairs: new Set(), pairsOf: new Map() };
  const prepared: Prepared[] = [];
  const keys: string[][] = [];
  for (let i = 0; i < records.length; i++) {
    const p = prepare(records[i]!, ctx.reference.infixes);
    prepared.push(p);
    keys.push(blockingKeys(p));
    place(k, p, keys[i]!);
    if (i % STEP_RECORDS === STEP_RECORDS - 1) yield;
  }
  // The pairs themselves are the scan's own (one source for which pairs are suspected), on the same prepared records.
  const scan = scanSteps(prepared, keys, JSON.parse(weights), new Set());
  for (;;) {
    const step = scan.next();
    if (step.done) {
      for (const p of step.value.pairs) addPair(k, p.a.id, p.b.id);
      return k;
    }
    yield;
  }
}

function place(k: Kept, p: Prepared, keys: string[] = blockingKeys(p)): void {
  k.prepared.set(p.rec.id, p);
  k.keys.set(p.rec.id, keys);
  for (const key of keys) (k.blocks.get(key) ?? k.blocks.set(key, new Set()).get(key)!).add(p.rec.id);
}

/** Whether the full scan would compare x and y: they share a block it does not skip. */
function compared(k: Kept, x: string, y: string): boolean {
  const ky = new Set(k.keys.get(y) ?? []);
  return (k.keys.get(x) ?? []).some((key) => ky.has(key) && eligible(k.blocks.get(key)!.size));
}

/** Brings the kept pairs up to date for the relations changed (edited, added, trashed, purged). */
function update(ctx: CoreContext, k: Kept, changed: Set<string>): void {
  const weights = JSON.parse(k.weights);
  const fresh = loadLiveRecords(ctx, [...changed]).map((r) => prepare(r, ctx.reference.infixes));
  // Blocks whose size crosses MAX_BLOCK (or 2) change for every pair in them, not only the changed relations'.
  const touched = new Set<string>([...changed].flatMap((id) => k.keys.get(id) ?? []));
  for (const p of fresh) for (const key of blockingKeys(p)) touched.add(key);
  const before = new Map([...touched].map((key) => [key, eligible(k.blocks.get(key)?.size ?? 0)]));
  for (const id of changed) {
    for (const key of k.keys.get(id) ?? []) k.blocks.get(key)?.delete(id);
    for (const pair of [...(k.pairsOf.get(id) ?? [])]) removePair(k, pair);
    k.pairsOf.delete(id);
    k.prepared.delete(id);
    k.keys.delete(id);
  }
  for (const p of fresh) place(k, p);
  const decided = new Set<string>();
  const decide = (x: string, y: string) => {
    const key = pairKey(x, y);
    if (decided.has(key)) return;
    decided.add(key);
    removePair(k, key);
    if (compared(k, x, y) && scorePair(k.prepared.get(x)!, k.prepared.get(y)!, weights, 'suspects').suspect) addPair(k, x, y);
  };
  for (const [key, was] of before) {
    const members = [...(k.blocks.get(key) ?? [])];
    if (members.length === 0) k.blocks.delete(key);
    if (was === eligible(members.length)) continue;
    for (let i = 0; i < members.length; i++) for (let j = i + 1; j < members.length; j++) decide(members[i]!, members[j]!);
  }
  for (const p of fresh)
    for (const key of k.keys.get(p.rec.id)!) {
      const block = k.blocks.get(key)!;
      if (eligible(block.size)) for (const other of block) if (other !== p.rec.id) decide(p.rec.id, other);
    }
}

/** The suspected pairs of the duplicate scan now (scanRecords with the stored weights and dismissals), as `pairKey`s. */
export function suspectedPairs(ctx: CoreContext): string[] {
  const sqlite = ctx.sqlite;
  const today = ctx.today();
  const weights = JSON.stringify(loadWeights(ctx));
  const mark = auditMark(sqlite);
  if (keepable(sqlite)) {
    if (!kept.has(sqlite)) {
      const stored = loadStored(sqlite);
      if (stored) kept.set(sqlite, stored);
    }
    // A change (or another day) before the records of a read-back state were completed in slices: complete them now.
    const read = kept.get(sqlite);
    if (read?.storedOnly && (read.mark < mark || read.today !== today)) finishSlices(sqlite);
  }
  let k = kept.get(sqlite);
  if (k && k.today !== today && k.weights === weights && k.mark <= mark && keepable(sqlite)) {
    // Another day: the scan reads the addresses in force today, so the relations whose address came into or went out of
    // force in between changed, and only those.
    const moved = addressesMovedBetween(ctx, k.today, today);
    if (moved.size === 0 || (!k.storedOnly && moved.size <= k.prepared.size / 10)) {
      if (moved.size > 0) updateOrDrop(ctx, k, moved);
      k.today = today;
      noteDerivedChange(sqlite, PART, 'patched');
    }
  }
  const current = k && k.today === today && k.weights === weights && k.mark <= mark ? k : undefined;
  if (!keepable(sqlite) && !(current && current.mark === mark)) {
    // Inside a transaction (a preview that is rolled back) the changes may vanish again: scan, keep nothing.
    k = build(ctx, today, weights, mark);
  } else if (!current) {
    k = build(ctx, today, weights, mark);
    kept.set(sqlite, k);
    noteDerivedChange(sqlite, PART, 'rebuilt');
  } else {
    k = current;
    if (k.mark < mark) {
      const changed = changedSince(sqlite, ['relations', 'addresses'], k.mark, mark).relations;
      if (changed.size > 0 && (k.storedOnly || changed.size > k.prepared.size / 10)) {
        kept.set(sqlite, (k = build(ctx, today, weights, mark)));
        noteDerivedChange(sqlite, PART, 'rebuilt');
      } else {
        updateOrDrop(ctx, k, changed);
        k.mark = mark;
        noteDerivedChange(sqlite, PART, 'patched');
      }
    }
    // Read back from the file: what a change needs to be rescored is made in slices from now on, between requests.
    if (k.storedOnly) completeInSlices(ctx, k);
  }
  const dismissed = dismissedPairs(ctx);
  return [...k.pairs].filter((p) => !dismissed.has(p));
}

function updateOrDrop(ctx: CoreContext, k: Kept, changed: Set<string>): void {
  try {
    update(ctx, k, changed);
  } catch (e) {
    // Half-updated pairs would be wrong until the next full scan: drop them now.
    kept.delete(ctx.sqlite);
    throw e;
  }
}

/** The relations whose address came into force or went out of it on a day after the one of the two and up to the other (dedupe-records.ts reads those in force today). */
function addressesMovedBetween(ctx: CoreContext, a: string, b: string): Set<string> {
  const [from, to] = a < b ? [a, b] : [b, a];
  const ids = ctx.sqlite
    .prepare(`SELECT DISTINCT relation_id FROM addresses WHERE (valid_from > @from AND valid_from <= @to) OR (valid_to > @from AND valid_to <= @to)`)
    .pluck()
    .all({ from, to }) as string[];
  return new Set(ids);
}

/*
 * A state read back from the file has the pairs but not the records and blocks a rescoring
 * needs. They are built in slices of SLICE_MS between requests (the core thread answers
 * in between), so the first edit after opening finds them ready; a change that comes first
 * completes the rest at once (`finishSlices`). The build is `build`'s, step by step.
 */
const SLICE_MS = 20;
interface Slices {
  from: Kept;
  steps: Generator<void, Kept, void>;
}
const slicing = new WeakMap<Database.Database, Slices>();

function completeInSlices(ctx: CoreContext, k: Kept): void {
  const sqlite = ctx.sqlite;
  if (slicing.has(sqlite)) return;
  // Up to date with the mark now at the latest: the records are read in the first slice, after it.
  const job: Slices = { from: k, steps: buildSteps(ctx, k.today, k.weights, Math.max(k.mark, auditMark(sqlite))) };
  slicing.set(sqlite, job);
  const slice = () => {
    if (slicing.get(sqlite) !== job || kept.get(sqlite) !== job.from || !sqlite.open) {
      if (slicing.get(sqlite) === job) slicing.delete(sqlite);
      return;
    }
    if (!sqlite.inTransaction) {
      const until = performance.now() + SLICE_MS;
      while (performance.now() < until) {
        const step = job.steps.next();
        if (step.done) return adopt(sqlite, job, step.value);
      }
    }
    next();
  };
  // A timer, not setImmediate: an unreferenced immediate does not wake an event loop that waits for messages, so the
  // slices would wait for the next request. Unreferenced, so a CLI command or a test ends without waiting for them.
  const next = () => setTimeout(slice, 0).unref();
  next();
}

function finishSlices(sqlite: Database.Database): void {
  const job = slicing.get(sqlite);
  if (!job || kept.get(sqlite) !== job.from) return;
  for (;;) {
    const step = job.steps.next();
    if (step.done) return adopt(sqlite, job, step.value);
  }
}

function adopt(sqlite: Database.Database, job: Slices, built: Kept): void {
  slicing.delete(sqlite);
  if (kept.get(sqlite) !== job.from) return;
  // The read-back pairs were of the same day and weights; the built ones are up to date with a mark at least as late.
  kept.set(sqlite, built);
  // Stored again only when it is of a later state than what was read back (the pairs are the same otherwise).
  if (built.mark > job.from.mark) noteDerivedChange(sqlite, PART, 'rebuilt');
}

/*
 * Stored across closing the file (db/derived-state.ts): the pairs, with the day, the weights and
 * the audit row they are of. Read back they answer the overview's count and the list as long as
 * nothing they read changed; the first change after opening scores everything again (the
 * records and blocks a rescoring needs are not stored: they are most of the build's time to
 * read, and several times the pairs' size).
 */
const PART = 'dedupe.kept-scan';

const storedScan = z.object({ today: z.string(), weights: z.string(), mark: z.number().int(), pairs: z.array(z.string().regex(/^[^|]+\|[^|]+$/)) });

function loadStored(sqlite: Database.Database): Kept | null {
  const s = readDerivedJsonOnce(sqlite, PART, storedScan);
  if (!s) return null;
  const k: Kept = { today: s.today, weights: s.weights, mark: s.mark, prepared: new Map(), keys: new Map(), blocks: new Map(), pairs: new Set(), pairsOf: new Map(), storedOnly: true };
  for (const p of s.pairs) {
    const [a, b] = p.split('|') as [string, string];
    addPair(k, a, b);
  }
  return k;
}

registerDerivedPart({
  name: PART,
  oldestMark: (sqlite) => kept.get(sqlite)?.mark ?? null,
  save: (sqlite) => {
    const k = kept.get(sqlite);
    return k ? Buffer.from(JSON.stringify({ today: k.today, weights: k.weights, mark: k.mark, pairs: [...k.pairs] })) : null;
  },
});

/** What is kept of the scan for a connection (tests): nothing, the pairs read back from the file, or everything a rescoring needs. */
export function keptScanState(ctx: CoreContext): 'none' | 'read back' | 'complete' {
  const k = kept.get(ctx.sqlite);
  return !k ? 'none' : k.storedOnly ? 'read back' : 'complete';
}

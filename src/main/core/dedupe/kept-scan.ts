import type Database from 'better-sqlite3';
import type { CoreContext } from '../context';
import { auditMark, changedSince, keepable } from '../db/audit-mark';
import { loadAllRecords, loadLiveRecords } from './dedupe-records';
import { dismissedPairs, loadWeights, pairKey } from './dedupe-store';
import { MAX_BLOCK, scanPrepared } from './scan';
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
  const records = loadAllRecords(ctx);
  const k: Kept = { today, weights, mark, prepared: new Map(), keys: new Map(), blocks: new Map(), pairs: new Set(), pairsOf: new Map() };
  const prepared = records.map((r) => prepare(r, ctx.reference.infixes));
  const keys = prepared.map(blockingKeys);
  prepared.forEach((p, i) => place(k, p, keys[i]!));
  // The pairs themselves are the scan's own (one source for which pairs are suspected), on the same prepared records.
  for (const p of scanPrepared(prepared, keys, JSON.parse(weights), new Set()).pairs) addPair(k, p.a.id, p.b.id);
  return k;
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
  const today = ctx.today();
  const weights = JSON.stringify(loadWeights(ctx));
  const mark = auditMark(ctx.sqlite);
  let k = kept.get(ctx.sqlite);
  const current = k && k.today === today && k.weights === weights && k.mark <= mark ? k : undefined;
  if (!keepable(ctx.sqlite) && !(current && current.mark === mark)) {
    // Inside a transaction (a preview that is rolled back) the changes may vanish again: scan, keep nothing.
    k = build(ctx, today, weights, mark);
  } else if (!current) {
    k = build(ctx, today, weights, mark);
    kept.set(ctx.sqlite, k);
  } else {
    k = current;
    if (k.mark < mark) {
      const changed = changedSince(ctx.sqlite, ['relations', 'addresses'], k.mark, mark).relations;
      if (changed.size > k.prepared.size / 10) kept.set(ctx.sqlite, (k = build(ctx, today, weights, mark)));
      else {
        try {
          update(ctx, k, changed);
        } catch (e) {
          // Half-updated pairs would be wrong until the next full scan: drop them now.
          kept.delete(ctx.sqlite);
          throw e;
        }
        k.mark = mark;
      }
    }
  }
  const dismissed = dismissedPairs(ctx);
  return [...k.pairs].filter((p) => !dismissed.has(p));
}

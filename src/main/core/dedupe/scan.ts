import type { DedupeWeights, DuplicatePair } from '../../../shared/contract/dedupe';
import { blockingKeys, prepare, scorePair, type DedupeRecord, type Prepared } from './scorer';

/**
 * Beyond this many relations sharing one value (one club e-mail on 2,000 youth members), the
 * block is skipped and reported rather than compared all-pairs; its pairs may still meet in
 * another block (a birth date, a phone).
 */
export const MAX_BLOCK = 400;

export interface ScanResult {
  pairs: DuplicatePair[];
  comparisons: number;
  dismissed: number;
  skippedBlocks: { key: string; size: number }[];
}

/**
 * Scores every pair that shares a blocking value (an identifying field). The scorer only
 * suspects pairs with an agreeing identifier, so this finds exactly what all-pairs would,
 * for a fraction of the comparisons.
 */
export function scanRecords(records: DedupeRecord[], infixes: Set<string>, weights: DedupeWeights, dismissed: Set<string>): ScanResult {
  const prepared: Prepared[] = records.map((r) => prepare(r, infixes));
  return scanPrepared(prepared, prepared.map(blockingKeys), weights, dismissed);
}

/** `scanRecords` on records already prepared, with each one's `blockingKeys` (the kept scan prepares them once for both). */
export function scanPrepared(prepared: readonly Prepared[], keys: readonly (readonly string[])[], weights: DedupeWeights, dismissed: Set<string>): ScanResult {
  const steps = scanSteps(prepared, keys, weights, dismissed);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** How many comparisons a step of `scanSteps` makes (a few milliseconds' work). */
const STEP_COMPARISONS = 2_000;

/** `scanPrepared` in steps, for a scan made in slices between other work (kept-scan.ts): the same scan, paused every STEP_COMPARISONS. */
export function* scanSteps(prepared: readonly Prepared[], keys: readonly (readonly string[])[], weights: DedupeWeights, dismissed: Set<string>): Generator<void, ScanResult, void> {
  const blocks = new Map<string, number[]>();
  prepared.forEach((_p, i) => {
    for (const k of keys[i]!) {
      const list = blocks.get(k);
      if (list) list.push(i);
      else blocks.set(k, [i]);
    }
  });
  const seen = new Set<number>();
  const pairs: DuplicatePair[] = [];
  const skippedBlocks: ScanResult['skippedBlocks'] = [];
  let comparisons = 0;
  let skippedDismissed = 0;
  const n = prepared.length;
  for (const [key, members] of blocks) {
    if (members.length < 2) continue;
    if (members.length > MAX_BLOCK) {
      skippedBlocks.push({ key, size: members.length });
      continue;
    }
    for (let x = 0; x < members.length; x++) {
      for (let y = x + 1; y < members.length; y++) {
        const i = members[x] as number;
        const j = members[y] as number;
        const code = i < j ? i * n + j : j * n + i;
        if (seen.has(code)) continue;
        seen.add(code);
        const a = prepared[i] as Prepared;
        const b = prepared[j] as Prepared;
        const idA = a.rec.id;
        const idB = b.rec.id;
        if (dismissed.has(idA < idB ? `${idA}|${idB}` : `${idB}|${idA}`)) {
          skippedDismissed++;
          continue;
        }
        if (++comparisons % STEP_COMPARISONS === 0) yield;
        const scored = scorePair(a, b, weights, 'suspects');
        if (scored.suspect) {
          const { suspect: _s, ...pair } = scored;
          // The lower number first: usually the older record, the natural survivor.
          pairs.push(pair.a.number <= pair.b.number ? pair : { ...pair, a: pair.b, b: pair.a, fields: pair.fields.map((f) => ({ ...f, a: f.b, b: f.a })) });
        }
      }
    }
  }
  pairs.sort((p, q) => q.score - p.score || p.a.number - q.a.number || p.b.number - q.b.number);
  return { pairs, comparisons, dismissed: skippedDismissed, skippedBlocks };
}

/** The baseline a scan is measured against: every pair compared. */
export function allPairs(records: DedupeRecord[], infixes: Set<string>, weights: DedupeWeights): { suspects: number; comparisons: number; keys: string[] } {
  const prepared = records.map((r) => prepare(r, infixes));
  let suspects = 0;
  const keys: string[] = [];
  let comparisons = 0;
  for (let i = 0; i < prepared.length; i++) {
    for (let j = i + 1; j < prepared.length; j++) {
      const a = prepared[i] as Prepared;
      const b = prepared[j] as Prepared;
      if (a.rec.kind !== b.rec.kind) continue;
      comparisons++;
      if (scorePair(a, b, weights, 'suspects').suspect) {
        suspects++;
        keys.push([a.rec.id, b.rec.id].sort().join('|'));
      }
    }
  }
  return { suspects, comparisons, keys };
}

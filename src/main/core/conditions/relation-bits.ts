import type Database from 'better-sqlite3';

/**
 * Sets of relations as bits. On one day a condition is a set of relations, and the overview
 * combines and counts 36 of them over 100,000 relations after every edit and for every date:
 * as sets of id strings that is millions of hash insertions and lookups per overview; as bits
 * an AND, OR, NOT or count is a pass over 3,125 words.
 *
 * Each relation id of a connection gets a small number, the first time it is seen, for as long
 * as the connection lives (ids are never reused: a purged relation's number stays unused). A
 * set made earlier may be shorter than one made later: the words it lacks are zero.
 */
export interface RelationNumbers {
  numberOf(id: string): number;
  ids: readonly string[];
}

const numbersOf = new WeakMap<Database.Database, RelationNumbers>();

export function relationNumbers(sqlite: Database.Database): RelationNumbers {
  let n = numbersOf.get(sqlite);
  if (!n) {
    const index = new Map<string, number>();
    const ids: string[] = [];
    n = {
      ids,
      numberOf(id) {
        let i = index.get(id);
        if (i === undefined) {
          i = ids.length;
          ids.push(id);
          index.set(id, i);
        }
        return i;
      },
    };
    numbersOf.set(sqlite, n);
  }
  return n;
}

export type Bits = Uint32Array;

/** Room for every number given out so far. */
export function emptyBits(numbers: RelationNumbers): Bits {
  return new Uint32Array((numbers.ids.length + 31) >>> 5);
}

export function setBit(bits: Bits, i: number): void {
  const w = i >>> 5;
  bits[w] = bits[w]! | (1 << (i & 31));
}

export function bitsOf(numbers: RelationNumbers, ids: Iterable<string>): Bits {
  const numbered: number[] = [];
  for (const id of ids) numbered.push(numbers.numberOf(id));
  const bits = emptyBits(numbers);
  for (const i of numbered) setBit(bits, i);
  return bits;
}

/** a ∧ b, a ∨ b, a ∧ ¬b: as long as the longer of the two (a missing word is zero). */
export function andBits(a: Bits, b: Bits): Bits {
  const out = new Uint32Array(Math.max(a.length, b.length));
  const n = Math.min(a.length, b.length);
  for (let w = 0; w < n; w++) out[w] = a[w]! & b[w]!;
  return out;
}

export function orBits(a: Bits, b: Bits): Bits {
  const [long, short] = a.length >= b.length ? [a, b] : [b, a];
  const out = Uint32Array.from(long);
  for (let w = 0; w < short.length; w++) out[w] = out[w]! | short[w]!;
  return out;
}

export function andNotBits(a: Bits, b: Bits): Bits {
  const out = Uint32Array.from(a);
  const n = Math.min(a.length, b.length);
  for (let w = 0; w < n; w++) out[w] = out[w]! & ~b[w]!;
  return out;
}

function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) as number;
}

/** How many of `within` are in `bits` (or, `negated`, not in it). */
export function countWithin(within: Bits, bits: Bits, negated: boolean): number {
  let count = 0;
  for (let w = 0; w < within.length; w++) {
    const b = w < bits.length ? bits[w]! : 0;
    count += popcount(within[w]! & (negated ? ~b : b));
  }
  return count;
}

/** Each number of `within` that is in `bits` (or, `negated`, not in it), in ascending order: the walk `countWithin` counts. */
export function forEachWithin(within: Bits, bits: Bits, negated: boolean, fn: (i: number) => void): void {
  for (let w = 0; w < within.length; w++) {
    const b = w < bits.length ? bits[w]! : 0;
    let word = within[w]! & (negated ? ~b : b);
    while (word !== 0) {
      const low = word & -word;
      fn((w << 5) + 31 - Math.clz32(low));
      word ^= low;
    }
  }
}

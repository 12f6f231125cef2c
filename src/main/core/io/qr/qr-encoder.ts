/*
 * A QR code encoder (ISO/IEC 18004) for byte-mode text: the one the EPC payment QR code on
 * invoices needs. Written for speed on typed arrays because a run's letters carry thousands
 * of codes: qrcode-generator (which this replaces) took ~4 ms per code, mostly in its mask
 * selection over nested arrays; this takes a small fraction of that. The layout follows the
 * standard step by step (and Project Nayuki's well-known reference implementation); the
 * tests decode its codes with jsQR and compare them module for module with
 * qrcode-generator's for every version and level.
 */

export type QrLevel = 'L' | 'M' | 'Q' | 'H';

const LEVEL_INDEX: Record<QrLevel, number> = { L: 0, M: 1, Q: 2, H: 3 };
/** The two format bits of each level (ISO 18004 table 12): L 01, M 00, Q 11, H 10. */
const FORMAT_BITS = [1, 0, 3, 2];

// Per level, per version (index 0 unused): error correction codewords per block, and blocks.
const ECC_PER_BLOCK = [
  [-1, 7, 10, 15, 20, 26, 18, 20, 24, 30, 18, 20, 24, 26, 30, 22, 24, 28, 30, 28, 28, 28, 28, 30, 30, 26, 28, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30],
  [-1, 10, 16, 26, 18, 24, 16, 18, 22, 22, 26, 30, 22, 22, 24, 24, 28, 28, 26, 26, 26, 26, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28],
  [-1, 13, 22, 18, 26, 18, 24, 18, 22, 20, 24, 28, 26, 24, 20, 30, 24, 28, 28, 26, 30, 28, 30, 30, 30, 30, 28, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30],
  [-1, 17, 28, 22, 16, 22, 28, 26, 26, 24, 28, 24, 28, 22, 24, 24, 30, 28, 28, 26, 28, 30, 24, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30],
];
const BLOCKS = [
  [-1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 4, 4, 4, 4, 4, 6, 6, 6, 6, 7, 8, 8, 9, 9, 10, 12, 12, 12, 13, 14, 15, 16, 17, 18, 19, 19, 20, 21, 22, 24, 25],
  [-1, 1, 1, 1, 2, 2, 4, 4, 4, 5, 5, 5, 8, 9, 9, 10, 10, 11, 13, 14, 16, 17, 17, 18, 20, 21, 23, 25, 26, 28, 29, 31, 33, 35, 37, 38, 40, 43, 45, 47, 49],
  [-1, 1, 1, 2, 2, 4, 4, 6, 6, 8, 8, 8, 10, 12, 16, 12, 17, 16, 18, 21, 20, 23, 23, 25, 27, 29, 34, 34, 35, 38, 40, 43, 45, 48, 51, 53, 56, 59, 62, 65, 68],
  [-1, 1, 1, 2, 4, 4, 4, 5, 6, 8, 8, 11, 11, 16, 16, 18, 16, 19, 21, 25, 25, 25, 34, 30, 32, 35, 37, 40, 42, 45, 48, 51, 54, 57, 60, 63, 66, 70, 74, 77, 81],
];

/** Modules that carry data and error correction, after the function patterns. */
function rawDataModules(version: number): number {
  let n = (16 * version + 128) * version + 64;
  if (version >= 2) {
    const align = Math.floor(version / 7) + 2;
    n -= (25 * align - 10) * align - 55;
    if (version >= 7) n -= 36;
  }
  return n;
}

function dataCodewords(version: number, level: number): number {
  return Math.floor(rawDataModules(version) / 8) - ECC_PER_BLOCK[level]![version]! * BLOCKS[level]![version]!;
}

// GF(2^8) with the QR polynomial x^8 + x^4 + x^3 + x^2 + 1, by log tables.
const EXP = new Uint8Array(512);
const LOG = new Uint8Array(256);
for (let i = 0, x = 1; i < 255; i++, x = (x << 1) ^ (x & 0x80 ? 0x11d : 0)) {
  EXP[i] = x;
  LOG[x] = i;
}
for (let i = 255; i < 512; i++) EXP[i] = EXP[i - 255]!;
const mul = (a: number, b: number) => (a === 0 || b === 0 ? 0 : EXP[LOG[a]! + LOG[b]!]!);

const divisors = new Map<number, Uint8Array>();
/** The Reed-Solomon generator polynomial of a degree, highest coefficient (1) left out. */
function divisor(degree: number): Uint8Array {
  let d = divisors.get(degree);
  if (d) return d;
  d = new Uint8Array(degree);
  d[degree - 1] = 1;
  let root = 1;
  for (let i = 0; i < degree; i++) {
    for (let j = 0; j < degree; j++) {
      d[j] = mul(d[j]!, root);
      if (j + 1 < degree) d[j]! ^= d[j + 1]!;
    }
    root = mul(root, 2);
  }
  divisors.set(degree, d);
  return d;
}

function remainder(data: Uint8Array, div: Uint8Array): Uint8Array {
  const out = new Uint8Array(div.length);
  for (const b of data) {
    const factor = b ^ out[0]!;
    out.copyWithin(0, 1);
    out[out.length - 1] = 0;
    for (let i = 0; i < div.length; i++) out[i]! ^= mul(div[i]!, factor);
  }
  return out;
}

/** The data codewords: mode, length, the bytes, terminator and padding. */
function encodeData(bytes: Uint8Array, version: number, capacity: number): Uint8Array {
  const out = new Uint8Array(capacity);
  let bit = 0;
  const put = (value: number, length: number) => {
    for (let i = length - 1; i >= 0; i--, bit++) if ((value >>> i) & 1) out[bit >>> 3]! |= 0x80 >>> (bit & 7);
  };
  put(0b0100, 4);
  put(bytes.length, version <= 9 ? 8 : 16);
  for (const b of bytes) put(b, 8);
  // The terminator and the bits up to a byte are zero already; then the pad bytes alternate.
  let at = Math.ceil(Math.min(bit + 4, capacity * 8) / 8);
  for (let pad = 0xec; at < capacity; at++, pad ^= 0xec ^ 0x11) out[at] = pad;
  return out;
}

/** Error correction per block, then data and correction interleaved across the blocks. */
function withErrorCorrection(data: Uint8Array, version: number, level: number): Uint8Array {
  const blocks = BLOCKS[level]![version]!;
  const ecc = ECC_PER_BLOCK[level]![version]!;
  const raw = Math.floor(rawDataModules(version) / 8);
  const short = blocks - (raw % blocks);
  const shortLen = Math.floor(raw / blocks);
  const div = divisor(ecc);
  const parts: { data: Uint8Array; ecc: Uint8Array }[] = [];
  for (let i = 0, k = 0; i < blocks; i++) {
    const len = shortLen - ecc + (i < short ? 0 : 1);
    const d = data.subarray(k, k + len);
    k += len;
    parts.push({ data: d, ecc: remainder(d, div) });
  }
  const out = new Uint8Array(raw);
  let n = 0;
  for (let i = 0; i <= shortLen - ecc; i++) for (const p of parts) if (i < p.data.length) out[n++] = p.data[i]!;
  for (let i = 0; i < ecc; i++) for (const p of parts) out[n++] = p.ecc[i]!;
  return out;
}

function alignmentPositions(version: number, size: number): number[] {
  if (version === 1) return [];
  const count = Math.floor(version / 7) + 2;
  const step = Math.floor((version * 8 + count * 3 + 5) / (count * 4 - 4)) * 2;
  const out = [6];
  for (let pos = size - 7; out.length < count; pos -= step) out.splice(1, 0, pos);
  return out;
}

class Grid {
  readonly dark: Uint8Array;
  readonly fixed: Uint8Array;
  constructor(readonly size: number) {
    this.dark = new Uint8Array(size * size);
    this.fixed = new Uint8Array(size * size);
  }
  /** A function module (not data): x is the column, y the row. */
  set(x: number, y: number, dark: boolean): void {
    const i = y * this.size + x;
    this.dark[i] = dark ? 1 : 0;
    this.fixed[i] = 1;
  }
}

function formatBits(level: number, mask: number): number {
  const data = (FORMAT_BITS[level]! << 3) | mask;
  let rem = data;
  for (let i = 0; i < 10; i++) rem = (rem << 1) ^ ((rem >>> 9) * 0x537);
  return ((data << 10) | rem) ^ 0x5412;
}

function drawFormat(g: Grid, level: number, mask: number): void {
  const bits = formatBits(level, mask);
  const bit = (i: number) => ((bits >>> i) & 1) === 1;
  const n = g.size;
  for (let i = 0; i <= 5; i++) g.set(8, i, bit(i));
  g.set(8, 7, bit(6));
  g.set(8, 8, bit(7));
  g.set(7, 8, bit(8));
  for (let i = 9; i < 15; i++) g.set(14 - i, 8, bit(i));
  for (let i = 0; i < 8; i++) g.set(n - 1 - i, 8, bit(i));
  for (let i = 8; i < 15; i++) g.set(8, n - 15 + i, bit(i));
  g.set(8, n - 8, true);
}

function drawFunctionPatterns(g: Grid, version: number, level: number): void {
  const n = g.size;
  for (let i = 0; i < n; i++) {
    g.set(6, i, i % 2 === 0);
    g.set(i, 6, i % 2 === 0);
  }
  for (const [cx, cy] of [[3, 3], [n - 4, 3], [3, n - 4]] as const) {
    for (let dy = -4; dy <= 4; dy++) {
      for (let dx = -4; dx <= 4; dx++) {
        const x = cx + dx;
        const y = cy + dy;
        const dist = Math.max(Math.abs(dx), Math.abs(dy));
        if (x >= 0 && x < n && y >= 0 && y < n) g.set(x, y, dist !== 2 && dist !== 4);
      }
    }
  }
  const align = alignmentPositions(version, n);
  const last = align.length - 1;
  for (let i = 0; i <= last; i++) {
    for (let j = 0; j <= last; j++) {
      if ((i === 0 && j === 0) || (i === 0 && j === last) || (i === last && j === 0)) continue;
      for (let dy = -2; dy <= 2; dy++) for (let dx = -2; dx <= 2; dx++) g.set(align[i]! + dx, align[j]! + dy, Math.max(Math.abs(dx), Math.abs(dy)) !== 1);
    }
  }
  drawFormat(g, level, 0);
  if (version >= 7) {
    let rem = version;
    for (let i = 0; i < 12; i++) rem = (rem << 1) ^ ((rem >>> 11) * 0x1f25);
    const bits = (version << 12) | rem;
    for (let i = 0; i < 18; i++) {
      const dark = ((bits >>> i) & 1) === 1;
      const a = n - 11 + (i % 3);
      const b = Math.floor(i / 3);
      g.set(a, b, dark);
      g.set(b, a, dark);
    }
  }
}

/** The codewords in the standard's zigzag over the non-function modules, two columns at a time from the right. */
function drawCodewords(g: Grid, codewords: Uint8Array): void {
  const n = g.size;
  let i = 0;
  const total = codewords.length * 8;
  for (let right = n - 1; right >= 1; right -= 2) {
    if (right === 6) right = 5;
    for (let vert = 0; vert < n; vert++) {
      for (let j = 0; j < 2; j++) {
        const x = right - j;
        const upward = ((right + 1) & 2) === 0;
        const y = upward ? n - 1 - vert : vert;
        const k = y * n + x;
        if (g.fixed[k] || i >= total) continue;
        g.dark[k] = (codewords[i >>> 3]! >>> (7 - (i & 7))) & 1;
        i++;
      }
    }
  }
}

const MASKS: ((x: number, y: number) => boolean)[] = [
  (x, y) => (x + y) % 2 === 0,
  (_x, y) => y % 2 === 0,
  (x) => x % 3 === 0,
  (x, y) => (x + y) % 3 === 0,
  (x, y) => (Math.floor(x / 3) + Math.floor(y / 2)) % 2 === 0,
  (x, y) => ((x * y) % 2) + ((x * y) % 3) === 0,
  (x, y) => (((x * y) % 2) + ((x * y) % 3)) % 2 === 0,
  (x, y) => (((x + y) % 2) + ((x * y) % 3)) % 2 === 0,
];

/** Per symbol size, the modules each mask flips (data modules only): the same for every code of a version. */
const maskCache = new Map<number, Uint8Array[]>();

function applyMask(g: Grid, mask: number): void {
  const n = g.size;
  let masks = maskCache.get(n);
  if (!masks) {
    masks = MASKS.map((f) => {
      const m = new Uint8Array(n * n);
      for (let y = 0; y < n; y++) for (let x = 0; x < n; x++) if (!g.fixed[y * n + x] && f(x, y)) m[y * n + x] = 1;
      return m;
    });
    maskCache.set(n, masks);
  }
  const m = masks[mask]!;
  const d = g.dark;
  for (let i = 0; i < d.length; i++) d[i]! ^= m[i]!;
}

/** 1:1:3:1:1 dark-light pattern with four light modules after it, and before it, as 11-bit windows. */
const FINDER_AFTER = 0b10111010000;
const FINDER_BEFORE = 0b00001011101;

/** Runs of five or more of one colour, and finder-like patterns, along one line of `n` modules. */
function linePenalty(d: Uint8Array, start: number, stride: number, n: number): number {
  let score = 0;
  let run = 0;
  let last = -1;
  // Outside the symbol counts as light: four light modules lead in and out of the window.
  let window = 0;
  for (let i = 0; i < n + 4; i++) {
    const v = i < n ? d[start + i * stride]! : 0;
    if (i < n) {
      if (v === last) run++;
      else {
        if (run >= 5) score += run - 2;
        run = 1;
        last = v;
      }
    }
    window = ((window << 1) | v) & 0x7ff;
    // The window is complete once 11 modules (lead-in included) have passed.
    if (i >= 6 && (window === FINDER_AFTER || window === FINDER_BEFORE)) score += 40;
  }
  if (run >= 5) score += run - 2;
  return score;
}

/**
 * The standard's penalty of a masked symbol (lower is better): runs of five or more of one
 * colour, 2×2 blocks, finder-like 1:1:3:1:1 patterns with four light modules on one side
 * (outside the symbol counts as light), and the balance of dark and light.
 */
function penalty(g: Grid): number {
  const n = g.size;
  const d = g.dark;
  let score = 0;
  for (let line = 0; line < n; line++) score += linePenalty(d, line * n, 1, n) + linePenalty(d, line, n, n);
  let darkCount = 0;
  for (let y = 0; y < n; y++) {
    for (let x = 0; x < n; x++) {
      const i = y * n + x;
      const v = d[i]!;
      darkCount += v;
      if (x + 1 < n && y + 1 < n && v === d[i + 1] && v === d[i + n] && v === d[i + n + 1]) score += 3;
    }
  }
  const total = n * n;
  // The smallest k with 45–55% ± 5k% dark.
  score += (Math.ceil(Math.abs(darkCount * 20 - total * 10) / total) - 1) * 10;
  return score;
}

export interface QrCode {
  version: number;
  size: number;
  mask: number;
  /** Row-major, 1 = dark, without the quiet zone. */
  modules: Uint8Array;
}

/**
 * Encodes bytes as a QR code in byte mode at a level: the smallest version that holds them,
 * and the mask with the lowest penalty (or the one given, for tests).
 */
export function encodeQr(bytes: Uint8Array, level: QrLevel = 'M', forceMask?: number): QrCode {
  const l = LEVEL_INDEX[level];
  let version = 1;
  for (; version <= 40; version++) if (4 + (version <= 9 ? 8 : 16) + bytes.length * 8 <= dataCodewords(version, l) * 8) break;
  if (version > 40) throw new RangeError(`QR: ${bytes.length} bytes do not fit in a code at level ${level}`);
  const codewords = withErrorCorrection(encodeData(bytes, version, dataCodewords(version, l)), version, l);
  const size = version * 4 + 17;
  const g = new Grid(size);
  drawFunctionPatterns(g, version, l);
  drawCodewords(g, codewords);
  let best = forceMask ?? -1;
  if (best < 0) {
    let bestScore = Infinity;
    for (let mask = 0; mask < 8; mask++) {
      applyMask(g, mask);
      drawFormat(g, l, mask);
      const s = penalty(g);
      if (s < bestScore) [best, bestScore] = [mask, s];
      applyMask(g, mask); // XOR again: undone
    }
  }
  applyMask(g, best);
  drawFormat(g, l, best);
  return { version, size, mask: best, modules: g.dark };
}

import qrcode from 'qrcode-generator';
import jsQR from 'jsqr';
import { describe, expect, it } from 'vitest';
import { encodeQr, type QrLevel } from './qr-encoder';
import { qrMatrix, type QrMatrix } from './qr-matrix';
import { epcPayload } from './epc-qr';

/**
 * The encoder against two independent references: qrcode-generator (the library it
 * replaces) must give the very same modules for one of the eight masks, for every version
 * and level; and jsQR must read back what was encoded, with the mask the encoder chose.
 */
const LEVELS: QrLevel[] = ['L', 'M', 'Q', 'H'];

/** Byte-mode capacity of a version at a level, taken from qrcode-generator's own choice. */
function referenceOf(bytes: Buffer, level: QrLevel) {
  const q = qrcode(0, level);
  q.addData(bytes.toString('latin1'), 'Byte');
  q.make();
  const size = q.getModuleCount();
  const modules = new Uint8Array(size * size);
  for (let r = 0; r < size; r++) for (let c = 0; c < size; c++) modules[r * size + c] = q.isDark(r, c) ? 1 : 0;
  return { size, modules };
}

function rgbaOf(m: QrMatrix, scale = 4, quiet = 4) {
  const px = (m.size + 2 * quiet) * scale;
  const data = new Uint8ClampedArray(px * px * 4).fill(255);
  for (let y = 0; y < px; y++) {
    for (let x = 0; x < px; x++) {
      const r = Math.floor(y / scale) - quiet;
      const c = Math.floor(x / scale) - quiet;
      if (r >= 0 && c >= 0 && r < m.size && c < m.size && m.dark(r, c)) data.fill(0, (y * px + x) * 4, (y * px + x) * 4 + 3);
    }
  }
  return { data, px };
}

describe('QR encoder', () => {
  /** The most bytes a version holds at a level, by our encoder (a binary search). */
  function capacity(version: number, level: QrLevel): number {
    let lo = 1;
    let hi = 3000;
    while (lo < hi) {
      const mid = Math.ceil((lo + hi) / 2);
      let v = 41;
      try {
        v = encodeQr(new Uint8Array(mid), level, 0).version;
      } catch {
        // too long for any version
      }
      if (v <= version) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  // Every version an EPC code can need at M (the level invoices use; up to 331 bytes), and at
  // every level the versions where the layout changes: the length field grows (10, 27),
  // version information appears (7), alignment patterns are added (2, 7, 14, 21, 28, 35); and 40.
  const SHAPES = [1, 2, 7, 10, 14, 21, 27, 28, 35, 40];
  const cases = LEVELS.flatMap((level) =>
    Array.from({ length: 40 }, (_, i) => i + 1)
      .filter((v) => (level === 'M' && v <= 15) || SHAPES.includes(v))
      .map((version) => [level, version] as const),
  );
  it.each(cases)('gives qrcode-generator\'s modules, for one of the masks, at level %s version %i (full and one byte over the previous version)', (level, version) => {
    for (const n of [capacity(version, level), version === 1 ? 1 : capacity(version - 1, level) + 1]) {
      const bytes = Buffer.from(Array.from({ length: n }, (_, i) => (i * 37 + n) % 256));
      expect(encodeQr(bytes, level, 0).version).toBe(version);
      const ref = referenceOf(bytes, level);
      const matching = [0, 1, 2, 3, 4, 5, 6, 7].filter((mask) => Buffer.from(encodeQr(bytes, level, mask).modules).equals(Buffer.from(ref.modules)));
      expect(matching, `${n} bytes`).toHaveLength(1);
    }
  });

  it('codes jsQR reads back: EPC payloads with accents, and texts of many lengths', () => {
    const texts = [
      epcPayload({ name: 'Hockeyclub De Uil', iban: 'NL91ABNA0417164300', amountCents: 4500, reference: '2027000000000017' })!,
      epcPayload({ name: 'Vereniging Çelik & Zoë', iban: 'NL91ABNA0417164300', bic: 'ABNANL2A', amountCents: 99_999_999, reference: 'RF18539007547034' })!,
      ...Array.from({ length: 30 }, (_, i) => 'Ledenbeheer '.repeat(i + 1).slice(0, 7 * i + 1)),
    ];
    for (const text of texts) {
      const m = qrMatrix(text);
      const { data, px } = rgbaOf(m);
      expect(jsQR(data, px, px)?.data, text).toBe(text);
    }
  });

  it('refuses a text too long for any code', () => {
    expect(() => encodeQr(new Uint8Array(3000), 'M')).toThrow(RangeError);
  });
});

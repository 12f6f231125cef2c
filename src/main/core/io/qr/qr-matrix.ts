import { encodeQr, type QrLevel } from './qr-encoder';

/** A QR code as dark/light modules, row by row (without the quiet zone). */
export interface QrMatrix {
  size: number;
  dark: (row: number, col: number) => boolean;
}

/**
 * Encodes text as a QR code in byte mode, the text as UTF-8: the smallest version that
 * holds it at the given error correction level.
 */
export function qrMatrix(text: string, level: QrLevel = 'M'): QrMatrix {
  const { size, modules } = encodeQr(Buffer.from(text, 'utf8'), level);
  return { size, dark: (r, c) => modules[r * size + c] === 1 };
}

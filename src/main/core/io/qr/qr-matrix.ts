import qrcode from 'qrcode-generator';

/** A QR code as dark/light modules, row by row (without the quiet zone). */
export interface QrMatrix {
  size: number;
  dark: (row: number, col: number) => boolean;
}

/**
 * Encodes text as a QR code in byte mode, the text as UTF-8 (qrcode-generator maps each
 * character to one byte, so the UTF-8 bytes go in as a binary string). The smallest version
 * that holds the text at the given error correction level.
 */
export function qrMatrix(text: string, level: 'L' | 'M' | 'Q' | 'H' = 'M'): QrMatrix {
  const qr = qrcode(0, level);
  qr.addData(Buffer.from(text, 'utf8').toString('latin1'), 'Byte');
  qr.make();
  return { size: qr.getModuleCount(), dark: (r, c) => qr.isDark(r, c) };
}

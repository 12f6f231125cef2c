import zlib from 'node:zlib';
import type { QrMatrix } from './qr-matrix';

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(zlib.crc32(data, zlib.crc32(Buffer.from(type, 'latin1'))) >>> 0, 0);
  return Buffer.concat([head, data, crc]);
}

/**
 * A QR code as a 1-bit greyscale PNG for a Word document: `scale` pixels per module and the
 * four-module quiet zone scanners need. Sharp at any print size; a few hundred bytes.
 */
export function qrPng(m: QrMatrix, scale = 8, quiet = 4): Buffer {
  const px = (m.size + 2 * quiet) * scale;
  const stride = Math.ceil(px / 8);
  const raw = Buffer.alloc((stride + 1) * px, 0);
  for (let y = 0; y < px; y++) {
    const row = y * (stride + 1);
    raw[row] = 0; // filter: none
    for (let x = 0; x < px; x++) {
      const r = Math.floor(y / scale) - quiet;
      const c = Math.floor(x / scale) - quiet;
      const dark = r >= 0 && c >= 0 && r < m.size && c < m.size && m.dark(r, c);
      // 1-bit greyscale: 1 is white.
      if (!dark) raw[row + 1 + (x >> 3)]! |= 0x80 >> (x & 7);
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(px, 0);
  ihdr.writeUInt32BE(px, 4);
  ihdr[8] = 1; // bit depth
  ihdr[9] = 0; // greyscale
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', zlib.deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

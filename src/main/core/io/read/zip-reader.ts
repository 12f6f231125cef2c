import zlib from 'node:zlib';

/**
 * Reads the parts of a zip (an .xlsx) from memory, with limits: a part is inflated only up
 * to `maxPartBytes` and all parts together up to `maxTotalBytes`, so a small file that
 * unpacks to gigabytes (a zip bomb) is refused before it fills memory. Every part is checked
 * against its CRC: a cut-off or damaged file is an error, never a silently shorter sheet.
 */
export class ZipError extends Error {
  constructor(
    readonly kind: 'truncated' | 'tooLarge' | 'unsupported',
    readonly part: string | null,
    message: string,
  ) {
    super(message);
    this.name = 'ZipError';
  }
}

interface Entry {
  name: string;
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  offset: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

export interface ZipLimits {
  maxPartBytes: number;
  maxTotalBytes: number;
}

export class ZipReader {
  private readonly entries = new Map<string, Entry>();
  private inflated = 0;

  constructor(
    private readonly bytes: Buffer,
    private readonly limits: ZipLimits,
  ) {
    const end = this.findEnd();
    const count = bytes.readUInt16LE(end + 10);
    const dirOffset = bytes.readUInt32LE(end + 16);
    if (count === 0xffff || dirOffset === 0xffffffff) throw new ZipError('unsupported', null, 'zip64 is not supported');
    let at = dirOffset;
    for (let i = 0; i < count; i++) {
      if (at + 46 > bytes.length || bytes.readUInt32LE(at) !== CENTRAL) throw new ZipError('truncated', null, 'central directory cut off');
      const nameLength = bytes.readUInt16LE(at + 28);
      const entry: Entry = {
        method: bytes.readUInt16LE(at + 10),
        crc: bytes.readUInt32LE(at + 16),
        compressedSize: bytes.readUInt32LE(at + 20),
        size: bytes.readUInt32LE(at + 24),
        offset: bytes.readUInt32LE(at + 42),
        name: bytes.toString('utf8', at + 46, at + 46 + nameLength),
      };
      this.entries.set(entry.name, entry);
      at += 46 + nameLength + bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32);
    }
  }

  /** The end-of-central-directory record: the last 22 bytes, or further back when the zip has a comment. */
  private findEnd(): number {
    const { bytes } = this;
    for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 0xffff); at--) {
      if (bytes.readUInt32LE(at) === EOCD) return at;
    }
    throw new ZipError('truncated', null, 'no end of central directory (the file is cut off)');
  }

  names(): string[] {
    return [...this.entries.keys()];
  }

  has(name: string): boolean {
    return this.entries.has(name);
  }

  /** One part, inflated and CRC-checked. */
  read(name: string): Buffer {
    const e = this.entries.get(name);
    if (!e) throw new ZipError('truncated', name, 'part missing');
    const { bytes } = this;
    if (e.offset + 30 > bytes.length || bytes.readUInt32LE(e.offset) !== LOCAL) throw new ZipError('truncated', name, 'local header missing');
    const start = e.offset + 30 + bytes.readUInt16LE(e.offset + 26) + bytes.readUInt16LE(e.offset + 28);
    if (start + e.compressedSize > bytes.length) throw new ZipError('truncated', name, 'data cut off');
    const raw = bytes.subarray(start, start + e.compressedSize);
    const budget = Math.min(this.limits.maxPartBytes, this.limits.maxTotalBytes - this.inflated);
    let out: Buffer;
    if (e.method === 0) out = raw;
    else if (e.method === 8) {
      try {
        // One byte over the budget is enough to know it is too large.
        out = zlib.inflateRawSync(raw, { maxOutputLength: budget + 1 });
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') throw new ZipError('tooLarge', name, 'part too large');
        throw new ZipError('truncated', name, (err as Error).message);
      }
    } else throw new ZipError('unsupported', name, `compression method ${e.method}`);
    if (out.length > budget) throw new ZipError('tooLarge', name, 'part too large');
    if ((zlib.crc32(out) >>> 0) !== e.crc >>> 0) throw new ZipError('truncated', name, 'CRC mismatch');
    this.inflated += out.length;
    return out;
  }
}

import type { TransformOptions } from 'node:stream';
import zlib from 'node:zlib';

/*
 * The one zip writer for the files we generate ourselves (.xlsx, merged .docx, a zip of
 * letters). Streamed entries (the xlsx sheet) are deflated as their text arrives, by zlib on
 * its thread pool, so compressing overlaps with producing the next rows; whole entries
 * (document parts, finished documents) are added as bytes, deflated or stored. The archive is assembled in memory at the end (compressed, so a few MB for
 * 100,000 rows). No zip64: one .xlsx sheet stays far below 4 GB (Excel's 1,048,576 rows at
 * ~1 kB per row), and an entry that would not is refused rather than written corrupt.
 */

const LIMIT = 0xffff_ffff;

// zlib passes stream options on to its Transform; its typings only list its own.
const DEFLATE_OPTIONS: zlib.ZlibOptions & TransformOptions = { level: 6, chunkSize: 1024 * 1024, writableHighWaterMark: 2 * 1024 * 1024 };

interface Entry {
  name: Buffer;
  /** 8 deflate, 0 stored (already compressed data). */
  method: 0 | 8;
  crc: number;
  size: number;
  data: Buffer[];
  compressedSize: number;
  offset: number;
}

/** An entry being written: text goes in with write(), end() finishes it. */
export class ZipEntryWriter {
  /*
   * zlib compresses on its thread pool but needs a turn of the event loop for every output
   * buffer it fills. With its default 16 kB buffer a batch of rows took a dozen round trips,
   * made only while the producer yielded, so the producer ended up waiting for zlib. With a
   * 1 MB buffer one batch is one job, compressed while the next batch is being built.
   */
  private readonly deflate = zlib.createDeflateRaw(DEFLATE_OPTIONS);
  private readonly chunks: Buffer[] = [];
  private readonly ended: Promise<void>;
  private crc = 0;
  private size = 0;
  private compressed = 0;
  private pending: string[] = [];
  private pendingLength = 0;

  constructor(
    private readonly name: string,
    private readonly onEnd: (entry: Omit<Entry, 'offset'>) => void,
  ) {
    this.deflate.on('data', (c: Buffer) => {
      this.chunks.push(c);
      this.compressed += c.length;
    });
    this.ended = new Promise((resolve, reject) => {
      this.deflate.on('end', resolve);
      this.deflate.on('error', reject);
    });
  }

  /** Collects text; it goes to zlib as one piece at drain() (or once 4 MB have gathered). */
  write(text: string): void {
    this.pending.push(text);
    this.pendingLength += text.length;
    if (this.pendingLength >= 1024 * 1024) this.flushPending();
  }

  /** Hands the text so far to zlib; waits only when zlib is 16 MB behind, so memory stays bounded. */
  async drain(): Promise<void> {
    this.flushPending();
    if (this.deflate.writableNeedDrain) await new Promise<void>((resolve) => this.deflate.once('drain', resolve));
  }

  async end(): Promise<void> {
    this.flushPending();
    this.deflate.end();
    await this.ended;
    if (this.size > LIMIT || this.compressed > LIMIT) throw new Error(`zip entry ${this.name} is larger than 4 GB`);
    this.onEnd({ name: Buffer.from(this.name, 'utf8'), method: 8, crc: this.crc, size: this.size, data: this.chunks, compressedSize: this.compressed });
  }

  private flushPending(): void {
    if (this.pending.length === 0) return;
    const bytes = Buffer.from(this.pending.join(''), 'utf8');
    this.pending = [];
    this.pendingLength = 0;
    this.crc = zlib.crc32(bytes, this.crc);
    this.size += bytes.length;
    this.deflate.write(bytes);
  }
}

// Fixed DOS time 1980-01-01 00:00: the same content gives the same bytes.
const DOS_TIME = 0;
const DOS_DATE = (0 << 9) | (1 << 5) | 1;

/** The fields a local header and its central directory record share, in the same order. */
function writeEntryFields(b: Buffer, at: number, e: Omit<Entry, 'offset' | 'data'>): void {
  b.writeUInt16LE(0x0800, at); // flags: UTF-8 names
  b.writeUInt16LE(e.method, at + 2);
  b.writeUInt16LE(DOS_TIME, at + 4);
  b.writeUInt16LE(DOS_DATE, at + 6);
  b.writeUInt32LE(e.crc >>> 0, at + 8);
  b.writeUInt32LE(e.compressedSize, at + 12);
  b.writeUInt32LE(e.size, at + 16);
  b.writeUInt16LE(e.name.length, at + 20);
}

export class ZipWriter {
  private readonly entries: Entry[] = [];
  private offset = 0;

  /** Starts an entry; entries are stored in the order they end. */
  entry(name: string): ZipEntryWriter {
    return new ZipEntryWriter(name, (e) => {
      this.entries.push({ ...e, offset: this.offset });
      this.offset += 30 + e.name.length + e.compressedSize;
    });
  }

  async add(name: string, text: string): Promise<void> {
    const w = this.entry(name);
    w.write(text);
    await w.end();
  }

  /** A whole entry at once: deflated, or stored when its data is compressed already. */
  addBytes(name: string, data: Uint8Array | string, opts: { compress: boolean }): void {
    const raw = typeof data === 'string' ? Buffer.from(data, 'utf8') : Buffer.from(data.buffer, data.byteOffset, data.byteLength);
    const stored = opts.compress ? zlib.deflateRawSync(raw, { level: 6 }) : raw;
    if (raw.length > LIMIT || stored.length > LIMIT) throw new Error(`zip entry ${name} is larger than 4 GB`);
    const e = { name: Buffer.from(name, 'utf8'), method: opts.compress ? (8 as const) : (0 as const), crc: zlib.crc32(raw), size: raw.length, data: [stored], compressedSize: stored.length };
    this.entries.push({ ...e, offset: this.offset });
    this.offset += 30 + e.name.length + e.compressedSize;
  }

  /**
   * The archive: local headers with data, then the central directory, written into one
   * buffer of the archive's size; each entry's compressed pieces are let go as they are
   * copied, so the archive is not held twice at its end (Buffer.concat of every piece).
   */
  finish(): Buffer {
    const directoryStart = this.offset;
    const directorySize = this.entries.reduce((n, e) => n + 46 + e.name.length, 0);
    if (directoryStart > LIMIT || this.entries.length > 0xffff) throw new Error('zip archive larger than 4 GB');
    const out = Buffer.alloc(directoryStart + directorySize + 22);
    let at = 0;
    for (const e of this.entries) {
      out.writeUInt32LE(0x04034b50, at);
      out.writeUInt16LE(20, at + 4); // version needed
      writeEntryFields(out, at + 6, e); // … extra field length 0
      at += 30 + e.name.copy(out, at + 30);
      for (const d of e.data) at += d.copy(out, at);
      e.data = [];
    }
    for (const e of this.entries) {
      out.writeUInt32LE(0x02014b50, at);
      out.writeUInt16LE(20, at + 4); // made by
      out.writeUInt16LE(20, at + 6); // version needed
      writeEntryFields(out, at + 8, e); // … no extra field, comment, disk or attributes
      out.writeUInt32LE(e.offset, at + 42);
      at += 46 + e.name.copy(out, at + 46);
    }
    out.writeUInt32LE(0x06054b50, at);
    out.writeUInt16LE(this.entries.length, at + 8);
    out.writeUInt16LE(this.entries.length, at + 10);
    out.writeUInt32LE(directorySize, at + 12);
    out.writeUInt32LE(directoryStart, at + 16);
    return out;
  }
}

export interface ZipEntry {
  name: string;
  data: Uint8Array | string;
}

/** A whole archive from whole entries (merged documents, a zip of documents). */
export function writeZip(entries: ZipEntry[], opts: { compress: boolean }): Uint8Array {
  const zip = new ZipWriter();
  for (const e of entries) zip.addBytes(e.name, e.data, opts);
  return zip.finish();
}

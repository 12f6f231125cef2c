import fs from 'node:fs';
import path from 'node:path';
import type { CoreContext } from '../context';
import { ensureDir, PRIVATE_FILE_MODE } from '../storage/private-files';
import { removeStaleTemps, tempNameFor } from '../storage/temp-files';
import { storageError } from '../storage/storage-errors';
import { FILES_SECTION, fileLines } from './json-files';
import { JSON_FORMAT, JSON_FORMAT_VERSION, SECTION_NAMES, exportColumns, sectionOrder, tableOf, toJsonRecord, type SectionName } from './json-format';

export interface ExportResult {
  file: string;
  bytes: number;
  counts: Record<SectionName, number>;
}

/** Buffers text and writes it out in ~1 MB pieces, so memory stays flat whatever the size. */
class ChunkWriter {
  private parts: string[] = [];
  private size = 0;
  bytes = 0;

  constructor(private readonly fd: number) {}

  write(s: string): void {
    this.parts.push(s);
    this.size += s.length;
    if (this.size >= 1 << 20) this.flush();
  }

  flush(): void {
    if (this.parts.length === 0) return;
    const buf = Buffer.from(this.parts.join(''), 'utf8');
    let off = 0;
    while (off < buf.length) off += fs.writeSync(this.fd, buf, off, buf.length - off);
    this.bytes += buf.length;
    this.parts = [];
    this.size = 0;
  }
}

/**
 * Writes the whole administration as JSON (docs/json-format.md), streaming row by row from a
 * single read transaction, so the file is one consistent snapshot. One record per line:
 * readable, diffable, and two exports of the same data are byte-identical after the header.
 * Written to a temporary name first and renamed, so a failed export never leaves half a file.
 */
export function exportJson(ctx: CoreContext, outFile: string): ExportResult {
  ensureDir(path.dirname(path.resolve(outFile)));
  removeStaleTemps(path.dirname(path.resolve(outFile)));
  const temp = tempNameFor(outFile);
  const fd = fs.openSync(temp, 'w', PRIVATE_FILE_MODE);
  const counts = Object.fromEntries(SECTION_NAMES.map((s) => [s, 0])) as Record<SectionName, number>;
  let bytes = 0;
  try {
    const out = new ChunkWriter(fd);
    ctx.sqlite.transaction(() => {
      const header = { format: JSON_FORMAT, version: JSON_FORMAT_VERSION, exportedAt: new Date(ctx.now()).toISOString() };
      out.write('{\n');
      for (const [k, v] of Object.entries(header)) out.write(`  ${JSON.stringify(k)}: ${JSON.stringify(v)},\n`);
      SECTION_NAMES.forEach((section) => {
        const columns = exportColumns(section);
        const stmt = ctx.sqlite.prepare(`SELECT ${columns.map((c) => c.sqlName).join(', ')} FROM ${tableOf(section)} ORDER BY ${sectionOrder(section)}`);
        out.write(`  ${JSON.stringify(section)}: [`);
        let n = 0;
        for (const row of stmt.iterate() as IterableIterator<Record<string, unknown>>) {
          out.write(`${n === 0 ? '\n' : ',\n'}    ${JSON.stringify(toJsonRecord(columns, row))}`);
          n++;
        }
        counts[section] = n;
        out.write(`${n === 0 ? '' : '\n  '}],\n`);
      });
      out.write(`  ${JSON.stringify(FILES_SECTION)}: [`);
      let files = 0;
      for (const line of fileLines(ctx)) out.write(`${files++ === 0 ? '\n' : ',\n'}    ${line}`);
      counts[FILES_SECTION] = files;
      out.write(`${files === 0 ? '' : '\n  '}]\n}\n`);
    })();
    out.flush();
    bytes = out.bytes;
    fs.fsyncSync(fd);
  } catch (e) {
    fs.closeSync(fd);
    fs.rmSync(temp, { force: true });
    throw storageError(e, outFile) ?? e;
  }
  fs.closeSync(fd);
  fs.renameSync(temp, outFile);
  return { file: outFile, bytes, counts };
}

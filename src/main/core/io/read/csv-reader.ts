import Papa from 'papaparse';
import type { ImportIssue } from '../../../../shared/contract/io';
import { decodeText, type TextEncoding } from '../text/encoding';
import { checkpoint, type Progress } from '../progress';
import { fileIssue, type SourceRow, type SourceTable } from './source-table';

export type Delimiter = ';' | ',' | '\t' | '|';
const CANDIDATES: Delimiter[] = [';', '\t', ',', '|'];

/**
 * The delimiter that splits the first records into the same number (>1) of fields most
 * consistently; ';' first on a tie, as Dutch Excel writes it. Quotes are respected, so
 * "Keizersgracht 100, hs" does not make a ';' file look comma-separated.
 */
export function detectDelimiter(text: string): Delimiter {
  const sample = text.slice(0, 64 * 1024);
  let best: { d: Delimiter; score: number } = { d: ';', score: -1 };
  for (const d of CANDIDATES) {
    const rows = Papa.parse<string[]>(sample, { delimiter: d, preview: 30, skipEmptyLines: 'greedy' }).data;
    if (rows.length === 0) continue;
    const counts = new Map<number, number>();
    for (const r of rows) counts.set(r.length, (counts.get(r.length) ?? 0) + 1);
    const [fields, hits] = [...counts.entries()].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0] ?? [1, 0];
    if (fields < 2) continue;
    // Consistency first, then more fields.
    const score = (hits / rows.length) * 1000 + Math.min(fields, 999);
    if (score > best.score) best = { d, score };
  }
  return best.d;
}

const CHUNK_BYTES = 512 * 1024;

function isBlankRecord(r: string[]): boolean {
  return r.every((c) => c.trim() === '');
}

/**
 * Reads a CSV (or tab-separated text) file in chunks, yielding to the event loop between
 * them. Row numbers count records the way Excel shows them (a quoted line break stays in
 * its row). A quote that is never closed swallows the rest of the file into one cell: that
 * row gets CSV_UNBALANCED_QUOTE and is rejected instead of imported half.
 */
export async function readCsv(
  bytes: Uint8Array,
  opts: { encoding: TextEncoding | 'auto'; delimiter: Delimiter | 'auto' },
  progress?: Progress,
): Promise<SourceTable> {
  const decoded = decodeText(bytes, opts.encoding);
  const delimiter = opts.delimiter === 'auto' ? detectDelimiter(decoded.text) : opts.delimiter;
  const records: string[][] = [];
  const issues: ImportIssue[] = [];
  const total = decoded.text.length;
  let parseDone = 0;

  await new Promise<void>((resolve, reject) => {
    Papa.parse<string[]>(decoded.text, {
      delimiter,
      chunkSize: CHUNK_BYTES,
      chunk(result: Papa.ParseResult<string[]>, parser: Papa.Parser) {
        const base = records.length;
        for (const r of result.data) records.push(r);
        for (const e of result.errors) {
          const row = base + (e.row ?? 0) + 1;
          if (e.code === 'MissingQuotes') issues.push({ ...fileIssue('CSV_UNBALANCED_QUOTE', row), row });
          else if (e.code === 'InvalidQuotes') issues.push({ ...fileIssue('CSV_INVALID_QUOTES', row), row, severity: 'warning' });
        }
        parseDone = Math.min(total, parseDone + CHUNK_BYTES);
        parser.pause();
        checkpoint(progress, { phase: 'read', done: parseDone, total }).then(
          () => parser.resume(),
          (err: unknown) => {
            parser.abort();
            reject(err instanceof Error ? err : new Error(String(err)));
          },
        );
      },
      complete: () => resolve(),
      error: (err: Error) => reject(err),
    });
  });

  const [header, ...body] = records;
  const rows: SourceRow[] = [];
  body.forEach((cells, i) => {
    if (!isBlankRecord(cells)) rows.push({ row: i + 2, cells });
  });
  if (!header || isBlankRecord(header)) issues.unshift(fileIssue('FILE_NO_HEADER'));
  return {
    format: 'csv',
    encoding: decoded.encoding,
    delimiter,
    sheets: [],
    sheet: null,
    headers: (header ?? []).map((h) => h.trim()),
    rows,
    issues,
  };
}

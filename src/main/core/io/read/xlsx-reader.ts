import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { DomainError } from '../../../../shared/errors';
import { checkpoint, CHUNK_ROWS, type Progress } from '../progress';
import { isBlankCell, type CellValue, type SourceRow, type SourceTable } from './source-table';

function unreadable(reason: string): DomainError {
  return new DomainError('VALIDATION_FAILED', { reason }, [{ field: 'file', code: 'XLSX_UNREADABLE' }]);
}

/** exceljs reads real date cells as a Date at UTC midnight of the serial's day. */
function dateOf(d: Date): CellValue {
  if (Number.isNaN(d.getTime())) return null;
  return { date: d.toISOString().slice(0, 10) };
}

/** One exceljs cell value → what the import sees: formulas by their result, links by their text. */
export function toCell(v: unknown): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (v instanceof Date) return dateOf(v);
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if ('result' in o) return toCell(o['result']);
    if ('richText' in o && Array.isArray(o['richText'])) {
      return (o['richText'] as { text?: unknown }[]).map((p) => (typeof p.text === 'string' ? p.text : '')).join('');
    }
    if ('text' in o) return toCell(o['text']);
    if ('error' in o) return null;
  }
  return null;
}

/**
 * Reads one sheet of an .xlsx with exceljs' streaming reader, so a large workbook is never
 * held as a whole and the host gets control back between chunks. Typed cells stay typed:
 * dates arrive as ISO dates, numbers as numbers.
 */
export async function readXlsx(bytes: Uint8Array, opts: { sheet?: string | undefined }, progress?: Progress): Promise<SourceTable> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([Buffer.from(bytes)]), {
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'emit',
  });
  const sheets: string[] = [];
  let chosen: string | null = null;
  let headers: string[] = [];
  const rows: SourceRow[] = [];
  try {
    for await (const ws of reader) {
      const wsName = (ws as unknown as { name: string }).name;
      sheets.push(wsName);
      const wanted = opts.sheet === undefined ? chosen === null : wsName === opts.sheet;
      if (!wanted) {
        // The stream must still be drained for the reader to move on to the next sheet.
        for await (const _row of ws) void _row;
        continue;
      }
      chosen = wsName;
      for await (const row of ws) {
        const values = (row.values as unknown[]).slice(1).map(toCell);
        if (headers.length === 0 && rows.length === 0) {
          if (values.every(isBlankCell)) continue;
          headers = values.map((v) => (v === null ? '' : typeof v === 'object' ? v.date : String(v).trim()));
          continue;
        }
        if (values.every(isBlankCell)) continue;
        rows.push({ row: row.number, cells: values });
        if (rows.length % CHUNK_ROWS === 0) await checkpoint(progress, { phase: 'read', done: rows.length, total: 0 });
      }
    }
  } catch (e) {
    if (e instanceof DomainError) throw e;
    throw unreadable(e instanceof Error ? e.message : String(e));
  }
  if (opts.sheet !== undefined && chosen === null) {
    throw new DomainError('VALIDATION_FAILED', { sheets }, [{ field: 'read.sheet', code: 'SHEET_NOT_FOUND' }]);
  }
  return { format: 'xlsx', encoding: null, delimiter: null, sheets, sheet: chosen, headers, rows, issues: [] };
}

import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import PizZip from 'pizzip';
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

/** The parts exceljs' streaming reader must have seen before it meets a worksheet. */
const PARTS_FIRST = ['xl/_rels/workbook.xml.rels', 'xl/workbook.xml', 'xl/styles.xml', 'xl/sharedStrings.xml'];

/**
 * LibreOffice (and other writers) put the worksheets before xl/sharedStrings.xml. exceljs then
 * parks each sheet in a temporary file and reads it afterwards, and on that path it sometimes
 * resolves the shared strings as empty (seen ~1 in 300 reads): the header row vanishes and the
 * first data row becomes the header. Re-ordering the zip directory avoids that path; the
 * compressed entries are copied as they are.
 */
export function withSharedStringsFirst(bytes: Uint8Array): Uint8Array {
  let zip: PizZip;
  try {
    zip = new PizZip(bytes);
  } catch {
    return bytes; // exceljs reports the broken file in its own words
  }
  const names = Object.keys(zip.files);
  const strings = names.indexOf('xl/sharedStrings.xml');
  const firstSheet = names.findIndex((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n));
  if (strings < 0 || firstSheet < 0 || strings < firstSheet) return bytes;
  const first = PARTS_FIRST.filter((n) => names.includes(n));
  return zip.generate({ type: 'uint8array', compression: 'DEFLATE', fileOrder: () => [...first, ...names.filter((n) => !first.includes(n))] });
}

/**
 * Reads one sheet of an .xlsx with exceljs' streaming reader, so a large workbook is never
 * held as a whole and the host gets control back between chunks. Typed cells stay typed:
 * dates arrive as ISO dates, numbers as numbers.
 */
export async function readXlsx(bytes: Uint8Array, opts: { sheet?: string | undefined }, progress?: Progress): Promise<SourceTable> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([Buffer.from(withSharedStringsFirst(bytes))]), {
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
        const values = Array.from((row.values as unknown[]).slice(1), toCell);
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

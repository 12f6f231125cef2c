import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import type { ColumnType, ColumnValue } from '../records/columns';
import { neutraliseFormula } from './formula-guard';

export interface SheetColumn {
  label: string;
  type: ColumnType;
}

/*
 * exceljs looks a cell's style up by object identity (a WeakMap) and otherwise serialises it
 * to find its id, which made styling the 1.3 million cells of a 100,000-row export its most
 * expensive step. So every cell of a column shares one style object.
 */
const STYLE: Record<ColumnType, Partial<ExcelJS.Style>> = {
  text: {},
  integer: {},
  number: {},
  date: { numFmt: 'dd-mm-yyyy' },
  amount: { numFmt: '#,##0.00' },
};
const HEADER: Partial<ExcelJS.Style> = { font: { bold: true } };

function excelValue(type: ColumnType, v: ColumnValue): ExcelJS.CellValue {
  if (v === null || v === '') return null;
  if (type === 'date' && typeof v === 'string') {
    const [y, m, d] = v.split('-').map(Number);
    return new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1));
  }
  if (typeof v === 'number') return v;
  return neutraliseFormula(v);
}

/**
 * An .xlsx written with exceljs' streaming writer (rows leave memory as they are committed):
 * one header row, no merged cells, typed cells (dates as dates, numbers as numbers), so the
 * file is a ready Word mail-merge data source.
 */
export class XlsxSheetWriter {
  private readonly chunks: Buffer[] = [];
  private readonly workbook: ExcelJS.stream.xlsx.WorkbookWriter;
  private readonly sheet: ExcelJS.Worksheet;
  private readonly done: Promise<void>;

  constructor(
    sheetName: string,
    private readonly columns: SheetColumn[],
  ) {
    const stream = new PassThrough();
    // A copy: zlib's output chunks are views into larger buffers that would otherwise stay alive.
    stream.on('data', (c: Buffer) => this.chunks.push(Buffer.from(c)));
    this.done = new Promise((resolve, reject) => {
      stream.on('end', () => resolve());
      stream.on('error', reject);
    });
    this.workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
    this.sheet = this.workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
    this.sheet.columns = columns.map((c, i) => ({ key: String(i), width: c.type === 'date' ? 12 : Math.min(40, Math.max(10, c.label.length + 2)) }));
    const header = this.sheet.addRow(columns.map((c) => neutraliseFormula(c.label)));
    columns.forEach((_, i) => (header.getCell(i + 1).style = HEADER));
    header.commit();
  }

  addRow(values: ColumnValue[]): void {
    const row = this.sheet.addRow(values.map((v, i) => excelValue(this.columns[i]?.type ?? 'text', v)));
    for (let i = 0; i < values.length; i++) {
      if (values[i] !== null) row.getCell(i + 1).style = STYLE[this.columns[i]?.type ?? 'text'];
    }
    row.commit();
  }

  /**
   * Waits until the sheet's XML has moved on into the zip. exceljs writes rows into its zip
   * stream without honouring backpressure, so a fast producer would pile up tens of megabytes
   * of XML ahead of the compressor; waiting for 'drain' between batches keeps memory flat.
   * (The stream is exceljs-internal; without it this is a no-op, not an error.)
   */
  async drain(): Promise<void> {
    const pipes = (this.sheet as unknown as { stream?: { pipes?: unknown[] } }).stream?.pipes ?? [];
    for (const pipe of pipes) {
      const w = pipe as { _writableState?: { needDrain?: boolean }; once?: (event: string, fn: () => void) => unknown };
      const once = w.once?.bind(w);
      if (w._writableState?.needDrain && once) await new Promise<void>((resolve) => once('drain', resolve));
    }
  }

  async finish(): Promise<Uint8Array> {
    this.sheet.commit();
    await this.workbook.commit();
    await this.done;
    return Buffer.concat(this.chunks);
  }
}

import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import type { ColumnType, ColumnValue } from '../records/columns';
import { neutraliseFormula } from './formula-guard';

export interface SheetColumn {
  label: string;
  type: ColumnType;
}

const NUM_FMT: Partial<Record<ColumnType, string>> = { date: 'dd-mm-yyyy', amount: '#,##0.00', integer: '0' };

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
    stream.on('data', (c: Buffer) => this.chunks.push(c));
    this.done = new Promise((resolve, reject) => {
      stream.on('end', () => resolve());
      stream.on('error', reject);
    });
    this.workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
    this.sheet = this.workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
    this.sheet.columns = columns.map((c, i) => ({
      key: String(i),
      width: c.type === 'date' ? 12 : Math.min(40, Math.max(10, c.label.length + 2)),
      style: NUM_FMT[c.type] ? { numFmt: NUM_FMT[c.type] } : {},
    }));
    const header = this.sheet.addRow(columns.map((c) => neutraliseFormula(c.label)));
    header.font = { bold: true };
    header.commit();
  }

  addRow(values: ColumnValue[]): void {
    this.sheet.addRow(values.map((v, i) => excelValue(this.columns[i]?.type ?? 'text', v))).commit();
  }

  async finish(): Promise<Uint8Array> {
    this.sheet.commit();
    await this.workbook.commit();
    await this.done;
    return Buffer.concat(this.chunks);
  }
}

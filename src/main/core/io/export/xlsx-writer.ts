import { parseYmd, toDay } from '../../../../shared/dutch/day-numbers';
import type { ColumnType, ColumnValue } from '../records/columns';
import { neutraliseFormula } from './formula-guard';
import { ZipWriter, type ZipEntryWriter } from '../zip-writer';

export interface SheetColumn {
  label: string;
  type: ColumnType;
}

/*
 * Our own streaming SpreadsheetML writer. exceljs' streaming writer spent ~4 s and ~200 MB on
 * the 1.3 million cells of a 100,000-row export (a cell object, a style lookup and an XML
 * builder per cell); this writes each row as one string straight into a deflate stream.
 * The file holds one sheet: a bold, frozen header row and typed cells (numbers as numbers,
 * dates as date serials with a date format, text as inline strings), which Excel,
 * LibreOffice, Word's mail merge and exceljs all read.
 */

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** Cell style ids in styles.xml below. */
const HEADER_STYLE = 1;
const DATE_STYLE = 2;
const AMOUNT_STYLE = 3;
const WRAP_STYLE = 4;
/** Points per line of 11-point Calibri. */
const ROW_HEIGHT = 15;

const CONTENT_TYPES = `${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>`;
const ROOT_RELS = `${XML}<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
const WORKBOOK_RELS = `${XML}<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${REL}/styles" Target="styles.xml"/></Relationships>`;
const FONT = '<sz val="11"/><name val="Calibri"/><family val="2"/>';
const STYLES =
  `${XML}<styleSheet xmlns="${MAIN}">` +
  '<numFmts count="1"><numFmt numFmtId="164" formatCode="dd-mm-yyyy"/></numFmts>' +
  `<fonts count="2"><font>${FONT}</font><font><b/>${FONT}</font></fonts>` +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="5">' +
  '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
  '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>' +
  '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' +
  // 4 = the built-in "#,##0.00", shown with the reader's own decimal separator.
  '<xf numFmtId="4" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' +
  // Text with line breaks (an address block) wraps, so the row shows every line.
  '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment wrapText="1"/></xf>' +
  '</cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>';

// Characters XML 1.0 cannot hold, and text that Excel would read as one of its _xHHHH_ escapes.
const NEEDS_ESCAPE = /[&<>"\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|_x[0-9a-fA-F]{4}_/;
const ESCAPES = /[&<>"\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|_(?=x[0-9a-fA-F]{4}_)/g;
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', _: '_x005F_' };

export function xmlText(s: string): string {
  if (!NEEDS_ESCAPE.test(s)) return s;
  return s.replace(ESCAPES, (c) => ENTITIES[c] ?? `_x${c.charCodeAt(0).toString(16).padStart(4, '0').toUpperCase()}_`);
}

/** 0 → A, 25 → Z, 26 → AA. */
export function columnLetters(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

// Serial 61 is 1900-03-01: before it Excel's serials are off by its 1900 leap-year bug.
const FIRST_SERIAL = 61;

/** 'YYYY-MM-DD' → Excel's day serial (days since 1899-12-30), or null when it has none. */
export function dateSerial(iso: string): number | null {
  if (parseYmd(iso) === null) return null;
  // Day 0 (1970-01-01) is serial 25,569.
  const serial = toDay(iso) + 25_569;
  return serial >= FIRST_SERIAL ? serial : null;
}

function textCell(ref: string, text: string, style = text.includes('\n') ? WRAP_STYLE : 0): string {
  const space = /^\s|\s$/.test(text) ? ' xml:space="preserve"' : '';
  return `<c r="${ref}"${style ? ` s="${style}"` : ''} t="inlineStr"><is><t${space}>${xmlText(text)}</t></is></c>`;
}

function cell(ref: string, type: ColumnType, v: ColumnValue): string {
  if (v === null || v === '') return '';
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) return '';
    return `<c r="${ref}"${type === 'amount' ? ` s="${AMOUNT_STYLE}"` : ''}><v>${v}</v></c>`;
  }
  if (type === 'date') {
    const serial = dateSerial(v);
    if (serial !== null) return `<c r="${ref}" s="${DATE_STYLE}"><v>${serial}</v></c>`;
    return textCell(ref, v.split('-').reverse().join('-'));
  }
  return textCell(ref, neutraliseFormula(v));
}

function longestLine(text: string): number {
  let longest = 0;
  for (const line of text.split('\n')) longest = Math.max(longest, line.length);
  return longest;
}

/**
 * An .xlsx written row by row: one header row, no merged cells, typed cells, so the file
 * is a ready Word mail-merge data source. Call drain() now and then so the compressor keeps
 * up, and finish() for the bytes.
 */
export class XlsxSheetWriter {
  private readonly zip = new ZipWriter();
  private readonly letters: string[];
  private readonly parts: Promise<void>;
  private readonly widths: number[];
  private sheet: ZipEntryWriter | null = null;
  private readonly rows: string[] = [];
  private rowNumber = 1;

  constructor(
    sheetName: string,
    private readonly columns: SheetColumn[],
  ) {
    this.letters = columns.map((_, i) => columnLetters(i));
    this.widths = columns.map((c) => Math.max(c.type === 'date' ? 10 : 0, c.label.length));
    const workbook = `${XML}<workbook xmlns="${MAIN}" xmlns:r="${REL}"><bookViews><workbookView/></bookViews><sheets><sheet name="${xmlText(sheetName)}" sheetId="1" r:id="rId1"/></sheets></workbook>`;
    // The parts a streaming reader needs before the sheet (exceljs wants the relationships first).
    this.parts = (async () => {
      await this.zip.add('[Content_Types].xml', CONTENT_TYPES);
      await this.zip.add('_rels/.rels', ROOT_RELS);
      await this.zip.add('xl/workbook.xml', workbook);
      await this.zip.add('xl/_rels/workbook.xml.rels', WORKBOOK_RELS);
      await this.zip.add('xl/styles.xml', STYLES);
    })();
  }

  /** The sheet's start, written at the first drain: column widths fit the header and the first rows. */
  private async openSheet(): Promise<ZipEntryWriter> {
    if (this.sheet) return this.sheet;
    await this.parts;
    const sheet = this.zip.entry('xl/worksheets/sheet1.xml');
    const cols = this.widths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${Math.min(50, Math.max(8, w + 2))}" customWidth="1"/>`).join('');
    const header = this.columns.map((c, i) => textCell(`${this.letters[i]}1`, neutraliseFormula(c.label), HEADER_STYLE)).join('');
    sheet.write(
      `${XML}<worksheet xmlns="${MAIN}" xmlns:r="${REL}"><sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>` +
        `<sheetFormatPr defaultRowHeight="${ROW_HEIGHT}"/><cols>${cols}</cols><sheetData><row r="1">${header}</row>`,
    );
    this.sheet = sheet;
    return sheet;
  }

  addRow(values: ColumnValue[]): void {
    const r = ++this.rowNumber;
    let xml = '';
    let lines = 1;
    for (let i = 0; i < this.columns.length; i++) {
      const v = values[i] ?? null;
      if (typeof v === 'string' && v.includes('\n')) lines = Math.max(lines, v.split('\n').length);
      if (!this.sheet && typeof v === 'string') this.widths[i] = Math.max(this.widths[i] ?? 0, longestLine(v));
      xml += cell(`${this.letters[i]}${r}`, this.columns[i]?.type ?? 'text', v);
    }
    // Readers do not agree on growing a row for wrapped text, so a multi-line row says its height.
    const height = lines > 1 ? ` ht="${lines * ROW_HEIGHT}" customHeight="1"` : '';
    this.rows.push(`<row r="${r}"${height}>${xml}</row>`);
  }

  /** Hands the rows so far to the compressor and waits until it has caught up. */
  async drain(): Promise<void> {
    const sheet = await this.openSheet();
    if (this.rows.length) sheet.write(this.rows.splice(0).join(''));
    await sheet.drain();
  }

  async finish(): Promise<Uint8Array> {
    await this.drain();
    const sheet = await this.openSheet();
    sheet.write('</sheetData></worksheet>');
    await sheet.end();
    return this.zip.finish();
  }
}

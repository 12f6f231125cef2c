import ExcelJS from 'exceljs';
import { PDFDocument, StandardFonts, rgb } from '@cantoo/pdf-lib';
import { formatDutchDate } from '../../../shared/dutch/dates';

/** A report as a table: what both the Excel and the PDF writer (and the print view) show. */
export interface ReportTable {
  title: string;
  subtitle: string;
  /** `code`: a number that names something (a relation number), shown without grouping. */
  columns: { key: string; label: string; type: 'text' | 'integer' | 'amount' | 'date' | 'code' }[];
  /** Values by column key; a row may also carry `relationId`, so a report line is a list to act on. */
  rows: Record<string, string | number>[];
  /** A last row in bold (totals); null when the report has none. */
  totals: Record<string, string | number> | null;
}

type ColumnType = ReportTable['columns'][number]['type'];

/** A report table with its columns as [key, label, type]: the one shape every report is built in. */
export function reportTable(
  head: { title: string; subtitle: string },
  columns: readonly (readonly [key: string, label: string, type: ColumnType])[],
  rows: ReportTable['rows'],
  totals: ReportTable['totals'] = null,
): ReportTable {
  return { ...head, columns: columns.map(([key, label, type]) => ({ key, label, type })), rows, totals };
}

const cell = (type: ReportTable['columns'][number]['type'], v: string | number | undefined) =>
  v === undefined
    ? ''
    : type === 'amount' && typeof v === 'number'
      ? `€ ${(v / 100).toLocaleString('nl-NL', { minimumFractionDigits: 2 })}`
      : type === 'date' && typeof v === 'string'
        ? formatDutchDate(v)
        : typeof v === 'number' && type !== 'code'
          ? v.toLocaleString('nl-NL')
          : String(v);

/** An ISO day as the Excel date of that day (midnight UTC, which exceljs stores without a shift). */
const excelDate = (v: string) => (/^\d{4}-\d{2}-\d{2}$/.test(v) ? new Date(`${v}T00:00:00Z`) : v);

export async function reportXlsx(r: ReportTable): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet(r.title.slice(0, 31).replace(/[\\/?*[\]:]/g, ' '));
  sheet.addRow([r.title]).font = { bold: true, size: 14 };
  sheet.addRow([r.subtitle]);
  sheet.addRow([]);
  sheet.addRow(r.columns.map((c) => c.label)).font = { bold: true };
  const value = (c: ReportTable['columns'][number], v: string | number | undefined) =>
    c.type === 'amount' && typeof v === 'number' ? v / 100 : c.type === 'date' && typeof v === 'string' ? excelDate(v) : (v ?? '');
  for (const row of r.rows) sheet.addRow(r.columns.map((c) => value(c, row[c.key])));
  if (r.totals) sheet.addRow(r.columns.map((c) => value(c, r.totals![c.key]))).font = { bold: true };
  // Printed from Excel, the sheet fits the page's width.
  sheet.pageSetup = { fitToPage: true, fitToWidth: 1, fitToHeight: 0, orientation: r.columns.length > 5 ? 'landscape' : 'portrait', paperSize: 9 };
  r.columns.forEach((c, i) => {
    const col = sheet.getColumn(i + 1);
    col.width = c.type === 'text' ? 32 : 14;
    if (c.type === 'amount') col.numFmt = '€ #,##0.00';
    if (c.type === 'date') col.numFmt = 'dd-mm-yyyy';
  });
  return new Uint8Array(await book.xlsx.writeBuffer());
}

/**
 * The report as an A4 PDF table (portrait, pages as needed). The one PDF writer of the reports;
 * invoices choose theirs in parallel (issue 11), so this stays in one module to be unified.
 */
export async function reportPdf(r: ReportTable): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.setTitle(r.title);
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  const [W, H, M] = [595.28, 841.89, 40];
  const width = W - 2 * M;
  const weights = r.columns.map((c) => (c.type === 'text' ? 2.5 : c.type === 'date' ? 1.4 : 1.3));
  const left = (c: ReportTable['columns'][number]) => c.type === 'text' || c.type === 'date';
  // A left-aligned column after a right-aligned one keeps some room from its numbers.
  const indent = (i: number) => (i > 0 && left(r.columns[i]!) && !left(r.columns[i - 1]!) ? 8 : 0);
  const total = weights.reduce((a, b) => a + b, 0);
  const xs: number[] = [];
  weights.reduce((x, w) => (xs.push(x), x + (w / total) * width), M);
  const colW = (i: number) => (weights[i]! / total) * width;
  let page = doc.addPage([W, H]);
  let y = H - M;
  const text = (s: string, x: number, size: number, f = font, right = 0, max = 0) => {
    // The standard fonts speak WinAnsi: characters outside it are shown as '?'.
    let safe = [...s].map((ch) => (ch.charCodeAt(0) < 256 || '€–—‘’“”'.includes(ch) ? ch : '?')).join('');
    // Text longer than its column is cut with an ellipsis rather than running into the next one.
    if (max > 0 && f.widthOfTextAtSize(safe, size) > max) {
      while (safe.length > 1 && f.widthOfTextAtSize(`${safe}…`, size) > max) safe = safe.slice(0, -1);
      safe = `${safe.trimEnd()}…`;
    }
    const w = right ? f.widthOfTextAtSize(safe, size) : 0;
    page.drawText(safe, { x: right ? x + right - w - 4 : x, y, size, font: f, color: rgb(0.1, 0.1, 0.1) });
  };
  const header = () => {
    r.columns.forEach((c, i) => text(c.label, xs[i]! + indent(i), 9, bold, left(c) ? 0 : colW(i)));
    y -= 4;
    page.drawLine({ start: { x: M, y }, end: { x: W - M, y }, thickness: 0.5, color: rgb(0.5, 0.5, 0.5) });
    y -= 12;
  };
  text(r.title, M, 16, bold);
  y -= 20;
  text(r.subtitle, M, 10);
  y -= 24;
  header();
  const line = (row: Record<string, string | number>, f = font) => {
    if (y < M + 20) {
      page = doc.addPage([W, H]);
      y = H - M;
      header();
    }
    r.columns.forEach((c, i) => text(String(cell(c.type, row[c.key])), xs[i]! + indent(i), 9, f, left(c) ? 0 : colW(i), left(c) ? colW(i) - indent(i) - 4 : 0));
    y -= 13;
  };
  for (const row of r.rows) line(row);
  if (r.totals) line(r.totals, bold);
  return doc.save();
}

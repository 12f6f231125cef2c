import { formatDutchDate } from '../../../shared/dutch/dates';
import { PdfWriter } from '../io/pdf/pdf-writer';
import { excelLibrary } from '../io/document-libraries';

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
  const ExcelJS = await excelLibrary.load();
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet(r.title.slice(0, 31).replace(/[\\/?*[\]:]/g, ' '));
  sheet.addRow([r.title]).font = { bold: true, size: 14 };
  sheet.addRow([r.subtitle]);
  sheet.addRow([]);
  const head = sheet.addRow(r.columns.map((c) => c.label));
  head.font = { bold: true };
  // Numbers and dates stand right in their cells, so their headings do too.
  r.columns.forEach((c, i) => {
    if (c.type !== 'text') head.getCell(i + 1).alignment = { horizontal: 'right' };
  });
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
 * The report as an A4 PDF table, through the app's one PDF writer (io/pdf/pdf-writer.ts, as
 * invoices and letters): the header repeats on each page, a long cell wraps within its
 * column, totals come after a rule in bold, and "pagina i van n" sits in the footer.
 */
export async function reportPdf(r: ReportTable): Promise<Uint8Array> {
  const pdf = await PdfWriter.create({ title: r.title });
  pdf.section(r.title);
  pdf.text(r.title, { size: 16, bold: true });
  pdf.text(r.subtitle, { size: 10 });
  pdf.space(12);
  const left = (c: ReportTable['columns'][number]) => c.type === 'text' || c.type === 'date';
  const cells = (row: Record<string, string | number>) => r.columns.map((c) => cell(c.type, row[c.key]));
  pdf.table(
    r.columns.map((c) => ({ header: c.label, width: c.type === 'text' ? 2.5 : c.type === 'date' ? 1.4 : 1.3, align: left(c) ? 'left' : 'right' })),
    r.rows.map(cells),
    { size: 9, ...(r.totals ? { foot: [cells(r.totals)] } : {}) },
  );
  return pdf.save();
}

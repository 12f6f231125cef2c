import type { Paragraph, TableCell, TableRow } from 'docx';
import { docxLibrary } from '../document-libraries';
import type { LabelSheet } from '../../../../shared/contract/io';
import type { AddressItem } from './households';
import { mm } from './twips';

export interface PrintStyle {
  font: string;
  fontSizePt: number;
}

/** Address lines as paragraphs without spacing: PostNL wants no blank lines and a plain sans-serif. */
export function addressParagraphs(lines: string[], style: PrintStyle): Paragraph[] {
  const { LineRuleType, Paragraph, TextRun } = docxLibrary.get();
  return lines.map(
    (line) =>
      new Paragraph({
        spacing: { before: 0, after: 0, line: Math.round(style.fontSizePt * 20 * 1.15), lineRule: LineRuleType.EXACT },
        children: [new TextRun({ text: line, font: style.font, size: style.fontSizePt * 2 })],
      }),
  );
}

/** A paragraph that takes (almost) no room: Word needs one after a table and between sections. */
export function tinyParagraph(opts: { pageBreakBefore?: boolean } = {}): Paragraph {
  const { LineRuleType, Paragraph, TextRun } = docxLibrary.get();
  return new Paragraph({
    pageBreakBefore: opts.pageBreakBefore ?? false,
    spacing: { before: 0, after: 0, line: 20, lineRule: LineRuleType.EXACT },
    children: [new TextRun({ text: '', size: 2 })],
  });
}

function labelCell(item: AddressItem | null, sheet: LabelSheet, style: PrintStyle): TableCell {
  const { TableCell, VerticalAlignTable, WidthType } = docxLibrary.get();
  const pad = mm(sheet.paddingMm);
  return new TableCell({
    width: { size: mm(sheet.labelWidthMm), type: WidthType.DXA },
    margins: { top: 0, bottom: 0, left: pad, right: Math.round(pad / 2) },
    verticalAlign: VerticalAlignTable.CENTER,
    children: item ? addressParagraphs(item.lines, style) : [tinyParagraph()],
  });
}

function gapCell(widthMm: number): TableCell {
  const { TableCell, WidthType } = docxLibrary.get();
  return new TableCell({ width: { size: mm(widthMm), type: WidthType.DXA }, children: [tinyParagraph()] });
}

/**
 * Labels on a sheet, filled left to right, top to bottom, as one table whose rows and columns
 * have the exact label sizes. The page's bottom margin leaves no room for another row, so
 * every sheet breaks to the next page exactly after its last row.
 */
export async function labelsDocx(items: (AddressItem | null)[], sheet: LabelSheet, style: PrintStyle): Promise<{ bytes: Uint8Array; pages: number }> {
  const { Document, HeightRule, Packer, Table, TableBorders, TableLayoutType, TableRow, WidthType } = await docxLibrary.load();
  const perPage = sheet.columns * sheet.rows;
  const pages = Math.max(1, Math.ceil(items.length / perPage));
  const widths: number[] = [];
  for (let c = 0; c < sheet.columns; c++) {
    if (c > 0 && sheet.gapXMm > 0) widths.push(sheet.gapXMm);
    widths.push(sheet.labelWidthMm);
  }
  const rows: TableRow[] = [];
  for (let p = 0; p < pages; p++) {
    for (let r = 0; r < sheet.rows; r++) {
      if (r > 0 && sheet.gapYMm > 0) {
        rows.push(new TableRow({ height: { value: mm(sheet.gapYMm), rule: HeightRule.EXACT }, cantSplit: true, children: widths.map((w) => gapCell(w)) }));
      }
      const cells: TableCell[] = [];
      for (let c = 0; c < sheet.columns; c++) {
        if (c > 0 && sheet.gapXMm > 0) cells.push(gapCell(sheet.gapXMm));
        cells.push(labelCell(items[p * perPage + r * sheet.columns + c] ?? null, sheet, style));
      }
      rows.push(new TableRow({ height: { value: mm(sheet.labelHeightMm), rule: HeightRule.EXACT }, cantSplit: true, children: cells }));
    }
  }
  const gridHeight = sheet.marginTopMm + sheet.rows * sheet.labelHeightMm + (sheet.rows - 1) * sheet.gapYMm;
  const doc = new Document({
    creator: 'Ledenbeheer',
    sections: [
      {
        properties: {
          page: {
            size: { width: mm(sheet.pageWidthMm), height: mm(sheet.pageHeightMm) },
            margin: { top: mm(sheet.marginTopMm), left: mm(sheet.marginLeftMm), right: 0, bottom: mm(Math.max(0, sheet.pageHeightMm - gridHeight - 1)), header: 0, footer: 0 },
          },
        },
        children: [
          new Table({
            rows,
            width: { size: mm(widths.reduce((a, b) => a + b, 0)), type: WidthType.DXA },
            columnWidths: widths.map((w) => mm(w)),
            layout: TableLayoutType.FIXED,
            borders: TableBorders.NONE,
            margins: { top: 0, bottom: 0, left: 0, right: 0 },
          }),
          tinyParagraph(),
        ],
      },
    ],
  });
  return { bytes: await Packer.toBuffer(doc), pages };
}

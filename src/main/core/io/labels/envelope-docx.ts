import type { Paragraph, TableCell, VerticalAlignTable } from 'docx';
import { docxLibrary } from '../document-libraries';
import type { AddressItem } from './households';
import { mm } from './twips';
import { addressParagraphs, tinyParagraph, type PrintStyle } from './label-docx';

/** Envelope sizes (landscape, mm) and where the address goes on them. */
export const ENVELOPES = {
  DL: { widthMm: 220, heightMm: 110 },
  C5: { widthMm: 229, heightMm: 162 },
} as const;

// A window envelope (NEN-EN-ISO 269 / DIN 680): window 90 × 45 mm, 20 mm from the side, 15 mm from the bottom.
const WINDOW = { widthMm: 90, heightMm: 45, sideMm: 20, bottomMm: 15 };
const MARGIN_MM = 10;

export type EnvelopePosition = 'window-left' | 'window-right' | { leftMm: number; topMm: number };

export function addressSpot(envelope: keyof typeof ENVELOPES, position: EnvelopePosition): { leftMm: number; topMm: number } {
  const e = ENVELOPES[envelope];
  const top = e.heightMm - WINDOW.bottomMm - WINDOW.heightMm;
  if (position === 'window-left') return { leftMm: WINDOW.sideMm, topMm: top };
  if (position === 'window-right') return { leftMm: e.widthMm - WINDOW.sideMm - WINDOW.widthMm, topMm: top };
  return position;
}

function cell(widthMm: number, children: Paragraph[], align?: (typeof VerticalAlignTable)[keyof typeof VerticalAlignTable]): TableCell {
  const { TableCell, VerticalAlignTable, WidthType } = docxLibrary.get();
  return new TableCell({ width: { size: mm(widthMm), type: WidthType.DXA }, verticalAlign: align ?? VerticalAlignTable.TOP, margins: { top: 0, bottom: 0, left: 0, right: 0 }, children: children.length ? children : [tinyParagraph()] });
}

/**
 * One page per envelope: the sender small in the top-left corner, the address block at the
 * window (or the given spot). Built as a table with exact row heights and column widths, so
 * the block lands where the window is whatever the printer driver does with flowing text.
 */
export async function envelopesDocx(
  items: AddressItem[],
  opts: { envelope: keyof typeof ENVELOPES; position: EnvelopePosition; sender: string[]; style: PrintStyle },
): Promise<Uint8Array> {
  const { Document, HeightRule, Packer, PageOrientation, Table, TableBorders, TableLayoutType, TableRow, VerticalAlignTable, WidthType } = await docxLibrary.load();
  const e = ENVELOPES[opts.envelope];
  const spot = addressSpot(opts.envelope, opts.position);
  const leftW = Math.max(1, spot.leftMm - MARGIN_MM);
  const rightW = e.widthMm - MARGIN_MM - leftW - MARGIN_MM;
  // The tiny paragraph that starts each page takes about 0.35 mm.
  const topH = Math.max(1, spot.topMm - MARGIN_MM - 0.4);
  const addressH = Math.min(WINDOW.heightMm, e.heightMm - spot.topMm - MARGIN_MM - 2);
  const senderStyle = { ...opts.style, fontSizePt: 8 };
  const children = items.flatMap((item, i) => [
    tinyParagraph({ pageBreakBefore: i > 0 }),
    new Table({
      width: { size: mm(leftW + rightW), type: WidthType.DXA },
      columnWidths: [mm(leftW), mm(rightW)],
      layout: TableLayoutType.FIXED,
      borders: TableBorders.NONE,
      margins: { top: 0, bottom: 0, left: 0, right: 0 },
      rows: [
        new TableRow({ height: { value: mm(topH), rule: HeightRule.EXACT }, cantSplit: true, children: [cell(leftW, addressParagraphs(opts.sender, senderStyle)), cell(rightW, [])] }),
        new TableRow({
          height: { value: mm(addressH), rule: HeightRule.EXACT },
          cantSplit: true,
          children: [cell(leftW, []), cell(rightW, addressParagraphs(item.lines, opts.style), VerticalAlignTable.CENTER)],
        }),
      ],
    }),
  ]);
  const doc = new Document({
    creator: 'Ledenbeheer',
    sections: [
      {
        properties: {
          page: {
            // docx takes the portrait size and turns it for landscape.
            size: { width: mm(e.heightMm), height: mm(e.widthMm), orientation: PageOrientation.LANDSCAPE },
            margin: { top: mm(MARGIN_MM), left: mm(MARGIN_MM), right: mm(MARGIN_MM), bottom: mm(MARGIN_MM) - 1, header: 0, footer: 0 },
          },
        },
        children: [...children, tinyParagraph()],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

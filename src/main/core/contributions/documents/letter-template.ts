import type { Table, TableCell } from 'docx';
import { docxLibrary } from '../../io/document-libraries';
import { LETTERS, QR_FIELD, type LetterKind } from './letter-texts';

/*
 * The default templates as ordinary Word documents a user can open, restyle and save as
 * their own: placeholders typed as text, the invoice lines as a table whose middle row holds
 * the {regel_…} fields (the merge repeats it per line), the QR code a placeholder in its own
 * paragraph. Written by scripts/make-document-templates.ts into resources/templates.
 */

const FONT = 'Arial';
const GREY = '595959';
function run(text: string, o: { bold?: boolean; size?: number; color?: string } = {}) {
  const { TextRun } = docxLibrary.get();
  return new TextRun({ text, font: FONT, bold: o.bold ?? false, size: (o.size ?? 10) * 2, ...(o.color ? { color: o.color } : {}) });
}
function para(text: string, o: { bold?: boolean; size?: number; color?: string; after?: number; align?: 'left' | 'right' } = {}) {
  const { AlignmentType, Paragraph } = docxLibrary.get();
  return new Paragraph({
    children: [run(text, o)],
    spacing: { after: o.after ?? 120 },
    ...(o.align === 'right' ? { alignment: AlignmentType.RIGHT } : {}),
  });
}

const cm = (n: number) => Math.round(n * 567);

function cell(text: string, widthCm: number, o: { bold?: boolean; align?: 'left' | 'right'; top?: boolean; bottom?: boolean; color?: string } = {}): TableCell {
  const { BorderStyle, TableCell, WidthType } = docxLibrary.get();
  const line = { style: BorderStyle.SINGLE, size: 4, color: '999999' };
  const none = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
  return new TableCell({
    width: { size: cm(widthCm), type: WidthType.DXA },
    borders: { top: o.top ? line : none, bottom: o.bottom ? line : none, left: none, right: none },
    margins: { top: 40, bottom: 40, left: 0, right: 80 },
    children: [para(text, { bold: o.bold ?? false, after: 0, ...(o.align ? { align: o.align } : {}), ...(o.color ? { color: o.color } : {}) })],
  });
}

function keyValues(pairs: [string, string][]): Table {
  const { Table, TableBorders, TableRow, WidthType } = docxLibrary.get();
  return new Table({
    borders: TableBorders.NONE,
    width: { size: cm(12), type: WidthType.DXA },
    rows: pairs.map(([k, v]) => new TableRow({ children: [cell(k, 4, { color: GREY }), cell(v, 8, { bold: true })] })),
  });
}

/** Omschrijving | Voor | Bedrag; the middle row repeats per invoice line; Totaal under a rule. */
function linesTable(): Table {
  const { Table, TableBorders, TableRow, WidthType } = docxLibrary.get();
  const widths = [9.5, 4, 3] as const;
  return new Table({
    width: { size: cm(16.5), type: WidthType.DXA },
    borders: TableBorders.NONE,
    rows: [
      new TableRow({ tableHeader: true, children: [cell('Omschrijving', widths[0], { bold: true, bottom: true }), cell('Voor', widths[1], { bold: true, bottom: true }), cell('Bedrag', widths[2], { bold: true, bottom: true, align: 'right' })] }),
      new TableRow({ children: [cell('{regel_omschrijving}', widths[0]), cell('{regel_lid}', widths[1]), cell('{regel_bedrag}', widths[2], { align: 'right' })] }),
      new TableRow({ children: [cell('Totaal', widths[0], { bold: true, top: true }), cell('', widths[1], { top: true }), cell('{totaal}', widths[2], { bold: true, top: true, align: 'right' })] }),
    ],
  });
}

export async function buildLetterTemplate(kind: LetterKind): Promise<Buffer> {
  const { Document, Packer } = await docxLibrary.load();
  const letter = LETTERS[kind];
  const reminder = kind !== 'factuur';
  const facts: [string, string][] = [
    ...(reminder ? ([['Datum', '{herinneringsdatum}']] as [string, string][]) : []),
    ['Factuurnummer', '{factuurnummer}'],
    ['Factuurdatum', '{factuurdatum}'],
    ['Lidnummer', '{lidnummer}'],
    ['Betalingskenmerk', '{betalingskenmerk}'],
    [reminder ? 'Nog te betalen' : 'Te betalen vóór', reminder ? '{factuur_open}' : '{vervaldatum}'],
  ];
  const doc = new Document({
    creator: 'Ledenbeheer',
    title: letter.title,
    styles: { default: { document: { run: { font: FONT, size: 20 } } } },
    sections: [
      {
        properties: { page: { margin: { top: cm(2), bottom: cm(2), left: cm(2.2), right: cm(2.2) } } },
        children: [
          para('{afzender_naam}', { bold: true, size: 14, after: 0 }),
          para('{afzender_adres}', { size: 9, color: GREY, after: 0 }),
          para('{afzender_email}', { size: 9, color: GREY, after: 480 }),
          para('{adresblok}', { after: 600 }),
          para(letter.title, { bold: true, size: 16, after: 200 }),
          keyValues(facts),
          para('', { after: 120 }),
          ...letter.before.map((t) => para(t)),
          linesTable(),
          para('', { after: 120 }),
          ...letter.after.map((t) => para(t)),
          para(`{${QR_FIELD}}`, { after: 0 }),
          para('{betaal_qr_tekst}', { size: 8, color: GREY, after: 240 }),
          para('Met vriendelijke groet,', { after: 0 }),
          para('{afzender_naam}'),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

import type { MergeValue } from '../../io/merge/merge-fields';
import { PdfWriter } from '../../io/pdf/pdf-writer';
import type { InvoiceDocument } from './document-values';
import { LETTERS, QR_CAPTION, type LetterKind } from './letter-texts';

/** A letter text's placeholders filled (lines of a multi-line value on their own lines). */
export function fillText(text: string, values: (name: string) => MergeValue): string {
  return text.replace(/\{([a-z0-9_]+)\}/g, (_, name: string) => {
    const v = values(name);
    return Array.isArray(v) ? v.join('\n') : v;
  });
}

const str = (v: MergeValue) => (Array.isArray(v) ? v.join('\n') : v);

/** The address in the window of a DL/C5 window envelope, left: 20 mm from the side, 50 mm from the top. */
const WINDOW = { x: 20 * 2.835, top: 50 * 2.835 };

/** One letter (an invoice or a reminder of it) on new pages of the writer: the same words as the default .docx template. */
export function writeLetter(pdf: PdfWriter, kind: LetterKind, d: InvoiceDocument): void {
  const letter = LETTERS[kind];
  const v = d.values;
  const sender = str(v('afzender_naam'));
  pdf.section(`${sender ? `${sender} · ` : ''}${fillText(letter.title, v)} ${d.invoice.number}`);
  // Sender top left, small; the addressee in the envelope window.
  pdf.text(str(v('afzender_naam')), { size: 14, bold: true });
  for (const l of [...(v('afzender_adres') as string[]), str(v('afzender_email'))].filter(Boolean)) pdf.text(l, { size: 9, color: [0.35, 0.35, 0.35] });
  const address = v('adresblok');
  (Array.isArray(address) ? address : [address]).forEach((l, i) => pdf.textAt(WINDOW.x, pdf.pageHeight - WINDOW.top - i * 13, l, { size: 10.5 }));
  pdf.y = pdf.pageHeight - WINDOW.top - 6 * 13 - 24;
  pdf.text(fillText(letter.title, v), { size: 16, bold: true });
  pdf.space(6);
  const reminder = kind !== 'factuur';
  pdf.keyValues([
    ...(reminder ? ([['Datum', str(v('herinneringsdatum'))]] as [string, string][]) : []),
    ['Factuurnummer', str(v('factuurnummer'))],
    ['Factuurdatum', str(v('factuurdatum'))],
    ['Lidnummer', str(v('lidnummer'))],
    ['Betalingskenmerk', str(v('betalingskenmerk'))],
    [reminder ? 'Nog te betalen' : 'Te betalen vóór', str(v(reminder ? 'factuur_open' : 'vervaldatum'))],
  ]);
  pdf.space(12);
  for (const p of letter.before) {
    pdf.text(fillText(p, v));
    pdf.space(5);
  }
  pdf.space(4);
  const vat = str(v('btw_totaal'));
  pdf.table(
    [
      { header: 'Omschrijving', width: 9.5 },
      { header: 'Voor', width: 4 },
      { header: 'Bedrag', width: 3, align: 'right' },
    ],
    d.lines.map((l) => [str(l('regel_omschrijving')) + (str(l('regel_btw')) ? ` (incl. ${str(l('regel_btw'))} btw)` : ''), str(l('regel_lid')), str(l('regel_bedrag'))]),
    { foot: [['Totaal', '', str(v('totaal'))], ...(vat ? [['Waarvan btw', '', vat]] : [])] },
  );
  pdf.space(12);
  for (const p of letter.after) {
    const t = fillText(p, v);
    if (!t.trim()) continue;
    pdf.text(t);
    pdf.space(5);
  }
  if (d.qr) {
    const size = 92;
    pdf.ensure(size + 30);
    pdf.qr(d.qr, pdf.left - 8, pdf.y - size, size);
    pdf.textAt(pdf.left + size, pdf.y - size / 2, QR_CAPTION, { size: 8, color: [0.35, 0.35, 0.35] });
    pdf.y -= size + 8;
  }
  pdf.space(10);
  pdf.text('Met vriendelijke groet,');
  pdf.text(str(v('afzender_naam')));
}

/** Letters of one kind as one PDF (a section per letter), or nothing when there are none. */
export async function lettersPdf(kind: LetterKind, docs: InvoiceDocument[], title: string, author?: string): Promise<Uint8Array> {
  const pdf = await PdfWriter.create({ title, author });
  for (const d of docs) writeLetter(pdf, kind, d);
  return pdf.save();
}

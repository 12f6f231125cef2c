import zlib from 'node:zlib';
import type { PDFDocument, PDFFont, PDFPageLeaf, PDFRef } from '@cantoo/pdf-lib';
import { pdfLibrary } from '../document-libraries';
import type { QrMatrix } from '../qr/qr-matrix';
import { windows1252Form } from '../text/encoding';

/*
 * The app's one PDF writer: invoices and reminders now, reports next. Pure JavaScript over
 * pdf-lib (already the app's PDF library for request forms), so the desktop app, the CLI and
 * the web host make the same PDF on any machine, without Word, LibreOffice or a browser.
 * Electron's printToPDF was the alternative; it exists only in the desktop process, needs an
 * HTML layout and a hidden window per batch, and would leave the CLI without PDFs.
 *
 * Layout is a flow: text, key/value blocks and tables go down the page from a cursor and
 * break to a new page when full; a table repeats its header there. Documents in one file
 * (a run's invoices) are sections: each starts on a new page and numbers its own pages.
 *
 * The standard fonts (Helvetica) need no embedding and keep 5,000 invoices small; they
 * cover Windows-1252, which holds Dutch, German, French and the euro sign. A character
 * outside it is written without its accent (ł → l, ı → i), or as '?', never an error.
 *
 * Speed (5,000 letters in one file in seconds): pdf-lib is used for the document shell, the
 * font metrics and the final serialisation only. Each page's content is written here as
 * PDF operators in a string (what pdf-lib's drawText and drawLine would write, without
 * building an object per operator), compressed once with zlib when its section is done;
 * text widths come from per-character widths and kerning pairs cached from pdf-lib's own
 * metrics; pages are appended to the page tree directly (pdf-lib's addPage walks the tree,
 * which is quadratic over thousands of pages) and share one resources dictionary.
 */

export type Rgb = [number, number, number];

export interface TextStyle {
  size?: number;
  bold?: boolean;
  color?: Rgb;
  align?: 'left' | 'right' | 'center';
}

export interface Column {
  header: string;
  /** A share of the content width (all columns' shares are scaled to fill it). */
  width: number;
  align?: 'left' | 'right';
}

/** A4 in points, and the margins of a letter. */
const A4: [number, number] = [595.28, 841.89];
const MARGIN = { left: 56, right: 56, top: 56, bottom: 64 };
const GREY: Rgb = [0.35, 0.35, 0.35];
const LINE = 1.25;

interface Page {
  leaf: PDFPageLeaf;
  /** Content stream operators, joined and compressed when the page's section is done. */
  ops: string[];
}

interface Section {
  pages: Page[];
  footer: string;
}

/** A number as PDF writes it: at most three decimals, no exponent. */
const num = (n: number) => String(Math.round(n * 1000) / 1000);
const color = (c: Rgb) => `${num(c[0])} ${num(c[1])} ${num(c[2])}`;

/** Widths (at 1000 points) and kerning of one standard font, measured by pdf-lib once per character and pair. */
class Metrics {
  private readonly chars = new Map<string, number>();
  /** By the two characters' code units (a number key: no string per pair). */
  private readonly pairs = new Map<number, number>();
  private readonly codes = new Map<string, string>();
  constructor(readonly font: PDFFont) {}

  private char(ch: string): number {
    let w = this.chars.get(ch);
    if (w === undefined) this.chars.set(ch, (w = this.font.widthOfTextAtSize(ch, 1000)));
    return w;
  }

  private kern(a: string, b: string): number {
    const key = a.codePointAt(0)! * 0x110000 + b.codePointAt(0)!;
    let k = this.pairs.get(key);
    if (k === undefined) this.pairs.set(key, (k = this.font.widthOfTextAtSize(a + b, 1000) - this.char(a) - this.char(b)));
    return k;
  }

  /** As pdf-lib's widthOfTextAtSize: glyph widths plus kerning between neighbours. */
  width(text: string, size: number): number {
    let total = 0;
    let prev: string | null = null;
    for (const ch of text) {
      total += this.char(ch);
      if (prev !== null) total += this.kern(prev, ch);
      prev = ch;
    }
    return (total * size) / 1000;
  }

  /** The text in the font's encoding, as a PDF hex string (what pdf-lib's drawText writes). */
  hex(text: string): string {
    let out = '<';
    for (const ch of text) {
      let c = this.codes.get(ch);
      if (c === undefined) this.codes.set(ch, (c = this.font.encodeText(ch).toString().slice(1, -1)));
      out += c;
    }
    return `${out}>`;
  }
}

export class PdfWriter {
  private page!: Page;
  /** The cursor: the baseline top of the next line, from the bottom of the page (PDF's axis). */
  y = 0;
  private section_: Section | null = null;
  private pages = 0;
  private readonly glyphs = new Map<string, string>();
  private readonly regularMetrics: Metrics;
  private readonly boldMetrics: Metrics;
  private readonly pagesRef: PDFRef;
  private readonly resources: PDFRef;

  private constructor(
    readonly doc: PDFDocument,
    private readonly regular: PDFFont,
    boldFont: PDFFont,
  ) {
    this.regularMetrics = new Metrics(regular);
    this.boldMetrics = new Metrics(boldFont);
    const { PDFName } = pdfLibrary.get();
    this.pagesRef = doc.catalog.get(PDFName.of('Pages')) as PDFRef;
    // One resources dictionary for every page: F1 regular, F2 bold.
    this.resources = doc.context.register(doc.context.obj({ Font: { F1: regular.ref, F2: boldFont.ref } }));
  }

  static async create(meta: { title: string; author?: string | undefined }): Promise<PdfWriter> {
    const { PDFDocument, StandardFonts } = await pdfLibrary.load();
    const doc = await PDFDocument.create();
    doc.setTitle(meta.title);
    doc.setCreator('Ledenbeheer');
    doc.setProducer('Ledenbeheer');
    if (meta.author) doc.setAuthor(meta.author);
    // A fixed date keeps the same input giving the same bytes (the test files and the bench compare them).
    doc.setCreationDate(new Date(0));
    doc.setModificationDate(new Date(0));
    return new PdfWriter(doc, await doc.embedFont(StandardFonts.Helvetica), await doc.embedFont(StandardFonts.HelveticaBold));
  }

  readonly pageWidth = A4[0];
  readonly pageHeight = A4[1];
  readonly left = MARGIN.left;
  readonly right = A4[0] - MARGIN.right;
  readonly contentWidth = A4[0] - MARGIN.left - MARGIN.right;

  /** A new document in the file: a new page, its own footer and page numbers. */
  section(footer: string): void {
    this.finishSection();
    this.section_ = { pages: [], footer };
    this.newPage();
  }

  newPage(): void {
    if (!this.section_) this.section_ = { pages: [], footer: '' };
    const context = this.doc.context;
    const { PDFName, PDFPageLeaf } = pdfLibrary.get();
    const leaf = PDFPageLeaf.withContextAndParent(context, this.pagesRef);
    leaf.set(PDFName.of('MediaBox'), context.obj([0, 0, A4[0], A4[1]]));
    leaf.set(PDFName.of('Resources'), this.resources);
    this.doc.catalog.Pages().pushLeafNode(context.register(leaf));
    this.page = { leaf, ops: [] };
    this.section_.pages.push(this.page);
    this.pages++;
    this.y = A4[1] - MARGIN.top;
  }

  /** Footers with "pagina i van n" on the section's pages, then their content streams. */
  private finishSection(): void {
    const s = this.section_;
    if (!s) return;
    const n = s.pages.length;
    const { PDFName, PDFNumber } = pdfLibrary.get();
    s.pages.forEach((page, i) => {
      this.page = page;
      if (s.footer) this.textAt(this.left, MARGIN.bottom / 2, s.footer, { size: 8, color: GREY, width: this.contentWidth - 90 });
      if (n > 1) this.textAt(this.left, MARGIN.bottom / 2, `pagina ${i + 1} van ${n}`, { size: 8, color: GREY, align: 'right', width: this.contentWidth });
      const bytes = zlib.deflateSync(Buffer.from(page.ops.join(''), 'latin1'));
      page.leaf.set(PDFName.of('Contents'), this.doc.context.register(this.doc.context.stream(bytes, { Filter: 'FlateDecode', Length: PDFNumber.of(bytes.length) })));
    });
    this.section_ = null;
  }

  private metrics(style: TextStyle | undefined): Metrics {
    return style?.bold ? this.boldMetrics : this.regularMetrics;
  }

  /** The text with every character the font can write; others lose their accent or become '?'. */
  safe(text: string): string {
    // Printable ASCII is all in Windows-1252: most text needs no look-up at all.
    if (/^[\x20-\x7e]*$/.test(text)) return text;
    let out = '';
    for (const ch of text.replace(/\t/g, ' ')) {
      let g = this.glyphs.get(ch);
      if (g === undefined) {
        // WinAnsi is Windows-1252: the same rule as a CSV export in that code page.
        g = [...windows1252Form(ch)].map((c) => (this.encodable(c) ? c : '?')).join('');
        this.glyphs.set(ch, g);
      }
      out += g;
    }
    return out;
  }

  private encodable(ch: string): boolean {
    try {
      this.regular.encodeText(ch);
      return !/[\u0300-\u036f]/.test(ch);
    } catch {
      return false;
    }
  }

  width(text: string, style?: TextStyle): number {
    return this.metrics(style).width(this.safe(text), style?.size ?? 10);
  }

  /** Breaks text into lines that fit `width`, at spaces; a word longer than the line is cut. */
  wrap(text: string, width: number, style?: TextStyle): string[] {
    const out: string[] = [];
    for (const para of this.safe(text).split(/\r?\n/)) {
      let line = '';
      for (const word of para.split(' ')) {
        const next = line ? `${line} ${word}` : word;
        if (this.width(next, style) <= width || line === '') {
          line = next;
          while (this.width(line, style) > width && line.length > 1) {
            let cut = line.length - 1;
            while (cut > 1 && this.width(line.slice(0, cut), style) > width) cut--;
            out.push(line.slice(0, cut));
            line = line.slice(cut);
          }
        } else {
          out.push(line);
          line = word;
        }
      }
      out.push(line);
    }
    return out;
  }

  /** One line at an exact place (the address in the envelope window, a date on the right). */
  textAt(x: number, y: number, text: string, style?: TextStyle & { width?: number }): void {
    const size = style?.size ?? 10;
    const t = this.safe(text);
    if (t === '') return;
    const m = this.metrics(style);
    const w = m.width(t, size);
    const box = style?.width ?? 0;
    const dx = style?.align === 'right' ? box - w : style?.align === 'center' ? (box - w) / 2 : 0;
    this.page.ops.push(`q BT ${color(style?.color ?? [0, 0, 0])} rg /${style?.bold ? 'F2' : 'F1'} ${num(size)} Tf 1 0 0 1 ${num(x + dx)} ${num(y)} Tm ${m.hex(t)} Tj ET Q\n`);
  }

  /** Starts a new page when fewer than `height` points are left. */
  ensure(height: number): void {
    if (this.y - height < MARGIN.bottom) this.newPage();
  }

  space(points: number): void {
    this.y -= points;
  }

  /** A wrapped paragraph at the cursor, across pages when long. */
  text(text: string, style?: TextStyle & { x?: number; width?: number }): void {
    const size = style?.size ?? 10;
    const x = style?.x ?? this.left;
    const width = style?.width ?? this.right - x;
    for (const line of this.wrap(text, width, style)) {
      this.ensure(size * LINE);
      this.y -= size;
      this.textAt(x, this.y, line, { ...style, width });
      this.y -= size * (LINE - 1);
    }
  }

  /** Label and value pairs in two columns (invoice number, date, reference). */
  keyValues(pairs: [string, string][], style?: TextStyle & { x?: number; labelWidth?: number }): void {
    const size = style?.size ?? 10;
    const x = style?.x ?? this.left;
    const labelWidth = style?.labelWidth ?? 110;
    for (const [k, v] of pairs) {
      this.ensure(size * LINE);
      this.y -= size;
      this.textAt(x, this.y, k, { size, color: GREY });
      this.textAt(x + labelWidth, this.y, v, { size, bold: style?.bold ?? false });
      this.y -= size * (LINE - 1);
    }
  }

  rule(weight = 0.5): void {
    this.page.ops.push(`q 0.6 0.6 0.6 RG ${num(weight)} w ${num(this.left)} ${num(this.y)} m ${num(this.right)} ${num(this.y)} l S Q\n`);
  }

  /**
   * A table: a bold header, then rows whose cells wrap within their column; a row never
   * splits over pages, and the header repeats on the next page. `foot` rows (totals) come
   * after a rule, in bold.
   */
  table(columns: Column[], rows: string[][], options: { size?: number; foot?: string[][] } = {}): void {
    const size = options.size ?? 10;
    const share = columns.reduce((s, c) => s + c.width, 0);
    const widths = columns.map((c) => (c.width / share) * this.contentWidth);
    const pad = 6;
    const header = () => {
      this.ensure(size * LINE * 2);
      this.y -= size;
      let x = this.left;
      columns.forEach((c, i) => {
        this.textAt(x, this.y, c.header, { size, bold: true, align: c.align ?? 'left', width: widths[i]! - pad });
        x += widths[i]!;
      });
      this.y -= size * (LINE - 1) + 3;
      this.rule();
      this.y -= 3;
    };
    const row = (cells: string[], bold: boolean) => {
      const wrapped = cells.map((cell, i) => this.wrap(cell, widths[i]! - pad, { size, bold }));
      const height = Math.max(1, ...wrapped.map((w) => w.length)) * size * LINE;
      if (this.y - height < MARGIN.bottom) {
        this.newPage();
        header();
      }
      let x = this.left;
      const top = this.y;
      wrapped.forEach((lines, i) => {
        lines.forEach((line, k) => this.textAt(x, top - size - k * size * LINE, line, { size, bold, align: columns[i]?.align ?? 'left', width: widths[i]! - pad }));
        x += widths[i]!;
      });
      this.y = top - height;
    };
    header();
    for (const r of rows) row(r, false);
    if (options.foot?.length) {
      this.y -= 2;
      this.rule();
      this.y -= 2;
      for (const r of options.foot) row(r, true);
    }
  }

  /**
   * A QR code as vector squares at an exact place (`size` points wide, quiet zone included):
   * sharp when printed and small in the file. Horizontal runs of dark modules are one rectangle.
   */
  qr(m: QrMatrix, x: number, y: number, size: number, quiet = 4): void {
    const unit = size / (m.size + 2 * quiet);
    const n = (v: number) => v.toFixed(2);
    let ops = 'q 0 g\n';
    for (let r = 0; r < m.size; r++) {
      let c = 0;
      while (c < m.size) {
        if (!m.dark(r, c)) {
          c++;
          continue;
        }
        const start = c;
        while (c < m.size && m.dark(r, c)) c++;
        ops += `${n(x + (quiet + start) * unit)} ${n(y + size - (quiet + r + 1) * unit)} ${n((c - start) * unit)} ${n(unit)} re\n`;
      }
    }
    ops += 'f Q\n';
    this.page.ops.push(ops);
  }

  get pageCount(): number {
    return this.pages;
  }

  /** The file's bytes (the last section's footers first). */
  async save(): Promise<Uint8Array> {
    this.finishSection();
    return this.doc.save({ useObjectStreams: false, addDefaultPage: false, objectsPerTick: 5_000 });
  }
}

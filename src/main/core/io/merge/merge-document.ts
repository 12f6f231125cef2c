import type PizZip from 'pizzip';
import type { MergeValue } from './merge-fields';
import type { Template } from './docx-template';
import { renderPart } from './render';
import { writeZip, type ZipEntry } from '../zip-writer';
import { PictureParts, type Pictures } from './pictures';
import { expandRepeatingRows, type RepeatingList } from './repeat-rows';

export type Values = (name: string) => MergeValue;

/** What differs per recipient beyond field values: repeating rows (an invoice's lines) and pictures (its QR code). */
export interface RecipientExtras {
  /** Lists whose table rows repeat per item (repeat-rows.ts), for recipient i. */
  lists?: (recipient: number) => RepeatingList[];
  /** Placeholders that become a picture (pictures.ts), and recipient i's pictures. */
  pictures?: { names: readonly string[]; of: (recipient: number) => Pictures };
}

/** The body of recipient i before its values are filled in: rows repeated, pictures placed (rendering would fill their placeholders with text). */
function perRecipient(xml: string, i: number, extras: RecipientExtras | undefined, pictures: PictureParts): string {
  const lists = extras?.lists?.(i);
  const expanded = lists?.length ? expandRepeatingRows(xml, lists) : xml;
  return pictures.any ? pictures.place(expanded, extras?.pictures?.of(i)) : expanded;
}

const TAG = /\{[a-z0-9_]+(?::[a-z]+)?\}/;
const HEADER_FOOTER = /^word\/(header|footer)\d*\.xml$/;
const CONTENT_TYPE = {
  header: 'application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml',
  footer: 'application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml',
};

interface Body {
  prefix: string;
  content: string;
  /** The body-level section properties (page size, margins, header references), if any. */
  sectPr: string | null;
  suffix: string;
}

function splitBody(doc: string): Body {
  const open = /<w:body[^>]*>/.exec(doc);
  const start = open ? (open.index ?? 0) + open[0].length : 0;
  const end = doc.lastIndexOf('</w:body>');
  const inner = doc.slice(start, end);
  const s = inner.lastIndexOf('<w:sectPr');
  const close = inner.indexOf('</w:sectPr>', s);
  if (s >= 0 && close >= 0 && inner.slice(close + '</w:sectPr>'.length).trim() === '') {
    return { prefix: doc.slice(0, start), content: inner.slice(0, s), sectPr: inner.slice(s, close + '</w:sectPr>'.length), suffix: doc.slice(end) };
  }
  return { prefix: doc.slice(0, start), content: inner, sectPr: null, suffix: doc.slice(end) };
}

/** Relationship id → part path, from word/_rels/document.xml.rels. */
function relationships(rels: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of rels.matchAll(/<Relationship\b[^>]*>/g)) {
    const id = /\bId="([^"]+)"/.exec(m[0])?.[1];
    const target = /\bTarget="([^"]+)"/.exec(m[0])?.[1];
    if (id && target) out.set(id, target.startsWith('/') ? target.slice(1) : `word/${target}`);
  }
  return out;
}

/** Bookmarks and paragraph ids must be unique in a document; copies of a letter would repeat them. */
function deduplicate(xml: string, nextDrawingId: () => number): string {
  return xml
    .replace(/<w:bookmark(?:Start|End)\b[^>]*\/>/g, '')
    .replace(/\s(?:w14:paraId|w14:textId)="[^"]*"/g, '')
    .replace(/(<wp:docPr\b[^>]*?\bid=")(\d+)(")/g, (_, a: string, _id: string, c: string) => `${a}${nextDrawingId()}${c}`);
}

/** Points header/footer references at this recipient's filled copies. */
function remapRefs(xml: string, refs: Map<string, string>): string {
  if (refs.size === 0) return xml;
  return xml.replace(/(<w:(?:header|footer)Reference\b[^>]*\br:id=")([^"]+)(")/g, (whole, a: string, id: string, c: string) => {
    const mapped = refs.get(id);
    return mapped ? `${a}${mapped}${c}` : whole;
  });
}

/** Each letter is its own section: starts on a new page and numbers its pages from 1. */
function letterSection(sectPr: string, refs: Map<string, string>): string {
  const s = remapRefs(sectPr, refs).replace(/<w:type\b[^>]*\/>/g, '');
  if (/<w:pgNumType\b/.test(s)) return s.replace(/<w:pgNumType\b([^>]*?)\/?>/, (_, attrs: string) => `<w:pgNumType${attrs.replace(/\s*w:start="[^"]*"/, '')} w:start="1"/>`);
  const before = /<w:(?:cols|formProt|vAlign|noEndnote|titlePg|textDirection|bidi|rtlGutter|docGrid|printerSettings|sectPrChange)\b/.exec(s);
  const at = before ? (before.index ?? 0) : s.lastIndexOf('</w:sectPr>');
  return at < 0 ? s : `${s.slice(0, at)}<w:pgNumType w:start="1"/>${s.slice(at)}`;
}

// A section break needs a paragraph to carry it; this one is as small as Word allows.
const BREAK_PPR = '<w:spacing w:before="0" w:after="0" w:line="20" w:lineRule="exact"/><w:rPr><w:sz w:val="2"/></w:rPr>';

/** A part's text by path, straight from the zip's table (PizZip's file(name) scans every entry). */
export function partText(zip: PizZip, path: string): string | null {
  return zip.files[path]?.asText() ?? null;
}

/**
 * The files of the output document: the template's, with parts replaced and added. Written
 * with native deflate at the end; [Content_Types].xml first, as Office writes it.
 */
// The template's files, inflated once per template (the per-recipient zip builds thousands of packages).
const templateFiles = new WeakMap<PizZip, Map<string, Uint8Array>>();

function filesOf(zip: PizZip): Map<string, Uint8Array> {
  let files = templateFiles.get(zip);
  if (!files) {
    const names = Object.keys(zip.files).filter((n) => !zip.files[n]?.dir);
    names.sort((a, b) => Number(b === '[Content_Types].xml') - Number(a === '[Content_Types].xml'));
    files = new Map(names.map((n) => [n, zip.files[n]?.asUint8Array() ?? new Uint8Array()]));
    templateFiles.set(zip, files);
  }
  return files;
}

class Package {
  private readonly files: Map<string, Uint8Array | string>;

  constructor(zip: PizZip) {
    this.files = new Map(filesOf(zip));
  }

  set(name: string, data: Uint8Array | string): void {
    this.files.set(name, data);
  }

  bytes(): Uint8Array {
    const entries: ZipEntry[] = [...this.files].map(([name, data]) => ({ name, data }));
    return writeZip(entries, { compress: true });
  }
}

/**
 * Filled copies of the headers and footers that hold placeholders. A copy whose text is the
 * same as one made before (a footer with only {datum}) is shared, so 5,000 letters do not
 * become 10,000 identical parts.
 */
class HeaderFooterCopies {
  private readonly byText = new Map<string, string>();
  readonly rels: string[] = [];
  readonly types: string[] = [];

  constructor(
    private readonly t: Template,
    private readonly pkg: Package,
    readonly tagged: [string, string][],
  ) {}

  /** Relationship id of the original → id of this recipient's copy. */
  forRecipient(values: Values, index: number): Map<string, string> {
    const refs = new Map<string, string>();
    for (const [id, part] of this.tagged) {
      const xml = renderPart(this.t.parts.get(part) ?? '', values);
      const key = `${part}\u0000${xml}`;
      let newId = this.byText.get(key);
      if (!newId) {
        // Named after the first recipient whose text it is: header1_m5.xml is letter 5's header.
        newId = `${id}_m${index}`;
        const copy = part.replace(/\.xml$/, `_m${index}.xml`);
        this.pkg.set(copy, xml);
        const partRels = partText(this.t.zip, `${part.replace(/^word\//, 'word/_rels/')}.rels`);
        if (partRels !== null) this.pkg.set(`${copy.replace(/^word\//, 'word/_rels/')}.rels`, partRels);
        const kind = part.includes('header') ? 'header' : 'footer';
        this.rels.push(`<Relationship Id="${newId}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/${kind}" Target="${copy.slice('word/'.length)}"/>`);
        this.types.push(`<Override PartName="/${copy}" ContentType="${CONTENT_TYPE[kind]}"/>`);
        this.byText.set(key, newId);
      }
      refs.set(id, newId);
    }
    return refs;
  }
}

/**
 * One .docx with a section per recipient. Headers and footers that hold placeholders get a
 * filled copy per recipient (their own part and relationship); the others are shared.
 */
export function mergeSingle(t: Template, recipients: Values[], extras?: RecipientExtras): Uint8Array {
  const doc = splitBody(t.parts.get('word/document.xml') ?? '');
  const relsPath = 'word/_rels/document.xml.rels';
  const rels = partText(t.zip, relsPath) ?? '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>';
  const types = partText(t.zip, '[Content_Types].xml') ?? '';
  const pkg = new Package(t.zip);
  const copies = new HeaderFooterCopies(
    t,
    pkg,
    [...relationships(rels)].filter(([, part]) => HEADER_FOOTER.test(part) && TAG.test(t.parts.get(part) ?? '')),
  );
  let drawing = 1_000;
  const nextDrawingId = () => ++drawing;
  const pieces: string[] = [];
  const pictures = new PictureParts(extras?.pictures?.names ?? []);
  recipients.forEach((values, i) => {
    const refs = copies.forRecipient(values, i + 1);
    pieces.push(remapRefs(deduplicate(renderPart(perRecipient(doc.content, i, extras, pictures), values), nextDrawingId), refs));
    const last = i === recipients.length - 1;
    if (doc.sectPr) pieces.push(last ? letterSection(doc.sectPr, refs) : `<w:p><w:pPr>${BREAK_PPR}${letterSection(doc.sectPr, refs)}</w:pPr></w:p>`);
    else if (!last) pieces.push('<w:p><w:r><w:br w:type="page"/></w:r></w:p>');
  });
  for (const [path, xml] of t.parts) if (path !== 'word/document.xml') pkg.set(path, xml);
  for (const [path, png] of pictures.media) pkg.set(path, png);
  pkg.set(relsPath, rels.replace('</Relationships>', `${copies.rels.join('')}${pictures.rels.join('')}</Relationships>`));
  pkg.set('[Content_Types].xml', pictures.contentTypes(types.replace('</Types>', `${copies.types.join('')}</Types>`)));
  pkg.set('word/document.xml', doc.prefix + pieces.join('') + doc.suffix);
  return pkg.bytes();
}

/** One recipient's letter as a complete .docx (the preview, and each file of the per-recipient zip). */
export function mergeOne(t: Template, values: Values, extras?: RecipientExtras): Uint8Array {
  const pkg = new Package(t.zip);
  const pictures = new PictureParts(extras?.pictures?.names ?? []);
  for (const [path, xml] of t.parts) pkg.set(path, renderPart(path === 'word/document.xml' ? perRecipient(xml, 0, extras, pictures) : xml, values));
  if (pictures.media.length > 0) {
    const relsPath = 'word/_rels/document.xml.rels';
    const rels = partText(t.zip, relsPath) ?? '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>';
    for (const [path, png] of pictures.media) pkg.set(path, png);
    pkg.set(relsPath, rels.replace('</Relationships>', `${pictures.rels.join('')}</Relationships>`));
    pkg.set('[Content_Types].xml', pictures.contentTypes(partText(t.zip, '[Content_Types].xml') ?? ''));
  }
  return pkg.bytes();
}

/** A zip with one .docx per recipient, named by number and name. */
export function mergeZip(t: Template, recipients: { name: string; values: Values }[]): Uint8Array {
  const entries = recipients.map((r, i) => {
    const safe = r.name.replace(/[\\/:*?"<>|\u0000-\u001f]+/g, '_').slice(0, 80);
    return { name: `${String(i + 1).padStart(4, '0')} ${safe}.docx`, data: mergeOne(t, r.values) };
  });
  // The documents inside are compressed already.
  return writeZip(entries, { compress: false });
}

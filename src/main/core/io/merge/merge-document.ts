import PizZip from 'pizzip';
import type { MergeValue } from './merge-fields';
import type { Template } from './docx-template';
import { renderPart } from './render';

export type Values = (name: string) => MergeValue | undefined;

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

/**
 * One .docx with a section per recipient. Headers and footers that hold placeholders get a
 * filled copy per recipient (their own part and relationship); the others are shared.
 */
export function mergeSingle(t: Template, recipients: Values[]): Uint8Array {
  const doc = splitBody(t.parts.get('word/document.xml') ?? '');
  const relsPath = 'word/_rels/document.xml.rels';
  let rels = t.zip.file(relsPath)?.asText() ?? '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>';
  let types = t.zip.file('[Content_Types].xml')?.asText() ?? '';
  const tagged = [...relationships(rels)].filter(([, part]) => HEADER_FOOTER.test(part) && TAG.test(t.parts.get(part) ?? ''));
  let drawing = 1_000;
  const nextDrawingId = () => ++drawing;
  const pieces: string[] = [];
  const newRels: string[] = [];
  const newTypes: string[] = [];
  recipients.forEach((values, i) => {
    const refs = new Map<string, string>();
    for (const [id, part] of tagged) {
      const copy = part.replace(/\.xml$/, `_m${i + 1}.xml`);
      const newId = `${id}_m${i + 1}`;
      refs.set(id, newId);
      t.zip.file(copy, renderPart(t.parts.get(part) ?? '', values));
      const partRels = t.zip.file(part.replace(/^word\//, 'word/_rels/') + '.rels');
      if (partRels) t.zip.file(copy.replace(/^word\//, 'word/_rels/') + '.rels', partRels.asText());
      const kind = part.includes('header') ? 'header' : 'footer';
      newRels.push(`<Relationship Id="${newId}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/${kind}" Target="${copy.slice('word/'.length)}"/>`);
      newTypes.push(`<Override PartName="/${copy}" ContentType="${CONTENT_TYPE[kind]}"/>`);
    }
    const body = deduplicate(renderPart(doc.content, values), nextDrawingId);
    pieces.push(remapRefs(body, refs));
    const last = i === recipients.length - 1;
    if (doc.sectPr) pieces.push(last ? letterSection(doc.sectPr, refs) : `<w:p><w:pPr>${BREAK_PPR}${letterSection(doc.sectPr, refs)}</w:pPr></w:p>`);
    else if (!last) pieces.push('<w:p><w:r><w:br w:type="page"/></w:r></w:p>');
  });
  rels = rels.replace('</Relationships>', `${newRels.join('')}</Relationships>`);
  types = types.replace('</Types>', `${newTypes.join('')}</Types>`);
  for (const [path, xml] of t.parts) if (path !== 'word/document.xml') t.zip.file(path, xml);
  t.zip.file(relsPath, rels);
  t.zip.file('[Content_Types].xml', types);
  t.zip.file('word/document.xml', doc.prefix + pieces.join('') + doc.suffix);
  return t.zip.generate({ type: 'uint8array', compression: 'DEFLATE' });
}

/** One recipient's letter as a complete .docx (the preview, and each file of the per-recipient zip). */
export function mergeOne(t: Template, values: Values): Uint8Array {
  for (const [path, xml] of t.parts) t.zip.file(path, renderPart(xml, values));
  return t.zip.generate({ type: 'uint8array', compression: 'DEFLATE' });
}

/** A zip with one .docx per recipient, named by number and name. */
export function mergeZip(t: Template, recipients: { name: string; values: Values }[]): Uint8Array {
  const out = new PizZip();
  recipients.forEach((r, i) => {
    const safe = r.name.replace(/[\\/:*?"<>|\u0000-\u001f]+/g, '_').slice(0, 80);
    out.file(`${String(i + 1).padStart(4, '0')} ${safe}.docx`, mergeOne(t, r.values), { binary: true });
  });
  return out.generate({ type: 'uint8array', compression: 'STORE' });
}

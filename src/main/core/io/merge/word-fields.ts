import { decodeXml, escapeXml } from './xml-text';

/**
 * Word's own merge fields → our placeholders, before anything else reads the template.
 * Complex fields (w:fldChar begin / w:instrText / separate / end, possibly spread over many
 * runs) and simple fields (w:fldSimple) both become one run `{name}` that keeps the
 * formatting of the field's first result run. Fields Word computes from the document itself
 * (PAGE, DATE, REF, TOC, …) are Word's business and untouched. Every other field is removed
 * with its last result and reported: IF and ASK we do not run, and INCLUDETEXT,
 * INCLUDEPICTURE, DDEAUTO, LINK and the like would make Word fetch files or start programs
 * when the letter is opened.
 */
export interface FieldReport {
  instruction: string;
}

// A begin fldChar of a form field is not empty (it holds w:ffData): match the opening tag only.
const FIELD_TOKEN = /<w:fldChar\b[^>]*w:fldCharType="(begin|separate|end)"[^>]*>|<w:instrText\b[^>]*>([^<]*)<\/w:instrText>/g;
const RUN_PROPS = /<w:r(?:\s[^>]*)?>\s*(<w:rPr>[\s\S]*?<\/w:rPr>|<w:rPr\/>)/;
const RECORD_KINDS = new Set(['NEXT', 'NEXTIF', 'SKIPIF', 'MERGEREC', 'MERGESEQ']);
/** Fields Word computes from the document and its properties alone: kept as they are. Anything not listed is removed. */
const WORD_OWN = new Set([
  'PAGE', 'NUMPAGES', 'SECTIONPAGES', 'SECTION', 'DATE', 'TIME', 'CREATEDATE', 'SAVEDATE', 'PRINTDATE', 'EDITTIME',
  'PAGEREF', 'REF', 'NOTEREF', 'SEQ', 'STYLEREF', 'TOC', 'TOA', 'TA', 'TC', 'XE', 'INDEX', 'HYPERLINK', 'GOTOBUTTON',
  'SYMBOL', 'EQ', 'ADVANCE', 'FORMTEXT', 'FORMCHECKBOX', 'FORMDROPDOWN', 'LISTNUM', 'AUTONUM', 'AUTONUMLGL', 'AUTONUMOUT',
  'BIDIOUTLINE', 'NUMWORDS', 'NUMCHARS', 'AUTHOR', 'TITLE', 'SUBJECT', 'KEYWORDS', 'COMMENTS', 'LASTSAVEDBY', 'REVNUM',
  'TEMPLATE', 'FILENAME', 'FILESIZE', 'DOCPROPERTY', 'INFO', 'USERNAME', 'USERINITIALS', 'USERADDRESS', 'BIBLIOGRAPHY',
  'CITATION', 'SHAPE', 'PRIVATE',
]);

/** Only the field machinery (fldChar and instrText elements), the text around it stays. */
function withoutFieldCodes(span: string): string {
  return span
    .replace(/<w:fldChar\b[^>]*\/>|<w:fldChar\b[^>]*>[\s\S]*?<\/w:fldChar>/g, '')
    .replace(/<w:(delI|i)nstrText\b[^>]*\/>|<w:(delI|i)nstrText\b[^>]*>[^<]*<\/w:(delI|i)nstrText>/g, '');
}

/**
 * A field taken out of a stretch of XML: its fldChar and instrText elements go, and so does
 * its last result (text emptied, pictures and objects dropped), nested fields included.
 * Runs and paragraphs stay, so the XML keeps its structure even when the field spans
 * paragraphs.
 */
export function withoutField(span: string): string {
  return withoutFieldCodes(span)
    .replace(/(<w:(?:t|delText)(?:\s[^>]*)?>)[^<]*(<\/w:(?:t|delText)>)/g, '$1$2')
    .replace(/<w:drawing\b[\s\S]*?<\/w:drawing>|<w:pict\b[\s\S]*?<\/w:pict>|<w:object\b[\s\S]*?<\/w:object>/g, '');
}

/** `MERGEFIELD "Lid sinds" \* Upper` → `{Lid sinds:upper}`; null for a field we leave alone. */
export function placeholderFor(instruction: string): string | null | '' {
  const m = /^\s*(\w+)\s*([\s\S]*)$/.exec(instruction);
  const kind = (m?.[1] ?? '').toUpperCase();
  const rest = m?.[2] ?? '';
  if (RECORD_KINDS.has(kind)) return '';
  if (kind === 'ADDRESSBLOCK') return '{adresblok}';
  if (kind === 'GREETINGLINE') return /_AFTER_\s*,/.test(rest) ? '{aanhef},' : '{aanhef}';
  if (kind !== 'MERGEFIELD') return null;
  const name = /^"([^"]+)"|^(\S+)/.exec(rest.trim());
  const written = (name?.[1] ?? name?.[2] ?? '').trim();
  if (!written) return null;
  const fmt = /\\\*\s*(Upper|Lower|Caps|FirstCap)\b/i.exec(rest)?.[1]?.toLowerCase();
  return `{${written}${fmt ? `:${fmt}` : ''}}`;
}

function runStart(xml: string, pos: number): number {
  return Math.max(xml.lastIndexOf('<w:r>', pos), xml.lastIndexOf('<w:r ', pos));
}

function newRun(props: string, text: string): string {
  if (text === '') return '';
  return `<w:r>${props}<w:t xml:space="preserve">${escapeXml(text)}</w:t></w:r>`;
}

interface OpenField {
  begin: number;
  separate: number | null;
  instr: string;
  nested: boolean;
  /** A field other than Word's own sits inside this one (IF … MERGEFIELD …, QUOTE … INCLUDETEXT …): the outer one goes too. */
  nestedForeign: boolean;
}

const kindOf = (instr: string) => (/^\s*(\w+)/.exec(instr)?.[1] ?? '').toUpperCase();

export function convertComplexFields(xml: string, report: (f: FieldReport) => void): string {
  const stack: OpenField[] = [];
  const edits: { from: number; to: number; text: string }[] = [];
  const remove = (field: OpenField, endTokenEnd: number) => {
    report({ instruction: field.instr.trim() });
    edits.push({ from: field.begin, to: endTokenEnd, text: withoutField(xml.slice(field.begin, endTokenEnd)) });
  };
  for (const m of xml.matchAll(FIELD_TOKEN)) {
    const pos = m.index ?? 0;
    const type = m[1];
    if (m[2] !== undefined) {
      const top = stack[stack.length - 1];
      if (top && top.separate === null) top.instr += decodeXml(m[2]);
    } else if (type === 'begin') {
      const parent = stack[stack.length - 1];
      if (parent) parent.nested = true;
      stack.push({ begin: pos, separate: null, instr: '', nested: false, nestedForeign: false });
    } else if (type === 'separate') {
      const top = stack[stack.length - 1];
      if (top) top.separate = pos;
    } else {
      const field = stack.pop();
      if (!field) continue;
      const kind = kindOf(field.instr);
      const parent = stack[stack.length - 1];
      if (parent) {
        if (!WORD_OWN.has(kind) || field.nestedForeign) parent.nestedForeign = true;
        continue;
      }
      const endTokenEnd = pos + m[0].length;
      const tag = field.nested ? null : placeholderFor(field.instr);
      if (tag === null) {
        if (!WORD_OWN.has(kind) || field.nestedForeign) remove(field, endTokenEnd);
        continue;
      }
      const from = runStart(xml, field.begin);
      const to = xml.indexOf('</w:r>', pos) + '</w:r>'.length;
      if (from < 0 || xml.slice(from, to).includes('</w:p>')) {
        remove(field, endTokenEnd);
        continue;
      }
      if (RECORD_KINDS.has(kind)) report({ instruction: field.instr.trim() });
      const result = field.separate !== null ? xml.slice(field.separate, pos) : '';
      const props = RUN_PROPS.exec(result)?.[1] ?? RUN_PROPS.exec(xml.slice(from, to))?.[1] ?? '';
      edits.push({ from, to, text: newRun(props, tag) });
    }
  }
  // A field begun but never ended (a damaged template): its codes go, so Word runs nothing; the text stays.
  const unclosed = stack[0];
  if (unclosed) {
    report({ instruction: unclosed.instr.trim() });
    edits.push({ from: unclosed.begin, to: xml.length, text: withoutFieldCodes(xml.slice(unclosed.begin)) });
  }
  let out = xml;
  for (const e of edits.reverse()) out = out.slice(0, e.from) + e.text + out.slice(e.to);
  return out;
}

const SIMPLE_FIELD = /<w:fldSimple\b([^>]*?)(?:\/>|>([\s\S]*?)<\/w:fldSimple>)/g;

export function convertSimpleFields(xml: string, report: (f: FieldReport) => void): string {
  return xml.replace(SIMPLE_FIELD, (whole, attrs: string, inner: string | undefined) => {
    const instr = decodeXml(/w:instr="([^"]*)"/.exec(attrs)?.[1] ?? '');
    const kind = kindOf(instr);
    const tag = placeholderFor(instr);
    if (tag === null) {
      if (WORD_OWN.has(kind) && !/<w:(fldSimple|fldChar|instrText)\b/.test(inner ?? '')) return whole;
      report({ instruction: instr.trim() });
      return withoutField(inner ?? '');
    }
    if (RECORD_KINDS.has(kind)) report({ instruction: instr.trim() });
    const props = RUN_PROPS.exec(inner ?? '')?.[1] ?? '';
    return newRun(props, tag);
  });
}

import { decodeXml, escapeXml } from './xml-text';

/**
 * Word's own merge fields → our placeholders, before anything else reads the template.
 * Complex fields (w:fldChar begin / w:instrText / separate / end, possibly spread over many
 * runs) and simple fields (w:fldSimple) both become one run `{name}` that keeps the
 * formatting of the field's first result run. Fields we do not run (IF, ASK, …) are left
 * as they are and reported; PAGE, DATE and the like are Word's business and untouched.
 */

export interface FieldReport {
  instruction: string;
}

const FIELD_TOKEN = /<w:fldChar\b[^>]*w:fldCharType="(begin|separate|end)"[^>]*?(?:\/>|><\/w:fldChar>)|<w:instrText\b[^>]*>([^<]*)<\/w:instrText>/g;
const RUN_PROPS = /<w:r(?:\s[^>]*)?>\s*(<w:rPr>[\s\S]*?<\/w:rPr>|<w:rPr\/>)/;
const MERGE_KINDS = new Set(['MERGEFIELD', 'ADDRESSBLOCK', 'GREETINGLINE']);
const RECORD_KINDS = new Set(['NEXT', 'NEXTIF', 'SKIPIF', 'MERGEREC', 'MERGESEQ']);

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
  /** A merge field sits inside this one (IF … MERGEFIELD …): we cannot run the outer field. */
  nestedMerge: boolean;
}

const kindOf = (instr: string) => (/^\s*(\w+)/.exec(instr)?.[1] ?? '').toUpperCase();

export function convertComplexFields(xml: string, report: (f: FieldReport) => void): string {
  const stack: OpenField[] = [];
  const edits: { from: number; to: number; text: string }[] = [];
  for (const m of xml.matchAll(FIELD_TOKEN)) {
    const pos = m.index ?? 0;
    const type = m[1];
    if (m[2] !== undefined) {
      const top = stack[stack.length - 1];
      if (top && top.separate === null) top.instr += decodeXml(m[2]);
    } else if (type === 'begin') {
      const parent = stack[stack.length - 1];
      if (parent) parent.nested = true;
      stack.push({ begin: pos, separate: null, instr: '', nested: false, nestedMerge: false });
    } else if (type === 'separate') {
      const top = stack[stack.length - 1];
      if (top) top.separate = pos;
    } else {
      const field = stack.pop();
      if (!field) continue;
      const kind = kindOf(field.instr);
      const parent = stack[stack.length - 1];
      if (parent) {
        if (MERGE_KINDS.has(kind) || field.nestedMerge) parent.nestedMerge = true;
        continue;
      }
      const tag = field.nested ? null : placeholderFor(field.instr);
      if (tag === null) {
        if (MERGE_KINDS.has(kind) || field.nestedMerge) report({ instruction: field.instr.trim() });
        continue;
      }
      const from = runStart(xml, field.begin);
      const to = xml.indexOf('</w:r>', pos) + '</w:r>'.length;
      if (from < 0 || xml.slice(from, to).includes('</w:p>')) {
        report({ instruction: field.instr.trim() });
        continue;
      }
      if (RECORD_KINDS.has(kind)) report({ instruction: field.instr.trim() });
      const result = field.separate !== null ? xml.slice(field.separate, pos) : '';
      const props = RUN_PROPS.exec(result)?.[1] ?? RUN_PROPS.exec(xml.slice(from, to))?.[1] ?? '';
      edits.push({ from, to, text: newRun(props, tag) });
    }
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
      if (MERGE_KINDS.has(kind)) report({ instruction: instr.trim() });
      return whole;
    }
    if (RECORD_KINDS.has(kind)) report({ instruction: instr.trim() });
    const props = RUN_PROPS.exec(inner ?? '')?.[1] ?? '';
    return newRun(props, tag);
  });
}

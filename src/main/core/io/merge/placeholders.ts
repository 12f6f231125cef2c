import { foldDiacritics } from '../../../../shared/dutch/text';
import { decodeXml, escapeXml } from './xml-text';

/** One placeholder as it appears in a template part. */
export interface FoundPlaceholder {
  /** As the user wrote it, without braces: 'Voornaam', 'lid sinds:upper'. */
  written: string;
  /** Canonical name: the field key when known, else the written name normalised. */
  name: string;
  format: TextFormat | null;
  known: boolean;
}

export type TextFormat = 'upper' | 'lower' | 'caps' | 'firstcap';
const FORMATS = new Set<string>(['upper', 'lower', 'caps', 'firstcap']);

// {naam} or {{naam}}; a name of letters, digits, spaces, _ . - and an optional :format.
const PLACEHOLDER = /\{\{\s*([^{}]{1,80}?)\s*\}\}|\{\s*([^{}]{1,80}?)\s*\}/g;
const NAME = /^[\p{L}_][\p{L}\p{N}_ .-]*$/u;

const TOKEN = /<w:p[\s>]|<\/w:p>|(<w:t(?:\s[^>]*)?>)([^<]*)<\/w:t>/g;

interface TextNode {
  /** Where the element's content starts and ends in the part. */
  open: number;
  contentStart: number;
  contentEnd: number;
  text: string;
}

function parseWritten(inner: string, resolve: (name: string) => string | null): FoundPlaceholder | null {
  const [rawName = '', fmt] = inner.split(':').map((s) => s.trim());
  const format = fmt !== undefined && FORMATS.has(fmt.toLowerCase()) ? (fmt.toLowerCase() as TextFormat) : null;
  if ((fmt !== undefined && format === null) || !NAME.test(rawName)) return null;
  const key = resolve(rawName);
  const name = key ?? foldDiacritics(rawName).toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_|_$/g, '');
  return { written: inner, name, format, known: key !== null };
}

/**
 * Rewrites every placeholder in one paragraph so it sits whole in the text node where it
 * starts, as `{name}` / `{name:format}`. Word and LibreOffice split typed text into several
 * runs (spell-check marks, rsid revision ids, a formatting change, a bookmark in between);
 * the placeholder then keeps the formatting of its first run and the other runs lose the
 * characters it took. Only text node contents change, so the XML structure stays valid.
 */
function normaliseParagraph(nodes: TextNode[], resolve: (n: string) => string | null, found: FoundPlaceholder[]): Map<TextNode, string> {
  const joined = nodes.map((n) => n.text).join('');
  const owner: number[] = [];
  nodes.forEach((n, i) => {
    for (let k = 0; k < n.text.length; k++) owner.push(i);
  });
  const out = nodes.map(() => '');
  const append = (node: number | undefined, text: string | undefined) => {
    const i = node ?? 0;
    out[i] = (out[i] ?? '') + (text ?? '');
  };
  let pos = 0;
  for (const m of joined.matchAll(PLACEHOLDER)) {
    const start = m.index ?? 0;
    const p = parseWritten(m[1] ?? m[2] ?? '', resolve);
    if (!p) continue;
    for (; pos < start; pos++) append(owner[pos], joined[pos]);
    append(owner[start], `{${p.name}${p.format ? `:${p.format}` : ''}}`);
    pos = start + m[0].length;
    found.push(p);
  }
  for (; pos < joined.length; pos++) append(owner[pos], joined[pos]);
  const changed = new Map<TextNode, string>();
  nodes.forEach((n, i) => {
    if (out[i] !== n.text) changed.set(n, out[i] ?? '');
  });
  return changed;
}

export function normalisePlaceholders(xml: string, resolve: (name: string) => string | null): { xml: string; found: FoundPlaceholder[] } {
  const found: FoundPlaceholder[] = [];
  const stack: TextNode[][] = [];
  const edits: { node: TextNode; text: string }[] = [];
  for (const m of xml.matchAll(TOKEN)) {
    const at = m.index ?? 0;
    if (m[0].startsWith('</w:p')) {
      const nodes = stack.pop() ?? [];
      if (nodes.some((n) => n.text.includes('{'))) {
        for (const [node, text] of normaliseParagraph(nodes, resolve, found)) edits.push({ node, text });
      }
    } else if (m[1] === undefined) {
      stack.push([]);
    } else {
      const open = m[1];
      const contentStart = at + open.length;
      stack[stack.length - 1]?.push({ open: at, contentStart, contentEnd: contentStart + (m[2] ?? '').length, text: decodeXml(m[2] ?? '') });
    }
  }
  edits.sort((a, b) => b.node.open - a.node.open);
  let out = xml;
  for (const { node, text } of edits) {
    out = `${out.slice(0, node.open)}<w:t xml:space="preserve">${escapeXml(text)}${out.slice(node.contentEnd)}`;
  }
  return { xml: out, found };
}

import { SaxesParser } from 'saxes';

/** A small element tree: local names (namespace prefixes dropped), attributes and text. */
export interface XmlElement {
  name: string;
  ns: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  text: string;
}

/** Reads XML into a tree; a malformed or cut-off file gives its parser message (and line). */
export function parseXmlTree(xml: string): { root: XmlElement } | { problem: string; line: number } {
  const parser = new SaxesParser({ xmlns: true });
  const stack: XmlElement[] = [];
  let root: XmlElement | null = null;
  let problem: { problem: string; line: number } | null = null;
  parser.on('error', (e) => {
    problem ??= { problem: e.message, line: parser.line };
  });
  parser.on('opentag', (t) => {
    const attrs: Record<string, string> = {};
    for (const [k, a] of Object.entries(t.attributes)) attrs[(a as { local: string }).local ?? k] = (a as { value: string }).value;
    const el: XmlElement = { name: t.local ?? t.name, ns: t.uri ?? '', attrs, children: [], text: '' };
    stack.at(-1)?.children.push(el);
    if (!root) root = el;
    stack.push(el);
  });
  parser.on('text', (t) => {
    const top = stack.at(-1);
    if (top) top.text += t;
  });
  parser.on('closetag', () => {
    stack.pop();
  });
  parser.write(xml).close();
  if (problem) return problem;
  if (!root) return { problem: 'no root element', line: 1 };
  return { root };
}

/** The first element down a path of local names ('Acct/Id/IBAN'). */
export function child(el: XmlElement | undefined, path: string): XmlElement | undefined {
  let cur = el;
  for (const part of path.split('/')) {
    if (!cur) return undefined;
    cur = cur.children.find((c) => c.name === part);
  }
  return cur;
}

export function children(el: XmlElement | undefined, name: string): XmlElement[] {
  return el ? el.children.filter((c) => c.name === name) : [];
}

/** The trimmed text at a path, or null when absent or empty. */
export function textAt(el: XmlElement | undefined, path: string): string | null {
  const t = child(el, path)?.text.trim();
  return t ? t : null;
}

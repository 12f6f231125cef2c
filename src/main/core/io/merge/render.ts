import type { MergeValue } from './merge-fields';
import type { TextFormat } from './placeholders';
import { escapeXml } from './xml-text';

const TEXT_NODE = /(<w:t(?:\s[^>]*)?>)([^<]*)(<\/w:t>)/g;
const TAG = /\{([a-z0-9_]+)(?::(upper|lower|caps|firstcap))?\}/g;

function formatted(text: string, format: TextFormat | undefined): string {
  switch (format) {
    case 'upper':
      return text.toLocaleUpperCase('nl');
    case 'lower':
      return text.toLocaleLowerCase('nl');
    case 'caps':
      return text.replace(/(^|\s)(\p{Ll})/gu, (_, s: string, c: string) => s + c.toLocaleUpperCase('nl'));
    case 'firstcap':
      return text.charAt(0).toLocaleUpperCase('nl') + text.slice(1);
    default:
      return text;
  }
}

/**
 * Fills the placeholders of a normalised part. A value with several lines (an address
 * block) becomes line breaks inside the placeholder's run, so it keeps that run's font.
 */
export function renderPart(xml: string, value: (name: string) => MergeValue): string {
  return xml.replace(TEXT_NODE, (whole, _open: string, content: string, close: string) => {
    if (!content.includes('{')) return whole;
    let multiline = false;
    const filled = content.replace(TAG, (_tag, name: string, format: TextFormat | undefined) => {
      const v = value(name);
      const lines = (Array.isArray(v) ? v : [v]).map((l) => escapeXml(formatted(l, format)));
      if (lines.length > 1) multiline = true;
      return lines.join('</w:t><w:br/><w:t xml:space="preserve">');
    });
    if (filled === content && !multiline) return whole;
    return `<w:t xml:space="preserve">${filled}${close}`;
  });
}

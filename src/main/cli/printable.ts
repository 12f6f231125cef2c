/**
 * Characters a terminal acts on instead of showing: C0 controls other than line feed and tab
 * (ESC starts an ANSI escape, CR overwrites the line), DEL, C1 controls, line separators and
 * the bidi embeddings, overrides and isolates. New data cannot hold them (the contract
 * refuses them), but an older or hand-edited file can.
 */
const UNPRINTABLE = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u2028\u2029\u202A-\u202E\u2066-\u2069]/gu;

/**
 * Text as the CLI prints it: every such character written as `\u001b`. Outside JSON that
 * shows what is there without acting on it; in `--json` output those characters can only
 * occur inside strings, where `\u001b` is JSON's own escape, so the value reads back unchanged.
 */
export function printable(text: string): string {
  return text.replace(UNPRINTABLE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

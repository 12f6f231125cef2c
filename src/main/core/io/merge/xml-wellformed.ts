import { SaxesParser } from 'saxes';

/**
 * The first reason `xml` is not well-formed XML (an unclosed element, an undefined entity,
 * a character reference to a character XML forbids such as `&#0;`), or null when it is.
 * Word refuses to open a document with such a part, so a template with one is refused
 * before anything is merged into it.
 */
export function xmlProblem(xml: string): string | null {
  const parser = new SaxesParser();
  let problem: string | null = null;
  parser.on('error', (e) => {
    problem ??= e.message;
  });
  parser.write(xml).close();
  return problem;
}

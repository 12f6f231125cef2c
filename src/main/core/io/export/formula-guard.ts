/**
 * A cell a spreadsheet would run as a formula: starting with = + - @, also after leading
 * spaces, or starting with a tab or carriage return (OWASP "CSV injection").
 */
const DANGEROUS = /^[\s]*[=+\-@]|^[\t\r]/;

/** Prefixes a single quote so spreadsheets show the text instead of running it. */
export function neutraliseFormula(text: string): string {
  return DANGEROUS.test(text) ? `'${text}` : text;
}

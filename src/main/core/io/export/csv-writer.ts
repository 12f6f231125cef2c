/** Quotes a field when it holds the delimiter, a quote, a line break or edge spaces (RFC 4180). */
export function csvField(value: string, delimiter: string): string {
  if (value === '') return '';
  const needs = value.includes(delimiter) || /["\r\n]/.test(value) || value !== value.trim();
  return needs ? `"${value.replace(/"/g, '""')}"` : value;
}

export function csvLine(values: string[], delimiter: string): string {
  return values.map((v) => csvField(v, delimiter)).join(delimiter);
}

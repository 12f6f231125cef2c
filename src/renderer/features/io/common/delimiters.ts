/** i18n key names for delimiters: ';' is not a good key. */
const NAMES: Record<string, string> = { auto: 'auto', ';': 'semicolon', ',': 'comma', '\t': 'tab', '|': 'pipe' };

export function delimiterKey(d: string): string {
  return NAMES[d] ?? 'other';
}

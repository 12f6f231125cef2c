/** 2000 → '2.000' (nl) or '2,000' (en). */
export function formatCount(n: number, language: string): string {
  return new Intl.NumberFormat(language === 'en' ? 'en-GB' : 'nl-NL').format(n);
}

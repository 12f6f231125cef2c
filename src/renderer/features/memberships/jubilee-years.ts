/** '10, 25 40;50' → [10, 25, 40, 50]; out-of-range numbers are dropped. */
export function parseYears(text: string): number[] {
  const years = text
    .split(/[^0-9]+/)
    .filter(Boolean)
    .map(Number)
    .filter((n) => n >= 1 && n <= 100);
  return [...new Set(years)].sort((a, b) => a - b);
}

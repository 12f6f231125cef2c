/** Millimetres → twips, rounded (docx's own helper truncates, and 8 rows of 36 mm then drift 0.1 mm). */
export function mm(millimetres: number): number {
  return Math.round((millimetres * 1440) / 25.4);
}

import type { LabelSheet } from '../../../../shared/contract/io';
import { DomainError } from '../../../../shared/errors';

/**
 * Standard A4 label sheets. Sizes are the labels' own (Avery/Herma/APLI catalogue values);
 * margins put the grid where the sheet has it. Any other sheet is a custom LabelSheet.
 */
export const LABEL_SHEETS: { id: string; name: string; sheet: LabelSheet }[] = [
  {
    id: 'a4-3x8',
    name: 'A4, 3 × 8 etiketten van 70 × 36 mm (o.a. Avery 3475, Herma 4453)',
    sheet: { columns: 3, rows: 8, labelWidthMm: 70, labelHeightMm: 36, marginTopMm: 4.5, marginLeftMm: 0, gapXMm: 0, gapYMm: 0, paddingMm: 5, pageWidthMm: 210, pageHeightMm: 297 },
  },
  {
    id: 'a4-3x8-37',
    name: 'A4, 3 × 8 etiketten van 70 × 37 mm (o.a. Avery 3474)',
    sheet: { columns: 3, rows: 8, labelWidthMm: 70, labelHeightMm: 37, marginTopMm: 0.5, marginLeftMm: 0, gapXMm: 0, gapYMm: 0, paddingMm: 5, pageWidthMm: 210, pageHeightMm: 297 },
  },
  {
    id: 'a4-3x7',
    name: 'A4, 3 × 7 etiketten van 70 × 42,3 mm (o.a. Avery 3652)',
    sheet: { columns: 3, rows: 7, labelWidthMm: 70, labelHeightMm: 42.3, marginTopMm: 0, marginLeftMm: 0, gapXMm: 0, gapYMm: 0, paddingMm: 5, pageWidthMm: 210, pageHeightMm: 297 },
  },
  {
    id: 'a4-3x7-l7160',
    name: 'A4, 3 × 7 etiketten van 63,5 × 38,1 mm met tussenruimte (Avery L7160)',
    sheet: { columns: 3, rows: 7, labelWidthMm: 63.5, labelHeightMm: 38.1, marginTopMm: 15.1, marginLeftMm: 7.2, gapXMm: 2.5, gapYMm: 0, paddingMm: 4, pageWidthMm: 210, pageHeightMm: 297 },
  },
  {
    id: 'a4-2x7-l7163',
    name: 'A4, 2 × 7 etiketten van 99,1 × 38,1 mm (Avery L7163)',
    sheet: { columns: 2, rows: 7, labelWidthMm: 99.1, labelHeightMm: 38.1, marginTopMm: 15.1, marginLeftMm: 4.7, gapXMm: 2.5, gapYMm: 0, paddingMm: 5, pageWidthMm: 210, pageHeightMm: 297 },
  },
];

export function sheetOf(spec: string | LabelSheet): LabelSheet {
  const sheet = typeof spec === 'string' ? LABEL_SHEETS.find((s) => s.id === spec)?.sheet : spec;
  if (!sheet) throw new DomainError('VALIDATION_FAILED', { sheet: spec }, [{ field: 'sheet', code: 'LABEL_SHEET_UNKNOWN' }]);
  const width = sheet.marginLeftMm + sheet.columns * sheet.labelWidthMm + (sheet.columns - 1) * sheet.gapXMm;
  const height = sheet.marginTopMm + sheet.rows * sheet.labelHeightMm + (sheet.rows - 1) * sheet.gapYMm;
  if (width > sheet.pageWidthMm + 0.01 || height > sheet.pageHeightMm + 0.01) {
    throw new DomainError('VALIDATION_FAILED', { width, height }, [{ field: 'sheet', code: 'LABEL_SHEET_TOO_LARGE' }]);
  }
  return sheet;
}

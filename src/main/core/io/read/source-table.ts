import type { ImportIssue } from '../../../../shared/contract/io';

/** A cell as read: text from CSV; typed values from Excel (real date cells arrive as ISO dates). */
export type CellValue = string | number | boolean | { date: string } | null;

export interface SourceRow {
  /** The row number as Excel shows it: the header is row 1, the first data row 2. */
  row: number;
  cells: CellValue[];
}

/** Any user file as one table: a header row and data rows, blank rows dropped. */
export interface SourceTable {
  format: 'csv' | 'xlsx';
  encoding: string | null;
  delimiter: string | null;
  sheets: string[];
  sheet: string | null;
  headers: string[];
  rows: SourceRow[];
  /** Problems with the file as a whole or a stretch of it (e.g. an unbalanced quote). */
  issues: ImportIssue[];
}

export function isBlankCell(v: CellValue): boolean {
  return v === null || (typeof v === 'string' && v.trim() === '');
}

/** The cell as the user typed it, for reports and the rejected-rows file. */
export function cellText(v: CellValue): string {
  if (v === null) return '';
  if (typeof v === 'object') return v.date;
  return String(v);
}

export function fileIssue(code: string, row = 1, details?: Record<string, string | number>): ImportIssue {
  return { row, column: null, field: null, code, severity: 'error', raw: null, ...(details ? { details } : {}) };
}

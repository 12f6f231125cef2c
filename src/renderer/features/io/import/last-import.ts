import type { ImportCounts } from '../../../../shared/contract/io';

/** What the result screen needs of a committed import: enough to show it and to undo it. */
export interface LastImport {
  operationId: string;
  fileName: string;
  counts: ImportCounts;
  reverted: number | null;
}

const KEY = 'ledenbeheer.io.lastImport';

/*
 * The wizard lives in the Import & export page, which unmounts when the user opens a
 * relation card to check an imported person. The last import is kept for this window's
 * session so "Ongedaan maken" is still there when they come back.
 */
export function loadLastImport(): LastImport | null {
  try {
    const raw = window.sessionStorage.getItem(KEY);
    if (!raw) return null;
    const v = JSON.parse(raw) as Partial<LastImport>;
    return typeof v.operationId === 'string' && typeof v.fileName === 'string' && v.counts ? (v as LastImport) : null;
  } catch {
    return null;
  }
}

export function storeLastImport(value: LastImport | null): void {
  try {
    if (value) window.sessionStorage.setItem(KEY, JSON.stringify(value));
    else window.sessionStorage.removeItem(KEY);
  } catch {
    // Storage can be full or disabled; the result then only lasts while the page is open.
  }
}

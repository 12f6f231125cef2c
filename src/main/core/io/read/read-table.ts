import { DomainError } from '../../../../shared/errors';
import type { Progress } from '../progress';
import type { TextEncoding } from '../text/encoding';
import { readCsv, type Delimiter } from './csv-reader';
import { readXlsx } from './xlsx-reader';
import { fileIssue, type SourceTable } from './source-table';

export interface ReadOptions {
  encoding: TextEncoding | 'auto';
  delimiter: Delimiter | 'auto';
  sheet?: string | undefined;
}

function refuse(code: string): DomainError {
  return new DomainError('VALIDATION_FAILED', undefined, [{ field: 'file', code }]);
}

/**
 * Any import file → one table. The content decides, not the name: a zip is a workbook,
 * the old binary .xls is refused with its own code (save it as .xlsx), anything else is
 * read as delimited text.
 */
export async function readTable(bytes: Uint8Array, opts: ReadOptions, progress?: Progress): Promise<SourceTable> {
  if (bytes.length === 0) throw refuse('FILE_EMPTY');
  const zip = bytes[0] === 0x50 && bytes[1] === 0x4b;
  const ole = bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0;
  if (ole) throw refuse('XLS_NOT_SUPPORTED');
  const table = zip ? await readXlsx(bytes, { sheet: opts.sheet }, progress) : await readCsv(bytes, opts, progress);
  if (table.headers.every((h) => h === '')) {
    if (!table.issues.some((i) => i.code === 'FILE_NO_HEADER')) table.issues.unshift(fileIssue('FILE_NO_HEADER'));
  }
  return table;
}

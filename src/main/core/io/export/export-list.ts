import type { z } from 'zod';
import type { exportInput, FileOutput } from '../../../../shared/contract/io';
import { DomainError } from '../../../../shared/errors';
import type { CoreContext } from '../../context';
import { listCustomFields } from '../../classification/classification.repo';
import { checkpoint, type Progress } from '../progress';
import { columnCatalogue, type ColumnDef, type ColumnValue } from '../records/columns';
import { resolveListSource } from '../records/list-source';
import { loadRecords, type RecordNeeds } from '../records/relation-records';
import { encodeUtf8, encodeWindows1252 } from '../text/encoding';
import { csvLine } from './csv-writer';
import { neutraliseFormula } from './formula-guard';
import { XlsxSheetWriter } from './xlsx-writer';

type ExportOptions = z.output<typeof exportInput>;

// Records loaded and written per step: the progress and yield interval of a long export.
const BATCH = 1_000;

export function pickColumns(ctx: CoreContext, keys: string[]): ColumnDef[] {
  const catalogue = new Map(columnCatalogue(listCustomFields(ctx)).map((c) => [c.key, c]));
  const unknown = keys.filter((k) => !catalogue.has(k));
  if (unknown.length) {
    throw new DomainError('VALIDATION_FAILED', { unknown }, unknown.map((k) => ({ field: 'columns', code: 'COLUMN_UNKNOWN', details: { column: k } })));
  }
  return keys.map((k) => catalogue.get(k) as ColumnDef);
}

/** Which related data the columns read, so an export of names does not load types and custom values. */
function needsOf(keys: string[]): RecordNeeds {
  return { types: keys.some((k) => k === 'types' || k === 'lid_sinds'), custom: keys.some((k) => k.startsWith('custom:')) };
}

function csvText(col: ColumnDef, v: ColumnValue, opts: ExportOptions['csv']): string {
  if (v === null) return '';
  // 03-07-1961: what Dutch Excel reads back as a date.
  if (col.type === 'date' && typeof v === 'string') return opts.dates === 'nl' ? v.split('-').reverse().join('-') : v;
  // A decimal comma where the list separator is not a comma, as Dutch Excel reads it.
  if (typeof v === 'number') return opts.delimiter === ',' ? String(v) : String(v).replace('.', ',');
  return neutraliseFormula(v);
}

/**
 * A list (all relations, a group or selection on a date, hand-picked ids) → CSV or .xlsx
 * bytes with the chosen columns in the chosen order. Records are loaded and written in
 * batches, so memory stays flat and the host gets control back between batches.
 */
export async function exportList(ctx: CoreContext, opts: ExportOptions, progress?: Progress): Promise<FileOutput & { rows: number; replacedCharacters: number }> {
  const on = opts.on ?? ctx.today();
  const columns = pickColumns(ctx, opts.columns);
  const needs = needsOf(opts.columns);
  const ids = resolveListSource(ctx, opts.source, on);
  const base = `relaties-${on}`;
  if (opts.format === 'xlsx') {
    const writer = new XlsxSheetWriter(opts.sheetName, columns);
    for (let i = 0; i < ids.length; i += BATCH) {
      for (const r of loadRecords(ctx, ids.slice(i, i + BATCH), on, needs)) writer.addRow(columns.map((c) => c.value(r, on)));
      await writer.drain();
      await checkpoint(progress, { phase: 'export', done: Math.min(ids.length, i + BATCH), total: ids.length });
    }
    const bytes = await writer.finish();
    return {
      fileName: `${base}.xlsx`,
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      bytes: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64'),
      rows: ids.length,
      replacedCharacters: 0,
    };
  }
  const d = opts.csv.delimiter;
  const parts: string[] = [csvLine(columns.map((c) => neutraliseFormula(c.label)), d)];
  for (let i = 0; i < ids.length; i += BATCH) {
    for (const r of loadRecords(ctx, ids.slice(i, i + BATCH), on, needs)) parts.push(csvLine(columns.map((c) => csvText(c, c.value(r, on), opts.csv)), d));
    await checkpoint(progress, { phase: 'export', done: Math.min(ids.length, i + BATCH), total: ids.length });
  }
  const text = `${parts.join('\r\n')}\r\n`;
  const encoded = opts.csv.encoding === 'windows-1252' ? encodeWindows1252(text) : { bytes: encodeUtf8(text, opts.csv.encoding === 'utf-8-bom'), replaced: 0 };
  return {
    fileName: `${base}.csv`,
    mimeType: 'text/csv',
    bytes: Buffer.from(encoded.bytes).toString('base64'),
    rows: ids.length,
    replacedCharacters: encoded.replaced,
  };
}

import type { ImportIssue, ImportReport, ParsedImportInput, RowOutcome } from '../../../../shared/contract/io';
import type { CustomFieldDto } from '../../../../shared/contract';
import { DomainError } from '../../../../shared/errors';
import type { CoreContext } from '../../context';
import { listCustomFields, relationTypeByCode } from '../../classification/classification.repo';
import { checkpoint, CHUNK_ROWS, throwIfCancelled, type Progress } from '../progress';
import { readTable } from '../read/read-table';
import { fileIssue, isBlankCell, type SourceTable } from '../read/source-table';
import { mappingStore } from '../io-settings';
import { headerKey, suggestMapping } from './header-match';
import { normaliseRow, ruleOrder, type MappedColumn } from './normalise';
import { isBuiltinTarget, customCode, type Target } from './targets';
import { loadExistingIndex } from './existing-index';
import { planImport, type PlannedRow } from './plan';
import { commitPlan } from './commit';
import { rejectedRowsCsv } from './rejects';
import type { ImportRecord } from './import-record';

/** More ids than this are not listed in a 'relations.changed' event (the renderer reloads anyway). */
export const MAX_EVENT_IDS = 1_000;

type FileInput = Pick<ParsedImportInput, 'file' | 'read'>;

export async function readImportFile(input: FileInput, progress?: Progress): Promise<SourceTable> {
  return readTable(Buffer.from(input.file, 'base64'), input.read, progress);
}

/** The mapping to use: the caller's, else a saved one matched by header, else the suggestion. */
export function resolveMapping(
  ctx: CoreContext,
  table: SourceTable,
  input: Pick<ParsedImportInput, 'mapping' | 'mappingName'>,
  customFields: CustomFieldDto[],
): { columns: MappedColumn[]; all: { column: number; header: string; target: string | null }[]; issues: ImportIssue[] } {
  const issues: ImportIssue[] = [];
  let targets: (string | null)[] = suggestMapping(table.headers, customFields);
  if (input.mappingName !== undefined) {
    const saved = mappingStore.get(ctx, input.mappingName);
    if (!saved) issues.push(fileIssue('MAPPING_NOT_FOUND'));
    else {
      const byHeader = new Map(saved.columns.map((c) => [headerKey(c.header), c.target]));
      targets = table.headers.map((h, i) => (byHeader.has(headerKey(h)) ? (byHeader.get(headerKey(h)) ?? null) : (targets[i] ?? null)));
    }
  }
  if (input.mapping) {
    targets = table.headers.map(() => null);
    for (const m of input.mapping) {
      if (m.column >= table.headers.length) issues.push(fileIssue('MAPPING_COLUMN_UNKNOWN', 1, { column: m.column }));
      else targets[m.column] = m.target;
    }
  }
  const known = new Set(customFields.map((f) => f.code));
  const columns: MappedColumn[] = [];
  targets.forEach((target, column) => {
    if (target === null) return;
    const code = customCode(target);
    if (!(isBuiltinTarget(target) || (code !== null && known.has(code)))) {
      issues.push({ ...fileIssue('MAPPING_TARGET_UNKNOWN', 1, { target }), column, field: table.headers[column] ?? null });
      return;
    }
    columns.push({ column, header: table.headers[column] ?? '', target: target as Target });
  });
  if (columns.length === 0 && table.headers.length > 0) issues.push(fileIssue('MAPPING_EMPTY'));
  return { columns, all: table.headers.map((header, column) => ({ column, header, target: targets[column] ?? null })), issues };
}

interface Prepared {
  table: SourceTable;
  mapping: ReturnType<typeof resolveMapping>;
  planned: PlannedRow[];
  fileIssues: ImportIssue[];
  membershipTypeId: string | null;
  customFields: Map<string, CustomFieldDto>;
  /** The last operation before planning: a commit refuses when someone wrote in between. */
  lastOperation: number;
}

async function normaliseAll(table: SourceTable, env: Parameters<typeof normaliseRow>[1], progress?: Progress): Promise<ImportRecord[]> {
  const readIssues = new Map<number, ImportIssue[]>();
  for (const i of table.issues) if (i.row > 1) readIssues.set(i.row, [...(readIssues.get(i.row) ?? []), i]);
  const records: ImportRecord[] = [];
  const order = ruleOrder(env.columns);
  for (let i = 0; i < table.rows.length; i++) {
    const row = table.rows[i];
    if (!row) continue;
    const rec = normaliseRow(row, env, order);
    rec.issues.unshift(...(readIssues.get(row.row) ?? []));
    if (row.cells.slice(table.headers.length).some((c) => !isBlankCell(c))) {
      rec.issues.push({ row: row.row, column: null, field: null, code: 'ROW_HAS_EXTRA_CELLS', severity: 'warning', raw: null });
    }
    records.push(rec);
    if ((i + 1) % CHUNK_ROWS === 0) await checkpoint(progress, { phase: 'normalise', done: i + 1, total: table.rows.length });
  }
  return records;
}

/** Read, map, normalise and match: everything up to (not including) writing. */
async function prepare(ctx: CoreContext, input: ParsedImportInput, progress?: Progress): Promise<Prepared> {
  const lastOperation = (ctx.sqlite.prepare('SELECT coalesce(max(rowid), 0) AS n FROM operations').get() as { n: number }).n;
  const table = await readImportFile(input, progress);
  const customFieldList = listCustomFields(ctx);
  const customFields = new Map(customFieldList.map((f) => [f.code, f]));
  const mapping = resolveMapping(ctx, table, input, customFieldList);
  const fileIssues = [...table.issues.filter((i) => i.row <= 1), ...mapping.issues];
  let membershipType: { id: string; appliesTo: 'person' | 'organisation' | 'both' } | null = null;
  if (mapping.columns.some((c) => c.target === 'memberSince' || c.target === 'memberUntil')) {
    const t = relationTypeByCode(ctx, input.options.memberSinceType);
    if (t) membershipType = { id: t.id, appliesTo: t.appliesTo };
    else fileIssues.push(fileIssue('RELATION_TYPE_UNKNOWN', 1, { code: input.options.memberSinceType }));
  }
  const env = { today: ctx.today(), infixes: ctx.reference.infixes, pc4: ctx.reference.pc4, customFields, options: input.options, columns: mapping.columns };
  const records = await normaliseAll(table, env, progress);
  const planned = await planImport(records, { ctx, index: loadExistingIndex(ctx), options: input.options, membershipType, customFields }, progress);
  return { table, mapping, planned, fileIssues, membershipTypeId: membershipType?.id ?? null, customFields, lastOperation };
}

function toOutcome(p: PlannedRow): RowOutcome {
  return {
    row: p.rec.row,
    outcome: p.outcome,
    reasons: p.reasons,
    relationId: p.relationId,
    number: p.number,
    displayName: p.displayName,
    matchedBy: p.matchedBy,
    changes: p.changes,
    issues: p.rec.issues,
    duplicateOfRows: p.duplicateOfRows,
  };
}

function reportOf(input: ParsedImportInput, prep: Prepared): ImportReport {
  const { planned, table } = prep;
  const count = (o: string) => planned.filter((p) => p.outcome === o).length;
  const excluded = planned.filter((p) => p.reasons.includes('EXCLUDED')).length;
  const rejected = rejectedRowsCsv(table.headers, planned);
  return {
    fileName: input.fileName,
    format: table.format,
    encoding: table.encoding,
    delimiter: table.delimiter,
    sheet: table.sheet,
    mapping: prep.mapping.all,
    counts: {
      rows: planned.length,
      create: count('create'),
      update: count('update'),
      skip: count('skip') - excluded,
      reject: count('reject'),
      excluded,
      warnings: planned.filter((p) => p.rec.issues.some((i) => i.severity === 'warning')).length,
      duplicates: planned.filter((p) => p.duplicateOfRows.length > 0).length,
    },
    fileIssues: prep.fileIssues,
    rows: planned.slice(input.rowOffset, input.rowOffset + input.rowLimit).map(toOutcome),
    rejectedCsv: rejected ? Buffer.from(rejected).toString('base64') : null,
  };
}

/** The dry run: exactly what a commit would do, row by row, and nothing written. */
export async function previewImport(ctx: CoreContext, input: ParsedImportInput, progress?: Progress): Promise<ImportReport> {
  return reportOf(input, await prepare(ctx, input, progress));
}

/**
 * The commit: the same plan, written in one transaction as one operation ('io.import',
 * with the file name and counts), so it can be undone as a whole with io.undoImport.
 */
export async function commitImport(ctx: CoreContext, input: ParsedImportInput, progress?: Progress): Promise<ImportReport & { operationId: string }> {
  const prep = await prepare(ctx, input, progress);
  const blocking = prep.fileIssues.filter((i) => i.severity === 'error');
  if (blocking.length) {
    throw new DomainError('VALIDATION_FAILED', { fileName: input.fileName }, blocking.map((i) => ({ field: i.field ?? 'file', code: i.code, details: i.details })));
  }
  throwIfCancelled(progress);
  const report = reportOf(input, prep);
  const { counts } = report;
  // A header-only, all-rejected or all-identical file has nothing to write: no empty operation in History.
  if (counts.create + counts.update === 0) {
    throw new DomainError('VALIDATION_FAILED', { fileName: input.fileName, reason: 'NOTHING_TO_IMPORT', counts }, [{ field: 'file', code: 'NOTHING_TO_IMPORT' }]);
  }
  progress?.onProgress?.({ phase: 'commit', done: 0, total: counts.create + counts.update });
  const summary = { fileName: input.fileName, counts: { create: counts.create, update: counts.update, skip: counts.skip, reject: counts.reject, excluded: counts.excluded } };
  const result = ctx.write('io.import', summary, (op) => {
    const since = ctx.sqlite.prepare('SELECT count(*) AS n FROM operations WHERE rowid > ? AND id <> ?').get(prep.lastOperation, op.id) as { n: number };
    if (since.n > 0) throw new DomainError('CONFLICT', { reason: 'DATA_CHANGED_DURING_IMPORT' });
    const ids = commitPlan(ctx, prep.planned, { membershipTypeId: prep.membershipTypeId, customFields: prep.customFields });
    // Every written relation gets its memberships recomputed; the event only lists a few.
    op.touch(ids);
    op.changed('relations.changed', ids.length <= MAX_EVENT_IDS ? { ids } : { count: ids.length });
    return { operationId: op.id, ids };
  });
  progress?.onProgress?.({ phase: 'commit', done: counts.create + counts.update, total: counts.create + counts.update });
  // The new relations' ids are known now; show them in the report like the updated ones.
  let k = 0;
  const created = prep.planned.filter((p) => p.outcome === 'create' || p.outcome === 'update');
  for (const p of created) p.relationId = result.ids[k++] ?? p.relationId;
  return { ...reportOf(input, prep), operationId: result.operationId };
}

/** First look at a file: what it is, its columns with a suggested target and a few sample values. */
export async function inspectImport(
  ctx: CoreContext,
  input: FileInput & { mappingName?: string | undefined },
  progress?: Progress,
) {
  const table = await readImportFile(input, progress);
  const customFields = listCustomFields(ctx);
  const mapping = resolveMapping(ctx, table, { mapping: undefined, mappingName: input.mappingName }, customFields);
  const samples = table.headers.map(() => [] as string[]);
  for (const row of table.rows) {
    let open = false;
    samples.forEach((list, i) => {
      const v = row.cells[i] ?? null;
      if (list.length < 3 && !isBlankCell(v)) list.push(typeof v === 'object' && v !== null ? v.date : String(v));
      if (list.length < 3) open = true;
    });
    if (!open) break;
  }
  return {
    format: table.format,
    encoding: table.encoding,
    delimiter: table.delimiter,
    sheets: table.sheets,
    sheet: table.sheet,
    rowCount: table.rows.length,
    columns: mapping.all.map((m) => ({ column: m.column, header: m.header, suggested: m.target, samples: samples[m.column] ?? [] })),
    fileIssues: [...table.issues, ...mapping.issues],
    savedOptions: input.mappingName ? (mappingStore.get(ctx, input.mappingName)?.options ?? null) : null,
  };
}

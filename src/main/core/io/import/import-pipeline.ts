import type { ImportIssue, ImportReport, ParsedImportInput, ParsedPlanImportInput, RowOutcome } from '../../../../shared/contract/io';
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
import { planImport as planRows, type PlannedRow } from './plan';
import { commitPlan } from './commit';
import { rejectedRowsCsv } from './rejects';
import type { ImportRecord } from './import-record';
import { administrationVersion, assertUnchangedSince, type HeldPlan } from '../../plans/plan-store';

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

/** An import's plan: the file read, mapped, normalised and matched once; held between preview and commit. */
export interface Prepared {
  fileName: string;
  table: SourceTable;
  mapping: ReturnType<typeof resolveMapping>;
  planned: PlannedRow[];
  fileIssues: ImportIssue[];
  membershipTypeId: string | null;
  customFields: Map<string, CustomFieldDto>;
  /** The administration's version before planning: a commit refuses when someone wrote after it. */
  basis: number;
  /** The report without its rows, built once (pages only slice the rows). */
  summary?: Omit<ImportReport, 'rows'>;
}

/** Plan kinds in the core's plan store. */
export const IMPORT_SOURCE = 'import.source';
export const IMPORT_PLAN = 'import.plan';

/** What inspection holds: the file as read, so the dry run does not read it again. */
export interface HeldSource {
  fileName: string;
  table: SourceTable;
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

type PlanChoices = Pick<ParsedImportInput, 'mapping' | 'mappingName' | 'options'>;

/** Map, normalise and match a table that was read: everything up to (not including) writing. */
export async function planTable(ctx: CoreContext, source: HeldSource, input: PlanChoices, progress?: Progress): Promise<Prepared> {
  const basis = administrationVersion(ctx.sqlite);
  const { table } = source;
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
  const planned = await planRows(records, { ctx, index: loadExistingIndex(ctx), options: input.options, membershipType, customFields }, progress);
  return { fileName: source.fileName, table, mapping, planned, fileIssues, membershipTypeId: membershipType?.id ?? null, customFields, basis };
}

/** Read, map, normalise and match a file sent whole. */
async function prepare(ctx: CoreContext, input: ParsedImportInput, progress?: Progress): Promise<Prepared> {
  const basis = administrationVersion(ctx.sqlite);
  const table = await readImportFile(input, progress);
  return { ...(await planTable(ctx, { fileName: input.fileName, table }, input, progress)), basis };
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

function summaryOf(prep: Prepared): Omit<ImportReport, 'rows'> {
  const { planned, table } = prep;
  const count = (o: string) => planned.filter((p) => p.outcome === o).length;
  const excluded = planned.filter((p) => p.reasons.includes('EXCLUDED')).length;
  const rejected = rejectedRowsCsv(table.headers, planned);
  return {
    fileName: prep.fileName,
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
    rejectedCsv: rejected ? Buffer.from(rejected).toString('base64') : null,
  };
}

/** One page of a plan's report; the summary is built on the first call and kept with the plan. */
export function reportPage(prep: Prepared, window: { rowOffset: number; rowLimit: number }): ImportReport {
  prep.summary ??= summaryOf(prep);
  return { ...prep.summary, rows: prep.planned.slice(window.rowOffset, window.rowOffset + window.rowLimit).map(toOutcome) };
}

/** Holds a plan in the core's plan store, weighed by its rows. */
export function holdPlan(ctx: CoreContext, prep: Prepared): HeldPlan<Prepared> {
  return ctx.plans.hold(IMPORT_PLAN, prep, { weight: Math.max(1, prep.planned.length), basis: prep.basis });
}

/** The dry run of a file sent whole: exactly what a commit would do, row by row, nothing written; held as a plan. */
export async function previewImport(ctx: CoreContext, input: ParsedImportInput, progress?: Progress) {
  const prep = await prepare(ctx, input, progress);
  const held = holdPlan(ctx, prep);
  return { ...reportPage(prep, input), plan: { planId: held.planId, expiresAt: held.expiresAt } };
}

/**
 * Writes a plan in one transaction as one operation ('io.import', with the file name and
 * counts), so it can be undone as a whole with io.undoImport. Refused when anyone wrote after
 * the plan's basis: the check runs inside the commit's own transaction, so nothing slips in.
 */
export async function commitPrepared(ctx: CoreContext, prep: Prepared, window: { rowOffset: number; rowLimit: number }, progress?: Progress): Promise<ImportReport & { operationId: string }> {
  const blocking = prep.fileIssues.filter((i) => i.severity === 'error');
  if (blocking.length) {
    throw new DomainError('VALIDATION_FAILED', { fileName: prep.fileName }, blocking.map((i) => ({ field: i.field ?? 'file', code: i.code, details: i.details })));
  }
  throwIfCancelled(progress);
  const { counts } = (prep.summary ??= summaryOf(prep));
  // A header-only, all-rejected or all-identical file has nothing to write: no empty operation in History.
  if (counts.create + counts.update === 0) {
    throw new DomainError('VALIDATION_FAILED', { fileName: prep.fileName, reason: 'NOTHING_TO_IMPORT', counts }, [{ field: 'file', code: 'NOTHING_TO_IMPORT' }]);
  }
  progress?.onProgress?.({ phase: 'commit', done: 0, total: counts.create + counts.update });
  const summary = { fileName: prep.fileName, counts: { create: counts.create, update: counts.update, skip: counts.skip, reject: counts.reject, excluded: counts.excluded } };
  const result = ctx.write('io.import', summary, (op) => {
    assertUnchangedSince(ctx.sqlite, prep.basis, op.id, 'DATA_CHANGED_SINCE_PREVIEW');
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
  return { ...reportPage(prep, window), operationId: result.operationId };
}

/** Plan and commit of a file sent whole, in one call (CLI, scripts). */
export async function commitImport(ctx: CoreContext, input: ParsedImportInput, progress?: Progress): Promise<ImportReport & { operationId: string }> {
  return commitPrepared(ctx, await prepare(ctx, input, progress), input, progress);
}

/** First look at a file: what it is, its columns with a suggested target and a few sample values. */
export async function inspectImport(
  ctx: CoreContext,
  input: FileInput & { fileName: string; mappingName?: string | undefined },
  progress?: Progress,
) {
  const table = await readImportFile(input, progress);
  const source = ctx.plans.hold<HeldSource>(IMPORT_SOURCE, { fileName: input.fileName, table }, { weight: Math.max(1, table.rows.length), basis: 0 });
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
    source: { planId: source.planId, expiresAt: source.expiresAt },
  };
}

/** The wizard's dry run: a held file mapped, normalised and matched once, held as a plan. */
export async function planImport(ctx: CoreContext, input: ParsedPlanImportInput, progress?: Progress) {
  const source = ctx.plans.use<HeldSource>(IMPORT_SOURCE, input.sourceId);
  const prep = await planTable(ctx, source.value, input, progress);
  const held = holdPlan(ctx, prep);
  return { ...reportPage(prep, input), plan: { planId: held.planId, expiresAt: held.expiresAt } };
}

/** Another page of a held plan's rows. */
export function importPlanRows(ctx: CoreContext, input: { planId: string; rowOffset: number; rowLimit: number }) {
  const held = ctx.plans.use<Prepared>(IMPORT_PLAN, input.planId);
  return { ...reportPage(held.value, input), plan: { planId: held.planId, expiresAt: held.expiresAt } };
}

/** Writes exactly the held plan; it is dropped afterwards (a plan commits once). */
export async function commitImportPlan(ctx: CoreContext, input: { planId: string }, progress?: Progress) {
  const held = ctx.plans.use<Prepared>(IMPORT_PLAN, input.planId);
  // The commit's report carries counts only: the rows are on screen from the preview.
  const result = await commitPrepared(ctx, held.value, { rowOffset: 0, rowLimit: 0 }, progress);
  ctx.plans.drop(held.planId);
  return result;
}

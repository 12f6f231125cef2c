import type { CustomFieldDto } from '../../../../shared/contract';
import type { ImportIssue, ImportOptions } from '../../../../shared/contract/io';
import type { Pc4Info } from '../../../../shared/dutch/pc4';
import type { Result } from '../../../../shared/dutch/result';
import { isBlankCell, type CellValue, type SourceRow } from '../read/source-table';
import type { Target } from './targets';
import type { ImportRecord } from './import-record';
import { applyTarget, TARGET_ORDER } from './field-rules';
import { hasControlCharacter, TEXT_CONTROL_CHARACTER } from '../../../../shared/contract/fields';

export interface MappedColumn {
  column: number;
  header: string;
  target: Target;
}

export interface NormaliseEnv {
  today: string;
  infixes: Set<string>;
  pc4: Map<string, Pc4Info>;
  customFields: Map<string, CustomFieldDto>;
  options: ImportOptions;
  columns: MappedColumn[];
}

/** The cell a target reads: the first non-empty one among the columns mapped to it. */
export interface SourceCell {
  column: number;
  header: string;
  value: CellValue;
}

/** What a field rule may do with its cell: report problems and write into the record. */
export interface RuleScope {
  readonly rec: ImportRecord;
  readonly env: NormaliseEnv;
  readonly cell: SourceCell;
  /** An invalid value: rejects the row, or (skipField) only drops the cell. */
  invalid(code: string, details?: Record<string, string | number>): void;
  warn(code: string, details?: Record<string, string | number>): void;
  /** Unwraps a Result, reporting its failure as invalid. */
  take<T>(r: Result<T>): T | undefined;
}

function issue(row: number, cell: SourceCell, code: string, severity: 'error' | 'warning', details?: Record<string, string | number>): ImportIssue {
  const raw = cell.value === null ? null : typeof cell.value === 'object' ? cell.value.date : String(cell.value);
  return { row, column: cell.column, field: cell.header, code, severity, raw, ...(details ? { details } : {}) };
}

/** One scope per row, pointed at each cell in turn: no closures per cell on a 100,000-row import. */
class RowScope implements RuleScope {
  cell: SourceCell = { column: -1, header: '', value: null };

  constructor(
    readonly rec: ImportRecord,
    readonly env: NormaliseEnv,
    private readonly severity: 'error' | 'warning',
  ) {}

  invalid(code: string, details?: Record<string, string | number>): void {
    this.rec.issues.push(issue(this.rec.row, this.cell, code, this.severity, details));
  }

  warn(code: string, details?: Record<string, string | number>): void {
    this.rec.issues.push(issue(this.rec.row, this.cell, code, 'warning', details));
  }

  take<T>(r: Result<T>): T | undefined {
    if (r.ok) return r.value;
    this.invalid(r.code, r.details);
    return undefined;
  }
}

function gatherCells(row: SourceRow, columns: MappedColumn[]): Map<Target, SourceCell> {
  const out = new Map<Target, SourceCell>();
  for (const c of columns) {
    const value = row.cells[c.column] ?? null;
    const seen = out.get(c.target);
    if (!seen || (isBlankCell(seen.value) && !isBlankCell(value))) out.set(c.target, { column: c.column, header: c.header, value });
  }
  return out;
}

/** The order rules run in for this mapping: computed once per import, not per row. */
export function ruleOrder(columns: MappedColumn[]): Target[] {
  const mapped = new Set(columns.map((c) => c.target));
  return [...TARGET_ORDER.filter((t) => mapped.has(t)), ...[...mapped].filter((t) => t.startsWith('custom:'))];
}

/** One file row → a normalised record with an issue per cell that could not be read. */
export function normaliseRow(row: SourceRow, env: NormaliseEnv, order: Target[] = ruleOrder(env.columns)): ImportRecord {
  const rec: ImportRecord = { row: row.row, kind: 'person', number: null, fields: {}, address: {}, custom: new Map(), issues: [], cells: row.cells };
  const cells = gatherCells(row, env.columns);
  const severity = env.options.invalidValues === 'rejectRow' ? 'error' : 'warning';
  const scope = new RowScope(rec, env, severity);
  for (const target of order) {
    const cell = cells.get(target);
    if (!cell) continue;
    scope.cell = cell;
    // The contract's rule for text, on the raw cell: tabs and line breaks are only spacing
    // here (the rules fold them), every other control character refuses the cell.
    if (typeof cell.value === 'string' && hasControlCharacter(cell.value, { multiline: true })) {
      scope.invalid(TEXT_CONTROL_CHARACTER);
      continue;
    }
    applyTarget(target, scope);
  }
  finish(rec, cells, severity);
  return rec;
}

const PERSON_ONLY = ['initials', 'firstName', 'infix', 'lastName', 'gender', 'addressForm', 'birthDate', 'deathDate'] as const;

/** Decisions that need the whole row: which kind of relation, and checks across fields. */
function finish(rec: ImportRecord, cells: Map<Target, SourceCell>, severity: 'error' | 'warning'): void {
  const at = (t: Target) => cells.get(t) ?? { column: -1, header: '', value: null };
  const hasPersonName = (['initials', 'firstName', 'lastName'] as const).some((k) => rec.fields[k]);
  if (!rec.kindGiven && rec.fields.name && !hasPersonName) rec.kind = 'organisation';
  if (rec.kind === 'person' && rec.fields.name) {
    rec.issues.push(issue(rec.row, at('organisation'), 'ORGANISATION_NOT_LINKED', 'warning'));
    delete rec.fields.name;
  }
  if (rec.kind === 'organisation') {
    const full = cells.get('fullName');
    if (!rec.fields.name && full && !isBlankCell(full.value)) rec.fields.name = String(full.value).trim();
    for (const k of PERSON_ONLY) delete rec.fields[k];
  }
  const { birthDate, deathDate } = rec.fields;
  if (birthDate && deathDate && deathDate < birthDate) rec.issues.push(issue(rec.row, at('deathDate'), 'DEATH_BEFORE_BIRTH', severity));
  if (rec.memberSince && rec.memberUntil && rec.memberUntil <= rec.memberSince) {
    rec.issues.push(issue(rec.row, at('memberUntil'), 'PERIOD_END_BEFORE_START', severity));
  }
}

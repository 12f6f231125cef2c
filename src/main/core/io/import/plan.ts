import type { CustomFieldDto } from '../../../../shared/contract';
import type { FieldChange, ImportIssue, ImportOptions, MatchKey } from '../../../../shared/contract/io';
import type { CoreContext } from '../../context';
import { derivedNamesOfRow } from '../../relations/relation-names';
import { collationKey, foldDiacritics } from '../../../../shared/dutch/text';
import { checkpoint, CHUNK_ROWS, type Progress } from '../progress';
import { loadCurrentStates, type CurrentState } from './current-state';
import type { ExistingIndex } from './existing-index';
import { ADDRESS_FIELDS, hasErrors, RELATION_FIELDS, type ImportRecord } from './import-record';
import { duplicatesInFile, matchRecord, MAX_DUPLICATE_ROWS } from './match';
import { createImportDuplicateCheck, fileDuplicates } from '../../dedupe/import-hook';

export type Outcome = 'create' | 'update' | 'skip' | 'reject';

export interface PlannedRow {
  rec: ImportRecord;
  outcome: Outcome;
  reasons: string[];
  matchedBy: MatchKey | null;
  relationId: string | null;
  number: number | null;
  displayName: string;
  changes: FieldChange[];
  duplicateOfRows: number[];
  current: CurrentState | null;
}

export interface PlanEnv {
  ctx: CoreContext;
  index: ExistingIndex;
  options: ImportOptions;
  /** The relation type 'Lid sinds' assigns, when that column is mapped. */
  membershipType: { id: string; appliesTo: 'person' | 'organisation' | 'both' } | null;
  customFields: Map<string, CustomFieldDto>;
}

const MATCH_REASON: Record<MatchKey, string> = {
  number: 'MATCHED_BY_NUMBER',
  email: 'MATCHED_BY_EMAIL',
  nameBirthPostcode: 'MATCHED_BY_NAME_BIRTH_POSTCODE',
};

function rowIssue(rec: ImportRecord, code: string, severity: 'error' | 'warning' = 'error', details?: Record<string, string | number>): ImportIssue {
  return { row: rec.row, column: null, field: null, code, severity, raw: null, ...(details ? { details } : {}) };
}

const str = (v: string | number | null | undefined): string | null => (v === null || v === undefined ? null : String(v));

function sameValue(field: string, a: string | null, b: string | null): boolean {
  if (a === b) return true;
  // The stored infix is lower case; an import never changes only its case.
  return field === 'infix' && a !== null && b !== null && a.toLowerCase() === b.toLowerCase();
}

function hasAddress(rec: ImportRecord): boolean {
  return (['street', 'poBox', 'postcode', 'city', 'houseNumber'] as const).some((k) => rec.address[k] !== undefined && rec.address[k] !== null);
}

/** How much a spelling says: letters with diacritics first, then mixed case ('Wiśniewski' > 'Wisniewski' > 'WISNIEWSKI'). */
function richness(s: string): [number, number] {
  let marks = 0;
  for (const ch of s) if (foldDiacritics(ch) !== ch) marks++;
  const mixed = s !== s.toUpperCase() && s !== s.toLowerCase() ? 1 : 0;
  return [marks, mixed];
}

/**
 * A file value that differs from the stored one only in accents or case, and says less
 * (a CSV from a system without 'ś', a column in capitals): the stored spelling stays. One
 * that says as much or more ('Mcdonald' → 'McDonald', 'Wisniewski' → 'Wiśniewski') is an
 * ordinary change.
 */
export function poorerSpelling(stored: string, next: string): boolean {
  if (stored === next || collationKey(stored) !== collationKey(next)) return false;
  const [a, b] = [richness(stored), richness(next)];
  return b[0] < a[0] || (b[0] === a[0] && b[1] < a[1]);
}

/**
 * Field-by-field changes of a row against the stored state (null state: everything is new).
 * A poorer spelling of a stored value is no change; it is listed in `kept`.
 */
export function changesOf(rec: ImportRecord, state: CurrentState | null, kept: FieldChange[] = []): FieldChange[] {
  const changes: FieldChange[] = [];
  const add = (field: string, old: string | null, next: string | null) => {
    if (sameValue(field, old, next)) return;
    if (old !== null && next !== null && poorerSpelling(old, next)) kept.push({ field, old, new: next });
    else changes.push({ field, old, new: next });
  };
  for (const f of RELATION_FIELDS) {
    if (rec.fields[f] !== undefined) add(f, str(state?.row[f] as string | null | undefined), rec.fields[f] ?? null);
  }
  if (hasAddress(rec) || (state?.address && Object.keys(rec.address).length > 0)) {
    for (const f of ADDRESS_FIELDS) {
      if (rec.address[f] !== undefined) add(f, str(state?.address?.[f]), str(rec.address[f]));
    }
    if (!state?.address && rec.address.country === undefined) add('country', null, 'NL');
  }
  if (rec.memberSince !== undefined) add('memberSince', state?.membership?.validFrom ?? null, rec.memberSince);
  if (rec.memberUntil !== undefined) add('memberUntil', state?.membership?.validTo ?? null, rec.memberUntil);
  if (rec.paymentMethod !== undefined) add('paymentMethod', state?.payment?.method ?? null, rec.paymentMethod);
  if (rec.contributionCents !== undefined) add('contribution', str(state?.payment?.overrideCents), str(rec.contributionCents));
  for (const [code, value] of rec.custom) add(`custom:${code}`, state?.custom.get(code)?.value ?? null, value);
  return changes;
}

/** The relation's fields as they will be after the row: stored values with the file's on top. */
export function mergedFields(rec: ImportRecord, state: CurrentState | null): Record<string, string | null> {
  const out: Record<string, string | null> = {};
  for (const f of RELATION_FIELDS) out[f] = rec.fields[f] !== undefined ? (rec.fields[f] ?? null) : str(state?.row[f] as string | null | undefined);
  return out;
}

function displayNameOf(kind: 'person' | 'organisation', f: Record<string, string | null>): string {
  return derivedNamesOfRow({ ...f, kind }).displayName;
}

function identityIssue(rec: ImportRecord, kind: 'person' | 'organisation', f: Record<string, string | null>): ImportIssue | null {
  if (kind === 'person' && !(f['email'] || f['firstName'] || f['lastName'])) return rowIssue(rec, 'PERSON_NEEDS_NAME_OR_EMAIL');
  if (kind === 'organisation' && !f['name']) return rowIssue(rec, 'ORGANISATION_NEEDS_NAME');
  return null;
}

function decide(rec: ImportRecord, env: PlanEnv, match: ReturnType<typeof matchRecord>, state: CurrentState | null): PlannedRow {
  const base: PlannedRow = { rec, outcome: 'reject', reasons: [], matchedBy: null, relationId: null, number: rec.number, displayName: '', changes: [], duplicateOfRows: [], current: state };
  const reject = (issue?: ImportIssue) => {
    if (issue) rec.issues.push(issue);
    return { ...base, outcome: 'reject' as const, reasons: ['HAS_ERRORS'], displayName: displayNameOf(rec.kind, mergedFields(rec, state)) };
  };
  if (match.kind === 'reject') return reject(match.issue);
  if (match.kind === 'match') rec.issues.push(...match.conflicts);
  if (hasErrors(rec.issues)) return reject();
  const kind = state?.row.kind ?? rec.kind;
  if (state && rec.kindGiven && rec.kind !== state.row.kind) return reject(rowIssue(rec, 'KIND_MISMATCH'));
  if (env.membershipType && (rec.memberSince || rec.memberUntil) && env.membershipType.appliesTo !== 'both' && env.membershipType.appliesTo !== kind) {
    return reject(rowIssue(rec, 'TYPE_KIND_MISMATCH'));
  }
  for (const code of [...rec.custom.keys()]) {
    const field = env.customFields.get(code);
    if (field && field.appliesTo !== 'both' && field.appliesTo !== kind) {
      rec.issues.push(rowIssue(rec, 'CUSTOM_FIELD_KIND_MISMATCH', 'warning', { code }));
      rec.custom.delete(code);
    }
  }
  const merged = mergedFields(rec, state);
  const identity = identityIssue(rec, kind, merged);
  if (identity) return reject(identity);
  const displayName = displayNameOf(kind, merged);
  if (state && match.kind === 'match') {
    if (rec.number !== null && rec.number !== state.row.number) rec.issues.push(rowIssue(rec, 'NUMBER_DIFFERS', 'warning', { stored: state.row.number }));
    const since = rec.memberSince !== undefined ? rec.memberSince : (state.membership?.validFrom ?? null);
    const until = rec.memberUntil !== undefined ? rec.memberUntil : (state.membership?.validTo ?? null);
    if (since && until && until <= since) return reject(rowIssue(rec, 'PERIOD_END_BEFORE_START'));
    const reasons = [MATCH_REASON[match.by]];
    const common = { ...base, matchedBy: match.by, relationId: state.row.id, number: state.row.number, displayName };
    if (env.options.onMatch === 'skip') return { ...common, outcome: 'skip', reasons: [...reasons, 'MATCH_SKIPPED'] };
    const kept: FieldChange[] = [];
    const changes = changesOf(rec, state, kept);
    for (const k of kept) rec.issues.push(rowIssue(rec, 'KEPT_STORED_SPELLING', 'warning', { field: k.field, stored: k.old ?? '', value: k.new ?? '' }));
    if (changes.length === 0) return { ...common, outcome: 'skip', reasons: [...reasons, 'IDENTICAL'] };
    return { ...common, outcome: 'update', reasons, changes };
  }
  if (!env.options.createNew) return { ...base, outcome: 'skip', reasons: ['NO_MATCH', 'NOT_CREATED'], displayName };
  return { ...base, outcome: 'create', reasons: ['NO_MATCH'], displayName, changes: changesOf(rec, null) };
}

/**
 * New numbers for created relations: the file's own number when it is free, otherwise the
 * next free one after the highest in use. Two rows creating the same number: the first wins.
 */
function assignNumbers(rows: PlannedRow[], index: ExistingIndex): void {
  const claimed = new Set<number>();
  for (const p of rows) {
    if (p.outcome !== 'create' || p.rec.number === null) continue;
    if (index.byNumber.has(p.rec.number)) {
      p.rec.issues.push(rowIssue(p.rec, 'NUMBER_TAKEN', 'error', { number: p.rec.number }));
      Object.assign(p, { outcome: 'reject', reasons: ['HAS_ERRORS'], changes: [] });
    } else if (claimed.has(p.rec.number)) {
      p.rec.issues.push(rowIssue(p.rec, 'NUMBER_DUPLICATE_IN_FILE', 'error', { number: p.rec.number }));
      Object.assign(p, { outcome: 'reject', reasons: ['HAS_ERRORS'], changes: [] });
    } else {
      claimed.add(p.rec.number);
    }
  }
  let next = index.maxNumber + 1;
  for (const p of rows) {
    if (p.outcome !== 'create' || p.rec.number !== null) continue;
    while (claimed.has(next)) next++;
    p.number = next++;
  }
}

/**
 * Rows of the file that double each other: by the duplicate scorer (as the scan and the quick
 * entry judge them), and rows sharing a match key, which would update the same relation.
 */
function suspectedInFile(env: PlanEnv, live: ImportRecord[]): Map<number, { rows: number[]; reasons: string }> {
  const scored = fileDuplicates(env.ctx, live, MAX_DUPLICATE_ROWS);
  for (const [row, rows] of duplicatesInFile(live, env.options.matchKeys)) {
    const d = scored.get(row);
    if (!d) scored.set(row, { rows, reasons: 'zelfde zoeksleutel' });
    else d.rows = [...new Set([...d.rows, ...rows])].sort((a, b) => a - b).slice(0, MAX_DUPLICATE_ROWS);
  }
  return scored;
}

/** The dry run: for every record what will happen and why, nothing written. Works in chunks. */
export async function planImport(records: ImportRecord[], env: PlanEnv, progress?: Progress): Promise<PlannedRow[]> {
  const excluded = new Set(env.options.excludeRows);
  const live = records.filter((r) => !excluded.has(r.row) && !hasErrors(r.issues));
  const duplicates = suspectedInFile(env, live);
  const similarExisting = createImportDuplicateCheck(env.ctx);
  const planned: PlannedRow[] = [];
  for (let i = 0; i < records.length; i += CHUNK_ROWS) {
    const chunk = records.slice(i, i + CHUNK_ROWS);
    const matches = chunk.map((rec) => (excluded.has(rec.row) ? null : matchRecord(rec, env.options.matchKeys, env.index)));
    const ids = matches.flatMap((m) => (m?.kind === 'match' ? [m.id] : []));
    const states = loadCurrentStates(env.ctx, [...new Set(ids)], env.membershipType?.id ?? null);
    chunk.forEach((rec, j) => {
      const match = matches[j];
      if (!match) {
        const displayName = displayNameOf(rec.kind, mergedFields(rec, null));
        planned.push({ rec, outcome: 'skip', reasons: ['EXCLUDED'], matchedBy: null, relationId: null, number: rec.number, displayName, changes: [], duplicateOfRows: [], current: null });
        return;
      }
      const p = decide(rec, env, match, match.kind === 'match' ? (states.get(match.id) ?? null) : null);
      // A new row that the duplicate scorer says already exists: a warning with the reason.
      const similar = p.outcome === 'create' ? similarExisting(rec) : null;
      if (similar) rec.issues.push(rowIssue(rec, 'SIMILAR_EXISTS', 'warning', { number: similar.number, name: similar.displayName, score: similar.score, reasons: similar.reasons }));
      const dups = duplicates.get(rec.row);
      if (dups) {
        p.duplicateOfRows = dups.rows;
        rec.issues.push(rowIssue(rec, 'SUSPECTED_DUPLICATE', 'warning', { rows: dups.rows.join(', ') + (dups.rows.length >= MAX_DUPLICATE_ROWS ? ', …' : ''), reasons: dups.reasons }));
      }
      planned.push(p);
    });
    await checkpoint(progress, { phase: 'match', done: Math.min(records.length, i + CHUNK_ROWS), total: records.length });
  }
  assignNumbers(planned, env.index);
  return planned;
}

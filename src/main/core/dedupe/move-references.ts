import type Database from 'better-sqlite3';
import { DomainError } from '../../../shared/errors';
import { statement } from '../db/statement-cache';

/** One column somewhere in the file that points at relations.id. */
export interface RelationReference {
  table: string;
  column: string;
}

/**
 * Every column that references relations, read from the database itself (PRAGMA
 * foreign_key_list), not from a list in code: a table another domain adds later (invoices,
 * mandates, change requests) is moved by a merge without a change here.
 */
export function relationReferences(sqlite: Database.Database): RelationReference[] {
  const rows = statement(
    sqlite,
    `SELECT m.name AS tbl, f."from" AS col, f."to" AS tocol FROM sqlite_master m, pragma_foreign_key_list(m.name) f
      WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite\\_%' ESCAPE '\\' AND m.sql NOT LIKE 'CREATE VIRTUAL%' AND f."table" = 'relations'
      ORDER BY m.name, f.id`,
  ).all() as { tbl: string; col: string; tocol: string | null }[];
  return rows.filter((r) => r.tocol === null || r.tocol === 'id').map((r) => ({ table: r.tbl, column: r.col }));
}

export interface Collision {
  table: string;
  kind: string;
  recordId: string;
  detail: string;
  field?: string | null;
}

/** What a merge did to one reference, kept in the operation so an undo can put it back. */
export interface MovedRows {
  table: string;
  column: string;
  /** Row ids (or rowids for a table without an id column) that now point at the survivor. */
  ids: (string | number)[];
}

export interface MoveContext {
  sqlite: Database.Database;
  keepId: string;
  removeId: string;
  collisions: Collision[];
  /** Full rows a policy deleted or changed, as they were, for the undo record. */
  before: { table: string; row: Record<string, unknown> }[];
}

/**
 * Where moving rows unchanged would be wrong or would break a unique key, a table gets a
 * policy; it runs before (to clear what would collide) or after (to fold what now doubles)
 * the generic move. Every row a policy drops or changes is reported as a collision.
 */
export interface MovePolicy {
  before?(m: MoveContext): void;
  after?(m: MoveContext): void;
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

function hasIdColumn(sqlite: Database.Database, table: string): boolean {
  return (statement(sqlite, `SELECT 1 FROM pragma_table_info(?) WHERE name = 'id'`).get(table) as unknown) !== undefined;
}

/**
 * Points every row referencing `removeId` at `keepId`, table by table, applying the policies.
 * A unique key that still collides in a table without a policy stops the merge with the
 * table named: nothing is dropped without the user seeing it.
 */
export function moveReferences(m: MoveContext, policies: Record<string, MovePolicy>): MovedRows[] {
  const refs = relationReferences(m.sqlite);
  for (const t of new Set(refs.map((r) => r.table))) policies[t]?.before?.(m);
  const moved: MovedRows[] = [];
  for (const { table, column } of refs) {
    const key = hasIdColumn(m.sqlite, table) ? 'id' : 'rowid';
    const ids = (statement(m.sqlite, `SELECT ${key} AS k FROM ${quote(table)} WHERE ${quote(column)} = ?`).all(m.removeId) as { k: string | number }[]).map((r) => r.k);
    if (!ids.length) continue;
    try {
      statement(m.sqlite, `UPDATE ${quote(table)} SET ${quote(column)} = ? WHERE ${quote(column)} = ?`).run(m.keepId, m.removeId);
    } catch (e) {
      if ((e as { code?: string }).code?.startsWith('SQLITE_CONSTRAINT')) {
        throw new DomainError('CONFLICT', { entity: 'merge', table, column, reason: 'MERGE_COLLISION' });
      }
      throw e;
    }
    moved.push({ table, column, ids });
  }
  for (const t of new Set(refs.map((r) => r.table))) policies[t]?.after?.(m);
  return moved;
}

/** Rows still pointing at a relation, per reference (a merge checks this is empty before deleting). */
export function remainingReferences(sqlite: Database.Database, relationId: string): { table: string; column: string; rows: number }[] {
  return relationReferences(sqlite).flatMap(({ table, column }) => {
    const rows = (statement(sqlite, `SELECT count(*) AS n FROM ${quote(table)} WHERE ${quote(column)} = ?`).get(relationId) as { n: number }).n;
    return rows ? [{ table, column, rows }] : [];
  });
}

type Row = Record<string, unknown> & { id: string; valid_from: string | null; valid_to: string | null };

/**
 * Joins the survivor's rows of `table` that are the same fact (equal `sameFact` columns) with
 * overlapping or touching periods [valid_from, valid_to) into one: the earliest row stays and
 * stretches, the others go. Text in `notesColumn` of the dropped rows is appended, not lost.
 */
export function joinPeriods(m: MoveContext, table: string, whereSql: string, sameFact: string[], notesColumn?: string): void {
  const rows = statement(m.sqlite, `SELECT * FROM ${quote(table)} WHERE ${whereSql}`).all({ keep: m.keepId }) as Row[];
  const groups = new Map<string, Row[]>();
  for (const r of rows) {
    const k = JSON.stringify(sameFact.map((c) => r[c] ?? null));
    groups.set(k, [...(groups.get(k) ?? []), r]);
  }
  const update = statement(m.sqlite, 
    `UPDATE ${quote(table)} SET valid_from = @from, valid_to = @to${notesColumn ? `, ${quote(notesColumn)} = @notes` : ''} WHERE id = @id`,
  );
  const del = statement(m.sqlite, `DELETE FROM ${quote(table)} WHERE id = ?`);
  for (const list of groups.values()) {
    if (list.length < 2) continue;
    list.sort((a, b) => (a.valid_from ?? '').localeCompare(b.valid_from ?? ''));
    let cur = list[0] as Row;
    let changed = false;
    let from = cur.valid_from;
    let to = cur.valid_to;
    let notes = notesColumn ? ((cur[notesColumn] as string | null) ?? null) : null;
    const flush = () => {
      if (!changed) return;
      m.before.push({ table, row: { ...cur } });
      update.run({ id: cur.id, from, to, notes });
    };
    for (const next of list.slice(1)) {
      const overlaps = to === null || (next.valid_from ?? '') <= to;
      if (!overlaps) {
        flush();
        cur = next;
        changed = false;
        from = next.valid_from;
        to = next.valid_to;
        notes = notesColumn ? ((next[notesColumn] as string | null) ?? null) : null;
        continue;
      }
      to = to === null || next.valid_to === null ? null : next.valid_to > to ? next.valid_to : to;
      const extra = notesColumn ? (next[notesColumn] as string | null) : null;
      if (extra && extra !== notes) notes = notes ? `${notes}\n${extra}` : extra;
      m.before.push({ table, row: { ...next } });
      del.run(next.id);
      m.collisions.push({ table, kind: 'PERIODS_JOINED', recordId: cur.id, detail: `${next.valid_from ?? '…'}–${next.valid_to ?? '…'} → ${from ?? '…'}–${to ?? '…'}` });
      changed = true;
    }
    flush();
  }
}

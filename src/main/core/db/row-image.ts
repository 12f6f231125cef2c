import { isDeepStrictEqual } from 'node:util';
import type Database from 'better-sqlite3';
import { getTableConfig } from 'drizzle-orm/sqlite-core';
import { AUDITED_TABLES, UNLOGGED_COLUMNS } from './audit-triggers';
import { idKey, idTextSql } from './audit-keys';
import { statement } from './statement-cache';
import { tableCode } from './audit-codes';

/**
 * A row image from the audit log (an insert's new_value, a delete's old_value) as the record
 * it was. Images are compact (db/audit-triggers.ts): the id is the audit row's record_id and a
 * null field is left out. `columns` are the table's columns: those absent from the image were
 * null, except NOT NULL ones (a column added after the image was written gets its default).
 */
export function readRowImage(json: string, recordId: string, columns?: { name: string; notNull: boolean }[]): Record<string, unknown> {
  const fields = JSON.parse(json) as Record<string, unknown>;
  const row: Record<string, unknown> = { id: recordId };
  for (const c of columns ?? []) if (!c.notNull && c.name !== 'id') row[c.name] = null;
  return Object.assign(row, fields);
}

interface ImageColumns {
  /** Logged columns in the trigger's json_object order (no id, no UNLOGGED_COLUMNS). */
  names: string[];
  numeric: Set<string>;
}

let tableColumns: Map<string, ImageColumns> | null = null;

function imageColumns(table: string): ImageColumns | undefined {
  tableColumns ??= new Map(
    AUDITED_TABLES.map(({ table: t }) => {
      const cfg = getTableConfig(t);
      const cols = cfg.columns.filter((c) => c.name !== 'id' && !UNLOGGED_COLUMNS.has(c.name));
      return [cfg.name, { names: cols.map((c) => c.name), numeric: new Set(cols.filter((c) => /^(integer|real|numeric)/.test(c.getSQLType())).map((c) => c.name)) }];
    }),
  );
  return tableColumns.get(table);
}

/** An audit row that may be an insert without a stored image. */
interface AuditImageRow {
  id: number;
  tableName: string;
  recordId: string;
  action: string;
  newValue: string | null;
}

/**
 * The row image of each insert as the triggers used to store it (compact JSON: no id, no
 * nulls), rebuilt: an insert stores only its keys, because its values are the record as it is
 * now — or as its next delete recorded it — with every later update of it reversed (each
 * field back to the old value of its first later update). Lossless as long as every change of
 * a logged column is audited, which the triggers enforce. Inserts that do store an image
 * (history written before migration 0011) keep it. Rows other than such inserts pass unchanged.
 */
export function withCreatedImages<T extends AuditImageRow>(sqlite: Database.Database, rows: T[]): T[] {
  if (!rows.some((r) => r.action === 'insert' && r.newValue === null)) return rows;
  const nextDelete = statement(
    sqlite,
    `SELECT id, old_value AS image FROM audit_log WHERE table_code = ? AND record_id = ? AND action = 'delete' AND id > ? ORDER BY id LIMIT 1`,
  );
  const updates = statement(
    sqlite,
    `SELECT field, old_value AS old FROM audit_log WHERE table_code = ? AND record_id = ? AND action = 'update' AND id > ? AND id < ? ORDER BY id`,
  );
  return rows.map((r) => {
    if (r.action !== 'insert' || r.newValue !== null) return r;
    const cols = imageColumns(r.tableName);
    if (!cols) return r;
    const key = idKey(r.recordId);
    const del = nextDelete.get(tableCode(r.tableName), key, r.id) as { id: number; image: string | null } | undefined;
    let values: Record<string, unknown> | undefined;
    if (del) values = del.image ? (JSON.parse(del.image) as Record<string, unknown>) : {};
    else values = statement(sqlite, `SELECT ${cols.names.join(', ')} FROM ${r.tableName} WHERE id = ?`).get(r.recordId) as Record<string, unknown> | undefined;
    if (!values) return r;
    const seen = new Set<string>();
    for (const u of updates.all(tableCode(r.tableName), key, r.id, del?.id ?? Number.MAX_SAFE_INTEGER) as { field: string; old: string | null }[]) {
      if (seen.has(u.field) || !cols.names.includes(u.field)) continue;
      seen.add(u.field);
      values[u.field] = u.old !== null && cols.numeric.has(u.field) ? Number(u.old) : u.old;
    }
    const image: Record<string, unknown> = {};
    for (const c of cols.names) if (values[c] !== null && values[c] !== undefined) image[c] = values[c];
    return { ...r, newValue: JSON.stringify(image) };
  });
}

/**
 * Insert images written before migration 0011 that the rebuild gives back exactly are dropped,
 * so an older administration gets the compact history too. Each image is compared with its
 * rebuild first and kept when they differ in anything (a change that was never audited, such
 * as a migration's), so nothing History shows is lost. Returns how many were dropped.
 */
export function dropRebuildableInsertImages(sqlite: Database.Database): number {
  const rows = sqlite
    .prepare(`SELECT id, table_name AS tableName, ${idTextSql('record_id')} AS recordId, action, new_value AS stored FROM audit_log WHERE action = 'insert' AND new_value IS NOT NULL ORDER BY id`)
    .all() as (AuditImageRow & { stored: string })[];
  const drop = sqlite.prepare('UPDATE audit_log SET new_value = NULL WHERE id = ?');
  let dropped = 0;
  for (const r of rows) {
    const [rebuilt] = withCreatedImages(sqlite, [{ ...r, newValue: null }]);
    if (!rebuilt?.newValue || !isDeepStrictEqual(JSON.parse(rebuilt.newValue), JSON.parse(r.stored))) continue;
    drop.run(r.id);
    dropped++;
  }
  return dropped;
}

import type Database from 'better-sqlite3';
import { statement } from './statement-cache';

/**
 * Rows per INSERT statement. One statement of 32 rows costs about a fifth less than 32 runs
 * of a one-row statement (each run crosses from JS into SQLite, binds and resets); more rows
 * per statement gain nothing measurable (docs/contributions.md, "Writing many rows").
 */
const ROWS_PER_STATEMENT = 32;
/** SQLite's default limit on bound parameters in one statement. */
const MAX_PARAMETERS = 32_766;

/**
 * Inserts `rows` (values in `columns` order) into `table` in order, with multi-row INSERT
 * statements. The rows land exactly as one INSERT each would land them (same order, so
 * the same rowids; every trigger, constraint and foreign key applies per row), only with
 * fewer statement runs. Callers insert parent rows before their children, as with single
 * inserts. Must run inside an operation like any write.
 */
export function insertRows(sqlite: Database.Database, table: string, columns: readonly string[], rows: readonly (readonly unknown[])[]): void {
  if (rows.length === 0) return;
  const width = columns.length;
  const perStatement = Math.max(1, Math.min(ROWS_PER_STATEMENT, Math.floor(MAX_PARAMETERS / width)));
  const sqlFor = (n: number) =>
    `INSERT INTO ${table} (${columns.join(', ')}) VALUES ${Array.from({ length: n }, () => `(${columns.map(() => '?').join(', ')})`).join(', ')}`;
  const full = statement(sqlite, sqlFor(perStatement));
  const values: unknown[] = new Array(perStatement * width);
  let i = 0;
  for (; i + perStatement <= rows.length; i += perStatement) {
    let k = 0;
    for (let r = i; r < i + perStatement; r++) {
      const row = rows[r]!;
      for (let c = 0; c < width; c++) values[k++] = row[c];
    }
    full.run(values);
  }
  const rest = rows.length - i;
  if (rest > 0) statement(sqlite, sqlFor(rest)).run(rows.slice(i).flat());
}

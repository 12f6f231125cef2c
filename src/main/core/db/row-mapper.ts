/**
 * Typed mappers for rows read with raw SQL: a row's shape is declared once (column → kind)
 * and every row is checked against it when it is read, instead of an `as {…}` cast that
 * would let a renamed column or a NULL where none was expected travel on as `undefined`.
 * A mismatch is a bug in our SQL, not user input, so it throws naming the column.
 */
/** A column's kind; a list of strings is a text column that holds one of them (null in the list: or NULL). */
export type ColumnKind = 'text' | 'text?' | 'int' | 'int?' | 'real' | 'real?' | readonly (string | null)[];

type ValueOf<K extends ColumnKind> = K extends readonly (infer E)[] ? E : K extends 'text' ? string : K extends 'text?' ? string | null : K extends 'int' | 'real' ? number : number | null;

export type RowOf<S extends Record<string, ColumnKind>> = { [C in keyof S]: ValueOf<S[C]> };

export interface RowMapper<S extends Record<string, ColumnKind>> {
  one(raw: unknown): RowOf<S>;
  /** undefined (no row) stays undefined. */
  maybe(raw: unknown): RowOf<S> | undefined;
  all(raw: unknown[]): RowOf<S>[];
}

function check(kind: ColumnKind, v: unknown): boolean {
  if (typeof kind !== 'string') return (typeof v === 'string' || v === null) && kind.includes(v);
  if (v === null) return kind.endsWith('?');
  switch (kind) {
    case 'text':
    case 'text?':
      return typeof v === 'string';
    case 'int':
    case 'int?':
      return typeof v === 'number' && Number.isInteger(v);
    default:
      return typeof v === 'number';
  }
}

export function rowMapper<const S extends Record<string, ColumnKind>>(name: string, shape: S): RowMapper<S> {
  const columns = Object.entries(shape);
  const one = (raw: unknown): RowOf<S> => {
    if (typeof raw !== 'object' || raw === null) throw new Error(`${name}: no row`);
    const row = raw as Record<string, unknown>;
    for (const [column, kind] of columns) {
      if (!check(kind, row[column])) throw new Error(`${name}: column ${column} is ${row[column] === undefined ? 'missing' : typeof row[column]}, expected ${String(kind)}`);
    }
    return row as RowOf<S>;
  };
  return { one, maybe: (raw) => (raw === undefined ? undefined : one(raw)), all: (rows) => rows.map(one) };
}

/** The row type a mapper gives: `type Candidate = MappedRow<typeof candidateRow>`. */
export type MappedRow<M> = M extends RowMapper<infer S> ? RowOf<S> : never;

/** Rows of one id column: `SELECT id …`. */
export const idRow = rowMapper('id', { id: 'text' });
/** One count: `SELECT count(*) AS n …`. */
export const countRow = rowMapper('count', { n: 'int' });
/** The next free position in an ordered list: `SELECT coalesce(max(position), 0) + 1 AS p …`. */
export const positionRow = rowMapper('next position', { p: 'int' });
/** One text column: `SELECT … AS v`. */
export const textValueRow = rowMapper('text value', { v: 'text' });

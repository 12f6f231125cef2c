import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { rowMapper } from './row-mapper';

describe('row mappers', () => {
  const db = new Database(':memory:');
  const row = rowMapper('test row', { id: 'text', number: 'int', kind: ['person', 'organisation'], email: 'text?' });

  it('passes rows of the declared shape through, typed', () => {
    const r = row.one(db.prepare(`SELECT 'a' AS id, 7 AS number, 'person' AS kind, NULL AS email`).get());
    expect(r).toEqual({ id: 'a', number: 7, kind: 'person', email: null });
    expect(row.maybe(db.prepare(`SELECT 'a' AS id WHERE 0`).get())).toBeUndefined();
  });

  it('names the column when the SQL and the shape disagree', () => {
    expect(() => row.one(db.prepare(`SELECT 'a' AS id, 7 AS nummer, 'person' AS kind, NULL AS email`).get())).toThrow('test row: column number is missing, expected int');
    expect(() => row.one(db.prepare(`SELECT NULL AS id, 7 AS number, 'person' AS kind, NULL AS email`).get())).toThrow('column id');
    expect(() => row.one(db.prepare(`SELECT 'a' AS id, 7 AS number, 'robot' AS kind, NULL AS email`).get())).toThrow('column kind');
  });

  it('takes NULL in a list of values only when the list says so', () => {
    const gender = rowMapper('gender row', { g: ['m', 'v', 'x', null] });
    expect(gender.one(db.prepare(`SELECT NULL AS g`).get())).toEqual({ g: null });
    expect(gender.one(db.prepare(`SELECT 'v' AS g`).get())).toEqual({ g: 'v' });
    expect(() => gender.one(db.prepare(`SELECT 'q' AS g`).get())).toThrow('column g');
    expect(() => row.one(db.prepare(`SELECT 'a' AS id, 7 AS number, NULL AS kind, NULL AS email`).get())).toThrow('column kind');
  });
});

import { z } from 'zod';
import { getTableColumns } from 'drizzle-orm';
import type { SQLiteColumn, SQLiteTable } from 'drizzle-orm/sqlite-core';
import { isIsoDate } from '../../../shared/dutch/dates';
import { timestamp } from './timestamp';

/**
 * A record schema derived from a drizzle table, for sections without hand-written domain
 * rules (groups, memberships, … as other domains add them): types, enums and NOT NULL from
 * the schema, ISO dates for date columns by name, timestamps as ISO date-times like
 * everywhere in the format. Domain rules for these tables stay with their own domains.
 */
const TIMESTAMPS = new Set(['createdAt', 'updatedAt', 'deletedAt']);
const DATE_NAME = /(?:Date|^validFrom|^validTo|^date)$/;

const date = z.string().refine(isIsoDate, { message: 'DATE_INVALID' });

function columnSchema(key: string, col: SQLiteColumn): z.ZodType {
  let s: z.ZodType;
  if (TIMESTAMPS.has(key)) s = timestamp;
  else if (col.columnType === 'SQLiteBoolean') s = z.boolean();
  else if (col.columnType === 'SQLiteInteger' || col.columnType === 'SQLiteTimestamp') s = z.number().int();
  else if (col.columnType === 'SQLiteReal' || col.columnType === 'SQLiteNumeric') s = z.number();
  else if (col.enumValues && col.enumValues.length > 0) s = z.enum(col.enumValues as [string, ...string[]]);
  else if (DATE_NAME.test(key)) s = date;
  else s = z.string();
  return nullability(s, col);
}

/** Start and end of a period in one record; the end is exclusive, as everywhere. */
const PERIODS: [string, string][] = [
  ['validFrom', 'validTo'],
  ['startDate', 'endDate'],
];

/**
 * `overrides` replace a column's derived schema (JSON text checked with the contract's
 * schema, json-text-columns.ts). A period must end after it starts: a subscription ending on
 * its start day, or a placement ending before it begins, is refused as the API refuses it.
 */
export function recordSchemaFor(table: SQLiteTable, omit: ReadonlySet<string>, overrides: ReadonlyMap<string, z.ZodType> = new Map()): z.ZodType {
  const shape: Record<string, z.ZodType> = {};
  const columns = getTableColumns(table) as Record<string, SQLiteColumn>;
  for (const [key, col] of Object.entries(columns)) {
    if (omit.has(key)) continue;
    const own = overrides.get(key);
    shape[key] = own ? nullability(own, col) : columnSchema(key, col);
  }
  const periods = PERIODS.filter(([from, to]) => from in shape && to in shape);
  const object = z.strictObject(shape);
  if (periods.length === 0) return object;
  return object.superRefine((r: Record<string, unknown>, ctx) => {
    for (const [from, to] of periods) {
      const a = r[from];
      const b = r[to];
      if (typeof a === 'string' && typeof b === 'string' && b <= a) ctx.addIssue({ code: 'custom', path: [to], message: 'PERIOD_END_BEFORE_START' });
    }
  });
}

function nullability(s: z.ZodType, col: SQLiteColumn): z.ZodType {
  if (col.notNull && !col.hasDefault) return s;
  if (col.notNull) return s.optional();
  return s.nullish().transform((v) => v ?? null);
}

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
  if (col.notNull && !col.hasDefault) return s;
  if (col.notNull) return s.optional();
  return s.nullish().transform((v) => v ?? null);
}

export function recordSchemaFor(table: SQLiteTable, omit: ReadonlySet<string>): z.ZodType {
  const shape: Record<string, z.ZodType> = {};
  for (const [key, col] of Object.entries(getTableColumns(table) as Record<string, SQLiteColumn>)) {
    if (!omit.has(key)) shape[key] = columnSchema(key, col);
  }
  return z.strictObject(shape);
}

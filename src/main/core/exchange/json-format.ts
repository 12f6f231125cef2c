import type { z } from 'zod';
import { getTableColumns, getTableName } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import { BULK_TABLES, type BulkRow, type BulkTableName } from './bulk-load';
import {
  addressRecord,
  customFieldRecord,
  customValueRecord,
  linkTypeRecord,
  relationLinkRecord,
  relationRecord,
  relationTagRecord,
  relationTypeAssignmentRecord,
  relationTypeRecord,
  tagRecord,
} from './json-records';

/** The JSON exchange format of a whole administration; see docs/json-format.md. */
export const JSON_FORMAT = 'ledenbeheer-administratie';
export const JSON_FORMAT_VERSION = 1;

/** Sections in the order they are written. Each is one table, named by its drizzle key. */
export const SECTION_NAMES = [
  'relations',
  'addresses',
  'relationTypes',
  'relationTypeAssignments',
  'linkTypes',
  'relationLinks',
  'customFields',
  'customValues',
  'tags',
  'relationTags',
] as const satisfies readonly BulkTableName[];
export type SectionName = (typeof SECTION_NAMES)[number];

export function isSectionName(key: string): key is SectionName {
  return (SECTION_NAMES as readonly string[]).includes(key);
}

export const SECTION_SCHEMAS: Record<SectionName, z.ZodType> = {
  relations: relationRecord,
  addresses: addressRecord,
  relationTypes: relationTypeRecord,
  relationTypeAssignments: relationTypeAssignmentRecord,
  linkTypes: linkTypeRecord,
  relationLinks: relationLinkRecord,
  customFields: customFieldRecord,
  customValues: customValueRecord,
  tags: tagRecord,
  relationTags: relationTagRecord,
};

/** Stable order, so two exports of the same data are byte-identical. */
export const SECTION_ORDER: Record<SectionName, string> = {
  relations: 'number',
  addresses: 'id',
  relationTypes: 'id',
  relationTypeAssignments: 'id',
  linkTypes: 'id',
  relationLinks: 'id',
  customFields: 'id',
  customValues: 'id',
  tags: 'id',
  relationTags: 'id',
};

// Derived by the core from other columns: not part of the data, recomputed on import.
const DERIVED = new Set(['displayName', 'sortKey']);
// Epoch milliseconds in the database, ISO 8601 date-times in the file.
const TIMESTAMPS = new Set(['createdAt', 'updatedAt', 'deletedAt']);
// JSON text in the database, a JSON array in the file ([] when empty).
const JSON_ARRAYS = new Set(['socialLinks', 'options']);

export interface ExportColumn {
  key: string;
  sqlName: string;
  kind: 'plain' | 'boolean' | 'timestamp' | 'jsonArray';
}

export function exportColumns(section: SectionName): ExportColumn[] {
  return Object.entries(getTableColumns(BULK_TABLES[section]) as Record<string, SQLiteColumn>)
    .filter(([key]) => !DERIVED.has(key))
    .map(([key, col]) => ({
      key,
      sqlName: col.name,
      kind: col.columnType === 'SQLiteBoolean' ? 'boolean' : TIMESTAMPS.has(key) ? 'timestamp' : JSON_ARRAYS.has(key) ? 'jsonArray' : 'plain',
    }));
}

export function tableOf(section: SectionName): string {
  return getTableName(BULK_TABLES[section]);
}

/** A database row (snake_case) as a record of the file, keys in schema order. */
export function toJsonRecord(columns: ExportColumn[], row: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const c of columns) {
    const v = row[c.sqlName] ?? null;
    switch (c.kind) {
      case 'boolean':
        out[c.key] = v === null ? null : v === 1;
        break;
      case 'timestamp':
        out[c.key] = v === null ? null : new Date(v as number).toISOString();
        break;
      case 'jsonArray':
        out[c.key] = v === null ? [] : (JSON.parse(v as string) as unknown);
        break;
      default:
        out[c.key] = v;
    }
  }
  return out;
}

/** A validated record (zod output: timestamps already epoch ms) as a row for the bulk loader. */
export function toBulkRow<S extends SectionName>(parsed: Record<string, unknown>): BulkRow<S> {
  const row: Record<string, unknown> = { ...parsed };
  for (const key of JSON_ARRAYS) {
    if (key in row) {
      const list = row[key] as unknown[];
      row[key] = list.length ? JSON.stringify(list) : null;
    }
  }
  return row as BulkRow<S>;
}

import type { z } from 'zod';
import { getTableColumns } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import type { BulkTableName } from './bulk-load';
import { recordSchemaFor } from './generic-records';
import { JSON_TEXT_COLUMNS, jsonTextSchema } from './json-text-columns';
import { USER_TABLES, isUserTableKey, userTable } from './user-tables';
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

/**
 * Sections in the order they are written: one per user table (user-tables.ts), starting
 * with the relation tables in the order of the brief, then whatever other domains added.
 */
export const SECTION_NAMES: readonly string[] = USER_TABLES.map((t) => t.key);
export type SectionName = string;

/** The relation tables: hand-written schemas with the domain rules. */
export const CORE_SECTIONS = [
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

export function isSectionName(key: string): boolean {
  return isUserTableKey(key);
}

const CORE_SCHEMAS: Record<(typeof CORE_SECTIONS)[number], z.ZodType> = {
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

const schemas = new Map<string, z.ZodType>();

/** The zod schema of a section's records: the domain one, or one derived from the table. */
export function sectionSchema(section: string): z.ZodType {
  let s = schemas.get(section) ?? (CORE_SCHEMAS as Record<string, z.ZodType>)[section];
  if (!s) s = recordSchemaFor(userTable(section).table, DERIVED, jsonTextOverrides(section));
  schemas.set(section, s);
  return s;
}

function jsonTextOverrides(section: string): Map<string, z.ZodType> {
  const out = new Map<string, z.ZodType>();
  for (const [name, column] of JSON_TEXT_COLUMNS) {
    const [s, key] = name.split('.') as [string, string];
    if (s === section) out.set(key, jsonTextSchema(column));
  }
  return out;
}

/**
 * Stable order, so two exports of the same data are byte-identical. Computed rows get new
 * ids when they are recomputed on import: they are ordered by what they say.
 */
export function sectionOrder(section: string): string {
  if (section === 'memberships') return 'relation_id, unit_id, membership_type_id, start_date';
  return section === 'relations' ? 'number' : 'id';
}

// Derived by the core from other columns: not part of the data, recomputed on import.
const DERIVED = new Set(['displayName', 'sortKey']);
// Epoch milliseconds in the database, ISO 8601 date-times in the file.
const TIMESTAMPS = new Set(['createdAt', 'updatedAt', 'deletedAt']);
// JSON text in the database, a JSON array in the file ([] when empty). Relation tables only.
const JSON_ARRAYS = new Set(['relations.socialLinks', 'customFields.options']);

export interface ExportColumn {
  key: string;
  sqlName: string;
  kind: 'plain' | 'boolean' | 'timestamp' | 'jsonArray';
}

export function exportColumns(section: SectionName): ExportColumn[] {
  return Object.entries(getTableColumns(userTable(section).table) as Record<string, SQLiteColumn>)
    .filter(([key]) => !DERIVED.has(key))
    .map(([key, col]) => ({
      key,
      sqlName: col.name,
      kind:
        col.columnType === 'SQLiteBoolean' ? 'boolean' : TIMESTAMPS.has(key) ? 'timestamp' : JSON_ARRAYS.has(`${section}.${key}`) ? 'jsonArray' : 'plain',
    }));
}

export function tableOf(section: SectionName): string {
  return userTable(section).name;
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
export function toRow(section: SectionName, parsed: Record<string, unknown>): Record<string, unknown> {
  const row: Record<string, unknown> = { ...parsed };
  for (const name of JSON_ARRAYS) {
    const [s, key] = name.split('.') as [string, string];
    if (s === section) {
      const list = row[key] as unknown[];
      row[key] = list.length ? JSON.stringify(list) : null;
    }
  }
  return row;
}

import type { z } from 'zod';
import { columnSetDto, savedMappingDto, type SavedMappingDto } from '../../../shared/contract/io';
import { notFound } from '../../../shared/errors';
import type { CoreContext } from '../context';
import { rowMapper } from '../db/row-mapper';

/**
 * Saved column mappings and export column sets live in the `settings` table as JSON under a
 * key prefix: preferences, not member data, so they need no table of their own and no audit.
 */
const MAPPING = 'io.mapping:';
const COLUMN_SET = 'io.columnSet:';

type ColumnSetDto = z.infer<typeof columnSetDto>;

const settingRow = rowMapper('setting', { value: 'text' });

function list<T>(ctx: CoreContext, prefix: string, parse: (v: unknown) => T | null): T[] {
  const rows = settingRow.all(ctx.sqlite.prepare(`SELECT value FROM settings WHERE key >= ? AND key < ? ORDER BY key`).all(prefix, `${prefix}\uffff`));
  return rows.flatMap((r) => {
    const v = parse(JSON.parse(r.value));
    return v ? [v] : [];
  });
}

function put(ctx: CoreContext, key: string, value: unknown): void {
  ctx.sqlite
    .prepare(`INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`)
    .run(key, JSON.stringify(value));
}

function remove(ctx: CoreContext, key: string, what: string, name: string): void {
  if (ctx.sqlite.prepare('DELETE FROM settings WHERE key = ?').run(key).changes === 0) throw notFound(what, name);
}

// A stored value that no longer fits the contract (an older version) is skipped, not fatal.
const asMapping = (v: unknown) => savedMappingDto.safeParse(v).data ?? null;
const asColumnSet = (v: unknown) => columnSetDto.safeParse(v).data ?? null;

export const mappingStore = {
  list: (ctx: CoreContext): SavedMappingDto[] => list(ctx, MAPPING, asMapping),
  get: (ctx: CoreContext, name: string): SavedMappingDto | null => {
    const row = settingRow.maybe(ctx.sqlite.prepare('SELECT value FROM settings WHERE key = ?').get(MAPPING + name));
    return row ? asMapping(JSON.parse(row.value)) : null;
  },
  save: (ctx: CoreContext, m: Omit<SavedMappingDto, 'updatedAt'>): SavedMappingDto => {
    const saved = { ...m, updatedAt: ctx.now() };
    put(ctx, MAPPING + m.name, saved);
    return saved;
  },
  remove: (ctx: CoreContext, name: string) => remove(ctx, MAPPING + name, 'mapping', name),
};

export const columnSetStore = {
  list: (ctx: CoreContext): ColumnSetDto[] => list(ctx, COLUMN_SET, asColumnSet),
  save: (ctx: CoreContext, s: Omit<ColumnSetDto, 'updatedAt'>): ColumnSetDto => {
    const saved = { ...s, updatedAt: ctx.now() };
    put(ctx, COLUMN_SET + s.name, saved);
    return saved;
  },
  remove: (ctx: CoreContext, name: string) => remove(ctx, COLUMN_SET + name, 'columnSet', name),
};

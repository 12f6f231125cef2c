import type { Output } from '../../../../shared/contract';
import type { ColumnMapping, ImportOptions, SavedMappingDto } from '../../../../shared/contract/io';

export type Inspection = Output<'io.inspectImport'>;
export type ImportEncoding = 'auto' | 'utf-8' | 'windows-1252' | 'utf-16le';
export type ImportDelimiter = 'auto' | ';' | ',' | '\t' | '|';

export interface ReadSettings {
  encoding: ImportEncoding;
  delimiter: ImportDelimiter;
  sheet?: string | undefined;
}

export interface ChosenFile {
  name: string;
  size: number;
  bytes: string;
}

/** Rows of the dry run fetched at once; a bigger file is shown a window at a time. */
export const ROW_WINDOW = 5_000;

export const DEFAULT_OPTIONS: ImportOptions = {
  matchKeys: ['number', 'email', 'nameBirthPostcode'],
  onMatch: 'update',
  createNew: true,
  invalidValues: 'rejectRow',
  emptyCells: 'keep',
  memberSinceType: 'lid',
  excludeRows: [],
};

/** The same loose comparison the core makes: 'E-mail adres' and 'emailadres' are one header. */
export function headerKey(header: string): string {
  return header
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

/** Targets per column from a saved mapping, matched on header; unmatched columns keep what they had. */
export function applySaved(headers: string[], current: (string | null)[], saved: SavedMappingDto): (string | null)[] {
  const byHeader = new Map(saved.columns.map((c) => [headerKey(c.header), c.target]));
  return headers.map((h, i) => {
    const k = headerKey(h);
    return byHeader.has(k) ? (byHeader.get(k) ?? null) : (current[i] ?? null);
  });
}

export function toColumnMapping(targets: (string | null)[]): ColumnMapping {
  return targets.map((target, column) => ({ column, target }));
}

/** What is saved with a mapping: the user's choices, not the rows they left out of this file. */
export function savableOptions(options: ImportOptions): Partial<ImportOptions> {
  const { excludeRows: _excluded, ...rest } = options;
  return rest;
}

/** A saved mapping's options on top of the defaults. */
export function withSavedOptions(base: ImportOptions, saved: Partial<ImportOptions> | null | undefined): ImportOptions {
  return { ...base, ...(saved ?? {}), excludeRows: [] };
}

import path from 'node:path';
import type Database from 'better-sqlite3';

/**
 * What the administration calls itself and whether it is a demo, kept in the file itself
 * (settings), so it travels with the file, its backups and its copies: the header names the
 * association and marks a demo wherever the file is opened.
 */
const NAME = 'administration.name';
const DEMO = 'administration.demo';

export interface AdministrationIdentity {
  name: string;
  demo: boolean;
}

export function setAdministrationIdentity(sqlite: Database.Database, identity: Partial<AdministrationIdentity>): void {
  const put = sqlite.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value');
  if (identity.name !== undefined) put.run(NAME, identity.name);
  if (identity.demo !== undefined) put.run(DEMO, identity.demo ? '1' : '0');
}

export function administrationIdentity(sqlite: Database.Database, file: string): AdministrationIdentity {
  const rows = sqlite.prepare('SELECT key, value FROM settings WHERE key IN (?, ?)').all(NAME, DEMO) as { key: string; value: string }[];
  const get = (k: string) => rows.find((r) => r.key === k)?.value;
  return { name: get(NAME) ?? path.basename(file, path.extname(file)), demo: get(DEMO) === '1' };
}

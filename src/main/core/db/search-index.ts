import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';

/**
 * The full-text index behind relations.search. It is contentless (we never read text back
 * from it) and keyed by the relation number, which is a unique integer and survives VACUUM
 * (a TEXT primary key's hidden rowid does not).
 *
 * Like the audit triggers it is derived from the data, so it is created on open rather than
 * in a migration, and rebuilt whenever its definition changes or a migration ran (a table
 * rebuild drops triggers, after which the index would silently go stale).
 */
const digits = (col: string) =>
  `replace(replace(replace(replace(replace(replace(replace(${col}, ' ', ''), '-', ''), '+31', '0'), '(', ''), ')', ''), '.', ''), '/', '')`;

// ü→ue etc. as extra tokens: remove_diacritics folds ü→u, but Germans type "mueller".
const transliterated = `replace(replace(replace(replace(lower(r.display_name), 'ü', 'ue'), 'ö', 'oe'), 'ä', 'ae'), 'ß', 'ss')`;

const ROW = `r.number,
  concat_ws(' ', r.display_name, r.first_name, r.initials, r.infix, r.last_name, r.name,
    CASE WHEN ${transliterated} <> lower(r.display_name) THEN ${transliterated} END),
  concat_ws(' ', r.email, r.email2, r.phone, r.mobile, ${digits('r.phone')}, ${digits('r.mobile')}),
  (SELECT group_concat(concat_ws(' ', a.street, a.postcode, replace(a.postcode, ' ', ''), a.city), ' ')
     FROM addresses a
    WHERE a.relation_id = r.id AND (a.valid_to IS NULL OR a.valid_to > date('now', 'localtime'))),
  r.number`;

const INSERT_FOR = (idExpr: string) =>
  `INSERT INTO relations_fts (rowid, name, contact, place, num)
   SELECT ${ROW} FROM relations r WHERE r.id = ${idExpr} AND r.deleted_at IS NULL;`;

const DELETE_FOR_RELATION = (idExpr: string) =>
  `DELETE FROM relations_fts WHERE rowid = (SELECT number FROM relations WHERE id = ${idExpr});`;

const TABLE = `CREATE VIRTUAL TABLE relations_fts USING fts5(
  name, contact, place, num,
  content = '', contentless_delete = 1,
  tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3')`;

const TRIGGERS = [
  `CREATE TRIGGER fts_relations_insert AFTER INSERT ON relations BEGIN ${INSERT_FOR('new.id')} END`,
  `CREATE TRIGGER fts_relations_update AFTER UPDATE ON relations BEGIN
     DELETE FROM relations_fts WHERE rowid = old.number; ${INSERT_FOR('new.id')} END`,
  `CREATE TRIGGER fts_relations_delete AFTER DELETE ON relations BEGIN
     DELETE FROM relations_fts WHERE rowid = old.number; END`,
  ...(['insert', 'update', 'delete'] as const).map((ev) => {
    const ref = ev === 'delete' ? 'old' : 'new';
    const oldToo = ev === 'update' ? `${DELETE_FOR_RELATION('old.relation_id')} ${INSERT_FOR('old.relation_id')}` : '';
    return `CREATE TRIGGER fts_addresses_${ev} AFTER ${ev.toUpperCase()} ON addresses BEGIN
       ${DELETE_FOR_RELATION(`${ref}.relation_id`)} ${INSERT_FOR(`${ref}.relation_id`)} ${oldToo} END`;
  }),
];

export const SEARCH_INDEX_VERSION = createHash('sha256')
  .update([TABLE, ...TRIGGERS].join('\n'))
  .digest('hex')
  .slice(0, 16);

export const SEARCH_TRIGGER_NAMES = [
  'fts_relations_insert',
  'fts_relations_update',
  'fts_relations_delete',
  'fts_addresses_insert',
  'fts_addresses_update',
  'fts_addresses_delete',
];

export function rebuildSearchIndex(sqlite: Database.Database): void {
  sqlite.exec(`INSERT INTO relations_fts (relations_fts) VALUES ('delete-all')`);
  sqlite.exec(`INSERT INTO relations_fts (rowid, name, contact, place, num)
               SELECT ${ROW} FROM relations r WHERE r.deleted_at IS NULL ORDER BY r.number`);
}

/** Drops the triggers so a bulk load can fill tables first and index once (see bulk-load). */
export function dropSearchTriggers(sqlite: Database.Database): void {
  for (const name of SEARCH_TRIGGER_NAMES) sqlite.exec(`DROP TRIGGER IF EXISTS ${name}`);
}

export function createSearchTriggers(sqlite: Database.Database): void {
  dropSearchTriggers(sqlite);
  for (const t of TRIGGERS) sqlite.exec(t);
}

export function installSearchIndex(sqlite: Database.Database, opts: { forceRebuild: boolean }): void {
  const stored = sqlite.prepare(`SELECT value FROM settings WHERE key = 'search_index_version'`).get() as
    | { value: string }
    | undefined;
  const exists = sqlite.prepare(`SELECT 1 FROM sqlite_master WHERE name = 'relations_fts'`).get();
  const stale = !exists || stored?.value !== SEARCH_INDEX_VERSION;
  const present = (sqlite.prepare(`SELECT count(*) AS n FROM sqlite_master WHERE type = 'trigger' AND name IN (SELECT value FROM json_each(?))`).get(JSON.stringify(SEARCH_TRIGGER_NAMES)) as { n: number }).n;
  // The usual open: nothing to do, and nothing written (another process may hold the file).
  if (!stale && !opts.forceRebuild && present === SEARCH_TRIGGER_NAMES.length) return;
  if (stale) {
    sqlite.exec('DROP TABLE IF EXISTS relations_fts');
    sqlite.exec(TABLE);
  }
  createSearchTriggers(sqlite);
  if (stale || opts.forceRebuild) rebuildSearchIndex(sqlite);
  sqlite
    .prepare(`INSERT INTO settings (key, value) VALUES ('search_index_version', ?)
              ON CONFLICT (key) DO UPDATE SET value = excluded.value`)
    .run(SEARCH_INDEX_VERSION);
}

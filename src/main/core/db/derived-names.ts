import type Database from 'better-sqlite3';
import { DERIVED_NAMES_VERSION, derivedNames } from '../relations/relation-names';

interface NameRow {
  id: string;
  kind: 'person' | 'organisation';
  initials: string | null;
  firstName: string | null;
  infix: string | null;
  lastName: string | null;
  exactName: number;
  name: string | null;
  email: string | null;
  displayName: string;
  sortKey: string;
}

/**
 * display_name and sort_key are derived in code (relation-names.ts), so when that derivation
 * changes a migration cannot bring existing rows along: like the audit triggers and the search
 * index, they are brought up to date on open, once per DERIVED_NAMES_VERSION. Derived columns
 * are not audited (docs/architecture.md), so the row-update triggers are set aside for the
 * rewrite and recreated by the installers that run right after this.
 * Returns whether any display name changed (then the search index must be rebuilt).
 */
export function refreshDerivedNames(sqlite: Database.Database): { displayNamesChanged: boolean } {
  const stored = sqlite.prepare(`SELECT value FROM settings WHERE key = 'derived_names_version'`).get() as { value: string } | undefined;
  if (stored?.value === DERIVED_NAMES_VERSION) return { displayNamesChanged: false };
  const rows = sqlite
    .prepare(
      `SELECT id, kind, initials, first_name AS firstName, infix, last_name AS lastName, exact_name AS exactName, name, email,
              display_name AS displayName, sort_key AS sortKey FROM relations`,
    )
    .all() as NameRow[];
  const changed: { id: string; displayName: string; sortKey: string }[] = [];
  let displayNamesChanged = false;
  for (const r of rows) {
    const n = derivedNames(r.kind, { ...r, exactName: r.exactName === 1 });
    if (n.displayName !== r.displayName || n.sortKey !== r.sortKey) changed.push({ id: r.id, ...n });
    if (n.displayName !== r.displayName) displayNamesChanged = true;
  }
  if (changed.length > 0) {
    for (const trigger of ['audit_relations_update', 'fts_relations_update']) sqlite.exec(`DROP TRIGGER IF EXISTS ${trigger}`);
    const update = sqlite.prepare('UPDATE relations SET display_name = @displayName, sort_key = @sortKey WHERE id = @id');
    for (const c of changed) update.run(c);
  }
  sqlite
    .prepare(`INSERT INTO settings (key, value) VALUES ('derived_names_version', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`)
    .run(DERIVED_NAMES_VERSION);
  return { displayNamesChanged };
}

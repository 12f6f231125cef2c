import { openKeyed } from '../db/database-key';
import { damaged } from './storage-errors';

/**
 * Proves a copy of an administration before it is put under its real name: it opens, passes
 * `PRAGMA integrity_check` and (for a backup) holds the relations table. It is made self-contained
 * (journal mode DELETE, no -wal beside it) so it can be moved or mailed as one file. A copy
 * that fails means the source is damaged: that is what the user is told.
 */
export function verifyCopy(copyFile: string, source: string, backupsDir: string, opts: { administration: boolean; password?: string | null }): void {
  // A copy of an encrypted administration has its key (VACUUM INTO keeps it).
  const copy = openKeyed(copyFile, opts.password);
  try {
    copy.pragma('journal_mode = DELETE');
    const result = String(copy.pragma('integrity_check', { simple: true }));
    if (result !== 'ok') throw damaged(source, backupsDir, result);
    if (!opts.administration) return;
    const isAdministration = copy.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'relations'`).get();
    if (!isAdministration) throw damaged(source, backupsDir, 'no relations table');
  } finally {
    copy.close();
  }
}

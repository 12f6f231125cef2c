import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { DomainError } from '../../../shared/errors';

export interface BackupResult {
  file: string;
  bytes: number;
  pages: number;
}

/**
 * Copies the open administration with SQLite's online backup API (readers and writers may
 * keep working meanwhile), then proves the copy: it must open, pass `PRAGMA integrity_check`
 * and be an administration. The copy is made self-contained (journal mode DELETE, no -wal
 * file beside it) so it can be moved or mailed as one file. It is written under a temporary
 * name and only renamed into place once verified; an existing file is never overwritten.
 */
export async function backupAdministration(sqlite: Database.Database, outFile: string): Promise<BackupResult> {
  if (fs.existsSync(outFile)) throw new DomainError('CONFLICT', { reason: 'FILE_EXISTS', file: outFile });
  fs.mkdirSync(path.dirname(path.resolve(outFile)), { recursive: true });
  const temp = `${outFile}.part-${process.pid}`;
  try {
    const { totalPages } = await sqlite.backup(temp);
    verifyCopy(temp);
    // No rename over an existing file: refuse if one appeared while we were copying.
    fs.linkSync(temp, outFile);
    fs.rmSync(temp);
    return { file: outFile, bytes: fs.statSync(outFile).size, pages: totalPages };
  } catch (e) {
    for (const suffix of ['', '-wal', '-shm', '-journal']) fs.rmSync(`${temp}${suffix}`, { force: true });
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') throw new DomainError('CONFLICT', { reason: 'FILE_EXISTS', file: outFile });
    throw e;
  }
}

function verifyCopy(file: string): void {
  const copy = new Database(file);
  try {
    copy.pragma('journal_mode = DELETE');
    const result = copy.pragma('integrity_check', { simple: true });
    if (result !== 'ok') throw new DomainError('INTERNAL', { reason: 'BACKUP_INTEGRITY_FAILED', result: String(result) });
    const isAdministration = copy.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'relations'`).get();
    if (!isAdministration) throw new DomainError('INTERNAL', { reason: 'BACKUP_NOT_AN_ADMINISTRATION' });
  } finally {
    copy.close();
  }
}

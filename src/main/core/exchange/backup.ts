import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { DomainError } from '../../../shared/errors';
import { backupsDirFor } from '../db/open-database';
import { createPrivateFile, ensureDir } from '../storage/private-files';
import { storageError } from '../storage/storage-errors';
import { placeWithoutOverwrite, removeStaleTemps, removeTemp, tempNameFor } from '../storage/temp-files';
import { testPause } from '../storage/test-pause';
import { verifyCopy } from '../storage/verify-copy';
import { assertEncryptedOnDisk, keyOf } from '../db/database-key';

export interface BackupResult {
  file: string;
  bytes: number;
  pages: number;
}

/**
 * The copy itself. SQLite's online backup refuses an encrypted source (SQLite3MultipleCiphers
 * checks that source and target ciphers match), so an encrypted administration is copied with
 * VACUUM INTO, which writes the copy encrypted with the same key (docs/encryption.md).
 */
async function copyInto(sqlite: Database.Database, target: string, password: string | null): Promise<number> {
  if (!password) return (await sqlite.backup(target)).totalPages;
  sqlite.prepare('VACUUM INTO ?').run(target);
  return Number(sqlite.pragma('page_count', { simple: true }));
}

/**
 * Copies the open administration with SQLite's online backup API (readers and writers may
 * keep working meanwhile), then proves the copy (verifyCopy): a copy of a damaged file is
 * refused as STORAGE_DAMAGED. The copy is private (0600) and written under a temporary
 * name, only renamed into place once verified; an existing file is never overwritten, and
 * temporary files a killed run left in the folder are removed first.
 */
export async function backupAdministration(sqlite: Database.Database, outFile: string): Promise<BackupResult> {
  if (fs.existsSync(outFile)) throw new DomainError('CONFLICT', { reason: 'FILE_EXISTS', file: outFile });
  const temp = tempNameFor(outFile);
  try {
    ensureDir(path.dirname(path.resolve(outFile)));
    removeStaleTemps(path.dirname(path.resolve(outFile)));
    removeTemp(temp);
    createPrivateFile(temp);
    const password = keyOf(sqlite);
    const totalPages = await copyInto(sqlite, temp, password);
    verifyCopy(temp, sqlite.name, backupsDirFor(sqlite.name), { administration: true, password });
    if (password) assertEncryptedOnDisk(temp);
    testPause('backup');
    placeWithoutOverwrite(temp, outFile);
    return { file: outFile, bytes: fs.statSync(outFile).size, pages: totalPages };
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') throw new DomainError('CONFLICT', { reason: 'FILE_EXISTS', file: outFile });
    throw storageError(e, outFile) ?? e;
  } finally {
    removeTemp(temp);
  }
}

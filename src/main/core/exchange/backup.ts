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
import { copyDatabase } from '../storage/copy-database';

export interface BackupResult {
  file: string;
  bytes: number;
  pages: number;
}

/**
 * Copies the open administration with the one copy primitive (storage/copy-database.ts:
 * VACUUM INTO, readers and writers may keep working meanwhile; an encrypted administration's
 * copy has the same key), then proves the copy (verifyCopy): a copy of a damaged file is
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
    const password = copyDatabase(sqlite, temp);
    verifyCopy(temp, sqlite.name, backupsDirFor(sqlite.name), { administration: true, password });
    testPause('backup');
    placeWithoutOverwrite(temp, outFile);
    const bytes = fs.statSync(outFile).size;
    return { file: outFile, bytes, pages: Math.ceil(bytes / Number(sqlite.pragma('page_size', { simple: true }))) };
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') throw new DomainError('CONFLICT', { reason: 'FILE_EXISTS', file: outFile });
    throw storageError(e, outFile) ?? e;
  } finally {
    removeTemp(temp);
  }
}

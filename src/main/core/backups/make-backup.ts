import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import zlib from 'node:zlib';
import type Database from 'better-sqlite3';
import { DomainError } from '../../../shared/errors';
import { copyDatabase } from '../storage/copy-database';
import { createPrivateFile, ensureDir } from '../storage/private-files';
import { storageError } from '../storage/storage-errors';
import { placeWithoutOverwrite, removeStaleTemps, removeTemp, tempNameFor } from '../storage/temp-files';
import { testPause } from '../storage/test-pause';
import { verifyCopy } from '../storage/verify-copy';
import { backupName, listBackups, rotateBackups, type BackupFile, type BackupReason } from './backup-files';

/** gzip level 3: most of level 6's gain at about twice its speed (bench: backup). */
const GZIP_LEVEL = 3;

/** Targets of this process's backups still being made (their temporary names are `.part-<pid>`). */
const inProgress = new Set<string>();

export interface MadeBackup extends BackupFile {
  /** Size of the uncompressed copy, beside `bytes` (the compressed file). */
  copyBytes: number;
}

/**
 * An automatic backup in two steps. The first, synchronous, makes the copy (copyDatabase)
 * and proves it (opens, `integrity_check`, is an administration): once it returns, the state
 * before whatever comes next is safe, so an import may start at once. The returned promise
 * compresses the copy, puts it under its real name (never half a file: `.part-<pid>` until
 * then) and applies the rotation.
 */
export function startBackup(sqlite: Database.Database, opts: { file: string; folder: string; reason: BackupReason; now: number }): Promise<MadeBackup> {
  const folder = path.resolve(opts.folder);
  const target = path.join(folder, backupName(opts.file, opts.now, opts.reason));
  const raw = tempNameFor(target.replace(/\.gz$/, ''));
  const packed = tempNameFor(target);
  // A second backup under the same name from this process (another core on the same folder
  // within the same millisecond) would share the temporary names: it must not clear them.
  if (inProgress.has(target)) return Promise.reject(new DomainError('CONFLICT', { reason: 'FILE_EXISTS', file: target }));
  inProgress.add(target);
  const cleanup = () => {
    removeTemp(raw);
    removeTemp(packed);
  };
  try {
    ensureDir(folder);
    removeStaleTemps(folder);
    if (fs.existsSync(target)) throw new DomainError('CONFLICT', { reason: 'FILE_EXISTS', file: target });
    cleanup();
    createPrivateFile(raw);
    const password = copyDatabase(sqlite, raw);
    verifyCopy(raw, sqlite.name, folder, { administration: true, password });
  } catch (e) {
    cleanup();
    inProgress.delete(target);
    return Promise.reject(storageError(e, target) ?? e);
  }
  return (async () => {
    try {
      const copyBytes = fs.statSync(raw).size;
      createPrivateFile(packed);
      await pipeline(fs.createReadStream(raw), zlib.createGzip({ level: GZIP_LEVEL }), fs.createWriteStream(packed, { flags: 'r+' }));
      testPause('backup-compressed');
      placeWithoutOverwrite(packed, target);
      rotateBackups(opts.file, folder, opts.now);
      const made = listBackups(opts.file, folder).find((b) => b.file === target);
      if (!made) throw new Error(`backup ${target} missing after it was made`);
      return { ...made, copyBytes };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'EEXIST') throw new DomainError('CONFLICT', { reason: 'FILE_EXISTS', file: target });
      throw storageError(e, target) ?? e;
    } finally {
      cleanup();
      inProgress.delete(target);
    }
  })();
}

import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import zlib from 'node:zlib';
import { DomainError } from '../../../shared/errors';
import { changeKey, isEncryptedFile, openKeyed } from '../db/database-key';
import { createPrivateFile } from '../storage/private-files';
import { storageError } from '../storage/storage-errors';
import { removeTemp, tempNameFor } from '../storage/temp-files';
import { testPause } from '../storage/test-pause';
import { verifyCopy } from '../storage/verify-copy';
import { RECORD_IDS_KEY } from '../db/record-ids';

/** Preferences of this computer that a restore keeps from the current file (where backups go). */
const KEPT_SETTINGS = ['backups.folder'];

/**
 * Puts a backup in the administration's place, whole or not at all: prepareRestore, then
 * placeRestore. A caller that backs up the current state first (the restore can be undone)
 * prepares before that backup, so a wrong password or a damaged copy changes nothing and
 * leaves no "vóór terugzetten" backup behind. No connection may be open on `file` (the caller
 * closed its own) when the copy is placed.
 */
export async function restoreFile(file: string, from: string, backupsDir: string, password: string | null = null, backupPassword: string | null = null): Promise<void> {
  await prepareRestore({ file, from, backupsDir, password, backupPassword });
  placeRestore(file, password);
}

/**
 * Unpacks the backup beside the file under `.part-<pid>` (tempNameFor(file)) and proves it
 * (opens with its key, integrity_check, an administration); the administration itself is not
 * touched, so this may run while it is open. The copy stays for placeRestore; on a failure
 * it is removed.
 *
 * `password` is the administration's current key (null: plain). An encrypted backup opens
 * with it, or with `backupPassword`: a backup made before the last password change needs the
 * password of then (without it BACKUP_PASSWORD_REQUIRED, a wrong one BACKUP_WRONG_PASSWORD),
 * and is re-keyed to the current key; a plain backup of an administration that is encrypted
 * now (made before "Versleutelen") is encrypted with it, so a restore never leaves the
 * administration readable without its password.
 */
export async function prepareRestore(o: { file: string; from: string; backupsDir: string; password: string | null; backupPassword: string | null }): Promise<string> {
  const temp = tempNameFor(o.file);
  removeTemp(temp);
  try {
    createPrivateFile(temp);
    const source = fs.createReadStream(o.from);
    const out = fs.createWriteStream(temp, { flags: 'r+' });
    if (o.from.endsWith('.gz')) await pipeline(source, zlib.createGunzip(), out);
    else await pipeline(source, out);
    testPause('restore-unpacked');
    const copyKey = isEncryptedFile(temp) ? (o.backupPassword ?? o.password) : null;
    try {
      verifyCopy(temp, o.from, o.backupsDir, { administration: true, password: copyKey });
    } catch (e) {
      const code = e instanceof DomainError ? e.code : null;
      const backup = path.basename(o.from);
      if (o.backupPassword === null && (code === 'STORAGE_WRONG_PASSWORD' || code === 'STORAGE_PASSWORD_REQUIRED')) throw new DomainError('BACKUP_PASSWORD_REQUIRED', { file: backup });
      if (code === 'STORAGE_WRONG_PASSWORD') throw new DomainError('BACKUP_WRONG_PASSWORD', { file: backup });
      throw e;
    }
    // The restored administration keeps its current key (or stays plain).
    if (copyKey !== o.password) changeKey(temp, copyKey, o.password);
    return temp;
  } catch (e) {
    removeTemp(temp);
    throw storageError(e, o.file) ?? e;
  }
}

/**
 * Renames the prepared copy (prepareRestore, same process) over the administration. The
 * current file is first made self-contained (its WAL checkpointed and switched off, which
 * SQLite refuses while another connection has it open: STORAGE_LOCKED) and its preferences of
 * this computer are carried over. A kill before the rename leaves the old administration (and
 * a stale `.part` the next open removes), after it the restored one: never a mix, never a WAL
 * of one file beside the other.
 */
export function placeRestore(file: string, password: string | null): void {
  const temp = tempNameFor(file);
  try {
    if (!fs.existsSync(temp)) throw new Error(`no prepared copy ${temp} to restore`);
    if (fs.existsSync(file)) {
      const current = openKeyed(file, password);
      try {
        current.pragma('busy_timeout = 5000');
        const kept = KEPT_SETTINGS.flatMap((key) => (current.prepare('SELECT key, value FROM settings WHERE key = ?').all(key) as { key: string; value: string }[]));
        // The record-id counter (db/record-ids.ts) keeps the higher of the two files: an id given
        // since the backup (a person anonymised since, on the erasure list) is never given again.
        const ids = current.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(RECORD_IDS_KEY) as string | undefined;
        current.pragma('wal_checkpoint(TRUNCATE)');
        const mode = String(current.pragma('journal_mode = DELETE', { simple: true }));
        if (mode !== 'delete') throw new DomainError('STORAGE_LOCKED', { file, cause: 'OPEN_ELSEWHERE' });
        if (kept.length || ids !== undefined) {
          const copy = openKeyed(temp, password);
          try {
            const put = copy.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value');
            const higher = copy.prepare(
              'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = CAST(max(CAST(value AS INTEGER), CAST(excluded.value AS INTEGER)) AS TEXT)',
            );
            copy.transaction(() => {
              kept.forEach((r) => put.run(r.key, r.value));
              if (ids !== undefined) higher.run(RECORD_IDS_KEY, ids);
            })();
          } finally {
            copy.close();
          }
        }
      } finally {
        current.close();
      }
    }
    // A WAL left beside the file would be replayed into the restored one.
    if (fs.existsSync(`${file}-wal`)) throw new DomainError('STORAGE_LOCKED', { file, cause: 'WAL_LEFT' });
    testPause('restore-before-swap');
    fs.renameSync(temp, file);
    fsyncDir(path.dirname(path.resolve(file)));
    testPause('restore-after-swap');
  } catch (e) {
    throw storageError(e, file) ?? e;
  } finally {
    removeTemp(temp);
  }
}

/** Makes the rename itself durable (POSIX; a no-op where folders cannot be opened). */
function fsyncDir(dir: string): void {
  let fd: number | null = null;
  try {
    fd = fs.openSync(dir, 'r');
    fs.fsyncSync(fd);
  } catch {
    // Windows: folders cannot be fsynced; NTFS journals the rename.
  } finally {
    if (fd !== null) fs.closeSync(fd);
  }
}

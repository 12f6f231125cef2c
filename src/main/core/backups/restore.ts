import fs from 'node:fs';
import path from 'node:path';
import { DomainError } from '../../../shared/errors';
import { createCore, type CoreOptions } from '../create-core';
import { acquireLock } from '../storage/file-lock';
import { runAfterRestoreSteps } from './after-restore';
import type { BackupFile } from './backup-files';
import { placeRestore, prepareRestore } from './restore-file';
import { removeTemp, tempNameFor } from '../storage/temp-files';
import type { MadeBackup } from './make-backup';

/** A backup by its name in the administration's list, or a copy by its path. */
export function findBackup(list: BackupFile[], from: string): BackupFile | { file: string; name: string } {
  const named = list.find((b) => b.name === from || path.resolve(b.file) === path.resolve(from));
  if (named) return named;
  if (fs.existsSync(from) && fs.statSync(from).isFile()) return { file: path.resolve(from), name: path.basename(from) };
  throw new DomainError('NOT_FOUND', { entity: 'backup', id: from });
}

/**
 * Restore in one process (the CLI): holds the file's lock throughout, unpacks and proves the
 * copy (prepareRestore: a wrong password or a damaged copy stops here, with nothing changed),
 * backs up the current state ("restore", so the restore can be undone), puts the copy in
 * place (placeRestore: whole or not at all) and runs the after-restore steps on the result.
 * The app does the same steps across its core threads (main/administrations/session.ts).
 */
export async function restoreAdministration(file: string, from: string, opts: Omit<CoreOptions, 'file'> & { backupPassword?: string | null } = {}): Promise<{ restored: { file: string; name: string }; before: MadeBackup }> {
  const { backupPassword = null, ...coreOpts } = opts;
  const lock = acquireLock(file);
  try {
    const core = createCore({ ...coreOpts, file });
    let before: MadeBackup;
    let chosen: BackupFile | { file: string; name: string };
    let folder: string;
    const password = opts.password ?? null;
    try {
      folder = core.backups.folder();
      chosen = findBackup(core.backups.list(), from);
      await prepareRestore({ file, from: chosen.file, backupsDir: folder, password, backupPassword });
      try {
        const made = await core.backups.make('restore');
        if (!made) throw new Error('backup before restore was skipped');
        before = made;
      } catch (e) {
        removeTemp(tempNameFor(file));
        throw e;
      }
    } finally {
      core.close();
    }
    placeRestore(file, password);
    const after = createCore({ ...coreOpts, file });
    try {
      runAfterRestoreSteps(after.ctx, { restoredFrom: chosen.file });
    } finally {
      after.close();
    }
    return { restored: chosen, before };
  } finally {
    lock.release();
  }
}

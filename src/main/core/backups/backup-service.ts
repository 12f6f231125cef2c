import fs from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import type { backupDto } from '../../../shared/contract/backups';
import { validationError } from '../../../shared/errors';
import type { CoreContext } from '../context';
import { backupsDirFor } from '../db/open-database';
import { ensureDir } from '../storage/private-files';
import { listBackups, type BackupFile, type BackupReason } from './backup-files';
import { startBackup, type MadeBackup } from './make-backup';

const FOLDER_KEY = 'backups.folder';
/** The periodic backup's interval: the host asks every this many minutes, the core skips it when nothing changed. */
export const BACKUP_INTERVAL_MINUTES = 15;

export const toBackupDto = (b: BackupFile): z.infer<typeof backupDto> => ({ name: b.name, file: b.file, at: new Date(b.at).toISOString(), reason: b.reason, bytes: b.bytes });

/** The administration's backup folder: the one the user chose (kept in the file), else `backups` beside it. */
export function backupFolder(ctx: Pick<CoreContext, 'sqlite' | 'file'>): string {
  const row = ctx.sqlite.prepare('SELECT value FROM settings WHERE key = ?').get(FOLDER_KEY) as { value: string } | undefined;
  return row?.value ?? backupsDirFor(ctx.file);
}

export interface BackupService {
  folder(): string;
  setFolder(folder: string): string;
  list(): BackupFile[];
  /** Makes a backup; resolves when it is compressed and in place. */
  make(reason: BackupReason, opts?: { onlyIfChanged?: boolean }): Promise<MadeBackup | null>;
  /** Before a big operation: the copy is made now (synchronously); compression finishes in the background. */
  before(reason: BackupReason): void;
  /** Waits for backups still being compressed. */
  settle(): Promise<void>;
  /** Whether a backup is still being compressed. */
  busy(): boolean;
}

const lastOperation = (ctx: CoreContext) =>
  (ctx.sqlite.prepare('SELECT max(rowid) AS n FROM operations').get() as { n: number | null }).n ?? 0;

/** The last backup time taken in this thread, across services: two cores on one folder never share a name. */
let lastAt = 0;

export function createBackupService(ctx: CoreContext): BackupService {
  const pending = new Set<Promise<unknown>>();
  // The last operation a backup holds; the periodic backup is skipped while it is still the last.
  let backedUpAt = -1;
  const track = <T>(p: Promise<T>): Promise<T> => {
    pending.add(p);
    void p.finally(() => pending.delete(p)).catch(() => undefined);
    return p;
  };
  function start(reason: BackupReason): Promise<MadeBackup> {
    // Two backups in the same millisecond would get the same name.
    const now = Math.max(ctx.now(), lastAt + 1);
    lastAt = now;
    const op = lastOperation(ctx);
    const p = startBackup(ctx.sqlite, { file: ctx.file, folder: backupFolder(ctx), reason, now });
    void p.then(() => void (backedUpAt = Math.max(backedUpAt, op)), () => undefined);
    return track(p);
  }
  return {
    folder: () => backupFolder(ctx),
    setFolder(folder) {
      const abs = path.resolve(folder);
      if (!path.isAbsolute(folder)) throw validationError([{ field: 'folder', code: 'BACKUP_FOLDER_NOT_ABSOLUTE' }]);
      try {
        ensureDir(abs);
        fs.accessSync(abs, fs.constants.W_OK);
      } catch {
        throw validationError([{ field: 'folder', code: 'BACKUP_FOLDER_NOT_WRITABLE' }]);
      }
      ctx.sqlite.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(FOLDER_KEY, abs);
      return abs;
    },
    list: () => listBackups(ctx.file, backupFolder(ctx)),
    async make(reason, opts) {
      if (opts?.onlyIfChanged && lastOperation(ctx) === backedUpAt) return null;
      return start(reason);
    },
    before(reason) {
      start(reason).catch((e: unknown) => console.error(`[backups] backup before ${reason} failed`, e));
    },
    async settle() {
      await Promise.allSettled([...pending]);
    },
    busy: () => pending.size > 0,
  };
}

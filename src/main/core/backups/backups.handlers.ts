import type Database from 'better-sqlite3';
import { DomainError } from '../../../shared/errors';
import { keyOf } from '../db/database-key';
import { encryptPlainBackups } from './encrypt-backups';
import type { HandlerGroup } from '../rpc/dispatcher';
import type { BackupService } from './backup-service';
import { BACKUP_INTERVAL_MINUTES, toBackupDto } from './backup-service';

export function backupsHandlers(backups: BackupService, sqlite: Database.Database): HandlerGroup<'backups.list' | 'backups.create' | 'backups.setFolder' | 'backups.checkFile' | 'backups.encryptPlain'> {
  return {
    'backups.list': () => ({ folder: backups.folder(), intervalMinutes: BACKUP_INTERVAL_MINUTES, rows: backups.list().map(toBackupDto) }),
    'backups.create': async ({ reason, onlyIfChanged }) => {
      const made = await backups.make(reason, { onlyIfChanged });
      return { backup: made ? { ...toBackupDto(made), copyBytes: made.copyBytes } : null };
    },
    'backups.checkFile': () => {
      const result = String(sqlite.pragma('quick_check', { simple: true }));
      return { ok: result === 'ok', result: result.slice(0, 500) };
    },
    'backups.setFolder': ({ folder }) => ({ folder: backups.setFolder(folder) }),
    'backups.encryptPlain': async () => {
      const key = keyOf(sqlite);
      if (key === null) throw new DomainError('CONFLICT', { reason: 'NOT_ENCRYPTED' });
      return { encrypted: await encryptPlainBackups(sqlite.name, backups.folder(), key) };
    },
  };
}

import { DomainError, type ErrorCode } from '../../../shared/errors';

/**
 * The one place where faults of the disk and the database file become error codes the user
 * gets a Dutch "what to do" for (renderer: errors.code.*, CLI: messages.ts), instead of
 * "interne fout: <SQLite text>". SQLite's extended codes (SQLITE_IOERR_WRITE,
 * SQLITE_READONLY_DBMOVED, …) fall under their primary code; Node's file errors under the
 * same headings.
 */
const BY_CODE: [RegExp, ErrorCode][] = [
  [/^(SQLITE_FULL|ENOSPC|EDQUOT)/, 'STORAGE_FULL'],
  [/^(SQLITE_READONLY|EROFS|EACCES|EPERM)/, 'STORAGE_READ_ONLY'],
  [/^(SQLITE_BUSY|SQLITE_LOCKED|EBUSY)/, 'STORAGE_LOCKED'],
  [/^(SQLITE_CORRUPT|SQLITE_NOTADB)/, 'STORAGE_DAMAGED'],
  [/^(SQLITE_CANTOPEN|SQLITE_PERM)/, 'STORAGE_UNAVAILABLE'],
  [/^(SQLITE_IOERR|EIO)/, 'STORAGE_IO'],
];

/** An encrypted administration opened without or with the wrong password (db/database-key.ts). */
const PASSWORD_CODES: ErrorCode[] = ['STORAGE_PASSWORD_REQUIRED', 'STORAGE_WRONG_PASSWORD', 'BACKUP_PASSWORD_REQUIRED', 'BACKUP_WRONG_PASSWORD'];

export const STORAGE_CODES = new Set<ErrorCode>([...BY_CODE.map(([, code]) => code), ...PASSWORD_CODES]);

/** The DomainError for a storage fault, or null when `error` is something else. */
export function storageError(error: unknown, file?: string): DomainError | null {
  if (error instanceof DomainError) return STORAGE_CODES.has(error.code) ? error : null;
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return null;
  const mapped = BY_CODE.find(([re]) => re.test(code))?.[1];
  if (!mapped) return null;
  return new DomainError(mapped, { cause: code, ...(file ? { file } : {}) });
}

/** The administration file failed its check: damaged, with the folder where its backups are. */
export function damaged(file: string, backups: string, result: string): DomainError {
  return new DomainError('STORAGE_DAMAGED', { file, backups, result: result.slice(0, 500) });
}

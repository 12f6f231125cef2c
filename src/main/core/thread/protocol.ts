import type { CoreEvent, RpcRequest, RpcResponse } from '../../../shared/rpc';
import type { ErrorBody } from '../../../shared/errors';

/**
 * The messages between a host (Electron's main thread, the web host) and a core worker.
 * Plain structured-clone data: requests and responses are the same envelopes the hosts carry.
 */
export interface CoreWorkerData {
  file: string;
  resourcesDir?: string;
  /**
   * 'writer' owns the file (migrations, every write); 'reader' answers reads on a second
   * connection; 'restore' puts `restoreFrom` in the file's place (no connection open) and ends.
   */
  role: 'writer' | 'reader' | 'restore';
  restoreFrom?: string;
  /**
   * A restore in two jobs (backups/restore-file.ts): 'prepare' unpacks and proves the copy
   * beside the file while it is still open, 'place' renames it over the closed file.
   */
  restoreStep?: 'prepare' | 'place';
  /** The password of the backup to restore, when it was made under another one than the administration's now. */
  backupPassword?: string | null;
  backupsDir?: string;
  /** The writer runs the after-restore steps (backups/after-restore.ts) once open. */
  afterRestoreFrom?: string;
  /** The writer names a new administration (administration-identity.ts). */
  name?: string;
  /** Read-only: another process holds the administration. */
  readOnlyAdministration?: boolean;
  /** Backups before big operations, and the file check left to the host (create-core.ts). */
  appMode?: boolean;
  /** A test date ('YYYY-MM-DD'): the core's clock starts there at 10:00 and runs on. */
  today?: string;
  /** The writer fills an empty administration with this many demo relations before it is ready. */
  demoIfEmpty?: number;
  actor?: string;
  checkOutput?: boolean;
  /** The password of an encrypted administration: passed to both connections, never written anywhere. */
  password?: string | null;
}

/** `callBytes` carries parameters and answer as transferred JSON bytes (core/rpc/byte-dispatch.ts). */
export type HostMessage =
  | { type: 'call'; id: number; request: RpcRequest }
  | { type: 'callBytes'; id: number; method: string; params: Uint8Array }
  | { type: 'close' };

export type WorkerMessage =
  | { type: 'ready'; migrated: { applied: string[]; backup: string | null } }
  | { type: 'failed'; message: string; error?: ErrorBody }
  | { type: 'reply'; id: number; response: RpcResponse }
  | { type: 'replyBytes'; id: number; response: Uint8Array }
  | { type: 'event'; event: CoreEvent }
  | { type: 'closed' };

/** Epoch ms of 10:00 local time on a test date, or null without one. */
export function testDateStart(today: string | undefined): number | null {
  if (today === undefined) return null;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(today) || Number.isNaN(new Date(`${today}T10:00:00`).getTime())) throw new Error(`invalid test date: ${today}`);
  return new Date(`${today}T10:00:00`).getTime();
}

import fs from 'node:fs';
import os from 'node:os';
import { DomainError } from '../../../shared/errors';
import { PRIVATE_FILE_MODE } from './private-files';

/**
 * One writer per administration: `<file>.lock` names who holds it (user, computer, process,
 * since). It is made with O_EXCL, so of two processes starting at once one wins. A lock
 * survives a crash, so it is only honoured while its process runs: a lock of a process on
 * this computer that no longer runs is stale and taken over. A lock from another computer
 * (a network share) cannot be checked and is honoured; the user is told who holds it.
 */
export interface LockHolder {
  user: string;
  host: string;
  pid: number;
  /** ISO timestamp. */
  since: string;
}

export interface FileLock {
  file: string;
  holder: LockHolder;
  release(): void;
}

const held = new Set<string>();

export const lockFileFor = (file: string) => `${file}.lock`;

function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readHolder(lockFile: string): LockHolder | null {
  try {
    const v = JSON.parse(fs.readFileSync(lockFile, 'utf8')) as Partial<LockHolder>;
    if (typeof v.pid !== 'number' || typeof v.host !== 'string') return null;
    return { user: String(v.user ?? '?'), host: v.host, pid: v.pid, since: String(v.since ?? '') };
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    // Half written (a kill between create and write) or unreadable: not a valid claim.
    return { user: '?', host: os.hostname(), pid: -1, since: '' };
  }
}

/** Who holds the file now, or null when nobody (a stale lock counts as nobody). */
export function lockHolder(file: string): LockHolder | null {
  const holder = readHolder(lockFileFor(file));
  if (!holder) return null;
  if (holder.host === os.hostname() && !(holder.pid === process.pid ? held.has(lockFileFor(file)) : running(holder.pid))) return null;
  return holder;
}

const sameClaim = (a: LockHolder | null, b: LockHolder | null) => a?.pid === b?.pid && a?.since === b?.since && a?.host === b?.host;

/**
 * Removes a stale lock so the next attempt can claim it with O_EXCL. Two processes may find
 * the same stale lock: the lock is first renamed away (only one gets it), and when what was
 * renamed is not the stale claim but a fresh one another process just made, it is put back.
 */
function takeOverStale(lockFile: string, stale: LockHolder | null): void {
  const aside = `${lockFile}.stale-${process.pid}`;
  try {
    fs.renameSync(lockFile, aside);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw e;
  }
  if (!sameClaim(readHolder(aside), stale)) {
    try {
      fs.linkSync(aside, lockFile);
    } catch {
      // Someone claimed it meanwhile: theirs stands.
    }
  }
  fs.rmSync(aside, { force: true });
}

/** Takes the lock or throws ADMINISTRATION_IN_USE naming the holder. */
export function acquireLock(file: string, now: () => number = Date.now): FileLock {
  const lockFile = lockFileFor(file);
  const holder: LockHolder = { user: os.userInfo().username, host: os.hostname(), pid: process.pid, since: new Date(now()).toISOString() };
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = fs.openSync(lockFile, 'wx', PRIVATE_FILE_MODE);
      try {
        fs.writeSync(fd, JSON.stringify(holder));
      } finally {
        fs.closeSync(fd);
      }
      held.add(lockFile);
      return {
        file,
        holder,
        release() {
          if (!held.delete(lockFile)) return;
          // Only our own claim is removed, never one a later process took over.
          if (readHolder(lockFile)?.pid === process.pid) fs.rmSync(lockFile, { force: true });
        },
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const current = lockHolder(file);
      if (current) throw new DomainError('ADMINISTRATION_IN_USE', { file, ...current });
      takeOverStale(lockFile, readHolder(lockFile));
    }
  }
  throw new DomainError('ADMINISTRATION_IN_USE', { file, user: '?', host: '?', pid: -1, since: '' });
}

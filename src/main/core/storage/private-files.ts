import fs from 'node:fs';
import { removeTemp, tempNameFor } from './temp-files';

/**
 * Files the app creates hold member data (names, addresses, IBANs), so they are readable by
 * the user alone: created 0600, folders 0700, before a byte is written. SQLite gives a
 * database's -wal, -shm and -journal files the main file's permissions, so creating the main
 * file privately covers those too. (Windows ignores the modes; its per-user folders are
 * private already.)
 */
export const PRIVATE_FILE_MODE = 0o600;
export const PRIVATE_DIR_MODE = 0o700;

/** Creates an empty private file; fails (EEXIST) when something is there already. */
export function createPrivateFile(file: string): void {
  fs.closeSync(fs.openSync(file, 'wx', PRIVATE_FILE_MODE));
}

/**
 * Writes a whole private file (an export), also when it replaces an existing file. A regular
 * file is written under a temporary name and renamed into place, so a full disk or a kill
 * never leaves half an export under the name the user asked for (the old file, if any, stays
 * whole). A device or pipe the user named (/dev/stdout) is written directly.
 */
export function writePrivateFile(file: string, data: Uint8Array | string): void {
  const existing = fs.statSync(file, { throwIfNoEntry: false });
  if (existing && !existing.isFile()) {
    fs.writeFileSync(file, data, { mode: PRIVATE_FILE_MODE });
    return;
  }
  const temp = tempNameFor(file);
  try {
    fs.writeFileSync(temp, data, { mode: PRIVATE_FILE_MODE, flag: 'w' });
    fs.renameSync(temp, file);
  } catch (e) {
    removeTemp(temp);
    throw e;
  }
}

/** Makes a folder (and missing parents) private when this creates it; an existing folder is left as the user made it. */
export function ensureDir(dir: string): void {
  fs.mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
}

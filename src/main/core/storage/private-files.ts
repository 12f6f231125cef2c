import fs from 'node:fs';

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

/** Writes a whole private file (an export); an existing file keeps its data out of reach while being replaced. */
export function writePrivateFile(file: string, data: Uint8Array | string): void {
  const existed = fs.existsSync(file);
  fs.writeFileSync(file, data, { mode: PRIVATE_FILE_MODE });
  // `mode` only applies when the file is new: an existing one is narrowed too.
  if (existed) fs.chmodSync(file, PRIVATE_FILE_MODE);
}

/** Makes a folder (and missing parents) private when this creates it; an existing folder is left as the user made it. */
export function ensureDir(dir: string): void {
  fs.mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
}

import fs from 'node:fs';
import path from 'node:path';

/**
 * Work in progress goes under a temporary name, `<target>.part-<pid>`, and is renamed into
 * place only when complete and verified: a crash or kill never leaves half a file under
 * the real name. What a killed process leaves behind is removed by the next run.
 */
const SUFFIXES = ['', '-wal', '-shm', '-journal'];
const PART = /\.part-(\d+)(?:-wal|-shm|-journal)?$/;

export function tempNameFor(target: string): string {
  return `${target}.part-${process.pid}`;
}

/** A temporary file and the files SQLite may have made beside it. */
export function removeTemp(temp: string): void {
  for (const suffix of SUFFIXES) fs.rmSync(`${temp}${suffix}`, { force: true });
}

function isRunning(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: it runs, as someone else.
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Removes the temporary files in `dir` left by processes that no longer run (a kill, a power cut). */
export function removeStaleTemps(dir: string): string[] {
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    const m = PART.exec(name);
    if (!m || isRunning(Number(m[1]))) continue;
    fs.rmSync(path.join(dir, name), { force: true });
    removed.push(name);
  }
  return removed;
}

/**
 * Puts a finished temporary file under its real name, never over an existing file
 * (EEXIST then). A hard link does that atomically; where the file system has none (a FAT
 * USB stick) the existence check and the rename are two steps.
 */
export function placeWithoutOverwrite(temp: string, target: string): void {
  try {
    fs.linkSync(temp, target);
    fs.rmSync(temp);
    return;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EEXIST' || !['EPERM', 'ENOTSUP', 'ENOSYS', 'EOPNOTSUPP', 'EXDEV'].includes(code ?? '')) throw e;
  }
  if (fs.existsSync(target)) throw Object.assign(new Error(`${target} exists`), { code: 'EEXIST' });
  fs.renameSync(temp, target);
}

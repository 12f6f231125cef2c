import fs from 'node:fs';
import path from 'node:path';
import type { Core } from '../core/create-core';
import { CliError } from './cli-error';

export { inspectFile, type FileState } from '../core/storage/inspect-file';
import { inspectFile, type FileState } from '../core/storage/inspect-file';
import { passwordFor } from './password';

function refuse(file: string, state: FileState): never {
  if (state === 'missing') throw new CliError(`bestand niet gevonden: ${file}; maak een nieuwe administratie met 'ledenbeheer new --db ${file} --name NAAM'`);
  if (state === 'directory') throw new CliError(`${file} is een map, geen administratiebestand`);
  if (state === 'blank') throw new CliError(`${file} is leeg: geen administratie`);
  throw new CliError(`${file} is geen Ledenbeheer-administratie`);
}

/**
 * The one place where the CLI opens an administration: it takes the file's lock first (one
 * writer per file: the app or another command holding it is named, ADMINISTRATION_IN_USE),
 * and the core makes its backups before big operations. The lock goes with `close()`.
 * An encrypted administration opens with its password (cli/password.ts: --password-file,
 * LEDENBEHEER_PASSWORD or a prompt).
 * The core is loaded on demand: 'help' and a wrong command line answer without it.
 */
async function create(file: string, password: string | null = null): Promise<Core> {
  const { createCore } = await import('../core/create-core');
  const { acquireLock } = await import('../core/storage/file-lock');
  const { ensureDir } = await import('../core/storage/private-files');
  ensureDir(path.dirname(path.resolve(file)));
  const lock = acquireLock(file);
  let core: Core;
  try {
    core = createCore({ file, autoBackups: true, password });
  } catch (e) {
    lock.release();
    throw e;
  }
  const close = core.close.bind(core);
  core.close = () => {
    close();
    if (!core.backups.busy()) {
      lock.release();
      return;
    }
    // A backup before the command (a merge, an import) is compressed after the copy: the
    // command is done, and the file free again, once it is in place.
    const landed = core.backups.settle().finally(() => lock.release());
    landing.add(landed);
    void landed.finally(() => landing.delete(landed));
  };
  return core;
}

const landing = new Set<Promise<void>>();

/** Waits until the backups of the administrations this command opened are in place (runCli's last step). */
export async function backupsLanded(): Promise<void> {
  await Promise.allSettled([...landing]);
}

/** An existing administration (search, export, backup); an encrypted one with its password (cli/password.ts). */
export async function openAdministration(file: string): Promise<Core> {
  const state = inspectFile(file);
  if (state === 'encrypted') return create(file, await passwordFor(file));
  if (state !== 'administration') refuse(file, state);
  return create(file);
}

/**
 * "Open, do, close" for every command that works on an existing administration: the close
 * (which frees the lock once the command's backups are in place, see `create`) comes also
 * when `fn` throws, so a refused command leaves the file free for the next one.
 */
export async function withAdministration<T>(file: string, fn: (core: Core) => Promise<T>): Promise<T> {
  const core = await openAdministration(file);
  try {
    return await fn(core);
  } finally {
    core.close();
  }
}

/**
 * The target of a command that fills an administration (demo, import): a new file, an empty
 * file or an existing administration (whose emptiness the core checks). `discard` removes
 * a file this command created, so a failed run leaves nothing behind.
 */
export async function openTarget(file: string): Promise<{ core: Core; discard: () => void }> {
  const state = inspectFile(file);
  if (state !== 'missing' && state !== 'blank' && state !== 'administration' && state !== 'encrypted') refuse(file, state);
  const core = await create(file, state === 'encrypted' ? await passwordFor(file) : null);
  const created = state !== 'administration' && state !== 'encrypted';
  return {
    core,
    discard: () => {
      core.close();
      if (created) for (const suffix of ['', '-wal', '-shm']) fs.rmSync(`${file}${suffix}`, { force: true });
    },
  };
}

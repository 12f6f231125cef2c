import fs from 'node:fs';
import path from 'node:path';
import type { Core } from '../core/create-core';
import { CliError } from './cli-error';

export { inspectFile, type FileState } from '../core/storage/inspect-file';
import { inspectFile, type FileState } from '../core/storage/inspect-file';

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
 * The core is loaded on demand: 'help' and a wrong command line answer without it.
 */
async function create(file: string): Promise<Core> {
  const { createCore } = await import('../core/create-core');
  const { acquireLock } = await import('../core/storage/file-lock');
  const { ensureDir } = await import('../core/storage/private-files');
  ensureDir(path.dirname(path.resolve(file)));
  const lock = acquireLock(file);
  let core: Core;
  try {
    core = createCore({ file, autoBackups: true });
  } catch (e) {
    lock.release();
    throw e;
  }
  const close = core.close.bind(core);
  core.close = () => {
    close();
    lock.release();
  };
  return core;
}

/** An existing administration (search, export, backup). */
export async function openAdministration(file: string): Promise<Core> {
  const state = inspectFile(file);
  if (state !== 'administration') refuse(file, state);
  return create(file);
}

/**
 * The target of a command that fills an administration (demo, import): a new file, an empty
 * file or an existing administration (whose emptiness the core checks). `discard` removes
 * a file this command created, so a failed run leaves nothing behind.
 */
export async function openTarget(file: string): Promise<{ core: Core; discard: () => void }> {
  const state = inspectFile(file);
  if (state !== 'missing' && state !== 'blank' && state !== 'administration') refuse(file, state);
  const core = await create(file);
  const created = state !== 'administration';
  return {
    core,
    discard: () => {
      core.close();
      if (created) for (const suffix of ['', '-wal', '-shm']) fs.rmSync(`${file}${suffix}`, { force: true });
    },
  };
}

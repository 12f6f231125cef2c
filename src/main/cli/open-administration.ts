import fs from 'node:fs';
import Database from 'better-sqlite3';
import type { Core } from '../core/create-core';
import { CliError } from './cli-error';
import { storageError } from '../core/storage/storage-errors';
import { isEncryptedFile } from '../core/db/database-key';
import { passwordFor } from './password';

export type FileState = 'missing' | 'blank' | 'administration' | 'encrypted' | 'directory' | 'not-an-administration';

const SQLITE_HEADER = 'SQLite format 3\u0000';

/**
 * What is at `file`, without changing it: opening an arbitrary SQLite file with the core
 * would run our migrations on it and turn someone else's database into half an administration.
 */
export function inspectFile(file: string): FileState {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    return 'missing';
  }
  if (stat.isDirectory()) return 'directory';
  if (stat.size === 0) return 'blank';
  const fd = fs.openSync(file, 'r');
  const head = Buffer.alloc(16);
  try {
    fs.readSync(fd, head, 0, 16, 0);
  } finally {
    fs.closeSync(fd);
  }
  // An encrypted file has no plain header; its password proves it is an administration.
  if (head.toString('latin1') !== SQLITE_HEADER) return isEncryptedFile(file) ? 'encrypted' : 'not-an-administration';
  try {
    const db = new Database(file, { readonly: true, fileMustExist: true });
    try {
      const names = new Set(
        (db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).all() as { name: string }[]).map((r) => r.name),
      );
      if (names.has('__drizzle_migrations') && names.has('relations') && names.has('audit_log')) return 'administration';
      // A first open killed after drizzle made its table (by a version that did not build
      // new files under a temporary name): nothing in it yet, so it counts as blank.
      const halfMade = names.size === 1 && names.has('__drizzle_migrations') && !db.prepare('SELECT 1 FROM __drizzle_migrations LIMIT 1').get();
      return halfMade ? 'blank' : 'not-an-administration';
    } finally {
      db.close();
    }
  } catch (e) {
    // Read-only, locked or damaged is not "someone else's file": say what it is.
    const fault = storageError(e, file);
    if (fault) throw fault;
    return 'not-an-administration';
  }
}

function refuse(file: string, state: FileState): never {
  if (state === 'missing') throw new CliError(`bestand niet gevonden: ${file}`);
  if (state === 'directory') throw new CliError(`${file} is een map, geen administratiebestand`);
  if (state === 'blank') throw new CliError(`${file} is leeg: geen administratie`);
  throw new CliError(`${file} is geen Ledenbeheer-administratie`);
}

// The core is loaded on demand: 'help' and a wrong command line answer without it.
async function create(file: string, password: string | null = null): Promise<Core> {
  const { createCore } = await import('../core/create-core');
  return createCore({ file, password });
}

/** An existing administration (search, export, backup); an encrypted one with its password (cli/password.ts). */
export async function openAdministration(file: string): Promise<Core> {
  const state = inspectFile(file);
  if (state === 'encrypted') return create(file, await passwordFor(file));
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

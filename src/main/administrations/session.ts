import fs from 'node:fs';
import path from 'node:path';
import { hostContract, isHostMethod, type AdministrationState, type HostMethod, type HostOutput, type HostParsedInput } from '../../shared/contract/administrations';
import { DomainError } from '../../shared/errors';
import type { CoreEvent, CoreService, RpcRequest, RpcResponse } from '../../shared/rpc';
import { zodIssues } from '../core/rpc/dispatcher';
import { dispatchBytes } from '../core/rpc/byte-dispatch';
import { acquireLock, type FileLock } from '../core/storage/file-lock';
import { storageError } from '../core/storage/storage-errors';
import { removeTemp, tempNameFor } from '../core/storage/temp-files';
import { ensureDir } from '../core/storage/private-files';
import { storageWarning } from '../core/storage/sync-folder';
import { restoreOnWorker, startCoreThread, type CoreThread, type CoreThreadOptions } from '../thread/core-thread';
import { BACKUP_INTERVAL_MINUTES } from '../core/backups/backup-service';
import { inspectFile } from '../core/storage/inspect-file';
import { changeKey, checkPassword, isEncryptedFile } from '../core/db/database-key';
import { recentList } from './recent-list';
import { idleLockPreferences } from './idle-lock';
import type { RememberedPasswords } from './remembered-passwords';

/**
 * The host's session: which administration is open, if any. Hosts (Electron, the web host)
 * carry this service instead of one core: the start screen's methods (`administrations.*`)
 * are answered here, every other call goes to the open administration's core threads, and
 * with none open a call is NO_ADMINISTRATION. The session holds the file's lock (one writer
 * per file), checks the file and backs it up after it opened, backs up every few minutes
 * while something changes, and restores a backup with the file closed.
 *
 * An encrypted administration (core/db/database-key.ts, docs/encryption.md) is opened in a
 * step more: without its password (none given, none remembered) the session is `locked` on
 * that file and the start screen asks it (administrations.unlock). The password lives in
 * memory only while the file is open, and goes with the core threads on close or on the idle
 * lock, which closes the threads and leaves the session locked on the same file. Encrypting
 * and changing the password close the threads, re-key the file and open it again.
 */
export interface SessionOptions {
  /** The app's data folder: the recent list, the demo, new administrations by default. */
  dataDir: string;
  resourcesDir?: string;
  /** A test date for the cores' clock (`--today`). */
  today?: string;
  /** Relations in a new demo. */
  demoRelations?: number;
  /** Native file dialogs (Electron); the web host has none and asks for a path. */
  pickFile?: (purpose: 'new' | 'open', suggestedName: string) => Promise<string | null>;
  /** For tests: another worker entry. */
  entry?: string;
  /** "Wachtwoord onthouden op deze computer" (Electron's safeStorage); none: always asked. */
  remembered?: RememberedPasswords;
  checkOutput?: boolean;
}

export interface Session extends CoreService {
  state(): AdministrationState;
  /**
   * A host's start with a file named on its command line (`--db`): opened, or created when
   * missing (filled with a demo of `demoIfEmpty` relations). A fault does not stop the host:
   * it lands on the start screen, which says what happened.
   */
  openAtStart(file: string, opts?: { demoIfEmpty?: number }): Promise<AdministrationState>;
  open(file: string, opts?: { readOnly?: boolean }): Promise<AdministrationState>;
  close(): Promise<void>;
}

interface Current {
  file: string;
  thread: CoreThread;
  lock: FileLock | null;
  readOnly: boolean;
  name: string;
  demo: boolean;
  damaged: boolean;
  generation: number;
  /** The key of an encrypted administration, null for a plain one; memory only. */
  password: string | null;
  unsubscribe: () => void;
}

interface Locked {
  file: string;
  reason: 'password' | 'idle';
  readOnly: boolean;
  /**
   * Idle-locked, the session still holds the file's lock (one writer per file): the threads
   * and the key are gone, but no other process may open the file for writing meanwhile.
   */
  lock: FileLock | null;
}

const fail = (e: unknown): RpcResponse => {
  const domain = e instanceof DomainError ? e : storageError(e);
  if (domain) return { ok: false, error: domain.toBody() };
  console.error('[session] failed', e);
  return { ok: false, error: { code: 'INTERNAL', details: { reason: 'SESSION_FAILED' } } };
};

async function call<T>(thread: CoreService, method: string, params: unknown): Promise<T> {
  const r = await thread.dispatch({ method, params });
  if (!r.ok) throw new DomainError(r.error.code, r.error.details, r.error.issues);
  return r.result as T;
}

export function createSession(opts: SessionOptions): Session {
  const listeners = new Set<(e: CoreEvent) => void>();
  const emit = (e: CoreEvent) => listeners.forEach((l) => l(e));
  const recent = recentList(opts.dataDir);
  let current: Current | null = null;
  let locked: Locked | null = null;
  const idleLock = idleLockPreferences(opts.dataDir);
  // Known once the keychain answered (it is asynchronous); until then remembering is not offered.
  let canRemember = false;
  void opts.remembered?.available().then((yes) => (canRemember = yes), () => undefined);
  let startError: AdministrationState['startError'] = null;
  let generation = 0;
  // One open/close/restore at a time: a second click waits for the first.
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(fn: () => Promise<T>): Promise<T> => {
    const next = queue.then(fn, fn);
    queue = next.catch(() => undefined);
    return next;
  };
  const timer = setInterval(() => {
    if (current && !current.readOnly) void call(current.thread, 'backups.create', { reason: 'interval', onlyIfChanged: true }).catch((e: unknown) => console.error('[session] periodic backup failed', e));
  }, BACKUP_INTERVAL_MINUTES * 60_000);
  timer.unref();

  function state(): AdministrationState {
    return {
      open: current
        ? {
            file: current.file,
            name: current.name,
            demo: current.demo,
            readOnly: current.readOnly,
            warning: storageWarning(current.file),
            damaged: current.damaged,
            generation: current.generation,
            encrypted: current.password !== null,
            idleLockMinutes: idleLock.minutes(current.file),
            remembered: opts.remembered?.has(current.file) ?? false,
          }
        : null,
      recent: recent.list().filter((r) => !current || path.resolve(r.file) !== path.resolve(current.file)),
      canPickFiles: Boolean(opts.pickFile),
      defaultFolder: opts.dataDir,
      startError,
      locked: locked ? { file: locked.file, fileName: path.basename(locked.file), reason: locked.reason } : null,
      canRemember,
    };
  }

  async function closeCurrent(keepLock = false): Promise<FileLock | null> {
    // Leaving a locked state (another file, close, quit) gives up the file it was locked on.
    locked?.lock?.release();
    locked = null;
    const c = current;
    if (!c) return null;
    current = null;
    c.unsubscribe();
    await c.thread.close();
    if (!keepLock) c.lock?.release();
    return keepLock ? c.lock : null;
  }

  /** `keepLock`: a failed start leaves a given lock held (the idle-locked session keeps it for the next try). */
  async function start(file: string, o: { readOnly?: boolean; name?: string; demoIfEmpty?: number; afterRestoreFrom?: string; lock?: FileLock | null; keepLock?: boolean; background?: boolean; password?: string | null; generation?: number } = {}): Promise<void> {
    const readOnly = o.readOnly ?? false;
    if (!readOnly) ensureDir(path.dirname(file));
    const lock = readOnly ? null : (o.lock ?? acquireLock(file));
    let thread: CoreThread;
    try {
      const threadOpts: CoreThreadOptions = {
        file,
        appMode: true,
        ...(opts.resourcesDir ? { resourcesDir: opts.resourcesDir } : {}),
        ...(opts.today ? { today: opts.today } : {}),
        ...(opts.entry ? { entry: opts.entry } : {}),
        ...(opts.checkOutput ? { checkOutput: true } : {}),
        ...(readOnly ? { readOnlyAdministration: true } : {}),
        ...(o.name !== undefined ? { name: o.name } : {}),
        ...(o.demoIfEmpty ? { demoIfEmpty: o.demoIfEmpty } : {}),
        ...(o.afterRestoreFrom ? { afterRestoreFrom: o.afterRestoreFrom } : {}),
        ...(o.password ? { password: o.password } : {}),
      };
      thread = await startCoreThread(threadOpts);
    } catch (e) {
      if (!(o.keepLock && o.lock === lock)) lock?.release();
      throw e;
    }
    const info = await call<{ administration: { name: string; demo: boolean } }>(thread, 'app.info', {});
    const c: Current = {
      file,
      thread,
      lock,
      readOnly,
      name: info.administration.name,
      demo: info.administration.demo,
      damaged: false,
      generation: o.generation ?? ++generation,
      password: o.password ?? null,
      unsubscribe: thread.onEvent(emit),
    };
    current = c;
    locked = null;
    startError = null;
    recent.add({ file, name: c.name, openedAt: new Date().toISOString(), demo: c.demo });
    emit({ name: 'administration.changed', payload: { file } });
    if (o.background !== false) void afterOpen(c);
  }

  /** After the window shows: the full file check, then the backup on opening (both on the writer, so the first screen's reads do not wait). */
  async function afterOpen(c: Current): Promise<void> {
    try {
      const check = await call<{ ok: boolean }>(c.thread, 'backups.checkFile', {});
      if (!check.ok) throw new DomainError('STORAGE_DAMAGED', { file: c.file });
      if (!c.readOnly && !c.demo) await call(c.thread, 'backups.create', { reason: 'open' });
    } catch (e) {
      if (current !== c) return;
      const code = e instanceof DomainError ? e.code : 'INTERNAL';
      if (code === 'STORAGE_DAMAGED') c.damaged = true;
      console.error('[session] check or backup after opening failed', e);
      emit({ name: 'administration.problem', payload: { code, file: c.file } });
    }
  }

  async function open(file: string, o: { readOnly?: boolean } = {}): Promise<AdministrationState> {
    const abs = path.resolve(file);
    if (current && path.resolve(current.file) === abs && current.readOnly === (o.readOnly ?? false)) return state();
    const kind = inspectFile(abs);
    if (kind === 'missing') throw new DomainError('ADMINISTRATION_NOT_FOUND', { file: abs });
    if (kind !== 'administration' && kind !== 'encrypted') throw new DomainError('NOT_AN_ADMINISTRATION', { file: abs });
    await closeCurrent();
    if (kind === 'encrypted') await openEncrypted(abs, { readOnly: o.readOnly ?? false, reason: 'password' });
    else await start(abs, o);
    return state();
  }

  /**
   * An encrypted file: with its remembered password when there is one (a stale one is
   * forgotten), else the session waits locked on it for administrations.unlock.
   */
  async function openEncrypted(file: string, o: { readOnly: boolean; reason: Locked['reason'] }): Promise<void> {
    const remembered = o.reason === 'password' ? await opts.remembered?.get(file) : null;
    if (remembered) {
      try {
        await start(file, { readOnly: o.readOnly, password: remembered });
        return;
      } catch (e) {
        if (!(e instanceof DomainError && e.code === 'STORAGE_WRONG_PASSWORD')) throw e;
        opts.remembered?.forget(file);
      }
    }
    locked = { file, reason: o.reason, readOnly: o.readOnly, lock: null };
  }

  /** The open administration, for the methods of Settings → Beveiliging. */
  function writable(): Current {
    if (!current) throw new DomainError('NO_ADMINISTRATION');
    if (current.readOnly) throw new DomainError('ADMINISTRATION_READ_ONLY');
    return current;
  }

  /**
   * Closes the threads (keeping the file's lock), changes the key of the file and opens it
   * again with the key it has afterwards: a failed re-key leaves the old key, and the file
   * opens with that one, as it was.
   */
  async function rekey(c: Current, next: string): Promise<void> {
    checkPassword(next);
    const lock = await closeCurrent(true);
    let key = c.password;
    try {
      changeKey(c.file, c.password, next);
      key = next;
    } finally {
      // The same data under another key: the screens stay (same generation), Settings shows the result.
      await start(c.file, { lock, password: key, generation: c.generation });
    }
  }

  const handlers: { [M in HostMethod]: (input: HostParsedInput<M>) => Promise<HostOutput<M>> } = {
    'administrations.state': () => Promise.resolve(state()),
    'administrations.create': ({ name, file, password }) =>
      serial(async () => {
        if (!path.isAbsolute(file)) throw new DomainError('VALIDATION_FAILED', undefined, [{ field: 'file', code: 'FILE_NOT_ABSOLUTE' }]);
        if (password !== undefined) checkPassword(password);
        const kind = inspectFile(file);
        if (kind !== 'missing' && kind !== 'blank') throw new DomainError('CONFLICT', { reason: 'FILE_EXISTS', file });
        await closeCurrent();
        // With a password the core builds the file encrypted from its first page (db/open-database.ts).
        await start(path.resolve(file), { name, password: password ?? null });
        return state();
      }),
    'administrations.open': ({ file, readOnly }) => serial(() => open(file, { readOnly })),
    'administrations.openDemo': () =>
      serial(async () => {
        const file = path.join(opts.dataDir, 'demo-vereniging.sqlite');
        if (current && path.resolve(current.file) === path.resolve(file)) return state();
        await closeCurrent();
        await start(file, { demoIfEmpty: fs.existsSync(file) ? 0 : (opts.demoRelations ?? 5000) });
        return state();
      }),
    'administrations.unlock': ({ password, remember }) =>
      serial(async () => {
        const l = locked;
        if (!l) {
          if (current) return state();
          throw new DomainError('NO_ADMINISTRATION');
        }
        // A wrong password rejects here and the session stays locked on the file (and keeps its lock).
        await start(l.file, { readOnly: l.readOnly, password, background: l.reason === 'password', lock: l.lock, keepLock: true });
        if (remember && canRemember) await opts.remembered?.remember(l.file, password);
        return state();
      }),
    'administrations.lock': () =>
      serial(async () => {
        const c = current;
        if (!c || c.password === null) return state();
        const lock = await closeCurrent(true);
        locked = { file: c.file, reason: 'idle', readOnly: c.readOnly, lock };
        emit({ name: 'administration.changed', payload: { file: c.file } });
        return state();
      }),
    'administrations.encrypt': ({ password, remember }) =>
      serial(async () => {
        const c = writable();
        if (c.password !== null || isEncryptedFile(c.file)) throw new DomainError('CONFLICT', { reason: 'ALREADY_ENCRYPTED' });
        await rekey(c, password);
        // The backups made before now are plain: re-encrypted with the new key (docs/encryption.md).
        if (current) await call(current.thread, 'backups.encryptPlain', {});
        if (remember && canRemember) await opts.remembered?.remember(c.file, password);
        return state();
      }),
    'administrations.changePassword': ({ current: typed, next }) =>
      serial(async () => {
        const c = writable();
        if (c.password === null) throw new DomainError('CONFLICT', { reason: 'NOT_ENCRYPTED' });
        if (typed !== c.password) throw new DomainError('STORAGE_WRONG_PASSWORD', { file: c.file });
        await rekey(c, next);
        // The remembered one is the old password now.
        opts.remembered?.forget(c.file);
        return state();
      }),
    'administrations.setIdleLock': ({ minutes }) => {
      if (!current) throw new DomainError('NO_ADMINISTRATION');
      idleLock.set(current.file, minutes);
      return Promise.resolve(state());
    },
    'administrations.forgetPassword': () => {
      if (current) opts.remembered?.forget(current.file);
      return Promise.resolve(state());
    },
    'administrations.close': () =>
      serial(async () => {
        await closeCurrent();
        emit({ name: 'administration.changed', payload: { file: null } });
        return state();
      }),
    'administrations.pickFile': async ({ purpose, suggestedName }) => ({ file: opts.pickFile ? await opts.pickFile(purpose, suggestedName ?? '') : null }),
    'administrations.restore': ({ name, password: backupPassword }) =>
      serial(async () => {
        const c = current;
        if (!c) throw new DomainError('NO_ADMINISTRATION');
        if (c.readOnly) throw new DomainError('ADMINISTRATION_READ_ONLY');
        const list = await call<{ folder: string; rows: HostOutput<'administrations.restore'>['restored'][] }>(c.thread, 'backups.list', {});
        const chosen = list.rows.find((r) => r.name === name);
        if (!chosen) throw new DomainError('NOT_FOUND', { entity: 'backup', id: name });
        const job = { file: c.file, from: chosen.file, backupsDir: list.folder, password: c.password, backupPassword: backupPassword ?? null, ...(opts.entry ? { entry: opts.entry } : {}) };
        // The copy is unpacked and proven first, with the file still open: a wrong or missing
        // backup password or a damaged copy changes nothing and leaves no backup behind, so
        // the screens stay and Settings can ask or explain. It keeps the current key (restore-file.ts).
        await restoreOnWorker({ ...job, step: 'prepare' });
        let lock: FileLock | null = null;
        let before: { backup: HostOutput<'administrations.restore'>['before'] };
        try {
          // Then the current state, so the restore itself can be undone.
          before = await call<{ backup: HostOutput<'administrations.restore'>['before'] }>(c.thread, 'backups.create', { reason: 'restore' });
          lock = await closeCurrent(true);
          await restoreOnWorker({ ...job, step: 'place' });
        } catch (e) {
          removeTemp(tempNameFor(c.file));
          // Nothing was restored (the file was in use, a disk fault): the same data, same generation.
          if (!current) await start(c.file, { lock, readOnly: false, password: c.password, generation: c.generation });
          throw e;
        }
        await start(c.file, { lock, afterRestoreFrom: chosen.file, password: c.password });
        return { restored: chosen, before: before.backup };
      }),
  };

  function dispatch(request: RpcRequest): Promise<RpcResponse> {
    if (isHostMethod(request.method)) return dispatchHost(request.method, request.params);
    if (locked && !current) return Promise.resolve({ ok: false, error: new DomainError('STORAGE_PASSWORD_REQUIRED', { file: path.basename(locked.file) }).toBody() });
    if (!current) return Promise.resolve({ ok: false, error: { code: 'NO_ADMINISTRATION' } });
    return current.thread.dispatch(request);
  }

  async function dispatchHost(method: HostMethod, params: unknown): Promise<RpcResponse> {
    const parsed = hostContract[method].input.safeParse(params ?? {});
    if (!parsed.success) return { ok: false, error: { code: 'VALIDATION_FAILED', details: { method }, issues: zodIssues(parsed.error) } };
    try {
      const handler = handlers[method] as (input: unknown) => Promise<unknown>;
      return { ok: true, result: await handler(parsed.data) };
    } catch (e) {
      return fail(e);
    }
  }

  return {
    state,
    open: (file, o) => serial(() => open(file, o)),
    openAtStart: (file, o = {}) =>
      serial(async () => {
        const abs = path.resolve(file);
        try {
          const kind = inspectFile(abs);
          if (kind !== 'missing' && kind !== 'blank' && kind !== 'administration' && kind !== 'encrypted') throw new DomainError('NOT_AN_ADMINISTRATION', { file: abs });
          if (kind === 'encrypted') await openEncrypted(abs, { readOnly: false, reason: 'password' });
          else await start(abs, { ...(kind !== 'administration' && o.demoIfEmpty ? { demoIfEmpty: o.demoIfEmpty } : {}) });
        } catch (e) {
          const body = fail(e);
          startError = body.ok ? null : { code: body.error.code, details: { file: abs, ...(body.error.details ?? {}) } };
          console.error(`Ledenbeheer: ${abs} kon niet worden geopend (${startError?.code ?? 'INTERNAL'}); het startscherm opent.`);
        }
        return state();
      }),
    dispatch,
    dispatchBytes(method: string, params: Uint8Array) {
      // Only a call the open core answers crosses as bytes; the session's own methods and refusals are small.
      if (isHostMethod(method) || !current) return dispatchBytes(dispatch, method, params);
      return current.thread.dispatchBytes(method, params);
    },
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async close() {
      clearInterval(timer);
      await serial(() => closeCurrent());
    },
  };
}

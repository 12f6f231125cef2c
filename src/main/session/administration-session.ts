import fs from 'node:fs';
import path from 'node:path';
import type { CoreEvent, CoreService, RpcRequest, RpcResponse } from '../../shared/rpc';
import { DomainError } from '../../shared/errors';
import { sessionContract, type SessionMethod } from '../../shared/contract/session';
import { changeKey, checkPassword, isEncryptedFile } from '../core/db/database-key';
import { createPrivateFile } from '../core/storage/private-files';
import type { RememberedPasswords } from './remembered-passwords';

/** What the session needs of a started core: the core thread (thread/core-thread.ts) has it. */
export interface OpenCore extends CoreService {
  close(): Promise<void>;
}

export interface SessionOptions {
  file: string;
  /** Starts the core on the file; a wrong password rejects with STORAGE_WRONG_PASSWORD. */
  open: (password: string | null) => Promise<OpenCore>;
  remembered?: RememberedPasswords;
  /** Where the idle-lock setting of each administration is kept on this computer. */
  preferencesFile?: string;
}

export interface AdministrationSession extends CoreService {
  readonly file: string;
  close(): Promise<void>;
}

const DEFAULT_IDLE_MINUTES = 10;
const fail = (code: DomainError['code'], details?: Record<string, unknown>): RpcResponse => ({ ok: false, error: new DomainError(code, details).toBody() });

/**
 * The open administration as the hosts (web host, Electron IPC) see it: a CoreService that is
 * either open (calls go to the core) or locked (an encrypted file not yet unlocked, or locked
 * after idle time: the core is closed and its key is gone from memory; calls get
 * STORAGE_PASSWORD_REQUIRED). The `session.*` methods are answered here, checked with their
 * zod schemas like every other call. Events of each core pass through to the same listeners.
 */
export async function openAdministrationSession(opts: SessionOptions): Promise<AdministrationSession> {
  const listeners = new Set<(e: CoreEvent) => void>();
  let core: OpenCore | null = null;
  let unsubscribe: (() => void) | null = null;
  let password: string | null = null;
  let busy: Promise<unknown> = Promise.resolve();

  const prefs = (): Record<string, { idleLockMinutes?: number }> => {
    try {
      return opts.preferencesFile ? (JSON.parse(fs.readFileSync(opts.preferencesFile, 'utf8')) as Record<string, { idleLockMinutes?: number }>) : {};
    } catch {
      return {};
    }
  };
  const idleMinutes = () => prefs()[path.resolve(opts.file)]?.idleLockMinutes ?? DEFAULT_IDLE_MINUTES;

  async function start(pw: string | null): Promise<void> {
    const started = await opts.open(pw);
    core = started;
    password = pw;
    unsubscribe = started.onEvent((e) => listeners.forEach((l) => l(e)));
  }
  async function stop(): Promise<void> {
    unsubscribe?.();
    unsubscribe = null;
    const c = core;
    core = null;
    password = null;
    await c?.close();
  }
  /** One session change at a time: a second unlock waits for the first. */
  const serial = <T>(fn: () => Promise<T>): Promise<T> => {
    const next = busy.then(fn, fn);
    busy = next.catch(() => undefined);
    return next;
  };

  const handlers: Record<SessionMethod, (input: never) => Promise<unknown>> = {
    'session.status': async () => ({
      state: core ? 'open' : 'locked',
      encrypted: isEncryptedFile(opts.file),
      fileName: path.basename(opts.file),
      idleLockMinutes: idleMinutes(),
      canRemember: (await opts.remembered?.available()) ?? false,
      remembered: (await opts.remembered?.get(opts.file)) != null,
    }),
    'session.unlock': (input: { password: string; remember?: boolean }) =>
      serial(async () => {
        if (core) return { ok: true };
        await start(input.password);
        if (input.remember) await opts.remembered?.remember(opts.file, input.password);
        return { ok: true };
      }),
    'session.lock': () =>
      serial(async () => {
        if (isEncryptedFile(opts.file)) await stop();
        return { ok: true };
      }),
    'session.encrypt': (input: { password: string; remember?: boolean }) =>
      serial(async () => {
        if (isEncryptedFile(opts.file)) throw new DomainError('CONFLICT', { reason: 'ALREADY_ENCRYPTED' });
        checkPassword(input.password);
        await stop();
        try {
          changeKey(opts.file, null, input.password);
        } finally {
          await start(isEncryptedFile(opts.file) ? input.password : null);
        }
        if (input.remember) await opts.remembered?.remember(opts.file, input.password);
        return { ok: true };
      }),
    'session.changePassword': (input: { current: string; next: string }) =>
      serial(async () => {
        if (!isEncryptedFile(opts.file)) throw new DomainError('CONFLICT', { reason: 'NOT_ENCRYPTED' });
        if (core && input.current !== password) throw new DomainError('STORAGE_WRONG_PASSWORD', { file: opts.file });
        checkPassword(input.next);
        const reopen = core !== null;
        await stop();
        let now = input.current;
        try {
          changeKey(opts.file, input.current, input.next);
          now = input.next;
          opts.remembered?.forget(opts.file);
        } finally {
          if (reopen) await start(now);
        }
        return { ok: true };
      }),
    'session.setIdleLock': async (input: { minutes: number }) => {
      if (!opts.preferencesFile) return { ok: true };
      if (!fs.existsSync(opts.preferencesFile)) {
        fs.mkdirSync(path.dirname(opts.preferencesFile), { recursive: true });
        createPrivateFile(opts.preferencesFile);
      }
      const all = prefs();
      all[path.resolve(opts.file)] = { ...all[path.resolve(opts.file)], idleLockMinutes: input.minutes };
      fs.writeFileSync(opts.preferencesFile, JSON.stringify(all));
      return { ok: true };
    },
    'session.forgetPassword': async () => {
      opts.remembered?.forget(opts.file);
      return { ok: true };
    },
  };

  async function dispatchSession(method: SessionMethod, params: unknown): Promise<RpcResponse> {
    const parsed = sessionContract[method].input.safeParse(params ?? {});
    if (!parsed.success) {
      return { ok: false, error: { code: 'VALIDATION_FAILED', issues: parsed.error.issues.map((i) => ({ field: i.path.join('.'), code: 'INPUT_INVALID_FORMAT' })) } };
    }
    try {
      return { ok: true, result: await handlers[method](parsed.data as never) };
    } catch (e) {
      if (e instanceof DomainError) return { ok: false, error: e.toBody() };
      throw e;
    }
  }

  // An encrypted file opens with a remembered password when there is one, else waits locked.
  const encrypted = isEncryptedFile(opts.file);
  if (!encrypted) await start(null);
  else {
    const remembered = await opts.remembered?.get(opts.file);
    if (remembered) await start(remembered).catch(() => opts.remembered?.forget(opts.file));
  }

  return {
    file: opts.file,
    dispatch(request: RpcRequest): Promise<RpcResponse> {
      if (request.method in sessionContract) return dispatchSession(request.method as SessionMethod, request.params);
      if (!core) return Promise.resolve(fail('STORAGE_PASSWORD_REQUIRED', { file: path.basename(opts.file) }));
      return core.dispatch(request);
    },
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close: () => serial(stop),
  };
}

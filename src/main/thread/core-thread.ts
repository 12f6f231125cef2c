import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { READ_CONNECTION_METHODS } from '../../shared/contract/read-methods';
import type { MethodName } from '../../shared/contract';
import type { CoreEvent, CoreService, RpcRequest, RpcResponse } from '../../shared/rpc';
import type { CoreWorkerData, HostMessage, WorkerMessage } from '../core/thread/protocol';
import { DomainError } from '../../shared/errors';
import { encodeResponse, ownBuffer } from '../core/rpc/byte-dispatch';

export interface CoreThreadOptions extends Omit<CoreWorkerData, 'role'> {
  /** The worker entry; found next to this module (built) or in the sources (tsx) by default. */
  entry?: string;
}

export interface CoreThread extends CoreService {
  file: string;
  migrated: { applied: string[]; backup: string | null };
  /** Closes both connections; a call still running is answered CORE_STOPPED. */
  close(): Promise<void>;
}

const here = path.dirname(fileURLToPath(import.meta.url));

/**
 * The worker entry: the built bundle beside the host's bundle (out/main/core-worker.js), else
 * the TypeScript source, which the worker loads through tsx like the host itself.
 */
export function coreWorkerEntry(): string {
  const built = path.join(here, 'core-worker.js');
  if (fs.existsSync(built)) return built;
  return path.resolve(here, '..', 'core', 'thread', 'core-worker.ts');
}

/** A worker's execArgv: a .ts entry needs the TypeScript loader in the worker too (vitest's own loader does not reach it). */
export function workerExecArgv(entry: string): string[] {
  return entry.endsWith('.ts') && !process.execArgv.join(' ').includes('tsx') ? [...process.execArgv, '--import', 'tsx'] : process.execArgv;
}

const STOPPED: RpcResponse = { ok: false, error: { code: 'INTERNAL', details: { reason: 'CORE_STOPPED' } } };

/** One worker and its request/response bookkeeping. */
function startWorker(entry: string, data: CoreWorkerData, onEvent: (e: CoreEvent) => void) {
  const worker = new Worker(entry, { workerData: data, execArgv: workerExecArgv(entry), name: `core-${data.role}` });
  const pending = new Map<number, (r: RpcResponse) => void>();
  const pendingBytes = new Map<number, (r: Uint8Array) => void>();
  let nextId = 1;
  let alive = true;
  let closed: (() => void) | null = null;

  const ready = new Promise<WorkerMessage & { type: 'ready' }>((resolve, reject) => {
    worker.on('message', (message: WorkerMessage) => {
      switch (message.type) {
        case 'ready':
          return resolve(message);
        case 'failed':
          return reject(message.error ? new DomainError(message.error.code, message.error.details, message.error.issues) : new Error(message.message));
        case 'reply': {
          const done = pending.get(message.id);
          pending.delete(message.id);
          return done?.(message.response);
        }
        case 'replyBytes': {
          const done = pendingBytes.get(message.id);
          pendingBytes.delete(message.id);
          return done?.(message.response);
        }
        case 'event':
          return onEvent(message.event);
        case 'closed':
          return closed?.();
      }
    });
    worker.on('error', (error) => {
      console.error(`[core-${data.role}] stopped`, error);
      reject(error);
    });
    worker.on('exit', () => {
      alive = false;
      for (const done of pending.values()) done(STOPPED);
      pending.clear();
      for (const done of pendingBytes.values()) done(encodeResponse(STOPPED));
      pendingBytes.clear();
      closed?.();
      reject(new Error(`core-${data.role} exited before it was ready`));
    });
  });

  return {
    ready,
    dispatch(request: RpcRequest): Promise<RpcResponse> {
      if (!alive) return Promise.resolve(STOPPED);
      const id = nextId++;
      return new Promise((resolve) => {
        pending.set(id, resolve);
        worker.postMessage({ type: 'call', id, request } satisfies HostMessage);
      });
    },
    /** The parameters' buffer is transferred, not copied: the caller must not use it afterwards. */
    dispatchBytes(method: string, params: Uint8Array): Promise<Uint8Array> {
      if (!alive) return Promise.resolve(encodeResponse(STOPPED));
      const id = nextId++;
      const own = ownBuffer(params);
      return new Promise((resolve) => {
        pendingBytes.set(id, resolve);
        worker.postMessage({ type: 'callBytes', id, method, params: own } satisfies HostMessage, [own.buffer]);
      });
    },
    close(): Promise<void> {
      if (!alive) return Promise.resolve();
      return new Promise<void>((resolve) => {
        closed = resolve;
        worker.postMessage({ type: 'close' } satisfies HostMessage);
      }).then(() => worker.terminate().then(() => undefined));
    },
  };
}

/**
 * Starts the core on worker threads: the writer first (it migrates and may fill a demo), then
 * the reader on the same file. Calls are routed by method: READ_CONNECTION_METHODS to the
 * reader, everything else to the writer; events come from the writer.
 */
export async function startCoreThread(opts: CoreThreadOptions): Promise<CoreThread> {
  const entry = opts.entry ?? coreWorkerEntry();
  const { entry: _entry, ...data } = opts;
  const listeners = new Set<(e: CoreEvent) => void>();
  const emit = (e: CoreEvent) => listeners.forEach((l) => l(e));
  const writer = startWorker(entry, { ...data, role: 'writer' }, emit);
  const { migrated } = await writer.ready.catch(async (e: unknown) => {
    await writer.close();
    throw e;
  });
  const { name: _name, afterRestoreFrom: _after, ...readerData } = data;
  const reader = startWorker(entry, { ...readerData, role: 'reader', demoIfEmpty: 0 }, () => undefined);
  await reader.ready.catch(async (e: unknown) => {
    await Promise.all([reader.close(), writer.close()]);
    throw e;
  });
  return {
    file: opts.file,
    migrated,
    dispatch(request) {
      return READ_CONNECTION_METHODS.has(request.method as MethodName) ? reader.dispatch(request) : writer.dispatch(request);
    },
    dispatchBytes(method, params) {
      return READ_CONNECTION_METHODS.has(method as MethodName) ? reader.dispatchBytes(method, params) : writer.dispatchBytes(method, params);
    },
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async close() {
      // The reader first: at close it stores what it computed (core/db/derived-state.ts) through a connection of its own,
      // which the writer's closing checkpoint would keep waiting.
      await reader.close();
      await writer.close();
    },
  };
}

/**
 * One step of restoring a backup into `file`, on a worker (backups/restore-file.ts: unpacking
 * and the integrity check take seconds on a large file, which Electron's main thread must not
 * wait for). 'prepare' unpacks and proves the copy beside the file and may run while the file
 * is open; 'place' puts the prepared copy in its place, and no core may have the file open.
 */
export function restoreOnWorker(opts: { step: 'prepare' | 'place'; file: string; from: string; backupsDir: string; password?: string | null; backupPassword?: string | null; entry?: string }): Promise<void> {
  const entry = opts.entry ?? coreWorkerEntry();
  const data: CoreWorkerData = { file: opts.file, role: 'restore', restoreStep: opts.step, restoreFrom: opts.from, backupsDir: opts.backupsDir, password: opts.password ?? null, backupPassword: opts.backupPassword ?? null };
  const worker = new Worker(entry, { workerData: data, execArgv: workerExecArgv(entry), name: 'core-restore' });
  return new Promise<void>((resolve, reject) => {
    worker.on('message', (message: WorkerMessage) => {
      if (message.type === 'ready') resolve();
      else if (message.type === 'failed') reject(message.error ? new DomainError(message.error.code, message.error.details, message.error.issues) : new Error(message.message));
    });
    worker.on('error', reject);
    worker.on('exit', () => reject(new Error('core-restore exited before it was done')));
  }).finally(() => void worker.terminate());
}

import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import { createCore, type Core } from '../create-core';
import { generateDemo } from '../demo/generate-demo';
import { DomainError } from '../../../shared/errors';
import { storageError } from '../storage/storage-errors';
import { setAdministrationIdentity } from '../setup/administration-identity';
import { runAfterRestoreSteps } from '../backups/after-restore';
import { placeRestore, prepareRestore } from '../backups/restore-file';
import { dispatchBytes, ownBuffer } from '../rpc/byte-dispatch';
import { testDateStart, type CoreWorkerData, type HostMessage, type WorkerMessage } from './protocol';

/**
 * The core on a worker thread (issue 9): the entry the host starts twice, as the writer (owns
 * the file and every write) and as the reader (a read-only WAL connection for search, lists
 * and cards). Requests come in as envelopes, answers and events go back the same way, so
 * Electron's main thread and the web host never wait on SQLite.
 */
const port = parentPort;
if (!port) throw new Error('core-worker runs on a worker thread');
const data = workerData as CoreWorkerData;
const post = (message: WorkerMessage) => port.postMessage(message);

function start(): Core {
  const startedAt = Date.now();
  const testStart = testDateStart(data.today);
  const core = createCore({
    file: data.file,
    ...(data.resourcesDir ? { resourcesDir: data.resourcesDir } : {}),
    ...(testStart !== null ? { now: () => testStart + (Date.now() - startedAt) } : {}),
    ...(data.actor ? { actor: data.actor } : {}),
    checkOutput: data.checkOutput ?? false,
    readOnly: data.role === 'reader',
    password: data.password ?? null,
    readOnlyAdministration: data.readOnlyAdministration ?? false,
    autoBackups: data.appMode ?? false,
    deferFileCheck: data.appMode ?? false,
  });
  if (data.role === 'writer' && !data.readOnlyAdministration) {
    if (data.name !== undefined) setAdministrationIdentity(core.ctx.sqlite, { name: data.name });
    if (data.afterRestoreFrom !== undefined) runAfterRestoreSteps(core.ctx, { restoredFrom: data.afterRestoreFrom });
  }
  if (data.role === 'writer' && data.demoIfEmpty) {
    const { n } = core.ctx.sqlite.prepare('SELECT count(*) AS n FROM relations').get() as { n: number };
    if (n === 0) generateDemo(core, { relations: data.demoIfEmpty, seed: 1 });
  }
  return core;
}

/** A startup fault with its code (damaged, locked, read-only…), so the host can say what to do. */
function failed(error: unknown): WorkerMessage {
  const domain = error instanceof DomainError ? error : storageError(error, data.file);
  return { type: 'failed', message: error instanceof Error ? error.message : String(error), ...(domain ? { error: domain.toBody() } : {}) };
}

if (data.role === 'restore') {
  // A job, not a core: the host has closed the file; it is put back whole and the worker ends.
  const password = data.password ?? null;
  const job =
    data.restoreStep === 'place'
      ? Promise.resolve().then(() => placeRestore(data.file, password))
      : prepareRestore({ file: data.file, from: data.restoreFrom ?? '', backupsDir: data.backupsDir ?? '', password, backupPassword: data.backupPassword ?? null });
  job.then(
    () => post({ type: 'ready', migrated: { applied: [], backup: null } }),
    (error: unknown) => post(failed(error)),
  );
} else {
  serve(port);
}

function serve(messages: MessagePort): void {
  let core: Core;
  try {
    core = start();
  } catch (error) {
    post(failed(error));
    process.exit(1);
  }
  core.onEvent((event) => post({ type: 'event', event }));
  messages.on('message', (message: HostMessage) => {
    if (message.type === 'close') {
      core.close();
      // The host ends this thread on 'closed': a backup still being compressed (the one
      // before a merge or an import) must be in place first, not cut off as a .part file.
      void core.backups.settle().then(() => {
        post({ type: 'closed' });
        messages.close();
      });
      return;
    }
    if (message.type === 'callBytes') {
      void dispatchBytes((r) => core.dispatch(r), message.method, message.params).then((response) => {
        const own = ownBuffer(response);
        messages.postMessage({ type: 'replyBytes', id: message.id, response: own } satisfies WorkerMessage, [own.buffer]);
      });
      return;
    }
    void core.dispatch(message.request).then((response) => post({ type: 'reply', id: message.id, response }));
  });
  post({ type: 'ready', migrated: core.migrated });
}

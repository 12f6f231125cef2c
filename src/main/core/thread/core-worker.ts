import { parentPort, workerData } from 'node:worker_threads';
import { createCore, type Core } from '../create-core';
import { generateDemo } from '../demo/generate-demo';
import { DomainError } from '../../../shared/errors';
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
  });
  if (data.role === 'writer' && data.demoIfEmpty) {
    const { n } = core.ctx.sqlite.prepare('SELECT count(*) AS n FROM relations').get() as { n: number };
    if (n === 0) generateDemo(core, { relations: data.demoIfEmpty, seed: 1 });
  }
  return core;
}

let core: Core;
try {
  core = start();
} catch (error) {
  // A DomainError (a wrong password, a damaged file) keeps its code across the thread boundary.
  post({ type: 'failed', message: error instanceof Error ? error.message : String(error), ...(error instanceof DomainError ? { error: error.toBody() } : {}) });
  process.exit(1);
}
core.onEvent((event) => post({ type: 'event', event }));
port.on('message', (message: HostMessage) => {
  if (message.type === 'close') {
    core.close();
    post({ type: 'closed' });
    port.close();
    return;
  }
  void core.dispatch(message.request).then((response) => post({ type: 'reply', id: message.id, response }));
});
post({ type: 'ready', migrated: core.migrated });

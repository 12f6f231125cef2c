import { afterEach, describe, expect, it, vi } from 'vitest';
import { createTestCore } from '../../../test/support/test-core';

// Electron's binary cannot run here: only ipcMain is replaced, by a recorder of handlers.
type Handler = (event: unknown, method: unknown, params: unknown) => Promise<unknown>;
const handlers = new Map<string, Handler>();
vi.mock('electron', () => ({
  ipcMain: {
    handle: (channel: string, fn: Handler) => handlers.set(channel, fn),
    removeHandler: (channel: string) => handlers.delete(channel),
  },
}));

const { registerCoreIpc, CALL_CHANNEL, EVENT_CHANNEL } = await import('./ipc');

let core: ReturnType<typeof createTestCore>;
afterEach(() => core?.close());

const frame = (url: string, parent: unknown = null) => ({ senderFrame: { url, parent } });
/** A call as the preload sends it (method, parameters as JSON bytes), its answer decoded as the preload does. */
async function invoke(event: unknown, method: unknown, params?: unknown): Promise<unknown> {
  const bytes = params instanceof Uint8Array ? params : new TextEncoder().encode(JSON.stringify(params ?? {}));
  const answer = await handlers.get(CALL_CHANNEL)!(event, method, bytes);
  expect(answer).toBeInstanceOf(Uint8Array);
  return JSON.parse(new TextDecoder().decode(answer as Uint8Array));
}

describe('the IPC entry', () => {
  it('answers calls from the app page and forwards events to the window', async () => {
    core = createTestCore();
    const sent: unknown[] = [];
    const unregister = registerCoreIpc(core, () => ({ send: (channel: string, e: unknown) => sent.push([channel, e]) }) as never);
    const created = (await invoke(frame('app://renderer/index.html'), 'relations.create', { kind: 'organisation', fields: { name: 'Stichting IPC' } })) as { ok: boolean };
    expect(created.ok).toBe(true);
    expect(sent).toContainEqual([EVENT_CHANNEL, expect.objectContaining({ name: 'relations.changed' })]);
    unregister();
    expect(handlers.has(CALL_CHANNEL)).toBe(false);
  });

  it('refuses other origins, subframes and malformed requests before the dispatcher', async () => {
    core = createTestCore();
    registerCoreIpc(core, () => null);
    const app = frame('app://renderer/index.html');
    expect(await invoke(frame('https://evil.example/'), 'relations.list')).toEqual({ ok: false, error: { code: 'UNAUTHORIZED' } });
    expect(await invoke(frame('app://renderer/index.html', { url: 'app://renderer/' }), 'relations.list')).toEqual({ ok: false, error: { code: 'UNAUTHORIZED' } });
    expect(await invoke({ senderFrame: null }, 'relations.list')).toEqual({ ok: false, error: { code: 'UNAUTHORIZED' } });
    expect(await invoke(app, 'constructor')).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    expect(await invoke(app, 'relations.list', { limit: 'all' })).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    // Parameters that are not bytes (an object, as the old preload sent) or not JSON are refused.
    expect(await handlers.get(CALL_CHANNEL)!(app, 'relations.list', {}).then((a) => JSON.parse(new TextDecoder().decode(a as Uint8Array)))).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', details: { reason: 'BAD_REQUEST' } } });
    expect(await invoke(app, 'relations.list', new TextEncoder().encode('{nope'))).toMatchObject({ ok: false, error: { details: { reason: 'BAD_REQUEST_BODY' } } });
  });
});

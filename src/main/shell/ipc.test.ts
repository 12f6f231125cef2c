import { afterEach, describe, expect, it, vi } from 'vitest';
import { createTestCore } from '../../../test/support/test-core';

// Electron's binary cannot run here: only ipcMain is replaced, by a recorder of handlers.
const handlers = new Map<string, (event: unknown, request: unknown) => Promise<unknown>>();
vi.mock('electron', () => ({
  ipcMain: {
    handle: (channel: string, fn: (event: unknown, request: unknown) => Promise<unknown>) => handlers.set(channel, fn),
    removeHandler: (channel: string) => handlers.delete(channel),
  },
}));

const { registerCoreIpc, CALL_CHANNEL, EVENT_CHANNEL } = await import('./ipc');

let core: ReturnType<typeof createTestCore>;
afterEach(() => core?.close());

const frame = (url: string, parent: unknown = null) => ({ senderFrame: { url, parent } });

describe('the IPC entry', () => {
  it('answers calls from the app page and forwards events to the window', async () => {
    core = createTestCore();
    const sent: unknown[] = [];
    const unregister = registerCoreIpc(core, () => ({ send: (channel: string, e: unknown) => sent.push([channel, e]) }) as never);
    const call = handlers.get(CALL_CHANNEL)!;
    const created = (await call(frame('app://renderer/index.html'), { method: 'relations.create', params: { kind: 'organisation', fields: { name: 'Stichting IPC' } } })) as { ok: boolean };
    expect(created.ok).toBe(true);
    expect(sent).toContainEqual([EVENT_CHANNEL, expect.objectContaining({ name: 'relations.changed' })]);
    unregister();
    expect(handlers.has(CALL_CHANNEL)).toBe(false);
  });

  it('refuses other origins, subframes and malformed requests before the dispatcher', async () => {
    core = createTestCore();
    registerCoreIpc(core, () => null);
    const call = handlers.get(CALL_CHANNEL)!;
    const list = { method: 'relations.list', params: {} };
    expect(await call(frame('https://evil.example/'), list)).toEqual({ ok: false, error: { code: 'UNAUTHORIZED' } });
    expect(await call(frame('app://renderer/index.html', { url: 'app://renderer/' }), list)).toEqual({ ok: false, error: { code: 'UNAUTHORIZED' } });
    expect(await call({ senderFrame: null }, list)).toEqual({ ok: false, error: { code: 'UNAUTHORIZED' } });
    expect(await call(frame('app://renderer/index.html'), { method: 'constructor' })).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    expect(await call(frame('app://renderer/index.html'), { method: 'relations.list', params: { limit: 'all' } })).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
  });
});

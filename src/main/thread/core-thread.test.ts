import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../../test/support/test-core';
import type { CoreEvent, RpcResponse } from '../../shared/rpc';
import { startCoreThread, type CoreThread } from './core-thread';

let tmp: ReturnType<typeof tempDir>;
let core: CoreThread;

// Each test starts two workers that load the core through tsx: seconds on a busy machine.
const STARTUP_MS = 120_000;
beforeEach(async () => {
  tmp = tempDir();
  core = await startCoreThread({ file: path.join(tmp.dir, 'admin.sqlite'), today: '2026-03-31', actor: 'test', checkOutput: true });
}, STARTUP_MS);
afterEach(async () => {
  await core.close();
  tmp.cleanup();
}, STARTUP_MS);

const ok = (r: RpcResponse) => {
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.result as Record<string, unknown>;
};

describe('core on worker threads', { timeout: STARTUP_MS }, () => {
  it('writes on the writer, reads the commit on the read connection, and passes events back', async () => {
    const events: CoreEvent[] = [];
    core.onEvent((e) => events.push(e));
    const created = ok(await core.dispatch({ method: 'relations.create', params: { kind: 'person', fields: { firstName: 'Anna', lastName: 'Jansen' } } }));
    expect(events.map((e) => e.name)).toContain('relations.changed');
    const found = ok(await core.dispatch({ method: 'relations.search', params: { query: 'jans' } }));
    expect((found['rows'] as { id: string }[]).map((r) => r.id)).toEqual([created['id']]);
    const card = ok(await core.dispatch({ method: 'relations.get', params: { id: created['id'] } }));
    expect(card).toMatchObject({ id: created['id'], displayName: 'Anna Jansen' });
  });

  it('runs on the test date it was given', async () => {
    const created = ok(await core.dispatch({ method: 'relations.create', params: { kind: 'person', fields: { lastName: 'Datum' } } }));
    const history = ok(await core.dispatch({ method: 'audit.forRelation', params: { relationId: created['id'] } }));
    const at = (history['rows'] as { at: number }[])[0]?.at ?? 0;
    expect(new Date(at).toISOString().slice(0, 10)).toBe('2026-03-31');
  });

  it('answers envelopes for unknown methods and bad input, as in-process', async () => {
    expect(await core.dispatch({ method: 'relations.dropAll', params: {} })).toEqual({ ok: false, error: { code: 'UNKNOWN_METHOD', details: { method: 'relations.dropAll' } } });
    const bad = await core.dispatch({ method: 'relations.get', params: { id: 5 } });
    expect(bad).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
  });

  it('carries calls as JSON bytes: the parameters are transferred, not copied, and the answer is the envelope', async () => {
    const decode = (bytes: Uint8Array) => JSON.parse(new TextDecoder().decode(bytes)) as RpcResponse;
    const params = new TextEncoder().encode(JSON.stringify({ kind: 'person', fields: { firstName: 'Bram', lastName: 'de Vries' } }));
    const created = ok(decode(await core.dispatchBytes('relations.create', params)));
    // Transferred: this side's buffer is detached, so the main thread made no copy of it.
    expect(params.buffer.byteLength).toBe(0);
    const found = ok(decode(await core.dispatchBytes('relations.search', new TextEncoder().encode('{"query":"vries"}'))));
    expect((found['rows'] as { id: string }[]).map((r) => r.id)).toEqual([created['id']]);
    // A slice of Node's shared Buffer pool is copied before the transfer: the pool stays usable.
    const pooled = Buffer.from('{"query":"bram"}');
    expect(ok(decode(await core.dispatchBytes('relations.search', pooled)))['rows']).toHaveLength(1);
    expect(pooled.toString()).toBe('{"query":"bram"}');
    expect(decode(await core.dispatchBytes('relations.list', new TextEncoder().encode('{nope')))).toEqual({ ok: false, error: { code: 'VALIDATION_FAILED', details: { reason: 'BAD_REQUEST_BODY' } } });
    await core.close();
    expect(decode(await core.dispatchBytes('relations.list', new Uint8Array(0)))).toMatchObject({ ok: false, error: { details: { reason: 'CORE_STOPPED' } } });
    core = await startCoreThread({ file: path.join(tmp.dir, 'admin.sqlite') });
  });

  it('answers CORE_STOPPED after close instead of hanging', async () => {
    await core.close();
    expect(await core.dispatch({ method: 'relations.list', params: {} })).toMatchObject({ ok: false, error: { details: { reason: 'CORE_STOPPED' } } });
    core = await startCoreThread({ file: path.join(tmp.dir, 'admin.sqlite') });
    expect(ok(await core.dispatch({ method: 'relations.list', params: {} }))['total']).toBe(0);
  });
});

describe('closing the core thread', { timeout: STARTUP_MS }, () => {
  it('waits for the backup before an operation to be in place, instead of ending the thread mid-compression', async () => {
    const file = path.join(tmp.dir, 'app.sqlite');
    const app = await startCoreThread({ file, appMode: true, actor: 'test' });
    // A unit change recomputes everyone, so it gets a backup first; the host closes right after (a switch, the idle lock).
    ok(await app.dispatch({ method: 'units.create', params: { unit: { name: 'Afdeling Noord' }, typeRules: [] } }));
    await app.close();
    const names = fs.readdirSync(path.join(tmp.dir, 'backups'));
    expect(names.filter((n) => n.endsWith('-rules.sqlite.gz'))).toHaveLength(1);
    expect(names.filter((n) => n.includes('.part-'))).toEqual([]);
  });
});

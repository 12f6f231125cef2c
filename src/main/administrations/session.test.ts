import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../../test/support/test-core';
import { createCore } from '../core/create-core';
import { acquireLock } from '../core/storage/file-lock';
import { createSession, type Session } from './session';

let tmp: ReturnType<typeof tempDir>;
let session: Session | null = null;
afterEach(async () => {
  await session?.close();
  session = null;
  tmp?.cleanup();
});

describe('the session: a file that cannot be opened lands on the start screen', () => {
  it('not an administration, held by someone else, damaged: said with its code, never a crash', { timeout: 180_000 }, async () => {
    tmp = tempDir();
    session = createSession({ dataDir: tmp.dir });
    const garbage = path.join(tmp.dir, 'notities.sqlite');
    fs.writeFileSync(garbage, 'dit is geen database');
    let state = await session.openAtStart(garbage);
    expect(state.open).toBeNull();
    expect(state.startError).toMatchObject({ code: 'NOT_AN_ADMINISTRATION' });

    const file = path.join(tmp.dir, 'vereniging.sqlite');
    const core = createCore({ file, actor: 'test' });
    for (let i = 0; i < 60; i++) await core.call('relations.create', { kind: 'person', fields: { lastName: `Lid${i}`, notes: 'x'.repeat(400) } });
    core.close();
    const held = acquireLock(file);
    state = await session.openAtStart(file);
    expect(state.open).toBeNull();
    expect(state.startError).toMatchObject({ code: 'ADMINISTRATION_IN_USE' });
    held.release();

    const fd = fs.openSync(file, 'r+');
    for (let page = 5; page < 12; page++) fs.writeSync(fd, Buffer.alloc(4096, 0xa5), 0, 4096, page * 4096);
    fs.closeSync(fd);
    state = await session.openAtStart(file);
    if (state.open) {
      // Opened without the full check (it runs after the window shows): the check marks it.
      await expect.poll(() => session?.state().open?.damaged, { timeout: 60_000 }).toBe(true);
    } else {
      expect(state.startError).toMatchObject({ code: 'STORAGE_DAMAGED' });
    }
    const none = await session.dispatch({ method: 'administrations.close', params: {} });
    expect(none.ok).toBe(true);
    expect(await session.dispatch({ method: 'relations.list', params: {} })).toMatchObject({ ok: false, error: { code: 'NO_ADMINISTRATION' } });
  });
});

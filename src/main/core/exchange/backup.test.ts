import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { createTestCore, tempDir } from '../../../../test/support/test-core';
import type { Core } from '../create-core';
import { generateDemo } from '../demo/generate-demo';
import { DomainError } from '../../../shared/errors';
import { backupAdministration } from './backup';

let core: Core | undefined;
const dir = tempDir();
afterEach(() => {
  core?.close();
  core = undefined;
});
afterAll(() => dir.cleanup());

describe('backupAdministration', () => {
  it('makes a verified, self-contained copy while the administration stays open', async () => {
    core = createTestCore({ file: path.join(dir.dir, 'live.sqlite') });
    generateDemo(core, { relations: 300, seed: 1, today: '2026-11-22' });
    const out = path.join(dir.dir, 'kopieen', 'backup.sqlite');
    const result = await backupAdministration(core.ctx.sqlite, out);
    expect(result.bytes).toBeGreaterThan(0);
    expect(fs.readdirSync(path.dirname(out))).toEqual(['backup.sqlite']);
    const copy = new Database(out, { readonly: true });
    try {
      expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(copy.pragma('journal_mode', { simple: true })).toBe('delete');
      const count = (db: Database.Database) => db.prepare('SELECT count(*) FROM relations').pluck().get();
      expect(count(copy)).toBe(count(core.ctx.sqlite));
    } finally {
      copy.close();
    }
    // The copy is a working administration.
    const restored = createTestCore({ file: out });
    expect((await restored.call('relations.list', {})).total).toBe((await core.call('relations.list', {})).total);
    restored.close();
  });

  it('never overwrites an existing file', async () => {
    core = createTestCore({ file: path.join(dir.dir, 'live2.sqlite') });
    const out = path.join(dir.dir, 'exists.sqlite');
    fs.writeFileSync(out, 'important');
    await expect(backupAdministration(core.ctx.sqlite, out)).rejects.toMatchObject({ code: 'CONFLICT', details: { reason: 'FILE_EXISTS' } });
    await expect(backupAdministration(core.ctx.sqlite, out)).rejects.toBeInstanceOf(DomainError);
    expect(fs.readFileSync(out, 'utf8')).toBe('important');
  });
});

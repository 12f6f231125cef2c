import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../create-core';
import { tempDir } from '../../../../test/support/test-core';
import { compactId, compactIdValue, RECORD_IDS_KEY } from './record-ids';
import { exportJson } from '../exchange/json-export';
import { importJson } from '../exchange/json-import';
import { restoreFile } from '../backups/restore-file';
import { generateDemo } from '../demo/generate-demo';
import { writeOrPreview } from '../audit/operation-writer';

const dirs: { cleanup: () => void }[] = [];
const cores: Core[] = [];
afterEach(() => {
  for (const c of cores.splice(0)) c.close();
  for (const d of dirs.splice(0)) d.cleanup();
});

function folder(): string {
  const d = tempDir();
  dirs.push(d);
  return d.dir;
}

function open(file: string): Core {
  const core = createCore({ file, actor: 'secretaris' });
  cores.push(core);
  return core;
}

function close(core: Core): void {
  core.close();
  cores.splice(cores.indexOf(core), 1);
}

const person = (lastName: string) => ({ kind: 'person' as const, fields: { firstName: 'Jan', lastName } });
const stored = (core: Core) => Number(core.ctx.sqlite.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(RECORD_IDS_KEY));
const csv = (...lines: string[]) => Buffer.from(`${lines.join('\r\n')}\r\n`, 'utf8').toString('base64');

describe('compact record ids', () => {
  it('sort as their numbers, start with a letter, and read back', () => {
    const ns = [0, 1, 9, 10, 35, 36, 37, 1295, 1296, 99_999, 1_300_000, 46_655, 46_656, 2 ** 40, Number.MAX_SAFE_INTEGER];
    const ids = ns.map(compactId);
    expect(ids.slice(0, 6)).toEqual(['a0', 'a1', 'a9', 'aa', 'az', 'b10']);
    expect(compactId(1_300_000)).toHaveLength(5);
    expect([...ids].sort()).toEqual([...ns].sort((a, b) => a - b).map(compactId));
    for (const [i, id] of ids.entries()) {
      expect(id).toMatch(/^[a-z][0-9a-z]+$/);
      expect(compactIdValue(id)).toBe(ns[i]);
    }
    // Other ids are not taken for compact ones: UUIDs, tests' ids, a wrong length letter, a leading zero.
    for (const other of ['0d771664-2ee7-452c-9dba-c53588c8fc36', 'id-0001', 'lid', 'b1', 'b01', 'A0']) expect(compactIdValue(other)).toBeNull();
  });

  it('are given to new records, never twice, also after closing and opening the file', async () => {
    const file = path.join(folder(), 'vereniging.sqlite');
    let core = open(file);
    const a = await core.call('relations.create', person('Jansen'));
    expect(a.id).toMatch(/^[a-z][0-9a-z]+$/);
    // The operation keeps a UUID: its public name in History, undo and the CLI.
    const op = core.ctx.sqlite.prepare('SELECT id FROM operations ORDER BY seq DESC LIMIT 1').pluck().get() as string;
    expect(op).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-/);
    expect(stored(core)).toBeGreaterThan(compactIdValue(a.id) as number);
    close(core);
    core = open(file);
    const b = await core.call('relations.create', person('Bos'));
    expect(compactIdValue(b.id)).toBeGreaterThan(compactIdValue(a.id) as number);
    // The audit log keeps them as the short text they are (a UUID would be a 16-byte blob).
    const keys = core.ctx.sqlite.prepare(`SELECT DISTINCT typeof(record_id) FROM audit_log WHERE table_name = 'relations'`).pluck().all();
    expect(keys).toEqual(['text']);
  });

  it('a file without a counter (older versions) starts past any stored id of that shape', async () => {
    const file = path.join(folder(), 'vereniging.sqlite');
    let core = open(file);
    const a = await core.call('relations.create', person('Jansen'));
    core.ctx.sqlite.prepare('DELETE FROM settings WHERE key = ?').run(RECORD_IDS_KEY);
    close(core);
    core = open(file);
    const b = await core.call('relations.create', person('Bos'));
    expect(compactIdValue(b.id)).toBeGreaterThan(compactIdValue(a.id) as number);
    expect(stored(core)).toBeGreaterThan(compactIdValue(b.id) as number);
  });

  it('a rolled-back preview stores no counter, and ids after it are still new', async () => {
    const file = path.join(folder(), 'vereniging.sqlite');
    let core = open(file);
    await core.call('relations.create', person('Jansen'));
    const before = stored(core);
    const previewed = writeOrPreview(core.ctx.write, true, 'relations.create', null, () => core.ctx.newId());
    expect(previewed.saved).toBe(false);
    expect(stored(core)).toBe(before);
    close(core);
    core = open(file);
    const c = await core.call('relations.create', person('Bos'));
    expect(compactIdValue(c.id)).toBeGreaterThanOrEqual(before);
    expect((await core.call('relations.list', {})).total).toBe(2);
  });

  it('History names the records and undo works on an import with compact ids', async () => {
    const file = path.join(folder(), 'vereniging.sqlite');
    let core = open(file);
    const r = await core.call('io.commitImport', { file: csv('Lidnr;Voornaam;Achternaam;Woonplaats', '1;Jan;Jansen;Utrecht', '2;Els;Bos;Zeist'), fileName: 'leden.csv' });
    close(core);
    core = open(file);
    const list = await core.call('relations.list', {});
    expect(list.rows.map((x) => x.id).every((id) => compactIdValue(id) !== null)).toBe(true);
    const history = await core.call('audit.changes', { operationId: r.operationId });
    expect(history.rows.length).toBeGreaterThan(0);
    expect(JSON.stringify(history.rows)).toContain('Jansen');
    await core.call('audit.undo', { operationId: r.operationId });
    expect((await core.call('relations.list', {})).total).toBe(0);
  });

  it('a JSON import keeps its ids and new ids come after them', async () => {
    const dir = folder();
    const source = open(path.join(dir, 'bron.sqlite'));
    generateDemo(source, { relations: 30, seed: 'ids', today: '2026-11-22' });
    const json = path.join(dir, 'bron.json');
    exportJson(source.ctx, json);
    const highest = Math.max(...(source.ctx.sqlite.prepare('SELECT id FROM relations').pluck().all() as string[]).map((id) => compactIdValue(id) ?? -1));
    const target = open(path.join(dir, 'doel.sqlite'));
    importJson(target.ctx, json);
    const created = await target.call('relations.create', person('Nieuw'));
    expect(compactIdValue(created.id)).toBeGreaterThan(highest);
    expect(stored(target)).toBeGreaterThan(highest);
  });

  it('a restore keeps the higher counter of the two files', async () => {
    const dir = folder();
    const file = path.join(dir, 'vereniging.sqlite');
    const core = open(file);
    await core.call('relations.create', person('Jansen'));
    const backup = path.join(dir, 'kopie.sqlite');
    core.ctx.sqlite.prepare('VACUUM INTO ?').run(backup);
    const later = await core.call('relations.create', person('Later'));
    const counter = stored(core);
    close(core);
    fs.mkdirSync(path.join(dir, 'backups'));
    await restoreFile(file, backup, path.join(dir, 'backups'));
    const restored = open(file);
    expect((await restored.call('relations.list', {})).total).toBe(1);
    expect(stored(restored)).toBe(counter);
    // The record made after the backup is gone, and its id is not given to another one.
    const next = await restored.call('relations.create', person('Nieuw'));
    expect(compactIdValue(next.id)).toBeGreaterThan(compactIdValue(later.id) as number);
  });
});

import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../../../test/support/test-core';
import { DomainError } from '../../../shared/errors';
import { createCore, type Core } from '../create-core';

/**
 * Faults of the disk and the file, made for real: a file with overwritten pages, a lock held
 * by a second connection, a full database (PRAGMA max_page_count), a read-only file and
 * folder (as a user without write permission: root ignores file modes). Each must come out
 * as its STORAGE_* code with a Dutch "what to do" in the CLI, never "interne fout".
 */
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
let tmp: ReturnType<typeof tempDir>;
const cores: Core[] = [];
afterEach(() => {
  for (const c of cores.splice(0)) c.close();
  tmp?.cleanup();
});

/** Not root: root may write any file, so the read-only case runs as 'nobody'. */
const asUser = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};

function cli(args: string[], opts: { user?: boolean } = {}): Promise<{ code: number; stderr: string; stdout: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', 'tsx', 'src/main/cli.ts', ...args], { cwd: root, env: { ...process.env, LEDENBEHEER_DEBUG: '' }, ...(opts.user ? asUser : {}) }, (error, stdout, stderr) =>
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr }),
    );
  });
}

async function administration(name = 'vereniging.sqlite'): Promise<string> {
  tmp = tempDir();
  const file = path.join(tmp.dir, name);
  const core = createCore({ file, actor: 'test' });
  for (let i = 0; i < 60; i++) await core.call('relations.create', { kind: 'person', fields: { firstName: `Lid${i}`, lastName: 'Jansen', notes: 'x'.repeat(400) } });
  core.close();
  return file;
}

function failure(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(DomainError);
    return e as DomainError;
  }
  throw new Error('expected a DomainError');
}

describe('faults get a Dutch message that says what to do', () => {
  it('a damaged file (pages overwritten) is refused at open, pointing to the backups; so is a backup of it', { timeout: 60_000 }, async () => {
    const file = await administration();
    const pageSize = 4096;
    const fd = fs.openSync(file, 'r+');
    for (let page = 5; page < 12; page++) fs.writeSync(fd, Buffer.alloc(pageSize, 0xa5), 0, pageSize, page * pageSize);
    fs.closeSync(fd);
    const e = failure(() => createCore({ file, actor: 'test' }));
    expect(e.code).toBe('STORAGE_DAMAGED');
    expect(e.details).toMatchObject({ file, backups: path.join(tmp.dir, 'backups') });
    for (const args of [['search', '--db', file, 'jansen'], ['backup', '--db', file, '--out', path.join(tmp.dir, 'kopie.sqlite')]]) {
      const run = await cli(args);
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(/is beschadigd; werk er niet verder in en zet de laatste reservekopie terug \(reservekopieën staan in .*backups\)/);
      expect(run.stderr).not.toMatch(/interne fout|SQLITE/);
    }
    expect(fs.existsSync(path.join(tmp.dir, 'kopie.sqlite'))).toBe(false);
  });

  it('a lock held by another program: the write waits, then says so, and nothing changes', { timeout: 60_000 }, async () => {
    const file = await administration();
    const core = createCore({ file, actor: 'test' });
    cores.push(core);
    core.ctx.sqlite.pragma('busy_timeout = 200');
    const writer = new Database(file);
    writer.exec('BEGIN IMMEDIATE');
    try {
      const answer = await core.dispatch({ method: 'relations.create', params: { kind: 'person', fields: { lastName: 'Bos' } } });
      expect(answer).toMatchObject({ ok: false, error: { code: 'STORAGE_LOCKED' } });
    } finally {
      writer.exec('ROLLBACK');
      writer.close();
    }
    expect((await core.call('relations.list', {})).total).toBe(60);
    core.close();
    cores.length = 0;
    // A program that keeps the file to itself: the CLI cannot even open it (after 5 seconds of waiting).
    const owner = new Database(file);
    owner.pragma('locking_mode = EXCLUSIVE');
    owner.exec('BEGIN EXCLUSIVE');
    try {
      const run = await cli(['export', '--db', file, '--format', 'csv', '--out', path.join(tmp.dir, 'x.csv')]);
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(/is in gebruik door een ander programma; sluit dat programma en probeer het opnieuw/);
      expect(run.stderr).not.toMatch(/interne fout|SQLITE/);
    } finally {
      owner.exec('ROLLBACK');
      owner.close();
    }
  });

  it('a full disk (the database may not grow): STORAGE_FULL, and the write is not half saved', async () => {
    const file = await administration();
    const core = createCore({ file, actor: 'test' });
    cores.push(core);
    const pages = core.ctx.sqlite.pragma('page_count', { simple: true }) as number;
    core.ctx.sqlite.pragma(`max_page_count = ${pages}`);
    const answer = await core.dispatch({ method: 'relations.create', params: { kind: 'person', fields: { lastName: 'Vol', notes: 'y'.repeat(19_000) } } });
    expect(answer).toMatchObject({ ok: false, error: { code: 'STORAGE_FULL' } });
    expect((await core.call('relations.list', {})).total).toBe(60);
  });

  it.skipIf(!fs.existsSync('/dev/full'))('a full disk while writing an export (the kernel\'s /dev/full): said plainly, the device left alone', { timeout: 60_000 }, async () => {
    const file = await administration();
    const before = fs.statSync('/dev/full').mode;
    const run = await cli(['export', '--db', file, '--format', 'csv', '--out', '/dev/full']);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/de schijf is vol; \/dev\/full is niet bijgewerkt\. Maak ruimte vrij en probeer het opnieuw/);
    expect(run.stderr).not.toMatch(/interne fout|ENOSPC/);
    expect(fs.statSync('/dev/full').mode).toBe(before);
  });

  it.skipIf(process.platform === 'win32')('a read-only file or folder: reading works where it can, a write or an open that must write says what to do', { timeout: 60_000 }, async () => {
    const file = await administration();
    fs.chmodSync(file, 0o444);
    fs.chmodSync(tmp.dir, 0o555);
    try {
      // The folder is read-only too: SQLite cannot even make its -shm file beside it.
      const open = await cli(['search', '--db', file, 'jansen'], { user: true });
      expect(open.code).toBe(1);
      expect(open.stderr).toMatch(/\(of de map\) is alleen-lezen; er is niets opgeslagen\. Geef schrijfrechten op het bestand en de map/);
      fs.chmodSync(tmp.dir, 0o777);
      const csv = path.join(tmp.dir, 'nieuw.csv');
      fs.writeFileSync(csv, 'Voornaam;Achternaam\r\nNieuw;Lid\r\n');
      fs.chmodSync(csv, 0o644);
      const write = await cli(['import', '--db', file, csv], { user: true });
      expect(write.code).toBe(1);
      expect(write.stderr).toMatch(/alleen-lezen/);
      expect(write.stderr).not.toMatch(/interne fout|SQLITE/);
    } finally {
      fs.chmodSync(tmp.dir, 0o755);
      fs.chmodSync(file, 0o644);
    }
  });
});

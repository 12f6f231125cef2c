import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../../../test/support/test-core';
import { createCore } from '../create-core';
import { acquireLock, lockFileFor } from '../storage/file-lock';
import { storageWarning } from '../storage/sync-folder';
import { backupsToKeep, listBackups } from './backup-files';
import { startBackup } from './make-backup';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
let tmp: ReturnType<typeof tempDir>;
afterEach(() => tmp?.cleanup());

const count = (file: string) => {
  const db = new Database(file, { readonly: true });
  try {
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    return db.prepare('SELECT count(*) FROM relations').pluck().get() as number;
  } finally {
    db.close();
  }
};

async function administration(persons: number): Promise<string> {
  tmp = tempDir();
  const file = path.join(tmp.dir, 'vereniging.sqlite');
  const core = createCore({ file, actor: 'test' });
  for (let i = 0; i < persons; i++) await core.call('relations.create', { kind: 'person', fields: { firstName: `Lid${i}`, lastName: 'Jansen' } });
  core.close();
  return file;
}

describe('backup rotation', () => {
  it('keeps the last 10, one a day for a week, one a week for a month, one a month for a year', () => {
    const now = new Date('2026-06-15T12:00:00').getTime();
    const hour = 3_600_000;
    // One backup every 6 hours for two years, newest first.
    const items = Array.from({ length: 4 * 730 }, (_, i) => ({ at: now - i * 6 * hour }));
    const keep = [...backupsToKeep(items, now)].sort((a, b) => b.at - a.at);
    const ages = keep.map((k) => (now - k.at) / (24 * hour));
    expect(keep.slice(0, 10)).toEqual(items.slice(0, 10));
    // Days 0..7 each have one (the newest of that day), then weeks, then months; nothing past a year.
    expect(ages.filter((d) => d > 2.5 && d <= 7).length).toBeGreaterThanOrEqual(4);
    expect(ages.filter((d) => d > 8 && d <= 31).length).toBeGreaterThanOrEqual(3);
    expect(ages.filter((d) => d > 31 && d <= 366).length).toBeGreaterThanOrEqual(10);
    expect(Math.max(...ages)).toBeLessThanOrEqual(366);
    expect(keep.length).toBeLessThan(45);
  });

  it('makes compressed, verified backups in the folder and lists them per administration', async () => {
    const file = await administration(30);
    const core = createCore({ file, actor: 'test' });
    try {
      const made = await core.backups.make('manual');
      expect(made?.bytes).toBeLessThan(made?.copyBytes ?? 0);
      expect(fs.readFileSync(made?.file ?? '').subarray(0, 2)).toEqual(Buffer.from([0x1f, 0x8b]));
      expect(fs.statSync(made?.file ?? '').mode & 0o777).toBe(0o600);
      // Another administration in the same folder does not see it.
      expect(listBackups(path.join(tmp.dir, 'ander.sqlite'), core.backups.folder())).toEqual([]);
      // Nothing written since: the periodic backup is skipped; after a write it is made.
      expect(await core.backups.make('interval', { onlyIfChanged: true })).toBeNull();
      await core.call('relations.create', { kind: 'person', fields: { lastName: 'Nieuw' } });
      expect((await core.backups.make('interval', { onlyIfChanged: true }))?.reason).toBe('interval');
      expect(core.backups.list().map((b) => b.reason)).toEqual(['interval', 'manual']);
      expect(fs.readdirSync(core.backups.folder()).filter((n) => n.includes('.part-'))).toEqual([]);
    } finally {
      core.close();
    }
  });

  it('two backups under one name in one process: the second is refused and leaves the first one\'s temporary files alone', async () => {
    // Two cores on one folder within one millisecond (a CLI command right after another,
    // a test's fixed clock) used to share the `.part-<pid>` names: the second cleared the
    // first one's copy while it was being compressed (ENOENT, and no backup).
    const file = await administration(30);
    const one = createCore({ file, actor: 'test' });
    const two = createCore({ file, actor: 'test' });
    try {
      const folder = one.backups.folder();
      const at = Date.UTC(2026, 5, 15, 10);
      const first = startBackup(one.ctx.sqlite, { file, folder, reason: 'merge', now: at });
      const second = startBackup(two.ctx.sqlite, { file, folder, reason: 'merge', now: at });
      await expect(second).rejects.toMatchObject({ code: 'CONFLICT', details: { reason: 'FILE_EXISTS' } });
      const made = await first;
      expect(listBackups(file, folder).map((b) => b.name)).toEqual([made.name]);
      expect(fs.readdirSync(folder).filter((n) => n.includes('.part-'))).toEqual([]);
      const copy = path.join(tmp.dir, 'uitgepakt.sqlite');
      fs.writeFileSync(copy, zlib.gunzipSync(fs.readFileSync(made.file)));
      expect(count(copy)).toBe(30);
    } finally {
      one.close();
      two.close();
    }
  });
});

describe('one writer per file', () => {
  it('a second claim names the holder; a crashed holder\'s lock is taken over', async () => {
    const file = await administration(0);
    const first = acquireLock(file);
    expect(() => acquireLock(file)).toThrow(expect.objectContaining({ code: 'ADMINISTRATION_IN_USE', details: expect.objectContaining({ pid: process.pid, host: os.hostname(), user: os.userInfo().username }) }));
    // The CLI is another process: it is refused, and told who holds it.
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'src/main/cli.ts', 'search', '--db', file, 'jansen'], { cwd: root, encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(new RegExp(`al geopend door ${os.userInfo().username} op ${os.hostname()} \\(proces ${process.pid}`));
    first.release();
    expect(fs.existsSync(lockFileFor(file))).toBe(false);

    // A process that held it and was killed (SIGKILL: no cleanup) leaves its lock behind.
    const child = spawn(process.execPath, ['--import', 'tsx', '-e', `import('${path.join(root, 'src/main/core/storage/file-lock.ts')}').then((m) => { m.acquireLock(${JSON.stringify(file)}); console.log('held'); setInterval(() => {}, 1000); })`], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
    await new Promise<void>((resolve) => child.stdout.on('data', (d: Buffer) => d.toString().includes('held') && resolve()));
    expect(() => acquireLock(file)).toThrow(expect.objectContaining({ code: 'ADMINISTRATION_IN_USE', details: expect.objectContaining({ pid: child.pid }) }));
    child.kill('SIGKILL');
    await new Promise((r) => child.on('exit', r));
    expect(fs.existsSync(lockFileFor(file))).toBe(true);
    const taken = acquireLock(file);
    expect(JSON.parse(fs.readFileSync(lockFileFor(file), 'utf8')).pid).toBe(process.pid);
    taken.release();
  }, 60_000);

  it('warns for cloud-sync folders and network shares', () => {
    expect(storageWarning('C:\\Users\\an\\OneDrive - Vereniging\\leden.ledenbeheer')).toEqual({ kind: 'cloud', service: 'OneDrive' });
    expect(storageWarning('/home/an/Dropbox/leden.ledenbeheer', '')).toEqual({ kind: 'cloud', service: 'Dropbox' });
    expect(storageWarning('/Users/an/Library/Mobile Documents/com~apple~CloudDocs/leden.ledenbeheer', '')).toEqual({ kind: 'cloud', service: 'iCloud Drive' });
    expect(storageWarning('/Users/an/Google Drive/leden.ledenbeheer', '')).toEqual({ kind: 'cloud', service: 'Google Drive' });
    expect(storageWarning('\\\\server\\share\\leden.ledenbeheer')).toEqual({ kind: 'network' });
    const mounts = '/dev/sda1 / ext4 rw 0 0\nserver:/export /mnt/vereniging nfs4 rw 0 0\n';
    expect(storageWarning('/mnt/vereniging/leden.ledenbeheer', mounts)).toEqual({ kind: 'network' });
    expect(storageWarning('/home/an/Documenten/leden.ledenbeheer', mounts)).toBeNull();
  });
});

describe('restore', () => {
  function cli(args: string[], pause?: string): Promise<{ code: number | null; stdout: string; stderr: string; killed: boolean }> {
    return new Promise((resolve) => {
      const child = spawn(process.execPath, ['--import', 'tsx', 'src/main/cli.ts', ...args], { cwd: root, env: { ...process.env, ...(pause ? { LEDENBEHEER_TEST_PAUSE: pause } : {}) } });
      let stdout = '';
      let stderr = '';
      let killed = false;
      child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
      child.stderr.on('data', (d: Buffer) => {
        stderr += d.toString();
        if (pause && stderr.includes(`LEDENBEHEER_TEST_PAUSED ${pause}`)) {
          killed = true;
          child.kill('SIGKILL');
        }
      });
      child.on('exit', (code) => resolve({ code, stdout, stderr, killed }));
    });
  }

  it('puts the backup back after saving the current state, and the restore can be undone', { timeout: 120_000 }, async () => {
    const file = await administration(3);
    const made = JSON.parse((await cli(['backup', '--db', file, '--json'])).stdout) as { name: string };
    const core = createCore({ file, actor: 'test' });
    await core.call('relations.create', { kind: 'person', fields: { lastName: 'Later' } });
    core.close();
    const run = await cli(['restore', '--db', file, '--from', made.name, '--json']);
    expect(run.code, run.stderr).toBe(0);
    const { before } = JSON.parse(run.stdout) as { before: { name: string } };
    expect(before.name).toMatch(/-restore\.sqlite\.gz$/);
    expect(count(file)).toBe(3);
    const undo = await cli(['restore', '--db', file, '--from', before.name]);
    expect(undo.code, undo.stderr).toBe(0);
    expect(count(file)).toBe(4);
    const list = JSON.parse((await cli(['backups', '--db', file, '--json'])).stdout) as { rows: { reason: string }[] };
    expect(list.rows.map((r) => r.reason)).toEqual(['restore', 'restore', 'manual']);
  });

  it('a kill -9 at any point leaves the old or the restored administration, never a mix', { timeout: 180_000 }, async () => {
    const file = await administration(3);
    const made = JSON.parse((await cli(['backup', '--db', file, '--json'])).stdout) as { name: string };
    const core = createCore({ file, actor: 'test' });
    await core.call('relations.create', { kind: 'person', fields: { lastName: 'Later' } });
    core.close();
    for (const [pause, expected] of [['restore-unpacked', 4], ['restore-before-swap', 4], ['restore-after-swap', 3]] as const) {
      const run = await cli(['restore', '--db', file, '--from', made.name], pause);
      expect(run.killed, `${pause}: ${run.stderr}`).toBe(true);
      expect(count(file), pause).toBe(expected);
      // The next open works (the dead process's lock is taken over, its .part removed).
      const reopened = createCore({ file, actor: 'test' });
      expect((await reopened.call('relations.list', {})).total, pause).toBe(expected);
      reopened.close();
      expect(fs.readdirSync(tmp.dir).filter((n) => n.includes('.part-')), pause).toEqual([]);
      if (expected === 3) {
        // Put the newer state back for the next round.
        const undo = await cli(['restore', '--db', file, '--from', listBackups(file, path.join(tmp.dir, 'backups')).find((b) => b.reason === 'restore')?.name ?? '']);
        expect(undo.code, undo.stderr).toBe(0);
      }
    }
  });
});

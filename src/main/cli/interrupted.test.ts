import { execFile, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../../test/support/test-core';

/**
 * Interrupted work leaves nothing behind: the CLI runs as a real child process, stops at a
 * point in the middle of its work (LEDENBEHEER_TEST_PAUSE, test-only) and is killed there
 * with SIGKILL, as a power cut or `kill -9` would. Then the next run must just work.
 */
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const FIXTURES = path.resolve(root, 'test/fixtures');
let tmp: ReturnType<typeof tempDir>;
afterEach(() => tmp?.cleanup());

function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', 'tsx', 'src/main/cli.ts', ...args], { cwd: root, env: { ...process.env, LEDENBEHEER_TEST_PAUSE: '' } }, (error, stdout, stderr) =>
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr }),
    );
  });
}

/** Runs the CLI until it reaches `point`, then kills it with SIGKILL. */
function killAt(point: string, ...args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main/cli.ts', ...args], { cwd: root, env: { ...process.env, LEDENBEHEER_TEST_PAUSE: point }, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    let paused = false;
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
      if (!paused && stderr.includes(`LEDENBEHEER_TEST_PAUSED ${point}`)) {
        paused = true;
        child.kill('SIGKILL');
      }
    });
    child.on('close', (_code, signal) => (paused && signal === 'SIGKILL' ? resolve() : reject(new Error(`never reached ${point}: ${stderr}`))));
  });
}

const files = (dir: string) => (fs.existsSync(dir) ? fs.readdirSync(dir).sort() : []);
const parts = (dir: string) => files(dir).filter((f) => f.includes('.part-'));

describe('interrupted work leaves nothing behind', () => {
  it('a kill during the first open, after drizzle made its migrations table: no half administration, the next run works', { timeout: 120_000 }, async () => {
    tmp = tempDir();
    const file = path.join(tmp.dir, 'vereniging.sqlite');
    await killAt('first-open', 'demo', '--db', file, '--relations', '20', '--seed', '1');
    expect(fs.existsSync(file)).toBe(false);
    // What the killed run left is a temporary file, and it does hold drizzle's table (the kill came at the right moment).
    const [left] = parts(tmp.dir);
    expect(left).toMatch(/^vereniging\.sqlite\.part-\d+$/);
    const half = new Database(path.join(tmp.dir, left!), { readonly: true });
    expect(half.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).pluck().all()).toEqual(['__drizzle_migrations']);
    half.close();
    const again = await cli('demo', '--db', file, '--relations', '20', '--seed', '1');
    expect(again.code, again.stderr).toBe(0);
    expect(parts(tmp.dir)).toEqual([]);
    expect((await cli('search', '--db', file, 'a', '--json')).code).toBe(0);
  });

  it('a file an older version left half made (only drizzle\'s table) opens next time', { timeout: 60_000 }, async () => {
    tmp = tempDir();
    const file = path.join(tmp.dir, 'half.sqlite');
    const db = new Database(file);
    db.exec('CREATE TABLE IF NOT EXISTS "__drizzle_migrations" (id SERIAL PRIMARY KEY, hash text NOT NULL, created_at numeric)');
    db.close();
    const run = await cli('demo', '--db', file, '--relations', '20', '--seed', '1');
    expect(run.code, run.stderr).toBe(0);
    expect(files(path.join(tmp.dir, 'backups'))).toEqual([]);
  });

  it('a kill during backup leaves no temporary file once the next backup has run, and never a copy under the real name', { timeout: 120_000 }, async () => {
    tmp = tempDir();
    const file = path.join(tmp.dir, 'vereniging.sqlite');
    expect((await cli('demo', '--db', file, '--relations', '50', '--seed', '1')).code).toBe(0);
    const out = path.join(tmp.dir, 'kopieen', 'kopie.sqlite');
    await killAt('backup', 'backup', '--db', file, '--out', out);
    expect(fs.existsSync(out)).toBe(false);
    expect(parts(path.dirname(out))).toHaveLength(1);
    const next = await cli('backup', '--db', file, '--out', path.join(tmp.dir, 'kopieen', 'kopie-2.sqlite'));
    expect(next.code, next.stderr).toBe(0);
    expect(files(path.dirname(out))).toEqual(['kopie-2.sqlite']);
    // And the interrupted name can be used again.
    expect((await cli('backup', '--db', file, '--out', out)).code).toBe(0);
  });

  it('a kill while the pre-migration copy is written leaves no file that looks like a backup, and the file is unchanged', { timeout: 120_000 }, async () => {
    tmp = tempDir();
    const file = path.join(tmp.dir, 'oud.sqlite');
    fs.copyFileSync(path.join(FIXTURES, 'admin-v0.sqlite'), file);
    const applied = () => {
      const db = new Database(file, { readonly: true });
      try {
        return db.prepare('SELECT count(*) FROM __drizzle_migrations').pluck().get();
      } finally {
        db.close();
      }
    };
    const before = applied();
    await killAt('pre-migration-copy', 'search', '--db', file, 'vries');
    const backups = path.join(tmp.dir, 'backups');
    expect(files(backups).filter((f) => f.endsWith('voor-migratie.sqlite'))).toEqual([]);
    expect(parts(backups)).toHaveLength(1);
    expect(applied()).toBe(before);
    const run = await cli('search', '--db', file, 'vries');
    expect(run.code, run.stderr).toBe(0);
    expect(parts(backups)).toEqual([]);
    expect(files(backups)).toEqual([expect.stringMatching(/^oud-.*-voor-migratie\.sqlite$/)]);
  });
});

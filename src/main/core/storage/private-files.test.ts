import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../../../test/support/test-core';
import { createCore } from '../create-core';
import { backupAdministration } from '../exchange/backup';
import { exportJson } from '../exchange/json-export';
import { runCli } from '../../cli/run-cli';

/**
 * Files the app creates hold member data, so they are private (0600, folders 0700) whatever
 * the user's umask: it is set to the common 022 here, which would give 0644 otherwise.
 */
const FIXTURES = path.resolve(import.meta.dirname, '../../../../test/fixtures');
let tmp: ReturnType<typeof tempDir>;
beforeAll(() => void process.umask(0o022));
afterEach(() => tmp?.cleanup());

const mode = (file: string) => fs.statSync(file).mode & 0o777;

describe.skipIf(process.platform === 'win32')('files the app creates are private', () => {
  it('a new administration and the WAL and SHM files SQLite makes beside it', async () => {
    tmp = tempDir();
    const file = path.join(tmp.dir, 'nieuw', 'vereniging.sqlite');
    const core = createCore({ file, actor: 'test' });
    await core.call('relations.create', { kind: 'person', fields: { firstName: 'Jan', lastName: 'Jansen' } });
    expect(fs.existsSync(`${file}-wal`) && fs.existsSync(`${file}-shm`)).toBe(true);
    for (const f of [file, `${file}-wal`, `${file}-shm`]) expect(mode(f), f).toBe(0o600);
    expect(mode(path.dirname(file))).toBe(0o700);
    core.close();
  });

  it('backups, pre-migration copies and exports', async () => {
    tmp = tempDir();
    const old = path.join(tmp.dir, 'oud.sqlite');
    fs.copyFileSync(path.join(FIXTURES, 'admin-v0.sqlite'), old);
    fs.chmodSync(old, 0o644);
    const core = createCore({ file: old, actor: 'test' });
    const copy = core.migrated.backup!;
    expect(mode(copy)).toBe(0o600);
    expect(mode(path.dirname(copy))).toBe(0o700);
    // The user's own file keeps the permissions they gave it.
    expect(mode(old)).toBe(0o644);
    const backup = await backupAdministration(core.ctx.sqlite, path.join(tmp.dir, 'kopie.sqlite'));
    expect(mode(backup.file)).toBe(0o600);
    const json = exportJson(core.ctx, path.join(tmp.dir, 'export.json'));
    expect(mode(json.file)).toBe(0o600);
    core.close();
    const csv = path.join(tmp.dir, 'lijst.csv');
    fs.writeFileSync(csv, 'oud'); // an existing file that is replaced becomes private too
    const out: string[] = [];
    const code = await runCli(['export', '--db', old, '--format', 'csv', '--out', csv], { out: (t) => out.push(t), err: (t) => out.push(t) });
    expect(code, out.join('\n')).toBe(0);
    expect(mode(csv)).toBe(0o600);
  });
});

describe.skipIf(process.platform === 'win32')('an export that cannot be finished', () => {
  it('leaves the file it would replace whole: a write cut off by the file-size limit (as a full disk would) changes nothing under the real name', { timeout: 60_000 }, () => {
    tmp = tempDir();
    const target = path.join(tmp.dir, 'leden.csv');
    fs.writeFileSync(target, 'oud\n'.repeat(100));
    const before = fs.readFileSync(target);
    // A child process may write at most 1 MiB per file (bash's ulimit -f counts KiB blocks), then
    // writes 2 MiB over the export: the kernel stops it mid-write.
    const script = `import { writePrivateFile } from ${JSON.stringify(path.resolve(import.meta.dirname, 'private-files.ts'))}; writePrivateFile(${JSON.stringify(target)}, "x".repeat(2 * 1024 * 1024));`;
    const run = spawnSync('bash', ['-c', 'ulimit -f 1024; exec "$NODE" --import tsx --input-type=module -e "$SCRIPT"'], {
      encoding: 'utf8',
      cwd: path.resolve(import.meta.dirname, '../../../..'),
      env: { ...process.env, NODE: process.execPath, SCRIPT: script },
    });
    expect(run.stderr).toContain('EFBIG');
    expect(fs.readFileSync(target)).toEqual(before);
    expect(fs.readdirSync(tmp.dir)).toEqual(['leden.csv']);
  });
});

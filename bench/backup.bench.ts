import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createCore } from '../src/main/core/create-core';
import { demoAdministration } from './support/demo-fixture';
import { report } from './support/figures';

/**
 * An automatic backup of the 100,000-relation demo (BENCH_RELATIONS to change): copy
 * (VACUUM INTO), integrity_check of the copy, gzip, rotation. Beside it the file's size and
 * the compressed size, and the app's open without the quick_check it now leaves to after the
 * window shows. Informational: there is no target for a backup's time.
 * Run alone: node --import tsx bench/backup.bench.ts
 */
const N = Number(process.env['BENCH_RELATIONS'] ?? 100_000);
const { core, file } = demoAdministration(N);
core.close();
const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'ledenbeheer-bench-backups-'));
try {
  const live = createCore({ file, actor: 'bench' });
  live.backups.setFolder(folder);
  const t0 = performance.now();
  const made = await live.backups.make('manual');
  const ms = performance.now() - t0;
  live.close();
  const fileBytes = fs.statSync(file).size;
  if (!made) throw new Error('no backup made');
  report({ name: `backup of the demo (${N} relations): copy, integrity_check, gzip`, value: ms, unit: 'ms', target: 'informational', ok: true });
  report({ name: `backup size compressed (${N} relations)`, value: Math.round(made.bytes / 1e6), unit: 'MB', baseline: { name: 'administration file', value: Math.round(fileBytes / 1e6), unit: 'MB' }, target: 'informational', ok: true });
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
  const opens = [0, 1, 2].map(() => {
    const t = performance.now();
    createCore({ file, actor: 'bench', deferFileCheck: true }).close();
    return performance.now() - t;
  });
  const checked = [0, 1, 2].map(() => {
    const t = performance.now();
    createCore({ file, actor: 'bench' }).close();
    return performance.now() - t;
  });
  report({ name: `open with the file check after the window shows (${N} relations)`, value: median(opens), unit: 'ms', baseline: { name: 'open with quick_check first', value: median(checked), unit: 'ms' }, target: 'informational', ok: true });
} finally {
  fs.rmSync(folder, { recursive: true, force: true });
  // The demo fixture is shared between benches: its backup folder setting is put back.
  const c = createCore({ file, actor: 'bench' });
  c.ctx.sqlite.prepare(`DELETE FROM settings WHERE key = 'backups.folder'`).run();
  c.close();
}

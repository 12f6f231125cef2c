import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestCore, tempDir } from '../../../../test/support/test-core';

let dir: ReturnType<typeof tempDir>;
afterEach(() => dir?.cleanup());

describe('the WAL checkpoint after a large write', () => {
  it('runs once the write has answered, not inside its commit', async () => {
    dir = tempDir();
    const file = path.join(dir.dir, 'admin.sqlite');
    const core = createTestCore({ file });
    // Settle what opening wrote, so the file's size changes only by what this write checkpoints.
    core.ctx.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    const before = fs.statSync(file).size;
    // ~16 MB of new pages: four times SQLite's default automatic checkpoint (1,000 pages).
    const value = 'x'.repeat(1600);
    core.ctx.write('test.large', null, () => {
      const insert = core.ctx.sqlite.prepare('INSERT INTO settings (key, value) VALUES (?, ?)');
      for (let i = 0; i < 10_000; i++) insert.run(`test.large.${i}`, value);
    });
    // The commit did not copy its pages into the file (the answer is not kept waiting)…
    expect(fs.statSync(file).size).toBe(before);
    expect(fs.statSync(`${file}-wal`).size).toBeGreaterThan(16_000_000);
    // …the connection does it when the loop turns.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(fs.statSync(file).size).toBeGreaterThan(before + 16_000_000);
    expect(core.ctx.sqlite.prepare(`SELECT count(*) FROM settings WHERE key LIKE 'test.large.%'`).pluck().get()).toBe(10_000);
    core.close();
  });
});

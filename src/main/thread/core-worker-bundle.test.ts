import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../../test/support/test-core';

const root = path.resolve(import.meta.dirname, '../../..');
const outDir = path.join(root, 'node_modules', '.cache', 'ledenbeheer-test', 'core-thread');
const tmp = tempDir();
afterAll(() => tmp.cleanup());

/**
 * The worker and its host as plain JavaScript bundles (dependencies external, as in the
 * Electron build), started by plain Node without tsx: the worker entry must not depend on
 * the TypeScript loader the tests and the web host run under.
 */
describe('the core worker bundle', () => {
  it('is built and answers calls under plain Node', { timeout: 120_000 }, async () => {
    await build({
      entryPoints: { 'core-worker': path.join(root, 'src/main/core/thread/core-worker.ts'), 'core-thread': path.join(root, 'src/main/thread/core-thread.ts') },
      outdir: outDir,
      outExtension: { '.js': '.mjs' },
      bundle: true,
      platform: 'node',
      format: 'esm',
      packages: 'external',
      target: 'node22',
      logLevel: 'error',
    });
    const driver = path.join(outDir, 'driver.mjs');
    fs.writeFileSync(
      driver,
      `import { startCoreThread } from './core-thread.mjs';
const core = await startCoreThread({ file: process.argv[2], entry: new URL('./core-worker.mjs', import.meta.url).pathname, today: '2026-12-31' });
const created = await core.dispatch({ method: 'relations.create', params: { kind: 'person', fields: { lastName: 'Bundel' } } });
const found = await core.dispatch({ method: 'relations.search', params: { query: 'bund' } });
const info = await core.dispatch({ method: 'app.info', params: {} });
console.log(JSON.stringify({ created: created.ok, found: found.result.rows.map((r) => r.displayName), relations: info.result.relationCount }));
await core.close();
`,
    );
    const out = execFileSync(process.execPath, [driver, path.join(tmp.dir, 'bundle.sqlite')], { encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '' } });
    const result = JSON.parse(out.trim().split('\n').pop() ?? '{}') as { created: boolean; found: string[]; relations: number };
    expect(result.created).toBe(true);
    expect(result.found).toEqual(['Bundel']);
    expect(result.relations).toBe(1);
  });
});

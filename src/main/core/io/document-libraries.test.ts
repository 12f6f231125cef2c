import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Every core thread loads the whole core, so a library loaded at start is paid by each of them
 * (docs/architecture.md). The document libraries load on first use (document-libraries.ts): a
 * core that starts, opens an administration and closes has not loaded any of them.
 */
describe('the document libraries', () => {
  it('are not loaded when a core starts', () => {
    const root = path.resolve(import.meta.dirname, '../../../..');
    const out = execFileSync(process.execPath, ['--import', 'tsx', path.join(root, 'test/support/packages-at-start.mjs'), path.join(root, 'src/main/core/create-core.ts')], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, NODE_OPTIONS: '' },
    });
    const loaded = JSON.parse(out) as string[];
    // The watch sees packages (the database driver is always there), so an empty answer cannot pass.
    expect(loaded).toContain('better-sqlite3');
    for (const library of ['docx', '@cantoo/pdf-lib', 'exceljs']) expect(loaded).not.toContain(library);
  });
});

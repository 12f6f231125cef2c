import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { memberFile } from '../../../test/support/member-file';
import { importWhileProbing } from '../../../test/support/responsiveness';
import { tempDir } from '../../../test/support/test-core';
import { startWebHost } from '../web/web-host';
import { startCoreThread } from './core-thread';

const tmp = tempDir();
afterAll(() => tmp.cleanup());

/**
 * Issue 9: with the core on its worker threads, the host's main thread never waits on SQLite.
 * A 100,000-row import (the wizard's calls) commits and a full recompute runs while a timer
 * ticks on the main thread and searches go through the web host to the read connection.
 * The block is the main thread's own CPU time between ticks (process.threadCpuUsage): on
 * this shared machine the OS alone delays a timer by more than 50 ms now and then, which no
 * code of ours can prevent; with the core in-process the same job blocks it for ~1,200 ms.
 */
describe('the host main thread during long jobs', () => {
  it('stays responsive (timer never waits > 50 ms) and answers searches while a 100,000-row import commits', { timeout: 600_000 }, async () => {
    const www = path.join(tmp.dir, 'www');
    const core = await startCoreThread({ file: path.join(tmp.dir, 'big.sqlite'), today: '2026-06-15' });
    const host = await startWebHost({ core, staticDir: www, token: 'tok', port: 0 });
    const { port } = host.server.address() as { port: number };
    try {
      const search = async (query: string) => {
        const res = await fetch(`http://127.0.0.1:${port}/rpc`, {
          method: 'POST',
          headers: { authorization: 'Bearer tok', 'content-type': 'application/json' },
          body: JSON.stringify({ method: 'relations.search', params: { query } }),
        });
        const body = (await res.json()) as { ok: boolean };
        if (!body.ok) throw new Error(`search failed: ${JSON.stringify(body)}`);
      };
      const result = await importWhileProbing({ core, search, file: memberFile(100_000), fileName: 'leden.csv' });
      expect(result.created).toBe(100_000);
      expect(result.memberships).toBeGreaterThan(90_000);
      expect(result.answeredDuringCommit).toBeGreaterThan(0);
      expect(result.longestBlockMs, JSON.stringify(result.phasesMs)).toBeLessThan(50);
    } finally {
      await host.close();
      await core.close();
    }
  });
});

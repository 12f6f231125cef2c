import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createCore, type Core } from '../../src/main/core/create-core';

export interface TestClock {
  now: () => number;
  /** Moves the clock; `today()` follows. */
  set(iso: string): void;
  advance(ms: number): void;
}

export function testClock(startIso = '2026-11-22T10:00:00'): TestClock {
  let t = new Date(startIso).getTime();
  return {
    now: () => t,
    set: (iso) => void (t = new Date(`${iso}T10:00:00`).getTime()),
    advance: (ms) => void (t += ms),
  };
}

/** Deterministic ids: 'id-0001', 'id-0002', … so snapshots and orders are stable. */
export function sequentialIds(prefix = 'id'): () => string {
  let n = 0;
  return () => `${prefix}-${String(++n).padStart(4, '0')}`;
}

/** A core on a real in-memory SQLite database with the real migrations. */
export function createTestCore(opts: { file?: string; clock?: TestClock } = {}): Core & { clock: TestClock } {
  const clock = opts.clock ?? testClock();
  const core = createCore({ file: opts.file ?? ':memory:', now: clock.now, newId: sequentialIds(), actor: 'test', checkOutput: true });
  return Object.assign(core, { clock });
}

/** A fresh temporary folder, removed by the returned cleanup. */
export function tempDir(): { dir: string; cleanup: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ledenbeheer-test-'));
  return { dir, cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createCore, type Core } from '../../src/main/core/create-core';
import { generateDemo } from '../../src/main/core/demo/generate-demo';

export const BENCH_TODAY = '2026-11-22';
export const BENCH_SEED = 'bench';

/**
 * A folder for this run's files: the one bench/run.ts made (shared by every bench file, so
 * the 100k demo administration is generated once per run) or, when a bench runs alone, a
 * fresh temporary one.
 */
export function benchDir(): string {
  const shared = process.env['LEDENBEHEER_BENCH_DIR'];
  if (shared) return shared;
  return fs.mkdtempSync(path.join(os.tmpdir(), 'ledenbeheer-bench-'));
}

/** The demo administration with `relations` relations, generated on first use in this run. */
export function demoAdministration(
  relations: number,
  onPhase?: (phase: string, ms: number) => void,
): { core: Core; file: string; generated: { ms: number; rows: number } | null } {
  const file = path.join(benchDir(), `demo-${relations}.sqlite`);
  if (fs.existsSync(file)) return { core: createCore({ file, actor: 'bench' }), file, generated: null };
  const core = createCore({ file, actor: 'bench' });
  const t0 = performance.now();
  const { counts } = generateDemo(core, { relations, seed: BENCH_SEED, today: BENCH_TODAY, ...(onPhase ? { onPhase } : {}) });
  return { core, file, generated: { ms: performance.now() - t0, rows: Object.values(counts).reduce((a, b) => a + b, 0) } };
}

export function freshFile(name: string): string {
  const file = path.join(benchDir(), name);
  for (const s of ['', '-wal', '-shm']) fs.rmSync(file + s, { force: true });
  return file;
}

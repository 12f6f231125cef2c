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

/** This process's copy of each demo administration, by its number of relations. */
const workCopies = new Map<number, string>();

/**
 * The demo administration with `relations` relations, generated on first use in this run and
 * kept unchanged: each bench process works on its own copy of it (the same copy for every call
 * in that process), so what one bench writes (merges, edits, runs) never reaches the figures of
 * the next, and every bench measures the same administration whatever ran before it. The copy
 * is removed when the process ends.
 */
export function demoAdministration(
  relations: number,
  onPhase?: (phase: string, ms: number) => void,
): { core: Core; file: string; generated: { ms: number; cpuMs: number; rows: number } | null } {
  const kept = workCopies.get(relations);
  if (kept) return { core: createCore({ file: kept, actor: 'bench' }), file: kept, generated: null };
  const dir = benchDir();
  const pristine = path.join(dir, `demo-${relations}.sqlite`);
  let generated: { ms: number; cpuMs: number; rows: number } | null = null;
  if (!fs.existsSync(pristine)) {
    const building = freshFile(`demo-${relations}.building.sqlite`, dir);
    const core = createCore({ file: building, actor: 'bench' });
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    const { counts } = generateDemo(core, { relations, seed: BENCH_SEED, today: BENCH_TODAY, ...(onPhase ? { onPhase } : {}) });
    const cpu = process.cpuUsage(cpu0);
    generated = { ms: performance.now() - t0, cpuMs: (cpu.user + cpu.system) / 1000, rows: Object.values(counts).reduce((a, b) => a + b, 0) };
    // Closing the only connection checkpoints the WAL into the file, so the file alone is the administration.
    core.close();
    fs.renameSync(building, pristine);
  }
  const work = freshFile(`demo-${relations}-${process.pid}.sqlite`, dir);
  fs.copyFileSync(pristine, work);
  workCopies.set(relations, work);
  process.once('exit', () => {
    for (const s of ['', '-wal', '-shm']) fs.rmSync(work + s, { force: true });
  });
  return { core: createCore({ file: work, actor: 'bench' }), file: work, generated };
}

export function freshFile(name: string, dir = benchDir()): string {
  const file = path.join(dir, name);
  for (const s of ['', '-wal', '-shm']) fs.rmSync(file + s, { force: true });
  return file;
}

import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * Runs every bench/*.bench.ts in its own process, one after the other, and passes their
 * figures (one JSON object per line) through to stdout; also saved under bench/results/.
 * `npm run bench -- search exchange` runs only the files whose name contains one of the words.
 * The files share one temporary folder (LEDENBEHEER_BENCH_DIR) so expensive fixtures, like
 * the 100,000-relation demo administration, are built once per run.
 * The run exits non-zero when a file fails or any figure is `ok: false`.
 */
const here = import.meta.dirname;
const filters = process.argv.slice(2);
const files = fs
  .readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts') && (filters.length === 0 || filters.some((w) => f.includes(w))))
  .sort();
const shared = fs.mkdtempSync(path.join(os.tmpdir(), 'ledenbeheer-bench-run-'));
const resultsDir = path.join(here, 'results');
fs.mkdirSync(resultsDir, { recursive: true });
const resultsFile = path.join(resultsDir, `${new Date().toISOString().replace(/[:.]/g, '-')}.jsonl`);

function runOne(file: string): Promise<{ figures: Record<string, unknown>[]; code: number; ms: number }> {
  return new Promise((resolve) => {
    const started = performance.now();
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(here, file)], {
      env: { ...process.env, LEDENBEHEER_BENCH_DIR: shared },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const figures: Record<string, unknown>[] = [];
    let pending = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      pending += chunk;
      for (let nl = pending.indexOf('\n'); nl !== -1; nl = pending.indexOf('\n')) {
        const line = pending.slice(0, nl);
        pending = pending.slice(nl + 1);
        process.stdout.write(`${line}\n`);
        try {
          figures.push({ file, ...(JSON.parse(line) as Record<string, unknown>) });
        } catch {
          // not a figure: passed through only
        }
      }
    });
    child.on('close', (code) => resolve({ figures, code: code ?? 1, ms: performance.now() - started }));
  });
}

let failed = 0;
const notOkFigures: string[] = [];
try {
  for (const file of files) {
    process.stderr.write(`\n▶ ${file}\n`);
    const { figures, code, ms } = await runOne(file);
    fs.appendFileSync(resultsFile, figures.map((f) => JSON.stringify(f)).join('\n') + (figures.length ? '\n' : ''));
    const notOk = figures.filter((f) => f['ok'] === false).length;
    process.stderr.write(`  ${file}: ${figures.length} figures, ${notOk} not ok, exit ${code}, ${(ms / 1000).toFixed(1)} s\n`);
    if (code !== 0) failed++;
    for (const f of figures) if (f['ok'] === false) notOkFigures.push(`${file}: ${String(f['name'])}`);
  }
} finally {
  fs.rmSync(shared, { recursive: true, force: true });
}
process.stderr.write(`\nResults: ${path.relative(process.cwd(), resultsFile)}\n`);
// A target that is missed is a finding: the run fails, so it cannot go unnoticed in CI.
if (notOkFigures.length) process.stderr.write(`\nTargets missed (${notOkFigures.length}):\n${notOkFigures.map((n) => `  ✗ ${n}`).join('\n')}\n`);
process.exitCode = failed || notOkFigures.length ? 1 : 0;

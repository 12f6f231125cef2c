import Database from 'better-sqlite3';
import { createCore } from '../src/main/core/create-core';
import { demoAdministration } from './support/demo-fixture';
import { report } from './support/figures';

/**
 * Opening the 100,000-relation demo administration (BENCH_RELATIONS to change), as the app
 * and every CLI command do: median of 5 warm opens. Beside it, on the same file in the same
 * run, PRAGMA quick_check alone (the damage check every open runs) and a bare SQLite open,
 * so the share of the check is visible. Informational: there is no target for the open.
 * Run alone: node --import tsx bench/open.bench.ts
 */
const N = Number(process.env['BENCH_RELATIONS'] ?? 100_000);
const { core, file } = demoAdministration(N);
core.close();

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
function timed(fn: () => void, runs = 5): number {
  fn(); // warm the page cache
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    ms.push(performance.now() - t0);
  }
  return median(ms);
}

const open = timed(() => createCore({ file, actor: 'bench' }).close());
const quickCheck = timed(() => {
  const db = new Database(file, { readonly: true });
  db.pragma('quick_check', { simple: true });
  db.close();
});
const bare = timed(() => {
  const db = new Database(file, { readonly: true });
  db.prepare('SELECT count(*) FROM relations').get();
  db.close();
});
report({ name: `open administration (${N} relations), median of 5`, value: open, unit: 'ms', baseline: { name: 'bare SQLite open + count', value: bare, unit: 'ms' }, target: 'informational', ok: true });
report({ name: `of which PRAGMA quick_check at open (${N} relations)`, value: quickCheck, unit: 'ms', baseline: { name: 'the whole open', value: open, unit: 'ms' }, target: 'informational', ok: true });

import { systemTaskDiff } from '../src/main/core/tasks/system-tasks';
import { demoAdministration } from './support/demo-fixture';
import { percentile, report, time } from './support/figures';

/**
 * The navigation asks for the number of due tasks on every refresh, and that call brings the
 * app's own tasks up to date. On an unchanged administration it must cost next to nothing;
 * the baseline is the full check of every source (what each call cost before it was skipped).
 * Run alone: node --import tsx bench/tasks.bench.ts
 */
const N = Number(process.env['BENCH_RELATIONS'] ?? 100_000);
const { core } = demoAdministration(N);

await core.call('tasks.count', {}); // the first call syncs
const full = time(() => systemTaskDiff(core.ctx));
const samples: number[] = [];
for (let i = 0; i < 50; i++) {
  const t0 = performance.now();
  await core.call('tasks.count', {});
  samples.push(performance.now() - t0);
}
samples.sort((a, b) => a - b);
const p95 = percentile(samples, 95);
report({
  name: `tasks.count_unchanged_${N / 1000}k`,
  value: p95,
  unit: 'ms',
  baseline: { name: `full check of the system-task sources (${full.result.create.length} to create, ${full.result.close.length} to close)`, value: full.ms },
  target: '< 5 ms p95 over 50 calls on an unchanged administration',
  ok: p95 < 5,
});

// After any change the navigation's count runs the full check once (the sync cannot know which
// facts an operation touched): that is the price of every edit on a large administration.
const person = core.ctx.sqlite.prepare(`SELECT id FROM relations WHERE kind = 'person' AND deleted_at IS NULL ORDER BY id LIMIT 1`).get() as { id: string };
const afterChange: number[] = [];
for (let i = 0; i < 10; i++) {
  await core.call('relations.update', { id: person.id, fields: { lastName: `Bench${i}` } });
  const t0 = performance.now();
  await core.call('tasks.count', {});
  afterChange.push(performance.now() - t0);
}
afterChange.sort((a, b) => a - b);
const changedP95 = percentile(afterChange, 95);
report({
  name: `tasks.count_after_change_${N / 1000}k`,
  value: changedP95,
  unit: 'ms',
  target: '< 100 ms p95 over 10 edits: the check of every system-task source that follows each operation',
  ok: changedP95 < 100,
});
core.close();

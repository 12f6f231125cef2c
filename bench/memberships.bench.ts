import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildPartyAdministration } from './support/membership-fixture';
import { percentile, report, time } from './support/figures';
import { computeMemberships } from '../src/main/core/memberships/membership-engine';
import { naiveMemberships } from '../test/support/naive-membership';
import { evaluateCondition } from '../src/main/core/conditions/condition-engine';
import { naiveEvaluator } from '../test/support/naive-condition';
import type { Condition } from '../src/shared/contract';

/**
 * The rule engine and the condition engine at 100,000 relations with 20 years of history and
 * a 4-level tree of ~200 units. Baseline: the naive day-by-day definition on a sample,
 * extrapolated per relation-day, measured in the same run.
 */
const N = Number(process.env.BENCH_RELATIONS ?? 100_000);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ledenbeheer-bench-'));

const { core, relationIds, unitIds, typeId } = await buildPartyAdministration(dir, N);
const units = unitIds.length;

const initial = await (async () => {
  const t0 = performance.now();
  const r = await core.call('memberships.recompute', {});
  return { ms: performance.now() - t0, memberships: r.memberships, relations: r.changes.relations };
})();
report({ name: 'memberships.initial_compute_and_store', value: initial.ms, unit: 'ms', target: `${N} relations, ${units} units, ${initial.memberships} periods written (audited); informational`, ok: true });

const noop = await (async () => {
  const t0 = performance.now();
  await core.call('memberships.recompute', {});
  return performance.now() - t0;
})();
// Named for what it measures: a full recompute of everyone when nothing changed (the diff writes nothing).
report({ name: 'memberships.full_recompute_nothing_changed', value: noop, unit: 'ms', target: '< 5000 ms (every relation computed and compared, no period written)', ok: noop < 5000 });

// Only the time is kept: holding a 100,000-relation result would make later figures measure GC.
const computeOnly = { ms: time(() => void computeMemberships(core.ctx, null)).ms };
report({ name: 'memberships.full_compute_in_memory', value: computeOnly.ms, unit: 'ms', target: 'informational (compute without the diff/write)', ok: true });

// A rule change that moves part of a municipality: compute, diff and write the changes.
const dept = (await core.call('units.list', {})).rows.find((u) => u.name.startsWith('Afdeling'))!;
const rule = await core.call('units.get', { id: dept.id });
const range = (rule.rules[0]!.condition as Extract<Condition, { type: 'address' }>).postcodeRanges![0]!;
const changed = await (async () => {
  const t0 = performance.now();
  const r = await core.call('rules.setVersion', { unitId: dept.id, validFrom: '2024-01-01', condition: { type: 'address', addressTypes: ['home'], postcodeRanges: [{ from: range.from, to: range.from + Math.max(1, Math.floor((range.to - range.from) / 2)) }] } });
  return { ms: performance.now() - t0, relations: r.changes.relations };
})();
report({ name: 'memberships.rule_change_recompute', value: changed.ms, unit: 'ms', target: `< 5000 ms (${changed.relations} relations changed)`, ok: changed.ms < 5000 });

// Incremental: one relation's address changes, memberships recomputed inside the same write.
const incremental: number[] = [];
for (let i = 0; i < 50; i++) {
  const id = relationIds[(i * 7919) % relationIds.length]!;
  const t0 = performance.now();
  await core.call('addresses.add', { relationId: id, address: { type: 'postal', street: 'Postbus', houseNumber: i + 1, postcode: '3511 AB' } });
  incremental.push(performance.now() - t0);
}
incremental.sort((a, b) => a - b);
const incrementalOnly: number[] = [];
for (let i = 0; i < 50; i++) {
  const id = relationIds[(i * 104_729) % relationIds.length]!;
  incrementalOnly.push(time(() => core.ctx.write('bench.one', null, () => computeMemberships(core.ctx, [id]))).ms);
}
incrementalOnly.sort((a, b) => a - b);

// Baseline: the naive definition, per relation over a 20-year range of days, on a sample.
const naive = naiveMemberships(core.ctx.sqlite);
const sample = relationIds.slice(0, 2);
const days: string[] = [];
for (let d = Date.parse('2006-01-01'); d < Date.parse('2026-01-01'); d += 86_400_000 * 7) days.push(new Date(d).toISOString().slice(0, 10));
const naiveTime = time(() => {
  for (const rid of sample) for (const u of unitIds) for (const day of days) naive(rid, u, typeId, day);
});
const naivePerRelation = (naiveTime.ms / sample.length) * 7; // weekly samples → per day
const enginePerRelation = computeOnly.ms / N;
report({
  name: 'memberships.per_relation_20y',
  value: enginePerRelation,
  unit: 'ms/relation',
  baseline: { name: 'naive day-by-day evaluator (20 years, all units)', value: naivePerRelation, unit: 'ms/relation' },
  ratio: enginePerRelation / naivePerRelation,
  target: 'far below the naive evaluator',
  ok: enginePerRelation < naivePerRelation,
});
report({ name: 'memberships.incremental_write_p50', value: percentile(incremental, 50), unit: 'ms', target: 'whole write incl. recompute; informational', ok: true });
report({ name: 'memberships.incremental_recompute_p95', value: percentile(incrementalOnly, 95), unit: 'ms', target: '< 10 ms', ok: percentile(incrementalOnly, 95) < 10 });

// Conditions: a 5-atom condition over everyone, on one date and over 20 years.
const condition: Condition = {
  type: 'and',
  items: [
    { type: 'subscription', typeCodes: ['lidmaatschap'] },
    { type: 'age', min: 18, max: 67 },
    { type: 'address', addressTypes: ['home'], provinces: ['Utrecht', 'Noord-Holland', 'Zuid-Holland'] },
    { type: 'not', item: { type: 'address', postcodeRanges: [{ from: 1000, to: 1099 }] } },
    { type: 'alive' },
  ],
};
const onDate = time(() => evaluateCondition(core.ctx, condition, { on: '2024-03-01' }).size);
const period = time(() => evaluateCondition(core.ctx, condition, { from: '2006-01-01', to: '2026-01-01' }).size);
const naiveCond = naiveEvaluator(core.ctx.sqlite);
const condSample = relationIds.slice(0, 1000);
const naiveDate = time(() => condSample.forEach((id) => naiveCond.holds(condition, id, '2024-03-01')));
const naivePeriod = time(() => condSample.slice(0, 50).forEach((id) => days.forEach((d) => naiveCond.holds(condition, id, d))));
report({
  name: 'conditions.five_atoms_on_date',
  value: onDate.ms,
  unit: 'ms',
  baseline: { name: 'naive evaluator, extrapolated from 1,000 relations', value: (naiveDate.ms / condSample.length) * N },
  target: `< 1000 ms and below the naive evaluator (${onDate.result} matches)`,
  ok: onDate.ms < 1000 && onDate.ms < (naiveDate.ms / condSample.length) * N,
});
report({
  name: 'conditions.five_atoms_over_20_years',
  value: period.ms,
  unit: 'ms',
  baseline: { name: 'naive per-day evaluator, extrapolated from 50 relations × weekly days', value: (naivePeriod.ms / 50) * 7 * N },
  target: '< 3000 ms and below the naive evaluator',
  ok: period.ms < 3000 && period.ms < (naivePeriod.ms / 50) * 7 * N,
});

core.close();
fs.rmSync(dir, { recursive: true, force: true });

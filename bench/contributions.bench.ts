import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildPartyAdministration } from './support/membership-fixture';
import { report, time } from './support/figures';
import { schedule2027 } from '../src/main/core/contributions/testing/contribution-fixture';

/**
 * A contribution run at 100,000 relations (~70,000 members, households by address, age
 * categories, pro rata): the dry run and the commit of its plan, beside a raw insert of the same
 * invoices, lines and instalments (plain prepared INSERTs into the same tables without the
 * audit, in one transaction) measured in the same run.
 */
const N = Number(process.env.BENCH_RELATIONS ?? 100_000);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ledenbeheer-bench-'));
const { core } = await buildPartyAdministration(dir, N);
await core.call('memberships.recompute', {});
await core.call('feeSchedules.save', { schedule: schedule2027({ oneOffCharges: [] }) });
const run = (dryRun: boolean, planId?: string) =>
  core.call('contributionRuns.run', { periodCode: '2027', invoiceDate: '2026-12-01', dryRun, itemLimit: 0, ...(planId ? { planId } : {}) });
const cpuMs = (c: NodeJS.CpuUsage) => (c.user + c.system) / 1000;

// As the treasurer does it: the dry run, then the commit of exactly that plan.
const dry = { ms: 0, cpuMs: 0, invoices: 0, problems: 0, planId: null as string | null };
{
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const r = await run(true);
  Object.assign(dry, { ms: performance.now() - t0, cpuMs: cpuMs(process.cpuUsage(c0)), invoices: r.invoiceCount, problems: r.problems.length, planId: r.planId });
}
if (!dry.planId) throw new Error('the dry run held no plan');
const commit = { ms: 0, cpuMs: 0, lines: 0 };
{
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const r = await run(false, dry.planId);
  Object.assign(commit, { ms: performance.now() - t0, cpuMs: cpuMs(process.cpuUsage(c0)), lines: r.lineCount });
}
// The WAL checkpoint the commit leaves for when the writer is idle (db/idle-checkpoint.ts): the work moved, shown.
const checkpoint = time(() => core.ctx.sqlite.pragma('wal_checkpoint(PASSIVE)'));

// Baseline: the rows the commit wrote, inserted again with plain prepared INSERTs into the same
// tables (same indexes and foreign keys, no audit), in a transaction that is rolled back.
const db = core.ctx.sqlite;
const tables = ['invoices', 'invoice_lines', 'invoice_instalments'];
const rows = Object.fromEntries(tables.map((t) => [t, db.prepare(`SELECT * FROM ${t}`).raw().all() as unknown[][]]));
let rawMs = 0;
try {
  db.transaction(() => {
    for (const t of tables) for (const a of ['insert', 'update', 'delete']) db.exec(`DROP TRIGGER IF EXISTS audit_${t}_${a}`);
    for (const t of [...tables].reverse()) db.exec(`DELETE FROM ${t}`);
    rawMs = time(() => {
      for (const t of tables) {
        const first = rows[t]![0];
        if (!first) continue;
        const insert = db.prepare(`INSERT INTO ${t} VALUES (${first.map(() => '?').join(', ')})`);
        for (const r of rows[t]!) insert.run(r);
      }
    }).ms;
    throw new Error('rollback');
  })();
} catch (e) {
  if ((e as Error).message !== 'rollback') throw e;
}
const raw = { ms: rawMs };

const target = `< 5000 ms and ≤ 3x the raw insert (${dry.invoices} invoices, ${commit.lines} lines, ${dry.problems} problems)`;
report({ name: 'contributions.run_dry_run', value: dry.ms, unit: 'ms', baseline: { name: 'raw insert of the same rows', value: raw.ms, unit: 'ms' }, target, ok: dry.ms < 5000 && dry.ms <= 3 * raw.ms, cpuMs: dry.cpuMs });
report({ name: 'contributions.run_commit', value: commit.ms, unit: 'ms', baseline: { name: 'raw insert of the same rows', value: raw.ms, unit: 'ms' }, target, ok: commit.ms < 5000 && commit.ms <= 3 * raw.ms, cpuMs: commit.cpuMs });
report({ name: 'contributions.run_commit_checkpoint', value: checkpoint.ms, unit: 'ms', target: 'context: the WAL checkpoint after the commit, run once its answer is out (not in the commit\'s figure)', ok: true, cpuMs: checkpoint.cpuMs });
core.close();
fs.rmSync(dir, { recursive: true, force: true });

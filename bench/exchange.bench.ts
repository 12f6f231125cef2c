import fs from 'node:fs';
import Database from 'better-sqlite3';
import { getTableColumns } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import { createCore } from '../src/main/core/create-core';
import { buildDemoData } from '../src/main/core/demo/build-demo';
import { demoEnvironment, generateDemo } from '../src/main/core/demo/generate-demo';
import { bulkLoad, type BulkRow } from '../src/main/core/exchange/bulk-load';
import { exportJson } from '../src/main/core/exchange/json-export';
import { importJson } from '../src/main/core/exchange/json-import';
import { relations } from '../src/main/core/db/schema';
import { derivedNames } from '../src/main/core/relations/relation-names';
import { BENCH_SEED, BENCH_TODAY, demoAdministration, freshFile } from './support/demo-fixture';
import { report } from './support/figures';

/**
 * Demo generation, bulk insert against raw better-sqlite3, and the JSON export/import, at
 * 100,000 relations (BENCH_RELATIONS to change; the import at 2,000 to keep the run short).
 * CPU-time figures beside the wall-clock ones: on a shared machine they say more.
 * Run alone: node --import tsx bench/exchange.bench.ts
 */
const N = Number(process.env['BENCH_RELATIONS'] ?? 100_000);
const IMPORT_N = Math.min(N, 2_000);

// ── demo generation (also the administration the search bench uses) ──────────────────
{
  const phases: Record<string, number> = {};
  const cpu0 = process.cpuUsage();
  const shared = demoAdministration(N, (p, t) => void (phases[p] = t));
  const cpu = process.cpuUsage(cpu0);
  shared.core.close();
  // Only when another bench of this run generated it first: measure a throw-away one.
  const generated =
    shared.generated ??
    (() => {
      const core = createCore({ file: freshFile('demo-again.sqlite'), actor: 'bench' });
      const t0 = performance.now();
      const r = generateDemo(core, { relations: N, seed: BENCH_SEED, today: BENCH_TODAY, onPhase: (p, t) => void (phases[p] = t) });
      core.close();
      return { ms: performance.now() - t0, rows: Object.values(r.counts).reduce((a, b) => a + b, 0) };
    })();
  const { ms, rows } = generated;
  report({
    name: `demo.generate_${N / 1000}k`,
    value: ms,
    unit: 'ms',
    target: `< 5000 ms: ${N} relations with 20 years of history (${rows} rows, each audited, search index rebuilt)`,
    ok: ms < 5000,
  });
  if (shared.generated) {
    report({ name: `demo.generate_${N / 1000}k_cpu`, value: (cpu.user + cpu.system) / 1000, unit: 'ms', target: 'informational: CPU time of the same run', ok: true });
  }
  for (const [phase, t] of Object.entries(phases)) {
    report({ name: `demo.generate_phase.${phase}`, value: t, unit: 'ms', target: 'informational', ok: true });
  }
}

// ── bulk insert of relations: ours (complete path) against one raw prepared INSERT ────────
{
  const probe = createCore({ file: freshFile('probe.sqlite'), actor: 'bench' });
  const rows = buildDemoData({ relations: N, seed: BENCH_SEED, today: BENCH_TODAY }, demoEnvironment(probe.ctx)).relations;
  probe.close();

  const ours = (): { total: number; rowsPhase: number } => {
    const core = createCore({ file: freshFile('bulk.sqlite'), actor: 'bench' });
    let rowsPhase = 0;
    const t0 = performance.now();
    core.ctx.write('bench.bulk', null, () =>
      bulkLoad(core.ctx, (l) => rows.forEach((r) => l.insert('relations', r)), { deferIndexes: true, onPhase: (p, t) => void (p === 'rows' && (rowsPhase = t)) }),
    );
    const total = performance.now() - t0;
    core.close();
    return { total, rowsPhase };
  };

  // The baseline gets its values ready-made (arrays, derived names computed outside the clock).
  const columns = Object.values(getTableColumns(relations) as Record<string, SQLiteColumn>).map((c) => c.name);
  const keys = Object.keys(getTableColumns(relations));
  const values = rows.map((r: BulkRow<'relations'>) => {
    const names = derivedNames(r.kind, { initials: r.initials ?? null, firstName: r.firstName ?? null, infix: r.infix ?? null, lastName: r.lastName ?? null, exactName: r.exactName ?? false, name: r.name ?? null, email: r.email ?? null });
    const full: Record<string, unknown> = { ...r, ...names, exactName: r.exactName ? 1 : 0 };
    return keys.map((k) => full[k] ?? null);
  });
  const raw = (): number => {
    const db = new Database(freshFile('raw.sqlite'));
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.exec(`CREATE TABLE plain (${columns.join(', ')})`);
    const stmt = db.prepare(`INSERT INTO plain (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`);
    const t0 = performance.now();
    db.transaction(() => values.forEach((v) => stmt.run(v)))();
    const ms = performance.now() - t0;
    db.close();
    return ms;
  };

  // Raw first, ours right after: both in the same minute of this (possibly busy) machine.
  const rawMs = raw();
  const best = ours();
  const rate = (ms: number) => N / (ms / 1000);
  const baseline = { name: 'raw better-sqlite3: plain table, same columns, one prepared INSERT, one transaction', value: Math.round(rate(rawMs)), unit: 'rows/s' };
  report({
    name: 'bulk.relations_insert_rate',
    value: rate(best.total),
    unit: 'rows/s',
    baseline,
    target: '≥ 0.5 × raw (within 2x); ours = the whole path: rows, audit, indexes, statistics, search index, commit',
    ok: rate(best.total) >= 0.5 * rate(rawMs),
  });
  report({
    name: 'bulk.relations_rows_phase_rate',
    value: rate(best.rowsPhase),
    unit: 'rows/s',
    baseline,
    target: 'informational: the row inserts alone (relations table with its unique indexes, JS mapping, derived names)',
    ok: true,
  });
}

// ── JSON export of the 100k administration, import of a 10k one ─────────────────────
{
  const { core } = demoAdministration(N);
  const out = freshFile('export.json');
  const t0 = performance.now();
  const r = exportJson(core.ctx, out);
  const ms = performance.now() - t0;
  core.close();
  report({ name: `exchange.export_json_${N / 1000}k`, value: ms, unit: 'ms', target: `informational (${(r.bytes / 1e6).toFixed(0)} MB, streamed)`, ok: true });
  fs.rmSync(out, { force: true });

  const small = createCore({ file: freshFile('import-source.sqlite'), actor: 'bench' });
  generateDemo(small, { relations: IMPORT_N, seed: BENCH_SEED, today: BENCH_TODAY });
  const json = freshFile('import.json');
  exportJson(small.ctx, json);
  small.close();
  const target = createCore({ file: freshFile('import-target.sqlite'), actor: 'bench' });
  const t1 = performance.now();
  const imported = importJson(target.ctx, json);
  const importMs = performance.now() - t1;
  target.close();
  const records = Object.values(imported.counts).reduce((a, b) => a + b, 0);
  report({
    name: `exchange.import_json_${IMPORT_N / 1000}k`,
    value: records / (importMs / 1000),
    unit: 'records/s',
    target: `informational (${records} records validated, audited and indexed in ${Math.round(importMs)} ms)`,
    ok: true,
  });
}

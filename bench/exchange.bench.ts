import fs from 'node:fs';
import Database from 'better-sqlite3';
import { getTableColumns, getTableName } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import { createCore } from '../src/main/core/create-core';
import { buildDemoData } from '../src/main/core/demo/build-demo';
import { demoEnvironment, generateDemo } from '../src/main/core/demo/generate-demo';
import { BULK_TABLE_NAMES, BULK_TABLES, bulkLoad, type BulkRow } from '../src/main/core/exchange/bulk-load';
import { exportJson } from '../src/main/core/exchange/json-export';
import { importJson } from '../src/main/core/exchange/json-import';
import { relations } from '../src/main/core/db/schema';
import { derivedNamesOfRow } from '../src/main/core/relations/relation-names';
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
  const shared = demoAdministration(N, (p, t) => void (phases[p] = t));
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
  // The same rows inserted raw into the same tables (schema and indexes as a fresh
  // administration has them, no audit, no search index), values prepared outside the clock.
  const rawMs = rawInsertOfDemo();
  // The demo modules (association, contributions, contact log…) go through the app's own code on top of the bulk rows; the raw baseline covers the bulk rows only.
  const loadMs = ms - (phases['build'] ?? 0) - (phases['modules'] ?? 0);
  report({
    name: `demo.generate_${N / 1000}k`,
    value: ms,
    unit: 'ms',
    target: `informational: ${N} relations with 20 years of history (${rows} rows in ${BULK_TABLE_NAMES.length} tables, each audited, search index rebuilt), building the rows in memory included`,
    ok: true,
  });
  report({
    name: `demo.load_${N / 1000}k`,
    value: loadMs,
    unit: 'ms',
    baseline: { name: 'raw better-sqlite3: the same rows, one prepared INSERT per table, into the same tables and indexes (no audit, no search index, no foreign-key checks), one transaction', value: rawMs },
    // The 2x target the demo's load was given: the whole load (rows, audit rows of every record and their indexes,
    // statistics, search index) within 2x of inserting the same rows raw.
    target: '<= 2x baseline: the demo\'s load (rows, audit, indexes, statistics, search index) beside the same rows inserted raw, building the rows in memory and the demo modules (phase modules) not included',
    ok: loadMs / rawMs <= 2,
  });
  if (shared.generated) {
    report({ name: `demo.generate_${N / 1000}k_cpu`, value: shared.generated.cpuMs, unit: 'ms', target: 'informational: CPU time of the same run', ok: true });
  }
  for (const [phase, t] of Object.entries(phases)) {
    report({ name: `demo.generate_phase.${phase}`, value: t, unit: 'ms', target: 'informational', ok: true });
  }
}

/** The tables of a fresh administration (columns, keys, indexes), without its triggers. */
function administrationSchema(tables: readonly string[]): string[] {
  const probe = createCore({ file: freshFile('schema.sqlite'), actor: 'bench' });
  const sql = probe.ctx.sqlite
    .prepare(`SELECT sql FROM sqlite_master WHERE type IN ('table', 'index') AND sql IS NOT NULL AND tbl_name IN (SELECT value FROM json_each(?)) ORDER BY type DESC`)
    .all(JSON.stringify(tables)) as { sql: string }[];
  probe.close();
  return sql.map((r) => r.sql);
}

function rawInsertOfDemo(): number {
  const probe = createCore({ file: freshFile('demo-probe.sqlite'), actor: 'bench' });
  const data = buildDemoData({ relations: N, seed: BENCH_SEED, today: BENCH_TODAY }, demoEnvironment(probe.ctx));
  probe.close();
  const tables = BULK_TABLE_NAMES.map((key) => ({ name: getTableName(BULK_TABLES[key]), columns: Object.entries(getTableColumns(BULK_TABLES[key]) as Record<string, SQLiteColumn>), rows: data[key] as Record<string, unknown>[] }));
  const prepared = tables.map((t) => ({
    ...t,
    values: t.rows.map((r) => {
      const full: Record<string, unknown> = t.name === 'relations' ? { ...r, ...derivedNamesOfRow(r) } : r;
      return t.columns.map(([key, c]) => {
        const v = full[key] ?? (c.hasDefault && c.default !== undefined ? c.default : null);
        return typeof v === 'boolean' ? (v ? 1 : 0) : v;
      });
    }),
  }));
  const db = new Database(freshFile('raw-demo.sqlite'));
  // The rows point at relation types a fresh administration brings; the raw copy has none.
  db.pragma('foreign_keys = OFF');
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  for (const sql of administrationSchema(tables.map((t) => t.name))) db.exec(sql);
  const t0 = performance.now();
  db.transaction(() => {
    for (const t of prepared) {
      const stmt = db.prepare(`INSERT INTO ${t.name} (${t.columns.map(([, c]) => c.name).join(', ')}) VALUES (${t.columns.map(() => '?').join(', ')})`);
      for (const v of t.values) stmt.run(v);
    }
  })();
  const ms = performance.now() - t0;
  db.close();
  return ms;
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
    const names = derivedNamesOfRow(r);
    const full: Record<string, unknown> = { ...r, ...names, exactName: r.exactName ? 1 : 0 };
    return keys.map((k) => full[k] ?? null);
  });
  // The relations table exactly as a fresh administration has it (columns, primary key, unique
  // and secondary indexes), without the audit and search triggers that refuse raw writes.
  const relationsSchema = administrationSchema(['relations']);
  const raw = (table: 'relations' | 'plain'): number => {
    const db = new Database(freshFile(`raw-${table}.sqlite`));
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    if (table === 'plain') db.exec(`CREATE TABLE plain (${columns.join(', ')})`);
    else for (const sql of relationsSchema) db.exec(sql);
    const stmt = db.prepare(`INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`);
    const t0 = performance.now();
    db.transaction(() => values.forEach((v) => stmt.run(v)))();
    const ms = performance.now() - t0;
    db.close();
    return ms;
  };

  // Three rounds of raw, plain and ours, interleaved so all see the same (possibly busy)
  // machine; each figure is its best round.
  let rawMs = Infinity;
  let plainMs = Infinity;
  let best = { total: Infinity, rowsPhase: Infinity };
  for (let round = 0; round < 3; round++) {
    rawMs = Math.min(rawMs, raw('relations'));
    plainMs = Math.min(plainMs, raw('plain'));
    const o = ours();
    if (o.total < best.total) best = o;
  }
  const rate = (ms: number) => N / (ms / 1000);
  const baseline = { name: 'raw better-sqlite3: one prepared INSERT per row into the relations table (same schema and indexes, no audit, no search index), one transaction', value: Math.round(rate(rawMs)), unit: 'rows/s' };
  report({
    name: 'bulk.relations_insert_rate',
    value: rate(best.total),
    unit: 'rows/s',
    baseline,
    // A bare table (same columns, no key or index) is context only: it does not do the same work.
    target: `≥ 0.5 × raw (within 2x); ours = the whole path: rows, audit, indexes, statistics, search index, commit (best of 3 rounds each; a bare table takes ${Math.round(rate(plainMs))} rows/s)`,
    ok: rate(best.total) >= 0.5 * rate(rawMs),
  });
  report({
    name: 'bulk.relations_rows_phase_rate',
    value: rate(best.rowsPhase),
    unit: 'rows/s',
    baseline,
    target: '≥ 0.5 × raw: the row inserts alone (relations table with its keys, secondary indexes deferred; JS mapping, derived names)',
    ok: rate(best.rowsPhase) >= 0.5 * rate(rawMs),
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

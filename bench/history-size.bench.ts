import fs from 'node:fs';
import Database from 'better-sqlite3';
import { report } from './support/figures';
import { BENCH_TODAY, demoAdministration } from './support/demo-fixture';

/**
 * How large the 100,000-relation demo administration (20 years of history) is on disk, per
 * relation, and how much of that is history (audit_log and its indexes, from SQLite's dbstat).
 * Target (issue 10 item 7): ≤ 3 KB per relation, so the file stays small enough to copy often.
 * `npm run bench -- history-size`.
 */
const N = Number(process.env.BENCH_RELATIONS ?? 100_000);
const { core, file } = demoAdministration(N);
const sqlite = core.ctx.sqlite;
// As a secretary's file is: with what the overview stores across closing (core/db/derived-state.ts), stored at close below.
await core.call('overview.get', { on: BENCH_TODAY });
sqlite.pragma('wal_checkpoint(TRUNCATE)');
const relations = sqlite.prepare('SELECT count(*) FROM relations').pluck().get() as number;
const parts = sqlite.prepare(`SELECT name, sum(pgsize) AS bytes FROM dbstat GROUP BY name`).all() as { name: string; bytes: number }[];
const audit = parts.filter((p) => p.name === 'audit_log' || p.name.startsWith('audit_')).reduce((n, p) => n + p.bytes, 0);
const auditRows = sqlite.prepare('SELECT count(*) FROM audit_log').pluck().get() as number;
core.close();
const derived = (() => {
  const db = new Database(file, { readonly: true });
  const n = db.prepare('SELECT coalesce(sum(length(data)), 0) FROM derived_state').pluck().get() as number;
  db.close();
  return n;
})();
const bytes = fs.statSync(file).size;
const KB3 = 3 * 1024;
report({ name: 'storage.bytes_per_relation', value: bytes / relations, unit: 'bytes', target: `≤ ${KB3} bytes per relation (${relations} relations, file ${bytes} bytes, of which ${derived} the overview's derived state)`, ok: bytes / relations <= KB3 });
report({
  name: 'storage.history_bytes_per_relation',
  value: audit / relations,
  unit: 'bytes',
  baseline: { name: 'the whole file per relation', value: bytes / relations, unit: 'bytes' },
  target: `informational: audit_log and its indexes, ${auditRows} audit rows (${Math.round(audit / auditRows)} bytes per row)`,
  ok: true,
});

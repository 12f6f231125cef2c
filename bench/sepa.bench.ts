import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createCore } from '../src/main/core/create-core';
import { collectBatch } from '../src/main/core/sepa/collection-batch';
import { CREDITOR, seedCollection } from '../src/main/core/sepa/testing/sepa-fixture';
import { benchDir, freshFile } from './support/demo-fixture';
import { report, time } from './support/figures';

/**
 * A pain.008 of 100,000 debits from a contribution run: the preview (the export rolled back)
 * and the export (batch, items, invoices' EndToEndIds, mandates marked used, run closed, the
 * file), beside the bare XML writing of the same file in the same run. The XSD validation by
 * xmllint is timed apart: it is the check, not the work.
 */
const N = Number(process.env.BENCH_DEBITS ?? 100_000);
// The seeded administration is kept in the bench folder (built once, ~1 min at 100k) and every
// run works on a fresh copy of it: the export closes the run, so a used file cannot be measured again.
const dir = benchDir();
const fixture = path.join(dir, `sepa-${N}.sqlite`);
if (!fs.existsSync(fixture)) {
  const building = freshFile(`sepa-${N}.building.sqlite`);
  const seeding = createCore({ file: building, actor: 'bench' });
  await seeding.call('sepa.setCreditor', { settings: { ...CREDITOR, maxFileNameLength: null } });
  await seedCollection(
    seeding,
    Array.from({ length: N }, (_, i) => ({ name: i % 7 === 0 ? `Zoë & Ëlisabeth van der Berg-Ørsted ${i}` : `Lid ${i}`, amountCents: 2500 + (i % 50) * 100 })),
  );
  seeding.ctx.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  seeding.close();
  fs.renameSync(building, fixture);
}
const work = freshFile(`sepa-${N}-work.sqlite`);
fs.copyFileSync(fixture, work);
const core = createCore({ file: work, actor: 'bench' });
const runId = core.ctx.sqlite.prepare(`SELECT id FROM contribution_runs WHERE status = 'open'`).pluck().get() as string;
const input = { runId, date: '2027-01-15', itemLimit: 0, dryRun: true };

const dry = time(() => collectBatch(core.ctx, input));
let bytes: Buffer | null = null;
const commit = time(() => collectBatch(core.ctx, { ...input, dryRun: false }, { place: (b) => void (bytes = b) }));
// The WAL checkpoint the export leaves for when the writer is idle (db/idle-checkpoint.ts), timed here before the loop turns: the work moved, shown.
const checkpoint = time(() => core.ctx.sqlite.pragma('wal_checkpoint(PASSIVE)'));
const file = path.join(dir, `sepa-${N}-incasso.xml`);
fs.writeFileSync(file, bytes!);

// Baseline: only laying out the file's bytes for the same debits, with the export's writer (what any writer must do at least).
const { writePain008Bytes } = await import('../src/main/core/sepa/pain008-writer');
const rows = core.ctx.sqlite
  .prepare('SELECT pmt_inf_id AS p, end_to_end_id AS e, amount_cents AS a, iban, remittance AS r FROM sepa_batch_items WHERE batch_id = ?')
  .all(commit.result.batchId) as { p: string; e: string; a: number; iban: string; r: string }[];
const write = time(() =>
  writePain008Bytes({
    version: '02', msgId: commit.result.msgId, createdAt: '2027-01-01T10:00:00', batchBooking: true, creditor: CREDITOR,
    groups: [{ pmtInfId: rows[0]!.p, date: '2027-01-15', sequenceType: 'RCUR', debits: rows.map((x) => ({ endToEndId: x.e, amountCents: x.a, mandateReference: 'M1-1', signedOn: '2024-03-01', amendment: null, debtor: { name: 'Lid', iban: x.iban, bic: null }, remittance: x.r })) }],
  }),
);

const xsd = path.resolve(import.meta.dirname, '../test/fixtures/sepa-xsd/pain.008.001.02.xsd');
let valid = false;
const validation = time(() => {
  try {
    execFileSync('xmllint', ['--noout', '--schema', xsd, file], { stdio: ['ignore', 'pipe', 'pipe'] });
    valid = true;
  } catch {
    valid = false;
  }
});

const baseline = { name: 'writing the same XML only', value: write.ms, unit: 'ms' };
const what = `${commit.result.transactionCount} debits, ${(fs.statSync(file).size / 1e6).toFixed(1)} MB; load ${os.loadavg()[0]!.toFixed(2)}`;
report({ name: 'sepa.pain008_write', value: write.ms, unit: 'ms', target: `context: the baseline below, laying out the file for the planned debits (${what})`, ok: true, cpuMs: write.cpuMs });
report({ name: 'sepa.pain008_preview', value: dry.ms, unit: 'ms', baseline, target: `< 3000 ms (${what})`, ok: dry.ms < 3000 && dry.result.problems.length === 0, cpuMs: dry.cpuMs });
report({ name: 'sepa.pain008_export', value: commit.ms, unit: 'ms', baseline, target: `< 3000 ms, one transaction with its History, the file kept; the WAL checkpoint runs once the answer is out (db/idle-checkpoint.ts) (${what})`, ok: commit.ms < 3000 && commit.result.saved, cpuMs: commit.cpuMs });
report({ name: 'sepa.pain008_export_checkpoint', value: checkpoint.ms, unit: 'ms', target: `context: the WAL checkpoint after the export, run once its answer is out (not in the export's figure) (${what})`, ok: true, cpuMs: checkpoint.cpuMs });
report({ name: 'sepa.pain008_xsd_validation', value: validation.ms, unit: 'ms', target: `timed apart from the export; the file validates (${what})`, ok: valid });
core.close();
for (const f of [work, `${work}-wal`, `${work}-shm`, file]) fs.rmSync(f, { force: true });

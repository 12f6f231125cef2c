import os from 'node:os';
import { createCore } from '../src/main/core/create-core';
import { generateDemo } from '../src/main/core/demo/generate-demo';
import { createInvoice } from '../src/main/core/contributions/invoices';
import { writeCamt053, type CamtEntry } from '../src/main/core/bank/camt-writer';
import { readStatement } from '../src/main/core/bank/read-statement';
import { BENCH_SEED, BENCH_TODAY, freshFile } from './support/demo-fixture';
import { report, time } from './support/figures';

/**
 * Matching a bank statement of 10,000 entries against 10,000 open invoices of a 10,000-relation
 * administration: 4,000 collections booked one by one (EndToEndId), 4,000 transfers with a
 * betalingskenmerk, 1,000 known only by IBAN and amount, 500 returns (MD06), 500 left over.
 * The import's dry run (read, match, book, roll back) and its commit, beside reading the same
 * file alone, measured in the same run.
 */
const N = Number(process.env.BENCH_BANK_ENTRIES ?? 10_000);
const file = freshFile('bank-bench.sqlite');
const core = createCore({ file, actor: 'bench' });
generateDemo(core, { relations: N, seed: BENCH_SEED, today: BENCH_TODAY });
const ctx = core.ctx;
const people = ctx.sqlite.prepare(`SELECT id, display_name AS name, iban FROM relations WHERE kind = 'person' AND deleted_at IS NULL AND iban IS NOT NULL ORDER BY number`).all() as { id: string; name: string; iban: string }[];
const invoices: { id: string; number: string; reference: string; cents: number; name: string; iban: string; relationId: string }[] = [];
ctx.write('bench.bankSetup', null, () => {
  for (let k = 0; k < N; k++) {
    const p = people[k % people.length]!;
    const cents = 2500 + (k % 40) * 125;
    const inv = createInvoice(ctx, { relationId: p.id, invoiceDate: '2026-10-01', paymentMethod: k < N * 0.45 ? 'incasso' : 'factuur', description: 'Contributie', lines: [{ description: 'Contributie', amountCents: cents, vatRate: null }] });
    invoices.push({ id: inv.id, number: inv.number, reference: inv.paymentReference, cents, name: p.name, iban: p.iban, relationId: p.id });
  }
  ctx.sqlite.prepare(`INSERT INTO sepa_batches (id, kind, message_version, msg_id, transaction_count, control_sum_cents, status, created_at) VALUES ('b', 'collection', 'pain.008.001.02', 'M', 0, 0, 'exported', 0)`).run();
  const item = ctx.sqlite.prepare(`INSERT INTO sepa_batch_items (id, batch_id, pmt_inf_id, collection_date, end_to_end_id, invoice_id, relation_id, iban, amount_cents) VALUES (?, 'b', 'P', '2026-11-01', ?, ?, ?, ?, ?)`);
  for (const i of invoices.slice(0, N * 0.45)) item.run(`i-${i.number}`, i.number, i.id, i.relationId, i.iban, i.cents);
});
const entries: CamtEntry[] = invoices.map((i, k) => {
  const date = `2026-11-${String(1 + (k % 28)).padStart(2, '0')}`;
  const bankRef = `B${k}`;
  if (k < N * 0.4) return { bankRef, date, amountCents: i.cents, endToEndId: i.number, name: i.name, iban: i.iban };
  if (k < N * 0.45) return { bankRef, date, amountCents: -i.cents, endToEndId: invoices[k - N * 0.4]!.number, name: i.name, returnCode: 'MD06' };
  if (k < N * 0.85) return { bankRef, date, amountCents: i.cents, name: i.name, iban: i.iban, reference: i.reference };
  if (k < N * 0.95) return { bankRef, date, amountCents: i.cents, name: 'ONBEKEND', iban: i.iban, text: 'contributie' };
  return { bankRef, date, amountCents: 1234 + k, name: 'Gift', iban: 'NL91ABNA0417164300', text: 'gift' };
});
const bytes = Buffer.from(writeCamt053({ account: 'NL71INGB0009876543', id: 'BENCH', from: '2026-11-01', to: '2026-11-28', openingCents: 0, entries }), 'utf8');
const b64 = bytes.toString('base64');

const read = time(() => readStatement(bytes));
const c0 = process.cpuUsage();
const t0 = performance.now();
const dry = await core.call('bank.import', { file: b64, fileName: 'bench.xml', dryRun: true, itemLimit: 0 });
const dryMs = performance.now() - t0;
const dryCpu = process.cpuUsage(c0);
const c1 = process.cpuUsage();
const t1 = performance.now();
const saved = await core.call('bank.commit', { planId: dry.planId! });
const commitMs = performance.now() - t1;
const commitCpu = process.cpuUsage(c1);
const cpuMs = (c: NodeJS.CpuUsage) => (c.user + c.system) / 1000;

// The same matching is asked of both: 90% matched (collections, references, IBAN + amount), the returns seen.
const found = (c: { matched: number; returned: number }) => c.matched >= N * 0.89 && c.returned === Math.round(N * 0.05);
const target = (c: { matched: number; returned: number; unmatched: number }) =>
  `< 3000 ms for ${N} entries (matched ${c.matched}, returned ${c.returned}, unmatched ${c.unmatched}; load ${os.loadavg()[0]!.toFixed(2)})`;
const baseline = { name: 'reading the same statement alone', value: read.ms, unit: 'ms' };
report({ name: 'bank.import_dry_run_10k', value: dryMs, unit: 'ms', baseline, target: target(dry.counts), ok: dryMs < 3000 && found(dry.counts), cpuMs: cpuMs(dryCpu) });
report({ name: 'bank.import_commit_10k', value: commitMs, unit: 'ms', baseline, target: target(saved.counts), ok: commitMs < 3000 && found(saved.counts), cpuMs: cpuMs(commitCpu) });
core.close();

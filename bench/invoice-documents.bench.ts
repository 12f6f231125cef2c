import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildPartyAdministration } from './support/membership-fixture';
import { report } from './support/figures';
import { schedule2027 } from '../src/main/core/contributions/testing/contribution-fixture';

/**
 * 5,000 invoices as one PDF (target < 15 s), and as one Word document through the merge
 * engine for comparison, from a run over an administration large enough to bill 5,000
 * payers. Both with the association's IBAN set, so every transfer invoice carries its QR code.
 */
const COUNT = 5_000;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ledenbeheer-bench-'));
const { core } = await buildPartyAdministration(dir, Number(process.env.BENCH_INVOICE_RELATIONS ?? 9_500));
await core.call('memberships.recompute', {});
await core.call('feeSchedules.save', { schedule: schedule2027({ oneOffCharges: [] }) });
await core.call('contributions.setSettings', {
  settings: { invoicePrefix: 'C', termDays: 14, reminderDays: 14, referenceKind: 'betalingskenmerk', sender: { name: 'Vereniging Bench', addressLines: ['Dorpsstraat 1', '1234 AB  DORP'], iban: 'NL91ABNA0417164300', bic: null, email: null } },
});
const run = await core.call('contributionRuns.run', { periodCode: '2027', invoiceDate: '2026-12-01', itemLimit: 0 });
const ids = (core.ctx.sqlite.prepare('SELECT id FROM invoices WHERE run_id = ? ORDER BY sequence LIMIT ?').pluck().all(run.runId, COUNT) as string[]);
const qr = (core.ctx.sqlite.prepare(`SELECT count(*) FROM invoices WHERE id IN (SELECT value FROM json_each(?)) AND payment_method <> 'incasso'`).pluck().get(JSON.stringify(ids)) as number);

const timed = async (format: 'pdf' | 'docx') => {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const out = await core.call('invoices.documents', { invoiceIds: ids, format });
  const cpu = process.cpuUsage(c0);
  return { ms: performance.now() - t0, cpuMs: (cpu.user + cpu.system) / 1000, bytes: Buffer.from(out.bytes, 'base64').length };
};
const pdf = await timed('pdf');
// The same invoices as one Word document through the merge engine: the same run's baseline for the PDF.
// BENCH_PDF_ONLY skips it, and then no docx figure or baseline is printed (not a 0 that was never measured).
const docx = process.env.BENCH_PDF_ONLY ? null : await timed('docx');
const context = `${ids.length} invoices, ${qr} with a QR code; load ${os.loadavg()[0]!.toFixed(2)}`;
const baseline = docx ? { name: 'the same invoices as one .docx through the merge engine', value: docx.ms, unit: 'ms' } : undefined;
report({ name: 'contributions.invoices_pdf_5000', value: pdf.ms, unit: 'ms', ...(baseline ? { baseline } : {}), target: `< 15000 ms (${context}; ${(pdf.bytes / 1e6).toFixed(1)} MB)`, ok: ids.length === COUNT && pdf.ms < 15_000, cpuMs: pdf.cpuMs });
if (docx) report({ name: 'contributions.invoices_docx_5000', value: docx.ms, unit: 'ms', target: `context: the PDF's baseline, the same invoices as one .docx (${context}; ${(docx.bytes / 1e6).toFixed(1)} MB)`, ok: true, cpuMs: docx.cpuMs });
core.close();
fs.rmSync(dir, { recursive: true, force: true });

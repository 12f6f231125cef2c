import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Core } from '../../create-core';
import { derivedNames } from '../../relations/relation-names';
import { invoiceWriter } from '../../contributions/invoice-writer';
import { ibanCheckDigits } from '../../../../shared/dutch/iban';
import { schedule2027 } from '../../contributions/testing/contribution-fixture';

/** The association of the SEPA tests and the bench: a valid Dutch creditor. */
export const CREDITOR = {
  name: 'Vereniging De Voorbeeldclub',
  iban: 'NL91ABNA0417164300',
  bic: 'ABNANL2A',
  creditorId: 'NL69ZZZ123456780000',
};

/** A valid Dutch IBAN per number: RABO + 10 digits with the right check digits. */
export function testIban(n: number, bank = 'RABO'): string {
  const bban = `${bank}${String(n).padStart(10, '0')}`;
  return `NL${ibanCheckDigits('NL', bban)}${bban}`;
}

export interface SeededPayer {
  name: string;
  amountCents?: number;
  dueDate?: string;
  /** No mandate at all (a problem to report). */
  noMandate?: boolean;
  signedOn?: string;
  lastUsedOn?: string | null;
}

/**
 * `payers` relations paying by incasso, each with a mandate and one invoice of a contribution
 * run, written in one operation with plain INSERTs for the relations and mandates and the
 * real invoice writer for the invoices (numbers, payment references, instalments). Fast enough
 * for 10,000 in a test and 100,000 in the bench.
 */
export async function seedCollection(core: Core, payers: SeededPayer[], opts: { periodCode?: string } = {}) {
  const periodCode = opts.periodCode ?? '2027';
  const { id: scheduleId } = await core.call('feeSchedules.save', { schedule: schedule2027({ oneOffCharges: [], period: { code: periodCode, name: periodCode, start: '2027-01-01', end: '2028-01-01' } }) });
  const ctx = core.ctx;
  const runId = `run-${periodCode}`;
  const invoiceIds: string[] = [];
  const relationIds: string[] = [];
  ctx.write('test.seedSepa', null, () => {
    const base = (ctx.sqlite.prepare('SELECT coalesce(max(number), 0) AS n FROM relations').get() as { n: number }).n;
    const rel = ctx.sqlite.prepare(
      `INSERT INTO relations (id, kind, number, first_name, last_name, display_name, sort_key, created_at, updated_at) VALUES (?, 'person', ?, ?, ?, ?, ?, 0, 0)`,
    );
    const mandate = ctx.sqlite.prepare(
      `INSERT INTO sepa_mandates (id, relation_id, reference, signed_on, iban, bic, kind, status, last_used_on, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, NULL, 'RCUR', 'active', ?, 0, 0)`,
    );
    ctx.sqlite
      .prepare(`INSERT INTO contribution_runs (id, period_code, schedule_id, invoice_date, status, invoice_count, total_cents, created_at) VALUES (?, ?, ?, '2026-12-01', 'open', ?, 0, 0)`)
      .run(runId, periodCode, scheduleId, payers.length);
    const writer = invoiceWriter(ctx);
    payers.forEach((p, i) => {
      const id = `sp-${periodCode}-${i}`;
      const number = base + i + 1;
      const [first, ...rest] = p.name.split(' ');
      const names = derivedNames('person', { initials: null, firstName: first ?? null, infix: null, lastName: rest.join(' ') || null, exactName: false, name: null, email: null });
      rel.run(id, number, first ?? null, rest.join(' ') || null, p.name, names.sortKey);
      relationIds.push(id);
      if (!p.noMandate) mandate.run(`m-${id}`, id, `M${number}-1`, p.signedOn ?? '2024-03-01', testIban(number), p.lastUsedOn ?? null);
      const amountCents = p.amountCents ?? 5900;
      invoiceIds.push(
        writer.write({
          relationId: id, runId, kind: 'invoice', creditsInvoiceId: null, invoiceDate: '2026-12-01', dueDate: p.dueDate ?? '2026-12-01', paymentMethod: 'incasso',
          description: `Contributie ${periodCode}`,
          lines: [{ kind: 'contribution', memberRelationId: id, periodCode, membershipTypeCode: 'lid', chargeCode: null, description: 'Contributie', amountCents, vatRate: null }],
          instalments: [],
        }).id,
      );
    });
  });
  return { runId, invoiceIds, relationIds };
}

/** xmllint against the official XSD in test/fixtures/sepa-xsd: '' when valid, else its complaint. */
export function xsdErrors(xml: string | Buffer, message: string): string {
  const xsd = path.resolve(import.meta.dirname, '../../../../../test/fixtures/sepa-xsd', `${message}.xsd`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sepa-xsd-'));
  const file = path.join(dir, 'file.xml');
  fs.writeFileSync(file, xml);
  try {
    execFileSync('xmllint', ['--noout', '--schema', xsd, file], { stdio: ['ignore', 'pipe', 'pipe'] });
    return '';
  } catch (e) {
    return String((e as { stderr?: Buffer }).stderr ?? e);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

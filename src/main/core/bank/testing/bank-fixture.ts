import type { Core } from '../../create-core';
import { setupClub } from '../../contributions/testing/contribution-fixture';

/**
 * The club of the statement fixtures in test/fixtures/bank: fourteen invoices C2026-00001…14
 * (dated 2026-11-01) and what the statements pay of them. 1–7 are collected by incasso in two
 * exported batches (PMT-2026-11-01: 1–5, PMT-2026-11-15: 6–7; EndToEndId = invoice number,
 * mandates MND-0001…7); 8–14 are paid by transfer. A refund file paid Karin's overpayment
 * back (EndToEndId REF-2026-0001).
 */
export const CAST = [
  { key: 'anna', name: 'Anna Bakker', cents: 6000, iban: 'NL05INGB0001000000', incasso: true },
  { key: 'bart', name: 'Bart de Jong', cents: 6000, iban: 'NL53RABO0001001111', incasso: true },
  { key: 'cees', name: 'Cees Visser', cents: 4500, iban: 'NL54INGB0001002222', incasso: true },
  { key: 'dirk', name: 'Dirk Smit', cents: 6000, iban: 'NL05RABO0001003333', incasso: true },
  { key: 'eva', name: 'Eva Mulder', cents: 3000, iban: 'NL06INGB0001004444', incasso: true },
  { key: 'fenna', name: 'Fenna Dekker', cents: 2500, iban: 'NL54RABO0001005555', incasso: true },
  { key: 'gijs', name: 'Gijs Bos', cents: 3500, iban: 'NL55INGB0001006666', incasso: true },
  { key: 'henk', name: 'Henk Vermeulen', cents: 6000, iban: 'NL06RABO0001007777', incasso: false },
  { key: 'ilse', name: 'Ilse de Vries', cents: 4500, iban: null, incasso: false },
  { key: 'joost', name: 'Joost Peters', cents: 6000, iban: null, incasso: false },
  { key: 'karin', name: 'Karin Hendriks', cents: 3000, iban: null, incasso: false },
  { key: 'lars', name: 'Lars Janssen', cents: 2000, iban: null, incasso: false },
  { key: 'lars', name: 'Lars Janssen', cents: 2500, iban: null, incasso: false },
  { key: 'mila', name: 'Mila Koster', cents: 6000, iban: 'NL08INGB0001013332', incasso: false },
] as const;

export interface BankClub {
  relation: Record<string, string>;
  /** Invoice id by number (C2026-00001…). */
  invoice: Record<string, string>;
  mandate: Record<string, string>;
}

export async function setupBankClub(core: Core): Promise<BankClub> {
  const { person } = await setupClub(core);
  const relation: Record<string, string> = {};
  const invoice: Record<string, string> = {};
  const mandate: Record<string, string> = {};
  for (const c of CAST) {
    relation[c.key] ??= await person({ name: c.name, ...(c.iban ? { iban: c.iban } : {}) });
    const inv = await core.call('invoices.create', {
      relationId: relation[c.key]!,
      invoiceDate: '2026-11-01',
      paymentMethod: c.incasso ? 'incasso' : 'factuur',
      description: 'Contributie 2027',
      lines: [{ description: 'Contributie 2027', amountCents: c.cents, vatRate: null }],
    });
    invoice[inv.number] = inv.id;
  }
  // What the collection export (s1's builder) records: mandates, batches and their items, as one operation.
  const ctx = core.ctx;
  ctx.write('test.sepaBatches', null, () => {
    const now = ctx.now();
    const addMandate = ctx.sqlite.prepare(
      `INSERT INTO sepa_mandates (id, relation_id, reference, signed_on, iban, kind, status, created_at, updated_at) VALUES (?, ?, ?, '2020-01-01', ?, 'RCUR', 'active', ?, ?)`,
    );
    const addBatch = ctx.sqlite.prepare(
      `INSERT INTO sepa_batches (id, kind, message_version, msg_id, transaction_count, control_sum_cents, pmt_inf_ids, status, created_at, exported_at) VALUES (?, ?, ?, ?, ?, ?, ?, 'exported', ?, ?)`,
    );
    const addItem = ctx.sqlite.prepare(
      `INSERT INTO sepa_batch_items (id, batch_id, pmt_inf_id, collection_date, sequence_type, end_to_end_id, invoice_id, relation_id, mandate_id, iban, amount_cents, remittance)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const collected = CAST.map((c, k) => ({ ...c, number: `C2026-${String(k + 1).padStart(5, '0')}` })).filter((c) => c.incasso);
    collected.forEach((c, k) => {
      mandate[c.key] = `mandate-${c.key}`;
      addMandate.run(mandate[c.key], relation[c.key], `MND-000${k + 1}`, c.iban, now, now);
    });
    const batches = [
      { id: 'batch-1', pmt: 'PMT-2026-11-01', date: '2026-11-02', items: collected.slice(0, 5) },
      { id: 'batch-2', pmt: 'PMT-2026-11-15', date: '2026-11-16', items: collected.slice(5) },
    ];
    for (const b of batches) {
      addBatch.run(b.id, 'collection', 'pain.008.001.02', `MSG-${b.pmt}`, b.items.length, b.items.reduce((s, i) => s + i.cents, 0), JSON.stringify([b.pmt]), now, now);
      for (const i of b.items) addItem.run(`${b.id}-${i.number}`, b.id, b.pmt, b.date, 'RCUR', i.number, invoice[i.number], relation[i.key], mandate[i.key], i.iban, i.cents, `Contributie 2027 factuur ${i.number}`);
    }
    addBatch.run('refund-1', 'refund', 'pain.001.001.03', 'MSG-REF-2026-1', 1, 2000, JSON.stringify(['REF-2026-11']), now, now);
    addItem.run('refund-1-karin', 'refund-1', 'REF-2026-11', '2026-11-20', null, 'REF-2026-0001', null, relation['karin'], null, 'NL56INGB0001011110', 2000, 'Terugbetaling te veel betaalde contributie');
  });
  return { relation, invoice, mandate };
}

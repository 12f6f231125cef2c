import type { CoreContext } from '../context';
import { addDays } from '../../../shared/dutch/dates';
import { createInvoice } from '../contributions/invoices';
import { writeCamt053, type CamtEntry } from '../bank/camt-writer';
import { importStatement } from '../bank/import-statement';

/** The club's own account in the demo (ING), and the batch the demo exported but no statement has booked yet. */
export const DEMO_BANK_ACCOUNT = 'NL71INGB0009876543';
export const DEMO_OPEN_BATCH = 'DEMO-PMT-OPEN';
export const DEMO_OPEN_BATCH_TEXT = 'Contributie 2026 (incasso, nog niet op een afschrift)';

interface Member {
  id: string;
  number: number;
  name: string;
  iban: string;
}

/**
 * The treasurer's bank on top of the demo members: incasso invoices collected in an exported
 * batch (mandates, batch items as the collection export writes them), transfers, and a
 * statement read through the real import, so the Bank screen shows matched entries with
 * their reasons, two returns (MD06, AM04) and three entries left to match by hand. A second
 * exported batch waits for its statement. Runs inside the demo's operation.
 */
export function addBankDemo(ctx: CoreContext, today: string): void {
  const members = ctx.sqlite
    .prepare(`SELECT id, number, display_name AS name, iban FROM relations WHERE kind = 'person' AND deleted_at IS NULL AND iban IS NOT NULL ORDER BY number LIMIT 34`)
    .all() as Member[];
  if (members.length < 34) return;
  ctx.sqlite.prepare(`INSERT INTO settings (key, value) VALUES ('bank.settings', ?) ON CONFLICT (key) DO NOTHING`).run(JSON.stringify({ accounts: [DEMO_BANK_ACCOUNT], returnFeeCents: 0, maxRetries: 2 }));
  const invoiceDate = addDays(today, -45);
  const amount = (k: number) => (k % 3 === 0 ? 4500 : 6000);
  const invoices = members.map((m, k) => {
    const incasso = k < 20 || k >= 30;
    const inv = createInvoice(ctx, {
      relationId: m.id,
      invoiceDate,
      paymentMethod: incasso ? 'incasso' : 'factuur',
      description: k >= 30 ? DEMO_OPEN_BATCH_TEXT : 'Contributie 2026',
      lines: [{ description: 'Contributie 2026', amountCents: amount(k), vatRate: null }],
    });
    return { ...m, k, invoiceId: inv.id, number: inv.number, reference: inv.paymentReference, cents: amount(k) };
  });
  const now = ctx.now();
  const addMandate = ctx.sqlite.prepare(
    `INSERT INTO sepa_mandates (id, relation_id, reference, signed_on, iban, kind, status, last_used_on, created_at, updated_at) VALUES (?, ?, ?, ?, ?, 'RCUR', 'active', ?, ?, ?)`,
  );
  const findMandate = ctx.sqlite.prepare(`SELECT id FROM sepa_mandates WHERE relation_id = ? AND status = 'active' ORDER BY signed_on DESC LIMIT 1`);
  const payByIncasso = ctx.sqlite.prepare(
    `INSERT INTO payment_settings (id, relation_id, method, created_at, updated_at) VALUES (?, ?, 'incasso', ?, ?) ON CONFLICT (relation_id) DO UPDATE SET method = 'incasso'`,
  );
  const addBatch = ctx.sqlite.prepare(
    `INSERT INTO sepa_batches (id, kind, message_version, msg_id, transaction_count, control_sum_cents, status, created_at, exported_at) VALUES (?, 'collection', 'pain.008.001.02', ?, ?, ?, 'exported', ?, ?)`,
  );
  const addItem = ctx.sqlite.prepare(
    `INSERT INTO sepa_batch_items (id, batch_id, pmt_inf_id, collection_date, sequence_type, end_to_end_id, invoice_id, relation_id, mandate_id, iban, amount_cents, remittance)
     VALUES (?, ?, ?, ?, 'RCUR', ?, ?, ?, ?, ?, ?, ?)`,
  );
  const batches = [
    { pmt: 'DEMO-PMT-1', date: addDays(today, -30), items: invoices.filter((i) => i.k < 20) },
    { pmt: DEMO_OPEN_BATCH, date: addDays(today, -2), items: invoices.filter((i) => i.k >= 30) },
  ];
  for (const b of batches) {
    const batchId = ctx.newId();
    addBatch.run(batchId, `MSG-${b.pmt}`, b.items.length, b.items.reduce((s, i) => s + i.cents, 0), now, now);
    for (const i of b.items) {
      // The SEPA demo's mandate where the member has one; else a new one, and the member pays by incasso.
      const existing = findMandate.get(i.id) as { id: string } | undefined;
      const mandateId = existing?.id ?? ctx.newId();
      if (!existing) {
        addMandate.run(mandateId, i.id, `LID-${String(i.number).padStart(5, '0')}`, '2021-01-15', i.iban, b.date, now, now);
        payByIncasso.run(ctx.newId(), i.id, now, now);
      }
      addItem.run(ctx.newId(), batchId, b.pmt, b.date, i.number, i.invoiceId, i.id, mandateId, i.iban, i.cents, `Contributie 2026 factuur ${i.number}`);
    }
  }
  const collected = batches[0]!;
  const transfers = invoices.filter((i) => i.k >= 20 && i.k < 30);
  const d = (days: number) => addDays(today, days);
  const entries: CamtEntry[] = [
    { bankRef: 'DEMO-0001', date: collected.date, amountCents: collected.items.reduce((s, i) => s + i.cents, 0), batch: { pmtInfId: collected.pmt, count: collected.items.length } },
    ...transfers.slice(0, 5).map((t, n) => ({ bankRef: `DEMO-01${n}`, date: d(-25 + n), amountCents: t.cents, name: t.name, iban: t.iban, reference: t.reference })),
    { bankRef: 'DEMO-0020', date: d(-20), amountCents: transfers[5]!.cents, name: transfers[5]!.name, iban: transfers[5]!.iban, text: `contributie ${transfers[5]!.number}` },
    { bankRef: 'DEMO-0021', date: d(-19), amountCents: 2500, name: transfers[6]!.name, iban: transfers[6]!.iban, text: `deel 1 ${transfers[6]!.reference}` },
    { bankRef: 'DEMO-0030', date: d(-18), amountCents: collected.items[3]!.cents * -1, name: collected.items[3]!.name, iban: collected.items[3]!.iban, endToEndId: collected.items[3]!.number, returnCode: 'MD06' },
    { bankRef: 'DEMO-0031', date: d(-18), amountCents: collected.items[7]!.cents * -1, name: collected.items[7]!.name, iban: collected.items[7]!.iban, endToEndId: collected.items[7]!.number, returnCode: 'AM04' },
    { bankRef: 'DEMO-0040', date: d(-15), amountCents: transfers[7]!.cents, name: 'FAM. ' + transfers[7]!.name.split(' ').at(-1)!.toUpperCase() + ' EN KINDEREN', iban: 'NL91ABNA0417164300', text: 'lidmaatschap' },
    { bankRef: 'DEMO-0041', date: d(-12), amountCents: 2000, name: 'Stichting Vrienden van de Club', iban: 'NL08RABO0001016665', text: 'gift jubileum' },
    { bankRef: 'DEMO-0042', date: d(-10), amountCents: -1275, text: 'Kosten zakelijk betalingsverkeer', name: 'ING' },
  ];
  const xml = writeCamt053({ account: DEMO_BANK_ACCOUNT, id: `DEMO-STMT-${today}`, from: d(-31), to: d(-10), openingCents: 125000, entries });
  importStatement(ctx, { bytes: Buffer.from(xml, 'utf8'), fileName: `afschrift-${d(-10)}.xml`, dryRun: false, itemLimit: 0 });
}

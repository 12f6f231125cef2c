import type { CoreContext } from '../context';
import { addDays } from '../../../shared/dutch/dates';
import { createInvoice } from '../contributions/invoices';
import { writeCamt053, type CamtEntry } from '../bank/camt-writer';
import { importStatement } from '../bank/import-statement';
import { collectBatch } from '../sepa/collection-batch';
import { mandateExpiresOnSql } from '../sepa/mandates';

/** The club's own account in the demo (ING), and the description of the batch the demo exported but no statement has booked yet. */
export const DEMO_BANK_ACCOUNT = 'NL71INGB0009876543';
export const DEMO_OPEN_BATCH_TEXT = 'Contributie 2026 (incasso, nog niet op een afschrift)';

interface Member {
  id: string;
  number: number;
  name: string;
  iban: string;
}

/**
 * The treasurer's bank on top of the demo members: incasso invoices collected in a batch
 * exported by the real collection builder (collectBatch), transfers, and a
 * statement read through the real import, so the Bank screen shows matched entries with
 * their reasons, two returns (MD06, AM04) and three entries left to match by hand. A second
 * exported batch waits for its statement. Runs inside the demo's operation.
 */
export function addBankDemo(ctx: CoreContext, today: string): void {
  const members = ctx.sqlite
    .prepare(
      // Not the SEPA demo's lapsed or revoked mandates: the builder would rightly refuse those (they are the treasurer's to-do).
      `SELECT r.id, r.number, r.display_name AS name, r.iban FROM relations r WHERE r.kind = 'person' AND r.deleted_at IS NULL AND r.iban IS NOT NULL
          AND NOT EXISTS (SELECT 1 FROM sepa_mandates m WHERE m.relation_id = r.id AND (m.status <> 'active' OR ${mandateExpiresOnSql('m')} < ?))
        ORDER BY r.number LIMIT 34`,
    )
    .all(today) as Member[];
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
  // Members of the batches without a mandate of the SEPA demo get one (used at last year's collection) and pay by incasso.
  const addMandate = ctx.sqlite.prepare(
    `INSERT INTO sepa_mandates (id, relation_id, reference, signed_on, iban, kind, status, last_used_on, created_at, updated_at) VALUES (?, ?, ?, '2021-01-15', ?, 'RCUR', 'active', ?, ?, ?)`,
  );
  const hasMandate = ctx.sqlite.prepare(`SELECT 1 FROM sepa_mandates WHERE relation_id = ? AND status = 'active'`);
  const payByIncasso = ctx.sqlite.prepare(
    `INSERT INTO payment_settings (id, relation_id, method, created_at, updated_at) VALUES (?, ?, 'incasso', ?, ?) ON CONFLICT (relation_id) DO UPDATE SET method = 'incasso'`,
  );
  for (const i of invoices.filter((i) => i.k < 20 || i.k >= 30)) {
    if (hasMandate.get(i.id)) continue;
    addMandate.run(ctx.newId(), i.id, `LID-${String(i.number).padStart(5, '0')}`, i.iban, addDays(today, -365), now, now);
    payByIncasso.run(ctx.newId(), i.id, now, now);
  }
  // Both batches are exported through the real builder, on the day the treasurer made them:
  // a kept, XSD-valid pain.008 each, with its MsgId, PmtInfId and items.
  const exportOn = (day: string, date: string, items: typeof invoices) => {
    const then = { ...ctx, today: () => day, now: () => new Date(`${day}T10:00:00`).getTime() };
    const r = collectBatch(then, { invoiceIds: items.map((i) => i.invoiceId), date, dryRun: false, itemLimit: 0 });
    const group = r.groups[0]!;
    return { pmt: group.pmtInfId, date: group.date, items };
  };
  const batches = [
    exportOn(addDays(today, -35), addDays(today, -30), invoices.filter((i) => i.k < 20)),
    exportOn(addDays(today, -6), addDays(today, -2), invoices.filter((i) => i.k >= 30)),
  ];
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

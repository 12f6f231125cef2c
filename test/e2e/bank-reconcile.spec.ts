import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from './fixtures';
import { AppPage } from './pages/app-page';
import { rpc } from './pages/api';
import { writeCamt053 } from '../../src/main/core/bank/camt-writer';
import { DEMO_BANK_ACCOUNT } from '../../src/main/core/demo/demo-bank';
import { ContributionsPage } from './pages/contributions-page';
import { schedule2027 } from '../../src/main/core/contributions/testing/contribution-fixture';
import { testIban } from '../../src/main/core/sepa/testing/sepa-fixture';

/*
 * The treasurer collects a run by incasso on the Incasso screen and reconciles that very file:
 * the statement is built from the exported pain.008 (its PmtInfId, EndToEndIds, amounts and
 * names), pays the batch, returns one debit (MD06) and holds one transfer nobody can place.
 * The preview shows it, saving books it, the return reopens the invoice, and the treasurer
 * matches the last entry by hand in the Bank screen.
 */
test('exports a batch, then imports a statement that pays most of it, returns one (MD06), and the rest is matched by hand', async ({ page, request }) => {
  const sfx = String(Date.now() % 100000);
  const sub = await rpc(request, 'subscriptionTypes.create', { code: `bank-${sfx}`, name: `Bank ${sfx}` });
  const typeCode = `bankl-${sfx}`;
  await rpc(request, 'membershipTypes.create', { code: typeCode, name: `Banklid ${sfx}`, baseCondition: { type: 'subscription', typeCodes: [sub.code] } });
  await rpc(request, 'units.create', { unit: { name: `Bankclub ${sfx}`, startDate: '2000-01-01' }, parentId: null });
  for (const [k, firstName] of ['Aafke', 'Bas', 'Carla', 'Daan'].entries()) {
    const r = await rpc(request, 'relations.create', {
      kind: 'person',
      fields: { firstName, lastName: `Afschrift${sfx}`, birthDate: '1980-03-01', iban: testIban(60_000 + Number(sfx) * 4 + k) },
      address: { postcode: '3511 AB', houseNumber: 40 + k, street: 'Oudegracht' },
    });
    await rpc(request, 'subscriptions.add', { relationId: r.id, subscription: { typeId: sub.id, startDate: '2015-01-01' } });
    await rpc(request, 'paymentSettings.set', { relationId: r.id, settings: { method: 'incasso' } });
    await rpc(request, 'mandates.create', { relationId: r.id, signedOn: '2025-01-10', iban: testIban(50_000 + Number(sfx) * 4 + k) });
  }
  const period = `B${sfx}`;
  await rpc(request, 'feeSchedules.save', {
    schedule: schedule2027({ period: { code: period, name: period, start: '2027-01-01', end: '2028-01-01' }, fees: [{ membershipType: typeCode, amountCents: 6000 }], household: null, oneOffCharges: [], proRata: { joining: [], leaving: [] } }),
  });
  expect(await rpc(request, 'contributionRuns.run', { periodCode: period, dryRun: false })).toMatchObject({ saved: true, invoiceCount: 4 });

  // The export, on the Incasso screen: the file the bank gets.
  const app = new AppPage(page);
  const contributions = new ContributionsPage(page);
  await app.open();
  await contributions.open();
  await contributions.tab('incasso');
  await page.getByTestId('incasso-run').click();
  await page.getByRole('option', { name: new RegExp(`^${period} · 15-6-2026 · 4 facturen`) }).click();
  await page.getByTestId('incasso-preview').click();
  await expect(page.getByTestId('batch-ready')).toBeVisible();
  const download = page.waitForEvent('download');
  await page.getByTestId('incasso-export').click();
  const exported = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'bank-e2e-')), 'incasso.xml');
  await (await download).saveAs(exported);
  await expect(page.getByTestId('incasso-exported')).toContainText('4 incasso’s');

  // What the bank read from that file: the block's PmtInfId and each debit's EndToEndId, amount and name.
  const pain = fs.readFileSync(exported, 'utf8');
  const pmtInfId = /<PmtInfId>([^<]+)<\/PmtInfId>/u.exec(pain)![1]!;
  const debits = [...pain.matchAll(/<DrctDbtTxInf><PmtId><EndToEndId>([^<]+)<\/EndToEndId><\/PmtId><InstdAmt Ccy="EUR">([\d.]+)<\/InstdAmt>.*?<Dbtr><Nm>([^<]+)<\/Nm>/gsu)].map((m) => ({
    endToEndId: m[1]!,
    amountCents: Math.round(Number(m[2]) * 100),
    name: m[3]!,
  }));
  expect(debits).toHaveLength(4);
  const batch = await Promise.all(debits.map((d) => rpc(request, 'invoices.get', { number: d.endToEndId })));
  const open = (await rpc(request, 'invoices.list', { open: true, limit: 500 })).rows;
  const stray = open.find((i) => i.description === 'Contributie 2026' && i.paymentMethod === 'factuur' && i.openCents === i.totalCents)!;
  const returned = { ...batch[1]!, amountCents: debits[1]!.amountCents, relationName: debits[1]!.name };
  const total = debits.reduce((s, d) => s + d.amountCents, 0);
  const xml = writeCamt053({
    account: DEMO_BANK_ACCOUNT,
    id: `E2E-STMT-${sfx}`,
    from: '2026-06-13',
    to: '2026-06-15',
    openingCents: 100000,
    entries: [
      { bankRef: `E2E-${sfx}-1`, date: '2026-06-13', amountCents: total, batch: { pmtInfId, count: 4, details: debits } },
      { bankRef: `E2E-${sfx}-2`, date: '2026-06-15', amountCents: -returned.amountCents, endToEndId: returned.number, name: returned.relationName, returnCode: 'MD06' },
      { bankRef: `E2E-${sfx}-3`, date: '2026-06-15', amountCents: stray.totalCents, name: 'A. ONBEKEND', iban: 'NL02ABNA0123456789', text: 'lidmaatschap zoon' },
    ],
  });
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'bank-e2e-')), 'afschrift-juni.xml');
  fs.writeFileSync(file, xml);

  await page.getByTestId('nav-bank').click();
  await expect(page.getByRole('heading', { name: 'Bank' })).toBeVisible();
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId('bank-file-input').click();
  await (await chooser).setFiles(file);

  // The preview: the real import rolled back; nothing is booked yet.
  const summary = page.getByTestId('bank-preview-summary');
  await expect(summary).toHaveText('3 posten, waarvan 0 al eerder ingelezen. Gekoppeld: 4, niet gekoppeld: 1, storneringen: 1.');
  await expect(page.getByTestId('bank-preview-row').filter({ hasText: `EndToEndId ${batch[0]!.number} hoort bij factuur ${batch[0]!.number}` })).toBeVisible();
  await expect(page.getByTestId('bank-preview-row').filter({ hasText: `Storno MD06 van factuur ${returned.number}` })).toBeVisible();
  await page.screenshot({ path: '/tmp/h-sepa/bank-preview.png', fullPage: true });
  expect((await rpc(request, 'invoices.get', { id: batch[0]!.id })).openCents).toBe(batch[0]!.totalCents);

  await page.getByTestId('bank-commit').click();
  await expect(page.getByTestId('bank-saved')).toHaveText('Afschrift opgeslagen: 4 gekoppeld, 1 niet gekoppeld, 1 storneringen.');
  expect((await rpc(request, 'invoices.get', { id: batch[0]!.id })).openCents).toBe(0);
  expect((await rpc(request, 'invoices.get', { id: returned.id })).openCents).toBe(returned.amountCents);

  // The return, with its code and what was done.
  await page.getByTestId('bank-tab-returns').click();
  const ret = page.getByTestId('bank-return').filter({ hasText: returned.number });
  await expect(ret).toContainText('MD06Terugboeking op verzoek van de betaler');
  await expect(ret).toContainText(`Factuur ${returned.number} weer open · taak voor de penningmeester`);

  // The entry nobody could place, with its reason; matched by hand.
  await page.getByTestId('bank-tab-unmatched').click();
  const entry = page.getByTestId('bank-entry').filter({ hasText: 'A. ONBEKEND' });
  await expect(entry.getByTestId('bank-entry-reason')).toHaveText('Geen factuur gevonden bij kenmerk, rekening of naam');
  await entry.getByTestId('bank-entry-match').click();
  const modal = page.getByTestId('bank-match-modal');
  await modal.getByTestId('bank-match-search').fill(stray.number);
  await modal.getByRole('checkbox', { name: stray.number }).check();
  await expect(modal.getByTestId('bank-match-sum')).toContainText('Gekozen:');
  await page.screenshot({ path: '/tmp/h-sepa/bank-match.png', fullPage: true });
  await modal.getByTestId('bank-match-save').click();
  await expect(modal).toBeHidden();
  await expect(page.getByTestId('bank-entry').filter({ hasText: 'A. ONBEKEND' })).toHaveCount(0);
  expect((await rpc(request, 'invoices.get', { id: stray.id })).openCents).toBe(0);

  await page.getByTestId('bank-tab-matched').click();
  await expect(page.getByTestId('bank-entry').filter({ hasText: 'A. ONBEKEND' }).getByTestId('bank-entry-reason')).toHaveText(`Met de hand gekoppeld aan ${stray.number}`);
  await page.screenshot({ path: '/tmp/h-sepa/bank-matched.png', fullPage: true });
});

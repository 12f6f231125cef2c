import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from './fixtures';
import { AppPage } from './pages/app-page';
import { rpc } from './pages/api';
import { writeCamt053 } from '../../src/main/core/bank/camt-writer';
import { DEMO_BANK_ACCOUNT, DEMO_OPEN_BATCH, DEMO_OPEN_BATCH_TEXT } from '../../src/main/core/demo/demo-bank';

/*
 * The treasurer reconciles the batch the demo exported (mandates, batch items as the
 * collection export writes them): a statement pays the batch, returns one debit (MD06) and
 * holds one transfer nobody can place. The preview shows it, saving books it, the return
 * reopens the invoice, and the treasurer matches the last entry by hand in the Bank screen.
 */
test('imports a statement that pays most, returns one (MD06), and the rest is matched by hand', async ({ page, request }) => {
  const open = (await rpc(request, 'invoices.list', { open: true, limit: 500 })).rows;
  const batch = open.filter((i) => i.description === DEMO_OPEN_BATCH_TEXT);
  expect(batch).toHaveLength(4);
  const stray = open.find((i) => i.description === 'Contributie 2026' && i.paymentMethod === 'factuur' && i.openCents === i.totalCents)!;
  const returned = batch[1]!;
  const total = batch.reduce((s, i) => s + i.totalCents, 0);
  const xml = writeCamt053({
    account: DEMO_BANK_ACCOUNT,
    id: 'E2E-STMT-1',
    from: '2026-06-13',
    to: '2026-06-15',
    openingCents: 100000,
    entries: [
      { bankRef: 'E2E-0001', date: '2026-06-13', amountCents: total, batch: { pmtInfId: DEMO_OPEN_BATCH, count: 4, details: batch.map((i) => ({ amountCents: i.totalCents, endToEndId: i.number, name: i.relationName })) } },
      { bankRef: 'E2E-0002', date: '2026-06-15', amountCents: -returned.totalCents, endToEndId: returned.number, name: returned.relationName, returnCode: 'MD06' },
      { bankRef: 'E2E-0003', date: '2026-06-15', amountCents: stray.totalCents, name: 'A. ONBEKEND', iban: 'NL02ABNA0123456789', text: 'lidmaatschap zoon' },
    ],
  });
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'bank-e2e-')), 'afschrift-juni.xml');
  fs.writeFileSync(file, xml);

  const app = new AppPage(page);
  await app.open();
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
  await page.screenshot({ path: '/tmp/s2-bank/bank-preview.png', fullPage: true });
  expect((await rpc(request, 'invoices.get', { id: batch[0]!.id })).openCents).toBe(batch[0]!.totalCents);

  await page.getByTestId('bank-commit').click();
  await expect(page.getByTestId('bank-saved')).toHaveText('Afschrift opgeslagen: 4 gekoppeld, 1 niet gekoppeld, 1 storneringen.');
  expect((await rpc(request, 'invoices.get', { id: batch[0]!.id })).openCents).toBe(0);
  expect((await rpc(request, 'invoices.get', { id: returned.id })).openCents).toBe(returned.totalCents);

  // The return, with its code and what was done.
  await page.getByTestId('bank-tab-returns').click();
  const ret = page.getByTestId('bank-return').filter({ hasText: returned.relationName });
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
  await page.screenshot({ path: '/tmp/s2-bank/bank-match.png', fullPage: true });
  await modal.getByTestId('bank-match-save').click();
  await expect(modal).toBeHidden();
  await expect(page.getByTestId('bank-entry').filter({ hasText: 'A. ONBEKEND' })).toHaveCount(0);
  expect((await rpc(request, 'invoices.get', { id: stray.id })).openCents).toBe(0);

  await page.getByTestId('bank-tab-matched').click();
  await expect(page.getByTestId('bank-entry').filter({ hasText: 'A. ONBEKEND' }).getByTestId('bank-entry-reason')).toHaveText(`Met de hand gekoppeld aan ${stray.number}`);
  await page.screenshot({ path: '/tmp/s2-bank/bank-matched.png', fullPage: true });
});

import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { expect, test } from '@playwright/test';
import PizZip from 'pizzip';
import { AppPage } from './pages/app-page';
import { rpc } from './pages/api';
import { ContributionsPage } from './pages/contributions-page';

/*
 * The letters from the treasurer's screens: the association's name and IBAN set on the
 * settings tab, a run's invoices downloaded as one PDF and as Word, one invoice printed
 * from its drawer, and the reminders' letters after they are recorded. Each download is
 * opened: the PDF's text (pdftotext) and the .docx XML name the invoice and its total.
 * Named to run after contributions.spec.ts, which counts every invoice of the shared e2e administration.
 */
test('prints the invoices of a run and the reminders as PDF and Word', async ({ page, request }) => {
  const sfx = String(Date.now() % 100000);
  const sub = await rpc(request, 'subscriptionTypes.create', { code: `doc-${sfx}`, name: `Documenten ${sfx}` });
  await rpc(request, 'membershipTypes.create', { code: `lidd-${sfx}`, name: `Lid D${sfx}`, baseCondition: { type: 'subscription', typeCodes: [sub.code] } });
  await rpc(request, 'units.create', { unit: { name: `Club D${sfx}`, startDate: '2000-01-01' }, parentId: null });
  const person = await rpc(request, 'relations.create', {
    kind: 'person',
    fields: { firstName: 'Dirk', lastName: `Brief${sfx}`, birthDate: '1980-03-01' },
    address: { postcode: '3511 AB', houseNumber: 7, street: 'Oudegracht' },
  });
  await rpc(request, 'subscriptions.add', { relationId: person.id, subscription: { typeId: sub.id, startDate: '2015-01-01' } });
  const period = `D${sfx}`;
  await rpc(request, 'feeSchedules.save', {
    schedule: {
      period: { code: period, name: '2027', start: '2027-01-01', end: '2028-01-01' },
      age: { mode: 'peildatum', date: '2027-01-01' },
      ageCategories: [],
      fees: [{ membershipType: `lidd-${sfx}`, amountCents: 4250 }],
      defaults: { method: 'factuur', frequency: 'jaar' },
    },
  });

  const app = new AppPage(page);
  const contributions = new ContributionsPage(page);
  await app.open();
  await contributions.open();

  // The association on the letters, with the IBAN the QR code pays to.
  await contributions.tab('settings');
  await page.getByTestId('settings-sender-name').fill('Schaakclub De Toren');
  await page.getByTestId('settings-sender-iban').fill('NL91 ABNA 0417 1643 00');
  await page.getByTestId('settings-save').click();
  await expect(page.getByText('Instellingen opgeslagen.')).toBeVisible();
  await page.screenshot({ path: '/tmp/contrib-settings.png', fullPage: true });
  expect((await rpc(request, 'contributions.getSettings', {})).sender).toMatchObject({ name: 'Schaakclub De Toren', iban: 'NL91ABNA0417164300' });

  const run = await rpc(request, 'contributionRuns.run', { periodCode: period, invoiceDate: '2026-12-01' });
  const inv = (await rpc(request, 'invoices.list', { runId: run.runId! })).rows[0]!;
  await contributions.tab('runs');
  const row = page.getByTestId('run-row').filter({ hasText: period });
  await row.getByTestId('run-documents').click();
  const [pdf] = await Promise.all([page.waitForEvent('download'), page.getByTestId('run-documents-pdf').click()]);
  expect(pdf.suggestedFilename()).toMatch(/^factuur-.*\.pdf$/);
  const pdfPath = '/tmp/contrib-run-invoices.pdf';
  await pdf.saveAs(pdfPath);
  const text = execFileSync('pdftotext', ['-layout', pdfPath, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  expect(text).toContain(inv.number);
  expect(text).toContain(`Dirk Brief${sfx}`);
  expect(text).toMatch(/Totaal\s+€ 42,50/);
  expect(text).toContain('NL91 ABNA 0417 1643 00 ten name van Schaakclub De Toren');
  execFileSync('pdftoppm', ['-r', '60', '-png', '-f', '1', '-l', '1', pdfPath, '/tmp/contrib-run-invoices']);

  await row.getByTestId('run-documents').click();
  const [docx] = await Promise.all([page.waitForEvent('download'), page.getByTestId('run-documents-docx').click()]);
  const docxPath = '/tmp/contrib-run-invoices.docx';
  await docx.saveAs(docxPath);
  const zip = new PizZip(fs.readFileSync(docxPath));
  const xml = zip.file('word/document.xml')!.asText();
  expect(xml).toContain(inv.number);
  expect(xml).toContain('€ 42,50');
  expect(Object.keys(zip.files).some((n) => n.startsWith('word/media/merge-picture-'))).toBe(true);

  // One invoice, printed from its drawer.
  await contributions.tab('invoices');
  await contributions.invoiceRow(inv.number).click();
  const drawer = page.getByTestId('invoice-drawer');
  await drawer.getByTestId('invoice-documents').click();
  const [one] = await Promise.all([page.waitForEvent('download'), page.getByTestId('invoice-documents-pdf').click()]);
  expect(one.suggestedFilename()).toMatch(/\.pdf$/);
  await page.screenshot({ path: '/tmp/contrib-invoice-print.png', fullPage: true });
  await page.keyboard.press('Escape');

  // The first reminder, recorded on 1 March 2027, then its letters.
  await contributions.tab('open');
  const asOf = page.getByTestId('open-as-of');
  await asOf.fill('1-3-2027');
  await asOf.blur();
  await page.getByTestId('reminder-preview').click();
  await expect(page.getByTestId('reminder-row').filter({ hasText: inv.number })).toHaveCount(1);
  await page.getByTestId('reminder-commit').click();
  await page.getByTestId('reminder-documents').click();
  const [letters] = await Promise.all([page.waitForEvent('download'), page.getByTestId('reminder-documents-pdf').click()]);
  const lettersPath = '/tmp/contrib-reminders.pdf';
  await letters.saveAs(lettersPath);
  const reminderText = execFileSync('pdftotext', ['-layout', lettersPath, '-'], { encoding: 'utf8' });
  expect(reminderText).toContain('Herinnering');
  expect(reminderText).toContain(inv.number);
  await page.screenshot({ path: '/tmp/contrib-reminders.png', fullPage: true });
});

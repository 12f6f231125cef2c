import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from './fixtures';
import { AppPage } from './pages/app-page';
import { rpc } from './pages/api';
import { ContributionsPage } from './pages/contributions-page';
import { schedule2027 } from '../../src/main/core/contributions/testing/contribution-fixture';
import { testIban } from '../../src/main/core/sepa/testing/sepa-fixture';

/*
 * The treasurer collects a run by incasso: the creditor form refuses a wrong Incassant-ID, the
 * preview names the payer without a mandate and keeps export off, the mandate is recorded on the
 * relation card, the preview is clean, the export downloads a pain.008 that validates against
 * the official XSD, the run is closed and the file is in the history.
 */
test('previews a collection, fixes a missing mandate on the card, exports an XSD-valid pain.008', async ({ page, request }) => {
  const sfx = String(Date.now() % 100000);
  const sub = await rpc(request, 'subscriptionTypes.create', { code: `sepa-${sfx}`, name: `Incasso ${sfx}` });
  const typeCode = `lids-${sfx}`;
  await rpc(request, 'membershipTypes.create', { code: typeCode, name: `Lid ${sfx}`, baseCondition: { type: 'subscription', typeCodes: [sub.code] } });
  await rpc(request, 'units.create', { unit: { name: `Incassoclub ${sfx}`, startDate: '2000-01-01' }, parentId: null });
  const people = [['Anna', `Machtiging${sfx}`], ['Bram', `Machtiging${sfx}`], ['Zoë', `& Ärger${sfx}`]] as const;
  const ids: string[] = [];
  for (const [k, [firstName, lastName]] of people.entries()) {
    const r = await rpc(request, 'relations.create', {
      kind: 'person',
      fields: { firstName, lastName, birthDate: '1980-03-01', iban: testIban(90_000 + Number(sfx) * 3 + k) },
      address: { postcode: '3511 AB', houseNumber: 20 + k, street: 'Oudegracht' },
    });
    await rpc(request, 'subscriptions.add', { relationId: r.id, subscription: { typeId: sub.id, startDate: '2015-01-01' } });
    await rpc(request, 'paymentSettings.set', { relationId: r.id, settings: { method: 'incasso' } });
    ids.push(r.id);
  }
  for (const id of ids.slice(0, 2)) await rpc(request, 'mandates.create', { relationId: id, signedOn: '2025-01-10', iban: testIban(80_000 + ids.indexOf(id)) });
  const period = `S${sfx}`;
  await rpc(request, 'feeSchedules.save', {
    schedule: schedule2027({ period: { code: period, name: period, start: '2027-01-01', end: '2028-01-01' }, fees: [{ membershipType: typeCode, amountCents: 6000 }], household: null, oneOffCharges: [], proRata: { joining: [], leaving: [] } }),
  });
  const run = await rpc(request, 'contributionRuns.run', { periodCode: period, dryRun: false });
  expect(run).toMatchObject({ saved: true, invoiceCount: 3, totalCents: 3 * 5900 });

  const app = new AppPage(page);
  const contributions = new ContributionsPage(page);
  await app.open();
  await contributions.open();
  await contributions.tab('incasso');

  // The creditor form: wrong check digits refused in Dutch; the right ones saved.
  const idField = page.getByTestId('creditor-id');
  await expect(idField).toHaveValue(/^NL\d{2}ZZZ\d{12}$/);
  const creditorId = await idField.inputValue();
  await idField.fill(creditorId.replace(/^NL(\d)/, (_, d: string) => `NL${(Number(d) + 1) % 10}`));
  await page.getByTestId('creditor-save').click();
  await expect(page.getByText('de controlecijfers van dit Incassant-ID kloppen niet')).toBeVisible();
  await idField.fill(creditorId);
  await page.getByTestId('creditor-save').click();
  await expect(page.getByTestId('creditor-saved')).toHaveText('Incassantgegevens opgeslagen.');

  // The preview: one payer without a mandate blocks the file.
  const runOption = new RegExp(`^${period} · 15-6-2026 · 3 facturen`);
  await page.getByTestId('incasso-run').click();
  await page.getByRole('option', { name: runOption }).click();
  await page.getByTestId('incasso-preview').click();
  await expect(page.getByTestId('batch-problems')).toContainText(`Zoë & Ärger${sfx}: betaalt per incasso maar heeft geen geldige machtiging`);
  await expect(page.getByTestId('incasso-export')).toBeDisabled();
  await page.screenshot({ path: '/tmp/s1-sepa/incasso-problems.png', fullPage: true });

  // The mandate recorded on the relation card's Contributie tab.
  await app.searchAndOpen(`Ärger${sfx}`, `Zoë & Ärger${sfx}`);
  await page.getByTestId('tab-contributions').click();
  await expect(page.getByTestId('mandate-missing')).toBeVisible();
  await page.getByTestId('mandate-add').click();
  await page.getByTestId('mandate-date').fill('1-6-2026');
  await page.getByTestId('mandate-iban').fill(testIban(70_000 + Number(sfx)));
  await page.getByTestId('mandate-save').click();
  await expect(page.getByTestId('mandate-row')).toHaveCount(1);
  await expect(page.getByTestId('mandate-row')).toContainText('Actief');
  await expect(page.getByTestId('mandate-missing')).toHaveCount(0);
  await page.screenshot({ path: '/tmp/s1-sepa/relation-mandates.png', fullPage: true });

  // A clean preview, then the export: the file downloads and validates against the XSD.
  await contributions.open();
  await contributions.tab('incasso');
  await page.getByTestId('incasso-run').click();
  await page.getByRole('option', { name: runOption }).click();
  await page.getByTestId('incasso-preview').click();
  await expect(page.getByTestId('batch-ready')).toBeVisible();
  await expect(page.getByTestId('batch-summary')).toHaveText('pain.008.001.02 · 3 incasso’s, totaal € 177,00');
  await expect(page.getByTestId('batch-items').locator('tbody tr')).toHaveCount(3);
  await page.screenshot({ path: '/tmp/s1-sepa/incasso-preview.png', fullPage: true });
  const download = page.waitForEvent('download');
  await page.getByTestId('incasso-export').click();
  const file = path.join('/tmp', `e2e-incasso-${sfx}.xml`);
  await (await download).saveAs(file);
  await expect(page.getByTestId('incasso-exported')).toContainText('3 incasso’s, € 177,00. De run is afgesloten.');
  const xsd = path.resolve(import.meta.dirname, '../fixtures/sepa-xsd/pain.008.001.02.xsd');
  expect(execFileSync('xmllint', ['--noout', '--schema', xsd, file], { stdio: ['ignore', 'pipe', 'pipe'] }).toString()).toBe('');
  const xml = execFileSync('cat', [file]).toString();
  expect(xml).toContain(`<Dbtr><Nm>Zoe + Arger${sfx}</Nm></Dbtr>`);
  expect(xml).toContain('<SeqTp>RCUR</SeqTp>');
  await expect(page.getByTestId('incasso-history-row').first()).toContainText(path.basename(await (await download).suggestedFilename()));
  await page.screenshot({ path: '/tmp/s1-sepa/incasso-exported.png', fullPage: true });
  // The administration kept the file: downloaded again from the history it is the same file, byte for byte.
  const again = page.waitForEvent('download');
  await page.getByTestId('incasso-history-row').first().getByTestId('incasso-history-file').click();
  const copy = path.join('/tmp', `e2e-incasso-${sfx}-kopie.xml`);
  await (await again).saveAs(copy);
  expect(fs.readFileSync(copy).equals(fs.readFileSync(file))).toBe(true);
  const runs = await rpc(request, 'contributionRuns.list', {});
  expect(runs.rows.find((r) => r.id === run.runId)?.status).toBe('closed');
});

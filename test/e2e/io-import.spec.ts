import fs from 'node:fs';
import { expect, test } from '@playwright/test';
import { AppPage } from './pages/app-page';
import { IoPage } from './pages/io-page';

test('imports a messy Windows-1252 CSV: detected settings, one mapping corrected, dry run with Dutch reasons, commit, search, undo', async ({ page }) => {
  const app = new AppPage(page);
  const io = new IoPage(page);
  await app.open();
  await io.open();

  // 1. The file: semicolons and Windows-1252 are recognised, é/ë read as such.
  await io.upload(io.importPanel, 'leden-rommelig-1252.csv');
  await expect(page.getByTestId('import-detected')).toContainText('CSV-bestand met');
  await expect(io.importPanel.getByText('Herkend: Windows-1252 (Excel, West-Europees)')).toBeVisible();
  await expect(io.importPanel.getByText('Herkend: Puntkomma (;)')).toBeVisible();
  await page.getByTestId('import-to-mapping').click();

  // 2. The mapping: headers recognised, samples decoded; the bank column is not known and is mapped by hand.
  await expect(io.mappingRow('Roepnaam')).toContainText('René');
  await expect(io.mappingRow('Roepnaam').getByTestId('mapping-target')).toHaveValue('Roepnaam');
  await expect(io.mappingRow('Geb.datum').getByTestId('mapping-target')).toHaveValue('Geboortedatum');
  await expect(io.mappingRow('Bank (IBAN/giro)').getByTestId('mapping-target')).toHaveValue('negeren');
  await io.mapColumn('Bank (IBAN/giro)', 'IBAN');
  // Kept by name for next time: it appears in the list of saved mappings.
  const mappingName = `Ledenlijst penningmeester ${Date.now() % 1_000_000}`;
  await page.getByTestId('mapping-name').fill(mappingName);
  await page.getByTestId('mapping-save').click();
  await expect(page.getByTestId('mapping-saved')).toHaveValue(mappingName);
  await page.screenshot({ path: 'test-results/io-mapping.png', fullPage: true });
  await page.getByTestId('import-to-options').click();

  // 3. Options as they are; the dry run.
  await expect(page.getByTestId('match-keys')).toContainText('Lidnummer');
  await page.getByTestId('import-dry-run').click();
  await expect(page.getByTestId('preview-summary')).toBeVisible({ timeout: 30_000 });
  await expect(io.count('create')).toContainText('3');
  await expect(io.count('reject')).toContainText('2');
  await expect(io.outcome(3)).toContainText('Marieke van den Berg');
  await expect(io.outcome(3)).toHaveAttribute('data-outcome', 'create');
  await expect(io.outcome(4)).toHaveAttribute('data-outcome', 'reject');
  await expect(io.outcome(4)).toContainText('Rij 4, kolom Bank (IBAN/giro):');
  await expect(io.outcome(4)).toContainText('IBAN');
  await expect(io.outcome(5)).toHaveAttribute('data-outcome', 'reject');
  await expect(io.outcome(5)).toContainText('Rij 5, kolom Postcode: ongeldige postcode');
  await expect(io.outcome(5)).toContainText('12345');
  await page.screenshot({ path: 'test-results/io-dry-run.png', fullPage: true });

  // Filtering on "afgewezen" leaves just those two rows.
  await io.count('reject').click();
  await expect(io.outcomes).toHaveCount(2);
  await page.screenshot({ path: 'test-results/io-dry-run-rejected.png', fullPage: true });

  const rejected = await io.download(page.getByTestId('download-rejected'));
  expect(rejected.suggestedFilename()).toBe('leden-rommelig-1252-afgewezen.csv');
  const rejectedText = fs.readFileSync(await rejected.path(), 'utf8');
  expect(rejectedText).toContain('Ëlsenbroek');
  expect(rejectedText).toContain('Crèmers');

  // 4. Commit.
  await page.getByTestId('import-commit').click();
  await expect(page.getByTestId('import-done')).toContainText('3 nieuwe relaties', { timeout: 30_000 });

  // 5. The imported person is found with Ctrl+K, surname with accents and all.
  await app.searchAndOpen('Pruimeboom', 'René Pruimeboom');
  await expect(page.getByText('René Pruimeboom').first()).toBeVisible();

  // 6. Back on the import tab the result is still there: undo it as a whole.
  await io.open();
  await expect(page.getByTestId('import-done')).toBeVisible();
  await page.getByTestId('import-undo').click();
  await expect(page.getByTestId('import-undone')).toContainText('ongedaan gemaakt');
  await page.keyboard.press('Control+K');
  await app.searchInput.fill('Pruimeboom');
  await expect(page.getByText(/^Niets gevonden./)).toBeVisible();
});

import fs from 'node:fs';
import { expect, test } from './fixtures';
import ExcelJS from 'exceljs';
import { AppPage } from './pages/app-page';
import { IoPage } from './pages/io-page';

test('exports all relations to Excel with chosen columns in a chosen order, and keeps them as a column set', async ({ page }) => {
  const app = new AppPage(page);
  const io = new IoPage(page);
  const tag = `${Date.now() % 1_000_000}`;
  await app.open();
  await io.open();
  await io.tab('Exporteren');

  const chooser = page.getByTestId('column-chooser');
  const chosen = chooser.getByTestId('column-chosen');
  await expect(chosen.first()).toBeVisible();
  await chooser.getByRole('button', { name: 'Alles weghalen' }).click();
  await expect(chosen).toHaveCount(0);
  for (const label of ['Nummer', 'Naam', 'Postcode', 'Plaats']) {
    await chooser.getByRole('button', { name: `Kolom ${label} toevoegen`, exact: true }).click();
  }
  // Plaats before Postcode: move it up once.
  await chosen.filter({ hasText: 'Plaats' }).getByRole('button', { name: 'Naar boven' }).click();
  await expect(chosen).toHaveText([/1\. Nummer/, /2\. Naam/, /3\. Plaats/, /4\. Postcode/]);

  await io.exportPanel.getByTestId('column-set-name').fill(`Adreslijst ${tag}`);
  await io.exportPanel.getByTestId('column-set-save').click();
  await expect(io.exportPanel.getByTestId('column-set')).toHaveValue(`Adreslijst ${tag}`);

  await expect(io.exportPanel.getByTestId('export-format').getByText('Excel (.xlsx)')).toBeVisible();
  const download = await io.download(io.exportPanel.getByTestId('export-download'));
  expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
  await expect(page.getByTestId('export-done')).toContainText('rijen geëxporteerd');
  const exported = Number(/^([\d.]+) rijen/.exec(await page.getByTestId('export-done').innerText())?.[1]?.replace(/\./g, ''));
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(fs.readFileSync(await download.path()) as unknown as ArrayBuffer);
  const ws = wb.worksheets[0];
  expect((ws?.getRow(1).values as unknown[]).slice(1)).toEqual(['Nummer', 'Naam', 'Plaats', 'Postcode']);
  expect(ws?.rowCount).toBe(exported + 1);
  expect(typeof ws?.getRow(2).getCell(1).value).toBe('number');
  await page.screenshot({ path: 'test-results/io-export.png', fullPage: true });
});

import ExcelJS from 'exceljs';
import { expect, test } from './fixtures';
import { AppPage } from './pages/app-page';
import { rpc } from './pages/api';

/*
 * The administration opens on its overview. A number opens the list that produced it (the
 * same count), the list is acted on (added to a group, with a role and a date) and exported.
 */
test('opens on the overview; a number opens its list, which is added to a group and exported', async ({ page, request }) => {
  const app = new AppPage(page);
  await app.openOverview();
  const lid = page.getByTestId('figure-type:lid');
  await expect(lid).toHaveText(/\d/);
  await expect(page.getByTestId('members-chart').locator('.recharts-line').first()).toBeVisible();
  await page.screenshot({ path: 'test-results/e2e/overview.png', fullPage: true });

  // The 65–79 band: its number and the length of its list are the same.
  const band = page.getByTestId('figure-age:65-79');
  const count = Number((await band.innerText()).replace(/\D/g, ''));
  expect(count).toBeGreaterThan(0);
  await band.click();
  await expect(page.getByTestId('list-title')).toContainText('65–79 jaar');
  await expect(page.getByTestId('list-count')).toHaveText(`${count.toLocaleString('nl-NL')} relaties`);

  // Shift-click selects a range of three rows; then add them to a new committee as secretary.
  const group = await rpc(request, 'groups.create', { name: `Seniorencommissie ${Date.now() % 100000}`, type: 'committee' });
  const rows = page.getByTestId('list-row');
  await rows.nth(0).click();
  await rows.nth(2).click({ modifiers: ['Shift'] });
  await expect(page.getByTestId('list-selected')).toHaveText('3 geselecteerd');
  await page.getByTestId('list-actions').click();
  await page.getByTestId('action-addToGroup').click();
  await page.getByTestId('group-pick').click();
  await page.getByRole('option', { name: group.name }).click();
  await page.getByTestId('role-pick').click();
  await page.getByRole('option', { name: 'Secretaris' }).click();
  await page.getByLabel('Vanaf').fill('1-7-2026');
  await page.getByTestId('list-action-apply').click();
  await expect(page.getByTestId('list-action-done')).toHaveText('3 gewijzigd, 0 ongewijzigd');
  const members = await rpc(request, 'groups.entries', { groupId: group.id });
  expect(members.rows).toHaveLength(3);
  expect(members.rows.every((m) => m.validFrom === '2026-07-01')).toBe(true);

  // After the action the selection is gone: the actions are for the whole list again.
  // E-mail addresses for BCC: for every relation of the list, and who has none named.
  await expect(page.getByTestId('list-actions')).toHaveText('Acties voor de hele lijst');
  await page.getByTestId('list-actions').click();
  await page.getByTestId('action-emails').click();
  await expect(page.getByTestId('emails-summary')).toContainText(`voor ${count} relaties`);
  await page.screenshot({ path: 'test-results/e2e/overview-emails.png' });
  await page.keyboard.press('Escape');

  // Export the whole list to Excel.
  const download = page.waitForEvent('download');
  await page.getByTestId('list-actions').click();
  await page.getByTestId('action-export').click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/\.xlsx$/);
  await file.saveAs('test-results/e2e/overview-list.xlsx');
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile('test-results/e2e/overview-list.xlsx');
  expect(book.worksheets[0]!.actualRowCount).toBe(count + 1); // a header and one row per relation

  // A report from the overview, as PDF.
  await page.getByTestId('nav-overview').click();
  const pdf = page.waitForEvent('download');
  await page.getByTestId('report-ages-pdf').click();
  const pdfFile = await pdf;
  expect(pdfFile.suggestedFilename()).toBe('leeftijdscategorieen-2026.pdf');
  await pdfFile.saveAs('test-results/e2e/overview-ages.pdf');

  // History names the operation.
  const ops = await rpc(request, 'audit.operations', { offset: 0, limit: 5 });
  expect(ops.rows.map((o) => o.kind)).toContain('lists.addToGroup');
});

/*
 * While the first overview is computed (seconds after opening a large administration) the page
 * says so; the answer is the real core's, only held back on its way, so the wait can be seen.
 */
test('says the overview is being computed until its first answer arrives', async ({ page }) => {
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/rpc/overview.get', async (route) => {
    const response = await route.fetch();
    await held;
    await route.fulfill({ response });
  });
  const app = new AppPage(page);
  await app.openOverview();
  const computing = page.getByTestId('overview-computing');
  await expect(computing).toContainText('Het overzicht wordt berekend');
  await expect(page.getByTestId('figure-type:lid')).toHaveCount(0);
  await page.screenshot({ path: 'test-results/e2e/overview-computing.png' });
  release();
  await expect(page.getByTestId('figure-type:lid')).toHaveText(/\d/);
  await expect(computing).toHaveCount(0);
});

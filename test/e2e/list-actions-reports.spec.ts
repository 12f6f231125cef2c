import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import ExcelJS from 'exceljs';
import PizZip from 'pizzip';
import { expect, test } from './fixtures';
import { AppPage } from './pages/app-page';
import { GroupsPage } from './pages/groups-page';
import { IO_FIXTURES } from './pages/io-page';
import { rpc } from './pages/api';

/*
 * The shared list tools where they were missing: a group's members are selected and tagged,
 * then the whole group gets a merged Word letter and labels from the same menu; the relations
 * list selects with its checkboxes; the reports screen shows a report, exports it to Excel and
 * PDF, and acts on the relations of its lines.
 */
test('group members: select and tag two, then merge a letter and labels for the whole group from the list menu', async ({ page }) => {
  const tag = `${Date.now() % 1_000_000}`;
  const group = await rpc(page.request, 'groups.create', { name: `Lijstgroep ${tag}`, type: 'committee' });
  const names = ['Aalbers', 'Bruins', 'Claessens'].map((n) => `${n}${tag}`);
  for (const [i, lastName] of names.entries()) {
    const r = await rpc(page.request, 'relations.create', {
      kind: 'person',
      fields: { firstName: 'Test', lastName, gender: 'v', addressForm: 'mevrouw' },
      address: { street: 'Dorpsstraat', houseNumber: i + 1, postcode: '3511 AB', city: 'Utrecht' },
    });
    await rpc(page.request, 'groups.addMember', { groupId: group.id, relationId: r.id, member: { validFrom: '2020-01-01' } });
  }
  const kenmerk = await rpc(page.request, 'tags.create', { name: `Lijstkenmerk ${tag}` });

  const app = new AppPage(page);
  const groups = new GroupsPage(page);
  await app.openOverview();
  await groups.open();
  await groups.openGroup(`Lijstgroep ${tag}`);
  await expect(groups.members).toHaveCount(3);

  // Click one row, Ctrl-click another: two selected; the name link still opens the card, so click the period.
  await groups.member(names[0]!).getByTestId('member-period').click();
  await groups.member(names[2]!).getByTestId('member-period').click({ modifiers: ['Control'] });
  await expect(page.getByTestId('list-selected')).toHaveText('2 geselecteerd');
  await expect(page.getByTestId('list-actions')).toHaveText('Acties voor de selectie');
  await page.getByTestId('list-actions').click();
  await page.getByRole('menuitem', { name: 'Kenmerk toevoegen…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Kenmerk toevoegen…' });
  await dialog.getByRole('combobox', { name: 'Kenmerk' }).click();
  await page.getByRole('option', { name: `Lijstkenmerk ${tag}` }).click();
  await dialog.getByRole('button', { name: 'Uitvoeren' }).click();
  await expect(page.getByTestId('list-action-done')).toHaveText('2 gewijzigd, 0 ongewijzigd');
  const tagged = await rpc(page.request, 'conditions.evaluate', { condition: { type: 'tag', tagIds: [kenmerk.id], includeDescendants: true }, moment: { on: '2026-06-15' }, offset: 0, limit: 10 });
  expect(tagged.rows.map((r) => r.displayName).sort()).toEqual([`Test ${names[0]}`, `Test ${names[2]}`]);

  // Nothing selected any more: the merge is for the whole group, through the io merge itself.
  await expect(page.getByTestId('list-actions')).toHaveText('Acties voor de hele lijst');
  await page.getByTestId('list-actions').click();
  await page.getByTestId('action-merge').click();
  const merge = page.getByRole('dialog', { name: 'Samenvoegen voor 3 relaties' });
  await merge.locator('input[type="file"]').setInputFiles(`${IO_FIXTURES}/brief.docx`);
  await merge.getByTestId('merge-check-button').click();
  await expect(merge.getByTestId('merge-recipients')).toHaveText('3 ontvangers');
  await merge.getByTestId('merge-allow-unknown').click();
  await page.screenshot({ path: 'test-results/e2e/list-merge.png' });
  const [letter] = await Promise.all([page.waitForEvent('download'), merge.getByTestId('merge-download').click()]);
  const saved = 'test-results/e2e/list-merge.docx';
  await letter.saveAs(saved);
  const text = new PizZip(fs.readFileSync(saved)).file('word/document.xml')!.asText().replace(/<[^>]+>/g, '');
  for (const n of names) expect(text).toContain(n);
  await page.keyboard.press('Escape');

  await page.getByTestId('list-actions').click();
  await page.getByTestId('action-labels').click();
  const labels = page.getByRole('dialog', { name: 'Etiketten voor 3 relaties' });
  const [sheet] = await Promise.all([page.waitForEvent('download'), labels.getByTestId('labels-download').click()]);
  expect(sheet.suggestedFilename()).toMatch(/\.(docx|pdf)$/);
  await expect(labels.getByTestId('labels-done')).toContainText('3');
});

test('the relations list selects with its checkboxes and acts on the selection', async ({ page }) => {
  const app = new AppPage(page);
  await app.open();
  const rows = page.getByTestId('relation-row');
  await expect(rows.first()).toBeVisible();
  await rows.nth(1).getByTestId('relation-select').click();
  await rows.nth(3).getByTestId('relation-select').click();
  await expect(page.getByTestId('list-selected')).toHaveText('2 geselecteerd');
  await expect(rows.nth(1)).toHaveAttribute('data-selected', 'true');
  await page.getByTestId('list-actions').click();
  await page.getByTestId('action-emails').click();
  await expect(page.getByTestId('emails-summary')).toContainText('voor 2 relaties');
  await page.screenshot({ path: 'test-results/e2e/relations-selected.png' });
  await page.keyboard.press('Escape');
  // Copying the addresses (and exporting) only reads: the selection stays for the next action.
  await expect(page.getByTestId('emails-dialog')).toBeHidden();
  await expect(page.getByTestId('list-selected')).toHaveText('2 geselecteerd');
  await expect(rows.nth(1)).toHaveAttribute('data-selected', 'true');
  await page.getByTestId('list-actions').click();
  await Promise.all([page.waitForEvent('download'), page.getByTestId('action-export').click()]);
  await expect(page.getByTestId('list-selected')).toHaveText('2 geselecteerd');
  await expect(page.getByTestId('list-actions')).toHaveText('Acties voor de selectie');
  // A plain click on a row still opens the relation.
  await rows.nth(0).click();
  await expect(page.getByTestId('relation-row')).toHaveCount(0);
});

test('the reports screen shows the jubilees, exports them to Excel and PDF, and mails the jubilarians', async ({ page }) => {
  const app = new AppPage(page);
  await app.openOverview();
  await app.nav.getByRole('button', { name: 'Rapporten', exact: true }).click();
  await page.getByTestId('report-choice').getByText('Jubilea', { exact: true }).click();
  await page.getByLabel('Van', { exact: true }).fill('1-5-2026');
  await page.getByLabel('Tot en met', { exact: true }).fill('31-7-2026');
  await expect(page.getByTestId('report-subtitle')).toContainText('1-5-2026 t/m 31-7-2026');
  const rows = page.getByTestId('report-row');
  await expect(rows.first()).toBeVisible();
  const shown = await rows.count();
  // The demo's long-standing members: 25 years in these months.
  await expect(rows.filter({ hasText: /\b25\b/ }).first()).toBeVisible();
  await page.screenshot({ path: 'test-results/e2e/report-jubilees.png', fullPage: true });

  const [xlsx] = await Promise.all([page.waitForEvent('download'), page.getByTestId('report-xlsx').click()]);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load((await fs.promises.readFile(await xlsx.path())) as unknown as ArrayBuffer);
  const sheet = book.worksheets[0]!;
  expect(sheet.getRow(1).getCell(1).value).toBe('Jubilea');
  expect(sheet.getRow(4).values).toEqual([undefined, 'Datum', 'Jaar lid', 'Naam', 'Nummer', 'Lid sinds', 'Lidmaatschap']);
  expect(sheet.rowCount).toBe(4 + shown);

  const [pdf] = await Promise.all([page.waitForEvent('download'), page.getByTestId('report-pdf').click()]);
  const pdfFile = 'test-results/e2e/report-jubilees.pdf';
  await pdf.saveAs(pdfFile);
  const pdfText = execFileSync('pdftotext', ['-layout', pdfFile, '-'], { encoding: 'utf8' });
  expect(pdfText).toContain('Jubilea');
  expect(pdfText).toContain(((await rows.first().locator('td').nth(2).innerText()) || '').trim());

  // The report's lines are a list: e-mail addresses of the jubilarians, each relation once.
  await page.getByTestId('list-actions').click();
  await page.getByTestId('action-emails').click();
  await expect(page.getByTestId('emails-summary')).toContainText('relaties');
  await page.keyboard.press('Escape');

  // The board on a date, from the role history.
  await page.getByTestId('report-choice').getByText('Bestuur op datum', { exact: true }).click();
  await page.getByLabel('Op datum', { exact: true }).fill('1-1-2015');
  await expect(rows.filter({ hasText: 'Voorzitter' }).first()).toBeVisible();
  await page.screenshot({ path: 'test-results/e2e/report-board.png', fullPage: true });
});

import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from './fixtures';
import { AppPage } from './pages/app-page';
import { IO_FIXTURES, IoPage } from './pages/io-page';
import { rpc } from './pages/api';

test('merges a Word letter for a group: the check names the unknown placeholder and the recipient with empty fields, then downloads', async ({ page }) => {
  const app = new AppPage(page);
  const io = new IoPage(page);
  const tag = `${Date.now() % 1_000_000}`;
  const withAddress = await rpc(page.request, 'relations.create', {
    kind: 'person',
    fields: { firstName: 'Anneke', lastName: `Briefschrijver${tag}`, gender: 'v', addressForm: 'mevrouw', birthDate: '1970-04-01' },
    address: { street: 'Dorpsstraat', houseNumber: 1, postcode: '1234 AB', city: 'Amsterdam' },
  });
  const withoutAddress = await rpc(page.request, 'relations.create', { kind: 'person', fields: { firstName: 'Bart', lastName: `Zonderadres${tag}` } });
  const group = await rpc(page.request, 'groups.create', { name: `Brievengroep ${tag}`, type: 'committee', parentId: null, condition: null, description: null });
  for (const r of [withAddress, withoutAddress]) {
    await rpc(page.request, 'groups.addMember', { groupId: group.id, relationId: r.id, member: { validFrom: '2020-01-01' } });
  }

  await app.open();
  await io.open();
  await io.tab('Samenvoegen (Word)');
  const merge = io.mergePanel;
  // The field list tells the secretary what to type.
  await expect(merge.locator('[data-testid="merge-field"][data-key="aanhef"]')).toContainText('Geachte heer De Vries');

  await io.upload(merge, 'brief.docx');
  await merge.getByTestId('source-kind').getByText('Groep', { exact: true }).click();
  await io.choose(merge.getByTestId('source-group'), `Brievengroep ${tag}`);
  await merge.getByTestId('merge-check-button').click();

  const check = merge.getByTestId('merge-check');
  await expect(check.getByTestId('merge-recipients')).toHaveText('2 ontvangers');
  await expect(check.getByTestId('merge-unknown')).toContainText('schoenmaat');
  const empty = check.getByTestId('merge-empty-row');
  await expect(empty.filter({ hasText: `Bart Zonderadres${tag}` })).toContainText('{postcode}');
  await page.screenshot({ path: 'test-results/io-merge-check.png', fullPage: true });

  const preview = await io.download(merge.getByTestId('merge-preview'));
  expect(preview.suggestedFilename()).toMatch(/\.docx$/);

  // Unknown placeholders block the merge until the user accepts they stay empty.
  await expect(merge.getByTestId('merge-download')).toBeDisabled();
  await merge.getByTestId('merge-allow-unknown').click();
  const doc = await io.download(merge.getByTestId('merge-download'));
  expect(doc.suggestedFilename()).toMatch(/\.docx$/);
  await expect(merge.getByTestId('merge-done')).toContainText('2 ontvangers');
});

test('a template with Word fields we do not run warns that they are removed; a damaged template is refused in Dutch', async ({ page }) => {
  const app = new AppPage(page);
  const io = new IoPage(page);
  await app.open();
  await io.open();
  await io.tab('Samenvoegen (Word)');
  const merge = io.mergePanel;
  // A Word mail-merge document with an IF field around a MERGEFIELD and a NEXT field.
  await io.upload(merge, '../io/word-mergefields.docx');
  await merge.getByTestId('source-kind').getByText('Alle relaties', { exact: true }).click();
  await merge.getByTestId('merge-check-button').click();
  const unsupported = merge.getByTestId('merge-check').getByTestId('merge-unsupported');
  await expect(unsupported).toContainText('Word-velden die Ledenbeheer niet uitvoert: ze worden uit de brieven verwijderd');
  await expect(unsupported).toContainText('IF');
  await page.screenshot({ path: 'test-results/io-merge-unsupported.png', fullPage: true });

  // The first 3,000 bytes of a real .docx: a zip without its table of contents.
  const whole = fs.readFileSync(path.join(IO_FIXTURES, '..', 'io', 'word-mergefields.docx'));
  await merge.locator('input[type="file"]').first().setInputFiles({ name: 'kapot.docx', mimeType: 'application/octet-stream', buffer: whole.subarray(0, 3000) });
  await merge.getByTestId('merge-check-button').click();
  await expect(merge).toContainText('geen geldig Word-document (.docx) of is beschadigd; open het in Word en sla het opnieuw op als Word-document');
  await expect(merge).not.toContainText('Er ging iets mis');
  await page.screenshot({ path: 'test-results/io-merge-damaged.png', fullPage: true });
});

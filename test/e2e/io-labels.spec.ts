import { expect, test } from './fixtures';
import { AppPage } from './pages/app-page';
import { IoPage } from './pages/io-page';
import { rpc } from './pages/api';

test('prints address labels on a 3×8 sheet for a group and counts who had no address', async ({ page }) => {
  const app = new AppPage(page);
  const io = new IoPage(page);
  const tag = `${Date.now() % 1_000_000}`;
  const a = await rpc(page.request, 'relations.create', {
    kind: 'person',
    fields: { firstName: 'Els', lastName: `Etiket${tag}` },
    address: { street: 'Kerkplein', houseNumber: 3, postcode: '3511 AB', city: 'Utrecht' },
  });
  const b = await rpc(page.request, 'relations.create', { kind: 'person', fields: { firstName: 'Kees', lastName: `Geenadres${tag}` } });
  const group = await rpc(page.request, 'groups.create', { name: `Etiketgroep ${tag}`, type: 'committee', parentId: null, condition: null, description: null });
  for (const r of [a, b]) await rpc(page.request, 'groups.addMember', { groupId: group.id, relationId: r.id, member: { validFrom: '2020-01-01' } });

  await app.open();
  await io.open();
  await io.tab('Etiketten & enveloppen');
  const tab = page.getByTestId('labels-tab');
  await tab.getByTestId('source-kind').getByText('Groep', { exact: true }).click();
  await io.choose(tab.getByTestId('source-group'), `Etiketgroep ${tag}`);
  await expect(tab.getByTestId('labels-sheet')).toHaveValue(/3 × 8/);
  const labels = await io.download(tab.getByTestId('labels-download'));
  expect(labels.suggestedFilename()).toMatch(/\.docx$/);
  await expect(tab.getByTestId('labels-done')).toContainText('1 etiket op 1 pagina');
  await expect(tab.getByTestId('labels-done')).toContainText('1 relatie zonder adres is overgeslagen');
  const envelopes = await io.download(tab.getByTestId('envelopes-download'));
  expect(envelopes.suggestedFilename()).toMatch(/\.docx$/);
  await expect(tab.getByTestId('envelopes-done')).toContainText('1 envelop');
  await page.screenshot({ path: 'test-results/io-labels.png', fullPage: true });
});

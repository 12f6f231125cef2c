import { expect, test } from './fixtures';
import { AppPage } from './pages/app-page';
import { rpc } from './pages/api';

test('a relation type in use cannot be deleted and says why in Dutch', async ({ page }) => {
  const app = new AppPage(page);
  const types = await rpc(page.request, 'relationTypes.list', {});
  const sponsor = types.rows.find((t) => t.code === 'sponsor');
  if (!sponsor) throw new Error('default type sponsor missing');
  const someone = await rpc(page.request, 'relations.list', { sort: 'number', limit: 1, offset: 20 });
  const relationId = someone.rows[0]?.id ?? '';
  await rpc(page.request, 'relations.addType', { relationId, typeId: sponsor.id, validFrom: '2025-01-01' });

  await app.open();
  await app.goTo('Instellingen');
  const row = page.getByTestId('relation-type-row').filter({ hasText: 'Sponsor' });
  await row.getByRole('button', { name: 'Verwijderen' }).click();
  await expect(page.getByTestId('error-alert')).toContainText('Dit relatietype is nog');
  await expect(page.getByTestId('error-alert')).toContainText('kan daarom niet worden verwijderd');
  await expect(row).toBeVisible();
});

test('switches to English and remembers the choice', async ({ page }) => {
  const app = new AppPage(page);
  await app.open();
  await page.getByRole('radiogroup', { name: 'Taal' }).getByText('EN', { exact: true }).click();
  await expect(page.getByRole('navigation', { name: 'Main menu' }).getByRole('button', { name: 'Relations' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.reload();
  // The app opens on the overview again, in English.
  await page.getByRole('navigation', { name: 'Main menu' }).getByRole('button', { name: 'Relations', exact: true }).click();
  await expect(page.getByTestId('relations-total')).toHaveText(/relations$/);
  await page.getByRole('radiogroup', { name: 'Language' }).getByText('NL', { exact: true }).click();
  await expect(page.getByTestId('relations-total')).toHaveText(/relaties$/);
});

import { expect, test } from './fixtures';
import { AppPage } from './pages/app-page';
import { RelationsPage } from './pages/relations-page';
import { RelationCard } from './pages/relation-card';
import { rpc } from './pages/api';

test('an edit shows in the list and in History; delete to trash and restore', async ({ page }) => {
  const app = new AppPage(page);
  const list = new RelationsPage(page);
  const card = new RelationCard(page);
  const email = `gewijzigd.${Date.now() % 100000}@voorbeeld.nl`;
  await app.open();
  const total = await list.totalCount();

  await list.sortByHeader('number');
  const row = list.rowByNumber(7);
  const name = (await row.getByTestId('relation-row-name').innerText()).trim();
  await row.click();
  await card.expectOpen(name);
  const before = await card.field('E-mail').inputValue();

  await card.setField('E-mail', email);
  await card.save();
  await expect(card.root.getByText('Opgeslagen')).toBeVisible();

  await card.tab('Historie');
  const change = card.historyOperations.filter({ hasText: 'Gegevens gewijzigd' }).first().getByTestId('audit-change').filter({ hasText: email });
  await expect(change).toContainText('E-mail:');
  await expect(change).toContainText(before || '—');

  await app.goTo('Relaties');
  await list.sortByHeader('number');
  await expect(list.rowByNumber(7)).toContainText(email);

  await list.rowByNumber(7).click();
  await card.moveToTrash();
  await app.goTo('Relaties');
  await list.expectTotal(total - 1);

  await app.goTo('Prullenbak');
  const trashed = page.locator('[data-testid="trash-row"][data-number="7"]');
  await expect(trashed).toContainText(name);
  await trashed.getByTestId('trash-restore').click();
  await expect(trashed).toBeHidden();

  await app.goTo('Relaties');
  await list.expectTotal(total);
  const restored = await rpc(page.request, 'relations.list', { sort: 'number', limit: 1, offset: 6 });
  expect(restored.rows[0]?.email).toBe(email);
});

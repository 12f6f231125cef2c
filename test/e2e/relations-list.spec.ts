import { expect, test } from './fixtures';
import { AppPage } from './pages/app-page';
import { RelationsPage } from './pages/relations-page';
import { rpc } from './pages/api';

test('scrolls deep into 2,000 relations with only the visible rows in the DOM', async ({ page }) => {
  const app = new AppPage(page);
  const list = new RelationsPage(page);
  await app.open();
  const total = await list.totalCount();
  // The demo puts a few relations in the trash: the list shows the rest.
  expect(total).toBe((await rpc(page.request, 'relations.list', { limit: 1 })).total);
  expect(total).toBeGreaterThan(1900);

  await list.sortByHeader('number');
  const byNumber = async (offset: number) => (await rpc(page.request, 'relations.list', { sort: 'number', offset, limit: 1 })).rows[0]!.number;
  await expect(list.firstRow()).toHaveAttribute('data-number', String(await byNumber(0)));

  await list.scrollToRow(1500);
  await expect(page.locator('[data-testid="relation-row"][data-index="1500"]')).toBeVisible();
  const inDom = await list.rows.count();
  expect(inDom).toBeLessThan(60);
  expect(inDom).toBeGreaterThan(10);
  await expect(list.rowByNumber(await byNumber(1500))).toBeVisible();

  await list.scrollToRow(total - 1);
  await expect(page.locator(`[data-testid="relation-row"][data-index="${total - 1}"]`)).toBeVisible();
  await page.screenshot({ path: 'test-results/e2e/list-deep.png' });

  // A second click on the header reverses the order.
  await list.sortByHeader('number');
  const highest = await rpc(page.request, 'relations.list', { sort: 'number', descending: true, limit: 1 });
  await expect(list.firstRow()).toHaveAttribute('data-number', String(highest.rows[0]?.number));
});

test('filters by kind and by relation type, with the total following', async ({ page }) => {
  const app = new AppPage(page);
  const list = new RelationsPage(page);
  // Make sure the type has members, whatever the demo data holds.
  const some = await rpc(page.request, 'relations.list', { sort: 'number', kind: 'person', offset: 10, limit: 3 });
  const types = await rpc(page.request, 'relationTypes.list', {});
  const donor = types.rows.find((t) => t.code === 'donateur');
  if (!donor) throw new Error('default type donateur missing');
  for (const r of some.rows) await rpc(page.request, 'relations.addType', { relationId: r.id, typeId: donor.id, validFrom: '2024-01-01' });
  const expected = await rpc(page.request, 'relations.list', { typeCode: 'donateur', limit: 1 });
  const organisations = await rpc(page.request, 'relations.list', { kind: 'organisation', limit: 1 });

  await app.open();
  await list.filterType('Donateur');
  await list.expectTotal(expected.total);
  await expect(list.firstRow()).toContainText('Donateur');

  await list.filterType(null);
  await list.filterKind('Organisaties');
  await list.expectTotal(organisations.total);
  await list.filterKind('Alle');
  await page.screenshot({ path: 'test-results/e2e/list.png' });
});

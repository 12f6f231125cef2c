import { expect, test } from '@playwright/test';
import { AppPage } from './pages/app-page';
import { RelationCard } from './pages/relation-card';
import { RelationsPage } from './pages/relations-page';
import { NewRelationDialog } from './pages/new-relation-dialog';
import { rpc } from './pages/api';

test('scan, open a pair, pick fields, merge, and find the survivor by the old number', async ({ page }) => {
  const app = new AppPage(page);
  const card = new RelationCard(page);
  const address = { type: 'home' as const, street: 'Lindelaan', houseNumber: 17, postcode: '9711 LK', city: 'Groningen' };
  // A double as an old import makes it: ij written as y, the tussenvoegsel in the last-name column.
  const keep = await rpc(page.request, 'relations.create', {
    kind: 'person',
    fields: { firstName: 'Wijnand', infix: 'van', lastName: 'Dijkstra', birthDate: '1961-07-14', email: 'w.vandijkstra@voorbeeld.nl' },
    address,
  });
  const remove = await rpc(page.request, 'relations.create', {
    kind: 'person',
    fields: { firstName: 'Wynand', lastName: 'van Dykstra', birthDate: '1961-07-14', mobile: '06 12345678', email: 'wynand@thuis.nl' },
    address,
  });

  await app.open();
  await app.nav.getByRole('button', { name: 'Dubbelen', exact: true }).click();
  await page.getByTestId('dedupe-scan').click();
  await expect(page.getByTestId('dedupe-summary')).toContainText('mogelijke dubbelen');
  const row = page.locator(`[data-testid="dedupe-pair"][data-a="${keep.number}"][data-b="${remove.number}"]`);
  await expect(row).toContainText('Geboortedatum: gelijk');
  await expect(row).toContainText('Achternaam: gelijk (tussenvoegsel stond in de achternaam)');
  await expect(row).toContainText('Adres: gelijk');
  await row.scrollIntoViewIfNeeded();
  await page.screenshot({ path: '/tmp/dedupe-scan.png', fullPage: false });

  await row.getByTestId('dedupe-open').click();
  const panel = page.getByTestId('merge-panel');
  await expect(panel.getByTestId('merge-score')).toContainText('Score');
  await expect(panel.getByTestId('merge-reason').filter({ hasText: 'Voornaam' })).toContainText('gelijk (accenten, hoofdletters of ij/y genegeerd)');
  // Keep both e-mail addresses; take the other's first name.
  const email = panel.locator('[data-testid="merge-field"][data-field="email"]');
  // The choice is applied by a new dry run; the radio follows its answer.
  await email.getByTestId('take-both').click();
  await expect(email.getByTestId('take-both')).toBeChecked();
  await expect(panel.locator('[data-testid="merge-field"][data-field="email2"]').getByTestId('merge-chosen')).toHaveText('wynand@thuis.nl');
  const first = panel.locator('[data-testid="merge-field"][data-field="firstName"]');
  await first.getByTestId('take-remove').click();
  await expect(first.getByTestId('take-remove')).toBeChecked();
  await expect(first.getByTestId('merge-chosen')).toHaveText('Wynand');
  // The mobile number only the other has comes along by itself; the address moves.
  await expect(panel.locator('[data-testid="merge-field"][data-field="mobile"]').getByTestId('merge-chosen')).toHaveText('06-12345678');
  await expect(panel.getByTestId('merge-moved')).toContainText('1 × adres');
  await page.screenshot({ path: '/tmp/dedupe-merge.png', fullPage: true });

  await panel.getByTestId('merge-confirm').click();
  const dialog = page.getByRole('dialog', { name: 'Samenvoegen?' });
  await expect(dialog).toContainText(`Nr. ${remove.number}`);
  await dialog.getByRole('button', { name: 'Samenvoegen' }).click();
  await expect(page.getByTestId('dedupe-notice')).toContainText(`nr. ${remove.number} is opgegaan in nr. ${keep.number}`);
  await page.screenshot({ path: '/tmp/dedupe-done.png', fullPage: false });

  // The old number finds the survivor.
  await app.searchAndOpen(String(remove.number), 'Wynand van Dijkstra');
  await card.expectOpen('Wynand van Dijkstra');
  await expect(card.field('E-mail 2')).toHaveValue('wynand@thuis.nl');
  await card.tab('Historie');
  await expect(card.historyOperations.filter({ hasText: 'Relaties samengevoegd' }).first()).toBeVisible();
  await page.screenshot({ path: '/tmp/dedupe-history.png', fullPage: false });
  const survivor = await rpc(page.request, 'relations.get', { id: remove.id });
  expect(survivor.id).toBe(keep.id);

  // Undo the merge from the survivor's History: both come back as they were.
  const merge = card.historyOperations.filter({ hasText: 'Relaties samengevoegd' }).first();
  await merge.getByTestId('undo-operation').click();
  await page.getByTestId('confirm-button').click();
  await expect(card.historyOperations.filter({ hasText: 'Samenvoegen ongedaan gemaakt' }).first()).toBeVisible();
  await expect(merge.getByTestId('undo-state')).toContainText('Ongedaan gemaakt');
  await page.screenshot({ path: '/tmp/dedupe-undone.png', fullPage: false });
  const back = await rpc(page.request, 'relations.get', { id: remove.id });
  expect(back).toMatchObject({ id: remove.id, number: remove.number });
  expect(back.fields).toMatchObject({ firstName: 'Wynand', lastName: 'van Dykstra', email: 'wynand@thuis.nl' });
  const kept = await rpc(page.request, 'relations.get', { id: keep.id });
  expect(kept.fields).toMatchObject({ firstName: 'Wijnand', email: 'w.vandijkstra@voorbeeld.nl', email2: null });
});

test('quick entry warns with the reason, and Settings holds the weights', async ({ page }) => {
  const app = new AppPage(page);
  const list = new RelationsPage(page);
  const dialog = new NewRelationDialog(page);
  await rpc(page.request, 'relations.create', { kind: 'person', fields: { firstName: 'Cornelis', lastName: 'Oosterhuis', email: 'kees.oosterhuis@voorbeeld.nl' } });
  await app.open();
  await list.newPerson();
  await dialog.fill({ firstName: 'Kees', lastName: 'Oosterhuis' });
  await expect(page.getByTestId('similar-warning')).toBeHidden();
  await dialog.fill({ email: 'Kees.Oosterhuis@voorbeeld.nl' });
  const warning = page.getByTestId('similar-warning');
  await expect(warning).toContainText('Cornelis Oosterhuis');
  await expect(warning.getByTestId('similar-reasons')).toContainText('E-mail: gelijk');
  await expect(warning.getByTestId('similar-reasons')).toContainText('Voornaam: roepnaam en doopnaam');
  await page.screenshot({ path: '/tmp/dedupe-quick-entry.png', fullPage: false });
  await page.keyboard.press('Escape');

  await app.goTo('Instellingen');
  await page.getByRole('tab', { name: 'Dubbelen' }).click();
  const settings = page.getByTestId('dedupe-settings');
  await settings.getByTestId('dedupe-threshold').fill('75');
  await settings.getByTestId('dedupe-settings-save').click();
  await expect(settings.getByText('Opgeslagen.')).toBeVisible();
  await page.screenshot({ path: '/tmp/dedupe-settings.png', fullPage: true });
  expect((await rpc(page.request, 'dedupe.getWeights', {})).weights.threshold).toBe(75);
  await rpc(page.request, 'dedupe.setWeights', { weights: null });
});

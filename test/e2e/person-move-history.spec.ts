import { expect, test } from './fixtures';
import { AppPage } from './pages/app-page';
import { RelationsPage } from './pages/relations-page';
import { NewRelationDialog } from './pages/new-relation-dialog';
import { RelationCard } from './pages/relation-card';

test('creates a person with an address, finds it with Ctrl+K, records a move and shows it in History', async ({ page }) => {
  const app = new AppPage(page);
  const list = new RelationsPage(page);
  const card = new RelationCard(page);
  const lastName = `Verhuisma${Date.now() % 100000}`;
  await app.open();
  const before = await list.totalCount();

  await list.newPerson();
  const dialog = new NewRelationDialog(page);
  await dialog.fill({ firstName: 'Fenna', infix: 'van der', lastName, email: `fenna.${lastName.toLowerCase()}@voorbeeld.nl`, postcode: '3511ab', houseNumber: '12', street: 'Oudegracht' });
  // The PC4 lookup normalised the postcode and suggested the place.
  await expect(dialog.field('Postcode')).toHaveValue('3511 AB');
  await expect(dialog.field('Plaats')).toHaveValue('Utrecht');
  await expect(dialog.field('Gemeente')).toHaveValue('Utrecht');
  await dialog.create();
  await card.expectOpen(`Fenna van der ${lastName}`);

  await app.goTo('Relaties');
  await list.expectTotal(before + 1);
  await app.searchAndOpen(`fenna ${lastName.slice(0, 6)}`, lastName);
  await card.expectOpen(`Fenna van der ${lastName}`);

  await card.tab('Adressen');
  await expect(card.addresses).toHaveCount(1);
  await card.move('1-3-2025', { postcode: '9711 LM', houseNumber: '5', street: 'Vismarkt' });
  await expect(card.addresses).toHaveCount(2);
  const current = card.addresses.filter({ has: page.getByTestId('address-current') });
  await expect(current).toHaveCount(1);
  await expect(current).toContainText('Vismarkt 5');
  await expect(current).toContainText('9711 LM  GRONINGEN');
  await expect(current.getByTestId('address-period')).toHaveText('vanaf 1-3-2025');
  const old = card.addresses.filter({ hasText: 'Oudegracht 12' });
  await expect(old).toContainText('vervallen');
  // Half-open in the API (valid_to = 2025-03-01), shown as the last day at the old address.
  await expect(old.getByTestId('address-period')).toHaveText('t/m 28-2-2025');
  await page.screenshot({ path: 'test-results/e2e/card-addresses.png' });

  await card.tab('Historie');
  const move = card.historyOperations.filter({ hasText: 'Verhuizing' });
  await expect(move).toHaveCount(1);
  await expect(move).toContainText('Adres Oudegracht 12, 3511 AB Utrecht · Geldig t/m:');
  await expect(move).toContainText('28-2-2025');
  await expect(move).toContainText('Adres toegevoegd: Vismarkt 5, 9711 LM Groningen');
  await expect(card.historyOperations.filter({ hasText: 'Relatie aangemaakt' })).toHaveCount(1);
  await page.screenshot({ path: 'test-results/e2e/card-history.png' });
});

import { expect, test } from './fixtures';
import { AppPage } from './pages/app-page';
import { RelationsPage } from './pages/relations-page';
import { NewRelationDialog } from './pages/new-relation-dialog';
import { RelationCard } from './pages/relation-card';
import { rpc } from './pages/api';

test('a forbidden postcode gets a Dutch message naming the field and nothing is saved', async ({ page }) => {
  const app = new AppPage(page);
  const list = new RelationsPage(page);
  await app.open();
  const before = await list.totalCount();

  await list.newPerson();
  const dialog = new NewRelationDialog(page);
  await dialog.fill({ firstName: 'Sietske', lastName: 'Postcodefout', postcode: '1234 SA', houseNumber: '1' });
  expect(await dialog.fieldError('Postcode')).toContain('ongeldige postcode');
  await dialog.create();
  await expect(dialog.summary()).toContainText('Postcode: ongeldige postcode');
  await dialog.field('Postcode').fill('0123 AB');
  await dialog.create();
  await expect(dialog.summary()).toContainText('Postcode: ongeldige postcode (verwacht 1234 AB)');
  await page.screenshot({ path: 'test-results/e2e/invalid-postcode.png' });
  await dialog.root.getByRole('button', { name: 'Annuleren' }).click();

  await list.expectTotal(before);
  const found = await rpc(page.request, 'relations.search', { query: 'Postcodefout', limit: 5 });
  expect(found.rows).toHaveLength(0);
});

test('an IBAN with a wrong check digit is refused on the card and the stored value stays', async ({ page }) => {
  const app = new AppPage(page);
  const card = new RelationCard(page);
  const lastName = `Bankfout${Date.now() % 100000}`;
  const created = await rpc(page.request, 'relations.create', { kind: 'person', fields: { firstName: 'Ids', lastName }, typeCodes: [] });
  await app.open();
  await app.searchAndOpen(lastName, `Ids ${lastName}`);

  await card.setField('IBAN', 'NL91ABNA0417164301');
  await expect(card.root.getByText('controlegetal klopt niet')).toBeVisible();
  await card.save();
  await expect(card.root.getByTestId('issue-summary')).toContainText('IBAN: controlegetal klopt niet');

  const stored = await rpc(page.request, 'relations.get', { id: created.id });
  expect(stored.fields.iban).toBeNull();

  // The right number is accepted, and the BIC is suggested from the bank code.
  await card.setField('IBAN', 'NL91 ABNA 0417 1643 00');
  await expect(card.field('BIC')).toHaveValue('ABNANL2A');
  await card.save();
  await expect(card.root.getByText('Opgeslagen')).toBeVisible();
  expect((await rpc(page.request, 'relations.get', { id: created.id })).fields.iban).toBe('NL91ABNA0417164300');
});

test('a name with a hidden control character and a birth date after today are refused on the card, in Dutch', async ({ page }) => {
  const app = new AppPage(page);
  const card = new RelationCard(page);
  const lastName = `Stuurteken${Date.now() % 100000}`;
  const created = await rpc(page.request, 'relations.create', { kind: 'person', fields: { firstName: 'Fenna', lastName, birthDate: '1990-04-01' }, typeCodes: [] });
  await app.open();
  await app.searchAndOpen(lastName, `Fenna ${lastName}`);

  // Pasted text carrying a right-to-left override, which makes a name display reversed.
  await card.setField('Achternaam', `${lastName}\u202eknab`);
  await card.save();
  const summary = card.root.getByTestId('issue-summary');
  await expect(summary).toContainText('Achternaam: bevat onzichtbare stuurtekens');
  await page.screenshot({ path: 'test-results/e2e/control-character.png' });
  await card.setField('Achternaam', lastName);
  await card.setField('Geboortedatum', '1-1-2099');
  await card.save();
  await expect(summary).toContainText('Geboortedatum: deze datum ligt na vandaag');
  await page.screenshot({ path: 'test-results/e2e/birth-after-today.png' });

  const stored = await rpc(page.request, 'relations.get', { id: created.id });
  expect(stored.fields).toMatchObject({ lastName, birthDate: '1990-04-01' });
});

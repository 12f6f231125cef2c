import { expect, test } from './fixtures';
import { AppPage } from './pages/app-page';
import { GroupsPage } from './pages/groups-page';
import { rpc } from './pages/api';

test('a mailing list from a selection, with one person excluded and one added by hand', async ({ page }) => {
  const tag = `${Date.now() % 1_000_000}`;
  const town = `Lijstdorp${tag}`;
  const person = (lastName: string, typeCodes: string[]) =>
    rpc(page.request, 'relations.create', {
      kind: 'person',
      fields: { firstName: 'Mia', lastName },
      address: { postcode: '9711 LM', houseNumber: 3, street: 'Vismarkt', city: town },
      typeCodes,
    });
  await person(`Donateur${tag}`, ['donateur']);
  await person(`Uitgeschreven${tag}`, ['donateur']);
  await person(`Pers${tag}`, []);
  const names = { donor: `Mia Donateur${tag}`, out: `Mia Uitgeschreven${tag}`, press: `Mia Pers${tag}` };
  await rpc(page.request, 'selections.create', {
    name: `Donateurs ${town}`,
    condition: { type: 'and', items: [{ type: 'relationType', codes: ['donateur'] }, { type: 'address', cities: [town] }] },
  });

  const app = new AppPage(page);
  const groups = new GroupsPage(page);
  await app.open();
  await groups.open();
  await page.getByTestId('new-mailing-list').click();
  const dialog = page.getByRole('dialog', { name: 'Nieuwe verzendlijst' });
  await dialog.getByLabel('Naam', { exact: true }).fill(`Nieuwsbrief ${tag}`);
  await dialog.getByRole('combobox', { name: 'Selectie' }).click();
  await page.getByRole('option', { name: `Donateurs ${town}`, exact: true }).click();
  await dialog.getByTestId('save-mailing-list').click();
  await expect(groups.detail.getByTestId('group-name')).toHaveText(`Nieuwsbrief ${tag}`);
  await expect(groups.detail.getByTestId('group-type')).toHaveText('Verzendlijst');
  await expect(groups.detail.getByTestId('group-kind')).toHaveText('slim');

  await groups.expectMembers([names.donor, names.out]);
  await expect(groups.member(names.donor)).toContainText('regel');

  // Excluded by hand although the selection still includes her.
  await groups.member(names.out).getByTestId('exclude-member').click();
  const exclude = page.getByRole('dialog', { name: 'Uitsluiten van de groep' });
  await exclude.getByTestId('save-exclude').click();
  await expect(exclude).toBeHidden();
  await groups.expectMembers([names.donor]);

  // Added by hand although the selection does not include him.
  await groups.addMember({ search: `Pers${tag}`, name: names.press, role: 'Lid', from: '1-1-2026' });
  await groups.expectMembers([names.donor, names.press]);
  await expect(groups.member(names.press)).toContainText('hand');

  await groups.tab('Handmatig ingevoerd');
  await expect(page.getByTestId('entry-row')).toHaveCount(2);
  await expect(page.getByTestId('entry-row').filter({ hasText: names.out })).toContainText('uitgesloten');

  await groups.tab('Regel');
  await expect(groups.builder.rows).toHaveCount(1);
  await expect(groups.builder.rows.first().getByTestId('condition-choice')).toHaveValue('Selectie');
  await expect(groups.builder.rows.first().getByTestId('atom-selection')).toHaveValue(`Donateurs ${town}`);
  await expect(page.getByTestId('preview-count')).toHaveText('2 relaties voldoen');
  await page.screenshot({ path: 'test-results/e2e/group-rule.png', fullPage: true });
});

test('refuses to delete a group with subgroups, naming them', async ({ page }) => {
  const tag = `${Date.now() % 1_000_000}`;
  const parent = await rpc(page.request, 'groups.create', { name: `Commissies ${tag}`, type: 'other' });
  await rpc(page.request, 'groups.create', { name: `Kascommissie ${tag}`, type: 'committee', parentId: parent.id });
  const app = new AppPage(page);
  const groups = new GroupsPage(page);
  await app.open();
  await groups.open();
  await groups.openGroup(`Commissies ${tag}`);
  await groups.detail.getByTestId('delete-group').click();
  await page.getByTestId('confirm-button').click();
  await expect(groups.detail.getByTestId('error-alert')).toHaveText(
    `Deze groep heeft nog subgroepen (groep “Kascommissie ${tag}”). Verplaats of verwijder die eerst.`,
  );
  await expect(groups.tree.locator(`[data-name="Kascommissie ${tag}"]`)).toBeVisible();
});

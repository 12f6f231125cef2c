import fs from 'node:fs';
import { expect, test } from './fixtures';
import { AppPage } from './pages/app-page';
import { GroupsPage } from './pages/groups-page';
import { UnitsPage } from './pages/units-page';
import { rpc } from './pages/api';

/*
 * The demo shows the association (board with history, committees, mailing lists, units and
 * memberships), and the AVG tools: the retention list in Settings, the export of everything
 * about one person and anonymising from the relation card.
 */
test('the demo shows groups, units and memberships', async ({ page }) => {
  const app = new AppPage(page);
  await app.open();
  const groups = new GroupsPage(page);
  await groups.open();
  for (const name of ['Bestuur', 'Kascommissie', 'Activiteitencommissie', 'Redactie clubblad', 'Jeugdnieuwsbrief']) await expect(page.getByText(name, { exact: true }).first()).toBeVisible();
  await groups.openGroup('Bestuur');
  await page.screenshot({ path: '/tmp/s5-privacy/demo-groups.png', fullPage: true });
  const units = new UnitsPage(page);
  await units.open();
  await expect(units.tree).toContainText('Vereniging Het Groene Hart');
  await expect(units.tree).toContainText('Provincie');
  await page.screenshot({ path: '/tmp/s5-privacy/demo-units.png', fullPage: true });
});

test('retention list, export everything about a person, anonymise with a clear confirmation', async ({ page, request }) => {
  const sfx = String(Date.now() % 100000);
  const lastName = `Vertrokken${sfx}`;
  const types = await rpc(request, 'relationTypes.list', {});
  const lid = types.rows.find((t) => t.code === 'lid')!;
  const r = await rpc(request, 'relations.create', { kind: 'person', fields: { firstName: 'Truus', lastName, email: `truus.${sfx}@voorbeeld.nl` }, address: { postcode: '3511 AB', houseNumber: 3, street: 'Oudegracht' } });
  await rpc(request, 'relations.addType', { relationId: r.id, typeId: lid.id, validFrom: '2001-01-01', validTo: '2019-03-01' });

  const app = new AppPage(page);
  await app.open();
  await app.goTo('Instellingen');
  await page.getByTestId('settings-privacy').click();
  const table = page.getByTestId('retention-table');
  await expect(table).toContainText(`Truus ${lastName}`);
  await page.screenshot({ path: '/tmp/s5-privacy/retention.png', fullPage: true });

  await app.searchAndOpen(lastName, `Truus ${lastName}`);
  await expect(page.getByTestId('card-name')).toHaveText(`Truus ${lastName}`);
  await page.screenshot({ path: '/tmp/s5-privacy/card.png', fullPage: true });
  const download = page.waitForEvent('download');
  await page.getByTestId('privacy-export').click();
  const file = await (await download).path();
  const zip = fs.readFileSync(file);
  expect(zip.subarray(0, 2).toString()).toBe('PK');
  expect((await (await download).suggestedFilename())).toMatch(/^persoonsgegevens-\d+\.zip$/);

  await page.getByTestId('privacy-anonymise').click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('Facturen en betalingen blijven 7 jaar bewaard');
  // The overview is the operation's own dry run: her address and relation type are among what goes.
  await expect(dialog.getByTestId('anonymise-preview')).toHaveText(/^Wat er gebeurt: [2-9]\d* gegevens worden gewist, 0 financiële gegevens blijven bewaard onder pseudoniem en \d+ regels in de historie worden leeggemaakt\.$/);
  await page.screenshot({ path: '/tmp/s5-privacy/anonymise-confirm.png' });
  // Without the tick nothing happens.
  await dialog.getByTestId('confirm-button').click();
  await expect(dialog).toBeVisible();
  await dialog.getByTestId('anonymise-understood').click();
  await dialog.getByTestId('confirm-button').click();
  await expect(page.getByTestId('card-name')).toHaveText('Geanonimiseerd');
  const search = await rpc(request, 'relations.search', { query: lastName });
  expect(search.rows).toEqual([]);
  await page.screenshot({ path: '/tmp/s5-privacy/card-anonymised.png', fullPage: true });
});
